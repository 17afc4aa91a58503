// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace confab::media {

// Initialises Exiv2 once per process (thread-safe): XMP toolkit with a lock, log output muted.
void ensureExiv2Ready();

} // namespace confab::media
