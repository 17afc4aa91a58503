// SPDX-License-Identifier: GPL-3.0-or-later
// The demo engine: a DemoServer in this process on its own thread, seeded through the services,
// with its cast of demo users speaking the real protocol. Checked from outside as a client would:
// REST for the seeded world, a WebSocket for the live events, and a clean, prompt stop.

#include "apitestutil.h"

#include "demo/demoserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <algorithm>

using namespace confab::test;
using confab::demo::DemoServer;

namespace {

constexpr double kFast = 0.1; // the cast's delays, scaled for the test

struct Started {
    QUrl url;
    QString token;
    QString userId;
};

// Starts the demo and waits for ready(); empty url on failure (with the reason logged).
Started startDemo(DemoServer &demo)
{
    QSignalSpy ready(&demo, &DemoServer::ready);
    QSignalSpy failed(&demo, &DemoServer::failed);
    demo.start();
    if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 30000) || ready.isEmpty()) {
        qWarning("demo did not start: %s",
                 failed.isEmpty() ? "time-out" : qPrintable(failed.first().first().toString()));
        return {};
    }
    const QList<QVariant> args = ready.takeFirst();
    return {args.at(0).toUrl(), args.at(1).toString(), args.at(2).toString()};
}

QUrl wsUrl(const Started &s)
{
    QUrl u = s.url;
    u.setScheme(QStringLiteral("ws"));
    u.setPath(QStringLiteral("/chat"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("token"), s.token);
    u.setQuery(q);
    return u;
}

// Every message of a room, oldest first (null on failure).
std::vector<json> allMessages(RestClient &rest, const QString &roomId)
{
    std::vector<json> newestPagesFirst;
    QString before;
    for (int guard = 0; guard < 50; ++guard) {
        QString path = roomPath(roomId, QStringLiteral("/messages?limit=100"));
        if (!before.isEmpty())
            path += QStringLiteral("&before=") + before;
        const RestReply r = rest.get(path);
        if (r.status != 200)
            return {};
        const json page = r.data();
        std::vector<json> messages = page["messages"].get<std::vector<json>>();
        newestPagesFirst.insert(newestPagesFirst.begin(), messages.begin(), messages.end());
        if (!page["pagination"].value("hasMore", false) || messages.empty())
            break;
        before = qs(messages.front()["messageId"]);
    }
    return newestPagesFirst;
}

json joinedRooms(RestClient &rest)
{
    const RestReply r = rest.get(QStringLiteral("/v1/chat/rooms?joined=true&limit=100"));
    return r.status == 200 ? r.data()["rooms"] : json();
}

json roomNamed(const json &rooms, const std::string &name)
{
    for (const json &r : rooms) {
        if (r.value("name", std::string()) == name)
            return r;
    }
    return nullptr;
}

// The first attachment of that MIME type (prefix) in these messages, with its message's type.
std::pair<json, std::string> attachmentOfType(const std::vector<json> &messages, const std::string &mime)
{
    for (const json &m : messages) {
        for (const json &a : m.value("attachments", json::array())) {
            if (a.value("mimeType", std::string()).rfind(mime, 0) == 0)
                return {a, m.value("type", std::string())};
        }
    }
    return {nullptr, {}};
}

// Downloads an attachment: its bytes when the answer is 200 with that Content-Type.
QByteArray download(RestClient &rest, const json &attachment, const QByteArray &contentType)
{
    const RestReply r = rest.get(qs(attachment["url"]));
    if (r.status != 200 || r.header("Content-Type") != contentType) {
        qWarning("download of %s: %d %s", qPrintable(qs(attachment["url"])), r.status,
                 r.header("Content-Type").constData());
        return {};
    }
    return r.raw;
}

bool containsText(const std::vector<json> &messages, const std::string &needle)
{
    return std::any_of(messages.begin(), messages.end(), [&](const json &m) {
        return m.value("content", std::string()).find(needle) != std::string::npos;
    });
}

} // namespace

class TestDemo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void seededWorldIsAliveAndStopsPromptly();
    void restartDoesNotSeedTwice();
    void stopBeforeReadyIsSafe();
    void offlineAssistantSummarizesGeneral();
};

