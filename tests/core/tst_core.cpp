// SPDX-License-Identifier: GPL-3.0-or-later
// Error codes, enums, timestamps, ids and clocks; and the test executable's main.

#include "tst_core.h"

#include "coretest.h"

#include "core/clock.h"
#include "core/enums.h"
#include "core/ids.h"
#include "core/logline.h"
#include "core/memberorder.h"
#include "core/timeutil.h"
#include "core/validation.h"

#include <QDateTime>
#include <QDir>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <thread>

using namespace confab;
using namespace coretest;
using namespace Qt::Literals::StringLiterals;

namespace {

struct CodeExpectation {
    ErrorCode code;
    const char *name;
    int status;
};

// API.md: 400 BAD_REQUEST/INVALID_JSON, 401 UNAUTHORIZED, 403 FORBIDDEN, 404 *_NOT_FOUND,
// 409 CONFLICT, 413 PAYLOAD_TOO_LARGE, 422 VALIDATION_FAILED, 429 RATE_LIMITED, 500 INTERNAL.
// The rest are HTTP-level codes the project adds.
constexpr CodeExpectation kCodes[] = {
    {ErrorCode::BadRequest, "BAD_REQUEST", 400},
    {ErrorCode::InvalidJson, "INVALID_JSON", 400},
    {ErrorCode::Unauthorized, "UNAUTHORIZED", 401},
    {ErrorCode::Forbidden, "FORBIDDEN", 403},
    {ErrorCode::NotFound, "NOT_FOUND", 404},
    {ErrorCode::RoomNotFound, "ROOM_NOT_FOUND", 404},
    {ErrorCode::MessageNotFound, "MESSAGE_NOT_FOUND", 404},
    {ErrorCode::UserNotFound, "USER_NOT_FOUND", 404},
    {ErrorCode::FileNotFound, "FILE_NOT_FOUND", 404},
    {ErrorCode::UploadNotFound, "UPLOAD_NOT_FOUND", 404},
    {ErrorCode::Conflict, "CONFLICT", 409},
    {ErrorCode::PayloadTooLarge, "PAYLOAD_TOO_LARGE", 413},
    {ErrorCode::ValidationFailed, "VALIDATION_FAILED", 422},
    {ErrorCode::RateLimited, "RATE_LIMITED", 429},
    {ErrorCode::Internal, "INTERNAL", 500},
    // extensions
    {ErrorCode::MethodNotAllowed, "METHOD_NOT_ALLOWED", 405},
    {ErrorCode::RequestTimeout, "REQUEST_TIMEOUT", 408},
    {ErrorCode::UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", 415},
    {ErrorCode::ExpectationFailed, "EXPECTATION_FAILED", 417},
    {ErrorCode::HeadersTooLarge, "HEADERS_TOO_LARGE", 431},
    {ErrorCode::Unavailable, "UNAVAILABLE", 503},
};
constexpr int kErrorCodeCount = int(ErrorCode::Unavailable) + 1;

// Every value of an enum, lowest to highest, with its wire name as API.md spells it.
template<typename E> struct EnumTable;
template<> struct EnumTable<Role> {
    static constexpr std::pair<Role, const char *> values[] = {
        {Role::Member, "member"}, {Role::Moderator, "moderator"}, {Role::Admin, "admin"}, {Role::Owner, "owner"}};
};
template<> struct EnumTable<ServerRole> {
    static constexpr std::pair<ServerRole, const char *> values[] = {{ServerRole::User, "user"},
                                                                     {ServerRole::Admin, "admin"}};
};
template<> struct EnumTable<RoomType> {
    static constexpr std::pair<RoomType, const char *> values[] = {{RoomType::Public, "public"},
                                                                   {RoomType::Private, "private"},
                                                                   {RoomType::Direct, "direct"},
                                                                   {RoomType::Group, "group"},
                                                                   {RoomType::Announcement, "announcement"}};
};
template<> struct EnumTable<MessageType> {
    static constexpr std::pair<MessageType, const char *> values[] = {
        {MessageType::Text, "text"},     {MessageType::Image, "image"},           {MessageType::File, "file"},
        {MessageType::Audio, "audio"},   {MessageType::Video, "video"},           {MessageType::Poll, "poll"},
        {MessageType::System, "system"}, {MessageType::AiResponse, "ai_response"}};
};
template<> struct EnumTable<PresenceStatus> {
    static constexpr std::pair<PresenceStatus, const char *> values[] = {{PresenceStatus::Online, "online"},
                                                                         {PresenceStatus::Away, "away"},
                                                                         {PresenceStatus::Busy, "busy"},
                                                                         {PresenceStatus::Offline, "offline"}};
};
template<> struct EnumTable<ModerationLevel> {
    static constexpr std::pair<ModerationLevel, const char *> values[] = {
        {ModerationLevel::None, "none"}, {ModerationLevel::Basic, "basic"}, {ModerationLevel::Strict, "strict"}};
};
template<> struct EnumTable<ReactionAction> {
    static constexpr std::pair<ReactionAction, const char *> values[] = {{ReactionAction::Add, "add"},
                                                                         {ReactionAction::Remove, "remove"}};
};

template<typename E> const char *enumLabel();
template<> const char *enumLabel<Role>() { return "Role"; }
template<> const char *enumLabel<ServerRole>() { return "ServerRole"; }
template<> const char *enumLabel<RoomType>() { return "RoomType"; }
template<> const char *enumLabel<MessageType>() { return "MessageType"; }
template<> const char *enumLabel<PresenceStatus>() { return "PresenceStatus"; }
template<> const char *enumLabel<ModerationLevel>() { return "ModerationLevel"; }
template<> const char *enumLabel<ReactionAction>() { return "ReactionAction"; }

template<typename... E> struct EnumList {
    template<typename F> static void forEach(F &&f) { (f.template operator()<E>(), ...); }
};
using AllEnums = EnumList<Role, ServerRole, RoomType, MessageType, PresenceStatus, ModerationLevel, ReactionAction>;

// Whether `name` is known to the enum labelled `label`, and what it decodes to.
std::optional<int> fromWire(const QString &label, const QString &name)
{
    std::optional<int> out;
    bool found = false;
    AllEnums::forEach([&]<typename E>() {
        if (label == QLatin1String(enumLabel<E>())) {
            found = true;
            if (auto v = enumFromString<E>(name))
                out = int(*v);
        }
    });
    if (!found)
        qFatal("unknown enum label");
    return out;
}

QString toWire(const QString &label, int value)
{
    QString out;
    AllEnums::forEach([&]<typename E>() {
        if (label == QLatin1String(enumLabel<E>()))
            out = toString(E(value));
    });
    return out;
}

} // namespace

void TestCore::initTestCase()
{
    const QString dir = fixtureDir();
    QVERIFY2(QDir(dir).exists(), qPrintable(u"no fixtures at "_s + dir + u" (set CONFAB_FIXTURES)"_s));
    QVERIFY(QDir(dir + u"/types"_s).exists());
}

// ---- error codes --------------------------------------------------------------------------------

void TestCore::errorCodes_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("status");
    for (const auto &c : kCodes)
        QTest::newRow(c.name) << c.code << QString::fromLatin1(c.name) << c.status;
}

