// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficcapture.h"

#include <QCoreApplication>
#include <QDir>

namespace confab::server {

namespace {
const QString &captureDir()
{
    static const QString dir = qEnvironmentVariable("CONFAB_CAPTURE_DIR");
    return dir;
}
} // namespace

TrafficCapture::TrafficCapture(const char *kind, quint64 id)
{
    if (captureDir().isEmpty())
        return;
    const QString name =
        QStringLiteral("%1-%2.%3").arg(QCoreApplication::applicationPid()).arg(id).arg(QLatin1String(kind));
    m_file = std::make_unique<QFile>(QDir(captureDir()).filePath(name));
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::Append))
        m_file.reset();
}

void TrafficCapture::append(QByteArrayView bytes)
{
    if (m_file && !bytes.isEmpty())
        m_file->write(bytes.data(), bytes.size());
}

} // namespace confab::server
