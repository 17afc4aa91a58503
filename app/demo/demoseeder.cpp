// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoseeder.h"

#include "democontent.h"
#include "democrowd.h"
#include "demofilestore.h"

#include "server/server.h"
#include "server/service/passwordhasher.h"
#include "server/service/services.h"
#include "server/storage/storage.h"

#include "core/clock.h"
#include "core/validation.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <algorithm>

Q_LOGGING_CATEGORY(lcDemoSeeder, "confab.demo.seeder")

namespace confab::demo {

using namespace confab::server;

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
// The history covers the last ten days: search (Ctrl+Shift+F) has week-old messages to find
// and open in context.
constexpr qint64 kHistorySpan = 10 * 24 * kHour;

QString randomPassword()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64());
}

Caller callerOf(const User &u) { return Caller{u.userId, u.displayName, u.role == ServerRole::Admin, {}, u.username}; }

// Thrown inside the storage work when a step that the demo cannot do without fails.
struct SeedFailure {
    QString reason;
};

template<typename T> T need(Result<T> r, const QString &what)
{
    if (!r)
        throw SeedFailure{what + QStringLiteral(": ") + r.error->message};
    return std::move(r.value);
}

// Writes the demo's history through the services, over a clock it moves back in time so that
// every row and event carries a plausible timestamp.
class HistoryWriter {
public:
    HistoryWriter(Services &real, ManualClock &clock)
        : m_ctx{real.context.storage,  clock,
                real.context.ids,      real.context.members,
                real.context.presence, real.context.settings,
                real.context.counters, {}},
          m_services(m_ctx), m_files(m_services), m_clock(clock)
    {
    }

    void createPeople(const QHash<QString, QByteArray> &passwordHashes, const QString &humanName)
    {
        // The human first: the first account is the server admin.
        const auto you =
            need(m_services.auth.createAccount(QString::fromUtf8(content::kYouUsername), humanName,
                                               passwordHashes.value(QString::fromUtf8(content::kYou)), true, false),
                 QStringLiteral("creating the demo user"));
        m_callers.insert(QString::fromUtf8(content::kYou), callerOf(you.user));
        for (const content::Persona &p : content::personas()) {
            tick(kMinute);
            const auto made =
                need(m_services.auth.createAccount(QString::fromUtf8(p.username), QString::fromUtf8(p.displayName),
                                                   passwordHashes.value(QString::fromUtf8(p.key)), false, false),
                     QStringLiteral("creating %1").arg(QString::fromUtf8(p.username)));
            m_callers.insert(QString::fromUtf8(p.key), callerOf(made.user));
            giveAvatar(callerOf(made.user), quint32(m_callers.size()));
        }
    }

    // A generated picture as the persona's avatar (the human keeps initials, which shows both).
    // Nice to have: without a file store, or on failure, the initials stay.
    void giveAvatar(const Caller &who, quint32 seed)
    {
        if (!m_files.enabled())
            return;
        const auto stored = m_files.store(who, media::avatarPicture(seed));
        if (!stored) {
            best(stored);
            return;
        }
        ProfileChange change;
        change.avatarFileId = stored.value.fileId;
        best(m_services.auth.updateProfile(who, change, m_fx));
    }

    void createRooms()
    {
        for (const content::RoomBlueprint &b : content::rooms()) {
            tick(5 * kMinute);
            const Caller &owner = caller(b.owner);
            NewRoom req;
            req.name = QString::fromUtf8(b.name);
            req.description = QString::fromUtf8(b.description);
            // A room with a history gets its topic a little into it (writeHistory), so the
            // timeline shows a "changed the topic" line.
            if (setsTopicLater(b))
                req.description.clear();
            req.type = b.type;
            if (b.allowAnonymous)
                req.settings.allowAnonymous = true;
            if (b.enableAI)
                req.settings.enableAI = true;
            const bool invited = b.type != RoomType::Public && b.type != RoomType::Announcement;
            if (invited) {
                for (const auto &[key, role] : b.members)
                    req.members << caller(key).userId;
            }
            const Room room =
                need(m_services.rooms.create(owner, req, m_fx), QStringLiteral("creating room %1").arg(req.name));
            m_rooms.insert(QString::fromUtf8(b.key), room.roomId);
            for (const auto &[key, role] : b.members) {
                tick(kMinute);
                if (!invited)
                    need(m_services.rooms.join(caller(key), room.roomId, 1, m_fx),
                         QStringLiteral("joining %1").arg(req.name));
                if (role != Role::Member && b.type != RoomType::Direct) {
                    MemberChange change;
                    change.role = role;
                    need(m_services.moderation.changeMember(owner, room.roomId, caller(key).userId, change, m_fx),
                         QStringLiteral("giving a role in %1").arg(req.name));
                }
            }
        }
    }

