// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every service of the storage thread shares, and the checks they all make: is this room
// visible to the caller, are they a member, does their role allow the action.

#include "caller.h"
#include "effects.h"
#include "membershipindex.h"
#include "presenceregistry.h"
#include "result.h"
#include "standingmonitor.h"
#include "storage/storage.h"

#include "core/clock.h"
#include "core/frames.h"
#include "core/ids.h"
#include "core/permissions.h"

#include <atomic>
#include <functional>

namespace confab::server {

struct ServiceSettings {
    int contentMaxChars = 5000;
    int historyPageDefault = 50;
    int historyPageMax = 100;
    int syncReplayMax = 500; // more missed events than this in a room -> sync_gap
    int reactionsPerMessageMax = 20;
    int pinsPerRoomMax = 50;
    int defaultMaxMembers = 1000;
    QStringList serverWordFilter; // applies in every room, before the room's own list
    WordFilterAction serverWordFilterAction = WordFilterAction::Reject;
    // Files (FileService): where the bytes live and what one user may store.
    QString filesRoot;                                 // BlobStore root; empty: files are off
    qint64 maxUploadBytes = 1024LL * 1024 * 1024;      // one file, server-wide
    qint64 userQuotaBytes = 10LL * 1024 * 1024 * 1024; // all of a user's files; 0 = no quota
    qint64 unattachedFileGraceMs = 24LL * 3600 * 1000; // an upload no message carries is swept after this
    qint64 uploadLifetimeMs = 24LL * 3600 * 1000;      // a resumable upload not finished by then is removed
};

// Counters the services keep for /metrics; atomics because /metrics reads them from the network thread.
struct ServiceCounters {
    std::atomic<qint64> messagesStored{0};
    std::atomic<qint64> roomEvents{0};
};

struct ServiceContext {
    Storage &storage;
    const Clock &clock;
    IdGenerator &ids;
    MembershipIndex &members;
    PresenceRegistry &presence;
    ServiceSettings settings;
    ServiceCounters *counters = nullptr;
    StandingMonitor standing;

    qint64 now() const { return clock.nowMs(); }
};

// Serialises a server frame once, for every recipient.
QByteArray frameBytes(const ServerFrame &frame);

// Runs f inside a transaction: commit on return, roll back on an exception (and rethrow).
template<typename F> auto inTransaction(Storage &s, F &&f) -> decltype(f())
{
    s.begin();
    try {
        if constexpr (std::is_void_v<decltype(f())>) {
            f();
            s.commit();
        } else {
            auto r = f();
            s.commit();
            return r;
        }
    } catch (...) {
        s.rollback();
        throw;
    }
}

// A room as one caller may see it.
struct RoomAccess {
    RoomRecord record;
    std::optional<MemberRecord> membership;
    Actor actor;
};

class RoomGuard {
public:
    explicit RoomGuard(ServiceContext &ctx) : m_ctx(ctx) {}

    // The room if the caller may see it: public and announcement rooms, rooms they are in, or any
    // room for a server admin. Anything else is ROOM_NOT_FOUND (existence is not leaked).
    Result<RoomAccess> visible(const Caller &caller, const QString &roomId);
    // As visible(), and the caller must be a member (403 for a visible room they have not joined).
    Result<RoomAccess> joined(const Caller &caller, const QString &roomId);
    // FORBIDDEN with the table's reason when the caller's role does not allow the action.
    std::optional<ApiError> require(const RoomAccess &access, Action action,
                                    std::optional<Role> targetRole = std::nullopt) const;

    // The caller's view of a room: isJoined, myRole, unreadCount, lastMessage.
    Room view(const Caller &caller, const RoomRecord &record, const std::optional<MemberRecord> &membership);

    // Appends an event to the room's log, built by `make` for its seq, and returns the frame's
    // bytes to deliver after commit. Message events (messageId set) are replayed from the
    // message's current state; others keep their bytes in the log. Inside a transaction.
    QByteArray logEvent(const QString &roomId, const std::function<ServerFrame(qint64 seq)> &make,
                        const QString &messageId = {});

private:
    ServiceContext &m_ctx;
};

// Hides the author of an anonymous message from everyone (the server keeps it for moderation).
Message presentMessage(Message m);

void audit(ServiceContext &ctx, const Caller &caller, const QString &action, const QString &roomId,
           const QString &targetUserId = {}, const QString &messageId = {}, const QString &reason = {});

// Tells the user's open connections, in this process or a running server, that their standing
// changed (see StandingChange). Inside the transaction that makes the change.
void recordStandingChange(ServiceContext &ctx, const QString &userId, StandingChangeKind kind,
                          const QByteArray &tokenHash = {});

} // namespace confab::server
