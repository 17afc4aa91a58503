// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiclient.h"

#include "client/net/errortext.h"

#include "core/jsondocument.h"
#include "core/limits.h"

#include <QCoreApplication>

#include <QNetworkReply>
#include <QNetworkRequest>

#include <nlohmann/json.hpp>

namespace confab::client {

using nlohmann::json;

namespace {

// Calls without parameters that still POST: an empty object, as they always have.
json emptyBody() { return json::object(); }

// One path segment, percent-encoded (ids are safe, emoji are not).
QString seg(const QString &v) { return QString::fromLatin1(QUrl::toPercentEncoding(v)); }

QString roomPath(const QString &roomId) { return QStringLiteral("/v1/chat/rooms/") + seg(roomId); }
QString messagePath(const QString &roomId, const QString &messageId)
{
    return roomPath(roomId) + QStringLiteral("/messages/") + seg(messageId);
}
QString memberPath(const QString &roomId, const QString &userId)
{
    return roomPath(roomId) + QStringLiteral("/members/") + seg(userId);
}

// Answers are decoded with core's codecs (types.h, responses.h), as strictly as the server's input.
template<typename T> T as(const json &j) { return j.get<T>(); }
Done done(const json &) { return {}; }

// The server's error, with its text in the user's language (ErrorText) when its code is known.
ApiError errorFromEnvelope(const json &body, int status, int retryAfterSeconds)
{
    ApiError e;
    e.code = status >= 500 ? ErrorCode::Internal : ErrorCode::BadRequest;
    e.retryAfterSeconds = retryAfterSeconds;
    const json *err =
        body.is_object() && body.contains("error") && body["error"].is_object() ? &body["error"] : nullptr;
    if (!err) {
        e.message =
            QCoreApplication::translate("confab::client::ApiClient", "The server answered with status %1.").arg(status);
        return e;
    }
    bool known = false;
    if (err->contains("code") && (*err)["code"].is_string()) {
        ErrorCode code;
        known = errorCodeFromName(QString::fromStdString((*err)["code"].get<std::string>()), code);
        if (known)
            e.code = code;
    }
    QString serverText;
    if (err->contains("message") && (*err)["message"].is_string())
        serverText = QString::fromStdString((*err)["message"].get<std::string>());
    if (err->contains("details") && (*err)["details"].is_object()) {
        const json &d = (*err)["details"];
        if (d.contains("field") && d["field"].is_string())
            e.field = QString::fromStdString(d["field"].get<std::string>());
    }
    e.message =
        known ? ErrorText::forCode(e.code, e.field, retryAfterSeconds, serverText) : ErrorText::unknown(serverText);
    return e;
}

} // namespace

ApiClient::ApiClient(QObject *parent) : QObject(parent)
{
    // HTTP/2 cleartext upgrade attempts confuse a plain HTTP/1.1 server; keep it simple.
    m_nam.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

void ApiClient::abortAll()
{
    const auto replies = m_inFlight;
    m_inFlight.clear(); // finished() sees the reply is no longer ours and drops it
    for (QNetworkReply *r : replies)
        r->abort();
}

void ApiClient::send(const QByteArray &method, const QString &path, const QUrlQuery &query, const json *body,
                     QObject *context, RawDone done)
{
    QUrl url = m_base;
    QString basePath = url.path(QUrl::FullyEncoded);
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    QByteArray bytes;
    if (body) {
        bytes = toJsonBytes(*body);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, bytes);
    m_inFlight.insert(reply);
    const QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, guard, hadContext, done = std::move(done)] { finished(reply, guard, hadContext, done); });
}

void ApiClient::finished(QNetworkReply *reply, const QPointer<QObject> &context, bool hadContext, const RawDone &done)
{
    reply->deleteLater();
    if (!m_inFlight.remove(reply))
        return; // aborted by abortAll(): a stale answer
    if (hadContext && !context)
        return; // whoever asked is gone
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray raw = reply->readAll();
    if (status == 0) {
        ApiError e{ErrorCode::Unavailable, tr("Cannot reach the server: %1").arg(reply->errorString()), {}, 0};
        done(0, json(), e);
        return;
    }
    json body;
    try {
        body = parseJsonDocument(raw, limits::kJsonDepthMax + 8);
    } catch (const DecodeError &) {
        body = json();
    }
    if (status >= 200 && status < 300 && body.is_object() && body.value("success", false) && body.contains("data")) {
        done(status, body["data"], std::nullopt);
        return;
    }
    const int retryAfter = reply->hasRawHeader("Retry-After") ? reply->rawHeader("Retry-After").toInt() : 0;
    ApiError e = errorFromEnvelope(body, status, retryAfter);
    if (status >= 200 && status < 300) {
        e.code = ErrorCode::Internal;
        e.message = tr("The server's answer could not be read.");
    }
    done(status, json(), e);
}