    static bool setsTopicLater(const content::RoomBlueprint &b)
    {
        return b.type != RoomType::Direct && !QByteArray(b.description).isEmpty() && !content::script(b.key).empty();
    }

    // #town-square with its crowd; the human and the live cast are members too. Their last
    // visits count back from the real now, not from the seeding clock.
    void createCrowd(const QByteArray &passwordHash, qint64 realNow)
    {
        tick(5 * kMinute);
        QStringList joiners;
        for (const content::Persona &p : content::personas()) {
            if (p.live)
                joiners << caller(p.key).userId;
        }
        joiners << caller(content::kYou).userId;
        const QString roomId = DemoCrowd::create(m_services, m_fx, caller(content::personas().front().key), joiners,
                                                 passwordHash, realNow);
        if (roomId.isEmpty())
            throw SeedFailure{QStringLiteral("creating #town-square")};
    }

    // Each room's threads spread over the last days; lines a little apart within a thread.
    void writeHistory(qint64 endMs)
    {
        const qint64 startMs = endMs - kHistorySpan;
        for (const content::RoomBlueprint &b : content::rooms()) {
            const auto &threads = content::script(b.key);
            if (threads.empty())
                continue;
            const QString roomId = m_rooms.value(QString::fromUtf8(b.key));
            const qint64 slot = kHistorySpan / qint64(threads.size());
            qint64 cursor = startMs;
            for (size_t i = 0; i < threads.size(); ++i) {
                cursor = std::max(cursor, startMs + qint64(i) * slot + jitter(slot / 2));
                writeThread(b, roomId, threads[i], cursor);
                shareFiles(b, roomId, int(i), cursor);
                if (i == 0 && setsTopicLater(b)) {
                    cursor += kMinute;
                    m_clock.set(cursor);
                    RoomChange topic;
                    topic.description = QString::fromUtf8(b.description);
                    need(m_services.rooms.update(caller(b.owner), roomId, topic, m_fx),
                         QStringLiteral("setting the topic of %1").arg(QString::fromUtf8(b.key)));
                }
            }
        }
    }

    // Read markers: the cast has read everything, the human most of it (some unread to show).
    // Like people do, the demo user hears #random only when mentioned and has muted
    // #announcements: one room dimmed in the list, and the bell in each header says so.
    void chooseNotifications()
    {
        const Caller &you = caller(content::kYou);
        need(m_services.notificationPrefs.set(you, m_rooms.value(QStringLiteral("random")),
                                              {NotificationLevel::Mentions, false}, m_fx),
             QStringLiteral("choosing notifications for random"));
        need(m_services.notificationPrefs.set(you, m_rooms.value(QStringLiteral("announcements")),
                                              {NotificationLevel::Default, true}, m_fx),
             QStringLiteral("muting announcements"));
    }

