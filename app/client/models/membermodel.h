#pragma once

#include "core/types.h"

#include <QAbstractListModel>

#include <optional>
#include <vector>

namespace confab::client {

class ApiClient;
class LocalStore;
class SyncEngine;

// The members of one room with their role and presence, owners first and by name within a role:
// cached first, then the server's list, then joins, leaves, role changes and presence updates
// one row at a time.
class MemberModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles {
        UserIdRole = Qt::UserRole + 1,
        DisplayNameRole,
        RoleRole,   // "owner", "admin", "moderator", "member"
        StatusRole, // "online", "away", "busy", "offline"
        IsOnlineRole,
        IsMutedRole,    // muted now (a timed mute that has ended reads false)
        LastSeenRole,   // QDateTime (UTC)
        MutedUntilRole, // QDateTime (UTC); invalid when muted until lifted or not muted
        JoinedAtRole,   // QDateTime (UTC)
        AvatarRole,     // the avatar URL; empty for none
    };

    MemberModel(const QString &roomId, ApiClient &api, LocalStore &store, SyncEngine &sync, QObject *parent = nullptr);

    void load();
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int rowOf(const QString &userId) const;
    Member memberAt(int row) const { return m_members.at(std::size_t(row)); }
    std::optional<Member> member(const QString &userId) const;
    bool isLoaded() const { return m_loaded; }
    // Whether a member's mute holds at `nowMs` (a timed one ends by itself; the server sends no event).
    static bool mutedAt(const Member &m, qint64 nowMs);

Q_SIGNALS:
    void loaded();

private:
    void upsert(const Member &m);
    int sortedPosition(const Member &m, int ignoreRow) const;
    void remove(const QString &userId);

    QString m_roomId;
    ApiClient &m_api;
    LocalStore &m_store;
    std::vector<Member> m_members;
    bool m_loaded = false;
};

} // namespace confab::client
