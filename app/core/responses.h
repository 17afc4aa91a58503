// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The `data` of the REST answers of API.md that are not a single wire type of types.h: pages,
// lists and the sign-in answer. The server writes them and the client reads them with the same
// code; from_json is as strict as types.h.

#include "types.h"

#include <QString>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <vector>

namespace confab {

// POST /v1/auth/register and /v1/auth/login.
struct SignedIn {
    QString token; // shown once; the server stores only its hash
    User user;
    bool operator==(const SignedIn &) const = default;
};

// GET /v1/chat/rooms.
struct RoomPage {
    std::vector<Room> rooms;
    OffsetPagination pagination;
    bool operator==(const RoomPage &) const = default;
};

// How many members each section of the member list holds (see memberorder.h), over the whole
// list the query matches, not only the page.
struct MemberSections {
    int owner = 0;
    int admin = 0;
    int moderator = 0;
    int online = 0; // online plain members
    int offline = 0;
    bool operator==(const MemberSections &) const = default;
};

// GET /v1/chat/rooms/{roomId}/members.
struct MemberPage {
    std::vector<Member> members;
    OffsetPagination pagination;
    QString nextCursor;         // extension: where the next page starts; empty on the last page
    MemberSections sections;    // extension
    std::optional<Member> self; // extension: the caller's own membership, wherever it sorts
    bool operator==(const MemberPage &) const = default;
};

// GET /v1/chat/rooms/{roomId}/messages: oldest first.
struct MessagePage {
    std::vector<Message> messages;
    CursorPagination pagination;
    // A page around a message (`around=`) says both ways, inside "pagination" on the wire;
    // absent on the other pages.
    std::optional<bool> hasMoreBefore;
    std::optional<bool> hasMoreAfter;
    bool operator==(const MessagePage &) const = default;
};

// A stretch of a text, in UTF-16 code units (QString and JavaScript string offsets).
struct TextRange {
    int start = 0;
    int length = 0;
    bool operator==(const TextRange &) const = default;
};

struct SearchHit {
    Message message;
    QString snippet;                   // plain text around the match
    std::vector<TextRange> highlights; // where the snippet matches the query's words, in order
    bool operator==(const SearchHit &) const = default;
};

// GET /v1/chat/search.
struct SearchResults {
    std::vector<SearchHit> results;
    bool operator==(const SearchResults &) const = default;
};

// A room ban: the answer of POST .../members/{userId}/ban and an item of GET .../bans.
struct Ban {
    QString roomId;
    QString userId;
    QString bannedBy;
    QString reason;
    qint64 createdAt = 0;
    qint64 until = 0; // 0: permanent
    bool operator==(const Ban &) const = default;
};

// GET /v1/chat/rooms/{roomId}/bans.
struct BanList {
    std::vector<Ban> bans;
    bool operator==(const BanList &) const = default;
};

// GET /v1/chat/rooms/{roomId}/pins.
struct PinList {
    std::vector<Message> pins;
    bool operator==(const PinList &) const = default;
};

// GET /v1/presence.
struct PresenceList {
    std::vector<Presence> presence;
    bool operator==(const PresenceList &) const = default;
};

// GET /v1/admin/audit: newest first.
struct AuditPage {
    std::vector<AuditEntry> entries;
    bool operator==(const AuditPage &) const = default;
};

// GET /v1/chat/rooms/{roomId}/receipts: where each member who shares receipts has read up to.
struct RoomReceipt {
    QString userId;
    QString messageId;
    qint64 seq = 0;
    bool operator==(const RoomReceipt &) const = default;
};
struct ReceiptList {
    std::vector<RoomReceipt> receipts;
    bool operator==(const ReceiptList &) const = default;
};

CONFAB_DECLARE_JSON(RoomReceipt)
CONFAB_DECLARE_JSON(ReceiptList)
CONFAB_DECLARE_JSON(SignedIn)
CONFAB_DECLARE_JSON(RoomPage)
CONFAB_DECLARE_JSON(MemberPage)
CONFAB_DECLARE_JSON(MessagePage)
CONFAB_DECLARE_JSON(TextRange)
CONFAB_DECLARE_JSON(SearchHit)
CONFAB_DECLARE_JSON(SearchResults)
CONFAB_DECLARE_JSON(Ban)
CONFAB_DECLARE_JSON(BanList)
CONFAB_DECLARE_JSON(PinList)
CONFAB_DECLARE_JSON(PresenceList)
CONFAB_DECLARE_JSON(AuditPage)

} // namespace confab