template<typename T>
void ApiClient::call(const QByteArray &method, const QString &path, const QUrlQuery &query, const json *body,
                     QObject *context, ApiCallback<T> cb, std::function<T(const json &)> decode)
{
    send(method, path, query, body, context,
         [cb = std::move(cb), decode = std::move(decode)](int status, const json &data,
                                                          const std::optional<ApiError> &error) {
             ApiResult<T> r;
             r.httpStatus = status;
             if (error) {
                 r.error = error;
             } else {
                 try {
                     r.value = decode(data);
                 } catch (const DecodeError &e) {
                     r.error = e.toApiError();
                     r.error->code = ErrorCode::Internal;
                 } catch (const json::exception &e) {
                     r.error = ApiError{ErrorCode::Internal, QString::fromUtf8(e.what()), {}, 0};
                 }
             }
             if (cb)
                 cb(r);
         });
}

// ---- auth -----------------------------------------------------------------------------------

void ApiClient::registerAccount(const QString &username, const QString &password, const QString &displayName,
                                QObject *context, ApiCallback<SignedIn> done)
{
    const json body = RegisterRequest{username, password, displayName.isEmpty() ? username : displayName};
    call<SignedIn>("POST", QStringLiteral("/v1/auth/register"), {}, &body, context, std::move(done), as<SignedIn>);
}

void ApiClient::login(const QString &username, const QString &password, QObject *context, ApiCallback<SignedIn> done)
{
    const json body = LoginRequest{username, password};
    call<SignedIn>(
        "POST", QStringLiteral("/v1/auth/login"), {}, &body, context,
        [done = std::move(done)](const ApiResult<SignedIn> &r) {
            if (r.error && r.error->code == ErrorCode::Unauthorized) {
                ApiResult<SignedIn> refused = r;
                refused.error->message = ErrorText::wrongCredentials(); // not "signed out"
                done(refused);
                return;
            }
            done(r);
        },
        as<SignedIn>);
}

void ApiClient::logout(QObject *context, ApiCallback<Done> cb)
{
    const json body = emptyBody();
    call<Done>("POST", QStringLiteral("/v1/auth/logout"), {}, &body, context, std::move(cb), done);
}

void ApiClient::me(QObject *context, ApiCallback<User> done)
{
    call<User>("GET", QStringLiteral("/v1/me"), {}, nullptr, context, std::move(done), as<User>);
}

void ApiClient::updateProfile(const std::optional<QString> &displayName, const std::optional<QString> &avatar,
                              QObject *context, ApiCallback<User> done)
{
    ProfileChange change;
    change.displayName = displayName;
    change.avatar = avatar;
    updateProfile(change, context, std::move(done));
}

void ApiClient::updateProfile(const ProfileChange &change, QObject *context, ApiCallback<User> done)
{
    const json body = change;
    call<User>("PATCH", QStringLiteral("/v1/me"), {}, &body, context, std::move(done), as<User>);
}

void ApiClient::changePassword(const QString &oldPassword, const QString &newPassword, QObject *context,
                               ApiCallback<Done> cb)
{
    const json body = PasswordChange{oldPassword, newPassword};
    call<Done>("POST", QStringLiteral("/v1/me/password"), {}, &body, context, std::move(cb), done);
}

void ApiClient::userByUsername(const QString &username, QObject *context, ApiCallback<User> done)
{
    call<User>("GET", QStringLiteral("/v1/users/by-username/") + seg(username), {}, nullptr, context, std::move(done),
               as<User>);
}

void ApiClient::deleteAccount(const QString &password, QObject *context, ApiCallback<Done> cb)
{
    json body = AccountErasure{password};
    call<Done>("DELETE", QStringLiteral("/v1/me"), {}, &body, context, std::move(cb), done);
}

