// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchdata.h"

#include "probes.h"

#include "client/net/apiclient.h"

#include <QDateTime>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <stdexcept>

namespace confab::bench {

using namespace confab::client;

std::string str(const QString &s) { return s.toStdString(); }
QString qstr(const nlohmann::json &j)
{
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
}

nlohmann::json BenchContext::toJson() const
{
    nlohmann::json users_ = nlohmann::json::array();
    for (const BenchUser &u : users) {
        users_.push_back({{"userId", str(u.user.userId)},
                          {"username", str(u.user.username)},
                          {"displayName", str(u.user.displayName)},
                          {"password", str(u.password)},
                          {"token", str(u.token)}});
    }
    nlohmann::json rooms_ = nlohmann::json::array();
    for (const QString &r : rooms)
        rooms_.push_back(str(r));
    return {{"server", str(server.toString())},
            {"users", users_},
            {"historyRoom", str(historyRoom)},
            {"rooms", rooms_},
            {"historyMessages", historyMessages},
            {"roomMessages", roomMessages},
            {"workDir", str(workDir)}};
}

BenchContext BenchContext::fromJson(const nlohmann::json &j)
{
    BenchContext c;
    c.server = QUrl(qstr(j.at("server")));
    for (const auto &u : j.at("users")) {
        BenchUser b;
        b.user.userId = qstr(u.at("userId"));
        b.user.username = qstr(u.at("username"));
        b.user.displayName = qstr(u.at("displayName"));
        b.password = qstr(u.at("password"));
        b.token = qstr(u.at("token"));
        c.users.push_back(b);
    }
    c.historyRoom = qstr(j.at("historyRoom"));
    for (const auto &r : j.at("rooms"))
        c.rooms << qstr(r);
    c.historyMessages = j.at("historyMessages").get<int>();
    c.roomMessages = j.at("roomMessages").get<int>();
    c.workDir = qstr(j.at("workDir"));
    return c;
}

bool BenchContext::save(const QString &path) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // it holds tokens
    const std::string text = toJson().dump(2);
    return f.write(text.data(), qint64(text.size())) == qint64(text.size());
}

BenchContext BenchContext::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read the context file " + str(path));
    return fromJson(nlohmann::json::parse(f.readAll().toStdString()));
}

namespace {

// Runs one ApiClient call to its answer (setup only: the benchmark's own event loop waits).
template<typename T, typename Call> T answer(const char *what, Call call)
{
    std::optional<ApiResult<T>> result;
    QObject context;
    call(&context, [&](const ApiResult<T> &r) { result = r; });
    if (!waitUntil([&] { return result.has_value(); }, 60000))
        throw std::runtime_error(std::string(what) + ": no answer within 60 s");
    if (!result->ok())
        throw std::runtime_error(std::string(what) + ": " + str(result->error->message));
    return result->value;
}

void exec(QSqlQuery &q, const QString &sql)
{
    if (!q.exec(sql))
        throw std::runtime_error("seeding failed: " + str(q.lastError().text()) + " in: " + str(sql.left(200)));
}

// Content by i % 20; "{n}" becomes the message's number so that every text is different.
const QStringList &templates()
{
    static const QStringList t{
        QStringLiteral("ok {n}"),
        QStringLiteral("sounds good, see you at the standup ({n})"),
        QStringLiteral("lunch? {n}"),
        QStringLiteral("I pushed the fix for #{n}, can someone review?"),
        QStringLiteral("thanks! ({n})"),
        QStringLiteral("The deploy of build {n} is done, all green."),
        QStringLiteral("brb {n}"),
        QStringLiteral("Does anyone know why the integration tests time out on the arm runners since yesterday? ({n})"),
        QStringLiteral("👍 {n}"),
        QStringLiteral("yes, merged as {n}"),
        QStringLiteral("Long update {n}: the migration of the storage layer is mostly done. We moved the message table "
                       "to the new layout, rebuilt the search index overnight and checked that sync replays the same "
                       "events as before. What is left is the cleanup of the old columns, which needs a maintenance "
                       "window, and a second look at the memory use of the history pages on small machines."),
        QStringLiteral(
            "Notes from the call ({n}): customers asked again for threads, better search filters and a way to "
            "export a room. Nobody asked for more colours. We agreed to look at export first because it "
            "is small, then search filters; threads need a design document before anyone writes code."),
        QStringLiteral("Reminder {n}: the office is closed on Friday for the move. Please take your plants home, label "
                       "your monitors and do not leave anything under the desks, the movers will not take it. The "
                       "new door codes will be sent by mail on Monday morning."),
        QStringLiteral(
            "**Release {n}** is out:\n\n- faster startup\n- fixed the `sync` gap on resume\n- see [the notes]"
            "(https://example.org/releases/{n})"),
        QStringLiteral("Try `confab-cli tail --room general` and *then* check the log ({n})."),
        QStringLiteral("```\nfor (int i = 0; i < {n}; ++i)\n    send(i);\n```"),
        QStringLiteral("Agreed with the above ({n})"),
        QStringLiteral("Replying: I can take this one ({n})"),
        QStringLiteral("### Minutes {n}\n> decisions: ship on Friday\n\n1. tests\n2. docs"),
        QStringLiteral("edited: the meeting moved to 3 pm ({n})"),
    };
    return t;
}

} // namespace

