// SPDX-License-Identifier: GPL-3.0-or-later
// Validation (validation.h) and the permission table (permissions.h), against API.md.

#include "tst_core.h"

#include "coretest.h"

#include "core/limits.h"
#include "core/validation.h"

#include <QSet>
#include <QTest>

using namespace confab;
using namespace coretest;
using namespace Qt::Literals::StringLiterals;

namespace {

QString times(const QString &unit, int n) { return unit.repeated(n); }

const QString kEmoji = u"😀"_s;                // one code point, two UTF-16 units
const QString kFamily = u"👨\u200D👩\u200D👧"_s; // five code points joined into one glyph

Invalid runValidator(const QString &validator, const QString &input, int maxChars)
{
    if (validator == u"username"_s)
        return validateUsername(input);
    if (validator == u"password"_s)
        return validatePassword(input);
    if (validator == u"displayName"_s)
        return validateDisplayName(input);
    if (validator == u"name"_s)
        return validateRoomName(input);
    if (validator == u"description"_s)
        return validateDescription(input);
    if (validator == u"content"_s)
        return validateContent(input, maxChars);
    if (validator == u"emoji"_s)
        return validateEmoji(input);
    if (validator == u"customStatus"_s)
        return validateCustomStatus(input);
    if (validator == u"reason"_s)
        return validateReason(input);
    if (validator == u"roomId"_s)
        return validateId(input, u"roomId"_s);
    qFatal("unknown validator");
}

// ---- the permission matrix of API.md, written out independently of permissions.cpp -------------
// "Roles: owner > admin > moderator > member. A member posts (not when muted, not in announcement
// rooms), edits and deletes its own messages. Moderators also delete any message, pin, kick and mute
// lower roles. Admins also ban/unban, change roles below their own and edit room settings. The
// owner deletes the room and hands ownership over. A server admin may do all of it in every room."
// Room admins also see their rooms' audit log; members invite (subject to the room's allowInvites).

struct Expected {
    Action action;
    bool member, moderator, admin, owner;
    bool onLowerRolesOnly; // aimed at another member, who must rank below the actor
};

// clang-format off
constexpr Expected kExpected[] = {
    //  action                         member moder. admin  owner  lower roles only
    {Action::ReadRoom,                 true,  true,  true,  true,  false},
    {Action::SendMessage,              true,  true,  true,  true,  false},
    {Action::PostInAnnouncement,       false, true,  true,  true,  false},
    {Action::EditOwnMessage,           true,  true,  true,  true,  false},
    {Action::DeleteOwnMessage,         true,  true,  true,  true,  false},
    {Action::DeleteAnyMessage,         false, true,  true,  true,  false},
    {Action::React,                    true,  true,  true,  true,  false},
    {Action::MarkRead,                 true,  true,  true,  true,  false},
    {Action::InviteMember,             true,  true,  true,  true,  false},
    {Action::PinMessage,               false, true,  true,  true,  false},
    {Action::KickMember,               false, true,  true,  true,  true},
    {Action::MuteMember,               false, true,  true,  true,  true},
    {Action::BanMember,                false, false, true,  true,  true},
    {Action::UnbanMember,              false, false, true,  true,  false},
    {Action::ChangeRole,               false, false, true,  true,  true},
    {Action::EditRoomSettings,         false, false, true,  true,  false},
    {Action::ViewRoomAudit,            false, false, true,  true,  false},
    {Action::DeleteRoom,               false, false, false, true,  false},
    {Action::TransferOwnership,        false, false, false, true,  true},
};
// clang-format on

constexpr int kActionCount = int(Action::TransferOwnership) + 1;
constexpr Role kRoles[] = {Role::Member, Role::Moderator, Role::Admin, Role::Owner};

bool expectedCell(const Expected &e, Role role)
{
    switch (role) {
    case Role::Member: return e.member;
    case Role::Moderator: return e.moderator;
    case Role::Admin: return e.admin;
    case Role::Owner: return e.owner;
    }
    return false;
}

const Expected &expectedRow(Action action)
{
    for (const auto &e : kExpected) {
        if (e.action == action)
            return e;
    }
    qFatal("no expected row");
}

QString roleName(std::optional<Role> role) { return role ? toString(*role) : u"non-member"_s; }

} // namespace

