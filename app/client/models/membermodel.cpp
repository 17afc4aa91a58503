#include "membermodel.h"

#include "client/net/apiclient.h"
#include "client/room/moderationpolicy.h"
#include "client/sync/localstore.h"
#include "client/sync/syncengine.h"

#include <QDateTime>

namespace confab::client {

MemberModel::MemberModel(const QString &roomId, ApiClient &api, LocalStore &store, SyncEngine &sync, QObject *parent)
    : QAbstractListModel(parent), m_roomId(roomId), m_api(api), m_store(store)
{
    connect(&sync, &SyncEngine::memberJoined, this, [this](const QString &roomId, const Member &m) {
        if (roomId == m_roomId)
            upsert(m);
    });
    connect(&sync, &SyncEngine::memberChanged, this, [this](const QString &roomId, const Member &m) {
        if (roomId == m_roomId)
            upsert(m);
    });
    connect(&sync, &SyncEngine::memberLeft, this, [this](const QString &roomId, const QString &userId) {
        if (roomId == m_roomId)
            remove(userId);
    });
    connect(&sync, &SyncEngine::userUpdated, this, [this](const User &u) {
        const int row = rowOf(u.userId);
        if (row < 0)
            return;
        Member &m = m_members[std::size_t(row)];
        m.displayName = u.displayName;
        m.avatar = u.avatar;
        m_store.saveMember(m_roomId, m);
        Q_EMIT dataChanged(index(row), index(row));
    });
    connect(&sync, &SyncEngine::presenceChanged, this, [this](const Presence &p) {
        const int row = rowOf(p.userId);
        if (row < 0)
            return;
        Member &m = m_members[std::size_t(row)];
        m.status = p.status;
        m.isOnline = p.status != PresenceStatus::Offline;
        if (p.lastSeen)
            m.lastSeen = p.lastSeen;
        Q_EMIT dataChanged(index(row), index(row));
    });
}

void MemberModel::load()
{
    for (const Member &m : m_store.members(m_roomId))
        upsert(m);
    m_api.members(m_roomId, 200, 0, this, [this](const ApiResult<MemberPage> &r) {
        if (!r.ok())
            return;
        QSet<QString> listed;
        for (const Member &m : r.value.members) {
            listed.insert(m.userId);
            upsert(m);
        }
        QStringList gone;
        for (const Member &m : m_members) {
            if (!listed.contains(m.userId))
                gone << m.userId;
        }
        for (const QString &id : gone)
            remove(id);
        m_store.replaceMembers(m_roomId, r.value.members);
        m_loaded = true;
        Q_EMIT loaded();
    });
}

namespace {
// Owners first, then admins, moderators, members; by name within a role.
bool before(const Member &a, const Member &b)
{
    if (a.role != b.role)
        return a.role > b.role;
    const int byName = a.displayName.localeAwareCompare(b.displayName);
    return byName != 0 ? byName < 0 : a.userId < b.userId;
}
} // namespace

int MemberModel::sortedPosition(const Member &m, int ignoreRow) const
{
    int pos = 0;
    for (int i = 0; i < int(m_members.size()); ++i) {
        if (i != ignoreRow && before(m_members[std::size_t(i)], m))
            ++pos;
    }
    return pos;
}

void MemberModel::upsert(const Member &m)
{
    const int row = rowOf(m.userId);
    if (row >= 0) {
        m_members[std::size_t(row)] = m;
        Q_EMIT dataChanged(index(row), index(row));
        const int target = sortedPosition(m, row);
        if (target != row) { // a role change moves the row
            beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
            Member moved = std::move(m_members[std::size_t(row)]);
            m_members.erase(m_members.begin() + row);
            m_members.insert(m_members.begin() + target, std::move(moved));
            endMoveRows();
        }
        return;
    }
    const int pos = sortedPosition(m, -1);
    beginInsertRows({}, pos, pos);
    m_members.insert(m_members.begin() + pos, m);
    endInsertRows();
}

void MemberModel::remove(const QString &userId)
{
    const int row = rowOf(userId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_members.erase(m_members.begin() + row);
    endRemoveRows();
}

int MemberModel::rowOf(const QString &userId) const
{
    for (int i = 0; i < int(m_members.size()); ++i) {
        if (m_members[std::size_t(i)].userId == userId)
            return i;
    }
    return -1;
}

std::optional<Member> MemberModel::member(const QString &userId) const
{
    const int row = rowOf(userId);
    if (row < 0)
        return std::nullopt;
    return m_members[std::size_t(row)];
}

bool MemberModel::mutedAt(const Member &m, qint64 nowMs)
{
    return m.isMuted && (m.mutedUntil == 0 || m.mutedUntil > nowMs);
}

int MemberModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_members.size()); }

QVariant MemberModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Member &m = m_members[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case DisplayNameRole: return m.displayName;
    case Qt::AccessibleTextRole: {
        QString status;
        switch (m.status) {
        case PresenceStatus::Online: status = tr("online"); break;
        case PresenceStatus::Away: status = tr("away"); break;
        case PresenceStatus::Busy: status = tr("busy"); break;
        case PresenceStatus::Offline: status = tr("offline"); break;
        }
        QString text = tr("%1, %2, %3").arg(m.displayName, ModerationPolicy::roleTitle(m.role), status);
        if (mutedAt(m, QDateTime::currentMSecsSinceEpoch()))
            text += QLatin1String(", ") + tr("muted");
        return text;
    }
    case UserIdRole: return m.userId;
    case RoleRole: return toString(m.role);
    case StatusRole: return toString(m.status);
    case IsOnlineRole: return m.isOnline;
    case IsMutedRole: return mutedAt(m, QDateTime::currentMSecsSinceEpoch());
    case LastSeenRole: return QDateTime::fromMSecsSinceEpoch(m.lastSeen, Qt::UTC);
    case MutedUntilRole:
        return m.isMuted && m.mutedUntil ? QDateTime::fromMSecsSinceEpoch(m.mutedUntil, Qt::UTC) : QDateTime();
    case JoinedAtRole: return QDateTime::fromMSecsSinceEpoch(m.joinedAt, Qt::UTC);
    case AvatarRole: return m.avatar;
    default: return {};
    }
}

QHash<int, QByteArray> MemberModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"}, {UserIdRole, "userId"},     {DisplayNameRole, "displayName"},
            {RoleRole, "role"},           {StatusRole, "status"},     {IsOnlineRole, "isOnline"},
            {IsMutedRole, "isMuted"},     {LastSeenRole, "lastSeen"}, {MutedUntilRole, "mutedUntil"},
            {JoinedAtRole, "joinedAt"},   {AvatarRole, "avatar"}};
}

} // namespace confab::client
