// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientlogfile.h"

#include "core/logline.h"

#include <QDateTime>
#include <QDir>
#include <QStandardPaths>

namespace confab::client {

namespace {

ClientLogFile *g_log = nullptr;
QtMessageHandler g_previous = nullptr;

void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_log)
        g_log->write(LogLine::timestamped(QDateTime::currentDateTimeUtc(), type, context.category, message));
    if (g_previous)
        g_previous(type, context, message);
}

} // namespace

ClientLogFile::ClientLogFile(QString directory, Limits limits) : m_directory(std::move(directory)), m_limits(limits)
{
    m_file.setFileName(filePath());
}

QString ClientLogFile::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/logs");
}

QString ClientLogFile::filePath() const { return QDir(m_directory).filePath(QStringLiteral("confab.log")); }

void ClientLogFile::install()
{
    g_log = this;
    g_previous = qInstallMessageHandler(handle);
}

void ClientLogFile::write(const QByteArray &line)
{
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen()) {
        QDir().mkpath(m_directory);
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append))
            return; // no log on disk: the messages still reach standard error
    }
    if (m_file.size() > 0 && m_file.size() + line.size() + 1 > m_limits.maxBytes)
        rotate();
    if (!m_file.isOpen())
        return;
    m_file.write(line);
    m_file.write("\n", 1);
    m_file.flush(); // a crash must not take the last lines with it
}

void ClientLogFile::rotate()
{
    m_file.close();
    const QString base = filePath();
    QFile::remove(base + QLatin1Char('.') + QString::number(m_limits.generations));
    for (int i = m_limits.generations - 1; i >= 1; --i)
        QFile::rename(base + QLatin1Char('.') + QString::number(i), base + QLatin1Char('.') + QString::number(i + 1));
    if (m_limits.generations > 0)
        QFile::rename(base, base + QStringLiteral(".1"));
    else
        QFile::remove(base);
    m_file.open(QIODevice::WriteOnly | QIODevice::Append);
}

} // namespace confab::client
