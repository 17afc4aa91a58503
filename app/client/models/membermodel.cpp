// SPDX-License-Identifier: GPL-3.0-or-later
#include "membermodel.h"

#include "client/models/lastseentext.h"
#include "client/net/apiclient.h"
#include "client/room/moderationpolicy.h"
#include "client/sync/localstore.h"
#include "client/sync/syncengine.h"

#include <QDateTime>

#include <algorithm>

namespace confab::client {

MemberModel::MemberModel(const QString &roomId, ApiClient &api, LocalStore &store, SyncEngine &sync, QObject *parent)
    : QAbstractListModel(parent), m_roomId(roomId), m_api(api), m_sync(sync), m_store(store),
      m_presencePoll(new QTimer(this))
{
    m_presencePoll->setInterval(kPresencePollMs);
    connect(m_presencePoll, &QTimer::timeout, this, &MemberModel::refreshPresence);
    connect(&sync, &SyncEngine::memberJoined, this, [this](const QString &roomId, const Member &m) {
        if (roomId != m_roomId)
            return;
        if (rowOf(m.userId) < 0 && matchesSearch(m)) {
            ++m_total;
            adjustSections(m, +1);
        }
        place(m);
    });
    connect(&sync, &SyncEngine::memberChanged, this, [this](const QString &roomId, const Member &m) {
        if (roomId == m_roomId)
            place(m);
    });
    connect(&sync, &SyncEngine::memberLeft, this, [this](const QString &roomId, const QString &userId) {
        if (roomId != m_roomId)
            return;
        if (const int row = rowOf(userId); row >= 0) {
            m_total = std::max(0, m_total - 1);
            adjustSections(m_members[std::size_t(row)], -1);
        }
        remove(userId);
        if (m_self && m_self->userId == userId) {
            m_self.reset();
            Q_EMIT selfChanged();
        }
    });
    connect(&sync, &SyncEngine::presenceChanged, this, &MemberModel::onPresence);
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
}

void MemberModel::load()
{
    ++m_generation;
    m_fetching = false;
    if (m_search.isEmpty() && m_members.empty()) {
        std::vector<Member> cached = m_store.members(m_roomId);
        std::sort(cached.begin(), cached.end(), memberSortsBefore);
        if (!cached.empty()) {
            beginResetModel();
            m_members = std::move(cached);
            rebuildIds();
            m_total = int(m_members.size());
            endResetModel();
        }
    }
    m_cursor.clear();
    requestPage();
}

void MemberModel::setSearch(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search && m_loaded)
        return;
    m_search = trimmed;
    ++m_generation;
    m_fetching = false;
    m_cursor.clear();
    m_frontier.reset();
    beginResetModel();
    m_members.clear();
    m_ids.clear();
    m_total = 0;
    m_sections = {};
    endResetModel();
    requestPage();
}

void MemberModel::requestPage()
{
    if (m_fetching)
        return;
    m_fetching = true;
    const bool first = m_cursor.isEmpty();
    const int generation = m_generation;
    m_api.members(m_roomId, {kPageSize, m_cursor, m_search}, this,
                  [this, first, generation](const ApiResult<MemberPage> &r) {
                      if (generation != m_generation)
                          return; // a newer load or search replaced this list
                      m_fetching = false;
                      if (!r.ok())
                          return;
                      applyPage(r.value, first);
                  });
}

bool MemberModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loaded && hasMore() && !m_fetching;
}

void MemberModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void MemberModel::applyPage(const MemberPage &page, bool first)
{
    m_cursor = page.nextCursor;
    m_frontier.reset();
    if (!m_cursor.isEmpty()) {
        try {
            m_frontier = MemberOrderKey::decode(m_cursor.toLatin1());
        } catch (const std::exception &) {
            m_cursor.clear(); // not a cursor we can follow: what we have is all we show
        }
    }
    m_total = page.pagination.total;
    if (page.self != m_self) {
        m_self = page.self;
        Q_EMIT selfChanged();
    }
    if (first) {
        // The first page replaces whatever was shown (the cache, or an older list).
        beginResetModel();
        m_members = page.members;
        std::sort(m_members.begin(), m_members.end(), memberSortsBefore);
        rebuildIds();
        endResetModel();
        if (m_search.isEmpty())
            m_store.replaceMembers(m_roomId, page.members);
        m_loaded = true;
        Q_EMIT loaded();
    } else {
        // Rows the page repeats (their place changed since) move; the rest come after the loaded
        // ones, in one insertion when they all do.
        std::vector<Member> fresh;
        for (const Member &m : page.members) {
            if (m_ids.contains(m.userId))
                place(m);
            else
                fresh.push_back(m);
        }
        std::sort(fresh.begin(), fresh.end(), memberSortsBefore);
        const bool allAfter = m_members.empty() || fresh.empty() || memberSortsBefore(m_members.back(), fresh.front());
        if (allAfter && !fresh.empty()) {
            const int first = int(m_members.size());
            beginInsertRows({}, first, first + int(fresh.size()) - 1);
            m_members.insert(m_members.end(), fresh.begin(), fresh.end());
            for (const Member &m : fresh)
                m_ids.insert(m.userId);
            endInsertRows();
        } else {
            for (const Member &m : fresh)
                place(m);
        }
    }
    m_sections = page.sections; // after the moves above, which adjust the counts they replace
    if (m_total > kPushedPresenceMax && !m_presencePoll->isActive())
        m_presencePoll->start();
    Q_EMIT pageLoaded();
}

bool MemberModel::matchesSearch(const Member &m) const
{
    return m_search.isEmpty() || m.displayName.contains(m_search, Qt::CaseInsensitive) ||
           m.username.contains(m_search, Qt::CaseInsensitive);
}

bool MemberModel::withinLoaded(const Member &m) const { return !m_frontier || !(*m_frontier < MemberOrderKey::of(m)); }

void MemberModel::place(const Member &m)
{
    if (m_self && m_self->userId == m.userId && m != *m_self) {
        m_self = m;
        Q_EMIT selfChanged();
    }
    const int row = rowOf(m.userId);
    const bool keep = matchesSearch(m) && withinLoaded(m);
    if (row < 0 && !keep)
        return;
    if (row >= 0 && !keep) {
        remove(m.userId);
        return;
    }
    const auto sortedPlace = [this](const Member &member) {
        return int(std::lower_bound(m_members.begin(), m_members.end(), member, memberSortsBefore) - m_members.begin());
    };
    if (row < 0) {
        const int pos = sortedPlace(m);
        beginInsertRows({}, pos, pos);
        m_members.insert(m_members.begin() + pos, m);
        m_ids.insert(m.userId);
        endInsertRows();
        return;
    }
    adjustSections(m_members[std::size_t(row)], -1);
    adjustSections(m, +1);
    m_members[std::size_t(row)] = m;
    Q_EMIT dataChanged(index(row), index(row));
    // Its place among the others: taken out to search, put back until the move.
    Member moved = std::move(m_members[std::size_t(row)]);
    m_members.erase(m_members.begin() + row);
    const int target = sortedPlace(moved);
    m_members.insert(m_members.begin() + row, std::move(moved));
    if (target == row)
        return;
    beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
    moved = std::move(m_members[std::size_t(row)]);
    m_members.erase(m_members.begin() + row);
    m_members.insert(m_members.begin() + target, std::move(moved));
    endMoveRows();
}

void MemberModel::onPresence(const Presence &p)
{
    Member m;
    if (const int row = rowOf(p.userId); row >= 0)
        m = m_members[std::size_t(row)];
    else if (m_self && m_self->userId == p.userId)
        m = *m_self;
    else
        return; // not loaded here: its page brings it with its presence
    m.status = p.status;
    m.isOnline = p.status != PresenceStatus::Offline;
    m.customStatus = p.customStatus;
    if (p.lastSeen)
        m.lastSeen = p.lastSeen;
    if (rowOf(p.userId) >= 0)
        place(m);
    else if (m != *m_self) {
        m_self = m;
        Q_EMIT selfChanged();
    }
}

void MemberModel::refreshPresence()
{
    // The first rows are the ones a view shows on opening; 5 calls of 200 ids at most.
    constexpr int kMaxIds = 1000;
    QStringList ids;
    for (int row = 0; row < int(m_members.size()) && ids.size() < kMaxIds; ++row)
        ids << m_members[std::size_t(row)].userId;
    for (qsizetype from = 0; from < ids.size(); from += 200) {
        m_api.presence(ids.mid(from, 200), this, [this](const ApiResult<std::vector<Presence>> &r) {
            if (!r.ok())
                return;
            for (const Presence &p : r.value) {
                const std::optional<Member> known = member(p.userId);
                if (known && (known->status != p.status || known->customStatus != p.customStatus))
                    onPresence(p);
            }
        });
    }
}

