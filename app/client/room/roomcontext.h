// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace confab::client {

class ApiClient;
class AuditLogModel;
class BanListModel;
class ChatEngine;
class KnownUsers;
class LocalStore;
class MemberModel;
class MessageModel;
class ModerationActions;
class PostingState;
class ReceiptModel;
class RoomStanding;
class TypingModel;

// Everything the UI needs for one open room, made together by ChatEngine::openRoom() and gone
// together: the room's models (messages, members, typing), where the user stands and what they
// may post, the moderation calls, the names of people who left, and the composer's draft. The UI
// gets no other way into the account's cache or REST client. Models are not loaded yet: attach
// views (or testers) first, then call their load(). Must go before the engine that made it.
class RoomContext : public QObject {
public:
    ~RoomContext() override;

    QString roomId() const { return m_roomId; }
    MessageModel &messages() const { return *m_messages; }
    MemberModel &members() const { return *m_members; }
    TypingModel &typing() const { return *m_typing; }
    RoomStanding &standing() const { return *m_standing; }
    PostingState &posting() const { return *m_posting; }
    ModerationActions &moderation() const { return *m_moderation; }
    KnownUsers &names() const { return *m_names; }
    ReceiptModel &receipts() const { return *m_receipts; }

    // The moderation panel's lists, made when it opens (each loads from the server when asked).
    AuditLogModel *createAuditLogModel(QObject *parent) const;
    BanListModel *createBanListModel(QObject *parent) const;

    // The composer's unsent text, kept in the account's local store (survives a restart).
    QString draft() const;
    void saveDraft(const QString &text);

private:
    friend class ChatEngine;
    RoomContext(ChatEngine &engine, ApiClient &api, LocalStore &store, const QString &roomId, QObject *parent);

    ApiClient &m_api;
    LocalStore &m_store;
    QString m_roomId;
    // Declared in the order they are made: each refers only to those above it, and they go in
    // reverse.
    std::unique_ptr<MessageModel> m_messages;
    std::unique_ptr<TypingModel> m_typing;
    std::unique_ptr<MemberModel> m_members;
    std::unique_ptr<RoomStanding> m_standing;
    std::unique_ptr<PostingState> m_posting;
    std::unique_ptr<ModerationActions> m_moderation;
    std::unique_ptr<KnownUsers> m_names;
    std::unique_ptr<ReceiptModel> m_receipts;
};

} // namespace confab::client
