// SPDX-License-Identifier: GPL-3.0-or-later
#include "localstore.h"

#include "core/jsondocument.h"
#include "core/limits.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <nlohmann/json.hpp>

Q_LOGGING_CATEGORY(lcStore, "confab.client.store")

namespace confab::client {

namespace {

// A null QString binds as SQL NULL; the columns are NOT NULL.
QString notNull(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }

template<typename T> QString encode(const T &v) { return QString::fromUtf8(toJsonBytes(nlohmann::json(v))); }

template<typename T> std::optional<T> decode(const QString &text)
{
    try {
        return parseJsonDocument(text.toUtf8(), limits::kJsonDepthMax + 8).get<T>();
    } catch (const std::exception &e) {
        // A row written by another version: skip it; the server will send it again.
        qCWarning(lcStore) << "skipping an unreadable cached row:" << e.what();
        return std::nullopt;
    }
}

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS rooms (room_id TEXT PRIMARY KEY, json TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS messages (message_id TEXT PRIMARY KEY, room_id TEXT NOT NULL, seq INTEGER NOT NULL, "
    "json TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS messages_room_seq ON messages (room_id, seq)",
    "CREATE TABLE IF NOT EXISTS members (room_id TEXT NOT NULL, user_id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY "
    "(room_id, user_id))",
    "CREATE TABLE IF NOT EXISTS room_seq (room_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS outbox (ordinal INTEGER PRIMARY KEY AUTOINCREMENT, client_msg_id TEXT UNIQUE NOT NULL,"
    " room_id TEXT NOT NULL, content TEXT NOT NULL, type TEXT NOT NULL, reply_to TEXT NOT NULL, created_at INTEGER NOT "
    "NULL,"
    " state INTEGER NOT NULL, error TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
};

// An outgoing message's files and their upload state, as JSON in the outbox row.
QString encodeFiles(const std::vector<OutgoingFile> &files)
{
    if (files.empty())
        return QStringLiteral("");
    nlohmann::json list = nlohmann::json::array();
    for (const OutgoingFile &f : files) {
        nlohmann::json j{{"path", f.path.toStdString()},
                         {"fileName", f.fileName.toStdString()},
                         {"fileSize", f.fileSize},
                         {"mimeType", f.mimeType.toStdString()},
                         {"width", f.width},
                         {"height", f.height},
                         {"uploadId", f.uploadId.toStdString()}};
        if (f.uploaded)
            j["uploaded"] = *f.uploaded;
        list.push_back(std::move(j));
    }
    return QString::fromUtf8(toJsonBytes(list));
}

std::vector<OutgoingFile> decodeFiles(const QString &text)
{
    std::vector<OutgoingFile> out;
    if (text.isEmpty())
        return out;
    try {
        const nlohmann::json list = parseJsonDocument(text.toUtf8(), limits::kJsonDepthMax + 8);
        for (const auto &j : list) {
            OutgoingFile f;
            f.path = QString::fromStdString(j.at("path").get<std::string>());
            f.fileName = QString::fromStdString(j.at("fileName").get<std::string>());
            f.fileSize = j.at("fileSize").get<qint64>();
            f.mimeType = QString::fromStdString(j.value("mimeType", std::string()));
            f.width = j.value("width", 0);
            f.height = j.value("height", 0);
            f.uploadId = QString::fromStdString(j.value("uploadId", std::string()));
            if (j.contains("uploaded"))
                f.uploaded = j["uploaded"].get<Attachment>();
            out.push_back(std::move(f));
        }
    } catch (const std::exception &e) {
        qCWarning(lcStore) << "unreadable outbox files:" << e.what();
    }
    return out;
}

} // namespace

LocalStore::LocalStore()
    : m_connection(QStringLiteral("confab-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

LocalStore::~LocalStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool LocalStore::open(const QString &filePath)
{
    QDir().mkpath(QFileInfo(filePath).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(filePath);
    if (!db.open()) {
        m_error = db.lastError().text();
        return false;
    }
    // WAL with NORMAL sync: a crash may lose the last writes of the cache, never corrupt it;
    // the outbox is written before the message is shown as pending.
    exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    for (const char *sql : kSchema) {
        if (!exec(QString::fromLatin1(sql)))
            return false;
    }
    // Added with attachments: a cache made before them gets the column.
    {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT files FROM outbox LIMIT 0"));
        if (q.lastError().isValid() &&
            !exec(QStringLiteral("ALTER TABLE outbox ADD COLUMN files TEXT NOT NULL DEFAULT ''")))
            return false;
    }
    // Added with anonymous posts.
    {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT anonymous FROM outbox LIMIT 0"));
        if (q.lastError().isValid() &&
            !exec(QStringLiteral("ALTER TABLE outbox ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0")))
            return false;
    }
    QFile::setPermissions(filePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

bool LocalStore::isOpen() const { return QSqlDatabase::database(m_connection, false).isOpen(); }

bool LocalStore::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql)) {
        m_error = q.lastError().text();
        qCWarning(lcStore) << "store:" << m_error;
        return false;
    }
    return true;
}

// ---- rooms ------------------------------------------------------------------------------------

std::vector<Room> LocalStore::rooms() const
{
    std::vector<Room> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("SELECT json FROM rooms"));
    while (q.next()) {
        if (auto r = decode<Room>(q.value(0).toString()))
            out.push_back(std::move(*r));
    }
    return out;
}

void LocalStore::saveRoom(const Room &room)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO rooms (room_id, json) VALUES (?, ?)"));
    q.addBindValue(room.roomId);
    q.addBindValue(encode(room));
    q.exec();
}

void LocalStore::replaceRooms(const std::vector<Room> &rooms)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    QSet<QString> keep;
    for (const Room &r : rooms) {
        saveRoom(r);
        keep.insert(r.roomId);
    }
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT room_id FROM rooms"));
    QStringList gone;
    while (q.next()) {
        if (!keep.contains(q.value(0).toString()))
            gone << q.value(0).toString();
    }
    for (const QString &id : gone)
        removeRoom(id);
    db.commit();
}

void LocalStore::removeRoom(const QString &roomId)
{
    for (const char *sql : {"DELETE FROM rooms WHERE room_id = ?", "DELETE FROM messages WHERE room_id = ?",
                            "DELETE FROM members WHERE room_id = ?", "DELETE FROM room_seq WHERE room_id = ?"}) {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        q.prepare(QString::fromLatin1(sql));
        q.addBindValue(roomId);
        q.exec();
    }
}

// ---- messages ---------------------------------------------------------------------------------

namespace {
std::vector<Message> readMessagesDescending(QSqlQuery &q)
{
    std::vector<Message> out;
    while (q.next()) {
        if (auto m = decode<Message>(q.value(0).toString()))
            out.push_back(std::move(*m));
    }
    std::reverse(out.begin(), out.end());
    return out;
}
} // namespace

std::vector<Message> LocalStore::recentMessages(const QString &roomId, int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT json FROM messages WHERE room_id = ? ORDER BY seq DESC LIMIT ?"));
    q.addBindValue(roomId);
    q.addBindValue(limit);
    q.exec();
    return readMessagesDescending(q);
}

std::vector<Message> LocalStore::messagesBefore(const QString &roomId, qint64 seq, int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT json FROM messages WHERE room_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?"));
    q.addBindValue(roomId);
    q.addBindValue(seq);
    q.addBindValue(limit);
    q.exec();
    return readMessagesDescending(q);
}

std::vector<Message> LocalStore::messagesAfter(const QString &roomId, qint64 seq, int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT json FROM messages WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?"));
    q.addBindValue(roomId);
    q.addBindValue(seq);
    q.addBindValue(limit);
    q.exec();
    std::vector<Message> out = readMessagesDescending(q);
    std::reverse(out.begin(), out.end());
    return out;
}

std::optional<Message> LocalStore::message(const QString &messageId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT json FROM messages WHERE message_id = ?"));
    q.addBindValue(messageId);
    q.exec();
    if (!q.next())
        return std::nullopt;
    return decode<Message>(q.value(0).toString());
}

void LocalStore::saveMessages(const std::vector<Message> &messages)
{
    if (messages.empty())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    QSet<QString> rooms;
    for (const Message &m : messages) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("INSERT OR REPLACE INTO messages (message_id, room_id, seq, json) VALUES (?, ?, ?, ?)"));
        q.addBindValue(m.messageId);
        q.addBindValue(m.roomId);
        q.addBindValue(m.seq);
        q.addBindValue(encode(m));
        q.exec();
        rooms.insert(m.roomId);
    }
    for (const QString &r : rooms)
        trimMessages(r);
    db.commit();
}