// ---- validation ---------------------------------------------------------------------------------

void TestCore::validators_data()
{
    QTest::addColumn<QString>("validator"); // also the field the error must name
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("maxChars"); // for content
    QTest::addColumn<bool>("valid");

    int n = 0;
    auto row = [&n](const QString &validator, const QString &input, bool valid, int maxChars = limits::kContentMax) {
        QString shown = input.size() > 24 ? input.left(20) + u"...(%1)"_s.arg(input.size()) : input;
        for (qsizetype i = shown.size() - 1; i >= 0; --i) { // keep control characters out of the log
            const char16_t ch = shown.at(i).unicode();
            if (ch < 0x20 || ch == 0x7f)
                shown.replace(i, 1, u"\\x%1"_s.arg(int(ch), 2, 16, QLatin1Char('0')));
        }
        const QString tag = u"%1 %2 %3 \"%4\""_s.arg(++n, 3).arg(validator, valid ? u"ok"_s : u"bad"_s, shown);
        QTest::newRow(qPrintable(tag)) << validator << input << maxChars << valid;
    };

    // usernames: 3-32 of [a-z0-9_.-]; upper case is accepted and normalized (unique case-insensitively)
    const QString user = u"username"_s;
    row(user, u"alice"_s, true);
    row(user, u"bob"_s, true);
    row(user, u"alice.smith-2_x"_s, true);
    row(user, times(u"a"_s, 32), true);
    row(user, u"Alice"_s, true);
    row(user, u"ab"_s, false);
    row(user, QString(), false);
    row(user, times(u"a"_s, 33), false);
    row(user, u"alice smith"_s, false);
    row(user, u"alice@example"_s, false);
    row(user, u"jösé"_s, false);
    row(user, u"алиса"_s, false);
    row(user, u"ali\tce"_s, false);
    row(user, u"ali"_s + kEmoji, false);
    row(user, u"a/b"_s, false);

    // passwords: at least 8 code points
    const QString pw = u"password"_s;
    row(pw, u"12345678"_s, true);
    row(pw, u"correct horse battery staple"_s, true);
    row(pw, times(kEmoji, 8), true);
    row(pw, times(u"p"_s, limits::kPasswordMax), true);
    row(pw, u"1234567"_s, false);
    row(pw, QString(), false);
    row(pw, times(kEmoji, 7), false); // 14 UTF-16 units, 7 characters
    row(pw, times(u"p"_s, limits::kPasswordMax + 1), false);

    // display names: 1-64 after trimming, no control characters
    const QString dn = u"displayName"_s;
    row(dn, u"Alice Martin"_s, true);
    row(dn, u"A"_s, true);
    row(dn, u"  Alice  "_s, true);
    row(dn, u"Zoë 🌸"_s, true);
    row(dn, times(u"d"_s, 64), true);
    row(dn, times(kEmoji, 64), true);
    row(dn, QString(), false);
    row(dn, u"   "_s, false);
    row(dn, times(u"d"_s, 65), false);
    row(dn, times(kEmoji, 65), false);
    row(dn, u"Alice\nMartin"_s, false);
    row(dn, u"Alice\tMartin"_s, false);
    row(dn, u"Alice"_s + QChar(0) + u"M"_s, false);
    row(dn, u"Alice\x7fM"_s, false);

    // room names and descriptions
    row(u"name"_s, u"Design Review"_s, true);
    row(u"name"_s, times(u"n"_s, limits::kRoomNameMax), true);
    row(u"name"_s, times(u"n"_s, limits::kRoomNameMax + 1), false);
    row(u"name"_s, u" "_s, false);
    row(u"name"_s, u"two\nlines"_s, false);
    row(u"description"_s, QString(), true);
    row(u"description"_s, u"Line one\nLine two\twith a tab"_s, true);
    row(u"description"_s, times(u"d"_s, limits::kDescriptionMax), true);
    row(u"description"_s, times(u"d"_s, limits::kDescriptionMax + 1), false);
    row(u"description"_s, u"bell\x07"_s, false);

    // content: 1..max code points after trimming; newline and tab allowed, other controls not
    const QString c = u"content"_s;
    row(c, u"hello"_s, true);
    row(c, u"  hello  "_s, true);
    row(c, u"line 1\nline 2\tand a tab"_s, true);
    row(c, u"windows\r\nline"_s, true);
    row(c, u"<script>alert(1)</script> **bold**"_s, true); // verbatim: rendering is the client's job
    row(c, times(u"x"_s, limits::kContentMax), true);
    row(c, times(kEmoji, limits::kContentMax), true); // 5000 emoji: 10000 UTF-16 units
    row(c, u"\n  "_s + times(u"x"_s, limits::kContentMax) + u"  \n"_s, true);
    row(c, times(u"x"_s, limits::kContentMax + 1), false);
    row(c, times(kEmoji, limits::kContentMax + 1), false);
    row(c, QString(), false);
    row(c, u"   \n\t  "_s, false);
    row(c, u"a"_s + QChar(0) + u"b"_s, false);
    row(c,
        u"a\x01"
        u"b"_s,
        false);
    row(c, u"escape \x1b[31mred"_s, false);
    row(c,
        u"a\x7f"
        u"b"_s,
        false);
    row(c, times(u"x"_s, 10), true, 10);
    row(c, times(u"x"_s, 11), false, 10);
    row(c, times(kFamily, 2), true, 10); // 10 code points
    row(c, times(kFamily, 2) + u"x"_s, false, 10);

    // emoji: 1-32 code points, no whitespace or control characters
    const QString em = u"emoji"_s;
    row(em, u"👍"_s, true);
    row(em, u"👍🏽"_s, true);
    row(em, u"❤️"_s, true);
    row(em, kFamily, true);
    row(em, times(kEmoji, limits::kEmojiMax), true);
    row(em, times(kEmoji, limits::kEmojiMax + 1), false);
    row(em, QString(), false);
    row(em, u" "_s, false);
    row(em, u"👍 👍"_s, false);
    row(em, u"👍\n"_s, false);

    // custom status: 0-100 code points, no control characters
    const QString cs = u"customStatus"_s;
    row(cs, QString(), true);
    row(cs, u"Lunch 🍜"_s, true);
    row(cs, times(kEmoji, limits::kCustomStatusMax), true);
    row(cs, times(u"s"_s, limits::kCustomStatusMax + 1), false);
    row(cs, u"two\nlines"_s, false);

    // reasons: 0-500
    row(u"reason"_s, QString(), true);
    row(u"reason"_s, times(u"r"_s, limits::kReasonMax), true);
    row(u"reason"_s, times(u"r"_s, limits::kReasonMax + 1), false);

    // ids: 1-64 of [A-Za-z0-9_-]
    const QString id = u"roomId"_s;
    row(id, u"r_general"_s, true);
    row(id, u"m_01J8XQ-z"_s, true);
    row(id, times(u"i"_s, limits::kIdMax), true);
    row(id, times(u"i"_s, limits::kIdMax + 1), false);
    row(id, QString(), false);
    row(id, u"r general"_s, false);
    row(id, u"r/1"_s, false);
    row(id, u"../etc"_s, false);
    row(id, u"r.1"_s, false);
    row(id, u"ré"_s, false);
    row(id, u"r_"_s + kEmoji, false);
}

