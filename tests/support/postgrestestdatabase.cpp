// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgrestestdatabase.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace confab::test {

QString PostgresTestDatabase::clusterUrl()
{
    const QString value = qEnvironmentVariable("CONFAB_TEST_POSTGRES").trimmed();
    if (value.isEmpty() || value.startsWith(QLatin1String("postgres")))
        return value;
    QFile file(value);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("CONFAB_TEST_POSTGRES names %s, which cannot be read (is the PostgreSQL fixture running?)",
               qPrintable(value));
    return QString::fromUtf8(file.readAll()).trimmed();
}

QString PostgresTestDatabase::createFresh()
{
    const QString cluster = clusterUrl();
    if (cluster.isEmpty())
        return {};
    const QUrl url(cluster);
    const QString name =
        QStringLiteral("confab_test_%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    const QString connection = QStringLiteral("confab-test-admin-") + name;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open())
            qFatal("cannot connect to the test PostgreSQL at %s: %s", qPrintable(cluster),
                   qPrintable(db.lastError().text()));
        QSqlQuery create(db);
        if (!create.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
            qFatal("CREATE DATABASE %s failed: %s", qPrintable(name), qPrintable(create.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    QUrl fresh(url);
    fresh.setPath(QLatin1Char('/') + name);
    return fresh.toString();
}

} // namespace confab::test
