// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QVariantList>

#include <memory>

namespace confab::test {

// A real confab-server process on 127.0.0.1 with its own data directory, on a port it picks;
// with CONFAB_TEST_POSTGRES set, also with its own PostgreSQL database (postgrestestdatabase.h).
class TestServer {
public:
    TestServer();
    ~TestServer();

    // Starts the server (extra flags appended) and waits until it prints its port.
    bool start(const QStringList &extraArgs = {});
    // Before start(): run the server with RLIMIT_NOFILE (soft and hard) at `descriptors`.
    void setDescriptorLimit(int descriptors) { m_descriptorLimit = descriptors; }
    // Before start(): the server's standard error goes to `fd` (a pipe the test controls)
    // instead of output(); its standard output still comes to output().
    void redirectStandardError(int fd) { m_stderrFd = fd; }
    // Flags for a test that signs many people up and posts quickly: fast password hashing and
    // rate limits far above what the test reaches.
    static QStringList relaxedArgs();
    // SIGKILL: no clean shutdown, as in a crash or power cut of the process.
    void kill();
    // Clean stop (SIGTERM) and wait.
    bool stop();
    // Before start(): run on the same PostgreSQL database as `other` (two servers, one database).
    // Only with CONFAB_TEST_POSTGRES set; returns false on SQLite.
    bool useDatabaseOf(const TestServer &other);
    QString databaseUrl() const { return m_databaseUrl; }
    // Runs one SQL statement (positional ? parameters) on the server's database behind its back,
    // SQLite's file or the PostgreSQL database alike (a test ageing rows, say). Stop the server
    // first on SQLite. Returns false, with the reason in the test log, when it fails.
    bool execSql(const QString &sql, const QVariantList &params = {}) const;
    // Before start(): extra environment variables for the server process (NOTIFY_SOCKET, logging rules).
    void setEnvironment(const QProcessEnvironment &env) { m_environment = env; }
    // Runs `confab-server <args> --data-dir <ours>` to completion (admin subcommands).
    int runCommand(const QStringList &args, QByteArray *output = nullptr);
    // Starts the same without waiting, for a test that keeps working while the command runs.
    std::unique_ptr<QProcess> startCommand(const QStringList &args) const;

    quint16 port() const { return m_port; }
    QUrl httpUrl(const QString &path = {}) const;
    QUrl wsUrl(const QString &token = {}) const;
    QString dataDir() const { return m_dataDir.path(); }
    QByteArray output() const { return m_output; }
    bool isRunning() const;
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

private:
    // The data directory's flags, and --database when the tests run on PostgreSQL.
    QStringList storageArgs() const;

    QTemporaryDir m_dataDir;
    QString m_databaseUrl; // a fresh PostgreSQL database (postgrestestdatabase.h); empty: SQLite
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    QStringList m_lastArgs;
    quint16 m_port = 0;
    int m_descriptorLimit = 0; // 0: inherited
    int m_stderrFd = -1;       // -1: merged into output()
    QProcessEnvironment m_environment;
};

} // namespace confab::test
