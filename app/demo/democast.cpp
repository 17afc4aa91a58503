// SPDX-License-Identifier: GPL-3.0-or-later
#include "democast.h"

#include "demobot.h"
#include "democontent.h"
#include "demopolls.h"
#include "demouploader.h"

#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

Q_LOGGING_CATEGORY(lcDemoCast, "confab.demo.cast")

namespace confab::demo {

namespace {

constexpr int kRecentPerRoom = 30;
constexpr int kOverdueMs = 40000;         // every feature shows at least this often (scaled)
constexpr int kPictureOverdueMs = 180000; // a picture is an event: every few minutes (scaled)

int randomBetween(int lo, int hi) { return lo + QRandomGenerator::global()->bounded(hi - lo + 1); }
bool chance(int percent) { return QRandomGenerator::global()->bounded(100) < percent; }
template<typename T> const T &pickFrom(const std::vector<T> &v)
{
    return v.at(QRandomGenerator::global()->bounded(int(v.size())));
}
QString pickFrom(const QStringList &l) { return l.at(QRandomGenerator::global()->bounded(int(l.size()))); }

} // namespace

DemoCast::DemoCast(DemoWorld world, QUrl chatUrl, Options options, QObject *parent)
    : QObject(parent), m_world(std::move(world)), m_options(options)
{
    QUrl http = chatUrl;
    http.setScheme(QStringLiteral("http"));
    http.setPath({});
    m_uploader = std::make_unique<DemoUploader>(http);
    for (const DemoPerson &p : m_world.cast) {
        auto bot = std::make_unique<DemoBot>(p, chatUrl);
        bot->setFrameHandler([this](DemoBot &b, const ServerFrame &f) { onFrame(b, f); });
        m_bots.push_back(std::move(bot));
    }
    for (const DemoRoom &r : m_world.rooms) {
        m_recent.insert(r.roomId, r.recentMessageIds);
        for (auto it = r.authorOf.cbegin(); it != r.authorOf.cend(); ++it)
            m_authorOf.insert(it.key(), it.value());
    }
    m_polls = new DemoPolls([this](int ms) { return scaled(ms); }, this);
    m_tick.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, &DemoCast::tick);
}

DemoCast::~DemoCast() { stop(); }

void DemoCast::start()
{
    if (m_running)
        return;
    m_running = true;
    m_age.start();
    // Nothing counts as done yet, so the first minute runs through every feature.
    for (Feature f : {Feature::Message, Feature::Reaction, Feature::Presence, Feature::Read, Feature::Edit,
                      Feature::Offline, Feature::Picture, Feature::Poll})
        m_lastDone.insert(int(f), -overdueMs(f) + scaled(randomBetween(5000, 30000)));
    m_lastDone.insert(int(Feature::Message), -scaled(kOverdueMs));
    for (const auto &bot : m_bots)
        bot->goOnline();
    scheduleTick();
}

void DemoCast::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_tick.stop();
    for (const auto &bot : m_bots)
        bot->goOffline();
}

int DemoCast::onlineCount() const
{
    return int(std::count_if(m_bots.begin(), m_bots.end(), [](const auto &b) { return b->isOnline(); }));
}

int DemoCast::scaled(int ms) const { return std::max(1, int(ms * m_options.timeFactor)); }

int DemoCast::overdueMs(Feature f) const
{
    return scaled(f == Feature::Picture || f == Feature::Poll ? kPictureOverdueMs : kOverdueMs);
}

void DemoCast::scheduleTick()
{
    if (m_running)
        m_tick.start(scaled(randomBetween(1200, 3500)));
}

void DemoCast::tick()
{
    const Feature first = chooseFeature();
    // When the chosen thing cannot be done now (nobody online, nothing to react to), try the others.
    if (!perform(first)) {
        for (Feature f : {Feature::Message, Feature::Reaction, Feature::Read, Feature::Presence}) {
            if (f != first && perform(f))
                break;
        }
    }
    scheduleTick();
}

DemoCast::Feature DemoCast::chooseFeature() const
{
    const qint64 now = m_age.elapsed();
    Feature mostOverdue = Feature::Message;
    qint64 mostLate = 0;
    for (auto it = m_lastDone.cbegin(); it != m_lastDone.cend(); ++it) {
        const qint64 late = now - it.value() - overdueMs(Feature(it.key()));
        if (late > mostLate) {
            mostLate = late;
            mostOverdue = Feature(it.key());
        }
    }
    if (mostLate > 0)
        return mostOverdue;
    const int roll = QRandomGenerator::global()->bounded(100);
    if (roll < 45)
        return Feature::Message;
    if (roll < 65)
        return Feature::Reaction;
    if (roll < 77)
        return Feature::Read;
    if (roll < 89)
        return Feature::Presence;
    if (roll < 96)
        return Feature::Edit;
    if (roll < 98)
        return Feature::Offline;
    return Feature::Picture;
}

