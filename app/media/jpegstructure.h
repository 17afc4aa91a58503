// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QIODevice;

namespace confab::media {

// True when the device starts with a JPEG's start-of-image marker (reads from the current position).
bool hasJpegSignature(QIODevice &in);

// Walks a JPEG's segments and entropy-coded data up to the end-of-image marker. False when the
// data ends first (a truncated upload: libjpeg would pad it with grey and call it a success) or the
// marker structure is broken. Reads in chunks; memory use does not grow with the file.
bool jpegIsComplete(QIODevice &in);

} // namespace confab::media
