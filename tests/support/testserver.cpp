// SPDX-License-Identifier: GPL-3.0-or-later
#include "testserver.h"

#include "postgrestestdatabase.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace confab::test {

TestServer::TestServer() : m_databaseUrl(PostgresTestDatabase::createFresh()) {}

bool TestServer::useDatabaseOf(const TestServer &other)
{
    if (other.m_databaseUrl.isEmpty())
        return false;
    m_databaseUrl = other.m_databaseUrl;
    return true;
}

bool TestServer::execSql(const QString &sql, const QVariantList &params) const
{
    const QString name = QStringLiteral("confab-test-execsql");
    bool ok = false;
    {
        const QUrl pg(m_databaseUrl);
        QSqlDatabase db =
            QSqlDatabase::addDatabase(pg.isEmpty() ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
        if (pg.isEmpty()) {
            db.setDatabaseName(QDir(m_dataDir.path()).filePath(QStringLiteral("confab.db")));
        } else {
            db.setHostName(pg.host());
            db.setPort(pg.port(5432));
            db.setUserName(pg.userName());
            db.setPassword(pg.password());
            db.setDatabaseName(pg.path().mid(1));
        }
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.prepare(sql);
            for (const QVariant &p : params)
                q.addBindValue(p);
            ok = ok && q.exec();
            if (!ok)
                qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        } else {
            qWarning("cannot open the server's database: %s", qPrintable(db.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QStringList TestServer::storageArgs() const
{
    QStringList args{QStringLiteral("--data-dir"), m_dataDir.path()};
    if (!m_databaseUrl.isEmpty())
        args << QStringLiteral("--database") << m_databaseUrl;
    return args;
}

TestServer::~TestServer()
{
    if (isRunning())
        kill();
}

bool TestServer::start(const QStringList &extraArgs)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // A test that crashes or times out must not leave its server running (and holding a port).
    const int descriptors = m_descriptorLimit;
    const int stderrFd = m_stderrFd;
    m_process->setChildProcessModifier([descriptors, stderrFd] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (stderrFd >= 0) // after QProcess set up its channels
            ::dup2(stderrFd, STDERR_FILENO);
        if (descriptors > 0) {
            const rlimit limit{rlim_t(descriptors), rlim_t(descriptors)};
            ::setrlimit(RLIMIT_NOFILE, &limit);
        }
    });
    QStringList args = storageArgs();
    args << QStringLiteral("--port") << QString::number(m_port) << QStringLiteral("--bind")
         << QStringLiteral("127.0.0.1");
    args += extraArgs;
    m_lastArgs = args;
    m_output.clear();
    QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(),
                     [this] { m_output += m_process->readAll(); });
    if (!m_environment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(m_environment);
        m_process->setProcessEnvironment(env);
    }
    m_process->start(QStringLiteral(CONFAB_SERVER_BINARY), args);
    if (!m_process->waitForStarted(10000))
        return false;
    // The server prints "confab-server listening on 127.0.0.1:PORT" once it accepts connections.
    static const QRegularExpression listening(QStringLiteral("listening on [^ ]*:(\\d+)"));
    const bool ok = QTest::qWaitFor(
        [&] {
            if (m_process->state() != QProcess::Running)
                return true;
            return listening.match(QString::fromUtf8(m_output)).hasMatch();
        },
        20000);
    const auto match = listening.match(QString::fromUtf8(m_output));
    if (!ok || !match.hasMatch()) {
        qWarning("confab-server did not start:\n%s", m_output.constData());
        return false;
    }
    m_port = quint16(match.captured(1).toUInt());
    return true;
}

QStringList TestServer::relaxedArgs()
{
    return {QStringLiteral("--insecure-fast-password-hashing"),
            QStringLiteral("--message-rate"),
            QStringLiteral("1000"),
            QStringLiteral("--message-burst"),
            QStringLiteral("1000"),
            QStringLiteral("--request-rate"),
            QStringLiteral("1000"),
            QStringLiteral("--request-burst"),
            QStringLiteral("1000")};
}

void TestServer::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
}

bool TestServer::stop()
{
    if (!m_process)
        return true;
    m_process->terminate();
    return m_process->waitForFinished(15000) && m_process->exitStatus() == QProcess::NormalExit;
}

int TestServer::runCommand(const QStringList &args, QByteArray *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(CONFAB_SERVER_BINARY), QStringList(args) + storageArgs());
    if (!p.waitForFinished(30000))
        return -1;
    if (output)
        *output = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

std::unique_ptr<QProcess> TestServer::startCommand(const QStringList &args) const
{
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->start(QStringLiteral(CONFAB_SERVER_BINARY), QStringList(args) + storageArgs());
    return p;
}

QUrl TestServer::httpUrl(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

QUrl TestServer::wsUrl(const QString &token) const
{
    QString url = QStringLiteral("ws://127.0.0.1:%1/chat").arg(m_port);
    if (!token.isEmpty())
        url += QStringLiteral("?token=") + token;
    return QUrl(url);
}

bool TestServer::isRunning() const { return m_process && m_process->state() == QProcess::Running; }

} // namespace confab::test