bool DemoCast::perform(Feature f)
{
    bool done = false;
    switch (f) {
    case Feature::Message: done = postSomething(); break;
    case Feature::Reaction: done = reactToSomething(); break;
    case Feature::Presence: done = changePresence(); break;
    case Feature::Read: done = markSomethingRead(); break;
    case Feature::Edit: done = editOwnMessage(); break;
    case Feature::Offline: done = dropOffForAWhile(); break;
    case Feature::Picture: done = sharePicture(); break;
    case Feature::Poll: done = askAPoll(); break;
    }
    if (done)
        m_lastDone.insert(int(f), m_age.elapsed());
    return done;
}

std::vector<DemoBot *> DemoCast::onlineBots(bool idleOnly) const
{
    std::vector<DemoBot *> out;
    for (const auto &b : m_bots) {
        if (b->isOnline() && (!idleOnly || !m_busy.contains(b->userId())))
            out.push_back(b.get());
    }
    return out;
}

DemoBot *DemoCast::botFor(const QString &userId) const
{
    for (const auto &b : m_bots) {
        if (b->userId() == userId)
            return b.get();
    }
    return nullptr;
}

QString DemoCast::recentMessageNotBy(const QString &roomId, const QString &userId) const
{
    QStringList candidates;
    const QStringList recent = m_recent.value(roomId);
    // The last few, where the eye is.
    for (qsizetype i = std::max<qsizetype>(0, recent.size() - 8); i < recent.size(); ++i) {
        if (m_authorOf.value(recent.at(i)) != userId)
            candidates << recent.at(i);
    }
    return candidates.isEmpty() ? QString() : pickFrom(candidates);
}

QString DemoCast::mention() const { return QLatin1Char('@') + m_world.you.username; }

bool DemoCast::postSomething()
{
    const auto bots = onlineBots(true);
    if (bots.empty())
        return false;
    DemoBot *bot = pickFrom(bots);
    std::vector<const DemoRoom *> rooms;
    for (const DemoRoom &r : m_world.rooms) {
        if (r.mayPost(bot->userId()))
            rooms.push_back(&r);
    }
    if (rooms.empty())
        return false;
    const DemoRoom *room = pickFrom(rooms);
    const bool humanHere = room->members.contains(m_world.you.userId);
    QString content = pickFrom(content::chatter());
    QString replyTo;
    if (humanHere && room->type != RoomType::Direct && chance(20)) {
        content = pickFrom(content::mentions()).arg(mention());
    } else if (chance(30)) {
        replyTo = recentMessageNotBy(room->roomId, bot->userId());
        if (!replyTo.isEmpty())
            content = pickFrom(content::answers());
    }
    const bool anonymous = room->allowAnonymous && chance(15);
    typeAndSend(bot, room->roomId, content, replyTo, scaled(randomBetween(1000, 3000)), anonymous);
    return true;
}

bool DemoCast::askAPoll()
{
    const auto bots = onlineBots(true);
    if (bots.empty())
        return false;
    DemoBot *bot = pickFrom(bots);
    std::vector<const DemoRoom *> rooms;
    for (const DemoRoom &r : m_world.rooms) {
        if (r.type != RoomType::Direct && r.mayPost(bot->userId()))
            rooms.push_back(&r);
    }
    if (rooms.empty())
        return false;
    m_polls->ask(bot, pickFrom(rooms)->roomId);
    return true;
}

void DemoCast::typeAndSend(DemoBot *bot, const QString &roomId, const QString &content, const QString &replyTo,
                           int typingMs, bool anonymous)
{
    qCDebug(lcDemoCast) << bot->person().username << "types in" << roomId;
    m_busy.insert(bot->userId());
    bot->send(TypingStartFrame{roomId, {}});
    QTimer::singleShot(typingMs, this, [this, bot, roomId, content, replyTo, anonymous] {
        m_busy.remove(bot->userId());
        if (!m_running)
            return;
        SendMessageFrame f;
        f.roomId = roomId;
        f.content = content;
        f.replyTo = replyTo;
        f.isAnonymous = anonymous;
        f.clientMsgId = bot->nextClientMsgId();
        bot->send(f);
    });
}

