// SPDX-License-Identifier: GPL-3.0-or-later
#include "presencemodel.h"

#include "client/net/apiclient.h"
#include "client/sync/syncengine.h"

#include <QDateTime>

namespace confab::client {

PresenceModel::PresenceModel(ApiClient &api, SyncEngine &sync, QObject *parent) : QAbstractListModel(parent), m_api(api)
{
    connect(&sync, &SyncEngine::presenceChanged, this, &PresenceModel::upsert);
}

void PresenceModel::track(const QStringList &userIds)
{
    if (userIds.isEmpty())
        return;
    m_api.presence(userIds.mid(0, 200), this, [this](const ApiResult<std::vector<Presence>> &r) {
        if (!r.ok())
            return;
        for (const Presence &p : r.value)
            upsert(p);
    });
}

void PresenceModel::upsert(const Presence &p)
{
    const int row = rowOf(p.userId);
    if (row >= 0) {
        if (m_rows[std::size_t(row)] == p)
            return;
        m_rows[std::size_t(row)] = p;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    const int pos = int(m_rows.size());
    beginInsertRows({}, pos, pos);
    m_rows.push_back(p);
    endInsertRows();
}

std::optional<Presence> PresenceModel::presence(const QString &userId) const
{
    const int row = rowOf(userId);
    if (row < 0)
        return std::nullopt;
    return m_rows[std::size_t(row)];
}

int PresenceModel::rowOf(const QString &userId) const
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows[std::size_t(i)].userId == userId)
            return i;
    }
    return -1;
}

int PresenceModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant PresenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Presence &p = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case StatusRole: return toString(p.status);
    case UserIdRole: return p.userId;
    case CustomStatusRole: return p.customStatus;
    case IsOnlineRole: return p.status != PresenceStatus::Offline;
    case LastSeenRole: return QDateTime::fromMSecsSinceEpoch(p.lastSeen, Qt::UTC);
    default: return {};
    }
}

QHash<int, QByteArray> PresenceModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},       {UserIdRole, "userId"},     {StatusRole, "status"},
            {CustomStatusRole, "customStatus"}, {IsOnlineRole, "isOnline"}, {LastSeenRole, "lastSeen"}};
}

} // namespace confab::client
