// SPDX-License-Identifier: GPL-3.0-or-later
// The REST API of API.md against a real confab-server process: every endpoint, its errors, and
// what each room role may do.

#include "apitestutil.h"

#include "server/rest/loginthrottle.h"

#include "core/clock.h"
#include "core/jsondocument.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTcpSocket>

#include <algorithm>

#include <unistd.h>

using namespace confab::test;

namespace {

const QString kPassword = QStringLiteral("correct horse");

bool isIsoTime(const json &j)
{
    static const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
    return j.is_string() && iso.match(qs(j)).hasMatch();
}

QDateTime parseIso(const json &j) { return QDateTime::fromString(qs(j), Qt::ISODateWithMs); }

// The HTTP status of a sign-in sent from another loopback address (127.0.0.N), as a client on
// another machine would; 0 when no answer came.
int loginFrom(const QString &sourceAddress, quint16 port, const QString &username, const QString &password)
{
    QTcpSocket socket;
    if (!socket.bind(QHostAddress(sourceAddress)))
        return 0;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return 0;
    const QByteArray body = confab::toJsonBytes(json{{"username", ss(username)}, {"password", ss(password)}});
    socket.write("POST /v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nConnection: close\r\n"
                 "Content-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    while (!answer.contains("\r\n") && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    const QList<QByteArray> statusLine = answer.left(answer.indexOf("\r\n")).split(' ');
    return statusLine.size() >= 2 ? statusLine.at(1).toInt() : 0;
}

QStringList idsOf(const json &list, const char *key)
{
    QStringList out;
    for (const json &item : list)
        out << qs(item[key]);
    return out;
}

json memberIn(const json &members, const QString &userId)
{
    for (const json &m : members) {
        if (qs(m["userId"]) == userId)
            return m;
    }
    return nullptr;
}

// Sends raw bytes on a new connection and returns the status line's code of the first answer (0
// if none came within timeoutMs), leaving the rest of the request unsent.
int rawStatus(const TestServer &server, const QByteArray &bytes, QByteArray *answer = nullptr, int timeoutMs = 5000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
        return 0;
    socket.write(bytes);
    QByteArray received;
    const bool answered = QTest::qWaitFor(
        [&] {
            received += socket.readAll();
            return received.contains("\r\n\r\n");
        },
        timeoutMs);
    if (answer)
        *answer = received;
    if (!answered)
        return 0;
    const QList<QByteArray> statusLine = received.left(received.indexOf("\r\n")).split(' ');
    return statusLine.size() >= 2 ? statusLine[1].toInt() : 0;
}

// utime + stime of a process, in clock ticks (/proc/<pid>/stat fields 14 and 15).
qint64 cpuTicks(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 12 ? fields[11].toLongLong() + fields[12].toLongLong() : -1;
}

bool runRoot(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QByteArray bodyBytes(const json &j)
{
    const std::string s = j.dump();
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace

class TestRest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // accounts
    void registerAccounts();
    void registerValidation_data();
    void registerValidation();
    void registerDuplicateIsCaseInsensitive();
    void loginAndWrongCredentials();
    void loginLockoutPerUsername();
    void loginThrottleBackoffAndBound();
    void logoutRevokesToken();
    void meGetAndPatch();
    void avatarUrls_data();
    void avatarUrls();
    void deleteAccount();
    void missingOrGarbageToken();

    // rooms and members
    void createEachRoomType();
    void directRoomIsReused();
    void listFiltersAndPagination();
    void privateRoomIsInvisible();
    void updateRoomPermissions();
    void deleteRoomPermissions();
    void joinAndLeave();
    void ownerCannotLeaveWhileOthersStay();
    void membersAndInvite();
    void roleChanges();
    void muteAndUnmute();
    void kickRemovesAccess();
    void banAndUnban();

    // messages
    void sendMessage();
    void contentRules();
    void idempotentClientMsgId();
    void historyPagination();
    void replies();
    void editMessages();
    void deleteMessages();
    void reactions();
    void readReceiptsResetUnread();
    void pins();
    void search();
    void announcementRoom();
    void slowMode();
    void anonymousPosts();

    // presence, audit, operations
    void presence();
    void presenceNeedsASharedRoom();
    void auditLog();
    void auditLogPaging();
    void healthAndMetrics();
    void httpErrors();
    void oversizedBody();
    void refusedOnTheHeaders_data();
    void refusedOnTheHeaders();
    void healthDegradedWhenWritesFail();
    void descriptorExhaustion();
    void requestRateLimit();

private:
    // A public room owned by bob with the given members joined, and optional roles given by bob.
    QString roomWith(const QString &name, const QList<const Account *> &joiners,
                     const QString &type = QStringLiteral("public"));
    bool setRole(const QString &roomId, const Account &who, const QString &role);

    TestServer m_server;
    Account m_alice; // first account: server admin
    Account m_bob;   // owns most rooms below
    Account m_carol;
    Account m_dave;
    Account m_erin;
};

void TestRest::initTestCase()
{
    QVERIFY(m_server.start({QStringLiteral("--insecure-fast-password-hashing"), QStringLiteral("--request-rate"),
                            QStringLiteral("1000"), QStringLiteral("--request-burst"), QStringLiteral("1000"),
                            QStringLiteral("--message-rate"), QStringLiteral("1000"), QStringLiteral("--message-burst"),
                            QStringLiteral("1000")}));
    m_alice = makeAccount(m_server, QStringLiteral("alice"), QStringLiteral("Alice"));
    m_bob = makeAccount(m_server, QStringLiteral("bob"), QStringLiteral("Bob"));
    m_carol = makeAccount(m_server, QStringLiteral("carol"), QStringLiteral("Carol"));
    m_dave = makeAccount(m_server, QStringLiteral("dave"), QStringLiteral("Dave"));
    m_erin = makeAccount(m_server, QStringLiteral("erin"), QStringLiteral("Erin"));
    for (const Account *a : {&m_alice, &m_bob, &m_carol, &m_dave, &m_erin})
        QVERIFY2(!a->id.isEmpty(), qPrintable(a->username));
}

QString TestRest::roomWith(const QString &name, const QList<const Account *> &joiners, const QString &type)
{
    const json room = createRoom(m_bob, name, type);
    if (!room.is_object())
        return {};
    const QString id = qs(room["roomId"]);
    for (const Account *a : joiners) {
        const RestReply r = (*a)->post(roomPath(id, QStringLiteral("/join")));
        if (r.status != 200) {
            qWarning("%s could not join %s: %s", qPrintable(a->username), qPrintable(name),
                     describe(r, 200).constData());
            return {};
        }
    }
    return id;
}

bool TestRest::setRole(const QString &roomId, const Account &who, const QString &role)
{
    const RestReply r = m_bob->patch(roomPath(roomId, QStringLiteral("/members/") + who.id), {{"role", ss(role)}});
    if (r.status != 200)
        qWarning("making %s %s failed: %s", qPrintable(who.username), qPrintable(role), describe(r, 200).constData());
    return r.status == 200 && qs(r.data()["role"]) == role;
}

// ---- accounts ---------------------------------------------------------------------------------

void TestRest::registerAccounts()
{
    // The first account of a fresh server is its admin; later ones are plain users.
    QCOMPARE(qs(m_alice.user["role"]), QStringLiteral("admin"));
    QCOMPARE(qs(m_bob.user["role"]), QStringLiteral("user"));

    RestClient c(m_server.httpUrl());
    const RestReply r = c.post(QStringLiteral("/v1/auth/register"),
                               {{"username", "Newbie_1.x-y"}, {"password", "longenough"}, {"displayName", "New Bie"}});
    CHECK_STATUS(r, 201);
    QVERIFY(r.body["success"] == true);
    const json data = r.data();
    const QString token = qs(data["token"]);
    QVERIFY(token.size() >= 20);
    const json user = data["user"];
    QVERIFY(!qs(user["userId"]).isEmpty());
    QCOMPARE(qs(user["username"]), QStringLiteral("Newbie_1.x-y"));
    QCOMPARE(qs(user["displayName"]), QStringLiteral("New Bie"));
    QCOMPARE(qs(user["role"]), QStringLiteral("user"));
    for (const char *key : {"avatar", "status", "customStatus", "lastSeen"})
        QVERIFY2(user.contains(key), key);

    // The token is a working bearer token for that account.
    c.setToken(token);
    const RestReply me = c.get(QStringLiteral("/v1/me"));
    CHECK_STATUS(me, 200);
    QCOMPARE(qs(me.data()["userId"]), qs(user["userId"]));
}

void TestRest::registerValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("username too short") << QByteArray(R"({"username":"ab","password":"longenough","displayName":"X"})")
                                        << QStringLiteral("username");
    QTest::newRow("username too long")
        << QByteArray(R"({"username":"abcdefghijabcdefghijabcdefghijabc","password":"longenough","displayName":"X"})")
        << QStringLiteral("username");
    QTest::newRow("username with space") << QByteArray(
                                                R"({"username":"has space","password":"longenough","displayName":"X"})")
                                         << QStringLiteral("username");
    QTest::newRow("username with slash") << QByteArray(
                                                R"({"username":"a/b/c","password":"longenough","displayName":"X"})")
                                         << QStringLiteral("username");
    QTest::newRow("username missing") << QByteArray(R"({"password":"longenough","displayName":"X"})")
                                      << QStringLiteral("username");
    QTest::newRow("username not a string")
        << QByteArray(R"({"username":42,"password":"longenough","displayName":"X"})") << QStringLiteral("username");
    QTest::newRow("password too short") << QByteArray(
                                               R"({"username":"valid_name","password":"short","displayName":"X"})")
                                        << QStringLiteral("password");
    QTest::newRow("password missing") << QByteArray(R"({"username":"valid_name","displayName":"X"})")
                                      << QStringLiteral("password");
    QTest::newRow("displayName empty") << QByteArray(
                                              R"({"username":"valid_name","password":"longenough","displayName":""})")
                                       << QStringLiteral("displayName");
    QTest::newRow("displayName blank")
        << QByteArray(R"({"username":"valid_name","password":"longenough","displayName":"   "})")
        << QStringLiteral("displayName");
    QTest::newRow("displayName too long")
        << (QByteArray(R"({"username":"valid_name","password":"longenough","displayName":")") + QByteArray(65, 'd') +
            "\"}")
        << QStringLiteral("displayName");
    QTest::newRow("unknown field")
        << QByteArray(R"({"username":"valid_name","password":"longenough","displayName":"X","admin":true})")
        << QStringLiteral("admin");
}

void TestRest::registerValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    RestClient c(m_server.httpUrl());
    const RestReply r = c.send("POST", QStringLiteral("/v1/auth/register"), body);
    CHECK_STATUS(r, 422);
    QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(r.errorField(), field);
    QVERIFY(r.body["success"] == false);
    QVERIFY(!qs(r.body["error"]["message"]).isEmpty());
    // Nothing was created. (Looked up rather than logged in to: repeated failed logins for one
    // name would lock it.)
    CHECK_ERROR(m_bob->get(QStringLiteral("/v1/users/by-username/valid_name")), 404, "USER_NOT_FOUND", "username");
}

void TestRest::registerDuplicateIsCaseInsensitive()
{
    RestClient c(m_server.httpUrl());
    for (const char *name : {"alice", "Alice", "ALICE"}) {
        const RestReply r = c.post(QStringLiteral("/v1/auth/register"),
                                   {{"username", name}, {"password", "another password"}, {"displayName", "Impostor"}});
        CHECK_ERROR(r, 409, "CONFLICT", "");
    }
    // The original account is untouched: its password still works, the impostor's does not.
    CHECK_STATUS(c.post(QStringLiteral("/v1/auth/login"), {{"username", "alice"}, {"password", ss(kPassword)}}), 200);
    CHECK_STATUS(c.post(QStringLiteral("/v1/auth/login"), {{"username", "alice"}, {"password", "another password"}}),
                 401);
}

void TestRest::loginAndWrongCredentials()
{
    RestClient c(m_server.httpUrl());
    const RestReply ok = c.post(QStringLiteral("/v1/auth/login"), {{"username", "carol"}, {"password", ss(kPassword)}});
    CHECK_STATUS(ok, 200);
    QCOMPARE(qs(ok.data()["user"]["userId"]), m_carol.id);
    const QString token = qs(ok.data()["token"]);
    QVERIFY(!token.isEmpty());
    QVERIFY(token != m_carol.token()); // every login gets its own token
    // Usernames are case-insensitive at login too.
    CHECK_STATUS(c.post(QStringLiteral("/v1/auth/login"), {{"username", "CAROL"}, {"password", ss(kPassword)}}), 200);

    const RestReply wrongPassword =
        c.post(QStringLiteral("/v1/auth/login"), {{"username", "carol"}, {"password", "not her password"}});
    const RestReply unknownUser =
        c.post(QStringLiteral("/v1/auth/login"), {{"username", "nobody_here"}, {"password", "whatever1"}});
    CHECK_ERROR(wrongPassword, 401, "UNAUTHORIZED", "");
    CHECK_ERROR(unknownUser, 401, "UNAUTHORIZED", "");
    // No account enumeration: the two answers are the same.
    QCOMPARE(qs(wrongPassword.body["error"]["message"]), qs(unknownUser.body["error"]["message"]));
    QVERIFY(wrongPassword.data().is_null() && wrongPassword.body["success"] == false);

    CHECK_ERROR(c.post(QStringLiteral("/v1/auth/login"), {{"username", "carol"}}), 422, "VALIDATION_FAILED",
                "password");
}

void TestRest::loginLockoutPerUsername()
{
    const Account target = makeAccount(m_server, QStringLiteral("lockme"));
    const Account bystander = makeAccount(m_server, QStringLiteral("bystander"));
    QVERIFY(!target.id.isEmpty() && !bystander.id.isEmpty());
    RestClient c(m_server.httpUrl());
    const auto login = [&](const char *username, const std::string &password) {
        return c.post(QStringLiteral("/v1/auth/login"), {{"username", username}, {"password", password}});
    };

    // A success forgets earlier failures: 4 + 4 failures around one success lock nothing.
    for (int i = 0; i < 4; ++i)
        CHECK_ERROR(login("lockme", "guess" + std::to_string(i)), 401, "UNAUTHORIZED", "");
    CHECK_STATUS(login("lockme", ss(kPassword)), 200);
    for (int i = 0; i < 4; ++i)
        CHECK_ERROR(login("LockMe", "again" + std::to_string(i)), 401, "UNAUTHORIZED", "");
    // The fifth failure in a row locks the name (in any spelling), even for the right password.
    CHECK_ERROR(login("lockme", "guess5"), 401, "UNAUTHORIZED", "");
    const RestReply locked = login("lockme", ss(kPassword));
    CHECK_ERROR(locked, 429, "RATE_LIMITED", "");
    const int retryAfter = locked.header("Retry-After").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 30, locked.header("Retry-After").constData());
    CHECK_ERROR(login("LOCKME", ss(kPassword)), 429, "RATE_LIMITED", "");