void TestDemo::seededWorldIsAliveAndStopsPromptly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DemoServer demo({dir.path(), kFast});
    const Started s = startDemo(demo);
    QVERIFY(s.url.isValid());
    QCOMPARE(s.url.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(s.url.port() > 0);
    QVERIFY(!s.token.isEmpty());

    RestClient rest(s.url);
    rest.setToken(s.token);
    const RestReply me = rest.get(QStringLiteral("/v1/me"));
    CHECK_STATUS(me, 200);
    QCOMPARE(qs(me.data()["username"]), QStringLiteral("demo"));
    QCOMPARE(qs(me.data()["userId"]), s.userId);
    QCOMPARE(qs(me.data()["role"]), QStringLiteral("admin"));

    // Rooms of every type, each with history.
    const json rooms = joinedRooms(rest);
    QVERIFY2(rooms.is_array(), dumpJson(rooms).constData());
    QSet<QString> types;
    int directs = 0;
    for (const json &r : rooms) {
        types.insert(qs(r["type"]));
        directs += r["type"] == "direct";
        const RestReply page = rest.get(roomPath(qs(r["roomId"]), QStringLiteral("/messages?limit=5")));
        CHECK_STATUS(page, 200);
        QVERIFY2(!page.data()["messages"].empty(), dumpJson(r).constData());
    }
    QCOMPARE(types, (QSet<QString>{QStringLiteral("public"), QStringLiteral("private"), QStringLiteral("direct"),
                                   QStringLiteral("group"), QStringLiteral("announcement")}));
    QCOMPARE(directs, 2);
    for (const char *name : {"general", "random", "help", "announcements", "core-team"})
        QVERIFY2(!roomNamed(rooms, name).is_null(), name);
    QCOMPARE(qs(roomNamed(rooms, "core-team")["myRole"]), QStringLiteral("owner"));
    QVERIFY(roomNamed(rooms, "random")["settings"].value("allowAnonymous", false));

    // The history of #general: a few days old, with replies, an edit, reactions, literal HTML,
    // non-Latin text and a pin.
    const QString general = qs(roomNamed(rooms, "general")["roomId"]);
    const std::vector<json> history = allMessages(rest, general);
    QVERIFY2(history.size() >= 50, QByteArray::number(qulonglong(history.size())).constData());
    const qint64 oldest =
        QDateTime::fromString(qs(history.front()["timestamp"]), Qt::ISODateWithMs).toMSecsSinceEpoch();
    // A week and more: search has old messages to find (issue 15).
    QVERIFY2(QDateTime::currentMSecsSinceEpoch() - oldest > 7 * 24 * 3600 * 1000,
             qPrintable(qs(history.front()["timestamp"])));
    QVERIFY(containsText(history, "<script>alert(1)</script>"));
    QVERIFY(containsText(history, "日本語"));
    QVERIFY(std::any_of(history.begin(), history.end(), [](const json &m) {
        return m["replyTo"].is_string() && !m["replyTo"].get<std::string>().empty();
    }));
    QVERIFY(std::any_of(history.begin(), history.end(), [](const json &m) { return m.value("isEdited", false); }));
    QVERIFY(std::any_of(history.begin(), history.end(), [](const json &m) { return !m["reactions"].empty(); }));
    const RestReply pins = rest.get(roomPath(general, QStringLiteral("/pins")));
    CHECK_STATUS(pins, 200);
    QVERIFY(!pins.data().empty());
    const std::vector<json> random = allMessages(rest, qs(roomNamed(rooms, "random")["roomId"]));
    QVERIFY(std::any_of(random.begin(), random.end(), [](const json &m) { return m.value("isAnonymous", false); }));

    // Generated pictures and documents shared in the history download as what they are.
    const auto [chart, chartType] = attachmentOfType(history, "image/png");
    QVERIFY2(!chart.is_null(), "no picture in #general");
    QCOMPARE(chartType, std::string("image"));
    QCOMPARE(chart.value("width", 0), 1200);
    QCOMPARE(chart.value("height", 0), 750);
    const QImage chartImage = QImage::fromData(download(rest, chart, "image/png"), "PNG");
    QCOMPARE(chartImage.size(), QSize(1200, 750));
    QVERIFY2(chart["thumbnailUrl"].is_string(), dumpJson(chart).constData());
    const RestReply thumbnail = rest.get(qs(chart["thumbnailUrl"]));
    CHECK_STATUS(thumbnail, 200);
    QCOMPARE(QImage::fromData(thumbnail.raw).size(), QSize(480, 300));
    const auto [sunset, sunsetType] = attachmentOfType(random, "image/jpeg");
    QVERIFY2(!sunset.is_null(), "no photo in #random");
    QVERIFY(!QImage::fromData(download(rest, sunset, "image/jpeg"), "JPEG").isNull());
    const std::vector<json> coreTeam = allMessages(rest, qs(roomNamed(rooms, "core-team")["roomId"]));
    const auto [notes, notesType] = attachmentOfType(coreTeam, "application/pdf");
    QVERIFY2(!notes.is_null(), "no PDF in core-team");
    QCOMPARE(notesType, std::string("file"));
    QCOMPARE(qs(notes["fileName"]), QStringLiteral("q3-planning-notes.pdf"));
    QVERIFY(download(rest, notes, "application/pdf").startsWith("%PDF-"));
    QVERIFY(notes["thumbnailUrl"].is_null());
    QVERIFY(!attachmentOfType(coreTeam, "image/png").first.is_null()); // the whiteboard
    const std::vector<json> crew = allMessages(rest, qs(roomNamed(rooms, "Release crew")["roomId"]));
    const auto [csv, csvType] = attachmentOfType(crew, "text/");
    QVERIFY2(!csv.is_null(), "no CSV in the release crew");
    QCOMPARE(qs(csv["fileName"]), QStringLiteral("standup.csv"));

    // The cast, live over the real protocol.
    WsClient ws;
    QVERIFY(ws.open(wsUrl(s)));
    const auto fromCast = [&](const json &f) {
        return f.value("type", std::string()) == "new_message" &&
               qs(f["message"]["authorId"]) != s.userId; // null for anonymous posts
    };
    QVERIFY2(!ws.waitFor(fromCast, 15000).is_null(), "no message from the cast");
    QVERIFY2(!ws.waitFor(ofType("typing_indicator"), 15000).is_null(), "nobody typed");
    QVERIFY2(!ws.waitFor(ofType("presence_update"), 15000).is_null(), "no presence change");
    const auto reaction = [](const json &f) {
        return f.value("type", std::string()) == "message_updated" && !f["message"]["reactions"].empty();
    };
    QVERIFY2(!ws.waitFor(reaction, 15000).is_null(), "no reaction");
    QVERIFY2(!ws.waitFor(ofType("read_receipt"), 15000).is_null(), "no read receipt");
    // Now and then someone shares a freshly painted picture, uploaded like any client's.
    const auto picture = [&](const json &f) {
        return f.value("type", std::string()) == "new_message" && qs(f["message"]["authorId"]) != s.userId &&
               !f["message"].value("attachments", json::array()).empty();
    };
    const json shared = ws.waitFor(picture, 20000);
    QVERIFY2(!shared.is_null(), "nobody shared a picture");
    QCOMPARE(qs(shared["message"]["type"]), QStringLiteral("image"));
    QVERIFY(!qs(shared["message"]["content"]).isEmpty()); // the caption
    const json sharedFile = shared["message"]["attachments"][0];
    const QByteArray sharedMime = sharedFile.value("mimeType", std::string()).c_str();
    QVERIFY(!QImage::fromData(download(rest, sharedFile, sharedMime)).isNull());
    QVERIFY2(sharedFile["thumbnailUrl"].is_string(), dumpJson(sharedFile).constData());

    // The human speaks; someone answers them.
    ws.send(json{{"type", "send_message"},
                 {"roomId", ss(general)},
                 {"content", "Hello everyone, first time here!"},
                 {"clientMsgId", "tst-demo-hello"},
                 {"ref", "hello-1"}});
    const json ack = ws.waitFor(ofType("ack"), 5000);
    QVERIFY2(!ack.is_null(), "no ack");
    const std::string mine = ack["message"].value("messageId", std::string());
    const auto answer = [&](const json &f) {
        return f.value("type", std::string()) == "new_message" && f["message"].value("replyTo", json()) == mine;
    };
    const json reply = ws.waitFor(answer, 10000);
    QVERIFY2(!reply.is_null(), "nobody answered the human");
    QVERIFY(qs(reply["message"]["authorId"]) != s.userId);

    // stop() joins the thread promptly; the server is gone with it.
    QElapsedTimer stopping;
    stopping.start();
    demo.stop();
    QVERIFY2(stopping.elapsed() < 5000, QByteArray::number(stopping.elapsed()).constData());
    QVERIFY(!demo.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(ws.wasClosed(), 5000);
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, quint16(s.url.port()));
    QVERIFY(!probe.waitForConnected(1000));
    demo.stop(); // twice is fine
}

