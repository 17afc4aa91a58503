// SPDX-License-Identifier: GPL-3.0-or-later
// The server's wall clock jumps (NTP corrections, a suspended VM, an admin's `date -s`): typing,
// presence and ban/mute expiry against a real server whose Clock the test moves
// (CONFAB_TEST_CLOCK_OFFSET_FILE, a test-only seam: server/ops/shiftedclock.h).

#include "apitestutil.h"

#include "core/timeutil.h"

#include <QElapsedTimer>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

using namespace confab;
using namespace confab::test;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr int kTypingTimeoutMs = 1000;

} // namespace

class TestClockJumps : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init() { QVERIFY(setOffset(0)); }
    void typingEndsOnceAfterAForwardJump();
    void typingNeitherEarlyNorStuckAfterABackwardJump();
    void presenceGoesOfflineOnceWhateverTheClock();
    void muteAndBanExpireByTheClockNotBefore();
    void cleanupTestCase() { QVERIFY(m_server.stop()); }

private:
    bool setOffset(qint64 ms);
    qint64 serverNow(WsClient &ws);
    auto typingOf(const Account &who, bool isTyping)
    {
        return [id = ss(who.id), isTyping](const json &f) {
            return f.value("type", "") == "typing_indicator" && f.value("userId", "") == id &&
                   f.value("isTyping", !isTyping) == isTyping;
        };
    }
    auto presenceOf(const Account &who, const std::string &status)
    {
        return [id = ss(who.id), status](const json &f) {
            return f.value("type", "") == "presence_update" && f.value("userId", "") == id &&
                   f.value("status", "") == status;
        };
    }

    QTemporaryDir m_dir;
    TestServer m_server;
    Account m_alice;
    Account m_bob;
    QString m_room;
    int m_pings = 0;
};

bool TestClockJumps::setOffset(qint64 ms)
{
    // Replaced whole (rename), so the server never reads half a number.
    QSaveFile file(m_dir.filePath(QStringLiteral("offset")));
    return file.open(QIODevice::WriteOnly) && file.write(QByteArray::number(ms)) > 0 && file.commit();
}

qint64 TestClockJumps::serverNow(WsClient &ws)
{
    const std::string id = "clock-" + std::to_string(++m_pings);
    ws.send({{"type", "ping"}, {"id", id}});
    const json pong =
        ws.waitFor([&](const json &f) { return f.value("type", "") == "pong" && f.value("id", "") == id; });
    if (pong.is_null())
        return 0;
    return pong["serverTime"].is_string() ? parseTimestamp(qs(pong["serverTime"])).value_or(0)
                                          : pong.value("serverTime", qint64(0));
}

void TestClockJumps::initTestCase()
{
    QVERIFY(setOffset(0));
    QProcessEnvironment env;
    env.insert(QStringLiteral("CONFAB_TEST_CLOCK_OFFSET_FILE"), m_dir.filePath(QStringLiteral("offset")));
    m_server.setEnvironment(env);
    QVERIFY(m_server.start(TestServer::relaxedArgs()
                           << QStringLiteral("--typing-timeout-ms") << QString::number(kTypingTimeoutMs)
                           << QStringLiteral("--presence-grace-seconds") << QStringLiteral("1")));
    m_alice = makeAccount(m_server, QStringLiteral("alice"), QStringLiteral("Alice"));
    m_bob = makeAccount(m_server, QStringLiteral("bob"), QStringLiteral("Bob"));
    QVERIFY(!m_alice.id.isEmpty() && !m_bob.id.isEmpty());
    const json room = createRoom(m_alice, QStringLiteral("Clocks"), QStringLiteral("public"));
    QVERIFY(room.is_object());
    m_room = qs(room["roomId"]);
    CHECK_STATUS(m_bob->post(roomPath(m_room, QStringLiteral("/join"))), 200);
}

void TestClockJumps::typingEndsOnceAfterAForwardJump()
{
    auto alice = connectWs(m_server, m_alice);
    auto bob = connectWs(m_server, m_bob);
    QVERIFY(alice && bob);
    const qint64 before = serverNow(*bob);
    alice->send({{"type", "typing_start"}, {"roomId", ss(m_room)}});
    QVERIFY(!bob->waitFor(typingOf(m_alice, true)).is_null());

    // Three hours later all at once: the indicator ends, once.
    QVERIFY(setOffset(3 * kHour));
    QVERIFY(serverNow(*bob) >= before + 3 * kHour);
    QVERIFY2(!bob->waitFor(typingOf(m_alice, false), 5000).is_null(), "typing did not end after the jump");
    QVERIFY2(bob->noneOfType("typing_indicator", 3 * kTypingTimeoutMs / 2), "typing ended twice");

    // And typing goes on as before in the new time: it ends after its timeout, not at once.
    QElapsedTimer took;
    took.start();
    alice->send({{"type", "typing_start"}, {"roomId", ss(m_room)}});
    QVERIFY(!bob->waitFor(typingOf(m_alice, true)).is_null());
    QVERIFY(!bob->waitFor(typingOf(m_alice, false), 5000).is_null());
    QVERIFY2(took.elapsed() >= kTypingTimeoutMs, qPrintable(QStringLiteral("ended after %1 ms").arg(took.elapsed())));
    QCOMPARE(metricValue(m_server, "confab_typing_indicators"), 0.0);
}

