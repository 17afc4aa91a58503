// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomlistmodel.h"

#include "client/models/messagepreview.h"
#include "client/models/presencemodel.h"

#include "client/net/apiclient.h"
#include "client/sync/localstore.h"
#include "client/sync/syncengine.h"

#include <QDateTime>

namespace confab::client {

namespace {
// Most recent first; ties by id so that the order is stable.
bool before(const Room &a, const Room &b)
{
    if (a.lastActivity != b.lastActivity)
        return a.lastActivity > b.lastActivity;
    return a.roomId < b.roomId;
}
} // namespace

RoomListModel::RoomListModel(ApiClient &api, LocalStore &store, SyncEngine &sync, QObject *parent)
    : QAbstractListModel(parent), m_api(api), m_store(store), m_sync(sync), m_me(sync.myUserId())
{
    // A direct room is named and pictured after the other person: their new name and avatar show.
    connect(&m_sync, &SyncEngine::userUpdated, this, [this](const User &u) {
        for (std::size_t row = 0; row < m_rooms.size(); ++row) {
            Room &r = m_rooms[row];
            if (r.type != RoomType::Direct || r.peerUserId != u.userId)
                continue;
            r.name = u.displayName;
            r.avatar = u.avatar;
            Q_EMIT dataChanged(index(int(row)), index(int(row)));
        }
    });
    connect(&m_sync, &SyncEngine::messageArrived, this, [this](const Message &m) {
        const int row = rowOf(m.roomId);
        if (row < 0) {
            fetchRoom(m.roomId);
            return;
        }
        Room &r = m_rooms[std::size_t(row)];
        r.lastMessage = m;
        r.lastActivity = std::max(r.lastActivity, m.timestamp);
        // Server-made lines (joins, topic changes) are not something to read: never unread.
        if (m.authorId != m_me && m.roomId != m_active && m.type != MessageType::System) {
            ++r.unreadCount;
            if (!m_mention.isEmpty() && m.content.contains(m_mention, Qt::CaseInsensitive))
                ++r.mentionCount;
        }
        m_store.saveRoom(r);
        changed(row);
        reposition(row);
        if (m.roomId == m_active)
            markRead(m.roomId);
    });
    connect(&m_sync, &SyncEngine::messageChanged, this, [this](const Message &m) {
        const int row = rowOf(m.roomId);
        if (row >= 0 && m_rooms[std::size_t(row)].lastMessage &&
            m_rooms[std::size_t(row)].lastMessage->messageId == m.messageId) {
            m_rooms[std::size_t(row)].lastMessage = m;
            changed(row);
        }
    });
    connect(&m_sync, &SyncEngine::roomChanged, this, [this](const Room &room) {
        const int row = rowOf(room.roomId);
        Room merged = room;
        if (row >= 0) { // per-user fields stay ours
            merged.unreadCount = m_rooms[std::size_t(row)].unreadCount;
            merged.mentionCount = m_rooms[std::size_t(row)].mentionCount;
            merged.peerUserId = m_rooms[std::size_t(row)].peerUserId;
            merged.notifications = m_rooms[std::size_t(row)].notifications;
            if (merged.type == RoomType::Direct) // the shared frame names it from nobody's side
                merged.name = m_rooms[std::size_t(row)].name;
            merged.myRole = m_rooms[std::size_t(row)].myRole;
            merged.isJoined = true;
        }
        upsert(merged);
    });
    connect(&m_sync, &SyncEngine::notificationPrefsChanged, this, &RoomListModel::applyNotificationPrefs);
    connect(&m_sync, &SyncEngine::roomRemoved, this,
            [this](const QString &roomId, const QString &) { remove(roomId); });
    connect(&m_sync, &SyncEngine::roomReset, this, &RoomListModel::fetchRoom);
    connect(&m_sync, &SyncEngine::memberJoined, this, [this](const QString &roomId, const Member &member) {
        if (member.userId == m_me) {
            if (rowOf(roomId) < 0)
                fetchRoom(roomId); // we were added to a room
            return;                // otherwise adopted from the join's answer, which counts us already
        }
        if (const int row = rowOf(roomId); row >= 0) {
            ++m_rooms[std::size_t(row)].memberCount;
            changed(row);
        }
    });
    connect(&m_sync, &SyncEngine::memberLeft, this, [this](const QString &roomId, const QString &) {
        if (const int row = rowOf(roomId); row >= 0 && m_rooms[std::size_t(row)].memberCount > 0) {
            --m_rooms[std::size_t(row)].memberCount;
            changed(row);
        }
    });
    connect(&m_sync, &SyncEngine::readReceiptArrived, this, [this](const ReadReceipt &r) {
        // Read on another device of ours.
        if (r.userId != m_me)
            return;
        if (const int row = rowOf(r.roomId); row >= 0 && m_rooms[std::size_t(row)].unreadCount) {
            // Only a marker at (or past) the newest message clears the count: the echo of an
            // older marker can arrive after newer messages, which stay unread.
            const auto &last = m_rooms[std::size_t(row)].lastMessage;
            if (last && last->messageId != r.messageId && (r.seq <= 0 || r.seq < last->seq))
                return;
            m_rooms[std::size_t(row)].unreadCount = 0;
            m_store.saveRoom(m_rooms[std::size_t(row)]);
            changed(row);
        }
    });
}

void RoomListModel::load()
{
    std::vector<Room> cached = m_store.rooms();
    if (!cached.empty() && m_rooms.empty()) {
        std::sort(cached.begin(), cached.end(), before);
        beginInsertRows({}, 0, int(cached.size()) - 1);
        m_rooms = std::move(cached);
        endInsertRows();
    }
    refresh();
}

void RoomListModel::refresh() { fetchPage(0, std::make_shared<std::vector<Room>>(), ++m_generation); }

void RoomListModel::fetchPage(int offset, std::shared_ptr<std::vector<Room>> acc, quint64 gen)
{
    RoomQuery q;
    q.joined = true;
    q.limit = 100;
    q.offset = offset;
    m_api.listRooms(q, this, [this, acc, gen, offset](const ApiResult<RoomPage> &r) {
        if (gen != m_generation)
            return; // a newer refresh is running
        if (!r.ok()) {
            Q_EMIT loadFailed(r.error->message);
            return;
        }
        acc->insert(acc->end(), r.value.rooms.begin(), r.value.rooms.end());
        if (r.value.pagination.hasMore && !r.value.rooms.empty()) {
            fetchPage(offset + int(r.value.rooms.size()), acc, gen);
            return;
        }
        QSet<QString> listed;
        for (const Room &room : *acc) {
            listed.insert(room.roomId);
            m_sync.trackRoom(room.roomId, room.lastMessage ? room.lastMessage->seq : 0);
            upsert(room);
        }
        QStringList gone;
        for (const Room &room : m_rooms) {
            if (!listed.contains(room.roomId))
                gone << room.roomId;
        }
        for (const QString &id : gone)
            remove(id);
        m_store.replaceRooms(m_rooms);
        m_loaded = true;
        Q_EMIT loaded();
    });
}

void RoomListModel::fetchRoom(const QString &roomId)
{
    m_api.room(roomId, this, [this, roomId](const ApiResult<Room> &r) {
        if (r.ok() && r.value.isJoined) {
            m_sync.trackRoom(roomId, r.value.lastMessage ? r.value.lastMessage->seq : 0);
            upsert(r.value);
        } else if (!r.ok() && !r.isTransient()) {
            remove(roomId);
        }
    });
}

void RoomListModel::adopt(const Room &room)
{
    m_sync.trackRoom(room.roomId, room.lastMessage ? room.lastMessage->seq : 0);
    upsert(room);
}

void RoomListModel::drop(const QString &roomId)
{
    remove(roomId);
    m_store.removeRoom(roomId);
}

int RoomListModel::totalUnread() const
{
    int total = 0;
    for (const Room &r : m_rooms) {
        if (!r.notifications.muted)
            total += r.unreadCount;
    }
    return total;
}

void RoomListModel::setNotificationPrefs(const QString &roomId, const NotificationPrefs &prefs)
{
    const auto before = room(roomId);
    if (!before || before->notifications == prefs)
        return;
    applyNotificationPrefs(roomId, prefs);
    m_api.setRoomNotifications(roomId, prefs, this,
                               [this, roomId, old = before->notifications](const ApiResult<RoomNotifications> &r) {
                                   if (r.ok())
                                       return;
                                   applyNotificationPrefs(roomId, old);
                                   Q_EMIT notificationPrefsFailed(roomId, r.error->message);
                               });
}

void RoomListModel::applyNotificationPrefs(const QString &roomId, const NotificationPrefs &prefs)
{
    const int row = rowOf(roomId);
    if (row < 0 || m_rooms[std::size_t(row)].notifications == prefs)
        return;
    m_rooms[std::size_t(row)].notifications = prefs;
    m_store.saveRoom(m_rooms[std::size_t(row)]);
    changed(row);
}

void RoomListModel::setActiveRoom(const QString &roomId)
{
    m_active = roomId;
    if (!roomId.isEmpty())
        markRead(roomId);
}

void RoomListModel::markRead(const QString &roomId)
{
    const int row = rowOf(roomId);
    if (row < 0)
        return;
    Room &r = m_rooms[std::size_t(row)];
    if (r.lastMessage && !r.lastMessage->messageId.isEmpty())
        m_api.markRead(roomId, r.lastMessage->messageId, this, [](const ApiResult<ReadReceipt> &) {});
    if (r.unreadCount || r.mentionCount) {
        r.unreadCount = 0;
        r.mentionCount = 0;
        m_store.saveRoom(r);
        changed(row);
    }
}

void RoomListModel::upsert(const Room &room)
{
    const int row = rowOf(room.roomId);
    if (row >= 0) {
        m_rooms[std::size_t(row)] = room;
        m_store.saveRoom(room);
        changed(row);
        reposition(row);
        return;
    }
    const int pos = sortedPosition(room, -1);
    beginInsertRows({}, pos, pos);
    m_rooms.insert(m_rooms.begin() + pos, room);
    endInsertRows();
    m_store.saveRoom(room);
    if (m_presence && room.type == RoomType::Direct && !room.peerUserId.isEmpty() && m_loaded)
        m_presence->track({room.peerUserId}); // a conversation that began after the list loaded
}

void RoomListModel::remove(const QString &roomId)
{
    const int row = rowOf(roomId);
    m_sync.forgetRoom(roomId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rooms.erase(m_rooms.begin() + row);
    endRemoveRows();
}

int RoomListModel::sortedPosition(const Room &room, int ignoreRow) const
{
    int pos = 0;
    for (int i = 0; i < int(m_rooms.size()); ++i) {
        if (i != ignoreRow && before(m_rooms[std::size_t(i)], room))
            ++pos;
    }
    return pos;
}

void RoomListModel::reposition(int row)
{
    const int target = sortedPosition(m_rooms[std::size_t(row)], row);
    if (target == row)
        return;
    // beginMoveRows counts the destination before the move.
    beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
    Room r = std::move(m_rooms[std::size_t(row)]);
    m_rooms.erase(m_rooms.begin() + row);
    m_rooms.insert(m_rooms.begin() + target, std::move(r));
    endMoveRows();
}

void RoomListModel::changed(int row)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

int RoomListModel::rowOf(const QString &roomId) const
{
    for (int i = 0; i < int(m_rooms.size()); ++i) {
        if (m_rooms[std::size_t(i)].roomId == roomId)
            return i;
    }
    return -1;
}

std::optional<Room> RoomListModel::room(const QString &roomId) const
{
    const int row = rowOf(roomId);
    if (row < 0)
        return std::nullopt;
    return m_rooms[std::size_t(row)];
}

int RoomListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rooms.size()); }

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Room &r = m_rooms[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name.isEmpty() ? tr("Direct conversation") : r.name;
    case RoomIdRole: return r.roomId;
    case DescriptionRole: return r.description;
    case TypeRole: return toString(r.type);
    case UnreadCountRole: return r.unreadCount;
    case LastActivityRole: return QDateTime::fromMSecsSinceEpoch(r.lastActivity, Qt::UTC);
    case LastMessageRole: return r.lastMessage ? MessagePreview::text(*r.lastMessage) : QString();
    case LastAuthorRole: // a server-made line names its people itself
        return r.lastMessage && !r.lastMessage->systemEvent ? r.lastMessage->authorName : QString();
    case MemberCountRole: return r.memberCount;
    case MyRoleRole: return r.myRole ? toString(*r.myRole) : QString();
    case MentionCountRole: return r.mentionCount;
    case PeerUserIdRole: return r.peerUserId;
    case NotificationLevelRole: return toString(r.notifications.level);
    case MutedRole: return r.notifications.muted;
    case AvatarRole: return r.avatar;
    case PeerStatusRole: {
        if (r.type != RoomType::Direct || r.peerUserId.isEmpty() || !m_presence)
            return QString();
        const auto p = m_presence->presence(r.peerUserId);
        return toString(p ? p->status : PresenceStatus::Offline);
    }
    default: return {};
    }
}

