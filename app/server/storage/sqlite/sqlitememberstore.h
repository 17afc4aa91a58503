// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SqliteMemberStore: room members and bans (the room_members and bans tables).

#include "storage/storage.h"

namespace confab::server {

class SqlDatabase;

class SqliteMemberStore final : public MemberStore {
public:
    explicit SqliteMemberStore(SqlDatabase &db) : m_db(db) {}

    void insertMember(const MemberRecord &m) override;
    void updateMember(const MemberRecord &m) override;
    void deleteMember(const QString &roomId, const QString &userId) override;
    std::optional<MemberRecord> member(const QString &roomId, const QString &userId) override;
    std::vector<Member> listMembers(const QString &roomId, int limit, int offset, int *total) override;
    int memberCount(const QString &roomId) override;
    std::vector<std::pair<QString, QString>> allMemberships() override;

    void upsertBan(const BanRecord &b) override;
    void deleteBan(const QString &roomId, const QString &userId) override;
    std::optional<BanRecord> ban(const QString &roomId, const QString &userId) override;
    std::vector<BanRecord> listBans(const QString &roomId) override;

private:
    SqlDatabase &m_db;
};

} // namespace confab::server
