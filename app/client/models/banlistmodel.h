// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/net/apitypes.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <vector>

namespace confab::client {

class ApiClient;
class KnownUsers;

// The bans of one room (GET /v1/chat/rooms/{roomId}/bans): who, why, by whom, since and until.
class BanListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { UserColumn, ReasonColumn, BannedByColumn, SinceColumn, UntilColumn, ColumnCount };
    enum Roles { UserIdRole = Qt::UserRole + 1, UntilRole /* QDateTime (UTC), invalid when permanent */ };

    BanListModel(const QString &roomId, ApiClient &api, KnownUsers *names, QObject *parent = nullptr);

    void reload();
    bool isLoading() const { return m_loading; }
    QString errorString() const { return m_error; }
    const Ban &banAt(int row) const { return m_bans.at(std::size_t(row)); }
    int rowOf(const QString &userId) const;
    // After an unban: the row goes without asking the server again.
    void removeUser(const QString &userId);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);

private:
    QString nameOf(const QString &userId) const;

    QString m_roomId;
    ApiClient &m_api;
    QPointer<KnownUsers> m_names;
    std::vector<Ban> m_bans;
    bool m_loading = false;
    quint64 m_generation = 0;
    QString m_error;
};

} // namespace confab::client
