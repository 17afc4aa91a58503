// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace confab::client {

// A moment for people, short and in the user's locale: the time alone today ("14:05"), day and
// month with the time this year ("22 Nov 14:05"), the short date and time otherwise. 0 gives "".
QString shortTimeText(qint64 msSinceEpoch);

} // namespace confab::client