void TestCore::errorCodes()
{
    QFETCH(ErrorCode, code);
    QFETCH(QString, name);
    QFETCH(int, status);
    QCOMPARE(errorCodeName(code), name);
    QCOMPARE(httpStatus(code), status);
    ErrorCode back = name == u"INTERNAL"_s ? ErrorCode::BadRequest : ErrorCode::Internal;
    QVERIFY(errorCodeFromName(name, back));
    QCOMPARE(back, code);
}

void TestCore::everyErrorCodeListed()
{
    QCOMPARE(int(std::size(kCodes)), kErrorCodeCount);
    QSet<QString> names;
    static const QRegularExpression shape(u"^[A-Z]+(_[A-Z]+)*$"_s);
    for (int i = 0; i < kErrorCodeCount; ++i) {
        const auto code = ErrorCode(i);
        const QString name = errorCodeName(code);
        QVERIFY2(shape.match(name).hasMatch(), qPrintable(u"code %1 has the name \"%2\""_s.arg(i).arg(name)));
        QVERIFY2(!names.contains(name), qPrintable(u"duplicate name "_s + name));
        names.insert(name);
        int listed = 0;
        for (const auto &c : kCodes)
            listed += c.code == code;
        QVERIFY2(listed == 1, qPrintable(name));
        ErrorCode back{};
        QVERIFY(errorCodeFromName(name, back));
        QCOMPARE(back, code);
        const int status = httpStatus(code);
        QVERIFY2(status >= 400 && status <= 599, qPrintable(name));
        if (name.endsWith(u"_NOT_FOUND"_s) || name == u"NOT_FOUND"_s)
            QCOMPARE(status, 404);
    }
}

