// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatengine.h"

#include "client/models/mediacache.h"
#include "client/models/membermodel.h"
#include "client/models/messagemodel.h"
#include "client/models/presencemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/models/searchresultsmodel.h"
#include "client/models/typingmodel.h"
#include "client/net/apiclient.h"
#include "client/net/errortext.h"
#include "client/net/realtimeconnection.h"
#include "client/room/roomcontext.h"
#include "client/sync/answerstreams.h"
#include "client/sync/localstore.h"
#include "client/sync/outbox.h"
#include "client/sync/syncengine.h"

#include <QDateTime>
#include <QFileInfo>
#include <QUuid>

namespace confab::client {

namespace {
constexpr qint64 kTypingRenewMs = 2000; // the server forgets after 3 s
}

ChatEngine::ChatEngine(ApiClient &api, Config config, QObject *parent)
    : QObject(parent), m_api(api), m_config(std::move(config)), m_store(std::make_unique<LocalStore>())
{
}

ChatEngine::~ChatEngine()
{
    // Children that point into the store go first.
    delete m_rooms;
    delete m_presence;
    delete m_media;
    delete m_answers;
    delete m_outbox;
    delete m_sync;
    delete m_connection;
}

bool ChatEngine::start()
{
    if (!m_store->open(m_config.storePath)) {
        m_error = tr("Cannot open the local cache %1: %2").arg(m_config.storePath, m_store->errorString());
        return false;
    }
    m_store->setValue(QStringLiteral("me.userId"), m_config.me.userId);
    m_connection = new RealtimeConnection(this);
    m_sync = new SyncEngine(*m_connection, *m_store, this);
    m_sync->setMyUserId(m_config.me.userId);
    // Connected before the room list's own handler, which drops the room: its name is still there.
    connect(m_sync, &SyncEngine::roomRemoved, this, &ChatEngine::onRoomRemoved);
    m_answers = new AnswerStreams(m_api, *m_store, *m_sync, this);
    // The assistant's refusals of an "@ai" (a room without it, a limit reached) answer no request
    // of ours: they say why, like a failed action.
    connect(m_sync, &SyncEngine::serverError, this, [this](const ErrorFrame &e) {
        if (e.ref.isEmpty() && (e.field == QLatin1String("assistant") || e.field == QLatin1String("enableAI")))
            Q_EMIT messageActionFailed(QString(), ErrorText::forCode(e.code, e.field, 0, e.message));
    });
    m_outbox = new Outbox(m_api, *m_store, *m_connection, this);
    // Keyed by the store file: one account's cache folder.
    const QFileInfo store(m_config.storePath);
    m_media = new MediaCache(m_api, store.absolutePath() + QStringLiteral("/media-") + store.completeBaseName(), this);
    m_rooms = new RoomListModel(m_api, *m_store, *m_sync, this);
    m_rooms->setMyUserId(m_config.me.userId);
    m_presence = new PresenceModel(m_api, *m_sync, this);
    m_rooms->setMyUsername(m_config.me.username);
    m_rooms->setPresenceSource(m_presence);
    // Names of rooms that leave the list (a refresh drops them silently), for removedFromRoom().
    connect(m_rooms, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex &, int first, int last) {
        for (int row = first; row <= last; ++row)
            m_removedRoomNames.insert(m_rooms->roomAt(row).roomId, m_rooms->roomAt(row).name);
    });
    connect(m_rooms, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        for (int row = first; row <= last; ++row)
            m_roomsWeWereRemovedFrom.remove(m_rooms->roomAt(row).roomId); // back in it
    });

    // After a reconnect, rooms we were added to while away are not in any sync: list again.
    connect(m_connection, &RealtimeConnection::online, this, [this] {
        if (m_rooms->isLoaded())
            m_rooms->refresh();
    });
    // The server's refusal of the token is not for the user's eyes; its reason for ending the
    // session is (SignOutReason).
    connect(m_connection, &RealtimeConnection::authenticationRejected, this, [this] { Q_EMIT sessionEnded({}); });
    connect(m_connection, &RealtimeConnection::signedOutByServer, this, &ChatEngine::sessionEnded);
    // My own profile, changed here or on another device.
    connect(m_sync, &SyncEngine::userUpdated, this, [this](const User &u) {
        if (u.userId != m_config.me.userId)
            return;
        m_config.me.displayName = u.displayName;
        m_config.me.avatar = u.avatar;
        Q_EMIT meChanged();
    });

    m_rooms->load();    // cached rooms now, the server's list when it answers
    m_outbox->resume(); // over REST: does not wait for the socket
    m_connection->start(m_config.server, m_config.token);
    return true;
}