void TestClockJumps::typingNeitherEarlyNorStuckAfterABackwardJump()
{
    auto alice = connectWs(m_server, m_alice);
    auto bob = connectWs(m_server, m_bob);
    QVERIFY(alice && bob);

    // The server's clock is ten minutes behind the system's: typing still lasts its timeout.
    // (The expiry tick read the system time while typing started by the Clock: it ended at once.)
    QVERIFY(setOffset(-10 * kMinute));
    const qint64 behind = serverNow(*bob);
    QElapsedTimer took;
    took.start();
    alice->send({{"type", "typing_start"}, {"roomId", ss(m_room)}});
    QVERIFY(!bob->waitFor(typingOf(m_alice, true)).is_null());
    QVERIFY(!bob->waitFor(typingOf(m_alice, false), 5000).is_null());
    QVERIFY2(took.elapsed() >= kTypingTimeoutMs, qPrintable(QStringLiteral("ended after %1 ms").arg(took.elapsed())));

    // Typing, then the clock goes back another ten minutes: the indicator ends a timeout after
    // the jump, once; not ten minutes later.
    alice->send({{"type", "typing_start"}, {"roomId", ss(m_room)}});
    QVERIFY(!bob->waitFor(typingOf(m_alice, true)).is_null());
    took.restart();
    QVERIFY(setOffset(-20 * kMinute));
    QVERIFY(serverNow(*bob) < behind - 9 * kMinute);
    QVERIFY2(!bob->waitFor(typingOf(m_alice, false), 5000).is_null(), "typing stuck after the clock went back");
    QVERIFY2(bob->noneOfType("typing_indicator", 3 * kTypingTimeoutMs / 2), "typing ended twice");
    QCOMPARE(metricValue(m_server, "confab_typing_indicators"), 0.0);
}

void TestClockJumps::presenceGoesOfflineOnceWhateverTheClock()
{
    auto alice = connectWs(m_server, m_alice);
    QVERIFY(alice);
    for (const qint64 offset : {5 * kHour, 5 * kHour - 10 * kMinute}) {
        auto bob = connectWs(m_server, m_bob);
        QVERIFY(bob);
        bob->close();
        // Jumps right after the last connection closed, within the grace period.
        QVERIFY(setOffset(offset));
        const json offline = alice->waitFor(presenceOf(m_bob, "offline"), 10000);
        QVERIFY2(!offline.is_null(), qPrintable(QStringLiteral("never offline at offset %1").arg(offset)));
        const qint64 lastSeen = parseTimestamp(qs(offline["lastSeen"])).value_or(0);
        QVERIFY2(lastSeen >= serverNow(*alice) - 5 * kMinute, dumpJson(offline).constData());
        QVERIFY2(alice->waitFor(presenceOf(m_bob, "offline"), 2000).is_null(), "offline announced twice");
    }
    QVERIFY(m_server.isRunning());
}

void TestClockJumps::muteAndBanExpireByTheClockNotBefore()
{
    auto alice = connectWs(m_server, m_alice);
    QVERIFY(alice);
    const qint64 now = serverNow(*alice);
    QVERIFY(now > 0);
    const QString member = roomPath(m_room, QStringLiteral("/members/") + m_bob.id);

    // Muted for an hour.
    CHECK_STATUS(m_alice->patch(member, {{"isMuted", true}, {"mutedUntil", ss(formatTimestamp(now + kHour))}}), 200);
    const auto bobPosts = [&] {
        return m_bob->post(roomPath(m_room, QStringLiteral("/messages")), {{"content", "still here"}}).status;
    };
    QCOMPARE(bobPosts(), 403);
    QVERIFY(setOffset(-30 * kMinute)); // back: still muted
    QCOMPARE(bobPosts(), 403);
    QVERIFY(setOffset(59 * kMinute)); // a minute before the end: still muted
    QCOMPARE(bobPosts(), 403);
    QVERIFY(setOffset(2 * kHour)); // past it: free to post
    QCOMPARE(bobPosts(), 201);
    QVERIFY(setOffset(2 * kHour - 10 * kMinute)); // back by minutes, still past the end
    QCOMPARE(bobPosts(), 201);

    // Banned for an hour of the new time.
    QVERIFY(setOffset(0));
    CHECK_STATUS(m_alice->post(member + QStringLiteral("/ban"), {{"reason", "clocks"}, {"durationSeconds", 3600}}),
                 200);
    const auto bobJoins = [&] { return m_bob->post(roomPath(m_room, QStringLiteral("/join"))).status; };
    QCOMPARE(bobJoins(), 403);
    QVERIFY(setOffset(-30 * kMinute));
    QCOMPARE(bobJoins(), 403);
    QVERIFY(setOffset(59 * kMinute));
    QCOMPARE(bobJoins(), 403);
    QVERIFY(setOffset(3 * kHour));
    QCOMPARE(bobJoins(), 200);
    QVERIFY(m_server.isRunning());
}

QTEST_GUILESS_MAIN(TestClockJumps)
#include "tst_clockjumps.moc"