    void markRead(qint64 nowMs)
    {
        m_clock.set(nowMs - 2 * kMinute);
        for (const content::RoomBlueprint &b : content::rooms()) {
            const QString roomId = m_rooms.value(QString::fromUtf8(b.key));
            const QStringList ids = m_messages.value(roomId);
            if (ids.isEmpty())
                continue;
            QStringList readers{QString::fromUtf8(b.owner)};
            for (const auto &[key, role] : b.members)
                readers << QString::fromUtf8(key);
            for (const QString &key : std::as_const(readers)) {
                const bool human = key == QString::fromUtf8(content::kYou);
                const qsizetype unread =
                    human ? std::min<qsizetype>(ids.size() - 1, QRandomGenerator::global()->bounded(5)) : 0;
                best(m_services.messages.markRead(m_callers.value(key), roomId, ids.at(ids.size() - 1 - unread), m_fx));
            }
        }
    }

    int messageCount() const { return m_count; }

private:
    void writeThread(const content::RoomBlueprint &b, const QString &roomId, const content::ScriptThread &thread,
                     qint64 &cursor)
    {
        QStringList threadIds; // scripted lines only, for replyBack
        QString lastSpeaker;
        for (const content::ScriptLine &line : thread) {
            cursor += 20 * kSecond + jitter(2 * kMinute);
            m_clock.set(cursor);
            SendRequest req;
            req.roomId = roomId;
            req.content = QString::fromUtf8(line.text);
            req.isAnonymous = line.anonymous;
            if (line.replyBack > 0 && line.replyBack <= threadIds.size())
                req.replyTo = threadIds.at(threadIds.size() - line.replyBack);
            const Caller &author = caller(line.who);
            const auto sent =
                need(m_services.messages.send(author, req, m_fx),
                     QStringLiteral("%1 posting in %2").arg(QString::fromUtf8(line.who), QString::fromUtf8(b.key)));
            const QString id = sent.message.messageId;
            threadIds << id;
            remember(roomId, id);
            lastSpeaker = QString::fromUtf8(line.who);
            react(b, roomId, author.userId, id);

            if (line.editedTo) {
                tick(40 * kSecond + jitter(kMinute));
                best(m_services.messages.edit(author, roomId, id, QString::fromUtf8(line.editedTo), m_fx));
            }
            if (line.pin) {
                tick(30 * kSecond);
                best(m_services.messages.pin(caller(b.owner), roomId, id, true, m_fx));
            }
            cursor = std::max(cursor, m_clock.nowMs());
            filler(b, roomId, lastSpeaker, cursor);
        }
    }

    // The files someone shares after this thread: generated, stored as their upload, posted with
    // a caption. Nice to have: a failure is logged and the history goes on without it.
    void shareFiles(const content::RoomBlueprint &b, const QString &roomId, int thread, qint64 &cursor)
    {
        if (!m_files.enabled())
            return;
        for (const content::SharedFile &shared : content::sharedFiles()) {
            if (qstrcmp(shared.room, b.key) != 0 || shared.afterThread != thread)
                continue;
            cursor += 30 * kSecond + jitter(2 * kMinute);
            m_clock.set(cursor);
            const Caller &author = caller(shared.who);
            const auto stored = m_files.store(author, media::generate(shared.kind));
            if (!stored) {
                best(stored);
                continue;
            }
            Attachment attachment;
            attachment.fileId = stored.value.fileId;
            SendRequest req;
            req.roomId = roomId;
            req.content = QString::fromUtf8(shared.caption);
            req.attachments = {attachment};
            const auto sent = m_services.messages.send(author, req, m_fx);
            best(sent);
            if (sent)
                remember(roomId, sent.value.message.messageId);
        }
    }

    // Now and then a short answer by someone else in the room.
    void filler(const content::RoomBlueprint &b, const QString &roomId, QString &lastSpeaker, qint64 &cursor)
    {
        if (b.type == RoomType::Announcement || b.type == RoomType::Direct)
            return;
        // Busy public rooms get more of them, sometimes two in a row.
        const int percent = b.type == RoomType::Public ? 60 : 35;
        for (int i = 0; i < 2 && QRandomGenerator::global()->bounded(100) < percent / (i + 1); ++i)
            oneFiller(b, roomId, lastSpeaker, cursor);
    }