void MemberModel::adjustSections(const Member &m, int delta)
{
    int *count = nullptr;
    switch (memberSection(m)) {
    case MemberSection::Owner: count = &m_sections.owner; break;
    case MemberSection::Admin: count = &m_sections.admin; break;
    case MemberSection::Moderator: count = &m_sections.moderator; break;
    case MemberSection::Online: count = &m_sections.online; break;
    case MemberSection::Offline: count = &m_sections.offline; break;
    }
    *count = std::max(0, *count + delta);
}

int MemberModel::sectionCount(MemberSection section) const
{
    switch (section) {
    case MemberSection::Owner: return m_sections.owner;
    case MemberSection::Admin: return m_sections.admin;
    case MemberSection::Moderator: return m_sections.moderator;
    case MemberSection::Online: return m_sections.online;
    case MemberSection::Offline: return m_sections.offline;
    }
    return 0;
}

void MemberModel::remove(const QString &userId)
{
    const int row = rowOf(userId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_members.erase(m_members.begin() + row);
    m_ids.remove(userId);
    endRemoveRows();
}

void MemberModel::rebuildIds()
{
    m_ids.clear();
    m_ids.reserve(qsizetype(m_members.size()));
    for (const Member &m : m_members)
        m_ids.insert(m.userId);
}

int MemberModel::rowOf(const QString &userId) const
{
    if (!m_ids.contains(userId))
        return -1; // most lookups (presence of people not loaded) end here
    for (int i = 0; i < int(m_members.size()); ++i) {
        if (m_members[std::size_t(i)].userId == userId)
            return i;
    }
    return -1;
}

std::optional<Member> MemberModel::member(const QString &userId) const
{
    const int row = rowOf(userId);
    if (row >= 0)
        return m_members[std::size_t(row)];
    if (m_self && m_self->userId == userId)
        return m_self;
    return std::nullopt;
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
        if (!m.customStatus.isEmpty())
            text += QLatin1String(", ") + m.customStatus;
        if (m.status == PresenceStatus::Offline && m.lastSeen)
            text += QLatin1String(", ") + LastSeenText::of(m.lastSeen, QDateTime::currentMSecsSinceEpoch());
        if (mutedAt(m, QDateTime::currentMSecsSinceEpoch()))
            text += QLatin1String(", ") + tr("muted");
        return text;
    }
    case UserIdRole: return m.userId;
    case RoleRole: return toString(m.role);
    case StatusRole: return toString(m.status);
    case IsOnlineRole: return m.isOnline;
    case IsMutedRole: return mutedAt(m, QDateTime::currentMSecsSinceEpoch());
    case LastSeenRole: return m.lastSeen ? QDateTime::fromMSecsSinceEpoch(m.lastSeen, Qt::UTC) : QDateTime();
    case MutedUntilRole:
        return m.isMuted && m.mutedUntil ? QDateTime::fromMSecsSinceEpoch(m.mutedUntil, Qt::UTC) : QDateTime();
    case JoinedAtRole: return QDateTime::fromMSecsSinceEpoch(m.joinedAt, Qt::UTC);
    case UsernameRole: return m.username;
    case CustomStatusRole: return m.customStatus;
    case SectionRole: return QString::fromLatin1(toString(memberSection(m)));
    case SectionCountRole: return sectionCount(memberSection(m));
    case AvatarRole: return m.avatar;
    default: return {};
    }
}

QHash<int, QByteArray> MemberModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {UserIdRole, "userId"},
            {DisplayNameRole, "displayName"},
            {RoleRole, "role"},
            {StatusRole, "status"},
            {IsOnlineRole, "isOnline"},
            {IsMutedRole, "isMuted"},
            {LastSeenRole, "lastSeen"},
            {MutedUntilRole, "mutedUntil"},
            {JoinedAtRole, "joinedAt"},
            {UsernameRole, "username"},
            {CustomStatusRole, "customStatus"},
            {SectionRole, "section"},
            {SectionCountRole, "sectionCount"},
            {AvatarRole, "avatar"}};
}

} // namespace confab::client
