// SPDX-License-Identifier: GPL-3.0-or-later
// Message retention (issue 17, point 4): a room's messageRetention (days) and the server default
// are enforced by a background job in small batches while sends go on; each batch is a
// messages_purged event with its own seq, so a sync stays gap-free; pinned messages and a room's
// last message are kept; `confab-server admin retention --dry-run` prints what would go.
//
// "Old" messages are made by moving their created_at back 40 days in the database while the
// server is stopped, as if they had been written then.

#include "apitestutil.h"

#include <QDir>
#include <QSet>

#include <set>

using namespace confab::test;

namespace {

std::string typeOf(const json &f) { return f.value("type", std::string()); }
constexpr int kBatch = 50;

} // namespace

class TestRetention : public QObject {
    Q_OBJECT

private:
    TestServer m_server;
    Account m_owner;
    Account m_reader;
    QString m_news;    // 130 old messages, one pinned; gets messageRetention 30 after the restart
    QString m_archive; // 3 old messages, no retention of its own (the server default applies)
    QString m_quiet;   // 3 old messages, messageRetention 30: only its last message stays
    QStringList m_oldNews;
    QString m_pinned;

    QStringList serverArgs(const QStringList &extra = {}) const
    {
        return TestServer::relaxedArgs() +
               QStringList{QStringLiteral("--retention-batch-size"), QString::number(kBatch),
                           QStringLiteral("--retention-interval-seconds"), QStringLiteral("1")} +
               extra;
    }

    bool reconnect(Account &a, const QString &password = QStringLiteral("correct horse"))
    {
        a.rest = std::make_unique<RestClient>(m_server.httpUrl());
        const RestReply r =
            a->post(QStringLiteral("/v1/auth/login"), {{"username", ss(a.username)}, {"password", ss(password)}});
        if (r.status != 200)
            return false;
        a->setToken(qs(r.data()["token"]));
        return true;
    }

    QStringList contents(const QString &roomId)
    {
        QStringList out;
        for (const json &m : fullHistory(m_owner, roomId))
            out << qs(m["content"]);
        return out;
    }

