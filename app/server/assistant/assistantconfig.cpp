// SPDX-License-Identifier: GPL-3.0-or-later
#include "assistantconfig.h"

#include <QFile>

namespace confab::server {

bool AssistantConfig::loadKey(const QProcessEnvironment &env, QString *error)
{
    apiKey.clear();
    if (keyFile.isEmpty()) {
        apiKey = env.value(QStringLiteral("CONFAB_ASSISTANT_KEY")).trimmed();
        return true;
    }
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read the assistant key file %1: %2").arg(keyFile, file.errorString());
        return false;
    }
    apiKey = QString::fromUtf8(file.readLine()).trimmed();
    if (apiKey.isEmpty()) {
        *error = QStringLiteral("the assistant key file %1 is empty").arg(keyFile);
        return false;
    }
    return true;
}

} // namespace confab::server
