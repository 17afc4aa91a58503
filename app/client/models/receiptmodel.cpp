// SPDX-License-Identifier: GPL-3.0-or-later
#include "receiptmodel.h"

#include "client/net/apiclient.h"
#include "client/sync/syncengine.h"

namespace confab::client {

ReceiptModel::ReceiptModel(const QString &roomId, const QString &myUserId, ApiClient &api, SyncEngine &sync,
                           QObject *parent)
    : QObject(parent), m_roomId(roomId), m_me(myUserId), m_api(api)
{
    connect(&sync, &SyncEngine::readReceiptArrived, this, [this](const ReadReceipt &r) {
        if (r.roomId == m_roomId && apply(r.userId, r.seq))
            Q_EMIT changed();
    });
    // Receipts are not room events: a sync does not replay them, so ask again after one.
    connect(&sync, &SyncEngine::synced, this, &ReceiptModel::load);
}

void ReceiptModel::load()
{
    const quint64 generation = ++m_loadGeneration;
    m_api.receipts(m_roomId, this, [this, generation](const ApiResult<std::vector<RoomReceipt>> &r) {
        if (generation != m_loadGeneration || !r.ok())
            return; // stale, or the server said no (then the view keeps what it had)
        bool moved = false;
        for (const RoomReceipt &receipt : r.value)
            moved = apply(receipt.userId, receipt.seq) || moved;
        if (moved)
            Q_EMIT changed();
    });
}

bool ReceiptModel::apply(const QString &userId, qint64 seq)
{
    if (userId == m_me || seq <= 0)
        return false;
    const qint64 old = m_seqOf.value(userId);
    if (seq <= old)
        return false;
    if (old > 0)
        m_bySeq.remove(old, userId);
    m_seqOf.insert(userId, seq);
    m_bySeq.insert(seq, userId);
    return true;
}

QStringList ReceiptModel::readersBetween(qint64 fromSeq, qint64 toSeq) const
{
    QStringList out;
    for (auto it = m_bySeq.lowerBound(fromSeq); it != m_bySeq.cend() && it.key() < toSeq; ++it)
        out.prepend(it.value());
    return out;
}

} // namespace confab::client
