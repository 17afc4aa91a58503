// SPDX-License-Identifier: GPL-3.0-or-later
#include "banlistmodel.h"

#include "client/models/knownusers.h"
#include "client/models/timetext.h"
#include "client/net/apiclient.h"

#include <algorithm>

#include <QDateTime>

namespace confab::client {

BanListModel::BanListModel(const QString &roomId, ApiClient &api, KnownUsers *names, QObject *parent)
    : QAbstractTableModel(parent), m_roomId(roomId), m_api(api), m_names(names)
{
}

void BanListModel::reload()
{
    m_loading = true;
    m_error.clear();
    const quint64 generation = ++m_generation;
    m_api.bans(m_roomId, this, [this, generation](const ApiResult<std::vector<Ban>> &r) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!r.ok()) {
            m_error = r.error->message;
            Q_EMIT loadFailed(m_error);
            return;
        }
        beginResetModel();
        m_bans = r.value;
        // Newest first, like the audit log.
        std::stable_sort(m_bans.begin(), m_bans.end(),
                         [](const Ban &a, const Ban &b) { return a.createdAt > b.createdAt; });
        endResetModel();
        Q_EMIT loaded();
    });
}

int BanListModel::rowOf(const QString &userId) const
{
    for (int i = 0; i < int(m_bans.size()); ++i) {
        if (m_bans[std::size_t(i)].userId == userId)
            return i;
    }
    return -1;
}

void BanListModel::removeUser(const QString &userId)
{
    const int row = rowOf(userId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_bans.erase(m_bans.begin() + row);
    endRemoveRows();
}

QString BanListModel::nameOf(const QString &userId) const { return m_names ? m_names->displayName(userId) : userId; }

int BanListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_bans.size()); }
int BanListModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant BanListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Ban &b = m_bans[std::size_t(index.row())];
    const auto when = [](qint64 ms) { return shortTimeText(ms); };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case UserColumn: return nameOf(b.userId);
        case ReasonColumn: return b.reason.isEmpty() ? tr("(no reason given)") : b.reason;
        case BannedByColumn: return nameOf(b.bannedBy);
        case SinceColumn: return b.createdAt ? when(b.createdAt) : QString();
        case UntilColumn: return b.until ? when(b.until) : tr("Permanent");
        }
        return {};
    case Qt::AccessibleTextRole:
        return tr("%1, banned by %2, %3. Reason: %4")
            .arg(nameOf(b.userId), nameOf(b.bannedBy), b.until ? tr("until %1").arg(when(b.until)) : tr("permanently"),
                 b.reason.isEmpty() ? tr("none given") : b.reason);
    case UserIdRole: return b.userId;
    case UntilRole: return b.until ? QDateTime::fromMSecsSinceEpoch(b.until, Qt::UTC) : QDateTime();
    default: return {};
    }
}

QVariant BanListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case UserColumn: return tr("User");
    case ReasonColumn: return tr("Reason");
    case BannedByColumn: return tr("Banned by");
    case SinceColumn: return tr("Since");
    case UntilColumn: return tr("Until");
    }
    return {};
}

} // namespace confab::client
