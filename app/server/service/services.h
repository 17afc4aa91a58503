// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authservice.h"
#include "fileservice.h"
#include "messageservice.h"
#include "moderationservice.h"
#include "notificationprefsservice.h"
#include "pollservice.h"
#include "receiptservice.h"
#include "retentionservice.h"
#include "roomservice.h"

namespace confab::server {

// Every service of the storage thread, over one storage and context.
struct Services {
    explicit Services(ServiceContext &ctx)
        : context(ctx), auth(ctx), rooms(ctx), messages(ctx), moderation(ctx, rooms), files(ctx), retention(ctx),
          receipts(ctx), notificationPrefs(ctx), polls(ctx)
    {
    }
    ServiceContext &context;
    AuthService auth;
    RoomService rooms;
    MessageService messages;
    ModerationService moderation;
    FileService files;
    RetentionService retention;
    ReceiptService receipts;
    NotificationPrefsService notificationPrefs;
    PollService polls;
};

} // namespace confab::server