void TestCore::unknownErrorCodeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("lower case") << u"room_not_found"_s;
    QTest::newRow("mixed case") << u"Forbidden"_s;
    QTest::newRow("trailing space") << u"FORBIDDEN "_s;
    QTest::newRow("made up") << u"TEAPOT"_s;
    QTest::newRow("status number") << u"404"_s;
}

void TestCore::unknownErrorCodeNames()
{
    QFETCH(QString, name);
    ErrorCode out = ErrorCode::Conflict;
    QVERIFY(!errorCodeFromName(name, out));
    QCOMPARE(out, ErrorCode::Conflict); // untouched
}

void TestCore::decodeErrorAndApiError()
{
    const DecodeError e(ErrorCode::ValidationFailed, u"settings.maxFileSize"_s, u"is out of range"_s);
    QCOMPARE(e.code(), ErrorCode::ValidationFailed);
    QCOMPARE(e.field(), u"settings.maxFileSize"_s);
    QCOMPARE(e.message(), u"is out of range"_s);
    QCOMPARE(QByteArray(e.what()), QByteArray("settings.maxFileSize: is out of range"));
    const ApiError api = e.toApiError();
    QCOMPARE(api, (ApiError{ErrorCode::ValidationFailed, u"is out of range"_s, u"settings.maxFileSize"_s, 0}));

    const DecodeError noField(ErrorCode::InvalidJson, {}, u"invalid JSON: unexpected end of input"_s);
    QCOMPARE(QByteArray(noField.what()), QByteArray("invalid JSON: unexpected end of input"));

    // Thrown and caught as a std::exception too.
    try {
        throw DecodeError(ErrorCode::BadRequest, u"type"_s, u"is required"_s);
    } catch (const std::exception &ex) {
        QCOMPARE(QByteArray(ex.what()), QByteArray("type: is required"));
    }
}

// ---- enums --------------------------------------------------------------------------------------

void TestCore::enumWireNames_data()
{
    QTest::addColumn<QString>("enumName");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("wire");
    AllEnums::forEach([]<typename E>() {
        for (const auto &[value, wire] : EnumTable<E>::values) {
            const QString tag = QString::fromLatin1(enumLabel<E>()) + QLatin1Char(' ') + QString::fromLatin1(wire);
            QTest::newRow(qPrintable(tag))
                << QString::fromLatin1(enumLabel<E>()) << int(value) << QString::fromLatin1(wire);
        }
    });
}

void TestCore::enumWireNames()
{
    QFETCH(QString, enumName);
    QFETCH(int, value);
    QFETCH(QString, wire);
    QCOMPARE(toWire(enumName, value), wire);
    QCOMPARE(fromWire(enumName, wire), std::optional<int>(value));
}

void TestCore::enumsComplete()
{
    AllEnums::forEach([]<typename E>() {
        const auto &table = EnumTable<E>::values;
        QStringList wires;
        for (std::size_t i = 0; i < std::size(table); ++i) {
            QCOMPARE(int(table[i].first), int(i)); // the table lists every value, in order
            wires << QString::fromLatin1(table[i].second);
        }
        // Nothing past the last value has a name.
        QVERIFY2(toString(E(int(std::size(table)))).isEmpty(), enumLabel<E>());
        QCOMPARE(enumNames<E>(), wires.join(u", "_s));
        QCOMPARE(QSet<QString>(wires.begin(), wires.end()).size(), wires.size());
    });
    // Roles are ordered: a higher role outranks a lower one.
    QVERIFY(Role::Member < Role::Moderator);
    QVERIFY(Role::Moderator < Role::Admin);
    QVERIFY(Role::Admin < Role::Owner);
}

