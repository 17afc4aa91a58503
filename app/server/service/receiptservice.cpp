// SPDX-License-Identifier: GPL-3.0-or-later
#include "receiptservice.h"

namespace confab::server {

Result<ReceiptList> ReceiptService::receipts(const Caller &caller, const QString &roomId)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    ReceiptList out;
    if (!m_ctx.storage.sendsReadReceipts(caller.userId))
        return out; // who shares none sees none
    out.receipts = m_ctx.storage.roomReceipts(roomId);
    return out;
}

Result<ReceiptSetting> ReceiptService::setting(const Caller &caller)
{
    return ReceiptSetting{m_ctx.storage.sendsReadReceipts(caller.userId)};
}

Result<ReceiptSetting> ReceiptService::changeSetting(const Caller &caller, const ReceiptSetting &change)
{
    m_ctx.storage.setSendsReadReceipts(caller.userId, change.sendReadReceipts);
    return change;
}

void ReceiptService::announce(const ReadReceipt &receipt, Effects &fx)
{
    const QByteArray bytes = frameBytes(ReadReceiptFrame{receipt});
    if (!m_ctx.storage.sendsReadReceipts(receipt.userId)) {
        fx.deliver(bytes, singleUser(receipt.userId), receipt.roomId);
        return;
    }
    const UserSet members = m_ctx.members.membersOf(receipt.roomId);
    const QSet<QString> hiding = m_ctx.storage.membersHidingReceipts(receipt.roomId);
    if (hiding.isEmpty()) {
        fx.deliver(bytes, members, receipt.roomId); // the shared set, not a copy
        return;
    }
    auto to = std::make_shared<QSet<QString>>(*members);
    for (const QString &id : hiding)
        to->remove(id);
    fx.deliver(bytes, std::move(to), receipt.roomId);
}

} // namespace confab::server
