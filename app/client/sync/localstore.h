// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace confab::client {

// A local file that goes with an outgoing message: uploaded before the message is sent.
struct OutgoingFile {
    QString path;     // the local file, read when it is uploaded
    QString fileName; // as the server is told
    qint64 fileSize = 0;
    QString mimeType; // detected from the bytes when attached
    int width = 0;    // images: as displayed (EXIF orientation applied); 0 otherwise
    int height = 0;
    QString uploadId;                   // a resumable upload begun on the server (resumed after a restart)
    std::optional<Attachment> uploaded; // the server's file, once uploaded
    bool operator==(const OutgoingFile &) const = default;
};

// A message the user wrote that the server has not acknowledged yet.
struct OutgoingItem {
    enum class State { Pending, Failed };
    QString clientMsgId;
    QString roomId;
    QString content;
    MessageType type = MessageType::Text;
    QString replyTo;
    qint64 createdAt = 0;
    State state = State::Pending;
    QString error;                   // why it failed, for the user
    qint64 ordinal = 0;              // order of writing, across restarts
    std::vector<OutgoingFile> files; // uploaded first, then sent as the message's attachments
    bool anonymous = false;          // posted without the author's name (rooms that allow it)
};

// The per-account SQLite cache: rooms, members, a window of recent messages per room, each room's
// last seen seq, and the outbox. Lets the UI show rooms and recent messages before the network
// answers, and keeps unsent messages across restarts. Values are stored as the wire JSON of
// core's types, so the cache decodes with the same codecs as the network.
class LocalStore {
public:
    LocalStore();
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    // Opens (creating) the database file. False with errorString() on failure.
    bool open(const QString &filePath);
    bool isOpen() const;
    QString errorString() const { return m_error; }

    // rooms
    std::vector<Room> rooms() const;
    void saveRoom(const Room &room);
    // The joined rooms as the server listed them: rooms not in the list are dropped.
    void replaceRooms(const std::vector<Room> &rooms);
    void removeRoom(const QString &roomId); // with its messages, members and seq

    // messages (oldest first)
    std::vector<Message> recentMessages(const QString &roomId, int limit) const;
    std::vector<Message> messagesBefore(const QString &roomId, qint64 seq, int limit) const;
    // Oldest first.
    std::vector<Message> messagesAfter(const QString &roomId, qint64 seq, int limit) const;
    std::optional<Message> message(const QString &messageId) const;
    void saveMessages(const std::vector<Message> &messages);
    void saveMessage(const Message &message) { saveMessages({message}); }
    void clearMessages(const QString &roomId);
    void removeMessages(const QStringList &messageIds); // purged by the server's retention

    // members
    std::vector<Member> members(const QString &roomId) const;
    void replaceMembers(const QString &roomId, const std::vector<Member> &members);
    void saveMember(const QString &roomId, const Member &member);
    void removeMember(const QString &roomId, const QString &userId);

    // the resume point of sync: the last seq applied per room
    std::map<QString, qint64> lastSeqs() const;
    void setLastSeq(const QString &roomId, qint64 seq);

    // outbox, in the order written
    std::vector<OutgoingItem> outgoing() const;
    void addOutgoing(OutgoingItem &item);          // sets item.ordinal
    void updateOutgoing(const OutgoingItem &item); // state, error and the files' upload state
    void removeOutgoing(const QString &clientMsgId);

    // small values (the signed-in user, ...)
    QString value(const QString &key) const;
    void setValue(const QString &key, const QString &value);

private:
    bool exec(const QString &sql);
    void trimMessages(const QString &roomId);

    QString m_connection;
    QString m_error;
    static constexpr int kKeepPerRoom = 200; // most recent messages kept per room
};

} // namespace confab::client
