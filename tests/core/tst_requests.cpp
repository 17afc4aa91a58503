// SPDX-License-Identifier: GPL-3.0-or-later
// Fixture round trips of the REST request bodies (core/requests.h) and answers
// (core/responses.h), and one wrong field per struct. The client encodes and the server decodes
// with exactly these functions, so these fixtures are the REST contract's shapes.

#include "tst_core.h"

#include "coretest.h"

#include "core/requests.h"
#include "core/responses.h"

#include <QDir>
#include <QSet>
#include <QTest>

#include <map>

// The expected values below use designated initializers and leave defaulted fields out on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace confab;
using namespace coretest;
using namespace Qt::Literals::StringLiterals;

namespace bodytest {

// Decodes one fixture, compares it with the expected value and re-encodes it: returns what went wrong.
struct BodyCheck {
    std::function<QStringList(const json &)> run;
};

} // namespace bodytest

Q_DECLARE_METATYPE(bodytest::BodyCheck)

namespace bodytest {

// Unless `minimal`, every top-level field of the fixture must differ from what a default value
// encodes, so that a decoder that ignored it could not pass.
template<typename T> BodyCheck roundTrip(T expected, bool minimal = false)
{
    return {[expected, minimal](const json &fixture) {
        QStringList problems;
        T decoded{};
        try {
            decoded = fixture.get<T>();
        } catch (const DecodeError &e) {
            return QStringList{u"decoding threw: "_s + QString::fromUtf8(e.what())};
        }
        if (!(decoded == expected))
            problems << u"decoded value differs from the expected one (JSON patch from expected to decoded): "_s +
                            dump(json::diff(json(expected), json(decoded)), 2000);
        const json again = json(decoded);
        if (again != fixture)
            problems << u"re-encoded JSON differs from the fixture (JSON patch from fixture to output): "_s +
                            dump(json::diff(fixture, again), 2000);
        if (!minimal) {
            const json blank = json(T{});
            for (auto it = fixture.begin(); it != fixture.end(); ++it) {
                if (blank.contains(it.key()) && blank.at(it.key()) == it.value())
                    problems << u"fixture leaves \"%1\" at its default value"_s.arg(QString::fromStdString(it.key()));
            }
        }
        return problems;
    }};
}

// The value of a wire type, from its own fixture (whose round trip tst_codec.cpp checks).
template<typename T> T typeFixture(const char *name)
{
    return loadFixture(u"types/%1.json"_s.arg(QLatin1String(name))).get<T>();
}

qint64 t(int month, int day, int hour, int minute) { return utc(2025, month, day, hour, minute, 0, 0); }

// One row per fixture: its path below tests/fixtures/core and its check.
std::vector<std::pair<QString, BodyCheck>> requestCases()
{
    RoomSettingsChange allSettings{.allowInvites = false,
                                   .allowFileUploads = false,
                                   .maxFileSize = 5242880,
                                   .messageRetention = 90,
                                   .enableAI = true,
                                   .moderationLevel = ModerationLevel::Strict,
                                   .slowModeSeconds = 30,
                                   .allowAnonymous = true,
                                   .wordFilter = QStringList{u"darn"_s, u"heck"_s},
                                   .wordFilterAction = WordFilterAction::Mask};
    RoomSettingsChange someSettings;
    someSettings.allowAnonymous = true;
    someSettings.slowModeSeconds = 30;
    RoomSettingsChange filterSettings;
    filterSettings.allowInvites = true;
    filterSettings.wordFilter = QStringList{u"darn"_s};
    filterSettings.wordFilterAction = WordFilterAction::Reject;
    ProfileChange profile;
    profile.displayName = u"Alice M."_s;
    profile.avatar = u"https://chat.example.org/v1/files/f_avatar09"_s;
    ProfileChange avatarFile; // an uploaded picture instead of a URL
    avatarFile.avatarFileId = u"f_avatar09"_s;
    Attachment pdf; // sent by id: the server fills in the rest
    pdf.fileId = u"f_9k2m4x"_s;
    return {
        {u"register"_s, roundTrip(RegisterRequest{u"alice"_s, u"correct horse battery staple"_s, u"Alice Martin"_s})},
        {u"login"_s, roundTrip(LoginRequest{u"alice"_s, u"correct horse battery staple"_s})},
        {u"profile_change"_s, roundTrip(profile)},
        {u"profile_change_avatar_file"_s, roundTrip(avatarFile, true)},
        {u"room_settings_change"_s, roundTrip(allSettings)},
        {u"new_room"_s, roundTrip(NewRoom{.name = u"Design Review"_s,
                                          .description = u"Weekly design critique. Screenshots welcome."_s,
                                          .type = RoomType::Private,
                                          .maxMembers = 200,
                                          .allowInvites = false,
                                          .members = {u"u_bob02"_s, u"u_carol03"_s},
                                          .settings = someSettings})},
        {u"new_room_direct"_s,
         roundTrip(NewRoom{.type = RoomType::Direct, .members = {u"u_bob02"_s}}, /*minimal*/ true)},
        {u"room_change"_s, roundTrip(RoomChange{.name = u"Design Crit"_s,
                                                .description = QString(),
                                                .avatar = u"https://chat.example.org/v1/files/f_roomav2"_s,
                                                .maxMembers = 300,
                                                .settings = filterSettings})},
        {u"member_invite"_s, roundTrip(MemberInvite{u"u_eve05"_s})},
        {u"member_change"_s, roundTrip(MemberChange{Role::Moderator, true, t(9, 29, 12, 0)})},
        // A mute lifted: mutedUntil is sent as null and kept apart from "not sent".
        {u"member_change_unmute"_s, roundTrip(MemberChange{std::nullopt, false, qint64(0)})},
        {u"kick"_s, roundTrip(KickRequest{u"Off-topic flooding"_s})},
        {u"ban"_s, roundTrip(BanRequest{u"Repeated spam"_s, 7 * 86400})},
        {u"outgoing_message"_s, roundTrip(OutgoingMessage{.content = u"Agreed 👍 — the roadmap is attached."_s,
                                                          .type = MessageType::File,
                                                          .replyTo = u"m_0192a9"_s,
                                                          .clientMsgId = u"c-5f1e2d7a"_s,
                                                          .isAnonymous = true,
                                                          .attachments = {pdf}})},
        {u"outgoing_message_minimal"_s, roundTrip(OutgoingMessage{.content = u"hello"_s}, true)},
        {u"outgoing_message_poll"_s,
         roundTrip(
             OutgoingMessage{
                 .type = MessageType::Poll,
                 .clientMsgId = u"c-7a8b9c0d"_s,
                 .poll =
                     NewPoll{u"Lunch today?"_s, {u"Pizza"_s, u"Sushi"_s, u"Salad bar"_s}, true, true, t(9, 29, 12, 0)}},
             true)},
        {u"poll_vote"_s, roundTrip(PollVote{{u"o2"_s}})},
        {u"ai_ask"_s,
         roundTrip(AiAskRequest{u"When is the next release?"_s, u"We ship every second Thursday."_s, u"r_design"_s})},
        {u"message_edit"_s, roundTrip(MessageEdit{u"Let's ship it on Friday."_s})},
        {u"reaction"_s, roundTrip(NewReaction{u"🎉"_s})},
        {u"read_marker"_s, roundTrip(ReadMarker{u"m_01930f"_s})},
        {u"presence_change"_s, roundTrip(PresenceChange{PresenceStatus::Away, u"Back at 14:00 ☕"_s})},
        {u"typing_change"_s, roundTrip(TypingChange{false})},
        {u"account_erasure"_s, roundTrip(AccountErasure{u"correct horse battery staple"_s})},
        {u"password_change"_s, roundTrip(PasswordChange{u"correct horse battery staple"_s, u"tr0ub4dor&3 again"_s})},
    };
}

std::vector<std::pair<QString, BodyCheck>> responseCases()
{
    const User user = typeFixture<User>("user");
    const Room room = typeFixture<Room>("room_public");
    const Member member = typeFixture<Member>("member");
    const Message message = typeFixture<Message>("message_system");
    const OffsetPagination offsets = loadFixture(u"types/offset_pagination.json"_s).get<OffsetPagination>();
    const CursorPagination cursor = loadFixture(u"types/cursor_pagination.json"_s).get<CursorPagination>();
    const Ban ban{u"r_design"_s, u"u_bob02"_s, u"u_carol03"_s, u"Repeated spam"_s, t(9, 29, 10, 25), t(10, 6, 10, 25)};
    const Ban permanent{u"r_design"_s, u"u_eve05"_s, u"u_alice01"_s, QString(), t(9, 28, 8, 0), 0};
    return {
        {u"signed_in"_s, roundTrip(SignedIn{u"cfb_7Yq2mX9vR4tL8wK1pN6sD3hF5jG0aZcE"_s, user})},
        {u"room_page"_s, roundTrip(RoomPage{{room}, offsets})},
        {u"member_page"_s, roundTrip(MemberPage{{member},
                                                offsets,
                                                u"WzEsIm1vZGVyYXRvciIsImNhcm9sIGRpYXoiLCJ1X2Nhcm9sMDMiXQ"_s,
                                                MemberSections{1, 0, 2, 9, 45},
                                                member})},
        {u"message_page"_s, roundTrip(MessagePage{{message}, cursor})},
        {u"message_page_around"_s, roundTrip(MessagePage{{message}, cursor, true, false})},
        {u"search_results"_s,
         roundTrip(SearchResults{{SearchHit{message, u"Carol Diaz joined the room"_s, {TextRange{11, 6}}}}})},
        {u"ban"_s, roundTrip(ban)},
        {u"ban_list"_s, roundTrip(BanList{{ban, permanent}})},
        {u"pin_list"_s, roundTrip(PinList{{message}})},
        {u"presence_list"_s, roundTrip(PresenceList{{typeFixture<Presence>("presence")}})},
        {u"audit_page"_s, roundTrip(AuditPage{{typeFixture<AuditEntry>("audit_entry")}})},
        {u"ai_ask"_s,
         roundTrip(AiAskAnswer{u"The next release is on Thursday."_s, {u"m_0192ab"_s, u"m_01930f"_s}, 0.9, 1834})},
    };
}

// Decodes `j` as the struct of the fixture `path` ("requests/ban.json").
void decodeAs(const QString &path, const json &j)
{
    static const std::map<QString, std::function<void(const json &)>> decoders{
        {u"requests/register"_s, [](const json &v) { v.get<RegisterRequest>(); }},
        {u"requests/login"_s, [](const json &v) { v.get<LoginRequest>(); }},
        {u"requests/profile_change"_s, [](const json &v) { v.get<ProfileChange>(); }},
        {u"requests/profile_change_avatar_file"_s, [](const json &v) { v.get<ProfileChange>(); }},
        {u"requests/room_settings_change"_s, [](const json &v) { v.get<RoomSettingsChange>(); }},
        {u"requests/new_room"_s, [](const json &v) { v.get<NewRoom>(); }},
        {u"requests/new_room_direct"_s, [](const json &v) { v.get<NewRoom>(); }},
        {u"requests/room_change"_s, [](const json &v) { v.get<RoomChange>(); }},
        {u"requests/member_invite"_s, [](const json &v) { v.get<MemberInvite>(); }},
        {u"requests/member_change"_s, [](const json &v) { v.get<MemberChange>(); }},
        {u"requests/kick"_s, [](const json &v) { v.get<KickRequest>(); }},
        {u"requests/ban"_s, [](const json &v) { v.get<BanRequest>(); }},
        {u"requests/outgoing_message"_s, [](const json &v) { v.get<OutgoingMessage>(); }},
        {u"requests/outgoing_message_poll"_s, [](const json &v) { v.get<OutgoingMessage>(); }},
        {u"requests/poll_vote"_s, [](const json &v) { v.get<PollVote>(); }},
        {u"requests/ai_ask"_s, [](const json &v) { v.get<AiAskRequest>(); }},
        {u"responses/ai_ask"_s, [](const json &v) { v.get<AiAskAnswer>(); }},
        {u"requests/message_edit"_s, [](const json &v) { v.get<MessageEdit>(); }},
        {u"requests/reaction"_s, [](const json &v) { v.get<NewReaction>(); }},
        {u"requests/read_marker"_s, [](const json &v) { v.get<ReadMarker>(); }},
        {u"requests/presence_change"_s, [](const json &v) { v.get<PresenceChange>(); }},
        {u"requests/typing_change"_s, [](const json &v) { v.get<TypingChange>(); }},
        {u"requests/account_erasure"_s, [](const json &v) { v.get<AccountErasure>(); }},
        {u"requests/password_change"_s, [](const json &v) { v.get<PasswordChange>(); }},
        {u"responses/signed_in"_s, [](const json &v) { v.get<SignedIn>(); }},
        {u"responses/room_page"_s, [](const json &v) { v.get<RoomPage>(); }},
        {u"responses/member_page"_s, [](const json &v) { v.get<MemberPage>(); }},
        {u"responses/message_page"_s, [](const json &v) { v.get<MessagePage>(); }},
        {u"responses/message_page_around"_s, [](const json &v) { v.get<MessagePage>(); }},
        {u"responses/search_results"_s, [](const json &v) { v.get<SearchResults>(); }},
        {u"responses/ban"_s, [](const json &v) { v.get<Ban>(); }},
        {u"responses/ban_list"_s, [](const json &v) { v.get<BanList>(); }},
        {u"responses/pin_list"_s, [](const json &v) { v.get<PinList>(); }},
        {u"responses/presence_list"_s, [](const json &v) { v.get<PresenceList>(); }},
        {u"responses/audit_page"_s, [](const json &v) { v.get<AuditPage>(); }},
    };
    const QString key = path.chopped(int(qstrlen(".json")));
    auto it = decoders.find(key);
    if (it == decoders.end())
        throw std::logic_error("no decoder for fixture " + path.toStdString());
    it->second(j);
}

json setTo(const std::string &pointer, json value)
{
    return json::array({{{"op", "replace"}, {"path", pointer}, {"value", std::move(value)}}});
}
json with(const std::string &pointer, json value)
{
    return json::array({{{"op", "add"}, {"path", pointer}, {"value", std::move(value)}}});
}
json without(const std::string &pointer) { return json::array({{{"op", "remove"}, {"path", pointer}}}); }

} // namespace bodytest

