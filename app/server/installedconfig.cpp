// SPDX-License-Identifier: GPL-3.0-or-later
#include "installedconfig.h"

#include <QDir>

namespace confab::server {

QString installedConfigPath(const QString &programDir)
{
    // Both come from CMake's GNUInstallDirs (app/server/CMakeLists.txt).
    const QString bindir = QStringLiteral(CONFAB_INSTALL_FULL_BINDIR);
    if (QDir::cleanPath(programDir) != QDir::cleanPath(bindir))
        return {};
    return QStringLiteral(CONFAB_INSTALL_FULL_SYSCONFDIR "/confab/server.ini");
}

} // namespace confab::server