void ChatEngine::stop()
{
    if (m_outbox)
        m_outbox->pause();
    if (m_connection)
        m_connection->stop();
}

void ChatEngine::onRoomRemoved(const QString &roomId, const QString &message, SyncEngine::RemovalKind kind)
{
    if (const auto room = m_rooms ? m_rooms->room(roomId) : std::nullopt)
        m_removedRoomNames.insert(roomId, room->name);
    if (kind == SyncEngine::RemovalKind::Deleted) {
        // After a kick, a ban or leaving, a sync answers room_deleted for the room we are no
        // longer in: that says nothing new (and the room was not deleted).
        if (m_roomsWeWereRemovedFrom.contains(roomId))
            return;
    } else {
        m_roomsWeWereRemovedFrom.insert(roomId);
    }
    Q_EMIT removedFromRoom(roomId, m_removedRoomNames.value(roomId), message, kind);
}

RoomContext *ChatEngine::openRoom(const QString &roomId, QObject *parent)
{
    return new RoomContext(*this, m_api, *m_store, roomId, parent);
}

MessageModel *ChatEngine::createMessageModel(const QString &roomId, QObject *parent)
{
    auto *m = new MessageModel(roomId, m_api, *m_store, *m_sync, *m_outbox, parent);
    m->setMyUserId(m_config.me.userId);
    m->setMyName(m_config.me.displayName, m_config.me.avatar);
    m->setMyUsername(m_config.me.username);
    // Our own actions show as soon as the server answers, before their realtime events.
    connect(this, &ChatEngine::messageEdited, m, &MessageModel::applyEdit);
    connect(this, &ChatEngine::messageDeleted, m, &MessageModel::applyDeletion);
    connect(this, &ChatEngine::reactionSet, m, &MessageModel::applyReaction);
    connect(this, &ChatEngine::pinSet, m, &MessageModel::applyPin);
    connect(this, &ChatEngine::pollSet, m, &MessageModel::applyPoll);
    connect(this, &ChatEngine::answerSet, m, &MessageModel::applyAnswer);
    // The assistant's text as it streams in, row by row (no reset: the view stays where it is).
    connect(m_answers, &AnswerStreams::textChanged, m, &MessageModel::applyAnswerText);
    connect(m_answers, &AnswerStreams::answerFetched, m, &MessageModel::applyAnswer);
    return m;
}

MemberModel *ChatEngine::createMemberModel(const QString &roomId, QObject *parent)
{
    return new MemberModel(roomId, m_api, *m_store, *m_sync, parent);
}

SearchResultsModel *ChatEngine::createSearchModel(QObject *parent)
{
    return new SearchResultsModel(m_api, *m_rooms, parent);
}

TypingModel *ChatEngine::createTypingModel(const QString &roomId, QObject *parent)
{
    return new TypingModel(roomId, *m_sync, parent);
}

QString ChatEngine::sendMessage(const QString &roomId, const QString &text, const QString &replyTo, bool anonymous)
{
    m_typingSentAt.remove(roomId); // the server ends typing on send
    return m_outbox->send(roomId, text, replyTo, {}, anonymous);
}

QString ChatEngine::sendFiles(const QString &roomId, const QString &caption, std::vector<OutgoingFile> files,
                              const QString &replyTo, bool anonymous)
{
    m_typingSentAt.remove(roomId);
    return m_outbox->send(roomId, caption, replyTo, std::move(files), anonymous);
}

void ChatEngine::userIsTyping(const QString &roomId)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_typingSentAt.value(roomId, 0) < kTypingRenewMs)
        return;
    if (m_connection->send(TypingStartFrame{roomId, {}}))
        m_typingSentAt.insert(roomId, now);
}

void ChatEngine::userStoppedTyping(const QString &roomId)
{
    if (m_typingSentAt.remove(roomId))
        m_connection->send(TypingStopFrame{roomId, {}});
}

void ChatEngine::setPresence(PresenceStatus status, const QString &customStatus)
{
    if (!m_connection->send(SetPresenceFrame{status, customStatus, {}}))
        m_api.setPresence(status, customStatus, this, [](const ApiResult<Presence> &) {});
}

// --- Message actions -----------------------------------------------------------------------

void ChatEngine::editMessage(const QString &roomId, const QString &messageId, const QString &content)
{
    m_api.editMessage(roomId, messageId, content, this, [this, roomId](const ApiResult<Message> &r) {
        if (r.ok())
            Q_EMIT messageEdited(r.value);
        else
            Q_EMIT messageActionFailed(roomId, tr("The message was not edited: %1").arg(r.error->message));
    });
}