void LocalStore::trimMessages(const QString &roomId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(
        QStringLiteral("DELETE FROM messages WHERE room_id = ? AND seq < (SELECT seq FROM messages WHERE room_id = ? "
                       "ORDER BY seq DESC LIMIT 1 OFFSET ?)"));
    q.addBindValue(roomId);
    q.addBindValue(roomId);
    q.addBindValue(kKeepPerRoom - 1);
    q.exec();
}

void LocalStore::clearMessages(const QString &roomId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM messages WHERE room_id = ?"));
    q.addBindValue(roomId);
    q.exec();
}

void LocalStore::removeMessages(const QStringList &messageIds)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM messages WHERE message_id = ?"));
    for (const QString &id : messageIds) {
        q.addBindValue(id);
        q.exec();
    }
    db.commit();
}

// ---- members ----------------------------------------------------------------------------------

std::vector<Member> LocalStore::members(const QString &roomId) const
{
    std::vector<Member> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT json FROM members WHERE room_id = ?"));
    q.addBindValue(roomId);
    q.exec();
    while (q.next()) {
        if (auto m = decode<Member>(q.value(0).toString()))
            out.push_back(std::move(*m));
    }
    return out;
}

void LocalStore::replaceMembers(const QString &roomId, const std::vector<Member> &members)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM members WHERE room_id = ?"));
    q.addBindValue(roomId);
    q.exec();
    for (const Member &m : members)
        saveMember(roomId, m);
    db.commit();
}

