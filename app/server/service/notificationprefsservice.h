// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servicecontext.h"

namespace confab::server {

// A member's notification level and mute for one room (PUT /v1/chat/rooms/{roomId}/notifications).
// Stored on the membership, so that every device of the user sees it: room answers carry it, and
// the user's connections get notification_settings when it changes.
class NotificationPrefsService {
public:
    explicit NotificationPrefsService(ServiceContext &ctx) : m_ctx(ctx), m_guard(ctx) {}

    Result<RoomNotifications> set(const Caller &caller, const QString &roomId, const NotificationPrefs &prefs,
                                  Effects &fx);

private:
    ServiceContext &m_ctx;
    RoomGuard m_guard;
};

} // namespace confab::server