QHash<int, QByteArray> RoomListModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {RoomIdRole, "roomId"},
            {NameRole, "name"},
            {DescriptionRole, "description"},
            {TypeRole, "type"},
            {UnreadCountRole, "unreadCount"},
            {LastActivityRole, "lastActivity"},
            {LastMessageRole, "lastMessage"},
            {LastAuthorRole, "lastAuthor"},
            {MemberCountRole, "memberCount"},
            {MyRoleRole, "myRole"},
            {MentionCountRole, "mentionCount"},
            {PeerUserIdRole, "peerUserId"},
            {NotificationLevelRole, "notificationLevel"},
            {MutedRole, "muted"},
            {PeerStatusRole, "peerStatus"},
            {AvatarRole, "avatar"}};
}

void RoomListModel::setPresenceSource(PresenceModel *presence)
{
    m_presence = presence;
    auto rowsChanged = [this](int first, int last) {
        for (int row = first; row <= last; ++row)
            peerPresenceChanged(m_presence->data(m_presence->index(row), PresenceModel::UserIdRole).toString());
    };
    connect(presence, &QAbstractItemModel::rowsInserted, this,
            [rowsChanged](const QModelIndex &, int first, int last) { rowsChanged(first, last); });
    connect(presence, &QAbstractItemModel::dataChanged, this,
            [rowsChanged](const QModelIndex &tl, const QModelIndex &br) { rowsChanged(tl.row(), br.row()); });
    connect(this, &RoomListModel::loaded, this, &RoomListModel::trackPeers);
    trackPeers();
}

void RoomListModel::trackPeers()
{
    QStringList peers;
    for (const Room &r : m_rooms) {
        if (r.type == RoomType::Direct && !r.peerUserId.isEmpty())
            peers << r.peerUserId;
    }
    if (m_presence && !peers.isEmpty())
        m_presence->track(peers);
}

void RoomListModel::peerPresenceChanged(const QString &userId)
{
    for (std::size_t i = 0; i < m_rooms.size(); ++i) {
        if (m_rooms[i].type == RoomType::Direct && m_rooms[i].peerUserId == userId) {
            const QModelIndex idx = index(int(i));
            Q_EMIT dataChanged(idx, idx, {PeerStatusRole});
        }
    }
}

} // namespace confab::client
