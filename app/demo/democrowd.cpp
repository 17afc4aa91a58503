// SPDX-License-Identifier: GPL-3.0-or-later
#include "democrowd.h"

#include "server/service/services.h"

#include <QStringList>

namespace confab::demo {

using namespace confab::server;

namespace {
const char *const kFirst[] = {"Ada",   "Bruno", "Chloé",  "Dmitri", "Elif", "Farah",  "Goran", "Hiro",
                              "Inès",  "Jonas", "Keiko",  "Lars",   "Maya", "Nnamdi", "Olga",  "Pablo",
                              "Quinn", "Rosa",  "Sanjay", "Tove",   "Umar", "Vera",   "Wen",   "Yusuf"};
const char *const kLast[] = {"Abbott", "Berg",    "Costa",  "Dahl",     "Eze",      "Fischer", "García",
                             "Holm",   "Ito",     "Jensen", "Kowalski", "Lund",     "Moreau",  "Novak",
                             "Okafor", "Pereira", "Quist",  "Rossi",    "Svensson", "Tanaka"};
const char *const kStatuses[] = {"🌴 On holiday",          "🎧 Focus mode",  "🚆 Commuting",
                                 "📅 In meetings all day", "🤒 Off sick", "🏠 Working from home"};
template<typename T, std::size_t N> constexpr int count(const T (&)[N]) { return int(N); }
} // namespace

QString DemoCrowd::create(Services &services, Effects &fx, const Caller &owner, const QStringList &joiners,
                          const QByteArray &passwordHash, qint64 now)
{
    NewRoom req;
    req.name = QStringLiteral("town-square");
    req.description = QStringLiteral("Everyone in the neighbourhood: %1 people, most of them away").arg(kPeople);
    req.type = RoomType::Public;
    req.maxMembers = 5000;
    const auto room = services.rooms.create(owner, req, fx);
    if (!room)
        return {};
    const QString roomId = room.value.roomId;
    for (const QString &userId : joiners) {
        Caller c;
        c.userId = userId;
        if (const auto u = services.context.storage.userById(userId)) {
            c.displayName = u->user.displayName;
            c.username = u->user.username;
        }
        (void)services.rooms.join(c, roomId, 1, fx);
    }
    // The crowd goes straight in: 1,500 "joined" events would bury the room's history.
    for (int i = 0; i < kPeople; ++i) {
        const QString username = QStringLiteral("neighbour%1").arg(i, 4, 10, QLatin1Char('0'));
        const QString name = QString::fromUtf8(kFirst[i % count(kFirst)]) + QLatin1Char(' ') +
                             QString::fromUtf8(kLast[(i / count(kFirst)) % count(kLast)]);
        const auto made = services.auth.createAccount(username, name, passwordHash, false, false);
        if (!made)
            continue;
        const QString userId = made.value.user.userId;
        MemberRecord m;
        m.roomId = roomId;
        m.userId = userId;
        m.joinedAt = now - qint64(kPeople - i) * 60 * 1000;
        services.context.storage.insertMember(m);
        services.context.members.add(roomId, userId);
        // Last here minutes to weeks ago; one in four says why they are away.
        const qint64 lastSeen = now - qint64((i * 7919) % (30 * 24 * 60)) * 60 * 1000;
        const QString status = i % 4 == 0 ? QString::fromUtf8(kStatuses[(i / 4) % count(kStatuses)]) : QString();
        services.context.storage.updateUserPresence(userId, PresenceStatus::Offline, status, lastSeen);
    }
    return roomId;
}

} // namespace confab::demo