bool DemoCast::reactToSomething()
{
    const auto bots = onlineBots(false);
    if (bots.empty())
        return false;
    DemoBot *bot = pickFrom(bots);
    std::vector<const DemoRoom *> rooms;
    for (const DemoRoom &r : m_world.rooms) {
        if (r.members.contains(bot->userId()))
            rooms.push_back(&r);
    }
    if (rooms.empty())
        return false;
    const DemoRoom *room = pickFrom(rooms);
    const QString messageId = recentMessageNotBy(room->roomId, bot->userId());
    if (messageId.isEmpty())
        return false;
    const QString emoji = pickFrom(content::reactionEmoji());
    const QString key = messageId + QLatin1Char('|') + emoji + QLatin1Char('|') + bot->userId();
    // Sometimes a change of mind: take an earlier reaction back.
    const bool remove = m_reactions.contains(key);
    if (remove)
        m_reactions.remove(key);
    else
        m_reactions.insert(key);
    bot->send(MessageReactionFrame{
        room->roomId, messageId, emoji, remove ? ReactionAction::Remove : ReactionAction::Add, {}});
    return true;
}

bool DemoCast::changePresence()
{
    const auto bots = onlineBots(false);
    if (bots.empty())
        return false;
    DemoBot *bot = pickFrom(bots);
    static const std::vector<PresenceStatus> statuses{PresenceStatus::Online, PresenceStatus::Online,
                                                      PresenceStatus::Away, PresenceStatus::Busy};
    const PresenceStatus status = pickFrom(statuses);
    const QString custom =
        status == PresenceStatus::Online && chance(50) ? QString() : pickFrom(content::customStatuses());
    bot->send(SetPresenceFrame{status, custom, {}});
    return true;
}

bool DemoCast::markSomethingRead()
{
    auto bots = onlineBots(false);
    std::shuffle(bots.begin(), bots.end(), *QRandomGenerator::global());
    for (DemoBot *bot : bots) {
        for (const DemoRoom &r : m_world.rooms) {
            const QStringList recent = m_recent.value(r.roomId);
            if (!r.members.contains(bot->userId()) || recent.isEmpty())
                continue;
            // Only news makes a receipt: someone else's message the bot has not read yet.
            const QString latest = recent.last();
            const QString key = bot->userId() + QLatin1Char('|') + r.roomId;
            if (m_authorOf.value(latest) == bot->userId() || m_readUpTo.value(key) == latest)
                continue;
            m_readUpTo.insert(key, latest);
            bot->send(MarkReadFrame{r.roomId, latest, {}});
            return true;
        }
    }
    return false;
}

bool DemoCast::editOwnMessage()
{
    for (DemoBot *bot : onlineBots(false)) {
        auto &own = m_own[bot->userId()];
        // Second thoughts on a real sentence, not on an emoji.
        while (!own.empty() && own.back().content.size() < 20)
            own.pop_back();
        if (own.empty())
            continue;
        const OwnMessage m = own.back();
        own.pop_back();
        bot->send(EditMessageFrame{m.roomId, m.messageId, m.content + pickFrom(content::editSuffixes()), {}});
        return true;
    }
    return false;
}

bool DemoCast::dropOffForAWhile()
{
    // Keep most of the cast around: only one away at a time, and not someone mid-sentence.
    if (onlineBots(false).size() < m_bots.size())
        return false;
    const auto bots = onlineBots(true);
    if (bots.size() < 2)
        return false;
    DemoBot *bot = pickFrom(bots);
    qCDebug(lcDemoCast) << bot->person().username << "goes offline for a while";
    bot->goOffline();
    // Longer than the server's presence grace, so the others see them go offline.
    QTimer::singleShot(scaled(randomBetween(12000, 25000)), this, [this, bot] {
        if (m_running)
            bot->goOnline();
    });
    return true;
}

