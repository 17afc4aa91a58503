// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchserver.h"

#include "probes.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace confab::bench {

BenchServer::BenchServer(QString program, QString dataDir)
    : m_program(std::move(program)), m_dataDir(std::move(dataDir))
{
    // Its log goes to a file: a pipe nobody reads would fill up and stall the server.
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(logPath(), QIODevice::Append);
}

QString BenchServer::logPath() const { return m_dataDir + QStringLiteral(".log"); }

BenchServer::~BenchServer() { stop(); }

bool BenchServer::start()
{
    m_url.clear();
    const qint64 logStart = QFileInfo(logPath()).size(); // only what this start writes counts
    m_process.start(m_program, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--bind"),
                                QStringLiteral("127.0.0.1"), QStringLiteral("--data-dir"), m_dataDir,
                                QStringLiteral("--insecure-fast-password-hashing"), QStringLiteral("--message-rate"),
                                QStringLiteral("100000"), QStringLiteral("--message-burst"), QStringLiteral("100000"),
                                QStringLiteral("--request-rate"), QStringLiteral("100000"),
                                QStringLiteral("--request-burst"), QStringLiteral("100000")});
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(m_program, m_process.errorString());
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on ([0-9.]+):([0-9]+)"));
    QString output;
    const bool up = waitUntil(
        [&] {
            QFile log(logPath());
            if (log.open(QIODevice::ReadOnly) && log.seek(logStart))
                output = QString::fromUtf8(log.readAll());
            const auto match = listening.match(output);
            if (match.hasMatch())
                m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(match.captured(2)));
            return !m_url.isEmpty() || m_process.state() == QProcess::NotRunning;
        },
        20000);
    if (!up || m_url.isEmpty()) {
        m_error = QStringLiteral("confab-server did not start: %1").arg(output);
        stop();
        return false;
    }
    return true;
}

void BenchServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace confab::bench
