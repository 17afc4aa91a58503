// SPDX-License-Identifier: GPL-3.0-or-later
#include "responses.h"

#include "jsonreader.h"
#include "limits.h"
#include <limits>

#include <limits>

namespace confab {

using detail::JsonReader;
using detail::str;
using detail::timeOrNull;
using nlohmann::json;

// Decoders that carry their path, for the items of the lists below.
void decode(const json &j, SearchHit &v, const QString &path);
void decode(const json &j, TextRange &v, const QString &path);
void decode(const json &j, Ban &v, const QString &path);

namespace {

// The server bounds every page far below this; it only keeps a broken answer from eating memory.
constexpr std::size_t kListMax = 100000;
constexpr int kTokenMax = 512;

} // namespace

void to_json(json &j, const SignedIn &v) { j = json{{"token", str(v.token)}, {"user", v.user}}; }

void from_json(const json &j, SignedIn &v)
{
    JsonReader r(j);
    v.token = r.string("token", kTokenMax);
    v.user = r.nested<User>("user");
    r.finish();
}

// ---- pages ----------------------------------------------------------------------------------

void to_json(json &j, const RoomPage &v) { j = json{{"rooms", v.rooms}, {"pagination", v.pagination}}; }

void from_json(const json &j, RoomPage &v)
{
    JsonReader r(j);
    v.rooms = r.nestedList<Room>("rooms", kListMax);
    v.pagination = r.nested<OffsetPagination>("pagination");
    r.finish();
}

void to_json(json &j, const MemberSections &v)
{
    j = json{{"owner", v.owner},
             {"admin", v.admin},
             {"moderator", v.moderator},
             {"online", v.online},
             {"offline", v.offline}};
}

void decode(const json &j, MemberSections &v, const QString &path)
{
    JsonReader r(j, path);
    constexpr qint64 kMax = std::numeric_limits<int>::max();
    v.owner = int(r.optInteger("owner", 0, 0, kMax));
    v.admin = int(r.optInteger("admin", 0, 0, kMax));
    v.moderator = int(r.optInteger("moderator", 0, 0, kMax));
    v.online = int(r.optInteger("online", 0, 0, kMax));
    v.offline = int(r.optInteger("offline", 0, 0, kMax));
    r.finish();
}

void to_json(json &j, const MemberPage &v)
{
    j = json{{"members", v.members},
             {"pagination", v.pagination},
             {"nextCursor", v.nextCursor.isEmpty() ? json(nullptr) : json(v.nextCursor.toStdString())},
             {"sections", v.sections},
             {"self", v.self ? json(*v.self) : json(nullptr)}};
}

void from_json(const json &j, MemberPage &v)
{
    JsonReader r(j);
    v.members = r.nestedList<Member>("members", kListMax);
    v.pagination = r.nested<OffsetPagination>("pagination");
    v.nextCursor = r.optString("nextCursor", {}, 1024);
    if (r.optObject("sections"))
        v.sections = r.nested<MemberSections>("sections");
    if (r.optObject("self"))
        v.self = r.nested<Member>("self");
    r.finish();
}

void to_json(json &j, const MessagePage &v)
{
    j = json{{"messages", v.messages}, {"pagination", v.pagination}};
    if (v.hasMoreBefore)
        j["pagination"]["hasMoreBefore"] = *v.hasMoreBefore;
    if (v.hasMoreAfter)
        j["pagination"]["hasMoreAfter"] = *v.hasMoreAfter;
}

void from_json(const json &j, MessagePage &v)
{
    JsonReader r(j);
    v.messages = r.nestedList<Message>("messages", kListMax);
    // The around= fields sit beside the cursor's own; the cursor is read without them.
    const json &raw = r.object("pagination");
    JsonReader around(raw, r.pathOf("pagination"));
    if (around.has("hasMoreBefore"))
        v.hasMoreBefore = around.boolean("hasMoreBefore");
    if (around.has("hasMoreAfter"))
        v.hasMoreAfter = around.boolean("hasMoreAfter");
    json pagination = raw;
    pagination.erase("hasMoreBefore");
    pagination.erase("hasMoreAfter");
    decode(pagination, v.pagination, r.pathOf("pagination"));
    r.finish();
}

// ---- search ---------------------------------------------------------------------------------

void to_json(json &j, const TextRange &v) { j = json{{"start", v.start}, {"length", v.length}}; }

void decode(const json &j, TextRange &v, const QString &path)
{
    JsonReader r(j, path);
    v.start = int(r.integer("start", 0, limits::kContentHardMax));
    v.length = int(r.integer("length", 0, limits::kContentHardMax));
    r.finish();
}
void from_json(const json &j, TextRange &v) { decode(j, v, {}); }

void to_json(json &j, const SearchHit &v)
{
    j = json{{"message", v.message}, {"snippet", str(v.snippet)}, {"highlights", v.highlights}};
}

void decode(const json &j, SearchHit &v, const QString &path)
{
    JsonReader r(j, path);
    v.message = r.nested<Message>("message");
    v.snippet = r.optString("snippet", {}, limits::kContentHardMax);
    v.highlights = r.nestedList<TextRange>("highlights", 1000);
    // A range outside the snippet would make a client paint past the text.
    for (const TextRange &t : v.highlights) {
        if (t.start + t.length > v.snippet.size())
            r.fail("highlights", QStringLiteral("a range ends past the snippet"));
    }
    r.finish();
}
void from_json(const json &j, SearchHit &v) { decode(j, v, {}); }

void to_json(json &j, const SearchResults &v) { j = json{{"results", v.results}}; }

void from_json(const json &j, SearchResults &v)
{
    JsonReader r(j);
    v.results = r.nestedList<SearchHit>("results", kListMax);
    r.finish();
}

// ---- bans -----------------------------------------------------------------------------------

void to_json(json &j, const Ban &v)
{
    j = json{{"roomId", str(v.roomId)},
             {"userId", str(v.userId)},
             {"bannedBy", str(v.bannedBy)},
             {"reason", str(v.reason)},
             {"createdAt", timeOrNull(v.createdAt)},
             {"until", timeOrNull(v.until)}};
}

void decode(const json &j, Ban &v, const QString &path)
{
    JsonReader r(j, path);
    v.roomId = r.string("roomId", limits::kIdMax);
    v.userId = r.string("userId", limits::kIdMax);
    v.bannedBy = r.optString("bannedBy", {}, limits::kIdMax);
    v.reason = r.optString("reason", {}, limits::kReasonMax);
    v.createdAt = r.optTimestamp("createdAt");
    v.until = r.optTimestamp("until");
    r.finish();
}
void from_json(const json &j, Ban &v) { decode(j, v, {}); }

void to_json(json &j, const BanList &v) { j = json{{"bans", v.bans}}; }

void from_json(const json &j, BanList &v)
{
    JsonReader r(j);
    v.bans = r.nestedList<Ban>("bans", kListMax);
    r.finish();
}

// ---- other lists ----------------------------------------------------------------------------

void to_json(json &j, const RoomReceipt &v)
{
    j = json{{"userId", str(v.userId)}, {"messageId", str(v.messageId)}, {"seq", v.seq}};
}

void decode(const json &j, RoomReceipt &v, const QString &path)
{
    JsonReader r(j, path);
    v.userId = r.string("userId", limits::kIdMax);
    v.messageId = r.string("messageId", limits::kIdMax);
    v.seq = r.integer("seq", 0, std::numeric_limits<qint64>::max());
    r.finish();
}
void from_json(const json &j, RoomReceipt &v) { decode(j, v, {}); }

void to_json(json &j, const ReceiptList &v) { j = json{{"receipts", v.receipts}}; }

void from_json(const json &j, ReceiptList &v)
{
    JsonReader r(j);
    v.receipts = r.nestedList<RoomReceipt>("receipts", kListMax);
    r.finish();
}

void to_json(json &j, const PinList &v) { j = json{{"pins", v.pins}}; }

void from_json(const json &j, PinList &v)
{
    JsonReader r(j);
    v.pins = r.nestedList<Message>("pins", kListMax);
    r.finish();
}

void to_json(json &j, const PresenceList &v) { j = json{{"presence", v.presence}}; }

void from_json(const json &j, PresenceList &v)
{
    JsonReader r(j);
    v.presence = r.nestedList<Presence>("presence", kListMax);
    r.finish();
}

void to_json(json &j, const AuditPage &v) { j = json{{"entries", v.entries}}; }

void from_json(const json &j, AuditPage &v)
{
    JsonReader r(j);
    v.entries = r.nestedList<AuditEntry>("entries", kListMax);
    r.finish();
}

} // namespace confab