    // A name without an account is locked the same way, with the same answer: a lockout does not
    // tell whether an account exists.
    for (int i = 0; i < 5; ++i)
        CHECK_ERROR(login("nobody_at_all", "guess" + std::to_string(i)), 401, "UNAUTHORIZED", "");
    const RestReply ghost = login("nobody_at_all", "guess6");
    CHECK_ERROR(ghost, 429, "RATE_LIMITED", "");
    QCOMPARE(qs(ghost.body["error"]["message"]).remove(QRegularExpression(QStringLiteral("\\d+"))),
             qs(locked.body["error"]["message"]).remove(QRegularExpression(QStringLiteral("\\d+"))));

    // Other accounts, from the same address, are not affected.
    CHECK_STATUS(login("bystander", ss(kPassword)), 200);
    CHECK_STATUS(target->get(QStringLiteral("/v1/me")), 200); // existing sessions go on

    // The guesser's address is locked out, not the account: its owner signs in from elsewhere.
    const quint16 port = m_server.port();
    QCOMPARE(loginFrom(QStringLiteral("127.0.0.2"), port, QStringLiteral("lockme"), kPassword), 200);
    // Guesses spread over many addresses still meet a limit for the account: 50 failures from ten
    // addresses lock it for every address, a new one included.
    for (int a = 3; a < 13; ++a) {
        const QString from = QStringLiteral("127.0.0.%1").arg(a);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(loginFrom(from, port, QStringLiteral("bystander"), QStringLiteral("guess%1").arg(i)), 401);
    }
    QCOMPARE(loginFrom(QStringLiteral("127.0.0.13"), port, QStringLiteral("bystander"), kPassword), 429);
}

void TestRest::loginThrottleBackoffAndBound()
{
    // The throttle itself, in-process with a clock the test moves.
    using confab::server::LoginThrottle;
    confab::ManualClock clock;
    LoginThrottle::Settings settings;
    settings.maxEntries = 100;
    LoginThrottle throttle(clock, settings);
    const auto failTimes = [&](const QString &key, int n) {
        for (int i = 0; i < n; ++i)
            throttle.recordFailure(key);
    };
    failTimes(QStringLiteral("a"), 4);
    QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("a")), 0);
    failTimes(QStringLiteral("a"), 1);
    QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("a")), 30);
    QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("b")), 0); // per name
    // Each further lockout doubles: 60 s, 120 s, ... up to an hour.
    int expected = 30;
    for (int round = 0; round < 10; ++round) {
        clock.advance(qint64(expected) * 1000);
        QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("a")), 0);
        failTimes(QStringLiteral("a"), 5);
        expected = std::min(expected * 2, 3600);
        QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("a")), expected);
    }
    // Failures spread wider than the window do not add up.
    clock.advance(3600 * 1000);
    failTimes(QStringLiteral("slow"), 4);
    clock.advance(16 * 60 * 1000);
    failTimes(QStringLiteral("slow"), 4);
    QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("slow")), 0);
    // Success forgets; a quiet day resets the growth.
    throttle.recordSuccess(QStringLiteral("slow"));
    clock.advance(25LL * 3600 * 1000);
    failTimes(QStringLiteral("a"), 5);
    QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("a")), 30);
    // Bounded: a flood of names never holds more than maxEntries, and a locked name survives it.
    for (int i = 0; i < 1000; ++i)
        throttle.recordFailure(QStringLiteral("flood%1").arg(i));
    QVERIFY2(throttle.size() <= settings.maxEntries, qPrintable(QString::number(throttle.size())));
    QVERIFY(throttle.retryAfterSeconds(QStringLiteral("a")) > 0);
}

void TestRest::logoutRevokesToken()
{
    RestClient session(m_server.httpUrl());
    const RestReply login =
        session.post(QStringLiteral("/v1/auth/login"), {{"username", "bob"}, {"password", ss(kPassword)}});
    CHECK_STATUS(login, 200);
    session.setToken(qs(login.data()["token"]));
    CHECK_STATUS(session.get(QStringLiteral("/v1/me")), 200);

    CHECK_STATUS(session.post(QStringLiteral("/v1/auth/logout")), 200);
    CHECK_ERROR(session.get(QStringLiteral("/v1/me")), 401, "UNAUTHORIZED", "");
    CHECK_ERROR(session.post(QStringLiteral("/v1/auth/logout")), 401, "UNAUTHORIZED", "");
    // Only the presented token is revoked: bob's other session still works.
    CHECK_STATUS(m_bob->get(QStringLiteral("/v1/me")), 200);
}

void TestRest::meGetAndPatch()
{
    const Account temp = makeAccount(m_server, QStringLiteral("patchme"), QStringLiteral("Patch Me"));
    QVERIFY(!temp.id.isEmpty());
    const RestReply me = temp->get(QStringLiteral("/v1/me"));
    CHECK_STATUS(me, 200);
    QCOMPARE(qs(me.data()["userId"]), temp.id);
    QCOMPARE(qs(me.data()["username"]), QStringLiteral("patchme"));
    QCOMPARE(qs(me.data()["displayName"]), QStringLiteral("Patch Me"));
    QCOMPARE(qs(me.data()["role"]), QStringLiteral("user"));

    const RestReply patched = temp->patch(
        QStringLiteral("/v1/me"), {{"displayName", "  Renamed One  "}, {"avatar", "https://example.org/a.png"}});
    CHECK_STATUS(patched, 200);
    QCOMPARE(qs(patched.data()["displayName"]), QStringLiteral("Renamed One"));
    QCOMPARE(qs(patched.data()["avatar"]), QStringLiteral("https://example.org/a.png"));
    QCOMPARE(qs(temp->get(QStringLiteral("/v1/me")).data()["displayName"]), QStringLiteral("Renamed One"));

    CHECK_ERROR(temp->patch(QStringLiteral("/v1/me"), {{"displayName", ""}}), 422, "VALIDATION_FAILED", "displayName");
    CHECK_ERROR(temp->patch(QStringLiteral("/v1/me"), {{"displayName", 7}}), 422, "VALIDATION_FAILED", "displayName");
    CHECK_ERROR(temp->patch(QStringLiteral("/v1/me"), {{"role", "admin"}}), 422, "VALIDATION_FAILED", "role");
    QCOMPARE(qs(temp->get(QStringLiteral("/v1/me")).data()["role"]), QStringLiteral("user"));
}

void TestRest::avatarUrls_data()
{
    QTest::addColumn<QString>("avatar");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https") << QStringLiteral("https://example.org/a.png") << true;
    QTest::newRow("http, upper-case scheme") << QStringLiteral("HTTP://example.org/a.png?size=64") << true;
    QTest::newRow("empty: no avatar") << QString() << true;
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(document.cookie)") << false;
    QTest::newRow("javascript, mixed case") << QStringLiteral("JaVaScRiPt:alert(1)") << false;
    QTest::newRow("data") << QStringLiteral("data:image/png;base64,iVBORw0KGgo=") << false;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
    QTest::newRow("no scheme") << QStringLiteral("example.org/a.png") << false;
    QTest::newRow("no host") << QStringLiteral("https:///a.png") << false;
    QTest::newRow("space") << QStringLiteral("https://example.org/a b.png") << false;
    QTest::newRow("newline") << QStringLiteral("https://example.org/\njavascript:x") << false;
}

void TestRest::avatarUrls()
{
    QFETCH(QString, avatar);
    QFETCH(bool, accepted);
    static const Account user = makeAccount(m_server, QStringLiteral("avatars"));
    static const QString room = qs(createRoom(user, QStringLiteral("Avatars"), QStringLiteral("public"))["roomId"]);
    QVERIFY(!user.id.isEmpty() && !room.isEmpty());
    const QString before = qs(user->get(QStringLiteral("/v1/me")).data()["avatar"]);
    const QString roomBefore = qs(user->get(roomPath(room)).data()["avatar"]);

    const RestReply me = user->patch(QStringLiteral("/v1/me"), {{"avatar", ss(avatar)}});
    const RestReply roomReply = user->patch(roomPath(room), {{"avatar", ss(avatar)}});
    if (accepted) {
        CHECK_STATUS(me, 200);
        QCOMPARE(qs(me.data()["avatar"]), avatar);
        CHECK_STATUS(roomReply, 200);
        QCOMPARE(qs(roomReply.data()["avatar"]), avatar);
        return;
    }
    CHECK_ERROR(me, 422, "VALIDATION_FAILED", "avatar");
    QVERIFY2(!qs(me.body["error"]["message"]).isEmpty(), me.raw.constData());
    CHECK_ERROR(roomReply, 422, "VALIDATION_FAILED", "avatar");
    QCOMPARE(qs(user->get(QStringLiteral("/v1/me")).data()["avatar"]), before); // nothing stored
    QCOMPARE(qs(user->get(roomPath(room)).data()["avatar"]), roomBefore);
}

void TestRest::deleteAccount()
{
    const Account leaver = makeAccount(m_server, QStringLiteral("leaver"));
    const Account heir = makeAccount(m_server, QStringLiteral("heir"));
    const json room = createRoom(leaver, QStringLiteral("Inheritance"), QStringLiteral("public"));
    const QString id = qs(room["roomId"]);
    CHECK_STATUS(heir->post(roomPath(id, QStringLiteral("/join"))), 200);
    QVERIFY(postMessage(leaver, id, QStringLiteral("goodbye")).is_object());
    // A second device: its own token and an open WebSocket.
    RestClient other(m_server.httpUrl());
    const RestReply login =
        other.post(QStringLiteral("/v1/auth/login"), {{"username", "leaver"}, {"password", ss(kPassword)}});
    CHECK_STATUS(login, 200);
    other.setToken(qs(login.data()["token"]));
    WsClient ws;
    QVERIFY(ws.open(m_server.wsUrl(other.token())));

    const RestReply r = eraseAccount(leaver);
    CHECK_STATUS(r, 200);
    QVERIFY(r.data()["deleted"] == true);
    CHECK_ERROR(leaver->get(QStringLiteral("/v1/me")), 401, "UNAUTHORIZED", "");
    CHECK_ERROR(other.get(QStringLiteral("/v1/me")), 401, "UNAUTHORIZED", "");
    CHECK_ERROR(other.post(QStringLiteral("/v1/auth/login"), {{"username", "leaver"}, {"password", ss(kPassword)}}),
                401, "UNAUTHORIZED", "");
    // Every session of the account ends, not only the one that asked.
    QTRY_VERIFY_WITH_TIMEOUT(ws.wasClosed(), 5000);

    // The room lives on with its remaining member as owner.
    const RestReply kept = heir->get(roomPath(id));
    CHECK_STATUS(kept, 200);
    QCOMPARE(qs(kept.data()["myRole"]), QStringLiteral("owner"));
    QCOMPARE(kept.data().value("memberCount", -1), 1);
}

void TestRest::missingOrGarbageToken()
{
    RestClient anonymous(m_server.httpUrl());
    CHECK_ERROR(anonymous.get(QStringLiteral("/v1/me")), 401, "UNAUTHORIZED", "");
    CHECK_ERROR(anonymous.get(QStringLiteral("/v1/chat/rooms")), 401, "UNAUTHORIZED", "");
    CHECK_ERROR(anonymous.post(QStringLiteral("/v1/chat/rooms"), {{"name", "x"}, {"type", "public"}}), 401,
                "UNAUTHORIZED", "");

    RestClient garbage(m_server.httpUrl());
    garbage.setToken(QStringLiteral("not-a-real-token-0123456789"));
    CHECK_ERROR(garbage.get(QStringLiteral("/v1/me")), 401, "UNAUTHORIZED", "");

    // A token in another scheme is no bearer token.
    CHECK_ERROR(anonymous.send("GET", QStringLiteral("/v1/me"), {}, "application/json",
                               {{"Authorization", "Basic " + m_bob.token().toUtf8()}}),
                401, "UNAUTHORIZED", "");
}

// ---- rooms and members --------------------------------------------------------------------------

void TestRest::createEachRoomType()
{
    const RestReply pub = m_bob->post(QStringLiteral("/v1/chat/rooms"),
                                      {{"name", "Town square"}, {"type", "public"}, {"description", "everyone"}});
    CHECK_STATUS(pub, 201);
    const json room = pub.data();
    QVERIFY(!qs(room["roomId"]).isEmpty());
    QCOMPARE(qs(room["name"]), QStringLiteral("Town square"));
    QCOMPARE(qs(room["description"]), QStringLiteral("everyone"));
    QCOMPARE(qs(room["type"]), QStringLiteral("public"));
    QCOMPARE(qs(room["createdBy"]), m_bob.id);
    QCOMPARE(qs(room["myRole"]), QStringLiteral("owner"));
    QVERIFY(room["isJoined"] == true);
    QCOMPARE(room.value("memberCount", -1), 1);
    QCOMPARE(room.value("unreadCount", -1), 0);
    QVERIFY(isIsoTime(room["createdAt"]));
    QVERIFY(room["settings"].is_object());
    QCOMPARE(room["settings"].value("slowModeSeconds", -1), 0);
    for (const char *key :
         {"allowInvites", "allowFileUploads", "maxFileSize", "messageRetention", "enableAI", "moderationLevel"})
        QVERIFY2(room["settings"].contains(key), key);

    const json priv = createRoom(m_bob, QStringLiteral("Back office"), QStringLiteral("private"), {m_carol.id});
    QVERIFY(priv.is_object());
    QCOMPARE(qs(priv["type"]), QStringLiteral("private"));
    QCOMPARE(priv.value("memberCount", -1), 2);
    const RestReply carolSees = m_carol->get(roomPath(qs(priv["roomId"])));
    CHECK_STATUS(carolSees, 200);
    QCOMPARE(qs(carolSees.data()["myRole"]), QStringLiteral("member"));

    const json group =
        createRoom(m_bob, QStringLiteral("Lunch crew"), QStringLiteral("group"), {m_carol.id, m_dave.id});
    QVERIFY(group.is_object());
    QCOMPARE(qs(group["type"]), QStringLiteral("group"));
    QCOMPARE(group.value("memberCount", -1), 3);
    CHECK_STATUS(m_dave->get(roomPath(qs(group["roomId"]))), 200);
    CHECK_ERROR(m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"name", "Lonely group"}, {"type", "group"}}), 422,
                "VALIDATION_FAILED", "members");

    const json news = createRoom(m_bob, QStringLiteral("News"), QStringLiteral("announcement"));
    QVERIFY(news.is_object());
    QCOMPARE(qs(news["type"]), QStringLiteral("announcement"));

    CHECK_ERROR(m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"name", "Odd"}, {"type", "secret"}}), 422,
                "VALIDATION_FAILED", "type");
    CHECK_ERROR(m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"type", "public"}}), 422, "VALIDATION_FAILED", "name");
    CHECK_ERROR(m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"name", "   "}, {"type", "public"}}), 422,
                "VALIDATION_FAILED", "name");
    CHECK_ERROR(m_bob->post(QStringLiteral("/v1/chat/rooms"),
                            {{"name", "Ghosts"}, {"type", "private"}, {"members", {"u-nobody"}}}),
                404, "USER_NOT_FOUND", "members");
}

