// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <vector>

namespace confab::client {

class ApiClient;
class KnownUsers;

// One room's audit log, newest first, a page at a time (GET /v1/admin/audit with the room and the
// last entry's id as the cursor) when loadMore() is asked for: no fetchMore(), so that a view never
// pages on its own. Columns are for reading: when, who, what, to whom, why.
class AuditLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, ActorColumn, ActionColumn, TargetColumn, ReasonColumn, ColumnCount };
    enum Roles {
        AuditIdRole = Qt::UserRole + 1,
        ActionRole, // the wire name, "member.kick"
        ActorIdRole,
        TargetUserIdRole,
        ReasonRole,
        CreatedAtRole, // QDateTime (UTC)
    };

    AuditLogModel(const QString &roomId, ApiClient &api, KnownUsers *names, QObject *parent = nullptr);

    void setPageSize(int n) { m_pageSize = n; }
    // From the newest entry again (drops what is shown).
    void reload();
    // The next older page.
    void loadMore();
    bool hasMore() const { return m_hasMore; }
    bool isLoading() const { return m_loading; }
    QString errorString() const { return m_error; }
    const AuditEntry &entryAt(int row) const { return m_entries.at(std::size_t(row)); }

    // "Kicked", "Made moderator", ... for an action's wire name.
    static QString describeAction(const QString &action);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void loadingChanged();
    // A page arrived (possibly empty).
    void pageLoaded();
    void loadFailed(const QString &message);

private:
    void fetch(const QString &before);
    QString nameOf(const QString &userId) const;

    QString m_roomId;
    ApiClient &m_api;
    QPointer<KnownUsers> m_names;
    std::vector<AuditEntry> m_entries;
    int m_pageSize = 50;
    bool m_hasMore = true;
    bool m_loading = false;
    quint64 m_generation = 0; // a reload drops answers to older requests
    QString m_error;
};

} // namespace confab::client