using namespace bodytest;

void TestCore::restBodyRoundTrip_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<BodyCheck>("check");
    for (const auto &[name, check] : requestCases())
        QTest::newRow(qPrintable(u"request "_s + name)) << u"requests/%1.json"_s.arg(name) << check;
    for (const auto &[name, check] : responseCases())
        QTest::newRow(qPrintable(u"response "_s + name)) << u"responses/%1.json"_s.arg(name) << check;
}

void TestCore::restBodyRoundTrip()
{
    QFETCH(QString, fixture);
    QFETCH(BodyCheck, check);
    json j;
    try {
        j = loadFixture(fixture);
    } catch (const std::exception &e) {
        QFAIL(e.what());
    }
    const QStringList problems = check.run(j);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n    "_s)));
}

// Every fixture in requests/ and responses/ has a round-trip row, so none is left unchecked.
void TestCore::everyRestBodyFixtureChecked()
{
    QSet<QString> covered;
    for (const auto &[name, check] : requestCases())
        covered.insert(u"requests/"_s + name);
    for (const auto &[name, check] : responseCases())
        covered.insert(u"responses/"_s + name);
    for (const QString &dir : {u"requests"_s, u"responses"_s}) {
        const QStringList files = QDir(fixturePath(dir)).entryList({u"*.json"_s}, QDir::Files);
        QVERIFY2(!files.isEmpty(), qPrintable(dir));
        for (const QString &f : files)
            QVERIFY2(covered.contains(dir + u'/' + f.chopped(5)), qPrintable(u"no round-trip row for "_s + f));
    }
}

