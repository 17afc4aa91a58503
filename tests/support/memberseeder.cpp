// SPDX-License-Identifier: GPL-3.0-or-later
#include "memberseeder.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

namespace confab::test {

namespace {
const QStringList kFirst{
    QStringLiteral("Ada"),   QStringLiteral("Bruno"),  QStringLiteral("Chloé"),  QStringLiteral("Dmitri"),
    QStringLiteral("Elif"),  QStringLiteral("Farah"),  QStringLiteral("Goran"),  QStringLiteral("Hiro"),
    QStringLiteral("Inès"),  QStringLiteral("Jonas"),  QStringLiteral("Keiko"),  QStringLiteral("Lars"),
    QStringLiteral("Maya"),  QStringLiteral("Nnamdi"), QStringLiteral("Olga"),   QStringLiteral("Pablo"),
    QStringLiteral("Quinn"), QStringLiteral("Rosa"),   QStringLiteral("Sanjay"), QStringLiteral("Tove")};
const QStringList kLast{QStringLiteral("Abbott"), QStringLiteral("Berg"),     QStringLiteral("Costa"),
                        QStringLiteral("Dahl"),   QStringLiteral("Eze"),      QStringLiteral("Fischer"),
                        QStringLiteral("García"), QStringLiteral("Holm"),     QStringLiteral("Ito"),
                        QStringLiteral("Jensen"), QStringLiteral("Kowalski"), QStringLiteral("Lund"),
                        QStringLiteral("Moreau"), QStringLiteral("Novak"),    QStringLiteral("Okafor")};
const QStringList kStatuses{QStringLiteral("🌴 On holiday"), QStringLiteral("🎧 Focus mode"),
                            QStringLiteral("🚆 Commuting"), QStringLiteral("In meetings all day")};
} // namespace

bool seedRoomMembers(const QString &databasePath, const QString &roomId, int count, const QString &prefix)
{
    const QString connection = QStringLiteral("seed-") + QUuid::createUuid().toString(QUuid::Id128);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(databasePath);
        if (!db.open()) {
            qWarning("seedRoomMembers: cannot open %s: %s", qPrintable(databasePath),
                     qPrintable(db.lastError().text()));
        } else {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            db.transaction();
            QSqlQuery user(db);
            user.prepare(QStringLiteral(
                "INSERT INTO users (user_id, username_key, username, display_name, avatar, role, password_hash, "
                "disabled, status, custom_status, last_seen, created_at) VALUES (?, ?, ?, ?, NULL, 'user', ?, 0, "
                "'offline', ?, ?, ?)"));
            QSqlQuery member(db);
            member.prepare(QStringLiteral("INSERT INTO room_members (room_id, user_id, role, joined_at) "
                                          "VALUES (?, ?, 'member', ?)"));
            ok = true;
            for (int i = 0; ok && i < count; ++i) {
                const QString username = prefix + QString::number(i).rightJustified(5, QLatin1Char('0'));
                const QString id = QStringLiteral("u_") + username;
                const QString name = kFirst[i % kFirst.size()] + QLatin1Char(' ') + kLast[(i / 7) % kLast.size()] +
                                     QLatin1Char(' ') + QString::number(i);
                user.addBindValue(id);
                user.addBindValue(username);
                user.addBindValue(username);
                user.addBindValue(name);
                user.addBindValue(QByteArray("not a password hash"));
                user.addBindValue(i % 5 == 0 ? QVariant(kStatuses[(i / 5) % kStatuses.size()]) : QVariant());
                user.addBindValue(now - qint64(i % 2000) * 37 * 60 * 1000); // minutes to weeks ago
                user.addBindValue(now);
                member.addBindValue(roomId);
                member.addBindValue(id);
                member.addBindValue(now);
                ok = user.exec() && member.exec();
                if (!ok)
                    qWarning("seedRoomMembers: %s %s", qPrintable(user.lastError().text()),
                             qPrintable(member.lastError().text()));
            }
            ok = ok && db.commit();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace confab::test
