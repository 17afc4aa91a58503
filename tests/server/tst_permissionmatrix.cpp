// SPDX-License-Identifier: GPL-3.0-or-later
// The permission matrix of issue #6 over the wire: every room role, a non-member and a server
// admin, against every moderation and administration action, over REST and the WebSocket; the
// moderation events reaching exactly the right connections; and the audit entry each action
// writes.
//
// The expected outcomes are written out below as literal grids taken from the permission rules of
// /work/shared/API.md ("Roles: owner > admin > moderator > member ...") and, where API.md says
// nothing (who may invite, ban's target rule, slow-mode exemption, typing), from the table in
// docs/api.md. They are deliberately NOT computed from core/permissions.h: the point is to check
// the implementation against the spec.

#include "apitestutil.h"

#include <QtTest>

#include <map>
#include <set>

using namespace confab::test;

// CHECK_ERROR with the error code in a variable.
#define CHECK_REFUSED(reply, expectedStatus, expectedCode)                                                             \
    do {                                                                                                               \
        const auto &replyR_ = (reply);                                                                                 \
        CHECK_STATUS(replyR_, expectedStatus);                                                                         \
        QCOMPARE(replyR_.errorCode(), expectedCode);                                                                   \
    } while (false)

namespace {

// ---- the spec, written out ---------------------------------------------------------------------
// Cells: 'Y' allowed, 'F' refused with 403 FORBIDDEN (or the WebSocket error FORBIDDEN), 'N' 404
// ROOM_NOT_FOUND, 'R' RATE_LIMITED, '.' no such row (the actor would be its own target, or the
// case makes no sense). Spaces are only for reading.

// The actors, in the order of every grid's lines. "server admin" is not in the room; "server
// admin (member)" is a second server admin who is an ordinary member of it.
const char *const kActors[] = {
    "owner", "admin", "moderator", "member", "non-member", "server admin", "server admin (member)"};
constexpr int kActorCount = 7;

// Targets of the member actions, in the order of the grids' columns.
const char *const kTargets[] = {"owner", "admin", "moderator", "member"};

// API.md: "Moderators also ... kick and mute lower roles. ... A server admin may do all of it in
// every room." A non-member of a public room is refused (403 "join the room first", docs/api.md).
// Columns: the target is the owner, an admin, a moderator, a member.
const char *const kKickMuteGrid[kActorCount] = {". Y Y Y",  // owner
                                                "F F Y Y",  // admin
                                                "F F F Y",  // moderator
                                                "F F F F",  // member
                                                "F F F F",  // non-member
                                                "Y Y Y Y",  // server admin
                                                "Y Y Y Y"}; // server admin (member)

// API.md: "Admins also ban/unban"; the lower-role rule for bans is in docs/api.md's table. The
// last column bans someone who is not in the room, ahead of time (ranked as a member).
// Columns: owner, admin, moderator, member, someone not in the room.
const char *const kBanGrid[kActorCount] = {". Y Y Y Y",  // owner
                                           "F F Y Y Y",  // admin
                                           "F F F F F",  // moderator
                                           "F F F F F",  // member
                                           "F F F F F",  // non-member
                                           "Y Y Y Y Y",  // server admin
                                           "Y Y Y Y Y"}; // server admin (member)

// API.md: "Admins also ... change roles below their own": of members below them (target column)
// and only to roles below their own (new role: member, moderator, admin in each group). Setting
// the role someone already has is still a role change, allowed exactly when the change would be.
// Column groups: the target is the owner, an admin, a moderator, a member; within each group the
// new role is member, moderator, admin.
const char *const kRoleGrid[kActorCount] = {"...  YYY  YYY  YYY",  // owner
                                            "FFF  FFF  YYF  YYF",  // admin
                                            "FFF  FFF  FFF  FFF",  // moderator
                                            "FFF  FFF  FFF  FFF",  // member
                                            "FFF  FFF  FFF  FFF",  // non-member
                                            "YYY  YYY  YYY  YYY",  // server admin
                                            "YYY  YYY  YYY  YYY"}; // server admin (member)
const char *const kNewRoles[] = {"member", "moderator", "admin"};

// API.md: "The owner ... hands ownership over." (PATCH role "owner").
// Columns: the new owner is an admin, a moderator, a member.
const char *const kTransferGrid[kActorCount] = {"Y Y Y",  // owner
                                                "F F F",  // admin
                                                "F F F",  // moderator
                                                "F F F",  // member
                                                "F F F",  // non-member
                                                "Y Y Y",  // server admin
                                                "Y Y Y"}; // server admin (member)

// docs/api.md: "Nobody may kick or ban themselves. Only a server admin may change their own role
// or mute themselves." Rows: owner, admin, moderator, member, server admin (member).
struct SelfLine {
    const char *actor;
    const char *cells; // kick ban mute role
};
const SelfLine kSelfGrid[] = {{"owner", "F F F F"},
                              {"admin", "F F F F"},
                              {"moderator", "F F F F"},
                              {"member", "F F F F"},
                              {"server admin (member)", "F F Y Y"}};

// Room-wide actions. API.md: moderators "pin"; admins "edit room settings"; the owner "deletes the
// room"; only moderators and up post in announcement rooms; the audit log: "server admins; room
// admins see their rooms'". Invites (any member, moderators and up when allowInvites is off) and
// listing bans (as ban) come from docs/api.md.
struct RoomLine {
    const char *action;
    const char *cells; // one per actor
};
// Columns: the actors, in kActors order.
const RoomLine kRoomGrid[] = {{"reads the history of", "Y Y Y Y F Y Y"},
                              {"updates the settings of", "Y Y F F F Y Y"},
                              {"deletes", "Y F F F F Y Y"},
                              {"invites to", "Y Y Y Y F Y Y"},
                              {"invites to (invites off)", "Y Y Y F F Y Y"},
                              {"lists the bans of", "Y Y F F F Y Y"},
                              {"unbans in", "Y Y F F F Y Y"},
                              {"pins in", "Y Y Y F F Y Y"},
                              {"unpins in", "Y Y Y F F Y Y"},
                              {"posts in (announcement)", "Y Y Y F F Y Y"},
                              {"reads the audit log of", "Y Y F F F Y Y"}};

// API.md: "A member ... deletes its own messages. Moderators also delete any message" (no rank
// rule for messages).
// Columns: the author is the owner, an admin, a moderator, a member, the actor.
const char *const kDeleteMessageGrid[kActorCount] = {". Y Y Y Y",  // owner
                                                     "Y Y Y Y Y",  // admin
                                                     "Y Y Y Y Y",  // moderator
                                                     "F F F F Y",  // member
                                                     "F F F F .",  // non-member
                                                     "Y Y Y Y Y",  // server admin
                                                     "Y Y Y Y Y"}; // server admin (member)

// API.md: "A private room ... that the caller may not see answers 404, never 403", and a server
// admin acts in every room. Actions a non-member and a (non-member) server admin try in a private
// room.
const char *const kPrivateActions[] = {"reads the history of",
                                       "updates the settings of",
                                       "deletes",
                                       "invites to",
                                       "lists the bans of",
                                       "pins in",
                                       "joins"};
const char *const kPrivateMemberActions[] = {"kick", "ban", "mute", "role"};

// WebSocket frames. API.md: "A member posts (not when muted, not in announcement rooms)"; "A
// banned user cannot rejoin or read" (issue #6). From docs/api.md: slow mode exempts moderators
// and up and server admins; a muted member still edits its own messages and reacts; typing in a
// room you are not in answers ROOM_NOT_FOUND; a kicked user may join again; nobody, server admins
// included, edits someone else's message.
struct WsLine {
    const char *scenario;
    const char *cells; // one per actor; 'Y' = the frame takes effect
};
// Columns: the actors, in kActors order.
const WsLine kWsGrid[] = {{"send_message in an announcement room", "Y Y Y F F Y Y"},
                          {"send_message while muted", "F F F F . . ."},
                          {"send_message after being banned", "F F F F . . ."},
                          {"send_message twice in slow mode", "Y Y Y R F Y Y"},
                          {"delete_message of another's message", "Y Y Y F F Y Y"},
                          {"edit_message of another's message", "F F F F F F F"},
                          {"typing_start", "Y Y Y Y N N Y"},
                          {"join_room after being banned", "F F F F . . ."},
                          {"join_room after being kicked", "Y Y Y Y . . ."},
                          {"join_room of a private room", ". . . . N Y ."},
                          {"message_reaction while muted", "Y Y Y Y . . ."},
                          {"edit_message of one's own while muted", "Y Y Y Y . . ."}};

// The cells of a grid line without the spaces; a line of the wrong length stops the test.
QByteArray cellsOf(const char *line, qsizetype count)
{
    QByteArray out(line);
    out.replace(' ', "");
    if (out.size() != count)
        qFatal("grid line \"%s\" has %d cells, not %d", line, int(out.size()), int(count));
    return out;
}

struct Expected {
    int status = 0;
    QString code; // empty when allowed
    QString label;
};

Expected expectation(char cell, int okStatus)
{
    switch (cell) {
    case 'Y': return {okStatus, {}, QStringLiteral("OK")};
    case 'F': return {403, QStringLiteral("FORBIDDEN"), QStringLiteral("FORBIDDEN")};
    case 'N': return {404, QStringLiteral("ROOM_NOT_FOUND"), QStringLiteral("ROOM_NOT_FOUND")};
    case 'R': return {429, QStringLiteral("RATE_LIMITED"), QStringLiteral("RATE_LIMITED")};
    default: return {};
    }
}

QString str(const char *s) { return QString::fromLatin1(s); }

std::string typeOf(const json &f) { return f.is_object() ? f.value("type", std::string()) : std::string(); }

// Whether a frame is about a room (its own roomId, or that of the message or room it carries).
bool aboutRoom(const json &f, const QString &roomId)
{
    if (!f.is_object())
        return false;
    const std::string id = ss(roomId);
    if (f.contains("roomId") && f["roomId"].is_string())
        return f["roomId"] == id;
    if (f.contains("message") && f["message"].is_object())
        return f["message"].value("roomId", std::string()) == id;
    if (f.contains("room") && f["room"].is_object())
        return f["room"].value("roomId", std::string()) == id;
    return false;
}

auto withRef(const std::string &type, const std::string &ref)
{
    return [type, ref](const json &f) { return typeOf(f) == type && f.value("ref", json()) == ref; };
}

auto inRoom(const std::string &type, const QString &roomId)
{
    return [type, roomId](const json &f) { return typeOf(f) == type && aboutRoom(f, roomId); };
}

} // namespace

