// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SqliteRoomStore: rooms (the rooms table; member counts joined in on read).

#include "storage/storage.h"

namespace confab::server {

class SqlDatabase;
class Statement;

// deleteRoom() cascades to members, bans, events, messages, reactions and pins; audit rows stay.
class SqliteRoomStore final : public RoomStore {
public:
    explicit SqliteRoomStore(SqlDatabase &db) : m_db(db) {}

    void insertRoom(const RoomRecord &r) override;
    void updateRoom(const Room &room) override;
    void deleteRoom(const QString &roomId) override;
    std::optional<RoomRecord> roomById(const QString &roomId) override;
    std::vector<RoomRecord> listRooms(const RoomQuery &q, int *total) override;
    std::vector<RoomRecord> roomsOfUser(const QString &userId) override;
    std::optional<QString> directRoomBetween(const QString &userA, const QString &userB) override;
    void touchRoom(const QString &roomId, qint64 lastActivity) override;

private:
    std::vector<RoomRecord> readRooms(Statement &s);

    SqlDatabase &m_db;
};

} // namespace confab::server