void LocalStore::saveMember(const QString &roomId, const Member &member)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO members (room_id, user_id, json) VALUES (?, ?, ?)"));
    q.addBindValue(roomId);
    q.addBindValue(member.userId);
    q.addBindValue(encode(member));
    q.exec();
}

void LocalStore::removeMember(const QString &roomId, const QString &userId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM members WHERE room_id = ? AND user_id = ?"));
    q.addBindValue(roomId);
    q.addBindValue(userId);
    q.exec();
}

// ---- sync -------------------------------------------------------------------------------------

std::map<QString, qint64> LocalStore::lastSeqs() const
{
    std::map<QString, qint64> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("SELECT room_id, last_seq FROM room_seq"));
    while (q.next())
        out[q.value(0).toString()] = q.value(1).toLongLong();
    return out;
}

void LocalStore::setLastSeq(const QString &roomId, qint64 seq)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO room_seq (room_id, last_seq) VALUES (?, ?)"));
    q.addBindValue(roomId);
    q.addBindValue(seq);
    q.exec();
}

// ---- outbox -----------------------------------------------------------------------------------

std::vector<OutgoingItem> LocalStore::outgoing() const
{
    std::vector<OutgoingItem> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral(
        "SELECT ordinal, client_msg_id, room_id, content, type, reply_to, created_at, state, error, files, anonymous "
        "FROM outbox ORDER BY ordinal"));
    while (q.next()) {
        OutgoingItem i;
        i.ordinal = q.value(0).toLongLong();
        i.clientMsgId = q.value(1).toString();
        i.roomId = q.value(2).toString();
        i.content = q.value(3).toString();
        i.type = enumFromString<MessageType>(q.value(4).toString()).value_or(MessageType::Text);
        i.replyTo = q.value(5).toString();
        i.createdAt = q.value(6).toLongLong();
        i.state = q.value(7).toInt() == 1 ? OutgoingItem::State::Failed : OutgoingItem::State::Pending;
        i.error = q.value(8).toString();
        i.files = decodeFiles(q.value(9).toString());
        i.anonymous = q.value(10).toInt() != 0;
        out.push_back(std::move(i));
    }
    return out;
}

void LocalStore::addOutgoing(OutgoingItem &item)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral(
        "INSERT INTO outbox (client_msg_id, room_id, content, type, reply_to, created_at, state, error, files, "
        "anonymous) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(item.clientMsgId);
    q.addBindValue(item.roomId);
    q.addBindValue(notNull(item.content));
    q.addBindValue(toString(item.type));
    q.addBindValue(notNull(item.replyTo));
    q.addBindValue(item.createdAt);
    q.addBindValue(item.state == OutgoingItem::State::Failed ? 1 : 0);
    q.addBindValue(notNull(item.error));
    q.addBindValue(encodeFiles(item.files));
    q.addBindValue(item.anonymous ? 1 : 0);
    if (!q.exec())
        qCWarning(lcStore) << "outbox write failed:" << q.lastError().text();
    item.ordinal = q.lastInsertId().toLongLong();
}

void LocalStore::updateOutgoing(const OutgoingItem &item)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE outbox SET state = ?, error = ?, files = ? WHERE client_msg_id = ?"));
    q.addBindValue(item.state == OutgoingItem::State::Failed ? 1 : 0);
    q.addBindValue(notNull(item.error));
    q.addBindValue(encodeFiles(item.files));
    q.addBindValue(item.clientMsgId);
    q.exec();
}

void LocalStore::removeOutgoing(const QString &clientMsgId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE client_msg_id = ?"));
    q.addBindValue(clientMsgId);
    q.exec();
}

QString LocalStore::value(const QString &key) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    q.exec();
    return q.next() ? q.value(0).toString() : QString();
}

void LocalStore::setValue(const QString &key, const QString &value)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(notNull(value));
    q.exec();
}

} // namespace confab::client
