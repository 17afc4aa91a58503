// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncengine.h"

#include "client/net/realtimeconnection.h"
#include "client/sync/localstore.h"

#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSync, "confab.client.sync")

namespace confab::client {

SyncEngine::SyncEngine(RealtimeConnection &connection, LocalStore &store, QObject *parent)
    : QObject(parent), m_connection(connection), m_store(store)
{
    for (const auto &[roomId, seq] : m_store.lastSeqs())
        m_rooms[roomId].last = seq;
    connect(&m_connection, &RealtimeConnection::online, this, [this](const User &me) {
        m_me = me.userId;
        m_pendingSyncs.clear(); // answers to syncs sent on the old socket never come
        for (auto &st : m_rooms) {
            st.syncing = false;
            st.missedWhileSyncing = false;
        }
        syncAll();
    });
    connect(&m_connection, &RealtimeConnection::frameReceived, this, &SyncEngine::onFrame);
}

void SyncEngine::trackRoom(const QString &roomId, qint64 baselineSeq)
{
    if (m_rooms.contains(roomId))
        return;
    m_rooms[roomId].last = baselineSeq;
    m_store.setLastSeq(roomId, baselineSeq);
    if (m_connection.state() == RealtimeConnection::State::Online)
        requestSync({roomId});
}

void SyncEngine::forgetRoom(const QString &roomId) { m_rooms.remove(roomId); }

qint64 SyncEngine::lastSeq(const QString &roomId) const { return m_rooms.value(roomId).last; }

void SyncEngine::syncAll() { requestSync(m_rooms.keys()); }

void SyncEngine::requestSync(const QStringList &roomIds)
{
    SyncFrame frame;
    for (const QString &id : roomIds) {
        auto it = m_rooms.find(id);
        if (it == m_rooms.end())
            continue;
        it->syncing = true;
        it->missedWhileSyncing = false;
        frame.rooms[id] = it->last;
    }
    frame.ref = QStringLiteral("sync-%1").arg(++m_nextRef);
    // An empty sync still answers `synced`: the signal that the start-up catch-up is over.
    if (!m_connection.send(frame)) {
        for (const QString &id : roomIds) {
            if (m_rooms.contains(id))
                m_rooms[id].syncing = false; // the next connect syncs everything
        }
        return;
    }
    m_pendingSyncs.insert(frame.ref, roomIds);
}

void SyncEngine::onSynced(const QString &ref)
{
    const auto it = m_pendingSyncs.find(ref);
    if (it == m_pendingSyncs.end())
        return;
    const QStringList rooms = *it;
    m_pendingSyncs.erase(it);
    QStringList again;
    for (const QString &id : rooms) {
        auto st = m_rooms.find(id);
        if (st == m_rooms.end())
            continue;
        st->syncing = false;
        if (st->missedWhileSyncing)
            again << id; // events after the replay skipped ahead: catch up once more
    }
    if (!again.isEmpty())
        requestSync(again);
    if (m_pendingSyncs.isEmpty())
        Q_EMIT synced();
}

bool SyncEngine::admit(const QString &roomId, qint64 seq)
{
    auto it = m_rooms.find(roomId);
    if (it == m_rooms.end()) {
        // A room we just entered: its history before this event comes from REST.
        it = m_rooms.insert(roomId, RoomState{seq - 1, false, false});
    }
    if (seq <= it->last)
        return false; // a duplicate, e.g. an event both delivered live and replayed
    if (seq > it->last + 1) {
        qCInfo(lcSync) << "gap in" << roomId << ": have" << it->last << "got" << seq;
        Q_EMIT gapDetected(roomId, it->last + 1, seq);
        if (it->syncing)
            it->missedWhileSyncing = true;
        else
            requestSync({roomId});
        return false;
    }
    it->last = seq;
    m_store.setLastSeq(roomId, seq);
    return true;
}

void SyncEngine::removeRoom(const QString &roomId, const QString &reason, RemovalKind kind)
{
    m_rooms.remove(roomId);
    m_store.removeRoom(roomId);
    Q_EMIT roomRemoved(roomId, reason, kind);
}

void SyncEngine::onFrame(const ServerFrame &frame)
{
    std::visit(
        [this](const auto &f) {
            using F = std::decay_t<decltype(f)>;
            if constexpr (std::is_same_v<F, NewMessageFrame>) {
                if (admit(f.message.roomId, f.seq)) {
                    m_store.saveMessage(f.message);
                    Q_EMIT messageArrived(f.message);
                }
            } else if constexpr (std::is_same_v<F, AiResponseFrame>) {
                if (admit(f.message.roomId, f.message.seq)) {
                    m_store.saveMessage(f.message);
                    Q_EMIT messageArrived(f.message);
                }
            } else if constexpr (std::is_same_v<F, MessageUpdatedFrame>) {
                if (admit(f.message.roomId, f.seq)) {
                    m_store.saveMessage(f.message);
                    Q_EMIT messageChanged(f.message);
                }
            } else if constexpr (std::is_same_v<F, MessageDeletedFrame>) {
                if (admit(f.roomId, f.seq)) {
                    if (auto m = m_store.message(f.messageId)) {
                        m->isDeleted = true;
                        m->content.clear();
                        m_store.saveMessage(*m);
                    }
                    Q_EMIT messageDeleted(f.roomId, f.messageId);
                }
            } else if constexpr (std::is_same_v<F, MessagesPurgedFrame>) {
                if (admit(f.roomId, f.seq)) {
                    m_store.removeMessages(f.messageIds);
                    Q_EMIT messagesPurged(f.roomId, f.messageIds);
                }
            } else if constexpr (std::is_same_v<F, UserJoinedFrame>) {
                if (admit(f.roomId, f.seq)) {
                    m_store.saveMember(f.roomId, f.member);
                    Q_EMIT memberJoined(f.roomId, f.member);
                }
            } else if constexpr (std::is_same_v<F, UserLeftFrame>) {
                if (admit(f.roomId, f.seq)) {
                    if (f.userId == m_me) {
                        removeRoom(f.roomId, tr("You left the room."), RemovalKind::Left);
                    } else {
                        m_store.removeMember(f.roomId, f.userId);
                        Q_EMIT memberLeft(f.roomId, f.userId);
                    }
                }
            } else if constexpr (std::is_same_v<F, MemberUpdatedFrame>) {
                if (admit(f.roomId, f.seq)) {
                    m_store.saveMember(f.roomId, f.member);
                    Q_EMIT memberChanged(f.roomId, f.member);
                }
            } else if constexpr (std::is_same_v<F, RoomUpdatedFrame>) {
                if (admit(f.room.roomId, f.seq))
                    Q_EMIT roomChanged(f.room);
            } else if constexpr (std::is_same_v<F, PinUpdatedFrame>) {
                if (admit(f.roomId, f.seq))
                    Q_EMIT pinChanged(f.roomId, f.messageId, f.pinned);
            } else if constexpr (std::is_same_v<F, PollUpdatedFrame>) {
                if (admit(f.roomId, f.seq)) {
                    if (auto m = m_store.message(f.messageId)) {
                        m->poll = withMyVotesKept(f.poll, m->poll);
                        m_store.saveMessage(*m);
                    }
                    Q_EMIT pollChanged(f.roomId, f.messageId, f.poll);
                }
            } else if constexpr (std::is_same_v<F, RoomDeletedFrame>) {
                removeRoom(f.roomId, tr("The room was deleted."), RemovalKind::Deleted);
            } else if constexpr (std::is_same_v<F, KickedFrame>) {
                QString text = tr("You were removed from the room by a moderator.");
                if (!f.reason.isEmpty())
                    text += QLatin1Char(' ') + tr("Reason: %1").arg(f.reason);
                removeRoom(f.roomId, text, RemovalKind::Kicked);
            } else if constexpr (std::is_same_v<F, BannedFrame>) {
                const QString until = f.until
                                          ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(f.until).toLocalTime(),
                                                               QLocale::ShortFormat)
                                          : QString();
                QString text = until.isEmpty() ? tr("You were banned from the room.")
                                               : tr("You were banned from the room until %1.").arg(until);
                if (!f.reason.isEmpty())
                    text += QLatin1Char(' ') + tr("Reason: %1").arg(f.reason);
                removeRoom(f.roomId, text, RemovalKind::Banned);
            } else if constexpr (std::is_same_v<F, TypingIndicatorFrame>) {
                if (f.userId != m_me)
                    Q_EMIT typingChanged(f.roomId, f.userId, f.displayName, f.isTyping);
            } else if constexpr (std::is_same_v<F, PresenceUpdateFrame>) {
                Q_EMIT presenceChanged(f.presence);
            } else if constexpr (std::is_same_v<F, NotificationSettingsFrame>) {
                Q_EMIT notificationPrefsChanged(f.notifications.roomId, f.notifications.prefs);
            } else if constexpr (std::is_same_v<F, UserUpdatedFrame>) {
                Q_EMIT userUpdated(f.user);
            } else if constexpr (std::is_same_v<F, AiDeltaFrame>) {
                Q_EMIT answerDeltaArrived(f);
            } else if constexpr (std::is_same_v<F, ReadReceiptFrame>) {
                Q_EMIT readReceiptArrived(f.receipt);
            } else if constexpr (std::is_same_v<F, SyncedFrame>) {
                onSynced(f.ref);
            } else if constexpr (std::is_same_v<F, SyncGapFrame>) {
                // Too much was missed to replay: drop the cached window and resume from now.
                auto &st = m_rooms[f.roomId];
                st.last = f.latestSeq;
                st.missedWhileSyncing = false;
                m_store.clearMessages(f.roomId);
                m_store.setLastSeq(f.roomId, f.latestSeq);
                Q_EMIT roomReset(f.roomId);
            } else if constexpr (std::is_same_v<F, ErrorFrame>) {
                qCInfo(lcSync) << "server error:" << errorCodeName(f.code) << f.message;
                Q_EMIT serverError(f);
            }
            // hello and pong are the connection's; history and ack answer frames we do not send.
        },
        frame);
}

} // namespace confab::client
