// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlogmodel.h"

#include "client/models/knownusers.h"
#include "client/models/timetext.h"
#include "client/net/apiclient.h"

#include <QDateTime>
#include <QLocale>

namespace confab::client {

AuditLogModel::AuditLogModel(const QString &roomId, ApiClient &api, KnownUsers *names, QObject *parent)
    : QAbstractTableModel(parent), m_roomId(roomId), m_api(api), m_names(names)
{
}

void AuditLogModel::reload()
{
    ++m_generation;
    m_loading = false;
    if (!m_entries.empty()) {
        beginResetModel();
        m_entries.clear();
        endResetModel();
    }
    m_hasMore = true;
    fetch({});
}

void AuditLogModel::loadMore()
{
    if (m_loading || !m_hasMore)
        return;
    fetch(m_entries.empty() ? QString() : m_entries.back().auditId);
}

void AuditLogModel::fetch(const QString &before)
{
    m_loading = true;
    m_error.clear();
    Q_EMIT loadingChanged();
    const quint64 generation = m_generation;
    m_api.auditLog(m_roomId, before, m_pageSize, this, [this, generation](const ApiResult<std::vector<AuditEntry>> &r) {
        if (generation != m_generation)
            return; // answer to a request made before a reload
        m_loading = false;
        if (!r.ok()) {
            m_error = r.error->message;
            Q_EMIT loadingChanged();
            Q_EMIT loadFailed(m_error);
            return;
        }
        const std::vector<AuditEntry> &page = r.value;
        m_hasMore = int(page.size()) >= m_pageSize;
        if (!page.empty()) {
            beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + page.size()) - 1);
            for (const AuditEntry &e : page) {
                if (m_names)
                    m_names->learn(e.actorId, e.actorName);
                m_entries.push_back(e);
            }
            endInsertRows();
        }
        Q_EMIT loadingChanged();
        Q_EMIT pageLoaded();
    });
}

QString AuditLogModel::describeAction(const QString &action)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("member.invite"), QT_TR_NOOP("Added")},
        {QStringLiteral("member.kick"), QT_TR_NOOP("Kicked")},
        {QStringLiteral("member.ban"), QT_TR_NOOP("Banned")},
        {QStringLiteral("member.unban"), QT_TR_NOOP("Lifted the ban on")},
        {QStringLiteral("member.mute"), QT_TR_NOOP("Muted")},
        {QStringLiteral("member.unmute"), QT_TR_NOOP("Unmuted")},
        {QStringLiteral("member.role_member"), QT_TR_NOOP("Made member")},
        {QStringLiteral("member.role_moderator"), QT_TR_NOOP("Made moderator")},
        {QStringLiteral("member.role_admin"), QT_TR_NOOP("Made admin")},
        {QStringLiteral("room.update"), QT_TR_NOOP("Changed the room settings")},
        {QStringLiteral("room.delete"), QT_TR_NOOP("Deleted the room")},
        {QStringLiteral("room.transfer_ownership"), QT_TR_NOOP("Handed ownership to")},
        {QStringLiteral("message.delete_any"), QT_TR_NOOP("Deleted a message of")},
        {QStringLiteral("message.pin"), QT_TR_NOOP("Pinned a message")},
        {QStringLiteral("message.unpin"), QT_TR_NOOP("Unpinned a message")},
    };
    const auto it = names.constFind(action);
    return it == names.cend() ? action : tr(*it);
}

QString AuditLogModel::nameOf(const QString &userId) const
{
    if (userId.isEmpty())
        return {};
    return m_names ? m_names->displayName(userId) : userId;
}

int AuditLogModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_entries.size()); }
int AuditLogModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &e = m_entries[std::size_t(index.row())];
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(e.createdAt, Qt::UTC);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return shortTimeText(e.createdAt);
        case ActorColumn: return e.actorName.isEmpty() ? nameOf(e.actorId) : e.actorName;
        case ActionColumn: return describeAction(e.action);
        case TargetColumn: return nameOf(e.targetUserId);
        case ReasonColumn: return e.reason;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(at.toLocalTime(), QLocale::LongFormat);
        if (index.column() == ActionColumn)
            return e.action;
        if (index.column() == ReasonColumn && !e.reason.isEmpty())
            return e.reason;
        return {};
    case Qt::AccessibleTextRole:
        return tr("%1: %2 %3 %4. %5")
            .arg(shortTimeText(e.createdAt), e.actorName.isEmpty() ? nameOf(e.actorId) : e.actorName,
                 describeAction(e.action), nameOf(e.targetUserId),
                 e.reason.isEmpty() ? QString() : tr("Reason: %1").arg(e.reason))
            .trimmed();
    case AuditIdRole: return e.auditId;
    case ActionRole: return e.action;
    case ActorIdRole: return e.actorId;
    case TargetUserIdRole: return e.targetUserId;
    case ReasonRole: return e.reason;
    case CreatedAtRole: return at;
    default: return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("When");
    case ActorColumn: return tr("Who");
    case ActionColumn: return tr("What");
    case TargetColumn: return tr("Whom");
    case ReasonColumn: return tr("Reason");
    }
    return {};
}

} // namespace confab::client
