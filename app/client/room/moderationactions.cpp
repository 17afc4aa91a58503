// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderationactions.h"

#include "client/net/apiclient.h"

namespace confab::client {

ModerationActions::ModerationActions(const QString &roomId, ApiClient &api, QObject *parent)
    : QObject(parent), m_roomId(roomId), m_api(api)
{
}

template<typename T>
void ModerationActions::run(const QString &ok, const QString &failure, std::function<void(ApiCallback<T>)> call,
                            std::function<void(const T &)> then)
{
    ++m_pending;
    Q_EMIT pendingChanged();
    call([this, ok, failure, then](const ApiResult<T> &r) {
        --m_pending;
        Q_EMIT pendingChanged();
        if (!r.ok()) {
            const QString why = r.error->message.isEmpty() ? errorCodeName(r.error->code) : r.error->message;
            Q_EMIT failed(tr("%1: %2").arg(failure, why));
            return;
        }
        if (then)
            then(r.value);
        Q_EMIT succeeded(ok);
    });
}

void ModerationActions::setRole(const QString &userId, const QString &name, Role role)
{
    MemberChange change;
    change.role = role;
    QString ok;
    switch (role) {
    case Role::Owner: ok = tr("%1 now owns the room.").arg(name); break;
    case Role::Admin: ok = tr("%1 is now an admin.").arg(name); break;
    case Role::Moderator: ok = tr("%1 is now a moderator.").arg(name); break;
    case Role::Member: ok = tr("%1 is now a member.").arg(name); break;
    }
    run<Member>(ok, tr("Could not change the role of %1").arg(name),
                [=, this](ApiCallback<Member> cb) { m_api.updateMember(m_roomId, userId, change, this, cb); });
}

void ModerationActions::transferOwnership(const QString &userId, const QString &name)
{
    MemberChange change;
    change.role = Role::Owner;
    run<Member>(tr("%1 now owns the room.").arg(name), tr("Could not hand the room over to %1").arg(name),
                [=, this](ApiCallback<Member> cb) { m_api.updateMember(m_roomId, userId, change, this, cb); });
}

void ModerationActions::mute(const QString &userId, const QString &name, qint64 untilMs)
{
    MemberChange change;
    change.isMuted = true;
    if (untilMs > 0)
        change.mutedUntil = untilMs;
    run<Member>(tr("%1 is muted.").arg(name), tr("Could not mute %1").arg(name),
                [=, this](ApiCallback<Member> cb) { m_api.updateMember(m_roomId, userId, change, this, cb); });
}

void ModerationActions::unmute(const QString &userId, const QString &name)
{
    MemberChange change;
    change.isMuted = false;
    run<Member>(tr("%1 may post again.").arg(name), tr("Could not unmute %1").arg(name),
                [=, this](ApiCallback<Member> cb) { m_api.updateMember(m_roomId, userId, change, this, cb); });
}

void ModerationActions::kick(const QString &userId, const QString &name, const QString &reason)
{
    run<Done>(tr("%1 was removed from the room.").arg(name), tr("Could not remove %1").arg(name),
              [=, this](ApiCallback<Done> cb) { m_api.kickMember(m_roomId, userId, reason, this, cb); });
}

void ModerationActions::ban(const QString &userId, const QString &name, const QString &reason, qint64 durationSeconds)
{
    run<Done>(
        tr("%1 is banned.").arg(name), tr("Could not ban %1").arg(name),
        [=, this](ApiCallback<Done> cb) { m_api.banMember(m_roomId, userId, reason, durationSeconds, this, cb); },
        [=, this](const Done &) { Q_EMIT banned(userId); });
}

void ModerationActions::unban(const QString &userId, const QString &name)
{
    run<Done>(
        tr("%1 is no longer banned.").arg(name), tr("Could not lift the ban on %1").arg(name),
        [=, this](ApiCallback<Done> cb) { m_api.unbanMember(m_roomId, userId, this, cb); },
        [=, this](const Done &) { Q_EMIT unbanned(userId); });
}

void ModerationActions::updateRoom(const RoomChange &change)
{
    run<Room>(
        tr("Room settings saved."), tr("Could not save the room settings"),
        [=, this](ApiCallback<Room> cb) { m_api.updateRoom(m_roomId, change, this, cb); },
        [this](const Room &room) { Q_EMIT roomUpdated(room); });
}

void ModerationActions::deleteRoom()
{
    run<Done>(
        tr("The room was deleted."), tr("Could not delete the room"),
        [=, this](ApiCallback<Done> cb) { m_api.deleteRoom(m_roomId, this, cb); },
        [this](const Done &) { Q_EMIT roomDeleted(); });
}

} // namespace confab::client