void TestCore::restBodyMalformed_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<json>("change"); // a JSON patch applied to the fixture
    QTest::addColumn<QString>("field");
    auto row = [](const char *name, const char *fixture, json change, const char *field) {
        QTest::newRow(name) << QString::fromUtf8(fixture) << std::move(change) << QString::fromUtf8(field);
    };

    // requests: one wrong field each, plus the rules the server has always applied
    row("register.password number", "requests/register.json", setTo("/password", 12345678), "password");
    row("register without username", "requests/register.json", without("/username"), "username");
    row("register.displayName 201", "requests/register.json", setTo("/displayName", std::string(201, 'd')),
        "displayName");
    row("login.username null", "requests/login.json", setTo("/username", nullptr), "username");
    row("login.remember", "requests/login.json", with("/remember", true), "remember");
    row("profile.displayName null", "requests/profile_change.json", setTo("/displayName", nullptr), "displayName");
    row("profile.avatar number", "requests/profile_change.json", setTo("/avatar", 1), "avatar");
    row("settings.slowModeSeconds 86401", "requests/room_settings_change.json", setTo("/slowModeSeconds", 86401),
        "slowModeSeconds");
    row("settings.wordFilterAction", "requests/room_settings_change.json", setTo("/wordFilterAction", "drop"),
        "wordFilterAction");
    row("settings.wordFilter[1] number", "requests/room_settings_change.json", setTo("/wordFilter/1", 3),
        "wordFilter[1]");
    row("new_room without name", "requests/new_room.json", without("/name"), "name");
    row("new_room blank name", "requests/new_room.json", setTo("/name", "   "), "name");
    row("new_room.type", "requests/new_room.json", setTo("/type", "channel"), "type");
    row("new_room.maxMembers 1", "requests/new_room.json", setTo("/maxMembers", 1), "maxMembers");
    row("new_room.allowInvites null", "requests/new_room.json", setTo("/allowInvites", nullptr), "allowInvites");
    row("new_room.members[0] number", "requests/new_room.json", setTo("/members/0", 7), "members[0]");
    row("new_room.settings.maxFileSize", "requests/new_room.json", with("/settings/maxFileSize", -1),
        "settings.maxFileSize");
    row("new_room.settings.bogus", "requests/new_room.json", with("/settings/bogus", 1), "settings.bogus");
    row("new_room_direct.name number", "requests/new_room_direct.json", with("/name", 5), "name");
    row("room_change.name null", "requests/room_change.json", setTo("/name", nullptr), "name");
    row("room_change.maxMembers string", "requests/room_change.json", setTo("/maxMembers", "300"), "maxMembers");
    row("room_change.settings array", "requests/room_change.json", setTo("/settings", json::array()), "settings");
    row("room_change.settings.allowInvites string", "requests/room_change.json", setTo("/settings/allowInvites", "yes"),
        "settings.allowInvites");
    row("member_invite.userId 65", "requests/member_invite.json", setTo("/userId", std::string(65, 'u')), "userId");
    row("member_change.role", "requests/member_change.json", setTo("/role", "owner-ish"), "role");
    row("member_change.isMuted null", "requests/member_change.json", setTo("/isMuted", nullptr), "isMuted");
    row("member_change.mutedUntil number", "requests/member_change.json", setTo("/mutedUntil", 1759147200000),
        "mutedUntil");
    row("ai_ask.question blank", "requests/ai_ask.json", setTo("/question", "  "), "question");
    row("ai_ask.roomId number", "requests/ai_ask.json", setTo("/roomId", 7), "roomId");
    row("ai_ask answer confidence 2", "responses/ai_ask.json", setTo("/confidence", 2), "confidence");
    row("kick.reason 501", "requests/kick.json", setTo("/reason", std::string(501, 'r')), "reason");
    row("ban.durationSeconds negative", "requests/ban.json", setTo("/durationSeconds", -1), "durationSeconds");
    row("ban.durationSeconds over 100 years", "requests/ban.json", setTo("/durationSeconds", 3153600001LL),
        "durationSeconds");
    row("outgoing without content", "requests/outgoing_message.json", without("/content"), "content");
    row("outgoing.type", "requests/outgoing_message.json", setTo("/type", "sticker"), "type");
    row("outgoing.attachments[0]", "requests/outgoing_message.json", setTo("/attachments/0", ""), "attachments[0]");
    row("message_edit.content array", "requests/message_edit.json", setTo("/content", json::array()), "content");
    row("reaction.emoji 33", "requests/reaction.json", setTo("/emoji", std::string(33, 'e')), "emoji");
    row("read_marker without messageId", "requests/read_marker.json", without("/messageId"), "messageId");
    row("presence_change.status", "requests/presence_change.json", setTo("/status", "invisible"), "status");
    row("presence_change.customStatus 101", "requests/presence_change.json",
        setTo("/customStatus", std::string(101, 's')), "customStatus");

    // answers: one wrong field each, named by its path
    row("signed_in without token", "responses/signed_in.json", without("/token"), "token");
    row("signed_in.user.role", "responses/signed_in.json", setTo("/user/role", "root"), "user.role");
    row("room_page.rooms[0].type", "responses/room_page.json", setTo("/rooms/0/type", "channel"), "rooms[0].type");
    row("room_page.pagination.total", "responses/room_page.json", setTo("/pagination/total", "57"), "pagination.total");
    row("member_page.members[0].role", "responses/member_page.json", without("/members/0/role"), "members[0].role");
    row("message_page.pagination.limit", "responses/message_page.json", setTo("/pagination/limit", nullptr),
        "pagination.limit");
    row("message_page.messages object", "responses/message_page.json", setTo("/messages", json::object()), "messages");
    row("search_results[0].snippet number", "responses/search_results.json", setTo("/results/0/snippet", 1),
        "results[0].snippet");
    row("search_results[0].highlights past the end", "responses/search_results.json",
        setTo("/results/0/highlights/0/length", 99), "results[0].highlights");
    row("message_page_around.pagination.hasMoreAfter", "responses/message_page_around.json",
        setTo("/pagination/hasMoreAfter", "no"), "pagination.hasMoreAfter");
    row("ban.until", "responses/ban.json", setTo("/until", "next week"), "until");
    row("ban_list.bans[1].userId", "responses/ban_list.json", without("/bans/1/userId"), "bans[1].userId");
    row("pin_list.pins[0].seq", "responses/pin_list.json", setTo("/pins/0/seq", "1043"), "pins[0].seq");
    row("presence_list.presence[0].status", "responses/presence_list.json", setTo("/presence/0/status", "idle"),
        "presence[0].status");
    row("audit_page.entries[0].bogus", "responses/audit_page.json", with("/entries/0/bogus", 1), "entries[0].bogus");
}