void TestRest::directRoomIsReused()
{
    const RestReply first =
        m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"type", "direct"}, {"members", {ss(m_erin.id)}}});
    CHECK_STATUS(first, 201);
    const QString id = qs(first.data()["roomId"]);
    QCOMPARE(qs(first.data()["type"]), QStringLiteral("direct"));
    QCOMPARE(first.data().value("memberCount", -1), 2);

    const RestReply again =
        m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"type", "direct"}, {"members", {ss(m_erin.id)}}});
    QVERIFY2(again.ok(), describe(again, 201).constData());
    QCOMPARE(qs(again.data()["roomId"]), id);
    const RestReply fromOtherSide =
        m_erin->post(QStringLiteral("/v1/chat/rooms"), {{"type", "direct"}, {"members", {ss(m_bob.id)}}});
    QVERIFY2(fromOtherSide.ok(), describe(fromOtherSide, 201).constData());
    QCOMPARE(qs(fromOtherSide.data()["roomId"]), id);

    // Exactly one such room in bob's list.
    const RestReply list = m_bob->get(QStringLiteral("/v1/chat/rooms?type=direct&joined=true&limit=100"));
    CHECK_STATUS(list, 200);
    QCOMPARE(idsOf(list.data()["rooms"], "roomId").count(id), 1);

    CHECK_ERROR(m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"type", "direct"}}), 422, "VALIDATION_FAILED",
                "members");
    CHECK_ERROR(m_bob->post(QStringLiteral("/v1/chat/rooms"),
                            {{"type", "direct"}, {"members", {ss(m_erin.id), ss(m_dave.id)}}}),
                422, "VALIDATION_FAILED", "members");
    // Outsiders cannot see it, and nobody can be added to it.
    CHECK_ERROR(m_dave->get(roomPath(id)), 404, "ROOM_NOT_FOUND", "");
    CHECK_STATUS(m_bob->post(roomPath(id, QStringLiteral("/members")), {{"userId", ss(m_dave.id)}}), 403);
}

void TestRest::listFiltersAndPagination()
{
    QStringList publicIds;
    for (int i = 1; i <= 5; ++i) {
        const json r = createRoom(m_bob, QStringLiteral("Zebra stripe %1").arg(i), QStringLiteral("public"));
        QVERIFY(r.is_object());
        publicIds << qs(r["roomId"]);
    }
    const json secret = createRoom(m_bob, QStringLiteral("Zebra secret"), QStringLiteral("private"));
    QVERIFY(secret.is_object());

    // q matches name case-insensitively; the private room is only in its member's list.
    RestReply r = m_carol->get(QStringLiteral("/v1/chat/rooms?q=ZEBRA&limit=100"));
    CHECK_STATUS(r, 200);
    QCOMPARE(r.data()["pagination"].value("total", -1), 5);
    QCOMPARE(r.data()["rooms"].size(), std::size_t(5));
    QVERIFY(!idsOf(r.data()["rooms"], "roomId").contains(qs(secret["roomId"])));
    r = m_bob->get(QStringLiteral("/v1/chat/rooms?q=zebra&limit=100"));
    QCOMPARE(r.data()["pagination"].value("total", -1), 6);

    // Pages of two: totals, hasMore, no overlap.
    QSet<QString> seen;
    for (int offset = 0; offset < 5; offset += 2) {
        r = m_carol->get(QStringLiteral("/v1/chat/rooms?q=zebra&limit=2&offset=%1").arg(offset));
        CHECK_STATUS(r, 200);
        const json p = r.data()["pagination"];
        QCOMPARE(p.value("total", -1), 5);
        QCOMPARE(p.value("limit", -1), 2);
        QCOMPARE(p.value("offset", -1), offset);
        QCOMPARE(p["hasMore"] == true, offset + 2 < 5);
        QCOMPARE(int(r.data()["rooms"].size()), std::min(2, 5 - offset));
        for (const QString &id : idsOf(r.data()["rooms"], "roomId"))
            seen.insert(id);
    }
    QCOMPARE(seen, QSet<QString>(publicIds.begin(), publicIds.end()));

    // type filter
    r = m_bob->get(QStringLiteral("/v1/chat/rooms?q=zebra&type=private"));
    QCOMPARE(r.data()["pagination"].value("total", -1), 1);
    QCOMPARE(qs(r.data()["rooms"][0]["roomId"]), qs(secret["roomId"]));
    r = m_bob->get(QStringLiteral("/v1/chat/rooms?q=zebra&type=announcement"));
    QCOMPARE(r.data()["pagination"].value("total", -1), 0);

    // joined filter
    r = m_carol->get(QStringLiteral("/v1/chat/rooms?q=zebra&joined=true"));
    QCOMPARE(r.data()["pagination"].value("total", -1), 0);
    CHECK_STATUS(m_carol->post(roomPath(publicIds[2], QStringLiteral("/join"))), 200);
    r = m_carol->get(QStringLiteral("/v1/chat/rooms?q=zebra&joined=true"));
    QCOMPARE(r.data()["pagination"].value("total", -1), 1);
    QCOMPARE(qs(r.data()["rooms"][0]["roomId"]), publicIds[2]);
    QVERIFY(r.data()["rooms"][0]["isJoined"] == true);
    QCOMPARE(qs(r.data()["rooms"][0]["myRole"]), QStringLiteral("member"));
    r = m_carol->get(QStringLiteral("/v1/chat/rooms?q=zebra&joined=false&limit=100"));
    QCOMPARE(r.data()["pagination"].value("total", -1), 5);

    CHECK_ERROR(m_bob->get(QStringLiteral("/v1/chat/rooms?type=bogus")), 422, "VALIDATION_FAILED", "type");
    CHECK_ERROR(m_bob->get(QStringLiteral("/v1/chat/rooms?limit=0")), 422, "VALIDATION_FAILED", "limit");
    CHECK_ERROR(m_bob->get(QStringLiteral("/v1/chat/rooms?limit=abc")), 422, "VALIDATION_FAILED", "limit");
    CHECK_ERROR(m_bob->get(QStringLiteral("/v1/chat/rooms?joined=maybe")), 422, "VALIDATION_FAILED", "joined");
}

void TestRest::privateRoomIsInvisible()
{
    const json room = createRoom(m_bob, QStringLiteral("Hidden den"), QStringLiteral("private"));
    QVERIFY(room.is_object());
    const QString id = qs(room["roomId"]);
    const json msg = postMessage(m_bob, id, QStringLiteral("nobody else sees this"));
    QVERIFY(msg.is_object());

    // Every way in answers as if the room did not exist.
    const RestReply get = m_dave->get(roomPath(id));
    CHECK_ERROR(get, 404, "ROOM_NOT_FOUND", "");
    const RestReply missing = m_dave->get(roomPath(QStringLiteral("r-does-not-exist")));
    CHECK_ERROR(missing, 404, "ROOM_NOT_FOUND", "");
    CHECK_ERROR(m_dave->post(roomPath(id, QStringLiteral("/join"))), 404, "ROOM_NOT_FOUND", "");
    CHECK_ERROR(m_dave->get(roomPath(id, QStringLiteral("/messages"))), 404, "ROOM_NOT_FOUND", "");
    CHECK_ERROR(m_dave->post(roomPath(id, QStringLiteral("/messages")), {{"content", "hi"}}), 404, "ROOM_NOT_FOUND",
                "");
    CHECK_ERROR(m_dave->get(roomPath(id, QStringLiteral("/members"))), 404, "ROOM_NOT_FOUND", "");
    CHECK_ERROR(m_dave->patch(roomPath(id), {{"name", "mine now"}}), 404, "ROOM_NOT_FOUND", "");
    CHECK_ERROR(m_dave->get(roomPath(id, QStringLiteral("/pins"))), 404, "ROOM_NOT_FOUND", "");

    const RestReply list = m_dave->get(QStringLiteral("/v1/chat/rooms?q=hidden"));
    CHECK_STATUS(list, 200);
    QCOMPARE(list.data()["pagination"].value("total", -1), 0);
    const RestReply search = m_dave->get(QStringLiteral("/v1/chat/search?q=nobody"));
    CHECK_STATUS(search, 200);
    QCOMPARE(search.data()["results"].size(), std::size_t(0));

    // The server admin may see every room.
    CHECK_STATUS(m_alice->get(roomPath(id)), 200);
}

void TestRest::updateRoomPermissions()
{
    const QString id = roomWith(QStringLiteral("Renamable"), {&m_carol, &m_dave});
    QVERIFY(!id.isEmpty());
    QVERIFY(setRole(id, m_carol, QStringLiteral("admin")));

    const RestReply byAdmin = m_carol->patch(roomPath(id), {{"name", "Renamed"}, {"description", "by an admin"}});
    CHECK_STATUS(byAdmin, 200);
    QCOMPARE(qs(byAdmin.data()["name"]), QStringLiteral("Renamed"));
    QCOMPARE(qs(byAdmin.data()["description"]), QStringLiteral("by an admin"));
    QCOMPARE(qs(m_dave->get(roomPath(id)).data()["name"]), QStringLiteral("Renamed"));

    CHECK_ERROR(m_dave->patch(roomPath(id), {{"name", "Member was here"}}), 403, "FORBIDDEN", "");
    CHECK_ERROR(m_erin->patch(roomPath(id), {{"name", "Outsider was here"}}), 403, "FORBIDDEN", "");
    QCOMPARE(qs(m_bob->get(roomPath(id)).data()["name"]), QStringLiteral("Renamed"));

    // A partial settings object changes only what it names.
    const RestReply settings = m_bob->patch(roomPath(id), {{"settings", {{"allowInvites", false}}}});
    CHECK_STATUS(settings, 200);
    QVERIFY(settings.data()["settings"]["allowInvites"] == false);
    QVERIFY(settings.data()["settings"]["allowFileUploads"] == true);
    CHECK_ERROR(m_bob->patch(roomPath(id), {{"name", ""}}), 422, "VALIDATION_FAILED", "name");
    CHECK_ERROR(m_bob->patch(roomPath(id), {{"settings", {{"slowModeSeconds", -1}}}}), 422, "VALIDATION_FAILED",
                "settings.slowModeSeconds");
}

void TestRest::deleteRoomPermissions()
{
    const QString id = roomWith(QStringLiteral("Doomed"), {&m_carol, &m_dave});
    QVERIFY(!id.isEmpty());
    QVERIFY(setRole(id, m_carol, QStringLiteral("admin")));
    CHECK_ERROR(m_carol->del(roomPath(id)), 403, "FORBIDDEN", "");
    CHECK_ERROR(m_dave->del(roomPath(id)), 403, "FORBIDDEN", "");
    CHECK_STATUS(m_bob->get(roomPath(id)), 200);

    const RestReply del = m_bob->del(roomPath(id));
    CHECK_STATUS(del, 200);
    QVERIFY(del.data()["deleted"] == true);
    CHECK_ERROR(m_bob->get(roomPath(id)), 404, "ROOM_NOT_FOUND", "");
    CHECK_ERROR(m_carol->get(roomPath(id, QStringLiteral("/messages"))), 404, "ROOM_NOT_FOUND", "");
    CHECK_ERROR(m_bob->del(roomPath(id)), 404, "ROOM_NOT_FOUND", "");
    // The deletion outlives the room in the audit log.
    const json entries = m_alice->get(QStringLiteral("/v1/admin/audit?roomId=") + id).data()["entries"];
    bool logged = false;
    for (const json &e : entries)
        logged = logged || (qs(e["action"]) == QStringLiteral("room.delete") && qs(e["actorId"]) == m_bob.id);
    QVERIFY2(logged, dumpJson(entries).constData());
}

void TestRest::joinAndLeave()
{
    const json room = createRoom(m_bob, QStringLiteral("Open house"), QStringLiteral("public"));
    QVERIFY(room.is_object());
    const QString id = qs(room["roomId"]);
    QCOMPARE(room.value("memberCount", -1), 1);

    RestReply r = m_carol->post(roomPath(id, QStringLiteral("/join")));
    CHECK_STATUS(r, 200);
    QCOMPARE(r.data().value("memberCount", -1), 2);
    QVERIFY(r.data()["isJoined"] == true);
    QCOMPARE(qs(r.data()["myRole"]), QStringLiteral("member"));
    // Joining again changes nothing.
    r = m_carol->post(roomPath(id, QStringLiteral("/join")));
    CHECK_STATUS(r, 200);
    QCOMPARE(r.data().value("memberCount", -1), 2);
    r = m_dave->post(roomPath(id, QStringLiteral("/join")));
    QCOMPARE(r.data().value("memberCount", -1), 3);

    r = m_carol->del(roomPath(id, QStringLiteral("/leave")));
    CHECK_STATUS(r, 200);
    r = m_carol->get(roomPath(id));
    CHECK_STATUS(r, 200); // public: still visible
    QVERIFY(r.data()["isJoined"] == false);
    QCOMPARE(r.data().value("memberCount", -1), 2);
    QVERIFY(
        !idsOf(m_bob->get(roomPath(id, QStringLiteral("/members"))).data()["members"], "userId").contains(m_carol.id));
    CHECK_ERROR(m_carol->del(roomPath(id, QStringLiteral("/leave"))), 409, "CONFLICT", "");
    CHECK_ERROR(m_carol->post(roomPath(id, QStringLiteral("/messages")), {{"content", "left already"}}), 403,
                "FORBIDDEN", "");

    const json priv = createRoom(m_bob, QStringLiteral("Closed house"), QStringLiteral("private"));
    CHECK_ERROR(m_carol->post(roomPath(qs(priv["roomId"]), QStringLiteral("/join"))), 404, "ROOM_NOT_FOUND", "");
}

void TestRest::ownerCannotLeaveWhileOthersStay()
{
    const QString id = roomWith(QStringLiteral("Captain's ship"), {&m_carol});
    QVERIFY(!id.isEmpty());
    CHECK_ERROR(m_bob->del(roomPath(id, QStringLiteral("/leave"))), 409, "CONFLICT", "");
    QVERIFY(m_bob->get(roomPath(id)).data()["isJoined"] == true);
    CHECK_STATUS(m_carol->del(roomPath(id, QStringLiteral("/leave"))), 200);
    CHECK_STATUS(m_bob->del(roomPath(id, QStringLiteral("/leave"))), 200); // alone now
}

