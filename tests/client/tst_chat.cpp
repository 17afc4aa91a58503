// SPDX-License-Identifier: GPL-3.0-or-later
// Two people chatting through two client engines against a real server: every model under
// QAbstractItemModelTester from empty, messages, edits, reactions, deletes, typing, presence,
// members, unread counts, older pages and the bounded window.

#include "clienttest.h"

#include "client/models/knownusers.h"
#include "client/models/membermodel.h"
#include "client/models/messagemodel.h"
#include "client/models/presencemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/models/typingmodel.h"
#include "client/room/moderationactions.h"
#include "client/room/postingstate.h"
#include "client/room/roomcontext.h"
#include "client/room/roomstanding.h"
#include "client/sync/localstore.h"

#include <QAbstractItemModelTester>

using namespace confab;
using namespace confab::client;
using namespace confab::test;

namespace {
using Tester = QAbstractItemModelTester;
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::QtTest;

int rowWithContent(const QAbstractItemModel &m, const QString &text)
{
    for (int i = 0; i < m.rowCount(); ++i) {
        if (m.data(m.index(i, 0), MessageModel::ContentRole).toString() == text)
            return i;
    }
    return -1;
}

bool seqsIncrease(const MessageModel &m)
{
    qint64 last = -1;
    for (int i = 0; i < m.rowCount(); ++i) {
        if (m.deliveryAt(i) != MessageModel::Delivery::Sent)
            continue;
        if (m.messageAt(i).seq <= last)
            return false;
        last = m.messageAt(i).seq;
    }
    return true;
}
} // namespace