    void oneFiller(const content::RoomBlueprint &b, const QString &roomId, QString &lastSpeaker, qint64 &cursor)
    {
        QStringList candidates;
        for (const auto &[key, role] : b.members) {
            if (QString::fromUtf8(key) != lastSpeaker)
                candidates << QString::fromUtf8(key);
        }
        if (QString::fromUtf8(b.owner) != lastSpeaker)
            candidates << QString::fromUtf8(b.owner);
        if (candidates.isEmpty())
            return;
        cursor += 10 * kSecond + jitter(kMinute);
        m_clock.set(cursor);
        SendRequest req;
        req.roomId = roomId;
        req.content = pick(content::fillers());
        const QString who = pick(candidates);
        const auto sent = m_services.messages.send(m_callers.value(who), req, m_fx);
        if (sent) {
            remember(roomId, sent.value.message.messageId);
            lastSpeaker = who;
        }
    }

    // About a third of the messages get reactions from other members.
    void react(const content::RoomBlueprint &b, const QString &roomId, const QString &authorId,
               const QString &messageId)
    {
        if (QRandomGenerator::global()->bounded(100) >= 30)
            return;
        QStringList others{QString::fromUtf8(b.owner)};
        for (const auto &[key, role] : b.members)
            others << QString::fromUtf8(key);
        std::shuffle(others.begin(), others.end(), *QRandomGenerator::global());
        const QString emoji = pick(content::reactionEmoji());
        const int count = 1 + QRandomGenerator::global()->bounded(3);
        int done = 0;
        for (const QString &key : std::as_const(others)) {
            if (done == count)
                break;
            const Caller &who = m_callers[key];
            if (who.userId == authorId)
                continue;
            // Mostly the same emoji, like real rooms; sometimes a second one.
            const QString e = QRandomGenerator::global()->bounded(4) == 0 ? pick(content::reactionEmoji()) : emoji;
            best(m_services.messages.react(who, roomId, messageId, e, ReactionAction::Add, m_fx));
            ++done;
        }
    }

    void remember(const QString &roomId, const QString &messageId)
    {
        m_messages[roomId] << messageId;
        ++m_count;
    }

    const Caller &caller(const char *key)
    {
        const auto it = m_callers.constFind(QString::fromUtf8(key));
        if (it == m_callers.constEnd())
            throw SeedFailure{QStringLiteral("no persona %1").arg(QString::fromUtf8(key))};
        return *it;
    }

    // Decorations (reactions, edits, pins, read markers) are nice to have: a failure is logged.
    template<typename T> void best(const Result<T> &r)
    {
        if (!r)
            qCWarning(lcDemoSeeder) << "demo seeding step skipped:" << r.error->message;
    }

    void tick(qint64 ms) { m_clock.advance(ms); }
    static qint64 jitter(qint64 upTo) { return upTo > 0 ? QRandomGenerator::global()->bounded(upTo) : 0; }
    static QString pick(const QStringList &list)
    {
        return list.at(QRandomGenerator::global()->bounded(int(list.size())));
    }

    ServiceContext m_ctx;
    Services m_services;
    DemoFileStore m_files;
    ManualClock &m_clock;
    Effects m_fx;                           // nobody is connected yet: the deliveries are dropped
    QHash<QString, Caller> m_callers;       // persona key -> caller
    QHash<QString, QString> m_rooms;        // room key -> room id
    QHash<QString, QStringList> m_messages; // room id -> message ids, oldest first
    int m_count = 0;
};

struct Described {
    DemoPerson person;
    User user;
};

// Finds a demo account by name and issues it a token for this run.
Described describePerson(Services &s, const char *key, const char *username)
{
    const StoredUser stored =
        need(s.auth.credentials(QString::fromUtf8(username)),
             QStringLiteral("this data dir has no demo user %1").arg(QString::fromUtf8(username)));
    const SignedIn signedIn = need(s.auth.issueToken(stored.user.userId), QStringLiteral("issuing a token"));
    return {DemoPerson{QString::fromUtf8(key), stored.user.userId, stored.user.username, stored.user.displayName,
                       signedIn.token},
            stored.user};
}

