// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationprefsservice.h"

#include "core/frames.h"

namespace confab::server {

Result<RoomNotifications> NotificationPrefsService::set(const Caller &caller, const QString &roomId,
                                                        const NotificationPrefs &prefs, Effects &fx)
{
    auto access = m_guard.visible(caller, roomId);
    if (!access)
        return *access.error;
    // A preference of a member: a server admin looking at a room they are not in has none.
    if (!access.value.membership)
        return apiError(ErrorCode::Forbidden, QStringLiteral("join the room first"), QStringLiteral("roomId"));
    RoomNotifications out{roomId, prefs};
    MemberRecord me = *access.value.membership;
    if (me.notifications == prefs)
        return out;
    me.notifications = prefs;
    m_ctx.storage.updateMember(me);
    // Only the user's own connections: nobody else learns what they mute.
    fx.deliver(frameBytes(NotificationSettingsFrame{out}), singleUser(caller.userId), roomId);
    return out;
}

} // namespace confab::server
