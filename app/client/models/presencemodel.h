// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QAbstractListModel>

#include <vector>

namespace confab::client {

class ApiClient;
class SyncEngine;

// The presence of the people we share rooms with, as the server announces it (never persisted).
class PresenceModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles {
        UserIdRole = Qt::UserRole + 1,
        StatusRole, // "online", "away", "busy", "offline"
        CustomStatusRole,
        IsOnlineRole,
        LastSeenRole, // QDateTime (UTC)
    };

    PresenceModel(ApiClient &api, SyncEngine &sync, QObject *parent = nullptr);

    // Asks the server for these users' presence now (e.g. the members of an opened room).
    void track(const QStringList &userIds);
    std::optional<Presence> presence(const QString &userId) const;
    int rowOf(const QString &userId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void upsert(const Presence &p);

    ApiClient &m_api;
    std::vector<Presence> m_rows;
};

} // namespace confab::client
