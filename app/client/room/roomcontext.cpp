// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomcontext.h"

#include "client/models/auditlogmodel.h"
#include "client/models/banlistmodel.h"
#include "client/models/knownusers.h"
#include "client/models/membermodel.h"
#include "client/models/messagemodel.h"
#include "client/models/receiptmodel.h"
#include "client/models/typingmodel.h"
#include "client/room/moderationactions.h"
#include "client/room/postingstate.h"
#include "client/room/roomstanding.h"
#include "client/sync/chatengine.h"
#include "client/sync/localstore.h"

namespace confab::client {

namespace {
QString draftKey(const QString &roomId) { return QStringLiteral("draft/") + roomId; }
} // namespace

RoomContext::RoomContext(ChatEngine &engine, ApiClient &api, LocalStore &store, const QString &roomId, QObject *parent)
    : QObject(parent), m_api(api), m_store(store), m_roomId(roomId),
      m_messages(engine.createMessageModel(roomId, nullptr)), m_typing(engine.createTypingModel(roomId, nullptr)),
      m_members(engine.createMemberModel(roomId, nullptr)),
      m_standing(std::make_unique<RoomStanding>(roomId, engine.me(), engine.rooms(), *m_members)),
      m_posting(std::make_unique<PostingState>(*m_standing, engine.outbox())),
      m_moderation(std::make_unique<ModerationActions>(roomId, api)),
      m_names(std::make_unique<KnownUsers>(roomId, store, m_members.get())),
      m_receipts(std::make_unique<ReceiptModel>(roomId, engine.me().userId, api, engine.sync()))
{
    m_messages->setNameLookup([names = m_names.get()](const QString &userId) { return names->nameOf(userId); });
}

RoomContext::~RoomContext()
{
    m_messages->setNameLookup({}); // the names go first
}

AuditLogModel *RoomContext::createAuditLogModel(QObject *parent) const
{
    return new AuditLogModel(m_roomId, m_api, m_names.get(), parent);
}

BanListModel *RoomContext::createBanListModel(QObject *parent) const
{
    return new BanListModel(m_roomId, m_api, m_names.get(), parent);
}

QString RoomContext::draft() const { return m_store.value(draftKey(m_roomId)); }

void RoomContext::saveDraft(const QString &text)
{
    if (m_store.value(draftKey(m_roomId)) != text)
        m_store.setValue(draftKey(m_roomId), text);
}

} // namespace confab::client