void ApiClient::auditLog(const QString &roomId, const QString &before, int limit, QObject *context,
                         ApiCallback<std::vector<AuditEntry>> done)
{
    QUrlQuery query;
    if (!roomId.isEmpty())
        query.addQueryItem(QStringLiteral("roomId"), roomId);
    if (!before.isEmpty())
        query.addQueryItem(QStringLiteral("before"), before);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    call<std::vector<AuditEntry>>("GET", QStringLiteral("/v1/admin/audit"), query, nullptr, context, std::move(done),
                                  [](const json &d) { return d.get<AuditPage>().entries; });
}

// ---- rooms ----------------------------------------------------------------------------------

void ApiClient::listRooms(const RoomQuery &q, QObject *context, ApiCallback<RoomPage> done)
{
    QUrlQuery query;
    if (q.type)
        query.addQueryItem(QStringLiteral("type"), toString(*q.type));
    if (q.joined)
        query.addQueryItem(QStringLiteral("joined"), *q.joined ? QStringLiteral("true") : QStringLiteral("false"));
    if (!q.text.isEmpty())
        query.addQueryItem(QStringLiteral("q"), q.text);
    query.addQueryItem(QStringLiteral("limit"), QString::number(q.limit));
    query.addQueryItem(QStringLiteral("offset"), QString::number(q.offset));
    call<RoomPage>("GET", QStringLiteral("/v1/chat/rooms"), query, nullptr, context, std::move(done), as<RoomPage>);
}

void ApiClient::room(const QString &roomId, QObject *context, ApiCallback<Room> done)
{
    call<Room>("GET", roomPath(roomId), {}, nullptr, context, std::move(done), as<Room>);
}

void ApiClient::createRoom(const NewRoom &r, QObject *context, ApiCallback<Room> done)
{
    const json body = r;
    call<Room>("POST", QStringLiteral("/v1/chat/rooms"), {}, &body, context, std::move(done), as<Room>);
}

void ApiClient::updateRoom(const QString &roomId, const RoomChange &c, QObject *context, ApiCallback<Room> done)
{
    const json body = c;
    call<Room>("PATCH", roomPath(roomId), {}, &body, context, std::move(done), as<Room>);
}

void ApiClient::deleteRoom(const QString &roomId, QObject *context, ApiCallback<Done> cb)
{
    call<Done>("DELETE", roomPath(roomId), {}, nullptr, context, std::move(cb), done);
}

void ApiClient::joinRoom(const QString &roomId, QObject *context, ApiCallback<Room> done)
{
    const json body = emptyBody();
    call<Room>("POST", roomPath(roomId) + QStringLiteral("/join"), {}, &body, context, std::move(done), as<Room>);
}

void ApiClient::leaveRoom(const QString &roomId, QObject *context, ApiCallback<Done> cb)
{
    call<Done>("DELETE", roomPath(roomId) + QStringLiteral("/leave"), {}, nullptr, context, std::move(cb), done);
}

// ---- members --------------------------------------------------------------------------------

void ApiClient::members(const QString &roomId, const MemberPageRequest &page, QObject *context,
                        ApiCallback<MemberPage> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(page.limit));
    if (!page.cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), page.cursor);
    if (!page.text.isEmpty())
        query.addQueryItem(QStringLiteral("q"), page.text);
    call<MemberPage>("GET", roomPath(roomId) + QStringLiteral("/members"), query, nullptr, context, std::move(done),
                     as<MemberPage>);
}

void ApiClient::inviteMember(const QString &roomId, const QString &userId, QObject *context, ApiCallback<Member> done)
{
    const json body = MemberInvite{userId};
    call<Member>("POST", roomPath(roomId) + QStringLiteral("/members"), {}, &body, context, std::move(done),
                 as<Member>);
}

void ApiClient::updateMember(const QString &roomId, const QString &userId, const MemberChange &c, QObject *context,
                             ApiCallback<Member> done)
{
    const json body = c;
    call<Member>("PATCH", memberPath(roomId, userId), {}, &body, context, std::move(done), as<Member>);
}

void ApiClient::kickMember(const QString &roomId, const QString &userId, const QString &reason, QObject *context,
                           ApiCallback<Done> cb)
{
    const json body = KickRequest{reason};
    call<Done>("POST", memberPath(roomId, userId) + QStringLiteral("/kick"), {}, &body, context, std::move(cb), done);
}