    bool setRetention(const QString &roomId, int days)
    {
        const RestReply r = m_owner->patch(roomPath(roomId), {{"settings", {{"messageRetention", days}}}});
        if (r.status != 200)
            qWarning("%s", describe(r, 200).constData());
        return r.status == 200;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start(serverArgs()));
        m_owner = makeAccount(m_server, QStringLiteral("owner"));
        m_reader = makeAccount(m_server, QStringLiteral("reader"));
        QVERIFY(!m_owner.id.isEmpty() && !m_reader.id.isEmpty());
        m_news = qs(createRoom(m_owner, QStringLiteral("news"), QStringLiteral("public"))["roomId"]);
        m_archive = qs(createRoom(m_owner, QStringLiteral("archive"), QStringLiteral("public"))["roomId"]);
        m_quiet = qs(createRoom(m_owner, QStringLiteral("quiet"), QStringLiteral("public"))["roomId"]);
        QVERIFY(!m_news.isEmpty() && !m_archive.isEmpty() && !m_quiet.isEmpty());
        QCOMPARE(m_reader->post(roomPath(m_news, QStringLiteral("/join"))).status, 200);
        for (int i = 0; i < 130; ++i) {
            const json m = postMessage(m_owner, m_news, QStringLiteral("old news %1").arg(i));
            QVERIFY(m.is_object());
            m_oldNews << qs(m["messageId"]);
        }
        m_pinned = m_oldNews.at(5);
        QCOMPARE(m_owner->post(roomPath(m_news, QStringLiteral("/pins/") + m_pinned)).status, 200);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(postMessage(m_owner, m_archive, QStringLiteral("archived %1").arg(i)).is_object());
            QVERIFY(postMessage(m_owner, m_quiet, QStringLiteral("quiet %1").arg(i)).is_object());
        }
        QVERIFY(setRetention(m_quiet, 30));

        QVERIFY(m_server.stop());
        QVERIFY(m_server.execSql(QStringLiteral("UPDATE messages SET created_at = created_at - ?"),
                                 {qlonglong(40) * 24 * 3600 * 1000}));
    }

    // Before the server runs again: what would go, per room. The server default (35 days here)
    // covers the rooms without their own setting (news and archive); news keeps its pinned
    // message, and every room its last one written by a person. The rooms' system lines (the
    // reader joining news) go too, except those after that last message (news: "pinned"; quiet:
    // the retention change).
    void dryRunPrintsWhatWouldGo()
    {
        QByteArray out;
        QCOMPARE(m_server.runCommand({QStringLiteral("admin"), QStringLiteral("retention"), QStringLiteral("--dry-run"),
                                      QStringLiteral("--message-retention-days"), QStringLiteral("35")},
                                     &out),
                 0);
        QVERIFY2(out.contains((m_archive + QStringLiteral("\t35\t3\tarchive")).toUtf8()), out.constData());
        QVERIFY2(out.contains((m_quiet + QStringLiteral("\t30\t3\tquiet")).toUtf8()), out.constData());
        QVERIFY2(out.contains((m_news + QStringLiteral("\t35\t130\tnews")).toUtf8()), out.constData());
        QVERIFY2(out.contains("136 messages would be deleted in 3 rooms"), out.constData());
        // Nothing was deleted by looking.
        QCOMPARE(m_server.runCommand({QStringLiteral("admin"), QStringLiteral("retention"), QStringLiteral("--dry-run"),
                                      QStringLiteral("--message-retention-days"), QStringLiteral("35")},
                                     &out),
                 0);
        QVERIFY2(out.contains("136 messages would be deleted"), out.constData());
        // Without a server default, only the room with its own setting is under retention.
        QCOMPARE(m_server.runCommand(
                     {QStringLiteral("admin"), QStringLiteral("retention"), QStringLiteral("--dry-run")}, &out),
                 0);
        QVERIFY2(!out.contains(m_news.toUtf8()) && !out.contains(m_archive.toUtf8()), out.constData());
        QVERIFY2(out.contains("3 messages would be deleted in 1 room under"), out.constData());
        // Without --dry-run the command says what it needs.
        QCOMPARE(m_server.runCommand({QStringLiteral("admin"), QStringLiteral("retention")}, &out), 2);
        QVERIFY2(out.contains("--dry-run"), out.constData());
    }

    void purgesInBatchesWhileSendsContinueAndSyncStaysGapFree()
    {
        QVERIFY(m_server.start(serverArgs()));
        QVERIFY(reconnect(m_owner) && reconnect(m_reader));
        // quiet had its own retention before the restart: its first two messages go, the last stays.
        QTRY_COMPARE_WITH_TIMEOUT(contents(m_quiet), QStringList{QStringLiteral("quiet 2")}, 15000);
        QCOMPARE(contents(m_archive).size(), 3); // no retention there (server default 0)

        auto ws = connectWs(m_server, m_reader);
        QVERIFY(ws);
        QVERIFY(setRetention(m_news, 30));
        // Keep sending while the sweep (every second) works through the 129 unpinned old messages.
        constexpr int kSends = 30;
        for (int i = 0; i < kSends; ++i) {
            ws->send({{"type", "send_message"},
                      {"roomId", ss(m_news)},
                      {"content", "fresh " + std::to_string(i)},
                      {"ref", "s" + std::to_string(i)}});
        }
        QSet<QString> purged;
        std::set<qint64> liveSeqs; // of news' events, live or acknowledged
        int acks = 0, purgeEvents = 0;
        QElapsedTimer waited;
        waited.start();
        while ((acks < kSends || purged.size() < 128) && waited.elapsed() < 30000) {
            const json f = ws->waitFor([](const json &) { return true; }, 2000);
            if (f.is_null())
                continue;
            if (typeOf(f) == "ack") {
                ++acks;
                liveSeqs.insert(f["message"]["seq"].get<qint64>());
            }
            const bool inNews = qs(f.value("roomId", json())) == m_news ||
                                (f.contains("message") && qs(f["message"]["roomId"]) == m_news) ||
                                (f.contains("room") && qs(f["room"]["roomId"]) == m_news);
            if (f.contains("seq") && inNews)
                liveSeqs.insert(f["seq"].get<qint64>());
            if (typeOf(f) == "messages_purged") {
                ++purgeEvents;
                QVERIFY2(f["messageIds"].size() <= size_t(kBatch), dumpJson(f).constData());
                for (const json &id : f["messageIds"])
                    purged.insert(qs(id));
            }
        }
        QCOMPARE(acks, kSends);
        // 130 old messages: the pinned one stays; the room's last message is a fresh one now. The
        // room's three old system lines (owner and reader joined, the pin) go with them.
        QCOMPARE(purged.size(), qsizetype(129 + 3));
        QVERIFY2(purgeEvents >= 3, qPrintable(QString::number(purgeEvents)));
        QVERIFY(!purged.contains(m_pinned));
        // What this connection saw of the room since the retention change is gap-free too.
        QCOMPARE(qint64(liveSeqs.size()), *liveSeqs.rbegin() - *liveSeqs.begin() + 1);

        const QStringList now = contents(m_news);
        QVERIFY2(now.contains(QStringLiteral("old news 5")), qPrintable(now.join(QLatin1Char(','))));
        QCOMPARE(now.filter(QStringLiteral("old news")).size(), 1);
        QCOMPARE(now.filter(QStringLiteral("fresh ")).size(), kSends);
        const json pins = m_owner->get(roomPath(m_news, QStringLiteral("/pins"))).data();
        QVERIFY2(dumpJson(pins).contains(m_pinned.toUtf8()), dumpJson(pins).constData());

        // A client that never saw the room catches up without a gap: the purged messages' own
        // events come back as message_deleted, then the purge events and the sends.
        auto late = connectWs(m_server, m_reader);
        QVERIFY(late);
        late->send({{"type", "sync"}, {"rooms", {{ss(m_news), 0}}}, {"ref", "catch-up"}});
        qint64 expected = 1;
        int replayedPurges = 0, replayedFresh = 0, replayedDeleted = 0, replayedSystem = 0;
        for (json f = late->waitFor([](const json &) { return true; }); !f.is_null();
             f = late->waitFor([](const json &) { return true; })) {
            if (typeOf(f) == "synced")
                break;
            if (!f.contains("seq"))
                continue;
            QCOMPARE(f["seq"].get<qint64>(), expected);
            ++expected;
            replayedPurges += typeOf(f) == "messages_purged";
            const bool system = typeOf(f) == "new_message" && f["message"].value("type", std::string()) == "system";
            replayedFresh += typeOf(f) == "new_message" && !system;
            replayedSystem += system;
            replayedDeleted += typeOf(f) == "message_deleted";
        }
        QCOMPARE(replayedPurges, purgeEvents);
        QCOMPARE(replayedFresh, kSends + 1); // and the pinned old one
        QCOMPARE(replayedSystem, 1);         // "… set messages to be kept 30 days"
        QCOMPARE(replayedDeleted, 129 + 3);  // and the three old system lines
        QCOMPARE(expected - 1, *liveSeqs.rbegin());
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
