// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyseeder.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace confab::test {

namespace {

QString run(QSqlQuery &q) { return q.exec() ? QString() : q.lastError().text(); }

QString seedInto(QSqlDatabase &db, const QString &roomId, const QString &authorId, int count, int daysAgo, int special,
                 const QString &specialText)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT last_seq FROM rooms WHERE room_id = ?"));
    q.addBindValue(roomId);
    if (!q.exec() || !q.next())
        return QStringLiteral("no room %1: %2").arg(roomId, q.lastError().text());
    const qint64 base = q.value(0).toLongLong();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 start = now - qint64(daysAgo) * 86400000;
    const qint64 step = std::clamp<qint64>((now - start) / std::max(count, 1), 1, 60000);
    if (!db.transaction())
        return db.lastError().text();
    QSqlQuery message(db), event(db);
    message.prepare(QStringLiteral("INSERT INTO messages (message_id, room_id, seq, author_id, content, type, "
                                   "created_at) VALUES (?, ?, ?, ?, ?, 'text', ?)"));
    event.prepare(QStringLiteral("INSERT INTO room_events (room_id, seq, type, message_id, payload, created_at) "
                                 "VALUES (?, ?, 'new_message', ?, NULL, ?)"));
    for (int i = 0; i < count; ++i) {
        const QString id = QStringLiteral("seed-%1").arg(i);
        const qint64 seq = base + 1 + i;
        const qint64 at = start + qint64(i) * step;
        const QString text = i == special ? specialText : QStringLiteral("filler message %1").arg(i);
        for (const QVariant &v :
             {QVariant(id), QVariant(roomId), QVariant(seq), QVariant(authorId), QVariant(text), QVariant(at)})
            message.addBindValue(v);
        if (QString e = run(message); !e.isEmpty())
            return e;
        for (const QVariant &v : {QVariant(roomId), QVariant(seq), QVariant(id), QVariant(at)})
            event.addBindValue(v);
        if (QString e = run(event); !e.isEmpty())
            return e;
    }
    q.prepare(QStringLiteral("UPDATE rooms SET last_seq = ?, last_activity = ? WHERE room_id = ?"));
    q.addBindValue(base + count);
    q.addBindValue(start + qint64(count - 1) * step);
    q.addBindValue(roomId);
    if (QString e = run(q); !e.isEmpty())
        return e;
    return db.commit() ? QString() : db.lastError().text();
}

} // namespace

QString seedHistory(const QString &dataDir, const QString &roomId, const QString &authorId, int count, int daysAgo,
                    int special, const QString &specialText)
{
    const QString name = QStringLiteral("seed-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dataDir + QStringLiteral("/confab.db"));
        error =
            db.open() ? seedInto(db, roomId, authorId, count, daysAgo, special, specialText) : db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

} // namespace confab::test