void TestRest::membersAndInvite()
{
    const json room = createRoom(m_bob, QStringLiteral("Invite only"), QStringLiteral("private"));
    QVERIFY(room.is_object());
    const QString id = qs(room["roomId"]);

    const RestReply invited = m_bob->post(roomPath(id, QStringLiteral("/members")), {{"userId", ss(m_carol.id)}});
    CHECK_STATUS(invited, 201);
    QCOMPARE(qs(invited.data()["userId"]), m_carol.id);
    QCOMPARE(qs(invited.data()["role"]), QStringLiteral("member"));
    CHECK_STATUS(m_carol->get(roomPath(id)), 200);

    const RestReply members = m_carol->get(roomPath(id, QStringLiteral("/members")));
    CHECK_STATUS(members, 200);
    const json list = members.data()["members"];
    QCOMPARE(list.size(), std::size_t(2));
    QCOMPARE(qs(memberIn(list, m_bob.id)["role"]), QStringLiteral("owner"));
    QCOMPARE(qs(memberIn(list, m_carol.id)["role"]), QStringLiteral("member"));
    QCOMPARE(qs(memberIn(list, m_carol.id)["displayName"]), QStringLiteral("Carol"));
    for (const char *key : {"avatar", "joinedAt", "lastSeen", "isOnline", "status", "isMuted", "isBanned"})
        QVERIFY2(list[0].contains(key), key);
    QCOMPARE(members.data()["pagination"].value("total", -1), 2);
    const RestReply page = m_carol->get(roomPath(id, QStringLiteral("/members?limit=1&offset=1")));
    QCOMPARE(page.data()["members"].size(), std::size_t(1));
    QVERIFY(page.data()["pagination"]["hasMore"] == false);

    CHECK_ERROR(m_bob->post(roomPath(id, QStringLiteral("/members")), {{"userId", ss(m_carol.id)}}), 409, "CONFLICT",
                "");
    CHECK_ERROR(m_bob->post(roomPath(id, QStringLiteral("/members")), {{"userId", "u-nobody"}}), 404, "USER_NOT_FOUND",
                "userId");
    CHECK_ERROR(m_dave->post(roomPath(id, QStringLiteral("/members")), {{"userId", ss(m_dave.id)}}), 404,
                "ROOM_NOT_FOUND", "");
    CHECK_ERROR(m_bob->post(roomPath(id, QStringLiteral("/members")), json::object()), 422, "VALIDATION_FAILED",
                "userId");

    // Members may invite while the room allows it; when it does not, only moderators may.
    CHECK_STATUS(m_carol->post(roomPath(id, QStringLiteral("/members")), {{"userId", ss(m_dave.id)}}), 201);
    CHECK_STATUS(m_bob->patch(roomPath(id), {{"settings", {{"allowInvites", false}}}}), 200);
    CHECK_ERROR(m_carol->post(roomPath(id, QStringLiteral("/members")), {{"userId", ss(m_erin.id)}}), 403, "FORBIDDEN",
                "");
    CHECK_STATUS(m_bob->post(roomPath(id, QStringLiteral("/members")), {{"userId", ss(m_erin.id)}}), 201);
}

void TestRest::roleChanges()
{
    const QString id = roomWith(QStringLiteral("Ranks"), {&m_carol, &m_dave, &m_erin});
    QVERIFY(!id.isEmpty());
    const auto memberPath = [&](const Account &a) { return roomPath(id, QStringLiteral("/members/") + a.id); };

    // The owner makes an admin.
    RestReply r = m_bob->patch(memberPath(m_carol), {{"role", "admin"}});
    CHECK_STATUS(r, 200);
    QCOMPARE(qs(r.data()["role"]), QStringLiteral("admin"));
    // An admin may not make another admin, but may make a moderator.
    CHECK_ERROR(m_carol->patch(memberPath(m_dave), {{"role", "admin"}}), 403, "FORBIDDEN", "");
    r = m_carol->patch(memberPath(m_dave), {{"role", "moderator"}});
    CHECK_STATUS(r, 200);
    QCOMPARE(qs(r.data()["role"]), QStringLiteral("moderator"));
    // A moderator changes no roles, an admin cannot touch the owner, nobody changes their own.
    CHECK_ERROR(m_dave->patch(memberPath(m_erin), {{"role", "moderator"}}), 403, "FORBIDDEN", "");
    CHECK_ERROR(m_carol->patch(memberPath(m_bob), {{"role", "member"}}), 403, "FORBIDDEN", "");
    CHECK_ERROR(m_erin->patch(memberPath(m_erin), {{"role", "admin"}}), 403, "FORBIDDEN", "");
    CHECK_ERROR(m_bob->patch(memberPath(m_erin), {{"role", "emperor"}}), 422, "VALIDATION_FAILED", "role");
    CHECK_ERROR(m_bob->patch(roomPath(id, QStringLiteral("/members/u-nobody")), {{"role", "member"}}), 404,
                "USER_NOT_FOUND", "");

    const json members = m_erin->get(roomPath(id, QStringLiteral("/members"))).data()["members"];
    QCOMPARE(qs(memberIn(members, m_bob.id)["role"]), QStringLiteral("owner"));
    QCOMPARE(qs(memberIn(members, m_carol.id)["role"]), QStringLiteral("admin"));
    QCOMPARE(qs(memberIn(members, m_dave.id)["role"]), QStringLiteral("moderator"));
    QCOMPARE(qs(memberIn(members, m_erin.id)["role"]), QStringLiteral("member"));
    QCOMPARE(qs(m_dave->get(roomPath(id)).data()["myRole"]), QStringLiteral("moderator"));

    // Handing ownership over: the old owner becomes an admin and can no longer delete the room.
    CHECK_ERROR(m_carol->patch(memberPath(m_erin), {{"role", "owner"}}), 403, "FORBIDDEN", "");
    r = m_bob->patch(memberPath(m_carol), {{"role", "owner"}});
    CHECK_STATUS(r, 200);
    QCOMPARE(qs(r.data()["role"]), QStringLiteral("owner"));
    QCOMPARE(qs(m_bob->get(roomPath(id)).data()["myRole"]), QStringLiteral("admin"));
    CHECK_ERROR(m_bob->del(roomPath(id)), 403, "FORBIDDEN", "");
}

void TestRest::muteAndUnmute()
{
    const QString id = roomWith(QStringLiteral("Quiet please"), {&m_carol, &m_dave});
    QVERIFY(!id.isEmpty());
    QVERIFY(setRole(id, m_carol, QStringLiteral("moderator")));
    const QString davePath = roomPath(id, QStringLiteral("/members/") + m_dave.id);

    CHECK_ERROR(m_dave->patch(roomPath(id, QStringLiteral("/members/") + m_carol.id), {{"isMuted", true}}), 403,
                "FORBIDDEN", "");
    CHECK_STATUS(m_dave->post(roomPath(id, QStringLiteral("/messages")), {{"content", "before"}}), 201);

    RestReply r = m_carol->patch(davePath, {{"isMuted", true}});
    CHECK_STATUS(r, 200);
    QVERIFY(r.data()["isMuted"] == true);
    CHECK_ERROR(m_dave->post(roomPath(id, QStringLiteral("/messages")), {{"content", "let me speak"}}), 403,
                "FORBIDDEN", "");
    QVERIFY(memberIn(m_bob->get(roomPath(id, QStringLiteral("/members"))).data()["members"], m_dave.id)["isMuted"] ==
            true);
    // A moderator cannot mute someone of their own rank or above.
    CHECK_ERROR(m_carol->patch(roomPath(id, QStringLiteral("/members/") + m_bob.id), {{"isMuted", true}}), 403,
                "FORBIDDEN", "");

    r = m_carol->patch(davePath, {{"isMuted", false}});
    CHECK_STATUS(r, 200);
    QVERIFY(r.data()["isMuted"] == false);
    CHECK_STATUS(m_dave->post(roomPath(id, QStringLiteral("/messages")), {{"content", "thanks"}}), 201);

    // A mute with an end in the past is refused; one in the future mutes.
    CHECK_ERROR(m_carol->patch(davePath, {{"isMuted", true}, {"mutedUntil", "2001-01-01T00:00:00.000Z"}}), 422,
                "VALIDATION_FAILED", "mutedUntil");
    const QString until = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs);
    r = m_carol->patch(davePath, {{"isMuted", true}, {"mutedUntil", ss(until)}});
    CHECK_STATUS(r, 200);
    QVERIFY(r.data()["isMuted"] == true);
    QVERIFY(isIsoTime(r.data()["mutedUntil"]));
    CHECK_ERROR(m_dave->post(roomPath(id, QStringLiteral("/messages")), {{"content", "still muted"}}), 403, "FORBIDDEN",
                "");

    // A timed mute ends by itself.
    const QString soon = QDateTime::currentDateTimeUtc().addMSecs(2000).toString(Qt::ISODateWithMs);
    CHECK_STATUS(m_carol->patch(davePath, {{"isMuted", true}, {"mutedUntil", ss(soon)}}), 200);
    CHECK_ERROR(m_dave->post(roomPath(id, QStringLiteral("/messages")), {{"content", "muted briefly"}}), 403,
                "FORBIDDEN", "");
    QTest::qWait(2100);
    CHECK_STATUS(m_dave->post(roomPath(id, QStringLiteral("/messages")), {{"content", "free again"}}), 201);
    QVERIFY(memberIn(m_bob->get(roomPath(id, QStringLiteral("/members"))).data()["members"], m_dave.id)["isMuted"] ==
            false);
}

void TestRest::kickRemovesAccess()
{
    const json room =
        createRoom(m_bob, QStringLiteral("Kick club"), QStringLiteral("private"), {m_carol.id, m_dave.id, m_erin.id});
    QVERIFY(room.is_object());
    const QString id = qs(room["roomId"]);
    QVERIFY(setRole(id, m_carol, QStringLiteral("moderator")));
    const auto kickPath = [&](const Account &a) {
        return roomPath(id, QStringLiteral("/members/") + a.id + QStringLiteral("/kick"));
    };

    CHECK_ERROR(m_erin->post(kickPath(m_dave), {{"reason", "I want to"}}), 403, "FORBIDDEN", "");
    CHECK_ERROR(m_carol->post(kickPath(m_bob)), 403, "FORBIDDEN", "");
    CHECK_STATUS(m_dave->get(roomPath(id)), 200);

    const RestReply kicked = m_carol->post(kickPath(m_dave), {{"reason", "spam"}});
    CHECK_STATUS(kicked, 200);
    QVERIFY(kicked.data()["kicked"] == true);
    CHECK_ERROR(m_dave->get(roomPath(id)), 404, "ROOM_NOT_FOUND", "");
    CHECK_ERROR(m_dave->get(roomPath(id, QStringLiteral("/messages"))), 404, "ROOM_NOT_FOUND", "");
    CHECK_ERROR(m_dave->post(roomPath(id, QStringLiteral("/messages")), {{"content", "still here?"}}), 404,
                "ROOM_NOT_FOUND", "");
    QVERIFY(
        !idsOf(m_bob->get(roomPath(id, QStringLiteral("/members"))).data()["members"], "userId").contains(m_dave.id));
    QCOMPARE(m_bob->get(roomPath(id)).data().value("memberCount", -1), 3);
    CHECK_ERROR(m_carol->post(kickPath(m_dave)), 404, "USER_NOT_FOUND", "userId");

    // A kick from a public room: the room stays visible but its messages are for members.
    const QString pub = roomWith(QStringLiteral("Kick square"), {&m_dave});
    CHECK_STATUS(m_bob->post(roomPath(pub, QStringLiteral("/members/") + m_dave.id + QStringLiteral("/kick"))), 200);
    CHECK_ERROR(m_dave->get(roomPath(pub, QStringLiteral("/messages"))), 403, "FORBIDDEN", "");
    QVERIFY(m_dave->get(roomPath(pub)).data()["isJoined"] == false);
}

void TestRest::banAndUnban()
{
    const QString id = roomWith(QStringLiteral("Ban hammer"), {&m_carol, &m_dave, &m_erin});
    QVERIFY(!id.isEmpty());
    QVERIFY(setRole(id, m_carol, QStringLiteral("moderator")));
    const auto banPath = [&](const Account &a) {
        return roomPath(id, QStringLiteral("/members/") + a.id + QStringLiteral("/ban"));
    };

    // Moderators may not ban; admins and owners may.
    CHECK_ERROR(m_carol->post(banPath(m_dave)), 403, "FORBIDDEN", "");

    const QDateTime before = QDateTime::currentDateTimeUtc();
    RestReply r = m_bob->post(banPath(m_dave), {{"reason", "cool off"}, {"durationSeconds", 3600}});
    CHECK_STATUS(r, 200);
    QCOMPARE(qs(r.data()["userId"]), m_dave.id);
    QCOMPARE(qs(r.data()["reason"]), QStringLiteral("cool off"));
    const QDateTime until = parseIso(r.data()["until"]);
    QVERIFY2(until.isValid(), dumpJson(r.data()).constData());
    QVERIFY(std::abs(before.addSecs(3600).secsTo(until)) < 120);

    QVERIFY(
        !idsOf(m_bob->get(roomPath(id, QStringLiteral("/members"))).data()["members"], "userId").contains(m_dave.id));
    CHECK_ERROR(m_dave->post(roomPath(id, QStringLiteral("/join"))), 403, "FORBIDDEN", "");
    CHECK_ERROR(m_dave->post(roomPath(id, QStringLiteral("/messages")), {{"content", "let me in"}}), 403, "FORBIDDEN",
                "");
    // Nor can anyone invite them back.
    CHECK_ERROR(m_bob->post(roomPath(id, QStringLiteral("/members")), {{"userId", ss(m_dave.id)}}), 403, "FORBIDDEN",
                "");

    r = m_bob->post(banPath(m_erin), json::object()); // permanent
    CHECK_STATUS(r, 200);
    QVERIFY(r.data()["until"].is_null());
    CHECK_ERROR(m_erin->post(roomPath(id, QStringLiteral("/join"))), 403, "FORBIDDEN", "");

    // A ban ahead of time of someone who never joined.
    const Account frank = makeAccount(m_server, QStringLiteral("frank_banned"));
    CHECK_STATUS(m_bob->post(banPath(frank)), 200);
    CHECK_ERROR(frank->post(roomPath(id, QStringLiteral("/join"))), 403, "FORBIDDEN", "");

    r = m_bob->get(roomPath(id, QStringLiteral("/bans")));
    CHECK_STATUS(r, 200);
    const QStringList banned = idsOf(r.data()["bans"], "userId");
    QCOMPARE(banned.size(), 3);
    QVERIFY(banned.contains(m_dave.id) && banned.contains(m_erin.id) && banned.contains(frank.id));
    CHECK_ERROR(m_carol->get(roomPath(id, QStringLiteral("/bans"))), 403, "FORBIDDEN", "");

    // Unban lets them rejoin.
    CHECK_ERROR(m_carol->del(banPath(m_dave)), 403, "FORBIDDEN", "");
    CHECK_STATUS(m_bob->del(banPath(m_dave)), 200);
    CHECK_STATUS(m_dave->post(roomPath(id, QStringLiteral("/join"))), 200);
    CHECK_STATUS(m_dave->post(roomPath(id, QStringLiteral("/messages")), {{"content", "I am back"}}), 201);
    CHECK_ERROR(m_bob->del(banPath(m_dave)), 404, "NOT_FOUND", "");
    QCOMPARE(idsOf(m_bob->get(roomPath(id, QStringLiteral("/bans"))).data()["bans"], "userId").size(), 2);

    // A ban with a duration ends by itself.
    const Account brief = makeAccount(m_server, QStringLiteral("briefly_banned"));
    CHECK_STATUS(brief->post(roomPath(id, QStringLiteral("/join"))), 200);
    CHECK_STATUS(m_bob->post(banPath(brief), {{"durationSeconds", 2}}), 200);
    CHECK_ERROR(brief->post(roomPath(id, QStringLiteral("/join"))), 403, "FORBIDDEN", "");
    QTest::qWait(2100);
    CHECK_STATUS(brief->post(roomPath(id, QStringLiteral("/join"))), 200);
}