class TestPermissionMatrix : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void memberActions_data();
    void memberActions();
    void roomActions_data();
    void roomActions();
    void deleteMessages_data();
    void deleteMessages();
    void wsFrames_data();
    void wsFrames();
    void moderationEventsReachTheRightConnections_data();
    void moderationEventsReachTheRightConnections();
    void auditLogVisibility();
    void memberCap();

private:
    const Account &actor(const QString &role) const;
    const Account &target(const QString &role, const QString &actorRole) const;
    // A room in its starting state for the row: reused if the last row changed nothing, else new.
    // Everyone is in it; of the accounts whose role the row depends on (`cast`), those not yet
    // given their role in this room get it now. (Every account always has the same role.)
    QString useRoom(const QString &kind, const QList<const Account *> &cast);
    QString freshRoom(const QString &kind, const QList<const Account *> &members, const QList<const Account *> &admins,
                      const QList<const Account *> &moderators);
    // The room stays as it was: the next row of the same kind may use it.
    void keepRoom() { m_roomDirty = false; }

    json auditEntries(const QString &roomId);
    std::set<std::string> auditIds(const QString &roomId);
    // The entries written since `before`, newest first.
    std::vector<json> newAuditEntries(const QString &roomId, const std::set<std::string> &before);
    bool checkAudit(const QString &roomId, const std::set<std::string> &before, const QString &action,
                    const Account &by, const QString &targetUserId, const QString &reason = {},
                    const QString &messageId = {});

    WsClient &ws(const Account &a);
    // Everything the server queued for the connection before now is in its frames() once this
    // returns: the answer to a ping comes after them.
    bool drain(WsClient &c) { return drain(std::vector<WsClient *>{&c}); }
    bool drain(const std::vector<WsClient *> &connections); // all at once: one round trip
    void clearAll();
    QString postAs(const Account &author, const QString &roomId, const QString &content);

    TestServer m_server;
    Account m_root;   // first account: server admin
    Account m_root2;  // made a server admin with `confab-server admin promote`; a member of every room
    Account m_owner;  // owns every room
    Account m_admin;  // the admin who acts
    Account m_admin2; // the admin who is acted on
    Account m_mod;
    Account m_mod2;
    Account m_member;
    Account m_member2;
    Account m_outsider; // never in a room
    Account m_guest;    // invited, or banned ahead of time
    Account m_plain;    // in no room until auditLogVisibility

    QString m_roomId;
    QString m_roomKind;
    std::set<QString> m_roleGiven; // accounts that have their admin or moderator role in the room
    bool m_roomDirty = true;
    int m_roomCount = 0;
    int m_pingCount = 0;
    std::map<QString, std::unique_ptr<WsClient>> m_ws; // by user id
    QString m_failure;                                 // why the last helper failed, for QVERIFY2
    // The audit ids of a room as last read, while nothing has been done in it since: a row that
    // reuses the room need not read them again. Cleared by every set-up step.
    QString m_auditKnownFor;
    std::set<std::string> m_auditKnown;
};

// ---- fixture -----------------------------------------------------------------------------------

void TestPermissionMatrix::initTestCase()
{
    QVERIFY(m_server.start({QStringLiteral("--insecure-fast-password-hashing"), QStringLiteral("--request-rate"),
                            QStringLiteral("100000"), QStringLiteral("--request-burst"), QStringLiteral("100000"),
                            QStringLiteral("--message-rate"), QStringLiteral("100000"),
                            QStringLiteral("--message-burst"), QStringLiteral("100000")}));
    m_root = makeAccount(m_server, QStringLiteral("root"), QStringLiteral("Root"));
    QCOMPARE(m_root.user["role"], "admin");
    m_root2 = makeAccount(m_server, QStringLiteral("root2"), QStringLiteral("Root Two"));
    QByteArray out;
    QCOMPARE(m_server.runCommand({QStringLiteral("admin"), QStringLiteral("promote"), QStringLiteral("root2")}, &out),
             0);
    QCOMPARE(m_root2->get(QStringLiteral("/v1/me")).data()["role"], "admin");

    m_owner = makeAccount(m_server, QStringLiteral("owner"), QStringLiteral("Olga Owner"));
    m_admin = makeAccount(m_server, QStringLiteral("admin"), QStringLiteral("Adam Admin"));
    m_admin2 = makeAccount(m_server, QStringLiteral("admin2"), QStringLiteral("Ada Admin"));
    m_mod = makeAccount(m_server, QStringLiteral("mod"), QStringLiteral("Mo Moderator"));
    m_mod2 = makeAccount(m_server, QStringLiteral("mod2"), QStringLiteral("Mia Moderator"));
    m_member = makeAccount(m_server, QStringLiteral("member"), QStringLiteral("Mel Member"));
    m_member2 = makeAccount(m_server, QStringLiteral("member2"), QStringLiteral("Max Member"));
    m_outsider = makeAccount(m_server, QStringLiteral("outsider"), QStringLiteral("Otto Outsider"));
    m_guest = makeAccount(m_server, QStringLiteral("guest"), QStringLiteral("Gus Guest"));
    m_plain = makeAccount(m_server, QStringLiteral("plain"), QStringLiteral("Pat Plain"));
    for (const Account *a :
         {&m_owner, &m_admin, &m_admin2, &m_mod, &m_mod2, &m_member, &m_member2, &m_outsider, &m_guest, &m_plain}) {
        QVERIFY2(!a->id.isEmpty(), qPrintable(a->username));
        QCOMPARE(a->user["role"], "user");
    }
}