BenchContext setUpOverApi(const QUrl &server, int roomCount)
{
    BenchContext ctx;
    ctx.server = server;
    ApiClient api;
    api.setBaseUrl(server);
    const struct {
        const char *username, *displayName;
    } people[] = {{"alice", "Alice Liddell"}, {"bob", "Bob Marley"}, {"carol", "Carol Danvers"}};
    for (const auto &p : people) {
        BenchUser u;
        u.password = QStringLiteral("bench password %1").arg(QUuid::createUuid().toString());
        const SignedIn s = answer<SignedIn>("register", [&](QObject *c, auto done) {
            api.registerAccount(QString::fromLatin1(p.username), u.password, QString::fromLatin1(p.displayName), c,
                                done);
        });
        u.user = s.user;
        u.token = s.token;
        ctx.users.push_back(u);
    }
    auto as = [&](int user) -> ApiClient & {
        api.setToken(ctx.users[std::size_t(user)].token);
        return api;
    };
    auto makeRoom = [&](const QString &name) {
        NewRoom r;
        r.name = name;
        r.type = RoomType::Public;
        const Room room = answer<Room>("create room", [&](QObject *c, auto done) { as(0).createRoom(r, c, done); });
        for (int u = 1; u < int(ctx.users.size()); ++u)
            answer<Room>("join room", [&](QObject *c, auto done) { as(u).joinRoom(room.roomId, c, done); });
        return room.roomId;
    };
    ctx.historyRoom = makeRoom(QStringLiteral("history"));
    for (int i = 0; i < roomCount; ++i)
        ctx.rooms << makeRoom(QStringLiteral("room-%1").arg(i + 1, 2, 10, QLatin1Char('0')));
    return ctx;
}