void TestCore::unknownEnumNames_data()
{
    QTest::addColumn<QString>("enumName");
    QTest::addColumn<QString>("input");
    // Near misses of each enum's names.
    const std::pair<const char *, const char *> nearMisses[] = {
        {"Role", "Owner"},
        {"Role", "owners"},
        {"Role", "superuser"},
        {"ServerRole", "Admin"},
        {"ServerRole", "administrator"},
        {"RoomType", "Public"},
        {"RoomType", "dm"},
        {"RoomType", "channel"},
        {"MessageType", "ai-response"},
        {"MessageType", "aiResponse"},
        {"MessageType", "AI_RESPONSE"},
        {"MessageType", "sticker"},
        {"PresenceStatus", "invisible"},
        {"PresenceStatus", "dnd"},
        {"PresenceStatus", "Online"},
        {"ModerationLevel", "medium"},
        {"ModerationLevel", "NONE"},
        {"ReactionAction", "toggle"},
        {"ReactionAction", "Add"},
    };
    for (const auto &[label, input] : nearMisses)
        QTest::newRow(qPrintable(QString::fromLatin1(label) + u" "_s + QString::fromLatin1(input)))
            << QString::fromLatin1(label) << QString::fromLatin1(input);
    // Junk, for every enum.
    const QString junk[] = {QString(),         u" "_s, u"member "_s, u" admin"_s, u"text\n"_s, u"on\u200Bline"_s,
                            QString(QChar(0)), u"0"_s, u"null"_s};
    AllEnums::forEach([&]<typename E>() {
        int i = 0;
        for (const QString &input : junk) {
            const QString tag = u"%1 junk %2"_s.arg(QString::fromLatin1(enumLabel<E>())).arg(i++);
            QTest::newRow(qPrintable(tag)) << QString::fromLatin1(enumLabel<E>()) << input;
        }
    });
}

void TestCore::unknownEnumNames()
{
    QFETCH(QString, enumName);
    QFETCH(QString, input);
    QCOMPARE(fromWire(enumName, input), std::optional<int>());
}

// ---- timestamps ---------------------------------------------------------------------------------

void TestCore::timestampRoundTrip_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("iso");
    QTest::newRow("API.md's example") << qint64(1759141500123) << u"2025-09-29T10:25:00.123Z"_s;
    QTest::newRow("epoch") << qint64(0) << u"1970-01-01T00:00:00.000Z"_s;
    QTest::newRow("one ms") << qint64(1) << u"1970-01-01T00:00:00.001Z"_s;
    QTest::newRow("leap day") << utc(2000, 2, 29, 0, 0, 0, 0) << u"2000-02-29T00:00:00.000Z"_s;
    QTest::newRow("end of year") << utc(2023, 12, 31, 23, 59, 59, 999) << u"2023-12-31T23:59:59.999Z"_s;
    QTest::newRow("far future") << utc(2099, 12, 31, 23, 59, 59, 1) << u"2099-12-31T23:59:59.001Z"_s;
    QTest::newRow("before 1970") << qint64(-1) << u"1969-12-31T23:59:59.999Z"_s;
}

void TestCore::timestampRoundTrip()
{
    QFETCH(qint64, ms);
    QFETCH(QString, iso);
    QCOMPARE(formatTimestamp(ms), iso);
    QCOMPARE(parseTimestamp(iso), std::optional<qint64>(ms));
    QCOMPARE(parseTimestamp(formatTimestamp(ms + 86400000)), std::optional<qint64>(ms + 86400000));

    // Other spellings of the same instant are read too, and written the one way.
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    const QString plus2 = t.toOffsetFromUtc(7200).toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u"+02:00"_s;
    QCOMPARE(parseTimestamp(plus2), std::optional<qint64>(ms));
    const QString minus5 = t.toOffsetFromUtc(-18000).toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u"-05:00"_s;
    QCOMPARE(parseTimestamp(minus5), std::optional<qint64>(ms));
    if (ms % 1000 == 0) {
        QCOMPARE(parseTimestamp(iso.left(19) + u"Z"_s), std::optional<qint64>(ms));
    }
}