const Account &TestPermissionMatrix::actor(const QString &role) const
{
    if (role == QLatin1String("owner"))
        return m_owner;
    if (role == QLatin1String("admin"))
        return m_admin;
    if (role == QLatin1String("moderator"))
        return m_mod;
    if (role == QLatin1String("member"))
        return m_member;
    if (role == QLatin1String("non-member"))
        return m_outsider;
    if (role == QLatin1String("server admin"))
        return m_root;
    return m_root2; // server admin (member)
}

// The member acted on. Never the actor, except for "self".
const Account &TestPermissionMatrix::target(const QString &role, const QString &actorRole) const
{
    if (role == QLatin1String("self"))
        return actor(actorRole);
    if (role == QLatin1String("owner"))
        return m_owner;
    if (role == QLatin1String("admin"))
        return m_admin2;
    if (role == QLatin1String("moderator"))
        return m_mod2;
    if (role == QLatin1String("member"))
        return m_member2;
    return m_guest; // not in the room
}

QString TestPermissionMatrix::freshRoom(const QString &kind, const QList<const Account *> &members,
                                        const QList<const Account *> &admins, const QList<const Account *> &moderators)
{
    const QString type =
        kind == QLatin1String("private") || kind == QLatin1String("announcement") ? kind : QStringLiteral("public");
    json extra = json::object();
    if (kind == QLatin1String("slow"))
        extra["settings"] = {{"slowModeSeconds", 3600}};
    if (kind == QLatin1String("closed"))
        extra["allowInvites"] = false;
    QStringList ids;
    for (const Account *a : members)
        ids << a->id;
    const json room =
        createRoom(m_owner, QStringLiteral("matrix %1 (%2)").arg(++m_roomCount).arg(kind), type, ids, extra);
    if (!room.is_object()) {
        m_failure = QStringLiteral("could not create a %1 room").arg(kind);
        return {};
    }
    const QString id = qs(room["roomId"]);
    auto give = [&](const Account *a, const char *role) {
        const RestReply r = m_owner->patch(roomPath(id, QStringLiteral("/members/") + a->id), {{"role", role}});
        if (r.status != 200)
            m_failure =
                QStringLiteral("making %1 %2: %3").arg(a->username, str(role), QString::fromUtf8(describe(r, 200)));
        return r.status == 200;
    };
    for (const Account *a : admins) {
        if (!give(a, "admin"))
            return {};
    }
    for (const Account *a : moderators) {
        if (!give(a, "moderator"))
            return {};
    }
    return id;
}

QString TestPermissionMatrix::useRoom(const QString &kind, const QList<const Account *> &cast)
{
    if (m_roomDirty || m_roomKind != kind || m_roomId.isEmpty()) {
        m_roomId = freshRoom(kind, {&m_admin, &m_admin2, &m_mod, &m_mod2, &m_member, &m_member2, &m_root2}, {}, {});
        m_roomKind = kind;
        m_roleGiven.clear();
    }
    m_roomDirty = true; // until the row shows it changed nothing
    for (const Account *a : cast) {
        const char *role = a == &m_admin || a == &m_admin2 ? "admin"
                           : a == &m_mod || a == &m_mod2   ? "moderator"
                                                           : nullptr;
        if (!role || m_roomId.isEmpty() || m_roleGiven.count(a->id))
            continue;
        const RestReply r = m_owner->patch(roomPath(m_roomId, QStringLiteral("/members/") + a->id), {{"role", role}});
        if (r.status != 200) {
            m_failure =
                QStringLiteral("making %1 %2: %3").arg(a->username, str(role), QString::fromUtf8(describe(r, 200)));
            return {};
        }
        m_roleGiven.insert(a->id);
        m_auditKnownFor.clear();
    }
    return m_roomId;
}

json TestPermissionMatrix::auditEntries(const QString &roomId)
{
    const RestReply r = m_root->get(QStringLiteral("/v1/admin/audit?limit=200&roomId=") + roomId);
    if (r.status != 200) {
        qWarning("reading the audit log: %s", describe(r, 200).constData());
        return json::array();
    }
    return r.data()["entries"];
}

std::set<std::string> TestPermissionMatrix::auditIds(const QString &roomId)
{
    if (m_auditKnownFor == roomId)
        return m_auditKnown;
    std::set<std::string> ids;
    const json entries = auditEntries(roomId);
    for (const json &e : entries)
        ids.insert(e["auditId"].get<std::string>());
    return ids;
}

std::vector<json> TestPermissionMatrix::newAuditEntries(const QString &roomId, const std::set<std::string> &before)
{
    std::vector<json> fresh;
    const json entries = auditEntries(roomId);
    m_auditKnown.clear();
    for (const json &e : entries) {
        m_auditKnown.insert(e["auditId"].get<std::string>());
        if (!before.count(e["auditId"].get<std::string>()))
            fresh.push_back(e);
    }
    m_auditKnownFor = roomId;
    return fresh;
}

// Exactly one new entry, with this action, actor, target, reason and message; or, for an empty
// action, no new entry at all.
bool TestPermissionMatrix::checkAudit(const QString &roomId, const std::set<std::string> &before, const QString &action,
                                      const Account &by, const QString &targetUserId, const QString &reason,
                                      const QString &messageId)
{
    const std::vector<json> fresh = newAuditEntries(roomId, before);
    QByteArray all;
    for (const json &e : fresh)
        all += dumpJson(e) + '\n';
    if (action.isEmpty()) {
        m_failure = QStringLiteral("expected no audit entry, got:\n") + QString::fromUtf8(all);
        return fresh.empty();
    }
    m_failure =
        QStringLiteral("expected one %1 entry by %2, got:\n%3").arg(action, by.username, QString::fromUtf8(all));
    if (fresh.size() != 1)
        return false;
    const json &e = fresh.front();
    const auto orNull = [](const QString &s) { return s.isEmpty() ? json() : json(ss(s)); };
    return e["action"] == ss(action) && e["actorId"] == ss(by.id) && e["actorName"] == ss(by.displayName) &&
           e["roomId"] == ss(roomId) && e["targetUserId"] == orNull(targetUserId) &&
           e["messageId"] == orNull(messageId) && e["reason"] == ss(reason) && e["createdAt"].is_string() &&
           e["auditId"].is_string();
}

WsClient &TestPermissionMatrix::ws(const Account &a)
{
    auto &slot = m_ws[a.id];
    if (!slot) {
        slot = connectWs(m_server, a);
        if (!slot)
            qFatal("no WebSocket for %s", qPrintable(a.username));
    }
    return *slot;
}

bool TestPermissionMatrix::drain(const std::vector<WsClient *> &connections)
{
    const std::string id = "drain-" + std::to_string(++m_pingCount);
    for (WsClient *c : connections)
        c->send({{"type", "ping"}, {"id", id}});
    bool all = true;
    for (WsClient *c : connections)
        all &= !c->waitFor([&](const json &f) { return typeOf(f) == "pong" && f.value("id", json()) == id; }, 10000)
                    .is_null();
    return all;
}

void TestPermissionMatrix::clearAll()
{
    std::vector<WsClient *> all;
    for (auto &[id, c] : m_ws)
        all.push_back(c.get());
    QVERIFY(drain(all));
    for (WsClient *c : all)
        c->clear();
}

QString TestPermissionMatrix::postAs(const Account &author, const QString &roomId, const QString &content)
{
    const json m = postMessage(author, roomId, content);
    return m.is_object() ? qs(m["messageId"]) : QString();
}

// ---- REST: actions on a member ----------------------------------------------------------------