// ---- messages ---------------------------------------------------------------------------------

void TestRest::sendMessage()
{
    const QString id = roomWith(QStringLiteral("Post office"), {});
    QVERIFY(!id.isEmpty());
    const QString content = QStringLiteral("Hello <b>world</b> & \"friends\" <script>alert(1)</script>\n**bold**");
    const RestReply r = m_bob->post(roomPath(id, QStringLiteral("/messages")), {{"content", ss(content)}});
    CHECK_STATUS(r, 201);
    const json m = r.data();
    QVERIFY(!qs(m["messageId"]).isEmpty());
    QCOMPARE(qs(m["roomId"]), id);
    QVERIFY(m["seq"].is_number_integer() && m["seq"].get<qint64>() > 0);
    QCOMPARE(qs(m["authorId"]), m_bob.id);
    QCOMPARE(qs(m["authorName"]), QStringLiteral("Bob"));
    QCOMPARE(qs(m["content"]), content); // verbatim: no escaping, no stripping
    QCOMPARE(qs(m["type"]), QStringLiteral("text"));
    QVERIFY2(isIsoTime(m["timestamp"]), dumpJson(m).constData());
    QVERIFY(m["reactions"].is_object() && m["reactions"].empty());
    QVERIFY(m["replyTo"].is_null());
    QVERIFY(m["isEdited"] == false);
    QVERIFY(m["editedAt"].is_null());
    QVERIFY(m["isDeleted"] == false);
    QVERIFY(m["isAnonymous"] == false);
    QVERIFY(m["attachments"].is_array() && m["attachments"].empty());
    QVERIFY(m["clientMsgId"].is_null());

    const RestReply history = m_bob->get(roomPath(id, QStringLiteral("/messages")));
    CHECK_STATUS(history, 200);
    const json written = withoutSystemLines(history.data()["messages"]);
    QCOMPARE(written.size(), std::size_t(1));
    QCOMPARE(qs(written[0]["content"]), content);
    QVERIFY(written[0]["seq"] == m["seq"]);
    // The room now shows it as its last message.
    QCOMPARE(qs(m_bob->get(roomPath(id)).data()["lastMessage"]["messageId"]), qs(m["messageId"]));

    CHECK_ERROR(m_carol->post(roomPath(id, QStringLiteral("/messages")), {{"content", "not a member"}}), 403,
                "FORBIDDEN", "");
    CHECK_ERROR(m_bob->post(roomPath(QStringLiteral("r-nope"), QStringLiteral("/messages")), {{"content", "x"}}), 404,
                "ROOM_NOT_FOUND", "");
}

void TestRest::contentRules()
{
    const QString id = roomWith(QStringLiteral("Rules"), {});
    QVERIFY(!id.isEmpty());
    const QString path = roomPath(id, QStringLiteral("/messages"));
    CHECK_ERROR(m_bob->post(path, {{"content", ""}}), 422, "VALIDATION_FAILED", "content");
    CHECK_ERROR(m_bob->post(path, {{"content", "  \n\t  "}}), 422, "VALIDATION_FAILED", "content");
    CHECK_ERROR(m_bob->post(path, {{"content", std::string(5001, 'x')}}), 422, "VALIDATION_FAILED", "content");
    CHECK_ERROR(m_bob->post(path, {{"content", 42}}), 422, "VALIDATION_FAILED", "content");
    CHECK_ERROR(m_bob->post(path, {{"content", {"a", "b"}}}), 422, "VALIDATION_FAILED", "content");
    CHECK_ERROR(m_bob->post(path, {{"content", nullptr}}), 422, "VALIDATION_FAILED", "content");
    CHECK_ERROR(m_bob->post(path, json::object()), 422, "VALIDATION_FAILED", "content");
    CHECK_ERROR(m_bob->post(path, {{"content", "hi"}, {"colour", "red"}}), 422, "VALIDATION_FAILED", "colour");
    CHECK_ERROR(m_bob->post(path, {{"content", "hi"}, {"type", "system"}}), 422, "VALIDATION_FAILED", "type");
    CHECK_ERROR(m_bob->post(path, {{"content", "hi"}, {"type", "hologram"}}), 422, "VALIDATION_FAILED", "type");
    CHECK_ERROR(m_bob->post(path, {{"content", std::string("bell\a")}}), 422, "VALIDATION_FAILED", "content");
    QCOMPARE(writtenCount(m_bob->get(path)), std::size_t(0)); // none of those was stored

    // The limit counts characters after trimming, not bytes or UTF-16 units.
    CHECK_STATUS(m_bob->post(path, {{"content", std::string(5000, 'x')}}), 201);
    const std::string padded = "   " + std::string(5000, 'y') + "\n  ";
    const RestReply r = m_bob->post(path, {{"content", padded}});
    CHECK_STATUS(r, 201);
    QCOMPARE(ss(qs(r.data()["content"])), padded); // stored verbatim, padding included
    std::string emoji;
    for (int i = 0; i < 5000; ++i)
        emoji += "\xF0\x9F\x98\x80"; // U+1F600, two UTF-16 units each
    CHECK_STATUS(m_bob->post(path, {{"content", emoji}}), 201);
    CHECK_ERROR(m_bob->post(path, {{"content", emoji + "\xF0\x9F\x98\x80"}}), 422, "VALIDATION_FAILED", "content");
}

void TestRest::idempotentClientMsgId()
{
    const QString id = roomWith(QStringLiteral("Once only"), {&m_carol});
    QVERIFY(!id.isEmpty());
    const QString path = roomPath(id, QStringLiteral("/messages"));
    const RestReply first = m_bob->post(path, {{"content", "exactly once"}, {"clientMsgId", "c-42"}});
    CHECK_STATUS(first, 201);
    QCOMPARE(qs(first.data()["clientMsgId"]), QStringLiteral("c-42"));
    const RestReply again = m_bob->post(path, {{"content", "exactly once"}, {"clientMsgId", "c-42"}});
    QVERIFY2(again.ok(), describe(again, 201).constData());
    QCOMPARE(qs(again.data()["messageId"]), qs(first.data()["messageId"]));
    QVERIFY(again.data()["seq"] == first.data()["seq"]);

    // Per author: another user's identical clientMsgId is another message.
    const RestReply carols = m_carol->post(path, {{"content", "mine"}, {"clientMsgId", "c-42"}});
    CHECK_STATUS(carols, 201);
    QVERIFY(qs(carols.data()["messageId"]) != qs(first.data()["messageId"]));

    const json messages = withoutSystemLines(m_bob->get(path).data()["messages"]);
    QCOMPARE(messages.size(), std::size_t(2));
    QCOMPARE(idsOf(messages, "messageId").count(qs(first.data()["messageId"])), 1);
    CHECK_ERROR(m_bob->post(path, {{"content", "bad id"}, {"clientMsgId", std::string(65, 'c')}}), 422,
                "VALIDATION_FAILED", "clientMsgId");
}

void TestRest::historyPagination()
{
    const QString id = roomWith(QStringLiteral("Long history"), {});
    QVERIFY(!id.isEmpty());
    QStringList ids;
    for (int i = 0; i < 120; ++i) {
        const json m = postMessage(m_bob, id, QStringLiteral("m%1").arg(i));
        QVERIFY(m.is_object());
        ids << qs(m["messageId"]);
    }
    const auto contents = [](const json &page) {
        QStringList out;
        for (const json &m : withoutSystemLines(page["messages"]))
            out << qs(m["content"]);
        return out;
    };
    const auto range = [](int from, int to) {
        QStringList out;
        for (int i = from; i < to; ++i)
            out << QStringLiteral("m%1").arg(i);
        return out;
    };

    // Newest page first, oldest first within it.
    RestReply r = m_bob->get(roomPath(id, QStringLiteral("/messages")));
    CHECK_STATUS(r, 200);
    QCOMPARE(contents(r.data()), range(70, 120)); // default limit 50
    json p = r.data()["pagination"];
    QVERIFY(p["hasMore"] == true);
    QCOMPARE(p.value("limit", -1), 50);
    QCOMPARE(qs(p["before"]), ids[70]);
    QCOMPARE(qs(p["after"]), ids[119]);

    r = m_bob->get(roomPath(id, QStringLiteral("/messages?limit=50&before=") + ids[70]));
    QCOMPARE(contents(r.data()), range(20, 70));
    QVERIFY(r.data()["pagination"]["hasMore"] == true);
    r = m_bob->get(roomPath(id, QStringLiteral("/messages?limit=50&before=") + ids[20]));
    QCOMPARE(contents(r.data()), range(0, 20));
    QVERIFY(r.data()["pagination"]["hasMore"] == false);
    r = m_bob->get(roomPath(id, QStringLiteral("/messages?limit=100&before=") + ids[0]));
    CHECK_STATUS(r, 200);
    QVERIFY(withoutSystemLines(r.data()["messages"]).empty());
    QVERIFY(r.data()["pagination"]["hasMore"] == false);

    // Forwards with after.
    r = m_bob->get(roomPath(id, QStringLiteral("/messages?limit=100&after=") + ids[0]));
    QCOMPARE(contents(r.data()), range(1, 101));
    QVERIFY(r.data()["pagination"]["hasMore"] == true);
    r = m_bob->get(roomPath(id, QStringLiteral("/messages?limit=100&after=") + ids[100]));
    QCOMPARE(contents(r.data()), range(101, 120));
    QVERIFY(r.data()["pagination"]["hasMore"] == false);
    r = m_bob->get(roomPath(id, QStringLiteral("/messages?limit=1&after=") + ids[118]));
    QCOMPARE(contents(r.data()), range(119, 120));
    QVERIFY(r.data()["pagination"]["hasMore"] == false);

    // Seq increases strictly over the whole history.
    bool ok = false;
    const std::vector<json> all = fullHistory(m_bob, id, &ok);
    QVERIFY(ok);
    QCOMPARE(int(all.size()), 120);
    for (size_t i = 1; i < all.size(); ++i)
        QVERIFY(all[i]["seq"].get<qint64>() > all[i - 1]["seq"].get<qint64>());

    CHECK_ERROR(m_bob->get(roomPath(id, QStringLiteral("/messages?limit=0"))), 422, "VALIDATION_FAILED", "limit");
    CHECK_ERROR(m_bob->get(roomPath(id, QStringLiteral("/messages?limit=101"))), 422, "VALIDATION_FAILED", "limit");
    CHECK_ERROR(m_bob->get(roomPath(id, QStringLiteral("/messages?limit=ten"))), 422, "VALIDATION_FAILED", "limit");
    CHECK_ERROR(m_bob->get(roomPath(id, QStringLiteral("/messages?before=%1&after=%2").arg(ids[5], ids[2]))), 422,
                "VALIDATION_FAILED", "");
    CHECK_ERROR(m_bob->get(roomPath(id, QStringLiteral("/messages?before=m-unknown"))), 404, "MESSAGE_NOT_FOUND",
                "before");
}

void TestRest::replies()
{
    const QString a = roomWith(QStringLiteral("Reply A"), {});
    const QString b = roomWith(QStringLiteral("Reply B"), {});
    const json parent = postMessage(m_bob, a, QStringLiteral("question?"));
    QVERIFY(parent.is_object());
    const QString parentId = qs(parent["messageId"]);

    const json reply = postMessage(m_bob, a, QStringLiteral("answer!"), {{"replyTo", ss(parentId)}});
    QVERIFY(reply.is_object());
    QCOMPARE(qs(reply["replyTo"]), parentId);
    CHECK_ERROR(
        m_bob->post(roomPath(b, QStringLiteral("/messages")), {{"content", "cross-room"}, {"replyTo", ss(parentId)}}),
        422, "VALIDATION_FAILED", "replyTo");
    CHECK_ERROR(
        m_bob->post(roomPath(a, QStringLiteral("/messages")), {{"content", "to nothing"}, {"replyTo", "m-nothing"}}),
        422, "VALIDATION_FAILED", "replyTo");
}

void TestRest::editMessages()
{
    const QString id = roomWith(QStringLiteral("Edits"), {&m_carol});
    QVERIFY(setRole(id, m_carol, QStringLiteral("admin")));
    const json m = postMessage(m_bob, id, QStringLiteral("first draft"));
    const QString path = roomPath(id, QStringLiteral("/messages/") + qs(m["messageId"]));

    const RestReply edited = m_bob->patch(path, {{"content", "final text"}});
    CHECK_STATUS(edited, 200);
    QCOMPARE(qs(edited.data()["content"]), QStringLiteral("final text"));
    QVERIFY(edited.data()["isEdited"] == true);
    QVERIFY(isIsoTime(edited.data()["editedAt"]));
    QVERIFY(edited.data()["seq"] == m["seq"]); // the message keeps its place
    const json shown =
        withoutSystemLines(m_carol->get(roomPath(id, QStringLiteral("/messages"))).data()["messages"])[0];
    QCOMPARE(qs(shown["content"]), QStringLiteral("final text"));
    QVERIFY(shown["isEdited"] == true);

    // Only the author edits, whatever the role of the one trying.
    CHECK_ERROR(m_carol->patch(path, {{"content", "admin's words"}}), 403, "FORBIDDEN", "");
    CHECK_ERROR(m_alice->patch(path, {{"content", "server admin's words"}}), 403, "FORBIDDEN", "");
    CHECK_ERROR(m_bob->patch(path, {{"content", "   "}}), 422, "VALIDATION_FAILED", "content");
    CHECK_ERROR(m_bob->patch(roomPath(id, QStringLiteral("/messages/m-nope")), {{"content", "x"}}), 404,
                "MESSAGE_NOT_FOUND", "");
    // A message addressed through another room does not exist there.
    const QString other = roomWith(QStringLiteral("Edits elsewhere"), {});
    CHECK_ERROR(m_bob->patch(roomPath(other, QStringLiteral("/messages/") + qs(m["messageId"])), {{"content", "x"}}),
                404, "MESSAGE_NOT_FOUND", "");
    QCOMPARE(
        qs(withoutSystemLines(m_bob->get(roomPath(id, QStringLiteral("/messages"))).data()["messages"])[0]["content"]),
        QStringLiteral("final text"));
}

