// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/sync/localstore.h" // OutgoingFile
#include "client/sync/syncengine.h" // SyncEngine::RemovalKind in a signal
#include "core/types.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <memory>

namespace confab::client {

class AnswerStreams;
class ApiClient;
class LocalStore;
class MediaCache;
class MemberModel;
class MessageModel;
class Outbox;
class PresenceModel;
class RealtimeConnection;
class RoomContext;
class RoomListModel;
class SearchResultsModel;
class TypingModel;

// One signed-in account's live state: its local store, the realtime connection, sync, the outbox
// and the account-wide models, wired together. What one open room needs is made on demand by
// openRoom(), owned by whoever asks. Destroying it and making a new one on the same store path is a client restart.
class ChatEngine : public QObject {
    Q_OBJECT
public:
    struct Config {
        QUrl server;
        QString token;
        User me;
        QString storePath; // SQLite file of this account's cache
    };

    ChatEngine(ApiClient &api, Config config, QObject *parent = nullptr);
    ~ChatEngine() override;

    // Opens the cache and shows it, then connects, syncs and sends what the outbox holds.
    bool start();
    void stop();
    QString errorString() const { return m_error; }

    const User &me() const { return m_config.me; }
    // For the client's own classes (RoomActions) and tests; the UI takes a room's objects from
    // openRoom() instead.
    ApiClient &api() { return m_api; }
    LocalStore &store() { return *m_store; }
    RealtimeConnection &connection() { return *m_connection; }
    SyncEngine &sync() { return *m_sync; }
    Outbox &outbox() { return *m_outbox; }
    RoomListModel &rooms() { return *m_rooms; }
    PresenceModel &presence() { return *m_presence; }
    // Thumbnails and originals of attachments, on disk beside the store.
    MediaCache &media() { return *m_media; }
    // The assistant's answers while they stream in.
    AnswerStreams &answers() { return *m_answers; }

    // One open room's models, standing, posting state, moderation calls and draft, owned by
    // parent (see RoomContext). The UI's one factory for per-room objects.
    RoomContext *openRoom(const QString &roomId, QObject *parent);
    // Single per-room models, not yet loaded (attach views or testers, then call load()).
    MessageModel *createMessageModel(const QString &roomId, QObject *parent);
    MemberModel *createMemberModel(const QString &roomId, QObject *parent);
    TypingModel *createTypingModel(const QString &roomId, QObject *parent);
    // Message search over the rooms this account can read (the search panel's model).
    SearchResultsModel *createSearchModel(QObject *parent);

    // Sending goes through the outbox; returns the clientMsgId. `anonymous` only where the room
    // allows anonymous posts (the server refuses it elsewhere).
    QString sendMessage(const QString &roomId, const QString &text, const QString &replyTo = {},
                        bool anonymous = false);
    // A message with files (the text is their caption): uploaded first, then sent, by the outbox.
    QString sendFiles(const QString &roomId, const QString &caption, std::vector<OutgoingFile> files,
                      const QString &replyTo = {}, bool anonymous = false);
    // The composer calls this on every keystroke; at most one typing_start per few seconds goes out.
    void userIsTyping(const QString &roomId);
    void userStoppedTyping(const QString &roomId);
    void setPresence(PresenceStatus status, const QString &customStatus = {});

    // Message actions over REST. What the server confirms shows at once in the room's message
    // models (the realtime event that follows merges without change); a refusal comes back as
    // messageActionFailed with the server's reason.
    void editMessage(const QString &roomId, const QString &messageId, const QString &content);
    void deleteMessage(const QString &roomId, const QString &messageId);
    void setReaction(const QString &roomId, const QString &messageId, const QString &emoji, bool mine);
    void setPinned(const QString &roomId, const QString &messageId, bool pinned);
    // Polls. A new poll goes straight to the server (not the outbox: it has no local echo) and
    // shows when its new_message arrives; a vote or a close shows when the server answers, and
    // the poll_updated events that follow carry everyone's counts.
    void sendPoll(const QString &roomId, const NewPoll &poll);
    void votePoll(const QString &roomId, const QString &messageId, const QStringList &optionIds);
    void closePoll(const QString &roomId, const QString &messageId);
    // The assistant (asker or moderator): stop an answer being written, or ask again after an
    // error or a stop. A stop shows when the server answers; the new answer comes as an event.
    void cancelAnswer(const QString &roomId, const QString &messageId);
    void retryAnswer(const QString &roomId, const QString &messageId);
    // Moves the server's read position forward to this message (never back).
    void markReadUpTo(const QString &roomId, const QString &messageId);

Q_SIGNALS:
    // The server no longer accepts our token (signed out elsewhere, account removed); `message`
    // says why for the user, or is empty when the server did not say.
    void sessionEnded(const QString &message);
    // My display name or avatar changed (me() has the new ones).
    void meChanged();
    // Message actions: the server's answers (models of the room apply them), or why it refused.
    void messageEdited(const confab::Message &message);
    void messageDeleted(const QString &roomId, const QString &messageId);
    void reactionSet(const QString &roomId, const QString &messageId, const QString &emoji, bool mine);
    void pinSet(const QString &roomId, const QString &messageId, bool pinned);
    void pollSet(const QString &roomId, const QString &messageId, const confab::Poll &poll);
    void answerSet(const confab::Message &message);
    // roomId empty: a refusal the server sent on its own (the assistant would not answer).
    void messageActionFailed(const QString &roomId, const QString &message);
    // We are no longer in a room: left (maybe on another device), deleted, kicked or banned.
    // roomName is the room's name as it was listed; message says what happened, for the user.
    void removedFromRoom(const QString &roomId, const QString &roomName, const QString &message,
                         confab::client::SyncEngine::RemovalKind kind);

private:
    ApiClient &m_api;
    Config m_config;
    QString m_error;
    std::unique_ptr<LocalStore> m_store;
    RealtimeConnection *m_connection = nullptr;
    SyncEngine *m_sync = nullptr;
    Outbox *m_outbox = nullptr;
    RoomListModel *m_rooms = nullptr;
    PresenceModel *m_presence = nullptr;
    MediaCache *m_media = nullptr;
    AnswerStreams *m_answers = nullptr;
    QHash<QString, qint64> m_typingSentAt; // roomId -> when typing_start last went out
    void onRoomRemoved(const QString &roomId, const QString &message, SyncEngine::RemovalKind kind);

    QHash<QString, QString> m_removedRoomNames; // a kick's user_left drops the room before `kicked` names why
    QSet<QString> m_roomsWeWereRemovedFrom;     // left, kicked or banned, until the room is listed again
};

} // namespace confab::client
