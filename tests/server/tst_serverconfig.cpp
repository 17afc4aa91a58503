// SPDX-License-Identifier: GPL-3.0-or-later
// Where the server's settings come from: the packaged /etc/confab/server.ini is the last INI file
// looked at, flags and the data dir's own INI still win, and only an installed program gets it.

#include "server/installedconfig.h"
#include "server/serverconfig.h"

#include <QtTest>

using namespace confab::server;

class TestServerConfig : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(text);
        return path;
    }

    // Loads a config as the program does, from these arguments and no environment.
    static bool load(ServerConfig &config, const QStringList &args, QString *error)
    {
        QCommandLineParser parser;
        ServerConfig::addOptions(parser);
        if (!parser.parse(QStringList{QStringLiteral("confab-server")} + args)) {
            *error = parser.errorText();
            return false;
        }
        return config.load(parser, QProcessEnvironment(), error);
    }

private Q_SLOTS:
    void installedFileIsReadWhenNoOtherIs()
    {
        const QString data = m_dir.filePath(QStringLiteral("installed-data"));
        const QString ini =
            writeFile(QStringLiteral("etc/server.ini"),
                      "# packaged default\nport = 9123\ndata-dir = " + data.toUtf8() + "\nmessage-rate = 7\n");
        QVERIFY(!ini.isEmpty());
        ServerConfig config;
        config.installedConfigFile = ini;
        QString error;
        QVERIFY2(load(config, {}, &error), qPrintable(error));
        QCOMPARE(config.configFile, ini);
        QCOMPARE(config.port, quint16(9123));
        QCOMPARE(config.dataDir, data);
        QCOMPARE(config.messageRate, 7.0);
    }

    void flagsAndTheDataDirsFileWin()
    {
        const QString data = m_dir.filePath(QStringLiteral("own-data"));
        const QString installed = writeFile(QStringLiteral("etc2/server.ini"), "port = 9123\nmessage-rate = 7\n");
        const QString own = writeFile(QStringLiteral("own-data/confab-server.ini"), "message-rate = 3\n");
        QVERIFY(!installed.isEmpty() && !own.isEmpty());
        ServerConfig config;
        config.installedConfigFile = installed;
        QString error;
        QVERIFY2(load(config, {QStringLiteral("--data-dir"), data}, &error), qPrintable(error));
        QCOMPARE(config.configFile, own);
        QCOMPARE(config.messageRate, 3.0);
        QCOMPARE(config.port, quint16(8080)); // the installed file was not read at all

        ServerConfig flagged;
        flagged.installedConfigFile = installed;
        QVERIFY2(load(flagged,
                      {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("other")), QStringLiteral("--port"),
                       QStringLiteral("9200")},
                      &error),
                 qPrintable(error));
        QCOMPARE(flagged.configFile, installed);
        QCOMPARE(flagged.port, quint16(9200));
        QCOMPARE(flagged.messageRate, 7.0);
    }

    void badValueInTheInstalledFileNamesIt()
    {
        const QString ini = writeFile(QStringLiteral("etc3/server.ini"), "port = 70000\n");
        ServerConfig config;
        config.installedConfigFile = ini;
        QString error;
        QVERIFY(!load(config, {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("d3"))}, &error));
        QVERIFY2(error.contains(ini) && error.contains(QStringLiteral("port")), qPrintable(error));
    }

    // --database takes a postgresql:// URL; anything else is refused with what is wrong with it.
    void databaseUrlIsCheckedAndNamed()
    {
        const QString data = m_dir.filePath(QStringLiteral("d-db"));
        ServerConfig ok;
        QString error;
        QVERIFY2(load(ok,
                      {QStringLiteral("--data-dir"), data, QStringLiteral("--database"),
                       QStringLiteral("postgresql://confab@127.0.0.1:5432/confab")},
                      &error),
                 qPrintable(error));
        QCOMPARE(ok.databaseUrl, QStringLiteral("postgresql://confab@127.0.0.1:5432/confab"));
        ServerConfig none;
        QVERIFY2(load(none, {QStringLiteral("--data-dir"), data}, &error), qPrintable(error));
        QVERIFY(none.databaseUrl.isEmpty()); // SQLite in the data directory

        const struct {
            const char *url;
            const char *says;
        } bad[] = {{"mysql://confab@db/confab", "postgresql://"},
                   {"postgresql://confab@db", "no database name"},
                   {"postgresql://db/confab", "no user name"},
                   {"postgresql:///confab", "no host"}};
        for (const auto &b : bad) {
            ServerConfig config;
            QVERIFY(!load(
                config, {QStringLiteral("--data-dir"), data, QStringLiteral("--database"), QString::fromLatin1(b.url)},
                &error));
            QVERIFY2(error.startsWith(QStringLiteral("--database: ")) && error.contains(QLatin1String(b.says)),
                     qPrintable(error));
        }
    }

    void onlyAnInstalledProgramGetsTheFile()
    {
        // This test runs from the build tree, never from the install bindir.
        QCOMPARE(installedConfigPath(QCoreApplication::applicationDirPath()), QString());
        QCOMPARE(installedConfigPath(QStringLiteral("/nonexistent/build/app")), QString());
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
