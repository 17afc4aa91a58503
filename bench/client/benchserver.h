// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QUrl>

namespace confab::bench {

// A real confab-server process on 127.0.0.1 with a port of its choosing, rate limits lifted
// and fast password hashing (setup only), over one data directory.
class BenchServer {
public:
    BenchServer(QString program, QString dataDir);
    ~BenchServer();
    BenchServer(const BenchServer &) = delete;
    BenchServer &operator=(const BenchServer &) = delete;

    // Starts it and waits (up to 20 s) for "listening on"; false with errorString() otherwise.
    bool start();
    void stop();
    QUrl url() const { return m_url; }
    QString databasePath() const { return m_dataDir + QStringLiteral("/confab.db"); }
    QString errorString() const { return m_error; }
    QString logPath() const;

private:
    QString m_program;
    QString m_dataDir;
    QProcess m_process;
    QUrl m_url;
    QString m_error;
};

} // namespace confab::bench