void TestPermissionMatrix::memberActions_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("actorRole");
    QTest::addColumn<QString>("targetRole");
    QTest::addColumn<QString>("newRole");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const auto add = [](const QString &kind, const QString &action, const QString &actorRole, const QString &targetRole,
                        const QString &newRole, const QString &verb, char cell) {
        const Expected e = expectation(cell, 200);
        if (!e.status)
            return;
        const QString where = kind == QLatin1String("public") ? QString() : QStringLiteral(" in a private room");
        QTest::addRow("%s", qPrintable(QStringLiteral("%1 %2%3 -> %4").arg(actorRole, verb, where, e.label)))
            << kind << action << actorRole << targetRole << newRole << e.status << e.code;
    };
    const QString pub = QStringLiteral("public");
    for (int a = 0; a < kActorCount; ++a) {
        const QString who = str(kActors[a]);
        const QByteArray kickMute = cellsOf(kKickMuteGrid[a], 4);
        const QByteArray ban = cellsOf(kBanGrid[a], 5);
        const QByteArray roles = cellsOf(kRoleGrid[a], 12);
        const QByteArray transfer = cellsOf(kTransferGrid[a], 3);
        for (int t = 0; t < 4; ++t) {
            const QString whom = str(kTargets[t]);
            add(pub, QStringLiteral("kick"), who, whom, {}, QStringLiteral("kicks ") + whom, kickMute[t]);
            add(pub, QStringLiteral("mute"), who, whom, {}, QStringLiteral("mutes ") + whom, kickMute[t]);
            add(pub, QStringLiteral("unmute"), who, whom, {}, QStringLiteral("unmutes ") + whom, kickMute[t]);
            add(pub, QStringLiteral("ban"), who, whom, {}, QStringLiteral("bans ") + whom, ban[t]);
            for (int n = 0; n < 3; ++n)
                add(pub, QStringLiteral("role"), who, whom, str(kNewRoles[n]),
                    QStringLiteral("makes %1 %2").arg(whom, str(kNewRoles[n])), roles[t * 3 + n]);
            if (t > 0)
                add(pub, QStringLiteral("transfer"), who, whom, QStringLiteral("owner"),
                    QStringLiteral("hands ownership to ") + whom, transfer[t - 1]);
        }
        add(pub, QStringLiteral("ban"), who, QStringLiteral("not in room"), {},
            QStringLiteral("bans someone not in the room"), ban[4]);
    }
    for (const SelfLine &line : kSelfGrid) {
        const QString who = str(line.actor);
        const QByteArray c = cellsOf(line.cells, 4);
        const QString newRole = who == QLatin1String("member") || who.startsWith(QLatin1String("server"))
                                    ? QStringLiteral("moderator")
                                    : QStringLiteral("member");
        add(pub, QStringLiteral("kick"), who, QStringLiteral("self"), {}, QStringLiteral("kicks self"), c[0]);
        add(pub, QStringLiteral("ban"), who, QStringLiteral("self"), {}, QStringLiteral("bans self"), c[1]);
        add(pub, QStringLiteral("mute"), who, QStringLiteral("self"), {}, QStringLiteral("mutes self"), c[2]);
        add(pub, QStringLiteral("role"), who, QStringLiteral("self"), newRole, QStringLiteral("makes self ") + newRole,
            c[3]);
    }
    // A private room: a non-member is told it does not exist; a server admin acts anyway.
    for (const char *action : kPrivateMemberActions) {
        const QString act = str(action);
        const QString verb =
            act == QLatin1String("role") ? QStringLiteral("makes member moderator") : act + QStringLiteral("s member");
        const QString newRole = act == QLatin1String("role") ? QStringLiteral("moderator") : QString();
        add(QStringLiteral("private"), act, QStringLiteral("non-member"), QStringLiteral("member"), newRole, verb, 'N');
        add(QStringLiteral("private"), act, QStringLiteral("server admin"), QStringLiteral("member"), newRole, verb,
            'Y');
    }
}

void TestPermissionMatrix::memberActions()
{
    QFETCH(QString, kind);
    QFETCH(QString, action);
    QFETCH(QString, actorRole);
    QFETCH(QString, targetRole);
    QFETCH(QString, newRole);
    QFETCH(int, status);
    QFETCH(QString, code);

    const Account &who = actor(actorRole);
    const Account &whom = target(targetRole, actorRole);
    const QString roomId = useRoom(kind, {&who, &whom});
    QVERIFY2(!roomId.isEmpty(), qPrintable(m_failure));
    const QString memberPath = roomPath(roomId, QStringLiteral("/members/") + whom.id);
    bool setUp = false;
    if (action == QLatin1String("unmute")) {
        CHECK_STATUS(m_root->patch(memberPath, {{"isMuted", true}}), 200);
        setUp = true;
        m_auditKnownFor.clear();
    }
    const std::set<std::string> before = auditIds(roomId);

    RestReply r;
    QString auditAction;
    QString reason;
    if (action == QLatin1String("kick")) {
        reason = QStringLiteral("matrix kick");
        r = who->post(memberPath + QStringLiteral("/kick"), {{"reason", ss(reason)}});
        auditAction = QStringLiteral("member.kick");
    } else if (action == QLatin1String("ban")) {
        reason = QStringLiteral("matrix ban");
        r = who->post(memberPath + QStringLiteral("/ban"), {{"reason", ss(reason)}});
        auditAction = QStringLiteral("member.ban");
    } else if (action == QLatin1String("mute")) {
        r = who->patch(memberPath, {{"isMuted", true}});
        auditAction = QStringLiteral("member.mute");
    } else if (action == QLatin1String("unmute")) {
        r = who->patch(memberPath, {{"isMuted", false}});
        auditAction = QStringLiteral("member.unmute");
    } else if (action == QLatin1String("role")) {
        r = who->patch(memberPath, {{"role", ss(newRole)}});
        // Setting the role someone has already changes nothing, so nothing is logged.
        if (newRole != targetRole)
            auditAction = QStringLiteral("member.role_") + newRole;
    } else {
        r = who->patch(memberPath, {{"role", "owner"}});
        auditAction = QStringLiteral("room.transfer_ownership");
    }

    if (!code.isEmpty()) {
        CHECK_REFUSED(r, status, code);
        QVERIFY2(checkAudit(roomId, before, {}, who, {}), qPrintable(m_failure));
        if (!setUp)
            keepRoom();
        return;
    }
    CHECK_STATUS(r, status);
    json data = r.data();
    if (action == QLatin1String("kick") || action == QLatin1String("ban")) {
        QCOMPARE(qs(data["userId"]), whom.id);
        if (action == QLatin1String("kick")) {
            QCOMPARE(data["kicked"], true);
        } else {
            QCOMPARE(qs(data["bannedBy"]), who.id);
            QCOMPARE(qs(data["reason"]), reason);
            QVERIFY(data["until"].is_null());
            // A banned user cannot come back (and a private room stays hidden from them).
            if (kind == QLatin1String("private"))
                CHECK_ERROR(whom->post(roomPath(roomId, QStringLiteral("/join"))), 404, "ROOM_NOT_FOUND", "");
            else
                CHECK_ERROR(whom->post(roomPath(roomId, QStringLiteral("/join"))), 403, "FORBIDDEN", "");
        }
        // Either way they no longer read the room.
        if (kind == QLatin1String("private"))
            CHECK_ERROR(whom->get(roomPath(roomId, QStringLiteral("/messages"))), 404, "ROOM_NOT_FOUND", "");
        else
            CHECK_ERROR(whom->get(roomPath(roomId, QStringLiteral("/messages"))), 403, "FORBIDDEN", "");
    } else if (action == QLatin1String("mute") || action == QLatin1String("unmute")) {
        QCOMPARE(qs(data["userId"]), whom.id);
        QCOMPARE(data["isMuted"], action == QLatin1String("mute"));
    } else if (action == QLatin1String("role")) {
        QCOMPARE(qs(data["userId"]), whom.id);
        QCOMPARE(qs(data["role"]), newRole);
    } else {
        QCOMPARE(qs(data["userId"]), whom.id);
        QCOMPARE(qs(data["role"]), QStringLiteral("owner"));
        // The previous owner steps down to admin.
        const RestReply room = m_owner->get(roomPath(roomId));
        CHECK_STATUS(room, 200);
        QCOMPARE(room.data()["myRole"], "admin");
    }
    QVERIFY2(checkAudit(roomId, before, auditAction, who, auditAction.isEmpty() ? QString() : whom.id, reason),
             qPrintable(m_failure));
}

