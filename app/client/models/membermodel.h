// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/memberorder.h"
#include "core/responses.h"
#include "core/types.h"

#include <QAbstractListModel>
#include <QSet>
#include <QTimer>

#include <optional>
#include <vector>

namespace confab::client {

class ApiClient;
class LocalStore;
class SyncEngine;

// The members of one room, loaded page by page from the server in its order (online first, then
// by role, then by name; see core/memberorder.h): cached rows first, then the first page, then a
// page more whenever a view asks (fetchMore). A search text asks the server for the members whose
// name contains it and pages through those instead. Joins, leaves, role changes and presence move
// rows among the loaded ones only: a member whose place is beyond the last loaded page leaves the
// list and comes back with that page.
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
        UsernameRole,
        CustomStatusRole, // the member's own status text ("🌴 on holiday"), or empty
        SectionRole,      // "owner", "admin", "moderator" (online ones), "online", "offline"
        SectionCountRole, // how many members that section holds on the server (not only loaded)
        AvatarRole,       // the avatar URL; empty for none
    };

    static constexpr int kPageSize = 100;
    // Above this many members the server pushes nobody's presence for the room (see
    // MembershipIndex::contactsOf): the model asks for the loaded members' presence instead.
    static constexpr int kPushedPresenceMax = 250;
    static constexpr int kPresencePollMs = 30 * 1000;

    MemberModel(const QString &roomId, ApiClient &api, LocalStore &store, SyncEngine &sync, QObject *parent = nullptr);

    // Cached rows, then the server's first page (of the current search, if any).
    void load();
    // Pages through the members whose display name or username contains `text` (all when empty).
    void setSearch(const QString &text);
    QString search() const { return m_search; }

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    bool hasMore() const { return !m_cursor.isEmpty(); }
    // Asks the server for the presence of the first loaded members (GET /v1/presence): in a large
    // room that is how their changes arrive; it runs every kPresencePollMs there by itself.
    void refreshPresence();
    bool isFetching() const { return m_fetching; }
    // Members the current list holds on the server (the room's, or those the search finds).
    int total() const { return m_total; }
    int sectionCount(MemberSection section) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int rowOf(const QString &userId) const;
    Member memberAt(int row) const { return m_members.at(std::size_t(row)); }
    // A loaded member, or the user's own membership wherever it sorts.
    std::optional<Member> member(const QString &userId) const;
    // The first page has come (the user's own membership is known from then on).
    bool isLoaded() const { return m_loaded; }
    // Whether a member's mute holds at `nowMs` (a timed one ends by itself; the server sends no event).
    static bool mutedAt(const Member &m, qint64 nowMs);

Q_SIGNALS:
    // The first page of the current list has come.
    void loaded();
    // A page has come (the first or a later one).
    void pageLoaded();
    // The user's own membership changed (it may be on no loaded row).
    void selfChanged();

private:
    void requestPage();
    void applyPage(const MemberPage &page, bool first);
    bool matchesSearch(const Member &m) const;
    // Whether a member sorts among the loaded pages (at or before the last member loaded).
    bool withinLoaded(const Member &m) const;
    // Puts a member in its sorted place, or out of the list when its place is not loaded yet.
    void place(const Member &m);
    void remove(const QString &userId);
    void adjustSections(const Member &m, int delta);
    void onPresence(const Presence &p);
    void rebuildIds();

    QString m_roomId;
    ApiClient &m_api;
    SyncEngine &m_sync;
    LocalStore &m_store;
    std::vector<Member> m_members;
    QSet<QString> m_ids; // the loaded members' ids, for lookups without a scan
    std::optional<Member> m_self;
    QString m_search;
    QString m_cursor; // the server's nextCursor: empty when everything is loaded
    std::optional<MemberOrderKey> m_frontier;
    MemberSections m_sections;
    int m_total = 0;
    int m_generation = 0; // replies to an older load or search are dropped
    QTimer *m_presencePoll;
    bool m_fetching = false;
    bool m_loaded = false;
};

} // namespace confab::client