void TestCore::badTimestamps_data()
{
    QTest::addColumn<QString>("input");
    auto row = [](const char *name, const QString &input) { QTest::newRow(name) << input; };
    row("empty", QString());
    row("words", u"yesterday"_s);
    row("epoch ms", u"1759141500123"_s);
    row("date only", u"2025-09-29"_s);
    row("no seconds", u"2025-09-29T10:25Z"_s);
    row("no zone", u"2025-09-29T10:25:00.123"_s);
    row("space separator", u"2025-09-29 10:25:00.123Z"_s);
    row("lower case t and z", u"2025-09-29t10:25:00.123z"_s);
    row("leading space", u" 2025-09-29T10:25:00.123Z"_s);
    row("trailing space", u"2025-09-29T10:25:00.123Z "_s);
    row("trailing newline", u"2025-09-29T10:25:00.123Z\n"_s);
    row("trailing junk", u"2025-09-29T10:25:00.123Zjunk"_s);
    row("month 13", u"2025-13-01T00:00:00.000Z"_s);
    row("February 30", u"2025-02-30T00:00:00.000Z"_s);
    row("February 29 of a common year", u"2025-02-29T00:00:00.000Z"_s);
    row("hour 25", u"2025-09-29T25:00:00.000Z"_s);
    row("minute 60", u"2025-09-29T10:60:00.000Z"_s);
    row("second 61", u"2025-09-29T10:25:61.000Z"_s);
    row("one-digit month", u"2025-9-29T10:25:00.123Z"_s);
    row("basic format", u"20250929T102500.123Z"_s);
    row("one-digit offset hour", u"2025-09-29T10:25:00.123+2:00"_s);
    row("offset without colon", u"2025-09-29T10:25:00.123+0200"_s);
    row("empty fraction", u"2025-09-29T10:25:00.Z"_s);
    row("signed year", u"+2025-09-29T10:25:00.123Z"_s);
    row("full-width digits", u"２０２５-09-29T10:25:00.123Z"_s);
}

void TestCore::badTimestamps()
{
    QFETCH(QString, input);
    const auto parsed = parseTimestamp(input);
    QVERIFY2(!parsed, qPrintable(u"accepted as "_s + QString::number(parsed.value_or(0))));
}

// ---- ids and clocks ------------------------------------------------------------------------------

void TestCore::randomIds()
{
    RandomIdGenerator gen;
    IdGenerator &ids = gen;
    static const QRegularExpression shape(u"^m_[0-9a-hjkmnp-tv-z]{26}$"_s); // Crockford base32, lower case
    QSet<QString> seen;
    for (int i = 0; i < 10000; ++i) {
        const QString id = ids.newId(u"m");
        QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 10000);
    const QString room = ids.newId(u"r");
    QVERIFY(room.startsWith(u"r_"_s));
    QVERIFY2(!validateId(room, u"roomId"_s), qPrintable(room)); // ids pass the id check
    QVERIFY(!validateId(*seen.begin(), u"messageId"_s));
}

void TestCore::sequentialIds()
{
    SequentialIdGenerator gen;
    IdGenerator &ids = gen;
    QCOMPARE(ids.newId(u"r"), u"r_1"_s);
    QCOMPARE(ids.newId(u"r"), u"r_2"_s);
    QCOMPARE(ids.newId(u"m"), u"m_3"_s); // one counter for every prefix
    SequentialIdGenerator other;
    QCOMPARE(other.newId(u"u"), u"u_1"_s); // each generator starts over

    // Thread-safe: concurrent callers never get the same id.
    SequentialIdGenerator shared;
    constexpr int kThreads = 4;
    constexpr int kEach = 500;
    std::vector<QStringList> got(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&shared, &got, t] {
            for (int i = 0; i < kEach; ++i)
                got[std::size_t(t)] << shared.newId(u"x");
        });
    }
    for (auto &th : threads)
        th.join();
    QSet<QString> all;
    for (const auto &list : got)
        all.unite(QSet<QString>(list.begin(), list.end()));
    QCOMPARE(all.size(), kThreads * kEach);
    QVERIFY(all.contains(u"x_1"_s));
    QVERIFY(all.contains(u"x_%1"_s.arg(kThreads * kEach)));
    QCOMPARE(shared.newId(u"x"), u"x_%1"_s.arg(kThreads * kEach + 1));
}

void TestCore::clocks()
{
    ManualClock manual;
    const Clock &clock = manual;
    QCOMPARE(clock.nowMs(), qint64(1759141500000));
    QCOMPARE(formatTimestamp(clock.nowMs()), u"2025-09-29T10:25:00.000Z"_s);
    QCOMPARE(clock.nowMs(), clock.nowMs()); // does not move by itself
    manual.advance(1500);
    QCOMPARE(clock.nowMs(), qint64(1759141501500));
    manual.advance(-500);
    QCOMPARE(clock.nowMs(), qint64(1759141501000));
    manual.set(utc(2030, 1, 1, 0, 0, 0, 0));
    QCOMPARE(formatTimestamp(clock.nowMs()), u"2030-01-01T00:00:00.000Z"_s);
    QCOMPARE(ManualClock(42).nowMs(), qint64(42));

    SystemClock system;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const qint64 now = static_cast<const Clock &>(system).nowMs();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(now >= before && now <= after);
}