void ApiClient::banMember(const QString &roomId, const QString &userId, const QString &reason, qint64 durationSeconds,
                          QObject *context, ApiCallback<Done> cb)
{
    const json body = BanRequest{reason, durationSeconds};
    call<Done>("POST", memberPath(roomId, userId) + QStringLiteral("/ban"), {}, &body, context, std::move(cb), done);
}

void ApiClient::unbanMember(const QString &roomId, const QString &userId, QObject *context, ApiCallback<Done> cb)
{
    call<Done>("DELETE", memberPath(roomId, userId) + QStringLiteral("/ban"), {}, nullptr, context, std::move(cb),
               done);
}

void ApiClient::bans(const QString &roomId, QObject *context, ApiCallback<std::vector<Ban>> done)
{
    call<std::vector<Ban>>("GET", roomPath(roomId) + QStringLiteral("/bans"), {}, nullptr, context, std::move(done),
                           [](const json &d) { return d.get<BanList>().bans; });
}

// ---- messages -------------------------------------------------------------------------------

void ApiClient::messages(const QString &roomId, const HistoryQuery &q, QObject *context, ApiCallback<MessagePage> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(q.limit));
    if (!q.before.isEmpty())
        query.addQueryItem(QStringLiteral("before"), q.before);
    if (!q.after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), q.after);
    if (!q.around.isEmpty())
        query.addQueryItem(QStringLiteral("around"), q.around);
    call<MessagePage>("GET", roomPath(roomId) + QStringLiteral("/messages"), query, nullptr, context, std::move(done),
                      as<MessagePage>);
}

void ApiClient::sendMessage(const QString &roomId, const OutgoingMessage &m, QObject *context,
                            ApiCallback<Message> done)
{
    const json body = m;
    call<Message>("POST", roomPath(roomId) + QStringLiteral("/messages"), {}, &body, context, std::move(done),
                  as<Message>);
}

void ApiClient::editMessage(const QString &roomId, const QString &messageId, const QString &content, QObject *context,
                            ApiCallback<Message> done)
{
    const json body = MessageEdit{content};
    call<Message>("PATCH", messagePath(roomId, messageId), {}, &body, context, std::move(done), as<Message>);
}

void ApiClient::deleteMessage(const QString &roomId, const QString &messageId, QObject *context,
                              ApiCallback<Message> done)
{
    call<Message>("DELETE", messagePath(roomId, messageId), {}, nullptr, context, std::move(done), as<Message>);
}

void ApiClient::addReaction(const QString &roomId, const QString &messageId, const QString &emoji, QObject *context,
                            ApiCallback<Message> done)
{
    const json body = NewReaction{emoji};
    call<Message>("POST", messagePath(roomId, messageId) + QStringLiteral("/reactions"), {}, &body, context,
                  std::move(done), as<Message>);
}

void ApiClient::votePoll(const QString &roomId, const QString &messageId, const QStringList &optionIds,
                         QObject *context, ApiCallback<Message> done)
{
    const json body = PollVote{optionIds};
    call<Message>("PUT", messagePath(roomId, messageId) + QStringLiteral("/poll/vote"), {}, &body, context,
                  std::move(done), as<Message>);
}

void ApiClient::closePoll(const QString &roomId, const QString &messageId, QObject *context, ApiCallback<Message> done)
{
    const json body = emptyBody();
    call<Message>("POST", messagePath(roomId, messageId) + QStringLiteral("/poll/close"), {}, &body, context,
                  std::move(done), as<Message>);
}

void ApiClient::message(const QString &roomId, const QString &messageId, QObject *context, ApiCallback<Message> done)
{
    call<Message>("GET", messagePath(roomId, messageId), {}, nullptr, context, std::move(done), as<Message>);
}

void ApiClient::cancelAnswer(const QString &roomId, const QString &messageId, QObject *context,
                             ApiCallback<Message> done)
{
    const json body = emptyBody();
    call<Message>("POST", messagePath(roomId, messageId) + QStringLiteral("/ai/cancel"), {}, &body, context,
                  std::move(done), as<Message>);
}

void ApiClient::retryAnswer(const QString &roomId, const QString &messageId, QObject *context,
                            ApiCallback<Message> done)
{
    const json body = emptyBody();
    call<Message>("POST", messagePath(roomId, messageId) + QStringLiteral("/ai/retry"), {}, &body, context,
                  std::move(done), as<Message>);
}