void seedMessages(const QString &databasePath, const BenchContext &ctx, const QString &roomId, const QString &idTag,
                  int count)
{
    const QString connection = QStringLiteral("bench-seed-") + idTag;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(databasePath);
        if (!db.open())
            throw std::runtime_error("cannot open " + str(databasePath) + ": " + str(db.lastError().text()));
        QSqlQuery q(db);
        exec(q, QStringLiteral("PRAGMA synchronous=OFF"));
        exec(q, QStringLiteral("PRAGMA foreign_keys=ON"));
        exec(q, QStringLiteral("PRAGMA cache_size=-131072"));
        if (!db.transaction())
            throw std::runtime_error("seeding: cannot begin: " + str(db.lastError().text()));
        exec(q, QStringLiteral(
                    "CREATE TEMP TABLE IF NOT EXISTS bench_templates (k INTEGER PRIMARY KEY, t TEXT NOT NULL)"));
        exec(q, QStringLiteral("DELETE FROM bench_templates"));
        for (int k = 0; k < templates().size(); ++k) {
            q.prepare(QStringLiteral("INSERT INTO bench_templates (k, t) VALUES (?, ?)"));
            q.addBindValue(k);
            q.addBindValue(templates().at(k));
            if (!q.exec())
                throw std::runtime_error("seeding: " + str(q.lastError().text()));
        }
        q.prepare(QStringLiteral("SELECT last_seq FROM rooms WHERE room_id = ?"));
        q.addBindValue(roomId);
        if (!q.exec() || !q.next())
            throw std::runtime_error("seeding: no room " + str(roomId));
        const qint64 base = q.value(0).toLongLong();
        constexpr qint64 kSpacingMs = 20000;
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000 - qint64(count) * kSpacingMs;
        const QString a0 = ctx.users.at(0).user.userId, a1 = ctx.users.at(1).user.userId,
                      a2 = ctx.users.at(2).user.userId;
        // Every value below is ours (ids of [a-z0-9_] and numbers): substituted, not bound, because
        // one statement uses them many times.
        QString sql = QStringLiteral(
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < @COUNT@) "
            "INSERT INTO messages (message_id, room_id, seq, author_id, content, type, created_at, reply_to, "
            "is_edited, edited_at) "
            "SELECT printf('m_%s%022d', '@TAG@', i), '@ROOM@', @BASE@ + i, "
            "CASE (i / 4) % 3 WHEN 0 THEN '@A0@' WHEN 1 THEN '@A1@' ELSE '@A2@' END, "
            "replace((SELECT t FROM bench_templates WHERE k = i % 20), '{n}', i), 'text', @T0@ + i * @STEP@, "
            "CASE WHEN i % 20 IN (16, 17) AND i > 2 THEN printf('m_%s%022d', '@TAG@', i - 2) END, "
            "i % 20 = 19, CASE WHEN i % 20 = 19 THEN @T0@ + i * @STEP@ + 60000 END FROM c");
        auto fill = [&](QString s) {
            return s.replace(QLatin1String("@COUNT@"), QString::number(count))
                .replace(QLatin1String("@TAG@"), idTag)
                .replace(QLatin1String("@ROOM@"), roomId)
                .replace(QLatin1String("@BASE@"), QString::number(base))
                .replace(QLatin1String("@A0@"), a0)
                .replace(QLatin1String("@A1@"), a1)
                .replace(QLatin1String("@A2@"), a2)
                .replace(QLatin1String("@T0@"), QString::number(t0))
                .replace(QLatin1String("@STEP@"), QString::number(kSpacingMs));
        };
        exec(q, fill(sql));
        exec(q, fill(QStringLiteral("INSERT INTO room_events (room_id, seq, type, message_id, payload, created_at) "
                                    "SELECT room_id, seq, 'new_message', message_id, NULL, created_at FROM messages "
                                    "WHERE room_id = '@ROOM@' AND seq > @BASE@")));
        const struct {
            const char *emoji;
            const char *user;
            int every;
        } reactions[] = {{"👍", "@A1@", 5}, {"🎉", "@A2@", 10}, {"🎉", "@A0@", 10}, {"❤️", "@A0@", 15}};
        for (const auto &r : reactions) {
            exec(q, fill(QStringLiteral("INSERT INTO reactions (message_id, emoji, user_id, created_at) "
                                        "SELECT message_id, '%1', '%2', created_at + 1000 FROM messages "
                                        "WHERE room_id = '@ROOM@' AND seq > @BASE@ AND (seq - @BASE@) % %3 = 0")
                             .arg(QString::fromUtf8(r.emoji), QString::fromLatin1(r.user))
                             .arg(r.every)));
        }
        exec(q, fill(QStringLiteral("UPDATE rooms SET last_seq = @BASE@ + @COUNT@, "
                                    "last_activity = @T0@ + @COUNT@ * @STEP@ WHERE room_id = '@ROOM@'")));
        // Read up to the end: unread counts are not what this measures.
        exec(q,
             fill(QStringLiteral("UPDATE room_members SET last_read_seq = @BASE@ + @COUNT@ WHERE room_id = '@ROOM@'")));
        if (!db.commit())
            throw std::runtime_error("seeding: cannot commit: " + str(db.lastError().text()));
        exec(q, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

QString contentKind(const QString &content)
{
    static const QString marks[] = {QStringLiteral("**"),    QStringLiteral("`"),   QStringLiteral("\n- "),
                                    QStringLiteral("\n1. "), QStringLiteral("###"), QStringLiteral("](")};
    for (const QString &m : marks) {
        if (content.contains(m))
            return QStringLiteral("markdown");
    }
    return content.size() > 200 ? QStringLiteral("long") : QStringLiteral("short");
}

} // namespace confab::bench
