// SPDX-License-Identifier: GPL-3.0-or-later
#include "knownusers.h"

#include "client/models/membermodel.h"
#include "client/sync/localstore.h"

#include <algorithm>

namespace confab::client {

KnownUsers::KnownUsers(const QString &roomId, const LocalStore &store, const MemberModel *members, QObject *parent)
    : QObject(parent), m_members(members)
{
    for (const Message &m : store.recentMessages(roomId, 500)) {
        if (!m.isAnonymous && !m.authorId.isEmpty())
            learn(m.authorId, m.authorName);
    }
    if (!m_members)
        return;
    learnMembers(0, m_members->rowCount() - 1);
    // Learn names as rows come and change, so that a member kicked later keeps theirs here.
    connect(m_members, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { learnMembers(first, last); });
    connect(m_members, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) { learnMembers(from.row(), to.row()); });
    connect(m_members, &QAbstractItemModel::modelReset, this, [this] { learnMembers(0, m_members->rowCount() - 1); });
}

void KnownUsers::learn(const QString &userId, const QString &name)
{
    if (!userId.isEmpty() && !name.isEmpty())
        m_names.insert(userId, name);
}

void KnownUsers::learnMembers(int first, int last)
{
    for (int row = std::max(0, first); row <= last && row < m_members->rowCount(); ++row) {
        const Member m = m_members->memberAt(row);
        learn(m.userId, m.displayName);
    }
}

QString KnownUsers::displayName(const QString &userId) const
{
    if (userId.isEmpty())
        return {};
    if (userId == QLatin1String("system"))
        return tr("Server administration");
    const QString name = nameOf(userId);
    return name.isEmpty() ? tr("Unknown user (%1)").arg(userId) : name;
}

} // namespace confab::client
