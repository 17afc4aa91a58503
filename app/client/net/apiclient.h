// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/net/apitypes.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <nlohmann/json_fwd.hpp>

class QNetworkReply;

namespace confab::client {

// Every REST call of API.md the client makes, asynchronously. Answers are decoded with core's
// codecs into typed results; each callback runs on `context`'s thread and only while `context`
// lives. abortAll() (sign-out, a new token) drops every answer still on its way, so a late
// reply for an old account never reaches the new one.
class ApiClient : public QObject {
    Q_OBJECT
public:
    explicit ApiClient(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url) { m_base = url; }
    QUrl baseUrl() const { return m_base; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    void abortAll();
    int pendingCount() const { return int(m_inFlight.size()); }

    // auth
    void registerAccount(const QString &username, const QString &password, const QString &displayName, QObject *context,
                         ApiCallback<SignedIn> done);
    void login(const QString &username, const QString &password, QObject *context, ApiCallback<SignedIn> done);
    void logout(QObject *context, ApiCallback<Done> done);
    void me(QObject *context, ApiCallback<User> done);
    // Only what is set changes.
    void updateProfile(const std::optional<QString> &displayName, const std::optional<QString> &avatar,
                       QObject *context, ApiCallback<User> done);
    // PATCH /v1/me with everything ProfileChange can say (avatarFileId: an uploaded picture).
    void updateProfile(const ProfileChange &change, QObject *context, ApiCallback<User> done);
    // POST /v1/me/password: the server checks oldPassword and signs out every other session.
    void changePassword(const QString &oldPassword, const QString &newPassword, QObject *context,
                        ApiCallback<Done> done);
    // One person by exact username, case-insensitive (GET /v1/users/by-username/{username}).
    void userByUsername(const QString &username, QObject *context, ApiCallback<User> done);
    // Erases the account (DELETE /v1/me) after the server checked `password`; the token stops working.
    void deleteAccount(const QString &password, QObject *context, ApiCallback<Done> done);
    // The audit log, newest first: every room for server admins, their rooms for room admins.
    // `before` is the auditId of the last entry of the previous page.
    void auditLog(const QString &roomId, const QString &before, int limit, QObject *context,
                  ApiCallback<std::vector<AuditEntry>> done);

    // rooms
    void listRooms(const RoomQuery &query, QObject *context, ApiCallback<RoomPage> done);
    void room(const QString &roomId, QObject *context, ApiCallback<Room> done);
    void createRoom(const NewRoom &room, QObject *context, ApiCallback<Room> done);
    void updateRoom(const QString &roomId, const RoomChange &change, QObject *context, ApiCallback<Room> done);
    void deleteRoom(const QString &roomId, QObject *context, ApiCallback<Done> done);
    void joinRoom(const QString &roomId, QObject *context, ApiCallback<Room> done);
    void leaveRoom(const QString &roomId, QObject *context, ApiCallback<Done> done);

    // members
    // A page of the member list (online first, by role, by name): the first without a cursor,
    // then each after the previous page's nextCursor; with text, only the members it finds.
    struct MemberPageRequest {
        int limit = 100;
        QString cursor;
        QString text;
    };
    void members(const QString &roomId, const MemberPageRequest &page, QObject *context, ApiCallback<MemberPage> done);
    void inviteMember(const QString &roomId, const QString &userId, QObject *context, ApiCallback<Member> done);
    void updateMember(const QString &roomId, const QString &userId, const MemberChange &change, QObject *context,
                      ApiCallback<Member> done);
    void kickMember(const QString &roomId, const QString &userId, const QString &reason, QObject *context,
                    ApiCallback<Done> done);
    void banMember(const QString &roomId, const QString &userId, const QString &reason, qint64 durationSeconds,
                   QObject *context, ApiCallback<Done> done);
    void unbanMember(const QString &roomId, const QString &userId, QObject *context, ApiCallback<Done> done);
    void bans(const QString &roomId, QObject *context, ApiCallback<std::vector<Ban>> done);

    // messages
    void messages(const QString &roomId, const HistoryQuery &query, QObject *context, ApiCallback<MessagePage> done);
    void sendMessage(const QString &roomId, const OutgoingMessage &message, QObject *context,
                     ApiCallback<Message> done);
    void editMessage(const QString &roomId, const QString &messageId, const QString &content, QObject *context,
                     ApiCallback<Message> done);
    void deleteMessage(const QString &roomId, const QString &messageId, QObject *context, ApiCallback<Message> done);
    void addReaction(const QString &roomId, const QString &messageId, const QString &emoji, QObject *context,
                     ApiCallback<Message> done);
    // Polls: the caller's whole choice (empty retracts it), and closing; both answer the message.
    void votePoll(const QString &roomId, const QString &messageId, const QStringList &optionIds, QObject *context,
                  ApiCallback<Message> done);
    void closePoll(const QString &roomId, const QString &messageId, QObject *context, ApiCallback<Message> done);
    // One message (the assistant's answer, when a streamed delta was missed).
    void message(const QString &roomId, const QString &messageId, QObject *context, ApiCallback<Message> done);
    // The assistant: stop an answer being written; ask again after an error or a stop (the new answer).
    void cancelAnswer(const QString &roomId, const QString &messageId, QObject *context, ApiCallback<Message> done);
    void retryAnswer(const QString &roomId, const QString &messageId, QObject *context, ApiCallback<Message> done);
    void removeReaction(const QString &roomId, const QString &messageId, const QString &emoji, QObject *context,
                        ApiCallback<Message> done);
    void markRead(const QString &roomId, const QString &messageId, QObject *context, ApiCallback<ReadReceipt> done);
    // My notification level and mute for the room, kept on the server for every device.
    void setRoomNotifications(const QString &roomId, const NotificationPrefs &prefs, QObject *context,
                              ApiCallback<RoomNotifications> done);
    void pins(const QString &roomId, QObject *context, ApiCallback<std::vector<Message>> done);
    // Where each member who shares read receipts has read up to (GET .../receipts).
    void receipts(const QString &roomId, QObject *context, ApiCallback<std::vector<RoomReceipt>> done);
    // The user's "send read receipts" setting, kept on the server for all their devices.
    void receiptSetting(QObject *context, ApiCallback<ReceiptSetting> done);
    void setReceiptSetting(bool sendReadReceipts, QObject *context, ApiCallback<ReceiptSetting> done);
    void setPinned(const QString &roomId, const QString &messageId, bool pinned, QObject *context,
                   ApiCallback<Done> done);
    void search(const SearchQuery &query, QObject *context, ApiCallback<std::vector<SearchHit>> done);

    // presence
    void setPresence(PresenceStatus status, const QString &customStatus, QObject *context, ApiCallback<Presence> done);
    void presence(const QStringList &userIds, QObject *context, ApiCallback<std::vector<Presence>> done);

private:
    // Raw outcome of one request: status, the envelope's `data` (or null) and the error if any.
    using RawDone = std::function<void(int status, const nlohmann::json &data, const std::optional<ApiError> &error)>;
    void send(const QByteArray &method, const QString &path, const QUrlQuery &query, const nlohmann::json *body,
              QObject *context, RawDone done);
    template<typename T>
    void call(const QByteArray &method, const QString &path, const QUrlQuery &query, const nlohmann::json *body,
              QObject *context, ApiCallback<T> done, std::function<T(const nlohmann::json &)> decode);
    void finished(QNetworkReply *reply, const QPointer<QObject> &context, bool hadContext, const RawDone &done);

    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
    static constexpr int kTimeoutMs = 30000;
    QSet<QNetworkReply *> m_inFlight;
};

} // namespace confab::client
