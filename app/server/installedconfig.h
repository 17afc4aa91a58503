// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace confab::server {

// The INI file an installed server reads when none is named: <sysconfdir>/confab/server.ini
// (/etc/confab/server.ini for the /usr prefix the Debian package uses). Only a program that runs
// from the build's install bindir gets it, so a build-tree or test binary never picks up the
// machine's configuration. Empty otherwise.
QString installedConfigPath(const QString &programDir);

} // namespace confab::server