void ChatEngine::deleteMessage(const QString &roomId, const QString &messageId)
{
    m_api.deleteMessage(roomId, messageId, this, [this, roomId, messageId](const ApiResult<Message> &r) {
        if (r.ok())
            Q_EMIT messageDeleted(roomId, messageId);
        else
            Q_EMIT messageActionFailed(roomId, tr("The message was not deleted: %1").arg(r.error->message));
    });
}

void ChatEngine::setReaction(const QString &roomId, const QString &messageId, const QString &emoji, bool mine)
{
    auto done = [this, roomId, messageId, emoji, mine](const ApiResult<Message> &r) {
        if (r.ok())
            Q_EMIT reactionSet(roomId, messageId, emoji, mine);
        else if (mine)
            Q_EMIT messageActionFailed(roomId, tr("Your reaction %1 was not added: %2").arg(emoji, r.error->message));
        else
            Q_EMIT messageActionFailed(roomId, tr("Your reaction %1 was not removed: %2").arg(emoji, r.error->message));
    };
    if (mine)
        m_api.addReaction(roomId, messageId, emoji, this, std::move(done));
    else
        m_api.removeReaction(roomId, messageId, emoji, this, std::move(done));
}

void ChatEngine::setPinned(const QString &roomId, const QString &messageId, bool pinned)
{
    m_api.setPinned(roomId, messageId, pinned, this, [this, roomId, messageId, pinned](const ApiResult<Done> &r) {
        if (r.ok())
            Q_EMIT pinSet(roomId, messageId, pinned);
        else if (pinned)
            Q_EMIT messageActionFailed(roomId, tr("The message was not pinned: %1").arg(r.error->message));
        else
            Q_EMIT messageActionFailed(roomId, tr("The message was not unpinned: %1").arg(r.error->message));
    });
}

void ChatEngine::sendPoll(const QString &roomId, const NewPoll &poll)
{
    OutgoingMessage m;
    m.type = MessageType::Poll;
    m.poll = poll;
    m.clientMsgId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_api.sendMessage(roomId, m, this, [this, roomId](const ApiResult<Message> &r) {
        if (!r.ok())
            Q_EMIT messageActionFailed(roomId, tr("The poll was not created: %1").arg(r.error->message));
    });
}

void ChatEngine::votePoll(const QString &roomId, const QString &messageId, const QStringList &optionIds)
{
    m_api.votePoll(roomId, messageId, optionIds, this, [this, roomId, messageId](const ApiResult<Message> &r) {
        if (r.ok() && r.value.poll)
            Q_EMIT pollSet(roomId, messageId, *r.value.poll);
        else if (!r.ok())
            Q_EMIT messageActionFailed(roomId, tr("Your vote was not counted: %1").arg(r.error->message));
    });
}

void ChatEngine::closePoll(const QString &roomId, const QString &messageId)
{
    m_api.closePoll(roomId, messageId, this, [this, roomId, messageId](const ApiResult<Message> &r) {
        if (r.ok() && r.value.poll)
            Q_EMIT pollSet(roomId, messageId, *r.value.poll);
        else if (!r.ok())
            Q_EMIT messageActionFailed(roomId, tr("The poll was not closed: %1").arg(r.error->message));
    });
}

void ChatEngine::cancelAnswer(const QString &roomId, const QString &messageId)
{
    m_api.cancelAnswer(roomId, messageId, this, [this, roomId](const ApiResult<Message> &r) {
        if (r.ok())
            Q_EMIT answerSet(r.value);
        else
            Q_EMIT messageActionFailed(roomId, tr("The answer was not stopped: %1").arg(r.error->message));
    });
}

void ChatEngine::retryAnswer(const QString &roomId, const QString &messageId)
{
    m_api.retryAnswer(roomId, messageId, this, [this, roomId](const ApiResult<Message> &r) {
        if (!r.ok())
            Q_EMIT messageActionFailed(roomId, tr("The assistant was not asked again: %1").arg(r.error->message));
    });
}

void ChatEngine::markReadUpTo(const QString &roomId, const QString &messageId)
{
    m_api.markRead(roomId, messageId, this, [this, roomId](const ApiResult<ReadReceipt> &r) {
        if (!r.ok())
            Q_EMIT messageActionFailed(roomId, tr("Could not mark the messages as read: %1").arg(r.error->message));
    });
}

} // namespace confab::client