// ---- REST: actions on the room ----------------------------------------------------------------

void TestPermissionMatrix::roomActions_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("actorRole");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const auto okStatus = [](const QString &action) {
        return action.startsWith(QLatin1String("invites")) || action.startsWith(QLatin1String("posts")) ? 201 : 200;
    };
    const auto add = [&](const QString &kind, const QString &action, const QString &actorRole, char cell) {
        const Expected e = expectation(cell, okStatus(action));
        if (!e.status)
            return;
        const QString where =
            kind == QLatin1String("private") ? QStringLiteral("a private room") : QStringLiteral("the room");
        QTest::addRow("%s", qPrintable(QStringLiteral("%1 %2 %3 -> %4").arg(actorRole, action, where, e.label)))
            << kind << action << actorRole << e.status << e.code;
    };
    for (const RoomLine &line : kRoomGrid) {
        const QString action = str(line.action);
        const QString kind = action.endsWith(QLatin1String("(announcement)"))  ? QStringLiteral("announcement")
                             : action.endsWith(QLatin1String("(invites off)")) ? QStringLiteral("closed")
                                                                               : QStringLiteral("public");
        const QByteArray cells = cellsOf(line.cells, kActorCount);
        for (int a = 0; a < kActorCount; ++a)
            add(kind, action, str(kActors[a]), cells[a]);
    }
    for (const char *action : kPrivateActions) {
        add(QStringLiteral("private"), str(action), QStringLiteral("non-member"), 'N');
        add(QStringLiteral("private"), str(action), QStringLiteral("server admin"), 'Y');
    }
}

void TestPermissionMatrix::roomActions()
{
    QFETCH(QString, kind);
    QFETCH(QString, action);
    QFETCH(QString, actorRole);
    QFETCH(int, status);
    QFETCH(QString, code);

    const Account &who = actor(actorRole);
    // Reading the audit log: someone has been given a role, so there is something to read.
    const QString roomId = useRoom(kind, {&who, &m_admin});
    QVERIFY2(!roomId.isEmpty(), qPrintable(m_failure));
    bool setUp = false;
    QString messageId;
    if (action.startsWith(QLatin1String("unbans")) || action.startsWith(QLatin1String("lists the bans"))) {
        CHECK_STATUS(m_root->post(roomPath(roomId, QStringLiteral("/members/") + m_member2.id + QStringLiteral("/ban")),
                                  {{"reason", "set up"}}),
                     200);
        setUp = true;
        m_auditKnownFor.clear();
    } else if (action.startsWith(QLatin1String("pins")) || action.startsWith(QLatin1String("unpins"))) {
        messageId = postAs(m_member2, roomId, QStringLiteral("worth pinning"));
        QVERIFY(!messageId.isEmpty());
        if (action.startsWith(QLatin1String("unpins")))
            CHECK_STATUS(m_root->post(roomPath(roomId, QStringLiteral("/pins/") + messageId)), 200);
        setUp = true;
        m_auditKnownFor.clear();
    }
    const std::set<std::string> before = auditIds(roomId);

    RestReply r;
    QString auditAction;
    QString auditTarget;
    QString auditReason;
    QString auditMessage;
    if (action.startsWith(QLatin1String("reads the history"))) {
        r = who->get(roomPath(roomId, QStringLiteral("/messages")));
    } else if (action.startsWith(QLatin1String("updates"))) {
        r = who->patch(roomPath(roomId),
                       {{"description", "changed by the matrix"}, {"settings", {{"slowModeSeconds", 7}}}});
        auditAction = QStringLiteral("room.update");
    } else if (action == QLatin1String("deletes")) {
        r = who->del(roomPath(roomId));
        auditAction = QStringLiteral("room.delete");
        auditReason = QStringLiteral("matrix %1 (%2)").arg(m_roomCount).arg(kind); // the room's name
    } else if (action.startsWith(QLatin1String("invites"))) {
        r = who->post(roomPath(roomId, QStringLiteral("/members")), {{"userId", ss(m_guest.id)}});
        auditAction = QStringLiteral("member.invite");
        auditTarget = m_guest.id;
    } else if (action.startsWith(QLatin1String("lists the bans"))) {
        r = who->get(roomPath(roomId, QStringLiteral("/bans")));
    } else if (action.startsWith(QLatin1String("unbans"))) {
        r = who->del(roomPath(roomId, QStringLiteral("/members/") + m_member2.id + QStringLiteral("/ban")));
        auditAction = QStringLiteral("member.unban");
        auditTarget = m_member2.id;
    } else if (action.startsWith(QLatin1String("pins"))) {
        r = who->post(roomPath(roomId, QStringLiteral("/pins/") + messageId));
        auditAction = QStringLiteral("message.pin");
        auditTarget = m_member2.id;
        auditMessage = messageId;
    } else if (action.startsWith(QLatin1String("unpins"))) {
        r = who->del(roomPath(roomId, QStringLiteral("/pins/") + messageId));
        auditAction = QStringLiteral("message.unpin");
        auditTarget = m_member2.id;
        auditMessage = messageId;
    } else if (action.startsWith(QLatin1String("posts"))) {
        r = who->post(roomPath(roomId, QStringLiteral("/messages")), {{"content", "an announcement"}});
    } else if (action.startsWith(QLatin1String("reads the audit log"))) {
        r = who->get(QStringLiteral("/v1/admin/audit?roomId=") + roomId);
    } else if (action == QLatin1String("joins")) {
        r = who->post(roomPath(roomId, QStringLiteral("/join")));
    } else {
        QFAIL(qPrintable(QStringLiteral("no such action: ") + action));
    }

    if (!code.isEmpty()) {
        CHECK_REFUSED(r, status, code);
        QVERIFY2(checkAudit(roomId, before, {}, who, {}), qPrintable(m_failure));
        if (!setUp)
            keepRoom();
        return;
    }
    CHECK_STATUS(r, status);
    json data = r.data();
    bool changesNothing = false;
    if (action.startsWith(QLatin1String("reads the history"))) {
        QVERIFY(data["messages"].is_array());
        changesNothing = true;
    } else if (action.startsWith(QLatin1String("updates"))) {
        QCOMPARE(data["description"], "changed by the matrix");
        QCOMPARE(data["settings"]["slowModeSeconds"], 7);
    } else if (action == QLatin1String("deletes")) {
        QCOMPARE(data["deleted"], true);
        CHECK_ERROR(m_owner->get(roomPath(roomId)), 404, "ROOM_NOT_FOUND", "");
    } else if (action.startsWith(QLatin1String("invites"))) {
        QCOMPARE(qs(data["userId"]), m_guest.id);
        QCOMPARE(data["role"], "member");
    } else if (action.startsWith(QLatin1String("lists the bans"))) {
        QCOMPARE(data["bans"].size(), std::size_t(1));
        QCOMPARE(qs(data["bans"][0]["userId"]), m_member2.id);
        QCOMPARE(data["bans"][0]["reason"], "set up");
    } else if (action.startsWith(QLatin1String("unbans"))) {
        QCOMPARE(data["banned"], false);
        CHECK_STATUS(m_member2->post(roomPath(roomId, QStringLiteral("/join"))), 200);
    } else if (action.startsWith(QLatin1String("pins")) || action.startsWith(QLatin1String("unpins"))) {
        const bool pinned = action.startsWith(QLatin1String("pins"));
        QCOMPARE(data["pinned"], pinned);
        const RestReply pins = m_owner->get(roomPath(roomId, QStringLiteral("/pins")));
        CHECK_STATUS(pins, 200);
        QCOMPARE(pins.data()["pins"].size(), std::size_t(pinned ? 1 : 0));
    } else if (action.startsWith(QLatin1String("posts"))) {
        QCOMPARE(data["content"], "an announcement");
        QCOMPARE(qs(data["authorId"]), who.id);
    } else if (action.startsWith(QLatin1String("reads the audit log"))) {
        // The room's entries, all of them (as the server admin sees them), and only those.
        std::set<std::string> ids;
        const json entries = data["entries"];
        for (const json &e : entries) {
            QCOMPARE(qs(e["roomId"]), roomId);
            ids.insert(e["auditId"].get<std::string>());
        }
        QVERIFY(!ids.empty());
        QVERIFY(ids == auditIds(roomId));
        changesNothing = true;
    } else if (action == QLatin1String("joins")) {
        QCOMPARE(data["isJoined"], true);
    }
    QVERIFY2(checkAudit(roomId, before, auditAction, who, auditTarget, auditReason, auditMessage),
             qPrintable(m_failure));
    if (changesNothing && !setUp)
        keepRoom();
}