void TestRest::deleteMessages()
{
    const QString id = roomWith(QStringLiteral("Deletions"), {&m_carol, &m_dave});
    QVERIFY(setRole(id, m_carol, QStringLiteral("moderator")));
    const json own = postMessage(m_dave, id, QStringLiteral("regrettable"));
    const json bobs = postMessage(m_bob, id, QStringLiteral("the owner speaks"));
    const json other = postMessage(m_dave, id, QStringLiteral("rule-breaking"));
    QVERIFY(own.is_object() && bobs.is_object() && other.is_object());
    const auto msgPath = [&](const json &m) { return roomPath(id, QStringLiteral("/messages/") + qs(m["messageId"])); };

    RestReply r = m_dave->del(msgPath(own));
    CHECK_STATUS(r, 200);
    QVERIFY(r.data()["isDeleted"] == true);
    QCOMPARE(qs(r.data()["content"]), QString());
    CHECK_ERROR(m_dave->del(msgPath(bobs)), 403, "FORBIDDEN", "");

    r = m_carol->del(msgPath(other));
    CHECK_STATUS(r, 200);
    QVERIFY(r.data()["isDeleted"] == true);

    // History keeps the place of deleted messages with their content erased.
    const json history = withoutSystemLines(m_bob->get(roomPath(id, QStringLiteral("/messages"))).data()["messages"]);
    QCOMPARE(history.size(), std::size_t(3));
    for (const json &m : history) {
        const bool gone = qs(m["messageId"]) != qs(bobs["messageId"]);
        QCOMPARE(m["isDeleted"] == true, gone);
        if (gone)
            QCOMPARE(qs(m["content"]), QString());
    }
    CHECK_ERROR(m_dave->patch(msgPath(own), {{"content", "resurrected"}}), 409, "CONFLICT", "");

    // The moderator's deletion (not the author's own) is in the audit log.
    r = m_alice->get(QStringLiteral("/v1/admin/audit?roomId=") + id);
    CHECK_STATUS(r, 200);
    int found = 0;
    const json deletions = r.data()["entries"];
    for (const json &e : deletions) {
        if (qs(e["messageId"]) == qs(own["messageId"]))
            QFAIL("deleting your own message is not a moderation action");
        if (qs(e["messageId"]) == qs(other["messageId"]) && qs(e["action"]) == QStringLiteral("message.delete_any")) {
            QCOMPARE(qs(e["actorId"]), m_carol.id);
            QCOMPARE(qs(e["targetUserId"]), m_dave.id);
            QVERIFY(isIsoTime(e["createdAt"]));
            ++found;
        }
    }
    QCOMPARE(found, 1);
}

void TestRest::reactions()
{
    const QString id = roomWith(QStringLiteral("Reactions"), {&m_carol});
    const json m = postMessage(m_bob, id, QStringLiteral("react to me"));
    const QString path = roomPath(id, QStringLiteral("/messages/") + qs(m["messageId"]) + QStringLiteral("/reactions"));
    const std::string thumbs = "\xF0\x9F\x91\x8D";
    const QString thumbsQ = QString::fromStdString(thumbs);
    const auto usersFor = [](const json &msg, const std::string &emoji) {
        QStringList out;
        if (msg["reactions"].contains(emoji)) {
            for (const json &u : msg["reactions"][emoji])
                out << qs(u);
        }
        return out;
    };

    RestReply r = m_carol->post(path, {{"emoji", thumbs}});
    CHECK_STATUS(r, 200);
    QCOMPARE(usersFor(r.data(), thumbs), QStringList{m_carol.id});
    r = m_carol->post(path, {{"emoji", thumbs}}); // again: no change
    CHECK_STATUS(r, 200);
    QCOMPARE(usersFor(r.data(), thumbs), QStringList{m_carol.id});
    r = m_bob->post(path, {{"emoji", thumbs}});
    const QStringList both = usersFor(r.data(), thumbs);
    QCOMPARE(both.size(), 2);
    QVERIFY(both.contains(m_carol.id) && both.contains(m_bob.id));
    r = m_carol->post(path, {{"emoji", "\xF0\x9F\x8E\x89"}});
    QCOMPARE(r.data()["reactions"].size(), std::size_t(2));

    r = m_carol->del(path + QLatin1Char('/') + thumbsQ);
    CHECK_STATUS(r, 200);
    QCOMPARE(usersFor(r.data(), thumbs), QStringList{m_bob.id});
    r = m_carol->del(path + QLatin1Char('/') + thumbsQ); // again: no change
    CHECK_STATUS(r, 200);
    QCOMPARE(usersFor(r.data(), thumbs), QStringList{m_bob.id});

    const json shown = withoutSystemLines(m_bob->get(roomPath(id, QStringLiteral("/messages"))).data()["messages"])[0];
    QCOMPARE(usersFor(shown, thumbs), QStringList{m_bob.id});
    QCOMPARE(usersFor(shown, "\xF0\x9F\x8E\x89"), QStringList{m_carol.id});

    CHECK_ERROR(m_carol->post(path, {{"emoji", "a b"}}), 422, "VALIDATION_FAILED", "emoji");
    CHECK_ERROR(m_carol->post(path, {{"emoji", ""}}), 422, "VALIDATION_FAILED", "emoji");
    CHECK_ERROR(m_carol->post(roomPath(id, QStringLiteral("/messages/m-nope/reactions")), {{"emoji", thumbs}}), 404,
                "MESSAGE_NOT_FOUND", "");
    CHECK_ERROR(m_dave->post(path, {{"emoji", thumbs}}), 403, "FORBIDDEN", ""); // not a member
}

void TestRest::readReceiptsResetUnread()
{
    const QString name = QStringLiteral("Unread counter");
    const QString id = roomWith(name, {&m_carol});
    QStringList ids;
    for (int i = 0; i < 3; ++i)
        ids << qs(postMessage(m_bob, id, QStringLiteral("news %1").arg(i))["messageId"]);
    const auto unread = [&](const Account &a) {
        const RestReply r = a->get(QStringLiteral("/v1/chat/rooms?joined=true&limit=100&q=") + name);
        const json rooms = r.data()["rooms"];
        for (const json &room : rooms) {
            if (qs(room["roomId"]) == id)
                return room.value("unreadCount", -1);
        }
        return -2;
    };
    QCOMPARE(unread(m_carol), 3); // another user's messages are unread
    QCOMPARE(unread(m_bob), 0);   // your own are not

    RestReply r = m_carol->post(roomPath(id, QStringLiteral("/read")), {{"messageId", ss(ids[1])}});
    CHECK_STATUS(r, 200);
    QCOMPARE(qs(r.data()["messageId"]), ids[1]);
    QCOMPARE(qs(r.data()["userId"]), m_carol.id);
    QVERIFY(isIsoTime(r.data()["readAt"]));
    QCOMPARE(unread(m_carol), 1);
    // Markers only move forward.
    CHECK_STATUS(m_carol->post(roomPath(id, QStringLiteral("/read")), {{"messageId", ss(ids[0])}}), 200);
    QCOMPARE(unread(m_carol), 1);
    CHECK_STATUS(m_carol->post(roomPath(id, QStringLiteral("/read")), {{"messageId", ss(ids[2])}}), 200);
    QCOMPARE(unread(m_carol), 0);
    QCOMPARE(m_carol->get(roomPath(id)).data().value("unreadCount", -1), 0);

    postMessage(m_carol, id, QStringLiteral("reply"));
    QCOMPARE(unread(m_bob), 1);
    QCOMPARE(m_bob->get(roomPath(id)).data().value("unreadCount", -1), 1);

    CHECK_ERROR(m_carol->post(roomPath(id, QStringLiteral("/read")), {{"messageId", "m-nope"}}), 404,
                "MESSAGE_NOT_FOUND", "");
    CHECK_ERROR(m_carol->post(roomPath(id, QStringLiteral("/read")), json::object()), 422, "VALIDATION_FAILED",
                "messageId");
}

void TestRest::pins()
{
    const QString id = roomWith(QStringLiteral("Pinboard"), {&m_carol, &m_dave});
    QVERIFY(setRole(id, m_carol, QStringLiteral("moderator")));
    const json m = postMessage(m_dave, id, QStringLiteral("pin-worthy"));
    const QString pinPath = roomPath(id, QStringLiteral("/pins/") + qs(m["messageId"]));

    CHECK_ERROR(m_dave->post(pinPath), 403, "FORBIDDEN", "");
    QVERIFY(m_dave->get(roomPath(id, QStringLiteral("/pins"))).data()["pins"].empty());

    RestReply r = m_carol->post(pinPath);
    CHECK_STATUS(r, 200);
    QVERIFY(r.data()["pinned"] == true);
    r = m_dave->get(roomPath(id, QStringLiteral("/pins")));
    CHECK_STATUS(r, 200);
    QCOMPARE(idsOf(r.data()["pins"], "messageId"), QStringList{qs(m["messageId"])});
    QCOMPARE(qs(r.data()["pins"][0]["content"]), QStringLiteral("pin-worthy"));

    CHECK_ERROR(m_dave->del(pinPath), 403, "FORBIDDEN", "");
    r = m_carol->del(pinPath);
    CHECK_STATUS(r, 200);
    QVERIFY(r.data()["pinned"] == false);
    QVERIFY(m_dave->get(roomPath(id, QStringLiteral("/pins"))).data()["pins"].empty());
    CHECK_ERROR(m_carol->post(roomPath(id, QStringLiteral("/pins/m-nope"))), 404, "MESSAGE_NOT_FOUND", "");
    CHECK_ERROR(m_erin->get(roomPath(id, QStringLiteral("/pins"))), 403, "FORBIDDEN", "");
}

void TestRest::search()
{
    const QString open = roomWith(QStringLiteral("Search open"), {&m_carol});
    const json closedRoom = createRoom(m_bob, QStringLiteral("Search closed"), QStringLiteral("private"));
    const QString closed = qs(closedRoom["roomId"]);
    const json visible = postMessage(m_bob, open, QStringLiteral("The quokka smiles at everyone"));
    const json secret = postMessage(m_bob, closed, QStringLiteral("a quokka secret for bob"));
    postMessage(m_bob, open, QStringLiteral("nothing to see here"));
    QVERIFY(visible.is_object() && secret.is_object());

    const auto hits = [](const RestReply &r) {
        QStringList ids;
        const json results = r.data()["results"];
        for (const json &h : results)
            ids << qs(h["message"]["messageId"]);
        return ids;
    };

    RestReply r = m_carol->get(QStringLiteral("/v1/chat/search?q=quokka"));
    CHECK_STATUS(r, 200);
    QCOMPARE(hits(r), QStringList{qs(visible["messageId"])});
    QVERIFY(qs(r.data()["results"][0]["snippet"]).contains(QStringLiteral("quokka"), Qt::CaseInsensitive));
    r = m_bob->get(QStringLiteral("/v1/chat/search?q=quokka"));
    const QStringList bobs = hits(r);
    QCOMPARE(bobs.size(), 2);
    QVERIFY(bobs.contains(qs(visible["messageId"])) && bobs.contains(qs(secret["messageId"])));
    r = m_bob->get(QStringLiteral("/v1/chat/search?q=QUOKKA&roomId=") + open);
    QCOMPARE(hits(r), QStringList{qs(visible["messageId"])});
    r = m_bob->get(QStringLiteral("/v1/chat/search?q=quokka&authorId=") + m_carol.id);
    QVERIFY(hits(r).isEmpty());
    r = m_dave->get(QStringLiteral("/v1/chat/search?q=quokka"));
    QVERIFY(hits(r).isEmpty()); // a member of neither room

    // Deleted messages are not found.
    CHECK_STATUS(m_bob->del(roomPath(open, QStringLiteral("/messages/") + qs(visible["messageId"]))), 200);
    QVERIFY(hits(m_carol->get(QStringLiteral("/v1/chat/search?q=quokka"))).isEmpty());
    QCOMPARE(hits(m_bob->get(QStringLiteral("/v1/chat/search?q=quokka"))), QStringList{qs(secret["messageId"])});

    // Query syntax is not interpreted.
    CHECK_STATUS(m_bob->get(QStringLiteral("/v1/chat/search?q=%22quokka%20AND%20OR%20NEAR(%22")), 200);
    CHECK_ERROR(m_bob->get(QStringLiteral("/v1/chat/search?q=")), 422, "VALIDATION_FAILED", "q");
}

void TestRest::announcementRoom()
{
    const QString id = roomWith(QStringLiteral("Announcements"), {&m_carol, &m_dave}, QStringLiteral("announcement"));
    QVERIFY(!id.isEmpty());
    const QString path = roomPath(id, QStringLiteral("/messages"));
    CHECK_ERROR(m_carol->post(path, {{"content", "can I say something?"}}), 403, "FORBIDDEN", "");
    CHECK_STATUS(m_bob->post(path, {{"content", "Owner announcement"}}), 201);
    QVERIFY(setRole(id, m_carol, QStringLiteral("moderator")));
    CHECK_STATUS(m_carol->post(path, {{"content", "Moderator announcement"}}), 201);
    CHECK_ERROR(m_dave->post(path, {{"content", "me too"}}), 403, "FORBIDDEN", "");
    // Members still read and react.
    const json history = withoutSystemLines(m_dave->get(path).data()["messages"]);
    QCOMPARE(history.size(), std::size_t(2));
    CHECK_STATUS(m_dave->post(path + QLatin1Char('/') + qs(history[0]["messageId"]) + QStringLiteral("/reactions"),
                              {{"emoji", "\xF0\x9F\x91\x8D"}}),
                 200);
}

