// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servicecontext.h"

#include "core/requests.h"
#include "core/responses.h"

namespace confab::server {

// Read receipts as others see them. A user who turns receipts off (a setting kept on the
// server, so it holds on all their devices) shares none and sees nobody else's, as in Signal;
// their own devices still hear their receipts, so unread counts keep working.
class ReceiptService {
public:
    explicit ReceiptService(ServiceContext &ctx) : m_ctx(ctx), m_guard(ctx) {}

    // Where every member who shares receipts has read up to: one entry per member, so opening
    // a room costs one request however long its history.
    Result<ReceiptList> receipts(const Caller &caller, const QString &roomId);
    Result<ReceiptSetting> setting(const Caller &caller);
    Result<ReceiptSetting> changeSetting(const Caller &caller, const ReceiptSetting &change);

    // Delivers a moved read marker: to the reader's own connections always, to the other
    // members only when the reader shares receipts and they do too.
    void announce(const ReadReceipt &receipt, Effects &fx);

private:
    ServiceContext &m_ctx;
    RoomGuard m_guard;
};

} // namespace confab::server
