// SPDX-License-Identifier: GPL-3.0-or-later
// Word filters: the server-wide list (--word-filter-file) and each room's own (settings.wordFilter),
// rejecting or masking, on sends and edits.

#include "restclient.h"
#include "testserver.h"

#include <QtTest>

using namespace confab::test;
using nlohmann::json;

class TestWordFilter : public QObject {
    Q_OBJECT

private:
    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<RestClient> m_owner, m_member;
    QString m_room;

    QString roomPath(const QString &tail = {}) const { return QStringLiteral("/v1/chat/rooms/") + m_room + tail; }
    RestReply send(RestClient &c, const char *text)
    {
        return c.post(roomPath(QStringLiteral("/messages")), {{"content", text}});
    }
    static QString content(const RestReply &r)
    {
        return QString::fromStdString(r.data()["content"].get<std::string>());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile words(m_dir.filePath(QStringLiteral("blocked.txt")));
        QVERIFY(words.open(QIODevice::WriteOnly));
        words.write("# server-wide list\nheck\n\nfrick\n");
        words.close();
        QVERIFY(
            m_server.start({QStringLiteral("--insecure-fast-password-hashing"), QStringLiteral("--word-filter-file"),
                            words.fileName(), QStringLiteral("--word-filter-action"), QStringLiteral("mask")}));
        m_owner = std::make_unique<RestClient>(m_server.httpUrl());
        m_member = std::make_unique<RestClient>(m_server.httpUrl());
        QVERIFY(!m_owner->signUp(QStringLiteral("owner")).is_null());
        QVERIFY(!m_member->signUp(QStringLiteral("member")).is_null());
        const RestReply room =
            m_owner->post(QStringLiteral("/v1/chat/rooms"), {{"name", "filtered"}, {"type", "public"}});
        QCOMPARE(room.status, 201);
        m_room = QString::fromStdString(room.data()["roomId"].get<std::string>());
        QCOMPARE(m_member->post(roomPath(QStringLiteral("/join"))).status, 200);
    }

    void serverWideListMasksWholeWordsInAnyCase()
    {
        RestReply r = send(*m_member, "what the Heck, frick!");
        QCOMPARE(r.status, 201);
        QCOMPARE(content(r), QStringLiteral("what the ****, *****!"));
        r = send(*m_member, "heckle and Frickles stay"); // parts of longer words are not blocked
        QCOMPARE(r.status, 201);
        QCOMPARE(content(r), QStringLiteral("heckle and Frickles stay"));
    }

    void roomListRejectsAndChangesNothing()
    {
        const RestReply set = m_owner->patch(roomPath(), {{"settings", {{"wordFilter", {"darn", "blast"}}}}});
        QCOMPARE(set.status, 200);
        QCOMPARE(set.data()["settings"]["wordFilterAction"], "reject");
        // A member may not change the room's list.
        QCOMPARE(m_member->patch(roomPath(), {{"settings", {{"wordFilter", json::array()}}}}).status, 403);

        const RestReply before = m_member->get(roomPath(QStringLiteral("/messages?limit=100")));
        const auto count = before.data()["messages"].size();
        const RestReply r = send(*m_member, "DARN it");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION_FAILED"));
        QCOMPARE(r.errorField(), QStringLiteral("content"));
        QCOMPARE(m_member->get(roomPath(QStringLiteral("/messages?limit=100"))).data()["messages"].size(), count);
        QCOMPARE(send(*m_member, "darning socks").status, 201);
    }

    void editsAreFilteredToo()
    {
        const RestReply sent = send(*m_member, "all good");
        QCOMPARE(sent.status, 201);
        const QString id = QString::fromStdString(sent.data()["messageId"].get<std::string>());
        const RestReply edit = m_member->patch(roomPath(QStringLiteral("/messages/") + id), {{"content", "blast it"}});
        QCOMPARE(edit.status, 422);
        QCOMPARE(edit.errorField(), QStringLiteral("content"));
        const RestReply history = m_member->get(roomPath(QStringLiteral("/messages?limit=1")));
        QCOMPARE(history.data()["messages"][0]["content"], "all good");
    }

    void roomListCanMask()
    {
        QCOMPARE(m_owner->patch(roomPath(), {{"settings", {{"wordFilterAction", "mask"}}}}).status, 200);
        const RestReply r = send(*m_member, "blast! darn heck");
        QCOMPARE(r.status, 201);
        QCOMPARE(content(r), QStringLiteral("*****! **** ****"));
    }

    void badListsAreRefused()
    {
        json tooMany = json::array();
        for (int i = 0; i < 201; ++i)
            tooMany.push_back("w" + std::to_string(i));
        RestReply r = m_owner->patch(roomPath(), {{"settings", {{"wordFilter", tooMany}}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorField(), QStringLiteral("settings.wordFilter"));
        r = m_owner->patch(roomPath(), {{"settings", {{"wordFilterAction", "shout"}}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorField(), QStringLiteral("settings.wordFilterAction"));
    }

    void missingListFileStopsTheServerWithAReason()
    {
        TestServer other;
        QVERIFY(!other.start({QStringLiteral("--word-filter-file"), QStringLiteral("/nonexistent/words.txt")}));
        QVERIFY2(other.output().contains("word-filter-file"), other.output().constData());
    }
};

QTEST_GUILESS_MAIN(TestWordFilter)
#include "tst_wordfilter.moc"
