// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop client's rotating log file.

#include "client/diagnostics/clientlogfile.h"

#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace confab::client;

Q_LOGGING_CATEGORY(lcLogFileTest, "confab.test.logfile")

class TestLogFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The file never grows past the cap, a fixed number of generations is kept, and the newest
    // lines are in the current file.
    void rotatesAtTheCapKeepingAFewGenerations()
    {
        QTemporaryDir dir;
        ClientLogFile log(dir.path(), {1000, 3});
        for (int i = 0; i < 200; ++i)
            log.write(QByteArray("line ") + QByteArray::number(i) + ' ' + QByteArray(40, 'x'));
        const QStringList files = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files, (QStringList{QStringLiteral("confab.log"), QStringLiteral("confab.log.1"),
                                     QStringLiteral("confab.log.2"), QStringLiteral("confab.log.3")}));
        for (const QString &f : files)
            QVERIFY2(QFileInfo(dir.filePath(f)).size() <= 1000, qPrintable(f));
        QFile current(log.filePath());
        QVERIFY(current.open(QIODevice::ReadOnly));
        QVERIFY(current.readAll().contains("line 199 "));
    }

    // Installed, it takes Qt's log messages, under the folder Help → Open log folder opens.
    void takesQtMessagesUnderAppLocalData()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("confab"));
        QCoreApplication::setApplicationName(QStringLiteral("confab"));
        const QString directory = ClientLogFile::defaultDirectory();
        QVERIFY(directory.endsWith(QStringLiteral("/confab/confab/logs")));
        QDir(directory).removeRecursively();
        static ClientLogFile log(directory, {});
        log.install();
        qCWarning(lcLogFileTest) << "something to find later";
        QFile file(QDir(directory).filePath(QStringLiteral("confab.log")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains("warning confab.test.logfile: something to find later"), text.constData());
    }
};

QTEST_GUILESS_MAIN(TestLogFile)
#include "tst_logfile.moc"