void TestDemo::restartDoesNotSeedTwice()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString generalId;
    size_t roomCount = 0;
    QString firstMessageId;
    {
        DemoServer demo({dir.path(), kFast});
        const Started s = startDemo(demo);
        QVERIFY(s.url.isValid());
        RestClient rest(s.url);
        rest.setToken(s.token);
        const json rooms = joinedRooms(rest);
        roomCount = rooms.size();
        generalId = qs(roomNamed(rooms, "general")["roomId"]);
        const std::vector<json> history = allMessages(rest, generalId);
        QVERIFY(!history.empty());
        firstMessageId = qs(history.front()["messageId"]);
    } // the destructor stops it

    DemoServer again({dir.path(), kFast});
    const Started s = startDemo(again);
    QVERIFY(s.url.isValid());
    RestClient rest(s.url);
    rest.setToken(s.token);
    const json rooms = joinedRooms(rest);
    QCOMPARE(rooms.size(), roomCount);
    QCOMPARE(qs(roomNamed(rooms, "general")["roomId"]), generalId);
    const std::vector<json> history = allMessages(rest, generalId);
    QCOMPARE(qs(history.front()["messageId"]), firstMessageId);
    const auto welcomes = std::count_if(history.begin(), history.end(), [](const json &m) {
        return m.value("content", std::string()).rfind("Welcome to **#general**", 0) == 0;
    });
    QCOMPARE(welcomes, 1);
    // One demo account, one of each cast member: search the members of #general.
    const RestReply members = rest.get(roomPath(generalId, QStringLiteral("/members?limit=100")));
    CHECK_STATUS(members, 200);
    QCOMPARE(int(members.data()["members"].size()), 7);
    // The token of this run signs in.
    WsClient ws;
    QVERIFY(ws.open(wsUrl(s)));
}