// Deleting a message someone else wrote: moderators and up, whatever the author's role.
void TestPermissionMatrix::deleteMessages_data()
{
    QTest::addColumn<QString>("actorRole");
    QTest::addColumn<QString>("authorRole");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const char *const authors[] = {"owner", "admin", "moderator", "member", "self"};
    for (int a = 0; a < kActorCount; ++a) {
        const QByteArray cells = cellsOf(kDeleteMessageGrid[a], 5);
        for (int t = 0; t < 5; ++t) {
            const Expected e = expectation(cells[t], 200);
            if (!e.status)
                continue;
            const QString whose = t == 4 ? QStringLiteral("own") : str(authors[t]) + QStringLiteral("'s");
            QTest::addRow(
                "%s", qPrintable(QStringLiteral("%1 deletes %2 message -> %3").arg(str(kActors[a]), whose, e.label)))
                << str(kActors[a]) << str(authors[t]) << e.status << e.code;
        }
    }
}

void TestPermissionMatrix::deleteMessages()
{
    QFETCH(QString, actorRole);
    QFETCH(QString, authorRole);
    QFETCH(int, status);
    QFETCH(QString, code);

    const Account &who = actor(actorRole);
    const Account &author = target(authorRole, actorRole);
    const QString roomId = useRoom(QStringLiteral("public"), {&who, &author});
    QVERIFY2(!roomId.isEmpty(), qPrintable(m_failure));
    const QString messageId = postAs(author, roomId, QStringLiteral("a message by ") + author.username);
    QVERIFY(!messageId.isEmpty());
    const std::set<std::string> before = auditIds(roomId);
    const RestReply r = who->del(roomPath(roomId, QStringLiteral("/messages/") + messageId));
    if (!code.isEmpty()) {
        CHECK_REFUSED(r, status, code);
        QVERIFY2(checkAudit(roomId, before, {}, who, {}), qPrintable(m_failure));
        const RestReply history = m_owner->get(roomPath(roomId, QStringLiteral("/messages?limit=1")));
        QCOMPARE(history.data()["messages"][0]["isDeleted"], false);
        keepRoom(); // a message more changes nothing the next rows depend on
        return;
    }
    CHECK_STATUS(r, status);
    QCOMPARE(r.data()["isDeleted"], true);
    QCOMPARE(r.data()["content"], "");
    // Deleting one's own message is not moderation: only someone else's is audit-logged.
    const bool own = &who == &author;
    QVERIFY2(checkAudit(roomId, before, own ? QString() : QStringLiteral("message.delete_any"), who, author.id, {},
                        messageId),
             qPrintable(m_failure));
    keepRoom();
}

// ---- WebSocket frames -------------------------------------------------------------------------

void TestPermissionMatrix::wsFrames_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("actorRole");
    QTest::addColumn<QString>("code"); // empty: the frame takes effect
    for (const WsLine &line : kWsGrid) {
        const QByteArray cells = cellsOf(line.cells, kActorCount);
        for (int a = 0; a < kActorCount; ++a) {
            const Expected e = expectation(cells[a], 200);
            if (!e.status)
                continue;
            QTest::addRow("%s",
                          qPrintable(QStringLiteral("%1: %2 -> %3").arg(str(kActors[a]), str(line.scenario), e.label)))
                << str(line.scenario) << str(kActors[a]) << e.code;
        }
    }
}

void TestPermissionMatrix::wsFrames()
{
    QFETCH(QString, scenario);
    QFETCH(QString, actorRole);
    QFETCH(QString, code);

    const QString kind = scenario.contains(QLatin1String("announcement")) ? QStringLiteral("announcement")
                         : scenario.contains(QLatin1String("slow mode"))  ? QStringLiteral("slow")
                         : scenario.contains(QLatin1String("private"))    ? QStringLiteral("private")
                                                                          : QStringLiteral("public");
    const Account &who = actor(actorRole);
    const QString roomId = useRoom(kind, {&who});
    QVERIFY2(!roomId.isEmpty(), qPrintable(m_failure));
    WsClient &mine = ws(who);
    WsClient &observer = ws(m_member2); // a member who sees what happens in the room
    const QString memberPath = roomPath(roomId, QStringLiteral("/members/") + who.id);
    const std::string room = ss(roomId);

    // Set-up over REST, by the (non-member) server admin or the observer.
    QString messageId;
    if (scenario.contains(QLatin1String("another's message"))) {
        messageId = postAs(m_member2, roomId, QStringLiteral("the observer's words"));
        QVERIFY(!messageId.isEmpty());
    } else if (scenario.contains(QLatin1String("reaction"))) {
        messageId = postAs(m_member2, roomId, QStringLiteral("react to this"));
        QVERIFY(!messageId.isEmpty());
    } else if (scenario.contains(QLatin1String("one's own"))) {
        messageId = postAs(who, roomId, QStringLiteral("my words"));
        QVERIFY(!messageId.isEmpty());
    }
    if (scenario.contains(QLatin1String("muted")))
        CHECK_STATUS(m_root->patch(memberPath, {{"isMuted", true}}), 200);
    if (scenario.contains(QLatin1String("banned"))) {
        CHECK_STATUS(m_root->post(memberPath + QStringLiteral("/ban"), {{"reason", "set up"}}), 200);
        QVERIFY(!mine.waitFor(inRoom("banned", roomId)).is_null());
    }
    if (scenario.contains(QLatin1String("kicked"))) {
        CHECK_STATUS(m_root->post(memberPath + QStringLiteral("/kick"), {{"reason", "set up"}}), 200);
        QVERIFY(!mine.waitFor(inRoom("kicked", roomId)).is_null());
    }
    clearAll();

    const std::string ref = "row";
    json frame;
    std::function<bool(const json &)> effect; // what the observer (or the actor) sees when it works
    WsClient *seer = &observer;
    if (scenario.startsWith(QLatin1String("send_message"))) {
        if (scenario.contains(QLatin1String("slow mode")) && code != QLatin1String("FORBIDDEN")) {
            mine.send({{"type", "send_message"}, {"roomId", room}, {"content", "first"}, {"ref", "first"}});
            QVERIFY2(!mine.waitFor(withRef("ack", "first")).is_null(), "the first message in slow mode was refused");
            QVERIFY(drain(observer));
            observer.clear();
        }
        frame = {{"type", "send_message"}, {"roomId", room}, {"content", "hello from the matrix"}};
        effect = [room](const json &f) {
            return typeOf(f) == "new_message" && f["message"]["roomId"] == room &&
                   f["message"]["content"] == "hello from the matrix";
        };
        if (actorRole == QLatin1String("server admin"))
            seer = &mine; // not a member: checks the ack only
    } else if (scenario.startsWith(QLatin1String("delete_message"))) {
        frame = {{"type", "delete_message"}, {"roomId", room}, {"messageId", ss(messageId)}};
        effect = [id = ss(messageId)](const json &f) { return typeOf(f) == "message_deleted" && f["messageId"] == id; };
    } else if (scenario.startsWith(QLatin1String("edit_message"))) {
        frame = {{"type", "edit_message"},
                 {"roomId", room},
                 {"messageId", ss(messageId)},
                 {"content", "edited by the matrix"}};
        effect = [id = ss(messageId)](const json &f) {
            return typeOf(f) == "message_updated" && f["message"]["messageId"] == id &&
                   f["message"]["content"] == "edited by the matrix";
        };
    } else if (scenario.startsWith(QLatin1String("typing_start"))) {
        frame = {{"type", "typing_start"}, {"roomId", room}};
        effect = [id = ss(who.id)](const json &f) {
            return typeOf(f) == "typing_indicator" && f["userId"] == id && f["isTyping"] == true;
        };
    } else if (scenario.startsWith(QLatin1String("join_room"))) {
        frame = {{"type", "join_room"}, {"roomId", room}};
        effect = [room](const json &f) { return typeOf(f) == "history" && f["roomId"] == room; };
        seer = &mine;
    } else if (scenario.startsWith(QLatin1String("message_reaction"))) {
        frame = {{"type", "message_reaction"},
                 {"roomId", room},
                 {"messageId", ss(messageId)},
                 {"emoji", "👍"},
                 {"action", "add"}};
        effect = [id = ss(messageId)](const json &f) {
            return typeOf(f) == "message_updated" && f["message"]["messageId"] == id;
        };
    } else {
        QFAIL(qPrintable(QStringLiteral("no such scenario: ") + scenario));
    }
    frame["ref"] = ref;
    mine.send(frame);

    if (!code.isEmpty()) {
        json err = mine.waitFor(withRef("error", ref));
        QVERIFY2(!err.is_null(), "no error frame");
        QCOMPARE(qs(err["code"]), code);
        // Nothing happened in the room.
        QVERIFY(drain(observer));
        for (const json &f : observer.frames())
            QVERIFY2(!aboutRoom(f, roomId), dumpJson(f).constData());
        return;
    }
    if (scenario.startsWith(QLatin1String("send_message")))
        QVERIFY2(!mine.waitFor(withRef("ack", ref)).is_null(), "no ack");
    if (seer != &mine || !scenario.startsWith(QLatin1String("send_message")))
        QVERIFY2(!seer->waitFor(effect).is_null(), "the frame had no effect");
    QVERIFY(drain(mine));
    for (const json &f : mine.frames())
        QVERIFY2(typeOf(f) != "error", dumpJson(f).constData());
}