void TestCore::validators()
{
    QFETCH(QString, validator);
    QFETCH(QString, input);
    QFETCH(int, maxChars);
    QFETCH(bool, valid);
    const Invalid result = runValidator(validator, input, maxChars);
    if (valid) {
        QVERIFY2(!result, qPrintable(result ? result->message : QString()));
        return;
    }
    QVERIFY2(result.has_value(), "accepted");
    QCOMPARE(result->code, ErrorCode::ValidationFailed);
    QCOMPARE(result->field, validator);
    QVERIFY(!result->message.isEmpty());
    QCOMPARE(httpStatus(result->code), 422);
}

void TestCore::validatorFieldOverride()
{
    QCOMPARE(validateId(QString(), u"messageId"_s)->field, u"messageId"_s);
    QCOMPARE(validateContent(QString(), limits::kContentMax, u"question"_s)->field, u"question"_s);
    QCOMPARE(validateUsername(u"x"_s, u"user.username"_s)->field, u"user.username"_s);
    QCOMPARE(validatePassword(u"x"_s, u"newPassword"_s)->field, u"newPassword"_s);
    QCOMPARE(validateDisplayName(QString(), u"anonymousName"_s)->field, u"anonymousName"_s);
    QCOMPARE(validateEmoji(QString(), u"reaction"_s)->field, u"reaction"_s);
    QCOMPARE(validateCustomStatus(times(u"s"_s, 101), u"presence.customStatus"_s)->field, u"presence.customStatus"_s);
    QCOMPARE(validateRoomName(QString(), u"room.name"_s)->field, u"room.name"_s);

    const ApiError e = ApiError::validation(u"content"_s, u"must not be empty"_s);
    QCOMPARE(e.code, ErrorCode::ValidationFailed);
    QCOMPARE(e.field, u"content"_s);
    QCOMPARE(e.message, u"must not be empty"_s);
}

