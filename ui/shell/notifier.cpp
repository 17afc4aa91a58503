// SPDX-License-Identifier: GPL-3.0-or-later
#include "notifier.h"

#include "client/models/messagepreview.h"
#include "client/models/roomlistmodel.h"
#include "client/sync/chatengine.h"
#include "client/sync/syncengine.h"

#include <QDateTime>
#include <QRegularExpression>
#include <algorithm>

namespace confab::ui {

namespace {
constexpr int kBodyMax = 200;
constexpr qint64 kStaleMs = 60 * 60 * 1000; // older news is in the unread badges, not a pop-up
} // namespace

Notifier::Notifier(std::function<bool(const QString &)> isRoomInFront, QObject *parent)
    : QObject(parent), m_isRoomInFront(std::move(isRoomInFront))
{
    m_gather.setSingleShot(true);
    m_gather.setInterval(700);
    connect(&m_gather, &QTimer::timeout, this, &Notifier::flush);
}

void Notifier::setEngine(client::ChatEngine *engine)
{
    if (m_engine)
        disconnect(&m_engine->sync(), nullptr, this, nullptr);
    m_engine = engine;
    m_pending.clear();
    m_gather.stop();
    if (engine)
        connect(&engine->sync(), &client::SyncEngine::messageArrived, this, &Notifier::consider);
}

bool Notifier::concernsMe(const Message &message, RoomType roomType, const QString &myUserId, const QString &myUsername)
{
    if (message.isDeleted || message.type == MessageType::System || message.authorId == myUserId)
        return false;
    if (roomType == RoomType::Direct || roomType == RoomType::Group)
        return true;
    if (myUsername.isEmpty())
        return false;
    // "@alice", not "@alicea" nor "bob@alice.example".
    const QRegularExpression mention(
        QStringLiteral("(^|[^\\w@.])@%1(?![\\w-])").arg(QRegularExpression::escape(myUsername)),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return mention.match(message.content).hasMatch();
}

bool Notifier::wanted(const Message &message, const Room &room, const QString &myUserId, const QString &myUsername)
{
    if (room.notifications.muted)
        return false;
    switch (room.notifications.level) {
    case NotificationLevel::None: return false;
    case NotificationLevel::All:
        return !message.isDeleted && message.type != MessageType::System && message.authorId != myUserId;
    case NotificationLevel::Mentions:
        // Only a mention, in a direct conversation too: as if it were a public room.
        return concernsMe(message, RoomType::Public, myUserId, myUsername);
    case NotificationLevel::Default: break;
    }
    return concernsMe(message, room.type, myUserId, myUsername);
}

void Notifier::consider(const Message &message)
{
    if (!m_enabled || !m_engine)
        return;
    const auto room = m_engine->rooms().room(message.roomId);
    if (!room)
        return;
    const User &me = m_engine->me();
    if (!wanted(message, *room, me.userId, me.username))
        return;
    if (message.timestamp > 0 && QDateTime::currentMSecsSinceEpoch() - message.timestamp > kStaleMs)
        return;
    if (m_isRoomInFront && m_isRoomInFront(message.roomId))
        return;
    const bool direct = room->type == RoomType::Direct;
    QString body = client::MessagePreview::text(message); // a photo without words is not an empty body
    if (body.size() > kBodyMax)
        body = body.left(kBodyMax - 1) + QChar(0x2026);
    // Some notification servers read markup in the body: what people wrote stays text.
    m_pending.append({message.roomId, direct ? message.authorName : tr("%1 in %2").arg(message.authorName, room->name),
                      body.toHtmlEscaped(), message.authorId, message.authorName,
                      message.isAnonymous ? QString() : message.authorAvatar});
    if (!m_gather.isActive())
        m_gather.start();
}

void Notifier::flush()
{
    if (m_pending.isEmpty())
        return;
    const Pending last = m_pending.last();
    QString title = last.title;
    QString body = last.body;
    const bool oneSender = std::all_of(m_pending.cbegin(), m_pending.cend(),
                                       [&](const Pending &p) { return p.senderId == last.senderId; });
    if (m_pending.size() > 1) {
        QStringList from;
        for (const Pending &p : std::as_const(m_pending)) {
            if (!from.contains(p.title))
                from << p.title;
        }
        title = tr("%n new message(s)", nullptr, int(m_pending.size()));
        body = from.join(QStringLiteral(", ")).toHtmlEscaped();
    }
    m_pending.clear();
    m_lastRoomId = last.roomId;
    ++m_count;
    Q_EMIT notify(title, body, last.roomId, oneSender ? last.senderId : QString(),
                  oneSender ? last.senderName : QString(), oneSender ? last.senderAvatar : QString());
}

} // namespace confab::ui