class TestChat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start(fastServerArgs()));
        m_alice = signUp(m_server, QStringLiteral("alice"));
        m_bob = signUp(m_server, QStringLiteral("bob"));
        QVERIFY(!m_alice.token.isEmpty() && !m_bob.token.isEmpty());
        RestClient a(m_server.httpUrl());
        a.setToken(m_alice.token);
        const RestReply room = a.post(QStringLiteral("/v1/chat/rooms"), {{"name", "lobby"}, {"type", "public"}});
        QVERIFY(room.ok());
        m_roomId = QString::fromStdString(room.data()["roomId"].get<std::string>());
        RestClient b(m_server.httpUrl());
        b.setToken(m_bob.token);
        QVERIFY(b.post(QStringLiteral("/v1/chat/rooms/") + m_roomId + QStringLiteral("/join")).ok());

        m_a = std::make_unique<TestClient>(m_server, m_alice, m_dir.filePath(QStringLiteral("a.sqlite")));
        m_b = std::make_unique<TestClient>(m_server, m_bob, m_dir.filePath(QStringLiteral("b.sqlite")));
    }

    void roomsShowUp()
    {
        QVERIFY(m_a->start());
        QVERIFY(m_b->start());
        // The engines' models exist from start(); their data comes after (cache empty here).
        Tester ta(&m_a->engine()->rooms(), kFatal), tb(&m_b->engine()->rooms(), kFatal);
        m_presenceTester = std::make_unique<Tester>(&m_b->engine()->presence(), kFatal);
        QTRY_COMPARE_WITH_TIMEOUT(m_a->engine()->rooms().rowCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_b->engine()->rooms().rowCount(), 1, 10000);
        auto &rooms = m_a->engine()->rooms();
        QCOMPARE(rooms.data(rooms.index(0), RoomListModel::NameRole).toString(), QStringLiteral("lobby"));
        QCOMPARE(rooms.data(rooms.index(0), RoomListModel::TypeRole).toString(), QStringLiteral("public"));
        QCOMPARE(rooms.data(rooms.index(0), RoomListModel::MyRoleRole).toString(), QStringLiteral("owner"));
        // The newest message is the line the server wrote when Bob joined: the list says so (it
        // said "No messages yet": that line has no text of its own) and names no separate author.
        QCOMPARE(rooms.data(rooms.index(0), RoomListModel::LastMessageRole).toString(), QStringLiteral("BOB joined"));
        QCOMPARE(rooms.data(rooms.index(0), RoomListModel::LastAuthorRole).toString(), QString());
        QVERIFY(rooms.roleNames().contains(RoomListModel::UnreadCountRole));
        QVERIFY(m_a->waitOnline());
        QVERIFY(m_b->waitOnline());
    }

    void chatting()
    {
        m_ma = m_a->engine()->createMessageModel(m_roomId, this);
        m_mb = m_b->engine()->createMessageModel(m_roomId, this);
        Tester ta(m_ma, kFatal), tb(m_mb, kFatal);
        Tester tr(&m_b->engine()->rooms(), kFatal);
        QSignalSpy loadedA(m_ma, &MessageModel::latestLoaded), loadedB(m_mb, &MessageModel::latestLoaded);
        m_ma->load();
        m_mb->load();
        QVERIFY(loadedA.count() || loadedA.wait(10000));
        QVERIFY(loadedB.count() || loadedB.wait(10000));
        // The room opens with its system lines (who joined); messages come after them.
        QVERIFY(m_ma->rowCount() > 0);
        m_base = m_ma->rowCount();
        QCOMPARE(m_mb->rowCount(), m_base);

        const QString id = m_a->engine()->sendMessage(m_roomId, QStringLiteral("hi bob"));
        // The local echo is there at once, pending.
        QCOMPARE(m_ma->rowCount(), m_base + 1);
        QCOMPARE(m_ma->deliveryAt(m_base), MessageModel::Delivery::Pending);
        QCOMPARE(m_ma->data(m_ma->index(m_base), MessageModel::ClientMsgIdRole).toString(), id);
        QTRY_COMPARE_WITH_TIMEOUT(m_ma->deliveryAt(m_base), MessageModel::Delivery::Sent, 10000);
        QVERIFY(!m_ma->messageAt(m_base).messageId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(rowWithContent(*m_mb, QStringLiteral("hi bob")), m_base, 10000);

        m_b->engine()->sendMessage(m_roomId, QStringLiteral("hi alice"));
        QTRY_COMPARE_WITH_TIMEOUT(rowWithContent(*m_ma, QStringLiteral("hi alice")), m_base + 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_mb->deliveryAt(m_base + 1), MessageModel::Delivery::Sent, 10000);
        QTest::qWait(200); // any late duplicate (ack and live event) would show now
        QCOMPARE(m_ma->rowCount(), m_base + 2);
        QCOMPARE(m_mb->rowCount(), m_base + 2);
        QVERIFY(seqsIncrease(*m_ma));
        QVERIFY(m_ma->data(m_ma->index(m_base), MessageModel::IsMineRole).toBool());
        QVERIFY(!m_ma->data(m_ma->index(m_base + 1), MessageModel::IsMineRole).toBool());

        // Bob is not reading the room: Alice's message counts as unread there, until he does.
        auto &roomsB = m_b->engine()->rooms();
        QCOMPARE(roomsB.data(roomsB.index(0), RoomListModel::UnreadCountRole).toInt(), 1);
        QCOMPARE(roomsB.data(roomsB.index(0), RoomListModel::LastMessageRole).toString(), QStringLiteral("hi alice"));
        roomsB.setActiveRoom(m_roomId);
        QCOMPARE(roomsB.data(roomsB.index(0), RoomListModel::UnreadCountRole).toInt(), 0);
    }

    void editsReactionsAndDeletes()
    {
        Tester ta(m_ma, kFatal), tb(m_mb, kFatal);
        const Message bobs = m_mb->messageAt(m_base + 1);
        const Message alices = m_ma->messageAt(m_base);
        QVERIFY(await<Message>([&](QObject *c, auto cb) {
                    m_b->api().editMessage(m_roomId, bobs.messageId, QStringLiteral("hi alice!"), c, cb);
                }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(m_ma->data(m_ma->index(m_base + 1), MessageModel::ContentRole).toString(),
                                  QStringLiteral("hi alice!"), 10000);
        QVERIFY(m_ma->data(m_ma->index(m_base + 1), MessageModel::IsEditedRole).toBool());

        QVERIFY(await<Message>([&](QObject *c, auto cb) {
                    m_a->api().addReaction(m_roomId, bobs.messageId, QStringLiteral("🎉"), c, cb);
                }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(m_mb->data(m_mb->index(m_base + 1), MessageModel::ReactionsRole).toList().size(), 1,
                                  10000);
        const QVariantMap reaction =
            m_mb->data(m_mb->index(m_base + 1), MessageModel::ReactionsRole).toList().first().toMap();
        QCOMPARE(reaction.value(QStringLiteral("emoji")).toString(), QStringLiteral("🎉"));
        QCOMPARE(reaction.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(reaction.value(QStringLiteral("mine")).toBool(), false);

        QVERIFY(await<Message>([&](QObject *c, auto cb) {
                    m_a->api().deleteMessage(m_roomId, alices.messageId, c, cb);
                }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(m_mb->data(m_mb->index(m_base), MessageModel::IsDeletedRole).toBool(), 10000);
        QCOMPARE(m_mb->rowCount(), m_base + 2); // changed in place, not removed or added
    }

    // An anonymous message waiting in the outbox stays anonymous across a restart (it is sent
    // later with isAnonymous).
    void anonymousOutgoingSurvivesARestart()
    {
        const QString path = m_dir.filePath(QStringLiteral("anonymous-outbox.sqlite"));
        {
            LocalStore store;
            QVERIFY(store.open(path));
            OutgoingItem plain;
            plain.clientMsgId = QStringLiteral("c-plain");
            plain.roomId = m_roomId;
            plain.content = QStringLiteral("signed");
            store.addOutgoing(plain);
            OutgoingItem masked = plain;
            masked.clientMsgId = QStringLiteral("c-masked");
            masked.content = QStringLiteral("unsigned");
            masked.anonymous = true;
            store.addOutgoing(masked);
        }
        LocalStore reopened;
        QVERIFY(reopened.open(path));
        const std::vector<OutgoingItem> items = reopened.outgoing();
        QCOMPARE(int(items.size()), 2);
        QCOMPARE(items[0].clientMsgId, QStringLiteral("c-plain"));
        QVERIFY(!items[0].anonymous);
        QCOMPARE(items[1].clientMsgId, QStringLiteral("c-masked"));
        QVERIFY(items[1].anonymous);
    }

    void typingShowsAndExpires()
    {
        TypingModel *typing = m_b->engine()->createTypingModel(m_roomId, this);
        Tester t(typing, kFatal);
        typing->setExpiryMs(600); // shorter than the server's own 3 s stop: the model expires it
        m_a->engine()->userIsTyping(m_roomId);
        QTRY_COMPARE_WITH_TIMEOUT(typing->rowCount(), 1, 10000);
        QCOMPARE(typing->data(typing->index(0), TypingModel::DisplayNameRole).toString(), QStringLiteral("ALICE"));
        QCOMPARE(typing->summary(), QStringLiteral("ALICE is typing…"));
        QTRY_COMPARE_WITH_TIMEOUT(typing->rowCount(), 0, 2500);
        delete typing;
    }

    void presenceArrives()
    {
        auto &presence = m_b->engine()->presence();
        m_a->engine()->setPresence(PresenceStatus::Away, QStringLiteral("lunch"));
        QTRY_VERIFY_WITH_TIMEOUT(presence.presence(m_alice.user.userId) &&
                                     presence.presence(m_alice.user.userId)->status == PresenceStatus::Away,
                                 10000);
        const int row = presence.rowOf(m_alice.user.userId);
        QCOMPARE(presence.data(presence.index(row), PresenceModel::CustomStatusRole).toString(),
                 QStringLiteral("lunch"));
        QCOMPARE(presence.data(presence.index(row), PresenceModel::StatusRole).toString(), QStringLiteral("away"));
    }

    void membersWithRolesAndPresence()
    {
        MemberModel *members = m_a->engine()->createMemberModel(m_roomId, this);
        Tester t(members, kFatal);
        QSignalSpy loaded(members, &MemberModel::loaded);
        members->load();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(members->rowCount(), 2);
        const int alice = members->rowOf(m_alice.user.userId), bob = members->rowOf(m_bob.user.userId);
        QCOMPARE(members->data(members->index(alice), MemberModel::RoleRole).toString(), QStringLiteral("owner"));
        QCOMPARE(members->data(members->index(bob), MemberModel::RoleRole).toString(), QStringLiteral("member"));
        QCOMPARE(alice, 0); // the owner first
        m_b->engine()->setPresence(PresenceStatus::Busy);
        QTRY_COMPARE_WITH_TIMEOUT(members->data(members->index(bob), MemberModel::StatusRole).toString(),
                                  QStringLiteral("busy"), 10000);
        // A role change arrives live (member_updated); the owner stays first.
        MemberChange change;
        change.role = Role::Admin;
        QVERIFY(await<Member>([&](QObject *c, auto cb) {
                    m_a->api().updateMember(m_roomId, m_bob.user.userId, change, c, cb);
                }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(
            members->data(members->index(members->rowOf(m_bob.user.userId)), MemberModel::RoleRole).toString(),
            QStringLiteral("admin"), 10000);
        QCOMPARE(members->rowOf(m_alice.user.userId), 0);
        delete members;
    }

    void roomContextHoldsOneRoom()
    {
        // What the UI takes for an open room, made in one place (ChatEngine::openRoom): every part
        // is about that room, the models load as their single counterparts do, and the draft is
        // kept in the account's cache, so it outlives the context.
        std::unique_ptr<RoomContext> room(m_a->engine()->openRoom(m_roomId, nullptr));
        QCOMPARE(room->roomId(), m_roomId);
        QCOMPARE(room->messages().roomId(), m_roomId);
        QCOMPARE(room->standing().roomId(), m_roomId);
        QCOMPARE(room->moderation().roomId(), m_roomId);
        Tester tm(&room->messages(), kFatal), tmem(&room->members(), kFatal), tt(&room->typing(), kFatal);
        QSignalSpy loaded(&room->members(), &MemberModel::loaded);
        room->members().load();
        room->messages().load();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(room->members().rowCount(), 2);
        QTRY_VERIFY(room->standing().myRole() == Role::Owner);
        QCOMPARE(room->posting().block(), PostingState::Block::None);
        QVERIFY(!room->names().nameOf(m_bob.user.userId).isEmpty()); // learnt from the member list
        QTRY_VERIFY_WITH_TIMEOUT(room->messages().isLatestLoaded(), 10000);

        room->saveDraft(QStringLiteral("half a thought"));
        room.reset();
        room.reset(m_a->engine()->openRoom(m_roomId, nullptr));
        QCOMPARE(room->draft(), QStringLiteral("half a thought"));
        room->saveDraft({});
    }

    void olderPagesAndBoundedWindow()
    {
        for (int i = 0; i < 40; ++i) {
            OutgoingMessage m;
            m.content = QStringLiteral("bulk %1").arg(i);
            QVERIFY(await<Message>([&](QObject *c, auto cb) { m_a->api().sendMessage(m_roomId, m, c, cb); }).ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_mb->rowCount(), m_base + 42, 10000); // live, in the open model
        QVERIFY(seqsIncrease(*m_mb));

        MessageModel *window = m_b->engine()->createMessageModel(m_roomId, this);
        auto t = std::make_unique<Tester>(window, kFatal);
        window->setPageSize(10);
        window->setMaxRows(15);
        QSignalSpy latest(window, &MessageModel::latestLoaded);
        window->load();
        QVERIFY(latest.count() || latest.wait(10000));
        // (The tester may already have asked for an older page: it calls fetchMore() itself.)
        QVERIFY(window->rowCount() >= 10 && window->rowCount() <= 15);
        QVERIFY(seqsIncrease(*window));
        // Read back until the window had to let go of the newest rows.
        QSignalSpy older(window, &MessageModel::olderLoaded);
        for (int pages = 0; window->isAtLatest() && pages < 5; ++pages) {
            QTRY_VERIFY_WITH_TIMEOUT(!window->isFetchingOlder(), 10000);
            QVERIFY(window->canFetchMore({}));
            const int before = older.count();
            window->fetchMore({});
            window->fetchMore({}); // a second call while the first runs does nothing
            QVERIFY(window->isFetchingOlder());
            QVERIFY(!window->canFetchMore({}));
            QTRY_COMPARE_WITH_TIMEOUT(older.count(), before + 1, 10000);
            QTest::qWait(100);
            QCOMPARE(older.count(), before + 1);
        }
        QVERIFY(!window->isAtLatest()); // the newest rows made room for older ones
        QCOMPARE(window->rowCount(), 15);
        QVERIFY(seqsIncrease(*window));
        QVERIFY(window->messageAt(window->rowCount() - 1).content != QStringLiteral("bulk 39"));
        // Live messages beyond the window wait for fetchNewer().
        // The tester calls fetchMore() by itself whenever it re-checks the model, which would
        // keep pulling the window back; scrolling down is checked without it.
        t.reset();
        for (int pages = 0; !window->isAtLatest() && pages < 5; ++pages) {
            window->fetchNewer(); // as a view scrolled to the bottom does
            QTRY_VERIFY_WITH_TIMEOUT(!window->isFetchingNewer(), 10000);
        }
        QVERIFY(window->isAtLatest());
        QCOMPARE(window->messageAt(window->rowCount() - 1).content, QStringLiteral("bulk 39"));
        QVERIFY(window->rowCount() <= 15);
        QVERIFY(seqsIncrease(*window));
        // The rows repeat their room's id and their author's id and name: one shared copy each,
        // not one allocation per row (MessageModel::shareStrings).
        const Message first = window->messageAt(0), last = window->messageAt(window->rowCount() - 1);
        QCOMPARE(first.authorId, last.authorId);
        QVERIFY(first.authorId.isSharedWith(last.authorId));
        QVERIFY(first.authorName.isSharedWith(last.authorName));
        QVERIFY(first.roomId.isSharedWith(last.roomId));
        delete window;
    }

    void roomListFollowsActivity()
    {
        auto &rooms = m_a->engine()->rooms();
        Tester t(&rooms, kFatal);
        NewRoom nr;
        nr.name = QStringLiteral("second");
        auto created = await<Room>([&](QObject *c, auto cb) { m_a->api().createRoom(nr, c, cb); });
        QVERIFY(created.ok());
        // Learnt live (we joined it), newest activity first.
        QTRY_COMPARE_WITH_TIMEOUT(rooms.rowCount(), 2, 10000);
        QCOMPARE(rooms.roomAt(0).roomId, created.value.roomId);
        // A message in the lobby moves it back to the top, one move, no reset.
        QSignalSpy moved(&rooms, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&rooms, &QAbstractItemModel::modelReset);
        m_b->engine()->sendMessage(m_roomId, QStringLiteral("bump"));
        QTRY_COMPARE_WITH_TIMEOUT(rooms.roomAt(0).roomId, m_roomId, 10000);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(rooms.data(rooms.index(0), RoomListModel::LastMessageRole).toString(), QStringLiteral("bump"));
        QVERIFY(rooms.data(rooms.index(0), RoomListModel::UnreadCountRole).toInt() >= 1);
    }

    void mentionsAndDirectRoomPresence()
    {
        auto &rooms = m_a->engine()->rooms();
        Tester t(&rooms, kFatal);
        rooms.setActiveRoom(QString()); // Alice reads nothing: the lobby's messages count
        const int lobby = rooms.rowOf(m_roomId);
        const int mentionsBefore = rooms.data(rooms.index(lobby), RoomListModel::MentionCountRole).toInt();
        m_b->engine()->sendMessage(m_roomId, QStringLiteral("no mention here"));
        m_b->engine()->sendMessage(m_roomId, QStringLiteral("@Alice can you look?"));
        QTRY_COMPARE_WITH_TIMEOUT(
            rooms.data(rooms.index(rooms.rowOf(m_roomId)), RoomListModel::MentionCountRole).toInt(), mentionsBefore + 1,
            10000);
        // The server counts the same (it answers a fresh listing with it).
        RestClient a(m_server.httpUrl());
        a.setToken(m_alice.token);
        const RestReply list = a.get(QStringLiteral("/v1/chat/rooms?joined=true"));
        const auto data = list.data();
        int serverMentions = -1;
        for (const auto &r : data["rooms"]) {
            if (r["roomId"] == m_roomId.toStdString())
                serverMentions = r["mentionCount"].get<int>();
        }
        QCOMPARE(serverMentions, mentionsBefore + 1);
        rooms.markRead(m_roomId);
        QCOMPARE(rooms.data(rooms.index(rooms.rowOf(m_roomId)), RoomListModel::MentionCountRole).toInt(), 0);

        // A direct room is named after the other person, and shows their presence.
        NewRoom dm;
        dm.type = RoomType::Direct;
        dm.members = QStringList{m_bob.user.userId};
        auto created = await<Room>([&](QObject *c, auto cb) { m_a->api().createRoom(dm, c, cb); });
        QVERIFY(created.ok());
        QCOMPARE(created.value.peerUserId, m_bob.user.userId);
        QTRY_VERIFY_WITH_TIMEOUT(rooms.rowOf(created.value.roomId) >= 0, 10000);
        rooms.refresh(); // the peer is tracked when the list loads
        const auto peerStatus = [&] {
            return rooms.data(rooms.index(rooms.rowOf(created.value.roomId)), RoomListModel::PeerStatusRole).toString();
        };
        // Bob is connected; an earlier test may have left him busy or away, but not offline.
        QTRY_VERIFY_WITH_TIMEOUT(!peerStatus().isEmpty() && peerStatus() != QStringLiteral("offline"), 10000);
        QCOMPARE(rooms.data(rooms.index(rooms.rowOf(created.value.roomId)), RoomListModel::NameRole).toString(),
                 m_bob.user.displayName);
        const bool wasAway = peerStatus() == QStringLiteral("away");
        m_b->engine()->setPresence(wasAway ? PresenceStatus::Busy : PresenceStatus::Away, QStringLiteral("deep work"));
        QTRY_COMPARE_WITH_TIMEOUT(peerStatus(), wasAway ? QStringLiteral("busy") : QStringLiteral("away"), 10000);
    }

    void cleanupTestCase()
    {
        delete m_ma;
        delete m_mb;
        m_presenceTester.reset();
        m_a.reset();
        m_b.reset();
    }

private:
    QTemporaryDir m_dir;
    TestServer m_server;
    Account m_alice, m_bob;
    QString m_roomId;
    std::unique_ptr<TestClient> m_a, m_b;
    int m_base = 0; // the room's system lines before the first message
    MessageModel *m_ma = nullptr;
    MessageModel *m_mb = nullptr;
    std::unique_ptr<Tester> m_presenceTester;
};

QTEST_GUILESS_MAIN(TestChat)
#include "tst_chat.moc"