bool DemoCast::sharePicture()
{
    const auto bots = onlineBots(true);
    if (bots.empty())
        return false;
    DemoBot *bot = pickFrom(bots);
    // Where the human sees it; not in announcements.
    std::vector<const DemoRoom *> rooms;
    for (const DemoRoom &r : m_world.rooms) {
        if (r.mayPost(bot->userId()) && r.members.contains(m_world.you.userId) && r.type != RoomType::Announcement)
            rooms.push_back(&r);
    }
    if (rooms.empty())
        return false;
    const QString roomId = pickFrom(rooms)->roomId;
    m_busy.insert(bot->userId());
    // Painting takes a moment: off this thread, which serves the network.
    auto *painting = new QFutureWatcher<media::SharedPicture>(this);
    connect(painting, &QFutureWatcherBase::finished, this, [this, painting, bot, roomId] {
        painting->deleteLater();
        const media::SharedPicture picture = painting->result();
        if (!m_running) {
            m_busy.remove(bot->userId());
            return;
        }
        m_uploader->upload(bot->person().token, picture.file,
                           [this, bot, roomId, caption = picture.caption](const QString &fileId, const QString &error) {
                               m_busy.remove(bot->userId());
                               if (fileId.isEmpty())
                                   qCDebug(lcDemoCast)
                                       << bot->person().username << "could not share a picture:" << error;
                               else if (m_running)
                                   postPicture(bot, roomId, fileId, caption);
                           });
    });
    painting->setFuture(QtConcurrent::run(&media::randomSharedPicture));
    return true;
}

void DemoCast::postPicture(DemoBot *bot, const QString &roomId, const QString &fileId, const QString &caption)
{
    Attachment attachment;
    attachment.fileId = fileId;
    SendMessageFrame f;
    f.roomId = roomId;
    f.content = caption;
    f.attachments = {attachment};
    f.clientMsgId = bot->nextClientMsgId();
    bot->send(f);
}

void DemoCast::remember(const Message &m)
{
    QStringList &recent = m_recent[m.roomId];
    recent << m.messageId;
    if (!m.isAnonymous)
        m_authorOf.insert(m.messageId, m.authorId);
    while (recent.size() > kRecentPerRoom)
        m_authorOf.remove(recent.takeFirst());
}

void DemoCast::answerHuman(const Message &m)
{
    const DemoRoom *room = m_world.room(m.roomId);
    if (!room)
        return;
    std::vector<DemoBot *> candidates;
    for (DemoBot *b : onlineBots(true)) {
        if (room->mayPost(b->userId()))
            candidates.push_back(b);
    }
    if (candidates.empty())
        return;
    DemoBot *bot = pickFrom(candidates);
    const QString roomId = m.roomId;
    const QString replyTo = room->type == RoomType::Direct && chance(50) ? QString() : m.messageId;
    m_busy.insert(bot->userId());
    // A moment to "read" it, then typing, then the answer.
    QTimer::singleShot(scaled(randomBetween(500, 1500)), this, [this, bot, roomId, replyTo, messageId = m.messageId] {
        m_busy.remove(bot->userId());
        if (!m_running)
            return;
        bot->send(MarkReadFrame{roomId, messageId, {}});
        typeAndSend(bot, roomId, pickFrom(content::answers()), replyTo, scaled(randomBetween(1500, 3000)));
    });
    // Sometimes someone else likes it too.
    if (chance(40) && candidates.size() > 1) {
        DemoBot *fan = candidates.front() == bot ? candidates.back() : candidates.front();
        QTimer::singleShot(scaled(randomBetween(800, 2500)), this, [this, fan, roomId, messageId = m.messageId] {
            if (m_running)
                fan->send(MessageReactionFrame{
                    roomId, messageId, pickFrom(content::reactionEmoji()), ReactionAction::Add, {}});
        });
    }
}

void DemoCast::onFrame(DemoBot &bot, const ServerFrame &frame)
{
    if (!m_running)
        return;
    if (const auto *ack = std::get_if<AckFrame>(&frame)) {
        auto &own = m_own[bot.userId()];
        own.push_back({ack->message.roomId, ack->message.messageId, ack->message.content});
        if (own.size() > 5)
            own.erase(own.begin());
        return;
    }
    const auto *fresh = std::get_if<NewMessageFrame>(&frame);
    if (!fresh || m_seen.contains(fresh->message.messageId))
        return;
    if (m_seen.size() > 5000)
        m_seen.clear();
    m_seen.insert(fresh->message.messageId);
    remember(fresh->message);
    const Message &m = fresh->message;
    if (m.poll) { // whoever asked, the others vote over the next minute
        std::vector<DemoBot *> voters;
        for (const auto &b : m_bots) {
            const auto room = std::find_if(m_world.rooms.cbegin(), m_world.rooms.cend(),
                                           [&](const DemoRoom &r) { return r.roomId == m.roomId; });
            if (b->isOnline() && b->userId() != m.authorId && room != m_world.rooms.cend() &&
                room->mayPost(b->userId()))
                voters.push_back(b.get());
        }
        m_polls->pollSeen(m, voters);
    }
    if (!m.isAnonymous && m.authorId == m_world.you.userId && m.type != MessageType::System)
        answerHuman(m);
}

} // namespace confab::demo