void TestCore::codePointCount_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("count");
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("ascii") << u"abc"_s << 3;
    QTest::newRow("precomposed é") << u"é"_s << 1;
    QTest::newRow("e + combining acute") << u"e\u0301"_s << 2;
    QTest::newRow("emoji outside the BMP") << kEmoji << 1;
    QTest::newRow("thumbs up + skin tone") << u"👍🏽"_s << 2;
    QTest::newRow("family (ZWJ sequence)") << kFamily << 5;
    QTest::newRow("CJK") << u"日本語"_s << 3;
    QTest::newRow("mixed") << u"a😀b😀"_s << 4;
}

void TestCore::codePointCount()
{
    QFETCH(QString, input);
    QFETCH(int, count);
    QCOMPARE(confab::codePointCount(input), qsizetype(count));
}

void TestCore::normalizeUsername()
{
    QCOMPARE(confab::normalizeUsername(u"Alice"_s), u"alice"_s);
    QCOMPARE(confab::normalizeUsername(u"ALICE.Smith-2_x"_s), u"alice.smith-2_x"_s);
    QCOMPARE(confab::normalizeUsername(u"bob"_s), u"bob"_s);
    QCOMPARE(confab::normalizeUsername(u"Bob"_s), confab::normalizeUsername(u"bOB"_s));
    QVERIFY(!validateUsername(confab::normalizeUsername(u"Alice"_s)));
}

// ---- permissions ------------------------------------------------------------------------------------

void TestCore::permissionTableComplete()
{
    const auto table = permissionTable();
    QCOMPARE(int(table.size()), kActionCount);
    QCOMPARE(int(std::size(kExpected)), kActionCount);
    QSet<QString> names;
    for (int i = 0; i < kActionCount; ++i) {
        const auto action = Action(i);
        int inTable = 0;
        int inExpected = 0;
        for (const auto &row : table)
            inTable += row.action == action;
        for (const auto &e : kExpected)
            inExpected += e.action == action;
        QVERIFY2(inTable == 1, qPrintable(u"action %1 has %2 rows in permissionTable()"_s.arg(i).arg(inTable)));
        QVERIFY2(inExpected == 1, qPrintable(u"action %1 has %2 rows in the expected matrix"_s.arg(i).arg(inExpected)));

        const PermissionRow &row = permissionRow(action);
        QCOMPARE(row.action, action);
        const QString name = actionName(action);
        QCOMPARE(name, QString::fromLatin1(row.name));
        QVERIFY2(name.contains(QLatin1Char('.')), qPrintable(name)); // "message.delete_any"
        QVERIFY2(!names.contains(name), qPrintable(u"duplicate action name "_s + name));
        names.insert(name);

        const bool lowerOnly = row.target == TargetRule::LowerRole;
        QVERIFY2(lowerOnly == expectedRow(action).onLowerRolesOnly, qPrintable(name));
    }
}

void TestCore::permissionMatrix_data()
{
    QTest::addColumn<Action>("action");
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("allowed");
    for (const auto &e : kExpected) {
        for (Role role : kRoles) {
            const QString tag = u"%1 %2"_s.arg(toString(role), actionName(e.action));
            QTest::newRow(qPrintable(tag)) << e.action << role << expectedCell(e, role);
        }
    }
}