// ---- who is told what -------------------------------------------------------------------------

void TestPermissionMatrix::moderationEventsReachTheRightConnections_data()
{
    QTest::addColumn<QString>("action");
    QTest::newRow("moderator kicks member") << QStringLiteral("kick");
    QTest::newRow("owner bans member") << QStringLiteral("ban");
    QTest::newRow("moderator mutes member") << QStringLiteral("mute");
    QTest::newRow("moderator unmutes member") << QStringLiteral("unmute");
    QTest::newRow("owner makes member moderator") << QStringLiteral("promote");
    QTest::newRow("owner hands ownership to member") << QStringLiteral("transfer");
    QTest::newRow("owner updates the room") << QStringLiteral("update");
    QTest::newRow("moderator pins member's message") << QStringLiteral("pin");
    QTest::newRow("moderator deletes member's message") << QStringLiteral("delete message");
    QTest::newRow("owner deletes the room") << QStringLiteral("delete room");
}

// Connections for the owner, a moderator, the member acted on, a bystander member and a
// non-member: each member connection gets the event exactly once, the non-member nothing, and a
// kicked or banned member is told and then hears nothing more from the room.
void TestPermissionMatrix::moderationEventsReachTheRightConnections()
{
    QFETCH(QString, action);
    const QString roomId = freshRoom(QStringLiteral("public"), {&m_mod, &m_member, &m_member2}, {}, {&m_mod});
    QVERIFY2(!roomId.isEmpty(), qPrintable(m_failure));
    m_roomDirty = true;
    const std::string room = ss(roomId);
    WsClient &owner = ws(m_owner);
    WsClient &mod = ws(m_mod);
    WsClient &targetWs = ws(m_member);
    WsClient &bystander = ws(m_member2);
    WsClient &outsider = ws(m_outsider);
    const QString memberPath = roomPath(roomId, QStringLiteral("/members/") + m_member.id);
    const QString messageId = postAs(m_member, roomId, QStringLiteral("the target's message"));
    QVERIFY(!messageId.isEmpty());
    if (action == QLatin1String("unmute"))
        CHECK_STATUS(m_owner->patch(memberPath, {{"isMuted", true}}), 200);
    clearAll();
    const std::set<std::string> before = auditIds(roomId);

    RestReply r;
    std::string event; // what every member connection gets
    QString auditAction;
    const Account *by = &m_mod;
    QString reason;
    QString auditTarget = m_member.id;
    QString auditMessage;
    if (action == QLatin1String("kick")) {
        reason = QStringLiteral("off topic");
        r = m_mod->post(memberPath + QStringLiteral("/kick"), {{"reason", ss(reason)}});
        event = "user_left";
        auditAction = QStringLiteral("member.kick");
    } else if (action == QLatin1String("ban")) {
        by = &m_owner;
        reason = QStringLiteral("spam");
        r = m_owner->post(memberPath + QStringLiteral("/ban"), {{"reason", ss(reason)}, {"durationSeconds", 3600}});
        event = "user_left";
        auditAction = QStringLiteral("member.ban");
    } else if (action == QLatin1String("mute") || action == QLatin1String("unmute")) {
        r = m_mod->patch(memberPath, {{"isMuted", action == QLatin1String("mute")}});
        event = "member_updated";
        auditAction = QStringLiteral("member.") + action;
    } else if (action == QLatin1String("promote")) {
        by = &m_owner;
        r = m_owner->patch(memberPath, {{"role", "moderator"}});
        event = "member_updated";
        auditAction = QStringLiteral("member.role_moderator");
    } else if (action == QLatin1String("transfer")) {
        by = &m_owner;
        r = m_owner->patch(memberPath, {{"role", "owner"}});
        event = "member_updated";
        auditAction = QStringLiteral("room.transfer_ownership");
    } else if (action == QLatin1String("update")) {
        by = &m_owner;
        r = m_owner->patch(roomPath(roomId), {{"name", "renamed by the matrix"}});
        event = "room_updated";
        auditAction = QStringLiteral("room.update");
        auditTarget.clear();
    } else if (action == QLatin1String("pin")) {
        r = m_mod->post(roomPath(roomId, QStringLiteral("/pins/") + messageId));
        event = "pin_updated";
        auditAction = QStringLiteral("message.pin");
        auditMessage = messageId;
    } else if (action == QLatin1String("delete message")) {
        r = m_mod->del(roomPath(roomId, QStringLiteral("/messages/") + messageId));
        event = "message_deleted";
        auditAction = QStringLiteral("message.delete_any");
        auditMessage = messageId;
    } else {
        by = &m_owner;
        r = m_owner->del(roomPath(roomId));
        event = "room_deleted";
        auditAction = QStringLiteral("room.delete");
        auditTarget.clear();
        reason = QStringLiteral("matrix %1 (public)").arg(m_roomCount);
    }
    CHECK_STATUS(r, 200);

    // Every member connection gets the event; the one acted on first the event, then its own
    // notice.
    const bool removed = action == QLatin1String("kick") || action == QLatin1String("ban");
    for (WsClient *c : {&owner, &mod, &targetWs, &bystander}) {
        json f = c->waitFor(inRoom(event, roomId));
        QVERIFY2(!f.is_null(), ("no " + event).c_str());
        if (event == "user_left")
            QCOMPARE(qs(f["userId"]), m_member.id);
        if (action == QLatin1String("transfer")) {
            // Two member_updated, in either order: the new owner, and the old one now admin.
            json second = c->waitFor(inRoom(event, roomId));
            QVERIFY2(!second.is_null(), "no second member_updated");
            QStringList seen{qs(f["member"]["userId"]) + QLatin1Char(':') + qs(f["member"]["role"]),
                             qs(second["member"]["userId"]) + QLatin1Char(':') + qs(second["member"]["role"])};
            seen.sort();
            QStringList expected{m_member.id + QStringLiteral(":owner"), m_owner.id + QStringLiteral(":admin")};
            expected.sort();
            QCOMPARE(seen, expected);
        } else if (event == "member_updated") {
            QCOMPARE(qs(f["member"]["userId"]), m_member.id);
            QCOMPARE(f["member"]["isMuted"], action == QLatin1String("mute"));
            QCOMPARE(f["member"]["role"], action == QLatin1String("promote") ? "moderator" : "member");
        }
        if (event == "room_updated")
            QCOMPARE(f["room"]["name"], "renamed by the matrix");
        if (event == "pin_updated") {
            QCOMPARE(qs(f["messageId"]), messageId);
            QCOMPARE(f["pinned"], true);
            QCOMPARE(qs(f["byUserId"]), m_mod.id);
        }
        if (event == "message_deleted")
            QCOMPARE(qs(f["messageId"]), messageId);
    }
    if (removed) {
        json notice = targetWs.waitFor(inRoom(action == QLatin1String("kick") ? "kicked" : "banned", roomId));
        QVERIFY2(!notice.is_null(), "the target was not told");
        QCOMPARE(qs(notice["reason"]), reason);
        if (action == QLatin1String("ban"))
            QVERIFY(notice["until"].is_string());
    }
    // Exactly once, and nothing else about the room; the non-member hears nothing at all.
    QVERIFY(drain({&owner, &mod, &targetWs, &bystander, &outsider}));
    // (Members who stay also get the room's system line about the action; the one removed and
    // the outsider get nothing.)
    for (WsClient *c : {&owner, &mod, &targetWs, &bystander, &outsider}) {
        const bool staysInRoom = c != &outsider && !(removed && c == &targetWs);
        for (const json &f : c->frames()) {
            const bool systemLine = f.value("type", "") == "new_message" && f.contains("message") &&
                                    f["message"].value("type", "") == "system";
            if (staysInRoom && systemLine)
                continue;
            QVERIFY2(!aboutRoom(f, roomId), dumpJson(f).constData());
        }
    }

    if (removed || action == QLatin1String("mute")) {
        // The room goes on: the others hear it, the one removed does not.
        QVERIFY(!postAs(m_owner, roomId, QStringLiteral("life goes on")).isEmpty());
        for (WsClient *c : {&owner, &mod, &bystander})
            QVERIFY2(!c->waitFor(inRoom("new_message", roomId)).is_null(), "a member missed a message");
        if (removed) {
            QVERIFY(drain(targetWs));
            QTest::qWait(100);
            for (const json &f : targetWs.frames())
                QVERIFY2(!aboutRoom(f, roomId),
                         QByteArray("a removed member still hears the room: " + dumpJson(f)).constData());
        } else {
            QVERIFY(!targetWs.waitFor(inRoom("new_message", roomId)).is_null());
            // The muted member's own post is refused and reaches nobody.
            targetWs.send({{"type", "send_message"}, {"roomId", room}, {"content", "let me speak"}, {"ref", "muted"}});
            QCOMPARE(targetWs.waitFor(withRef("error", "muted"))["code"], "FORBIDDEN");
            QVERIFY(drain({&owner, &mod, &bystander}));
            for (WsClient *c : {&owner, &mod, &bystander}) {
                for (const json &f : c->frames())
                    QVERIFY2(!(typeOf(f) == "new_message" && f["message"]["content"] == "let me speak"),
                             dumpJson(f).constData());
            }
        }
        QVERIFY(drain(outsider));
        for (const json &f : outsider.frames())
            QVERIFY2(!aboutRoom(f, roomId), dumpJson(f).constData());
    }
    if (action == QLatin1String("delete room")) {
        // The audit entry outlives the room.
        QVERIFY2(checkAudit(roomId, before, auditAction, *by, {}, reason), qPrintable(m_failure));
        return;
    }
    QVERIFY2(checkAudit(roomId, before, auditAction, *by, auditTarget,
                        action == QLatin1String("kick") || action == QLatin1String("ban") ? reason : QString(),
                        auditMessage),
             qPrintable(m_failure));
}

