// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace confab {

// The answer of a call that succeeds with nothing to return (sign-out, leave, kick, delete…):
// the server's services return Result<Done>, the client's API calls answer ApiCallback<Done>.
struct Done {};

} // namespace confab