void TestCore::memberOrder()
{
    const auto member = [](const char *id, const char *name, Role role, bool online) {
        Member m;
        m.userId = QString::fromLatin1(id);
        m.displayName = QString::fromUtf8(name);
        m.role = role;
        m.isOnline = online;
        return m;
    };
    std::vector<Member> list{member("u_5", "zoë", Role::Member, false),  member("u_4", "Bea", Role::Member, false),
                             member("u_3", "Ann", Role::Owner, false),   member("u_2", "bob", Role::Member, true),
                             member("u_1", "Cy", Role::Moderator, true), member("u_0", "bea", Role::Member, false)};
    std::sort(list.begin(), list.end(), memberSortsBefore);
    QStringList ids;
    for (const Member &m : list)
        ids << m.userId;
    // Online first (by role: the moderator, then the member), then offline by role, then by
    // case-folded name ("Bea" and "bea" tie: by id), then "zoë".
    QCOMPARE(ids, (QStringList{u"u_1"_s, u"u_2"_s, u"u_3"_s, u"u_0"_s, u"u_4"_s, u"u_5"_s}));
    QCOMPARE(memberSection(list[0]), MemberSection::Moderator);
    QCOMPARE(memberSection(list[1]), MemberSection::Online);
    QCOMPARE(memberSection(list[2]), MemberSection::Offline);
}

void TestCore::memberCursor()
{
    Member m;
    m.userId = u"u_carol03"_s;
    m.displayName = u"Carol Díaz"_s;
    m.role = Role::Moderator;
    m.isOnline = true;
    const MemberOrderKey key = MemberOrderKey::of(m);
    const MemberOrderKey back = MemberOrderKey::decode(key.encode());
    QVERIFY(!(key < back) && !(back < key));
    QCOMPARE(back.name, u"carol díaz"_s);
    // What is not a cursor is refused, naming the field.
    for (const QByteArray &bad :
         {QByteArray("%%%"), QByteArray("WzFd") /* [1] */,
          QByteArray("WzEsImtpbmciLCJhIiwidSJd") /* [1,"king","a","u"] */, QByteArray(2000, 'A')}) {
        try {
            (void)MemberOrderKey::decode(bad);
            QFAIL(bad.constData());
        } catch (const DecodeError &e) {
            QCOMPARE(e.field(), u"cursor"_s);
        }
    }
}

void TestCore::logLines()
{
    // The one shape both the client's log file and the server's JSON log use for these parts.
    QCOMPARE(QByteArray(confab::LogLine::levelName(QtDebugMsg)), QByteArray("debug"));
    QCOMPARE(QByteArray(confab::LogLine::levelName(QtInfoMsg)), QByteArray("info"));
    QCOMPARE(QByteArray(confab::LogLine::levelName(QtWarningMsg)), QByteArray("warning"));
    QCOMPARE(QByteArray(confab::LogLine::levelName(QtCriticalMsg)), QByteArray("error"));
    QCOMPARE(QByteArray(confab::LogLine::levelName(QtFatalMsg)), QByteArray("fatal"));
    QCOMPARE(QByteArray(confab::LogLine::categoryName(nullptr)), QByteArray("default"));
    QCOMPARE(QByteArray(confab::LogLine::categoryName("")), QByteArray("default"));
    QCOMPARE(QByteArray(confab::LogLine::categoryName("confab.http")), QByteArray("confab.http"));
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(1765149077123, QTimeZone(3600));
    QCOMPARE(confab::LogLine::timestamp(at), QByteArray("2025-12-07T23:11:17.123Z"));
    QCOMPARE(confab::LogLine::timestamped(at, QtWarningMsg, "confab.sync", QStringLiteral("gap filled: ünïcode")),
             QByteArray("2025-12-07T23:11:17.123Z warning confab.sync: gap filled: ") +
                 QStringLiteral("ünïcode").toUtf8());
}

QTEST_GUILESS_MAIN(TestCore)