void TestDemo::stopBeforeReadyIsSafe()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DemoServer demo({dir.path(), kFast});
    QSignalSpy ready(&demo, &DemoServer::ready);
    demo.start();
    QElapsedTimer stopping;
    stopping.start();
    demo.stop();
    QVERIFY2(stopping.elapsed() < 10000, QByteArray::number(stopping.elapsed()).constData());
    QVERIFY(!demo.isRunning());
    QTest::qWait(200);
    QVERIFY(ready.isEmpty()); // nothing arrives after stop()
}

// Point 8 of issue 16: with no model, #general has the offline demo assistant, a seeded line
// says how to use it, and `@ai summarize` streams an extractive summary that says what it is.
void TestDemo::offlineAssistantSummarizesGeneral()
{
    qunsetenv("CONFAB_ASSISTANT_URL");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DemoServer demo({dir.path(), kFast});
    const Started s = startDemo(demo);
    QVERIFY(s.url.isValid());
    RestClient rest(s.url);
    rest.setToken(s.token);
    const json general = roomNamed(joinedRooms(rest), "general");
    QVERIFY(general["settings"].value("enableAI", false));
    const QString roomId = qs(general["roomId"]);
    const std::vector<json> history = allMessages(rest, roomId);
    QVERIFY(std::any_of(history.begin(), history.end(), [](const json &m) {
        return m.value("content", std::string()).find("`@ai summarize`") != std::string::npos;
    }));

    WsClient ws;
    QVERIFY(ws.open(wsUrl(s)));
    const RestReply asked =
        rest.post(roomPath(roomId, QStringLiteral("/messages")), json{{"content", "@ai summarize"}});
    CHECK_STATUS(asked, 201);
    const std::string questionId = asked.data()["messageId"].get<std::string>();
    const json created = ws.waitFor(
        [&](const json &f) {
            return f.value("type", std::string()) == "ai_response" && f["message"]["replyTo"] == questionId;
        },
        15000);
    QVERIFY(created.is_object());
    QCOMPARE(qs(created["message"]["authorName"]), QStringLiteral("Demo assistant (offline)"));
    const std::string answerId = created["message"]["messageId"].get<std::string>();
    QVERIFY(
        ws.waitFor(
              [&](const json &f) { return f.value("type", std::string()) == "ai_delta" && f["messageId"] == answerId; },
              15000)
            .is_object());
    const json ended = ws.waitFor(
        [&](const json &f) {
            return f.value("type", std::string()) == "message_updated" && f["message"]["messageId"] == answerId &&
                   f["message"]["ai"]["state"] != "streaming";
        },
        15000);
    QVERIFY(ended.is_object());
    QCOMPARE(qs(ended["message"]["ai"]["state"]), QStringLiteral("done"));
    const QString text = qs(ended["message"]["content"]);
    QVERIFY2(text.contains(QStringLiteral("Offline demo assistant")) && text.contains(QStringLiteral("Who said what")),
             qPrintable(text));
    demo.stop();
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