void describeRooms(Services &s, const User &user, DemoWorld &world)
{
    const Caller who = callerOf(user);
    RoomQuery q;
    q.joinedOnly = true;
    q.limit = 100;
    const RoomPage page = need(s.rooms.list(who, q), QStringLiteral("listing rooms"));
    for (const Room &r : page.rooms) {
        if (world.room(r.roomId))
            continue;
        DemoRoom room;
        room.roomId = r.roomId;
        room.name = r.name;
        room.type = r.type;
        room.allowAnonymous = r.settings.allowAnonymous;
        MemberQuery firstPage;
        firstPage.limit = 100;
        const MemberPage members = need(s.rooms.members(who, r.roomId, firstPage), QStringLiteral("listing members"));
        for (const Member &m : members.members)
            room.members.insert(m.userId, m.role);
        if (members.self) // wherever it sorts in a large room
            room.members.insert(members.self->userId, members.self->role);
        const MessagePage recent =
            need(s.messages.history(who, r.roomId, {}, {}, 20), QStringLiteral("reading history"));
        for (const Message &m : recent.messages) {
            if (m.isDeleted)
                continue;
            room.recentMessageIds << m.messageId;
            room.authorOf.insert(m.messageId, m.authorId);
        }
        world.rooms.push_back(std::move(room));
    }
}

} // namespace

QString DemoSeeder::humanDisplayName()
{
    QString name = qEnvironmentVariable("USER").trimmed();
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    if (name.isEmpty() || validateDisplayName(name))
        return QStringLiteral("You");
    return name;
}

std::optional<DemoWorld> DemoSeeder::prepare(QString *error)
{
    // Hashing is slow by design (cheap in demo mode); done here, not on the storage thread.
    QHash<QString, QByteArray> hashes;
    hashes.insert(QString::fromUtf8(content::kYou), m_server.hasher().hashNow(randomPassword()));
    for (const content::Persona &p : content::personas())
        hashes.insert(QString::fromUtf8(p.key), m_server.hasher().hashNow(randomPassword()));
    const QString humanName = humanDisplayName();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray crowdHash = m_server.hasher().hashNow(randomPassword()); // nobody signs in as them

    std::optional<DemoWorld> world;
    QString failure;
    m_server.runOnStorage([&](Services &s) {
        try {
            DemoWorld w;
            if (s.context.storage.userCount() == 0) {
                // One durable transaction for the whole world (thousands of writes: the crowd
                // alone is 1,500 accounts), so that a first start takes seconds, not half a minute.
                Storage &storage = s.context.storage;
                storage.beginGroup();
                storage.beginGroupItem();
                try {
                    ManualClock clock(now - kHistorySpan - 2 * kHour);
                    HistoryWriter writer(s, clock);
                    writer.createPeople(hashes, humanName);
                    writer.createRooms();
                    writer.chooseNotifications();
                    writer.createCrowd(crowdHash, now);
                    writer.writeHistory(now - 10 * kMinute);
                    writer.markRead(now);
                    storage.endGroupItem(true);
                    storage.commitGroup();
                    qCInfo(lcDemoSeeder) << "seeded the demo with" << writer.messageCount() << "messages";
                } catch (...) {
                    storage.rollbackGroup();
                    throw;
                }
                w.seededNow = true;
            }
            Described you = describePerson(s, content::kYou, content::kYouUsername);
            w.you = you.person;
            describeRooms(s, you.user, w);
            for (const content::Persona &p : content::personas()) {
                Described d = describePerson(s, p.key, p.username);
                if (p.live) {
                    describeRooms(s, d.user, w);
                    w.cast.push_back(std::move(d.person));
                } else {
                    w.extras.push_back(std::move(d.person));
                }
            }
            world = std::move(w);
        } catch (const SeedFailure &f) {
            failure = f.reason;
        } catch (const std::exception &e) {
            failure = QString::fromUtf8(e.what());
        }
    });
    if (!world && error)
        *error = failure;
    return world;
}

} // namespace confab::demo