void TestRest::slowMode()
{
    const QString id = roomWith(QStringLiteral("Slow lane"), {&m_carol, &m_dave});
    QVERIFY(setRole(id, m_carol, QStringLiteral("moderator")));
    CHECK_ERROR(m_dave->patch(roomPath(id), {{"settings", {{"slowModeSeconds", 0}}}}), 403, "FORBIDDEN", "");
    const RestReply set = m_bob->patch(roomPath(id), {{"settings", {{"slowModeSeconds", 2}}}});
    CHECK_STATUS(set, 200);
    QCOMPARE(set.data()["settings"].value("slowModeSeconds", -1), 2);

    const QString path = roomPath(id, QStringLiteral("/messages"));
    CHECK_STATUS(m_dave->post(path, {{"content", "one"}}), 201);
    const RestReply tooSoon = m_dave->post(path, {{"content", "two"}});
    CHECK_ERROR(tooSoon, 429, "RATE_LIMITED", "");
    const int retryAfter = tooSoon.header("Retry-After").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 2, tooSoon.header("Retry-After").constData());

    // Moderators and up are exempt.
    CHECK_STATUS(m_carol->post(path, {{"content", "mod one"}}), 201);
    CHECK_STATUS(m_carol->post(path, {{"content", "mod two"}}), 201);
    CHECK_STATUS(m_bob->post(path, {{"content", "owner one"}}), 201);
    CHECK_STATUS(m_bob->post(path, {{"content", "owner two"}}), 201);
    QCOMPARE(writtenCount(m_bob->get(path)), std::size_t(5));

    // After the wait it named, the member may post again.
    QTest::qWait(retryAfter * 1000 + 100);
    CHECK_STATUS(m_dave->post(path, {{"content", "two, later"}}), 201);
}

void TestRest::anonymousPosts()
{
    const QString id = roomWith(QStringLiteral("Confessions"), {&m_carol});
    const QString path = roomPath(id, QStringLiteral("/messages"));
    const RestReply refused = m_carol->post(path, {{"content", "who am I"}, {"isAnonymous", true}});
    QVERIFY2(refused.status == 403 || refused.status == 422, describe(refused, 403).constData());
    QVERIFY(withoutSystemLines(m_carol->get(path).data()["messages"]).empty());

    CHECK_STATUS(m_bob->patch(roomPath(id), {{"settings", {{"allowAnonymous", true}}}}), 200);
    const RestReply r = m_carol->post(path, {{"content", "an anonymous confession"}, {"isAnonymous", true}});
    CHECK_STATUS(r, 201);
    QVERIFY(r.data()["authorId"].is_null());
    QCOMPARE(qs(r.data()["authorName"]), QStringLiteral("Anonymous"));
    QVERIFY(r.data()["isAnonymous"] == true);

    const json shown = withoutSystemLines(m_bob->get(path).data()["messages"])[0];
    QVERIFY(shown["authorId"].is_null());
    QCOMPARE(qs(shown["authorName"]), QStringLiteral("Anonymous"));
    QVERIFY(!QString::fromUtf8(dumpJson(shown)).contains(m_carol.id));
    // Searching by author does not unmask it.
    const RestReply byAuthor = m_bob->get(QStringLiteral("/v1/chat/search?q=confession&authorId=") + m_carol.id);
    CHECK_STATUS(byAuthor, 200);
    QVERIFY(byAuthor.data()["results"].empty());

    // Bob (the room's owner) deletes it: his room's audit log says a moderator acted, and on an
    // anonymous post, without its author. The server admin (Alice) sees the author, and both see why.
    const QString anonId = qs(r.data()["messageId"]);
    CHECK_STATUS(m_bob->del(roomPath(id, QStringLiteral("/messages/") + anonId)), 200);
    auto deletion = [&](const Account &reader) {
        const RestReply log = reader->get(QStringLiteral("/v1/admin/audit?action=message.delete_any&roomId=") + id);
        const json entries = log.data()["entries"];
        for (const json &e : entries) {
            if (qs(e["messageId"]) == anonId)
                return e;
        }
        return json();
    };
    const json seenByOwner = deletion(m_bob);
    QVERIFY2(seenByOwner.is_object(), "the room owner sees the deletion");
    QCOMPARE(qs(seenByOwner["actorId"]), m_bob.id);
    QCOMPARE(qs(seenByOwner["targetUserId"]), QString());
    QVERIFY(!QString::fromUtf8(dumpJson(seenByOwner)).contains(m_carol.id));
    QVERIFY(qs(seenByOwner["reason"]).contains(QStringLiteral("server admins only")));
    const json seenByAdmin = deletion(m_alice);
    QVERIFY2(seenByAdmin.is_object(), "the server admin sees the deletion");
    QCOMPARE(qs(seenByAdmin["targetUserId"]), m_carol.id);
    QCOMPARE(qs(seenByAdmin["reason"]), qs(seenByOwner["reason"]));
}

// ---- presence, audit, operations ----------------------------------------------------------------

void TestRest::presence()
{
    auto ws = connectWs(m_server, m_erin);
    QVERIFY(ws);
    RestReply r = m_erin->put(QStringLiteral("/v1/presence"), {{"status", "busy"}, {"customStatus", "deep work"}});
    CHECK_STATUS(r, 200);
    QCOMPARE(qs(r.data()["status"]), QStringLiteral("busy"));

    r = m_bob->get(QStringLiteral("/v1/presence?userIds=%1,u-unknown").arg(m_erin.id));
    CHECK_STATUS(r, 200);
    QCOMPARE(r.data()["presence"].size(), std::size_t(1)); // unknown ids are left out
    const json p = r.data()["presence"][0];
    QCOMPARE(qs(p["userId"]), m_erin.id);
    QCOMPARE(qs(p["status"]), QStringLiteral("busy"));
    QCOMPARE(qs(p["customStatus"]), QStringLiteral("deep work"));
    QVERIFY(isIsoTime(p["lastSeen"]));
    QCOMPARE(qs(m_erin->get(QStringLiteral("/v1/me")).data()["status"]), QStringLiteral("busy"));

    CHECK_STATUS(m_erin->put(QStringLiteral("/v1/presence"), {{"status", "away"}}), 200);
    QCOMPARE(qs(m_bob->get(QStringLiteral("/v1/presence?userIds=") + m_erin.id).data()["presence"][0]["status"]),
             QStringLiteral("away"));

    CHECK_ERROR(m_erin->put(QStringLiteral("/v1/presence"), {{"status", "sleeping"}}), 422, "VALIDATION_FAILED",
                "status");
    CHECK_ERROR(
        m_erin->put(QStringLiteral("/v1/presence"), {{"status", "online"}, {"customStatus", std::string(101, 's')}}),
        422, "VALIDATION_FAILED", "customStatus");
    CHECK_ERROR(m_erin->put(QStringLiteral("/v1/presence"), json::object()), 422, "VALIDATION_FAILED", "status");
    CHECK_ERROR(m_bob->get(QStringLiteral("/v1/presence")), 422, "VALIDATION_FAILED", "userIds");
    ws->close();
}

void TestRest::presenceNeedsASharedRoom()
{
    const Account watcher = makeAccount(m_server, QStringLiteral("pr_watcher"));
    const Account roomMate = makeAccount(m_server, QStringLiteral("pr_roommate"));
    const Account directPeer = makeAccount(m_server, QStringLiteral("pr_direct"));
    const Account stranger = makeAccount(m_server, QStringLiteral("pr_stranger"));
    for (const Account *a : {&watcher, &roomMate, &directPeer, &stranger}) {
        QVERIFY(!a->id.isEmpty());
        CHECK_STATUS((*a)->put(QStringLiteral("/v1/presence"),
                               {{"status", "busy"}, {"customStatus", "secret plans of " + ss(a->username)}}),
                     200);
    }
    const json room = createRoom(watcher, QStringLiteral("Presence mates"), QStringLiteral("public"));
    CHECK_STATUS(roomMate->post(roomPath(qs(room["roomId"]), QStringLiteral("/join"))), 200);
    CHECK_STATUS(
        watcher->post(QStringLiteral("/v1/chat/rooms"), {{"type", "direct"}, {"members", {ss(directPeer.id)}}}), 201);
    // The stranger shares no room with the watcher (only a room of their own).
    QVERIFY(createRoom(stranger, QStringLiteral("Stranger's room"), QStringLiteral("public")).is_object());

    const QString query =
        QStringLiteral("/v1/presence?userIds=%1,%2,%3,%4").arg(watcher.id, roomMate.id, directPeer.id, stranger.id);
    const RestReply r = watcher->get(query);
    CHECK_STATUS(r, 200);
    QSet<QString> seen;
    const json listed = r.data()["presence"];
    for (const json &p : listed) {
        seen.insert(qs(p["userId"]));
        QVERIFY2(qs(p["customStatus"]).startsWith(QStringLiteral("secret plans")), dumpJson(p).constData());
    }
    QCOMPARE(seen, (QSet<QString>{watcher.id, roomMate.id, directPeer.id}));
    QVERIFY2(!r.raw.contains("pr_stranger") && !r.raw.contains(stranger.id.toUtf8()), r.raw.constData());

    // The stranger, asked about the others, learns nothing either: left out like unknown ids.
    const RestReply fromStranger = stranger->get(query);
    CHECK_STATUS(fromStranger, 200);
    QCOMPARE(fromStranger.data()["presence"].size(), std::size_t(1));
    QCOMPARE(qs(fromStranger.data()["presence"][0]["userId"]), stranger.id);
}

void TestRest::auditLog()
{
    const Account owner = makeAccount(m_server, QStringLiteral("audit_owner"));
    const Account plain = makeAccount(m_server, QStringLiteral("audit_plain"));
    const json room = createRoom(owner, QStringLiteral("Audited"), QStringLiteral("public"));
    const QString id = qs(room["roomId"]);
    CHECK_STATUS(plain->post(roomPath(id, QStringLiteral("/join"))), 200);
    CHECK_STATUS(owner->patch(roomPath(id, QStringLiteral("/members/") + plain.id), {{"isMuted", true}}), 200);
    CHECK_STATUS(owner->post(roomPath(id, QStringLiteral("/members/") + plain.id + QStringLiteral("/kick")),
                             {{"reason", "testing"}}),
                 200);

    // A room admin (here the owner) sees their room's entries, and only those.
    RestReply r = owner->get(QStringLiteral("/v1/admin/audit"));
    CHECK_STATUS(r, 200);
    const json entries = r.data()["entries"];
    QStringList actions;
    for (const json &e : entries) {
        QCOMPARE(qs(e["roomId"]), id);
        actions << qs(e["action"]);
    }
    QVERIFY2(actions.contains(QStringLiteral("member.mute")), qPrintable(actions.join(QLatin1Char(','))));
    QVERIFY2(actions.contains(QStringLiteral("member.kick")), qPrintable(actions.join(QLatin1Char(','))));
    for (const json &e : entries) {
        if (qs(e["action"]) == QStringLiteral("member.kick")) {
            QCOMPARE(qs(e["actorId"]), owner.id);
            QCOMPARE(qs(e["targetUserId"]), plain.id);
            QCOMPARE(qs(e["reason"]), QStringLiteral("testing"));
        }
    }
    r = owner->get(QStringLiteral("/v1/admin/audit?limit=1"));
    QCOMPARE(r.data()["entries"].size(), std::size_t(1));

    // A plain member sees nothing, nor may a room admin read another room's log.
    CHECK_ERROR(plain->get(QStringLiteral("/v1/admin/audit")), 403, "FORBIDDEN", "");
    const QString bobsRoom = roomWith(QStringLiteral("Not yours"), {});
    CHECK_ERROR(owner->get(QStringLiteral("/v1/admin/audit?roomId=") + bobsRoom), 403, "FORBIDDEN", "");

    // The server admin sees everything.
    r = m_alice->get(QStringLiteral("/v1/admin/audit?limit=200"));
    CHECK_STATUS(r, 200);
    QSet<QString> rooms;
    bool sawKick = false;
    const json all = r.data()["entries"];
    for (const json &e : all) {
        rooms.insert(qs(e["roomId"]));
        sawKick = sawKick || (qs(e["roomId"]) == id && qs(e["action"]) == QStringLiteral("member.kick"));
    }
    QVERIFY(sawKick);
    QVERIFY2(rooms.size() > 3, "the server admin's log covers every room");
    CHECK_ERROR(m_alice->get(QStringLiteral("/v1/admin/audit?limit=0")), 422, "VALIDATION_FAILED", "limit");
    CHECK_ERROR(m_alice->get(QStringLiteral("/v1/admin/audit?before=yesterday")), 422, "VALIDATION_FAILED", "before");
}

void TestRest::auditLogPaging()
{
    // Paging with `before` through a room's log finds every entry once, including entries made
    // in the same millisecond (one PATCH changing a role and muting writes two).
    const QString id = roomWith(QStringLiteral("Audit pages"), {&m_carol, &m_dave});
    for (int i = 0; i < 3; ++i) {
        CHECK_STATUS(m_bob->patch(roomPath(id, QStringLiteral("/members/") + m_dave.id),
                                  {{"role", "moderator"}, {"isMuted", true}}),
                     200);
        CHECK_STATUS(m_bob->patch(roomPath(id, QStringLiteral("/members/") + m_dave.id),
                                  {{"role", "member"}, {"isMuted", false}}),
                     200);
    }
    const RestReply all = m_bob->get(QStringLiteral("/v1/admin/audit?limit=200&roomId=") + id);
    CHECK_STATUS(all, 200);
    const json entries = all.data()["entries"];
    QCOMPARE(int(entries.size()), 12);
    QStringList expected;
    for (const json &e : entries) {
        expected << qs(e["auditId"]);
        QVERIFY2(isIsoTime(e["createdAt"]), dumpJson(e).constData());
    }
    for (size_t i = 1; i < entries.size(); ++i)
        QVERIFY(parseIso(entries[i]["createdAt"]) <= parseIso(entries[i - 1]["createdAt"])); // newest first

    QStringList paged;
    QString before;
    for (int page = 0; page < 20; ++page) {
        QString path = QStringLiteral("/v1/admin/audit?limit=1&roomId=") + id;
        if (!before.isEmpty())
            path += QStringLiteral("&before=") + QString::fromLatin1(QUrl::toPercentEncoding(before));
        const RestReply r = m_bob->get(path);
        CHECK_STATUS(r, 200);
        const json list = r.data()["entries"];
        if (list.empty())
            break;
        paged << qs(list[0]["auditId"]);
        before = qs(list[0]["auditId"]); // the cursor: the last entry seen
    }
    QCOMPARE(paged, expected);

    // `before` as a time still answers "older than this moment".
    const QString newest = qs(entries[0]["createdAt"]);
    const RestReply older =
        m_bob->get(QStringLiteral("/v1/admin/audit?limit=200&roomId=") + id + QStringLiteral("&before=") +
                   QString::fromLatin1(QUrl::toPercentEncoding(newest)));
    CHECK_STATUS(older, 200);
    const json olderEntries = older.data()["entries"];
    QVERIFY(!olderEntries.empty() && olderEntries.size() < entries.size());
    for (const json &e : olderEntries)
        QVERIFY(parseIso(e["createdAt"]) < parseIso(entries[0]["createdAt"]));
    CHECK_ERROR(m_bob->get(QStringLiteral("/v1/admin/audit?before=not%20a%20cursor")), 422, "VALIDATION_FAILED",
                "before");
}