void ApiClient::removeReaction(const QString &roomId, const QString &messageId, const QString &emoji, QObject *context,
                               ApiCallback<Message> done)
{
    call<Message>("DELETE", messagePath(roomId, messageId) + QStringLiteral("/reactions/") + seg(emoji), {}, nullptr,
                  context, std::move(done), as<Message>);
}

void ApiClient::markRead(const QString &roomId, const QString &messageId, QObject *context,
                         ApiCallback<ReadReceipt> done)
{
    const json body = ReadMarker{messageId};
    call<ReadReceipt>("POST", roomPath(roomId) + QStringLiteral("/read"), {}, &body, context, std::move(done),
                      as<ReadReceipt>);
}

void ApiClient::setRoomNotifications(const QString &roomId, const NotificationPrefs &prefs, QObject *context,
                                     ApiCallback<RoomNotifications> done)
{
    const json body = prefs;
    call<RoomNotifications>("PUT", roomPath(roomId) + QStringLiteral("/notifications"), {}, &body, context,
                            std::move(done), as<RoomNotifications>);
}

void ApiClient::pins(const QString &roomId, QObject *context, ApiCallback<std::vector<Message>> done)
{
    call<std::vector<Message>>("GET", roomPath(roomId) + QStringLiteral("/pins"), {}, nullptr, context, std::move(done),
                               [](const json &d) { return d.get<PinList>().pins; });
}

void ApiClient::receipts(const QString &roomId, QObject *context, ApiCallback<std::vector<RoomReceipt>> done)
{
    call<std::vector<RoomReceipt>>("GET", roomPath(roomId) + QStringLiteral("/receipts"), {}, nullptr, context,
                                   std::move(done), [](const json &d) { return d.get<ReceiptList>().receipts; });
}

void ApiClient::receiptSetting(QObject *context, ApiCallback<ReceiptSetting> done)
{
    call<ReceiptSetting>("GET", QStringLiteral("/v1/me/read-receipts"), {}, nullptr, context, std::move(done),
                         [](const json &d) { return d.get<ReceiptSetting>(); });
}

void ApiClient::setReceiptSetting(bool sendReadReceipts, QObject *context, ApiCallback<ReceiptSetting> done)
{
    const json body = ReceiptSetting{sendReadReceipts};
    call<ReceiptSetting>("PUT", QStringLiteral("/v1/me/read-receipts"), {}, &body, context, std::move(done),
                         [](const json &d) { return d.get<ReceiptSetting>(); });
}

void ApiClient::setPinned(const QString &roomId, const QString &messageId, bool pinned, QObject *context,
                          ApiCallback<Done> cb)
{
    const json body = emptyBody();
    call<Done>(pinned ? "POST" : "DELETE", roomPath(roomId) + QStringLiteral("/pins/") + seg(messageId), {},
               pinned ? &body : nullptr, context, std::move(cb), done);
}

void ApiClient::search(const SearchQuery &q, QObject *context, ApiCallback<std::vector<SearchHit>> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"), q.text);
    if (!q.roomId.isEmpty())
        query.addQueryItem(QStringLiteral("roomId"), q.roomId);
    if (!q.authorId.isEmpty())
        query.addQueryItem(QStringLiteral("authorId"), q.authorId);
    query.addQueryItem(QStringLiteral("sort"), q.byRelevance ? QStringLiteral("relevance") : QStringLiteral("date"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(q.limit));
    call<std::vector<SearchHit>>("GET", QStringLiteral("/v1/chat/search"), query, nullptr, context, std::move(done),
                                 [](const json &d) { return d.get<SearchResults>().results; });
}

// ---- presence -------------------------------------------------------------------------------

void ApiClient::setPresence(PresenceStatus status, const QString &customStatus, QObject *context,
                            ApiCallback<Presence> done)
{
    const json body = PresenceChange{status, customStatus};
    call<Presence>("PUT", QStringLiteral("/v1/presence"), {}, &body, context, std::move(done), as<Presence>);
}

void ApiClient::presence(const QStringList &userIds, QObject *context, ApiCallback<std::vector<Presence>> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("userIds"), userIds.join(QLatin1Char(',')));
    call<std::vector<Presence>>("GET", QStringLiteral("/v1/presence"), query, nullptr, context, std::move(done),
                                [](const json &d) { return d.get<PresenceList>().presence; });
}

} // namespace confab::client