void TestCore::restBodyMalformed()
{
    QFETCH(QString, fixture);
    QFETCH(json, change);
    QFETCH(QString, field);
    json input;
    try {
        input = loadFixture(fixture).patch(change);
    } catch (const std::exception &e) {
        QFAIL(e.what());
    }
    try {
        decodeAs(fixture, input);
    } catch (const DecodeError &e) {
        QCOMPARE(e.field(), field);
        QCOMPARE(e.code(), ErrorCode::ValidationFailed);
        QVERIFY(!e.message().isEmpty());
        return;
    }
    QFAIL(qPrintable(u"accepted: "_s + dump(input)));
}

// What the server has always accepted: null as "reset to the default", a missing display name,
// a direct room without a name, a kick or ban without reason.
void TestCore::restBodyDefaults()
{
    const RegisterRequest reg = json{{"username", "bob"}, {"password", "hunter22!"}}.get<RegisterRequest>();
    QCOMPARE(reg.displayName, u"bob"_s);

    const RoomChange change = json{{"avatar", nullptr}, {"settings", {{"slowModeSeconds", nullptr}}}}.get<RoomChange>();
    QCOMPARE(change.avatar, std::optional<QString>(QString()));
    QVERIFY(!change.name && !change.description && !change.maxMembers);
    QCOMPARE(change.settings.slowModeSeconds, std::optional<int>(0));
    RoomSettings settings;
    settings.slowModeSeconds = 60;
    settings.allowAnonymous = true;
    change.settings.applyTo(settings);
    QCOMPARE(settings.slowModeSeconds, 0);
    QVERIFY(settings.allowAnonymous); // not named: unchanged

    QCOMPARE(json::object().get<KickRequest>(), KickRequest{});
    QCOMPARE(json::object().get<BanRequest>().durationSeconds, qint64(0));
    // Nothing set, nothing sent.
    QVERIFY(json(BanRequest{}) == json::object());
    QVERIFY(json(ProfileChange{}) == json::object());
    QVERIFY(json(RoomChange{}) == json::object());
}
