// SPDX-License-Identifier: GPL-3.0-or-later
// ApiClient against a real server: typed results, typed errors, stale answers dropped; and the
// reconnect policy's table.

#include "clienttest.h"

#include "core/reconnectpolicy.h"

using namespace confab;
using namespace confab::client;
using namespace confab::test;

class TestApi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start(fastServerArgs()));
        m_api.setBaseUrl(m_server.httpUrl());
    }

    void registerAndLogin()
    {
        auto reg = await<SignedIn>([&](QObject *c, auto cb) {
            m_api.registerAccount(QStringLiteral("alice"), QStringLiteral("correct horse"), QStringLiteral("Alice"), c,
                                  cb);
        });
        QVERIFY2(reg.ok(), qPrintable(reg.error ? reg.error->message : QString()));
        QCOMPARE(reg.httpStatus, 201);
        QCOMPARE(reg.value.user.username, QStringLiteral("alice"));
        QVERIFY(!reg.value.token.isEmpty());

        auto bad = await<SignedIn>([&](QObject *c, auto cb) {
            m_api.login(QStringLiteral("alice"), QStringLiteral("wrong password"), c, cb);
        });
        QVERIFY(!bad.ok());
        QCOMPARE(bad.httpStatus, 401);
        QCOMPARE(bad.error->code, ErrorCode::Unauthorized);
        QVERIFY(!bad.isTransient());

        auto good = await<SignedIn>(
            [&](QObject *c, auto cb) { m_api.login(QStringLiteral("alice"), QStringLiteral("correct horse"), c, cb); });
        QVERIFY(good.ok());
        m_api.setToken(good.value.token);
        auto me = await<User>([&](QObject *c, auto cb) { m_api.me(c, cb); });
        QVERIFY(me.ok());
        QCOMPARE(me.value.displayName, QStringLiteral("Alice"));
        m_me = me.value;
    }

    void validationErrorNamesTheField()
    {
        NewRoom room;
        room.type = RoomType::Public; // no name
        auto r = await<Room>([&](QObject *c, auto cb) { m_api.createRoom(room, c, cb); });
        QVERIFY(!r.ok());
        QCOMPARE(r.httpStatus, 422);
        QCOMPARE(r.error->code, ErrorCode::ValidationFailed);
        QCOMPARE(r.error->field, QStringLiteral("name"));
    }

    void roomsAndMessages()
    {
        NewRoom nr;
        nr.name = QStringLiteral("general");
        nr.description = QStringLiteral("talk");
        auto room = await<Room>([&](QObject *c, auto cb) { m_api.createRoom(nr, c, cb); });
        QVERIFY(room.ok());
        QCOMPARE(room.value.name, QStringLiteral("general"));
        QVERIFY(room.value.myRole == Role::Owner);
        const QString roomId = room.value.roomId;

        RoomQuery q;
        q.joined = true;
        auto list = await<RoomPage>([&](QObject *c, auto cb) { m_api.listRooms(q, c, cb); });
        QVERIFY(list.ok());
        QCOMPARE(list.value.rooms.size(), std::size_t(1));
        QCOMPARE(list.value.pagination.total, 1);

        RoomChange change;
        change.description = QStringLiteral("new topic");
        auto updated = await<Room>([&](QObject *c, auto cb) { m_api.updateRoom(roomId, change, c, cb); });
        QVERIFY(updated.ok());
        QCOMPARE(updated.value.description, QStringLiteral("new topic"));

        OutgoingMessage om;
        om.content = QStringLiteral("hello world");
        om.clientMsgId = QStringLiteral("c-1");
        auto sent = await<Message>([&](QObject *c, auto cb) { m_api.sendMessage(roomId, om, c, cb); });
        QVERIFY(sent.ok());
        QCOMPARE(sent.value.content, QStringLiteral("hello world"));
        QCOMPARE(sent.value.clientMsgId, QStringLiteral("c-1"));
        // Idempotent: the same clientMsgId gives back the same message.
        auto again = await<Message>([&](QObject *c, auto cb) { m_api.sendMessage(roomId, om, c, cb); });
        QVERIFY(again.ok());
        QCOMPARE(again.value.messageId, sent.value.messageId);

        auto edited = await<Message>([&](QObject *c, auto cb) {
            m_api.editMessage(roomId, sent.value.messageId, QStringLiteral("hello there"), c, cb);
        });
        QVERIFY(edited.ok());
        QVERIFY(edited.value.isEdited);

        const QString emoji = QStringLiteral("👍");
        auto reacted =
            await<Message>([&](QObject *c, auto cb) { m_api.addReaction(roomId, sent.value.messageId, emoji, c, cb); });
        QVERIFY(reacted.ok());
        QCOMPARE(reacted.value.reactions.at(emoji), QStringList{m_me.userId});
        auto unreacted = await<Message>(
            [&](QObject *c, auto cb) { m_api.removeReaction(roomId, sent.value.messageId, emoji, c, cb); });
        QVERIFY2(unreacted.ok(), qPrintable(unreacted.error ? unreacted.error->message : QString()));
        QVERIFY(unreacted.value.reactions.empty() || unreacted.value.reactions.count(emoji) == 0 ||
                unreacted.value.reactions.at(emoji).isEmpty());

        auto pinned =
            await<Done>([&](QObject *c, auto cb) { m_api.setPinned(roomId, sent.value.messageId, true, c, cb); });
        QVERIFY(pinned.ok());
        auto pins = await<std::vector<Message>>([&](QObject *c, auto cb) { m_api.pins(roomId, c, cb); });
        QVERIFY(pins.ok());
        QCOMPARE(pins.value.size(), std::size_t(1));

        for (int i = 0; i < 5; ++i) {
            OutgoingMessage m;
            m.content = QStringLiteral("message %1").arg(i);
            QVERIFY(await<Message>([&](QObject *c, auto cb) { m_api.sendMessage(roomId, m, c, cb); }).ok());
        }
        HistoryQuery hq;
        hq.limit = 3;
        auto latest = await<MessagePage>([&](QObject *c, auto cb) { m_api.messages(roomId, hq, c, cb); });
        QVERIFY(latest.ok());
        QCOMPARE(latest.value.messages.size(), std::size_t(3));
        QVERIFY(latest.value.pagination.hasMore);
        QVERIFY(latest.value.messages.front().seq < latest.value.messages.back().seq); // oldest first
        hq.before = latest.value.messages.front().messageId;
        auto older = await<MessagePage>([&](QObject *c, auto cb) { m_api.messages(roomId, hq, c, cb); });
        QVERIFY(older.ok());
        QVERIFY(older.value.messages.back().seq < latest.value.messages.front().seq);

        auto read = await<ReadReceipt>(
            [&](QObject *c, auto cb) { m_api.markRead(roomId, latest.value.messages.back().messageId, c, cb); });
        QVERIFY(read.ok());

        SearchQuery sq;
        sq.text = QStringLiteral("hello");
        auto hits = await<std::vector<SearchHit>>([&](QObject *c, auto cb) { m_api.search(sq, c, cb); });
        QVERIFY(hits.ok());
        QCOMPARE(hits.value.size(), std::size_t(1));

        auto deleted =
            await<Message>([&](QObject *c, auto cb) { m_api.deleteMessage(roomId, sent.value.messageId, c, cb); });
        QVERIFY(deleted.ok());
        QVERIFY(deleted.value.isDeleted);

        ApiClient::MemberPageRequest firstPage;
        firstPage.limit = 50;
        auto members = await<MemberPage>([&](QObject *c, auto cb) { m_api.members(roomId, firstPage, c, cb); });
        QVERIFY(members.ok());
        QCOMPARE(members.value.members.size(), std::size_t(1));
        QVERIFY(members.value.members.front().role == Role::Owner);

        auto presence = await<Presence>(
            [&](QObject *c, auto cb) { m_api.setPresence(PresenceStatus::Busy, QStringLiteral("coding"), c, cb); });
        QVERIFY(presence.ok());
        auto got = await<std::vector<Presence>>([&](QObject *c, auto cb) { m_api.presence({m_me.userId}, c, cb); });
        QVERIFY(got.ok());
        QCOMPARE(got.value.size(), std::size_t(1));
        QCOMPARE(got.value.front().userId, m_me.userId); // offline: no connection is open
        QVERIFY(presence.value.status == PresenceStatus::Busy);

        auto missing = await<Room>([&](QObject *c, auto cb) { m_api.room(QStringLiteral("r_nope"), c, cb); });
        QCOMPARE(missing.httpStatus, 404);
        QCOMPARE(missing.error->code, ErrorCode::RoomNotFound);

        auto gone = await<Done>([&](QObject *c, auto cb) { m_api.deleteRoom(roomId, c, cb); });
        QVERIFY(gone.ok());
    }

    void accountAndAuditCalls()
    {
        // Alice registered first: she is a server admin and reads the whole audit log.
        NewRoom nr;
        nr.name = QStringLiteral("audited");
        auto room = await<Room>([&](QObject *c, auto cb) { m_api.createRoom(nr, c, cb); });
        QVERIFY(room.ok());
        for (const char *name : {"audited 2", "audited 3"}) {
            RoomChange change;
            change.name = QString::fromLatin1(name);
            QVERIFY(await<Room>([&](QObject *c, auto cb) { m_api.updateRoom(room.value.roomId, change, c, cb); }).ok());
        }
        auto log = await<std::vector<AuditEntry>>(
            [&](QObject *c, auto cb) { m_api.auditLog(room.value.roomId, {}, 50, c, cb); });
        QVERIFY(log.ok());
        QCOMPARE(int(log.value.size()), 2);
        QCOMPARE(log.value.front().action, QStringLiteral("room.update"));
        QCOMPARE(log.value.front().actorId, m_me.userId);
        auto older = await<std::vector<AuditEntry>>(
            [&](QObject *c, auto cb) { m_api.auditLog(room.value.roomId, log.value.front().auditId, 50, c, cb); });
        QVERIFY(older.ok());
        QCOMPARE(int(older.value.size()), 1);
        QCOMPARE(older.value.front().auditId, log.value.back().auditId);

        auto renamed = await<User>(
            [&](QObject *c, auto cb) { m_api.updateProfile(QStringLiteral("Alice M."), std::nullopt, c, cb); });
        QVERIFY(renamed.ok());
        QCOMPARE(renamed.value.displayName, QStringLiteral("Alice M."));

        // A second account erases itself; its token stops working.
        ApiClient other;
        other.setBaseUrl(m_server.httpUrl());
        auto reg = await<SignedIn>([&](QObject *c, auto cb) {
            other.registerAccount(QStringLiteral("shortlived"), QStringLiteral("correct horse"),
                                  QStringLiteral("Brief"), c, cb);
        });
        QVERIFY(reg.ok());
        other.setToken(reg.value.token);
        auto denied = await<std::vector<AuditEntry>>([&](QObject *c, auto cb) { other.auditLog({}, {}, 10, c, cb); });
        QCOMPARE(denied.httpStatus, 403);
        // FORBIDDEN covers many refusals: with no translation in effect the server's words say which.
        QCOMPARE(denied.error->message, QStringLiteral("Only server admins and room admins may read the audit log."));
        QVERIFY(await<Done>([&](QObject *c, auto cb) {
                    other.deleteAccount(QStringLiteral("correct horse"), c, cb);
                }).ok());
        auto gone = await<User>([&](QObject *c, auto cb) { other.me(c, cb); });
        QCOMPARE(gone.httpStatus, 401);
    }

    void staleAnswersAreDropped()
    {
        int called = 0;
        {
            QObject context;
            m_api.me(&context, [&](const ApiResult<User> &) { ++called; });
        } // the asker is gone before the answer
        m_api.me(this, [&](const ApiResult<User> &) { ++called; });
        m_api.abortAll(); // e.g. sign-out: nothing of the old session may arrive
        QTest::qWait(300);
        QCOMPARE(called, 0);
        QCOMPARE(m_api.pendingCount(), 0);
    }

    // UNAVAILABLE is not only "busy": this server has no model, and the user reads the server's
    // reason (naming --assistant-url), not "the server is busy". RATE_LIMITED is not only "too
    // many attempts": slow mode says so.
    void refusalsKeepTheServersReason()
    {
        RestClient rest(m_server.httpUrl());
        rest.setToken(m_api.token());
        const RestReply room = rest.post(
            QStringLiteral("/v1/chat/rooms"),
            {{"name", "ai-off"}, {"type", "public"}, {"settings", {{"enableAI", true}, {"slowModeSeconds", 600}}}});
        QVERIFY(room.ok());
        const QString roomId = QString::fromStdString(room.data()["roomId"].get<std::string>());
        const QString messages = QStringLiteral("/v1/chat/rooms/") + roomId + QStringLiteral("/messages");
        QVERIFY(rest.post(messages, {{"content", "@ai summarize"}}).ok());
        QString answerId;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const nlohmann::json page = rest.get(messages).data()["messages"];
                for (const auto &m : page) {
                    if (m["type"] == "ai_response")
                        answerId = QString::fromStdString(m["messageId"].get<std::string>());
                }
                return !answerId.isEmpty();
            }(),
            10000);

        auto retried = await<Message>([&](QObject *c, auto cb) { m_api.retryAnswer(roomId, answerId, c, cb); });
        QVERIFY(!retried.ok());
        QCOMPARE(retried.httpStatus, 503);
        QCOMPARE(retried.error->code, ErrorCode::Unavailable);
        QVERIFY2(retried.error->message.contains(QStringLiteral("--assistant-url")),
                 qPrintable(retried.error->message));
        QVERIFY(!retried.error->message.contains(QStringLiteral("busy")));

        // The owner is exempt from slow mode: a member posts twice.
        RestClient member(m_server.httpUrl());
        QVERIFY(member.signUp(QStringLiteral("slowpoke")).is_object());
        QVERIFY(member.post(QStringLiteral("/v1/chat/rooms/") + roomId + QStringLiteral("/join")).ok());
        ApiClient api;
        api.setBaseUrl(m_server.httpUrl());
        api.setToken(member.token());
        OutgoingMessage first;
        first.content = QStringLiteral("first");
        QVERIFY(await<Message>([&](QObject *c, auto cb) { api.sendMessage(roomId, first, c, cb); }).ok());
        OutgoingMessage second;
        second.content = QStringLiteral("second");
        auto slow = await<Message>([&](QObject *c, auto cb) { api.sendMessage(roomId, second, c, cb); });
        QVERIFY(!slow.ok());
        QCOMPARE(slow.error->code, ErrorCode::RateLimited);
        QVERIFY2(slow.error->message.startsWith(QStringLiteral("Slow mode: wait ")), qPrintable(slow.error->message));
    }

    void unreachableServerIsTransient()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        auto r = await<User>([&](QObject *c, auto cb) { api.me(c, cb); });
        QVERIFY(!r.ok());
        QCOMPARE(r.httpStatus, 0);
        QVERIFY(r.isTransient());
        QCOMPARE(r.error->code, ErrorCode::Unavailable);
    }

    void reconnectPolicyTable()
    {
        ReconnectPolicy p;
        p.setRandom([] { return 0.5; }); // no jitter
        QCOMPARE(p.delayMs(1), 500);
        QCOMPARE(p.delayMs(2), 1000);
        QCOMPARE(p.delayMs(3), 2000);
        QCOMPARE(p.delayMs(7), 30000);
        QCOMPARE(p.delayMs(1000), 30000); // capped
        p.setRandom([] { return 1.0; });
        QVERIFY(p.delayMs(1000) <= p.capMs());
        QVERIFY(p.delayMs(1000) > 30000);
        p.setRandom([] { return 0.0; });
        QVERIFY(p.delayMs(1) < 500); // jitter spreads both ways
    }

private:
    TestServer m_server;
    ApiClient m_api;
    User m_me;
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