// ---- the audit log: who reads what ------------------------------------------------------------

void TestPermissionMatrix::auditLogVisibility()
{
    // Someone who administers no room may not read the log at all.
    CHECK_ERROR(m_plain->get(QStringLiteral("/v1/admin/audit")), 403, "FORBIDDEN", "");
    // A room admin sees only the entries of rooms they administer.
    const QString mine = freshRoom(QStringLiteral("public"), {&m_plain, &m_guest}, {&m_plain}, {});
    QVERIFY2(!mine.isEmpty(), qPrintable(m_failure));
    const QString other = freshRoom(QStringLiteral("public"), {&m_plain, &m_guest}, {}, {});
    QVERIFY2(!other.isEmpty(), qPrintable(m_failure));
    CHECK_STATUS(m_owner->patch(roomPath(other, QStringLiteral("/members/") + m_guest.id), {{"isMuted", true}}), 200);
    const RestReply r = m_plain->get(QStringLiteral("/v1/admin/audit?limit=200"));
    CHECK_STATUS(r, 200);
    const json entries = r.data()["entries"];
    QVERIFY(!entries.empty());
    for (const json &e : entries)
        QVERIFY2(qs(e["roomId"]) == mine, dumpJson(e).constData());
    CHECK_ERROR(m_plain->get(QStringLiteral("/v1/admin/audit?roomId=") + other), 403, "FORBIDDEN", "roomId");
    // The server admin sees both rooms' entries, each with who did what to whom.
    const RestReply all = m_root->get(QStringLiteral("/v1/admin/audit?limit=5&actorId=") + m_owner.id +
                                      QStringLiteral("&action=member.mute"));
    CHECK_STATUS(all, 200);
    const json muted = all.data()["entries"];
    QVERIFY(!muted.empty());
    QCOMPARE(qs(muted[0]["roomId"]), other);
    QCOMPARE(qs(muted[0]["targetUserId"]), m_guest.id);
    QCOMPARE(qs(muted[0]["actorId"]), m_owner.id);
    m_roomDirty = true;
}

// The member cap: a full room takes nobody more, whether they join or are added.
void TestPermissionMatrix::memberCap()
{
    const json room = createRoom(m_owner, QStringLiteral("tiny"), QStringLiteral("public"), {}, {{"maxMembers", 2}});
    QVERIFY(room.is_object());
    const QString id = qs(room["roomId"]);
    CHECK_STATUS(m_guest->post(roomPath(id, QStringLiteral("/join"))), 200);
    CHECK_ERROR(m_plain->post(roomPath(id, QStringLiteral("/join"))), 409, "CONFLICT", "");
    CHECK_ERROR(m_owner->post(roomPath(id, QStringLiteral("/members")), {{"userId", ss(m_plain.id)}}), 409, "CONFLICT",
                "");
    WsClient &c = ws(m_plain);
    c.send({{"type", "join_room"}, {"roomId", ss(id)}, {"ref", "full"}});
    QCOMPARE(c.waitFor(withRef("error", "full"))["code"], "CONFLICT");
    CHECK_ERROR(m_owner->patch(roomPath(id), {{"maxMembers", 1}}), 422, "VALIDATION_FAILED", "maxMembers");
    // Raising the cap lets them in.
    CHECK_STATUS(m_owner->patch(roomPath(id), {{"maxMembers", 3}}), 200);
    CHECK_STATUS(m_plain->post(roomPath(id, QStringLiteral("/join"))), 200);
}

QTEST_GUILESS_MAIN(TestPermissionMatrix)
#include "tst_permissionmatrix.moc"