void TestCore::permissionMatrix()
{
    QFETCH(Action, action);
    QFETCH(Role, role);
    QFETCH(bool, allowed);

    QCOMPARE(roleAllows(role, action), allowed);
    const Actor actor{role, false};
    QCOMPARE(isAllowed(actor, action), allowed);
    const QString why = denialReason(actor, action);
    QCOMPARE(why.isEmpty(), allowed);
    if (!allowed)
        QVERIFY2(why.contains(actionName(action)), qPrintable(why));

    // Aimed at a member: a lower role is fine where the role may act at all; an equal one only
    // where the action is not limited to lower roles.
    if (role != Role::Member)
        QCOMPARE(isAllowed(actor, action, Role::Member), allowed);
    QCOMPARE(isAllowed(actor, action, role), allowed && !expectedRow(action).onLowerRolesOnly);
    if (role != Role::Owner)
        QCOMPARE(isAllowed(actor, action, Role::Owner), allowed && !expectedRow(action).onLowerRolesOnly);
}

void TestCore::targetRules_data()
{
    QTest::addColumn<std::optional<Role>>("actor");
    QTest::addColumn<bool>("serverAdmin");
    QTest::addColumn<Action>("action");
    QTest::addColumn<std::optional<Role>>("target");
    QTest::addColumn<bool>("allowed");

    auto row = [](std::optional<Role> actor, bool serverAdmin, Action action, std::optional<Role> target,
                  bool allowed) {
        const QString tag =
            u"%1%2 %3 %4 -> %5"_s.arg(roleName(actor), serverAdmin ? u" (server admin)"_s : QString(),
                                      actionName(action), roleName(target), allowed ? u"allowed"_s : u"denied"_s);
        QTest::newRow(qPrintable(tag)) << actor << serverAdmin << action << target << allowed;
    };
    using enum Role;
    // Moderators kick and mute lower roles only.
    row(Moderator, false, Action::KickMember, Member, true);
    row(Moderator, false, Action::KickMember, Moderator, false);
    row(Moderator, false, Action::KickMember, Admin, false);
    row(Moderator, false, Action::KickMember, Owner, false);
    row(Moderator, false, Action::MuteMember, Member, true);
    row(Moderator, false, Action::MuteMember, Moderator, false);
    row(Moderator, false, Action::BanMember, Member, false);
    row(Member, false, Action::KickMember, Member, false);
    row(Member, false, Action::MuteMember, Member, false);
    // Admins kick, mute and ban moderators and members, not admins or the owner.
    row(Admin, false, Action::KickMember, Moderator, true);
    row(Admin, false, Action::KickMember, Member, true);
    row(Admin, false, Action::KickMember, Admin, false);
    row(Admin, false, Action::KickMember, Owner, false);
    row(Admin, false, Action::BanMember, Moderator, true);
    row(Admin, false, Action::BanMember, Admin, false);
    row(Admin, false, Action::MuteMember, Owner, false);
    row(Admin, false, Action::ChangeRole, Moderator, true);
    row(Admin, false, Action::ChangeRole, Admin, false);
    // The owner acts on everyone else.
    row(Owner, false, Action::KickMember, Admin, true);
    row(Owner, false, Action::BanMember, Admin, true);
    row(Owner, false, Action::ChangeRole, Admin, true);
    row(Owner, false, Action::TransferOwnership, Admin, true);
    row(Admin, false, Action::TransferOwnership, Moderator, false);
    // Not a member: nothing, not even reading.
    row(std::nullopt, false, Action::ReadRoom, std::nullopt, false);
    row(std::nullopt, false, Action::SendMessage, std::nullopt, false);
    row(std::nullopt, false, Action::KickMember, Member, false);
    // A server admin does everything in every room, member or not, to anyone.
    row(std::nullopt, true, Action::DeleteRoom, std::nullopt, true);
    row(std::nullopt, true, Action::KickMember, Owner, true);
    row(Member, true, Action::BanMember, Owner, true);
    row(Moderator, true, Action::EditRoomSettings, std::nullopt, true);
}

