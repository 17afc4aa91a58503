#include "chatengine.h"

#include "apiclient.h"
#include "localstore.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "outbox.h"
#include "presencemodel.h"
#include "realtimeconnection.h"
#include "roomlistmodel.h"
#include "syncengine.h"
#include "typingmodel.h"

#include <QDateTime>

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
    m_outbox = new Outbox(m_api, *m_store, *m_connection, this);
    m_rooms = new RoomListModel(m_api, *m_store, *m_sync, this);
    m_rooms->setMyUserId(m_config.me.userId);
    m_presence = new PresenceModel(m_api, *m_sync, this);
    m_rooms->setMyUsername(m_config.me.username);
    m_rooms->setPresenceSource(m_presence);

    // After a reconnect, rooms we were added to while away are not in any sync: list again.
    connect(m_connection, &RealtimeConnection::online, this, [this] {
        if (m_rooms->isLoaded())
            m_rooms->refresh();
    });
    connect(m_connection, &RealtimeConnection::authenticationRejected, this, &ChatEngine::sessionEnded);

    m_rooms->load();     // cached rooms now, the server's list when it answers
    m_outbox->resume();  // over REST: does not wait for the socket
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

MessageModel *ChatEngine::createMessageModel(const QString &roomId, QObject *parent)
{
    auto *m = new MessageModel(roomId, m_api, *m_store, *m_sync, *m_outbox, parent);
    m->setMyUserId(m_config.me.userId);
    return m;
}

MemberModel *ChatEngine::createMemberModel(const QString &roomId, QObject *parent)
{
    return new MemberModel(roomId, m_api, *m_store, *m_sync, parent);
}

TypingModel *ChatEngine::createTypingModel(const QString &roomId, QObject *parent)
{
    return new TypingModel(roomId, *m_sync, parent);
}

QString ChatEngine::sendMessage(const QString &roomId, const QString &text, const QString &replyTo)
{
    m_typingSentAt.remove(roomId); // the server ends typing on send
    return m_outbox->send(roomId, text, replyTo);
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

} // namespace confab::client
