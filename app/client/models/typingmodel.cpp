// SPDX-License-Identifier: GPL-3.0-or-later
#include "typingmodel.h"

#include "client/sync/syncengine.h"

namespace confab::client {

TypingModel::TypingModel(const QString &roomId, SyncEngine &sync, QObject *parent)
    : QAbstractListModel(parent), m_roomId(roomId)
{
    m_clock.start();
    m_sweep.setInterval(250);
    connect(&m_sweep, &QTimer::timeout, this, &TypingModel::expire);
    connect(&sync, &SyncEngine::typingChanged, this, &TypingModel::onTyping);
    // A sender's message ends its typing.
    connect(&sync, &SyncEngine::messageArrived, this, [this](const confab::Message &m) {
        if (m.roomId == m_roomId)
            if (const int row = rowOf(m.authorId); row >= 0)
                removeRow(row);
    });
}

void TypingModel::onTyping(const QString &roomId, const QString &userId, const QString &displayName, bool isTyping)
{
    if (roomId != m_roomId)
        return;
    const int row = rowOf(userId);
    if (!isTyping) {
        if (row >= 0)
            removeRow(row);
        return;
    }
    const qint64 expiresAt = m_clock.elapsed() + m_expiryMs;
    if (row >= 0) {
        m_entries[std::size_t(row)].expiresAt = expiresAt;
        return;
    }
    const int pos = int(m_entries.size());
    beginInsertRows({}, pos, pos);
    m_entries.push_back({userId, displayName, expiresAt});
    endInsertRows();
    if (!m_sweep.isActive())
        m_sweep.start();
    Q_EMIT summaryChanged();
}

void TypingModel::expire()
{
    const qint64 now = m_clock.elapsed();
    for (int i = int(m_entries.size()) - 1; i >= 0; --i) {
        if (m_entries[std::size_t(i)].expiresAt <= now)
            removeRow(i);
    }
    if (m_entries.empty())
        m_sweep.stop();
}

void TypingModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_entries.erase(m_entries.begin() + row);
    endRemoveRows();
    Q_EMIT summaryChanged();
}

int TypingModel::rowOf(const QString &userId) const
{
    for (int i = 0; i < int(m_entries.size()); ++i) {
        if (m_entries[std::size_t(i)].userId == userId)
            return i;
    }
    return -1;
}

QString TypingModel::summary() const
{
    switch (m_entries.size()) {
    case 0: return {};
    case 1: return tr("%1 is typing…").arg(m_entries[0].displayName);
    case 2: return tr("%1 and %2 are typing…").arg(m_entries[0].displayName, m_entries[1].displayName);
    default: return tr("Several people are typing…");
    }
}

int TypingModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_entries.size()); }

QVariant TypingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case DisplayNameRole: return e.displayName;
    case UserIdRole: return e.userId;
    default: return {};
    }
}

QHash<int, QByteArray> TypingModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"}, {UserIdRole, "userId"}, {DisplayNameRole, "displayName"}};
}

} // namespace confab::client