void TestCore::targetRules()
{
    QFETCH(std::optional<Role>, actor);
    QFETCH(bool, serverAdmin);
    QFETCH(Action, action);
    QFETCH(std::optional<Role>, target);
    QFETCH(bool, allowed);
    const QString why = denialReason(Actor{actor, serverAdmin}, action, target);
    QVERIFY2(why.isEmpty() == allowed, qPrintable(why.isEmpty() ? u"allowed"_s : why));
    QCOMPARE(isAllowed(Actor{actor, serverAdmin}, action, target), allowed);
}

void TestCore::roleChange_data()
{
    QTest::addColumn<std::optional<Role>>("actor");
    QTest::addColumn<bool>("serverAdmin");
    QTest::addColumn<Role>("target");
    QTest::addColumn<Role>("newRole");
    QTest::addColumn<bool>("allowed");

    auto row = [](std::optional<Role> actor, bool serverAdmin, Role target, Role newRole, bool allowed) {
        const QString tag = u"%1%2 makes a %3 a %4 -> %5"_s.arg(
            roleName(actor), serverAdmin ? u" (server admin)"_s : QString(), toString(target), toString(newRole),
            allowed ? u"allowed"_s : u"denied"_s);
        QTest::newRow(qPrintable(tag)) << actor << serverAdmin << target << newRole << allowed;
    };
    using enum Role;
    // Admins change roles below their own.
    row(Admin, false, Member, Moderator, true);
    row(Admin, false, Moderator, Member, true);
    row(Admin, false, Member, Admin, false); // an admin can't give admin
    row(Admin, false, Admin, Member, false); // nor demote another admin
    row(Admin, false, Owner, Member, false);
    // The owner gives admin and takes it back.
    row(Owner, false, Member, Admin, true);
    row(Owner, false, Moderator, Admin, true);
    row(Owner, false, Admin, Moderator, true);
    row(Owner, false, Admin, Member, true);
    // Nobody gives owner through a role change: ownership moves by handing it over.
    row(Owner, false, Admin, Owner, false);
    row(Admin, false, Member, Owner, false);
    row(std::nullopt, true, Admin, Owner, false);
    row(Owner, true, Member, Owner, false);
    // Moderators and members change no roles.
    row(Moderator, false, Member, Moderator, false);
    row(Moderator, false, Member, Member, false);
    row(Member, false, Member, Moderator, false);
    row(std::nullopt, false, Member, Moderator, false);
    // A server admin may give any role but owner.
    row(std::nullopt, true, Member, Admin, true);
    row(Member, true, Moderator, Admin, true);
}

void TestCore::roleChange()
{
    QFETCH(std::optional<Role>, actor);
    QFETCH(bool, serverAdmin);
    QFETCH(Role, target);
    QFETCH(Role, newRole);
    QFETCH(bool, allowed);
    const QString why = roleChangeDenialReason(Actor{actor, serverAdmin}, target, newRole);
    QVERIFY2(why.isEmpty() == allowed, qPrintable(why.isEmpty() ? u"allowed"_s : why));
}

void TestCore::nonMemberMayDoNothing()
{
    const Actor outsider{std::nullopt, false};
    for (int i = 0; i < kActionCount; ++i) {
        const auto action = Action(i);
        QVERIFY2(!isAllowed(outsider, action), qPrintable(actionName(action)));
        QVERIFY(!denialReason(outsider, action).isEmpty());
        for (Role target : kRoles)
            QVERIFY2(!isAllowed(outsider, action, target), qPrintable(actionName(action)));
    }
    for (Role target : kRoles) {
        for (Role newRole : kRoles)
            QVERIFY(!roleChangeDenialReason(outsider, target, newRole).isEmpty());
    }
}

void TestCore::serverAdminMayDoEverything()
{
    const std::optional<Role> asRoles[] = {std::nullopt, Role::Member, Role::Moderator, Role::Admin, Role::Owner};
    for (const auto &roomRole : asRoles) {
        const Actor admin{roomRole, true};
        for (int i = 0; i < kActionCount; ++i) {
            const auto action = Action(i);
            QVERIFY2(isAllowed(admin, action), qPrintable(actionName(action)));
            for (Role target : kRoles)
                QVERIFY2(isAllowed(admin, action, target),
                         qPrintable(actionName(action) + u" on "_s + toString(target)));
        }
    }
}