void TestRest::healthAndMetrics()
{
    RestClient anonymous(m_server.httpUrl());
    RestReply r = anonymous.get(QStringLiteral("/healthz"));
    CHECK_STATUS(r, 200);
    QCOMPARE(qs(r.body["status"]), QStringLiteral("ok"));

    r = anonymous.get(QStringLiteral("/metrics"));
    CHECK_STATUS(r, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/plain"));
    QVERIFY(r.raw.contains("confab_http_requests_total"));
    QVERIFY(r.raw.contains("# TYPE"));
    QVERIFY(r.raw.contains("confab_messages_stored_total"));
}

void TestRest::httpErrors()
{
    CHECK_ERROR(m_bob->get(QStringLiteral("/v1/no/such/endpoint")), 404, "NOT_FOUND", "");
    CHECK_ERROR(m_bob->send("DELETE", QStringLiteral("/v1/auth/login"), {}), 405, "METHOD_NOT_ALLOWED", "");
    CHECK_ERROR(m_bob->send("PUT", QStringLiteral("/v1/chat/rooms"), "{}"), 405, "METHOD_NOT_ALLOWED", "");

    CHECK_ERROR(m_bob->send("POST", QStringLiteral("/v1/chat/rooms"), "name=x&type=public",
                            "application/x-www-form-urlencoded"),
                415, "UNSUPPORTED_MEDIA_TYPE", "");
    CHECK_ERROR(m_bob->send("POST", QStringLiteral("/v1/chat/rooms"), "{\"name\":\"x\"}", "text/plain"), 415,
                "UNSUPPORTED_MEDIA_TYPE", "");
    const RestReply charset =
        m_bob->send("POST", QStringLiteral("/v1/chat/rooms"), bodyBytes({{"name", "Charset"}, {"type", "public"}}),
                    "application/json; charset=utf-8");
    CHECK_STATUS(charset, 201);

    CHECK_ERROR(m_bob->send("POST", QStringLiteral("/v1/chat/rooms"), "{\"name\": \"x\", "), 400, "INVALID_JSON", "");
    CHECK_ERROR(m_bob->send("POST", QStringLiteral("/v1/chat/rooms"), "{'name': 'x'}"), 400, "INVALID_JSON", "");
    CHECK_ERROR(
        m_bob->send("POST", QStringLiteral("/v1/chat/rooms"), "{\"name\":\"a\\ud800\",\"type\":\"public\"} trailing"),
        400, "INVALID_JSON", "");
    const QByteArray deep = QByteArray("{\"name\":") + QByteArray(500, '[') + QByteArray(500, ']') + "}";
    CHECK_ERROR(m_bob->send("POST", QStringLiteral("/v1/chat/rooms"), deep), 400, "INVALID_JSON", "");
    CHECK_ERROR(m_bob->send("POST", QStringLiteral("/v1/chat/rooms"), "[1,2,3]"), 422, "VALIDATION_FAILED", "");
    // A POST that needs a body gets a clear error without one.
    const RestReply noBody = m_bob->send("POST", QStringLiteral("/v1/chat/rooms"), {});
    QVERIFY2(noBody.status == 400 || noBody.status == 422, describe(noBody, 400).constData());
    QVERIFY(noBody.body["success"] == false);
    // Errors never leak internals.
    QVERIFY(!noBody.raw.contains("exception") && !noBody.raw.contains(".cpp"));
}

void TestRest::oversizedBody()
{
    const std::string big(300 * 1024, 'x');
    const RestReply r =
        m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"name", "Big"}, {"type", "public"}, {"description", big}});
    CHECK_ERROR(r, 413, "PAYLOAD_TOO_LARGE", "");
    // Just under the limit is read (and then judged on its content).
    const std::string under(200 * 1024, 'x');
    const RestReply ok =
        m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"name", "Big"}, {"type", "public"}, {"description", under}});
    CHECK_ERROR(ok, 422, "VALIDATION_FAILED", "description");
    CHECK_STATUS(m_bob->get(QStringLiteral("/v1/me")), 200); // the server is fine
}

void TestRest::refusedOnTheHeaders_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    // Each announces far more than it sends: the answer must come without the rest of the body
    // (the server's body timeout is 30 s, and the 25 MiB would be read whole before).
    QTest::newRow("upload to no endpoint")
        << QByteArray("POST /v1/files/nowhere/else HTTP/1.1\r\nHost: t\r\nContent-Type: application/octet-stream\r\n"
                      "Content-Length: 26214400\r\n\r\n")
        << 404 << QByteArray("NOT_FOUND");
    QTest::newRow("upload without a token")
        << QByteArray("POST /v1/files HTTP/1.1\r\nHost: t\r\nContent-Type: application/octet-stream\r\n"
                      "Content-Length: 26214400\r\n\r\n")
        << 401 << QByteArray("UNAUTHORIZED");
    QTest::newRow("no token") << QByteArray(
                                     "POST /v1/chat/rooms HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                                     "Content-Length: 200000\r\n\r\n")
                              << 401 << QByteArray("UNAUTHORIZED");
    QTest::newRow("malformed Authorization")
        << QByteArray("POST /v1/chat/rooms HTTP/1.1\r\nHost: t\r\nAuthorization: Basic Ym9iOnB3\r\n"
                      "Content-Length: 200000\r\n\r\n")
        << 401 << QByteArray("UNAUTHORIZED");
    QTest::newRow("wrong method") << QByteArray(
                                         "PUT /v1/chat/rooms HTTP/1.1\r\nHost: t\r\nContent-Length: 200000\r\n\r\n")
                                  << 405 << QByteArray("METHOD_NOT_ALLOWED");
    QTest::newRow("over the JSON body limit")
        << QByteArray("POST /v1/auth/login HTTP/1.1\r\nHost: t\r\nContent-Length: 26214400\r\n\r\n") << 413
        << QByteArray("PAYLOAD_TOO_LARGE");
}

void TestRest::refusedOnTheHeaders()
{
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    QByteArray answer;
    QCOMPARE(rawStatus(m_server, head + "{\"a\":", &answer), status);
    QVERIFY2(answer.contains(code), answer.constData());
    QVERIFY2(answer.contains("Connection: close"), answer.constData());
    CHECK_STATUS(m_bob->get(QStringLiteral("/v1/me")), 200); // the server is fine
}

void TestRest::healthDegradedWhenWritesFail()
{
    // A real full disk: the data directory is a small tmpfs, filled up by this test after the
    // server started, so SQLite's writes fail with "database or disk is full". Needs root (mount).
    TestServer server;
    if (!server.databaseUrl().isEmpty())
        QSKIP("on PostgreSQL the database is not on the data directory's disk");
    const QString dir = server.dataDir();
    if (!runRoot(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                           QStringLiteral("size=8m"), QStringLiteral("tmpfs"), dir}))
        QSKIP("cannot mount a tmpfs for the data directory (needs root and mount): full-disk behaviour not tested");
    const auto unmount = qScopeGuard([&] {
        server.kill();
        runRoot(QStringLiteral("umount"), {QStringLiteral("-l"), dir});
    });
    // The check of free space is off here: this is about failing writes (see below for the margin).
    QVERIFY(server.start(TestServer::relaxedArgs() << QStringLiteral("--min-free-disk-mb") << QStringLiteral("0")));
    const Account a = makeAccount(server, QStringLiteral("diskfull"));
    QVERIFY(!a.id.isEmpty());
    RestClient anonymous(server.httpUrl());
    CHECK_STATUS(anonymous.get(QStringLiteral("/healthz")), 200);

    // Fill the file system to the last byte.
    QFile filler(dir + QStringLiteral("/filler"));
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray block(64 * 1024, 'f');
    while (filler.write(block) == block.size() && filler.flush()) {}
    const QByteArray small(512, 'f');
    while (filler.write(small) == small.size() && filler.flush()) {}
    filler.close();

    // Writes fail now (a room is several rows and an event). Some may still fit in pages SQLite
    // already has, so write until one fails.
    bool failed = false;
    for (int i = 0; i < 50 && !failed; ++i) {
        const RestReply r = a->post(
            QStringLiteral("/v1/chat/rooms"),
            {{"name", "Room " + std::to_string(i)}, {"type", "public"}, {"description", std::string(900, 'd')}});
        failed = r.status == 500;
        QVERIFY2(r.status == 201 || r.status == 500, describe(r, 500).constData());
    }
    QVERIFY(failed);
    RestReply health = anonymous.get(QStringLiteral("/readyz"));
    CHECK_STATUS(health, 503);
    QCOMPARE(qs(health.body["status"]), QStringLiteral("unready"));
    QCOMPARE(qs(health.body["failing"]), QStringLiteral("storage"));
    QVERIFY2(qs(health.body["reason"]).contains(QStringLiteral("write failed")), health.raw.constData());
    CHECK_STATUS(anonymous.get(QStringLiteral("/healthz")), 200); // the loop itself is alive
    CHECK_STATUS(a->get(QStringLiteral("/v1/me")), 200);          // reads still work

    // Room again: the next successful write clears it.
    QVERIFY(QFile::remove(filler.fileName()));
    CHECK_STATUS(a->post(QStringLiteral("/v1/chat/rooms"), {{"name", "After"}, {"type", "public"}}), 201);
    health = anonymous.get(QStringLiteral("/readyz"));
    CHECK_STATUS(health, 200);
    QCOMPARE(qs(health.body["status"]), QStringLiteral("ready"));

    // With the default margin (64 MiB), an 8 MiB disk is reported low before anything fails.
    QVERIFY(server.stop());
    QVERIFY(server.start(TestServer::relaxedArgs()));
    health = RestClient(server.httpUrl()).get(QStringLiteral("/readyz"));
    CHECK_STATUS(health, 503);
    QCOMPARE(qs(health.body["failing"]), QStringLiteral("disk"));
    QVERIFY2(qs(health.body["reason"]).contains(QStringLiteral("free")), health.raw.constData());
}

void TestRest::descriptorExhaustion()
{
    // With its descriptors used up, the server must not spin on accept() (it did, at 100 % of a
    // core, and stopped answering /healthz); once clients leave, it serves again.
    constexpr int kDescriptors = 64;
    TestServer server;
    server.setDescriptorLimit(kDescriptors);
    QVERIFY(server.start(TestServer::relaxedArgs()));
    QVERIFY(server.pid() > 0);
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < kDescriptors * 2; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, server.port());
    }
    // Not all get connected: the kernel's accept queue is bounded too.
    [[maybe_unused]] const bool allConnected = QTest::qWaitFor(
        [&] {
            return std::all_of(clients.begin(), clients.end(),
                               [](const auto &c) { return c->state() == QAbstractSocket::ConnectedState; });
        },
        3000);
    QTest::qWait(300); // let the server take what it can

    // CPU time while saturated, from the kernel's accounting rather than from wall time.
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    const qint64 before = cpuTicks(server.pid());
    QElapsedTimer window;
    window.start();
    QTest::qWait(1000);
    const qint64 used = cpuTicks(server.pid()) - before;
    const double share = double(used) / double(ticksPerSecond) / (double(window.elapsed()) / 1000.0);
    QVERIFY2(before >= 0 && used >= 0, qPrintable(QStringLiteral("cannot read /proc/%1/stat (server running: %2)\n%3")
                                                      .arg(server.pid())
                                                      .arg(server.isRunning())
                                                      .arg(QString::fromUtf8(server.output().right(3000)))));
    QVERIFY2(share < 0.25, qPrintable(QStringLiteral("the saturated server used %1 % of a core").arg(share * 100)));
    QVERIFY(server.isRunning());

    clients.clear(); // closes them all
    RestClient anonymous(server.httpUrl());
    QVERIFY(QTest::qWaitFor([&] { return anonymous.get(QStringLiteral("/healthz")).status == 200; }, 20000));
    QVERIFY2(server.output().contains("descriptor"), server.output().right(2000).constData());
}

void TestRest::requestRateLimit()
{
    TestServer strict;
    QVERIFY(strict.start({QStringLiteral("--insecure-fast-password-hashing"), QStringLiteral("--request-rate"),
                          QStringLiteral("1"), QStringLiteral("--request-burst"), QStringLiteral("3"),
                          QStringLiteral("--message-rate"), QStringLiteral("1"), QStringLiteral("--message-burst"),
                          QStringLiteral("2")}));
    const Account a = makeAccount(strict, QStringLiteral("limited"));
    QVERIFY(!a.id.isEmpty());
    for (int i = 0; i < 3; ++i)
        CHECK_STATUS(a->get(QStringLiteral("/v1/me")), 200);
    const RestReply limited = a->get(QStringLiteral("/v1/me"));
    CHECK_ERROR(limited, 429, "RATE_LIMITED", "");
    QVERIFY2(limited.header("Retry-After").toInt() >= 1, limited.header("Retry-After").constData());

    // Message sends have their own bucket.
    QTest::qWait(2100); // refill the request bucket enough to create a room
    const json room = createRoom(a, QStringLiteral("Limits"), QStringLiteral("public"));
    QVERIFY(room.is_object());
    const QString path = roomPath(qs(room["roomId"]), QStringLiteral("/messages"));
    CHECK_STATUS(a->post(path, {{"content", "1"}}), 201);
    CHECK_STATUS(a->post(path, {{"content", "2"}}), 201);
    const RestReply third = a->post(path, {{"content", "3"}});
    CHECK_ERROR(third, 429, "RATE_LIMITED", "");
    QVERIFY(third.header("Retry-After").toInt() >= 1);

    // The limit is the user's: signing in again for a fresh token does not reset it.
    RestClient second(strict.httpUrl());
    const RestReply login =
        second.post(QStringLiteral("/v1/auth/login"), {{"username", "limited"}, {"password", "correct horse"}});
    CHECK_STATUS(login, 200);
    second.setToken(qs(login.data()["token"]));
    CHECK_ERROR(second.post(path, {{"content", "4"}}), 429, "RATE_LIMITED", "");
    QCOMPARE(writtenCount(a->get(path)), std::size_t(2));
    strict.stop();
}

QTEST_GUILESS_MAIN(TestRest)
#include "tst_rest.moc"
