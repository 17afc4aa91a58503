#include "apiclient.h"

#include "client/net/errortext.h"

#include "core/jsondocument.h"
#include "core/jsonreader.h"
#include "core/limits.h"
#include "core/timeutil.h"

#include <QCoreApplication>

#include <QNetworkReply>
#include <QNetworkRequest>

#include <nlohmann/json.hpp>

namespace confab::client {

using nlohmann::json;

namespace {

std::string s(const QString &v) { return v.toStdString(); }

json stringArray(const QStringList &list)
{
    json a = json::array();
    for (const QString &v : list)
        a.push_back(s(v));
    return a;
}

// A room's `settings` object as API.md has it, with only the settings that are set.
json settingsJson(const RoomSettingsChange &settings)
{
    json j = json::object();
    if (settings.allowInvites)
        j["allowInvites"] = *settings.allowInvites;
    if (settings.slowModeSeconds)
        j["slowModeSeconds"] = *settings.slowModeSeconds;
    if (settings.allowAnonymous)
        j["allowAnonymous"] = *settings.allowAnonymous;
    if (settings.wordFilter)
        j["wordFilter"] = stringArray(*settings.wordFilter);
    if (settings.wordFilterAction)
        j["wordFilterAction"] = s(toString(*settings.wordFilterAction));
    return j;
}

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

template <typename T> T as(const json &j) { return j.get<T>(); }
template <typename T> std::vector<T> listOf(const json &data, const char *key)
{
    return data.at(key).get<std::vector<T>>();
}
Done done(const json &) { return {}; }

// The server's error, with its text in the user's language (ErrorText) when its code is known.
ApiError errorFromEnvelope(const json &body, int status, int retryAfterSeconds)
{
    ApiError e;
    e.code = status >= 500 ? ErrorCode::Internal : ErrorCode::BadRequest;
    e.retryAfterSeconds = retryAfterSeconds;
    const json *err = body.is_object() && body.contains("error") && body["error"].is_object() ? &body["error"] : nullptr;
    if (!err) {
        e.message = QCoreApplication::translate("confab::client::ApiClient", "The server answered with status %1.").arg(status);
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
    e.message = known ? ErrorText::forCode(e.code, e.field, retryAfterSeconds, serverText) : ErrorText::unknown(serverText);
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
        ApiError e{ErrorCode::Unavailable,
                   tr("Cannot reach the server: %1").arg(reply->errorString()), {}, 0};
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

template <typename T>
void ApiClient::call(const QByteArray &method, const QString &path, const QUrlQuery &query, const json *body,
                     QObject *context, ApiCallback<T> cb, std::function<T(const json &)> decode)
{
    send(method, path, query, body, context,
         [cb = std::move(cb), decode = std::move(decode)](int status, const json &data, const std::optional<ApiError> &error) {
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

namespace {
SignedIn signedIn(const json &d) { return {QString::fromStdString(d.at("token").get<std::string>()), d.at("user").get<User>()}; }
} // namespace

void ApiClient::registerAccount(const QString &username, const QString &password, const QString &displayName,
                                QObject *context, ApiCallback<SignedIn> done)
{
    json body{{"username", s(username)}, {"password", s(password)}, {"displayName", s(displayName.isEmpty() ? username : displayName)}};
    call<SignedIn>("POST", QStringLiteral("/v1/auth/register"), {}, &body, context, std::move(done), signedIn);
}

void ApiClient::login(const QString &username, const QString &password, QObject *context, ApiCallback<SignedIn> done)
{
    json body{{"username", s(username)}, {"password", s(password)}};
    call<SignedIn>("POST", QStringLiteral("/v1/auth/login"), {}, &body, context,
                   [done = std::move(done)](const ApiResult<SignedIn> &r) {
                       if (r.error && r.error->code == ErrorCode::Unauthorized) {
                           ApiResult<SignedIn> refused = r;
                           refused.error->message = ErrorText::wrongCredentials(); // not "signed out"
                           done(refused);
                           return;
                       }
                       done(r);
                   },
                   signedIn);
}

void ApiClient::logout(QObject *context, ApiCallback<Done> cb)
{
    json body = json::object();
    call<Done>("POST", QStringLiteral("/v1/auth/logout"), {}, &body, context, std::move(cb), done);
}

void ApiClient::me(QObject *context, ApiCallback<User> done)
{
    call<User>("GET", QStringLiteral("/v1/me"), {}, nullptr, context, std::move(done), as<User>);
}

void ApiClient::updateProfile(const std::optional<QString> &displayName, const std::optional<QString> &avatar,
                              QObject *context, ApiCallback<User> done)
{
    json body = json::object();
    if (displayName)
        body["displayName"] = s(*displayName);
    if (avatar)
        body["avatar"] = s(*avatar);
    call<User>("PATCH", QStringLiteral("/v1/me"), {}, &body, context, std::move(done), as<User>);
}

void ApiClient::userByUsername(const QString &username, QObject *context, ApiCallback<User> done)
{
    call<User>("GET", QStringLiteral("/v1/users/by-username/") + seg(username), {}, nullptr, context, std::move(done),
               as<User>);
}

void ApiClient::deleteAccount(const QString &password, QObject *context, ApiCallback<Done> cb)
{
    json body{{"password", s(password)}};
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
                                  [](const json &d) { return d.at("entries").get<std::vector<AuditEntry>>(); });
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
    call<RoomPage>("GET", QStringLiteral("/v1/chat/rooms"), query, nullptr, context, std::move(done), [](const json &d) {
        return RoomPage{listOf<Room>(d, "rooms"), d.at("pagination").get<OffsetPagination>()};
    });
}

void ApiClient::room(const QString &roomId, QObject *context, ApiCallback<Room> done)
{
    call<Room>("GET", roomPath(roomId), {}, nullptr, context, std::move(done), as<Room>);
}

void ApiClient::createRoom(const NewRoom &r, QObject *context, ApiCallback<Room> done)
{
    json body{{"type", s(toString(r.type))}};
    if (!r.name.isEmpty())
        body["name"] = s(r.name);
    if (!r.description.isEmpty())
        body["description"] = s(r.description);
    if (r.maxMembers)
        body["maxMembers"] = *r.maxMembers;
    if (r.allowInvites)
        body["allowInvites"] = *r.allowInvites;
    if (!r.members.isEmpty())
        body["members"] = stringArray(r.members);
    // allowInvites above is a field of the room itself at creation; these two are settings.
    RoomSettingsChange settings;
    settings.allowAnonymous = r.allowAnonymous;
    settings.slowModeSeconds = r.slowModeSeconds;
    if (!settings.isEmpty())
        body["settings"] = settingsJson(settings);
    call<Room>("POST", QStringLiteral("/v1/chat/rooms"), {}, &body, context, std::move(done), as<Room>);
}

void ApiClient::updateRoom(const QString &roomId, const RoomChange &c, QObject *context, ApiCallback<Room> done)
{
    json body = json::object();
    if (c.name)
        body["name"] = s(*c.name);
    if (c.description)
        body["description"] = s(*c.description);
    if (c.avatar)
        body["avatar"] = s(*c.avatar);
    if (c.maxMembers)
        body["maxMembers"] = *c.maxMembers;
    if (!c.settings.isEmpty())
        body["settings"] = settingsJson(c.settings);
    call<Room>("PATCH", roomPath(roomId), {}, &body, context, std::move(done), as<Room>);
}

void ApiClient::deleteRoom(const QString &roomId, QObject *context, ApiCallback<Done> cb)
{
    call<Done>("DELETE", roomPath(roomId), {}, nullptr, context, std::move(cb), done);
}

void ApiClient::joinRoom(const QString &roomId, QObject *context, ApiCallback<Room> done)
{
    json body = json::object();
    call<Room>("POST", roomPath(roomId) + QStringLiteral("/join"), {}, &body, context, std::move(done), as<Room>);
}

void ApiClient::leaveRoom(const QString &roomId, QObject *context, ApiCallback<Done> cb)
{
    call<Done>("DELETE", roomPath(roomId) + QStringLiteral("/leave"), {}, nullptr, context, std::move(cb), done);
}

// ---- members --------------------------------------------------------------------------------

void ApiClient::members(const QString &roomId, int limit, int offset, QObject *context, ApiCallback<MemberPage> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    call<MemberPage>("GET", roomPath(roomId) + QStringLiteral("/members"), query, nullptr, context, std::move(done),
                     [](const json &d) {
                         return MemberPage{listOf<Member>(d, "members"), d.at("pagination").get<OffsetPagination>()};
                     });
}

void ApiClient::inviteMember(const QString &roomId, const QString &userId, QObject *context, ApiCallback<Member> done)
{
    json body{{"userId", s(userId)}};
    call<Member>("POST", roomPath(roomId) + QStringLiteral("/members"), {}, &body, context, std::move(done), as<Member>);
}

void ApiClient::updateMember(const QString &roomId, const QString &userId, const MemberChange &c, QObject *context,
                             ApiCallback<Member> done)
{
    json body = json::object();
    if (c.role)
        body["role"] = s(toString(*c.role));
    if (c.isMuted)
        body["isMuted"] = *c.isMuted;
    if (c.mutedUntil)
        body["mutedUntil"] = *c.mutedUntil ? json(s(formatTimestamp(*c.mutedUntil))) : json();
    call<Member>("PATCH", memberPath(roomId, userId), {}, &body, context, std::move(done), as<Member>);
}

void ApiClient::kickMember(const QString &roomId, const QString &userId, const QString &reason, QObject *context,
                           ApiCallback<Done> cb)
{
    json body = json::object();
    if (!reason.isEmpty())
        body["reason"] = s(reason);
    call<Done>("POST", memberPath(roomId, userId) + QStringLiteral("/kick"), {}, &body, context, std::move(cb), done);
}

void ApiClient::banMember(const QString &roomId, const QString &userId, const QString &reason, qint64 durationSeconds,
                          QObject *context, ApiCallback<Done> cb)
{
    json body = json::object();
    if (!reason.isEmpty())
        body["reason"] = s(reason);
    if (durationSeconds > 0)
        body["durationSeconds"] = durationSeconds;
    call<Done>("POST", memberPath(roomId, userId) + QStringLiteral("/ban"), {}, &body, context, std::move(cb), done);
}

void ApiClient::unbanMember(const QString &roomId, const QString &userId, QObject *context, ApiCallback<Done> cb)
{
    call<Done>("DELETE", memberPath(roomId, userId) + QStringLiteral("/ban"), {}, nullptr, context, std::move(cb), done);
}

void ApiClient::bans(const QString &roomId, QObject *context, ApiCallback<std::vector<Ban>> done)
{
    call<std::vector<Ban>>("GET", roomPath(roomId) + QStringLiteral("/bans"), {}, nullptr, context, std::move(done),
                           [](const json &d) {
                               std::vector<Ban> out;
                               for (const json &item : d.at("bans")) {
                                   detail::JsonReader r(item, QStringLiteral("bans"));
                                   Ban b;
                                   b.roomId = r.string("roomId", limits::kIdMax);
                                   b.userId = r.string("userId", limits::kIdMax);
                                   b.bannedBy = r.optString("bannedBy", {}, limits::kIdMax);
                                   b.reason = r.optString("reason", {}, limits::kReasonMax);
                                   b.createdAt = r.optTimestamp("createdAt");
                                   b.until = r.optTimestamp("until");
                                   r.finish();
                                   out.push_back(std::move(b));
                               }
                               return out;
                           });
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
    call<MessagePage>("GET", roomPath(roomId) + QStringLiteral("/messages"), query, nullptr, context, std::move(done),
                      [](const json &d) {
                          return MessagePage{listOf<Message>(d, "messages"), d.at("pagination").get<CursorPagination>()};
                      });
}

void ApiClient::sendMessage(const QString &roomId, const OutgoingMessage &m, QObject *context, ApiCallback<Message> done)
{
    json body{{"content", s(m.content)}, {"type", s(toString(m.type))}};
    if (!m.replyTo.isEmpty())
        body["replyTo"] = s(m.replyTo);
    if (!m.clientMsgId.isEmpty())
        body["clientMsgId"] = s(m.clientMsgId);
    if (m.isAnonymous)
        body["isAnonymous"] = true;
    call<Message>("POST", roomPath(roomId) + QStringLiteral("/messages"), {}, &body, context, std::move(done), as<Message>);
}

void ApiClient::editMessage(const QString &roomId, const QString &messageId, const QString &content, QObject *context,
                            ApiCallback<Message> done)
{
    json body{{"content", s(content)}};
    call<Message>("PATCH", messagePath(roomId, messageId), {}, &body, context, std::move(done), as<Message>);
}

void ApiClient::deleteMessage(const QString &roomId, const QString &messageId, QObject *context, ApiCallback<Message> done)
{
    call<Message>("DELETE", messagePath(roomId, messageId), {}, nullptr, context, std::move(done), as<Message>);
}

void ApiClient::addReaction(const QString &roomId, const QString &messageId, const QString &emoji, QObject *context,
                            ApiCallback<Message> done)
{
    json body{{"emoji", s(emoji)}};
    call<Message>("POST", messagePath(roomId, messageId) + QStringLiteral("/reactions"), {}, &body, context,
                  std::move(done), as<Message>);
}

void ApiClient::removeReaction(const QString &roomId, const QString &messageId, const QString &emoji, QObject *context,
                               ApiCallback<Message> done)
{
    call<Message>("DELETE", messagePath(roomId, messageId) + QStringLiteral("/reactions/") + seg(emoji), {}, nullptr,
                  context, std::move(done), as<Message>);
}

void ApiClient::markRead(const QString &roomId, const QString &messageId, QObject *context, ApiCallback<ReadReceipt> done)
{
    json body{{"messageId", s(messageId)}};
    call<ReadReceipt>("POST", roomPath(roomId) + QStringLiteral("/read"), {}, &body, context, std::move(done),
                      as<ReadReceipt>);
}

void ApiClient::pins(const QString &roomId, QObject *context, ApiCallback<std::vector<Message>> done)
{
    call<std::vector<Message>>("GET", roomPath(roomId) + QStringLiteral("/pins"), {}, nullptr, context, std::move(done),
                               [](const json &d) { return listOf<Message>(d, "pins"); });
}

void ApiClient::setPinned(const QString &roomId, const QString &messageId, bool pinned, QObject *context,
                          ApiCallback<Done> cb)
{
    json body = json::object();
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
    query.addQueryItem(QStringLiteral("limit"), QString::number(q.limit));
    call<std::vector<SearchHit>>("GET", QStringLiteral("/v1/chat/search"), query, nullptr, context, std::move(done),
                                 [](const json &d) {
                                     std::vector<SearchHit> hits;
                                     for (const json &h : d.at("results"))
                                         hits.push_back({h.at("message").get<Message>(),
                                                         QString::fromStdString(h.value("snippet", std::string()))});
                                     return hits;
                                 });
}

// ---- presence -------------------------------------------------------------------------------

void ApiClient::setPresence(PresenceStatus status, const QString &customStatus, QObject *context,
                            ApiCallback<Presence> done)
{
    json body{{"status", s(toString(status))}, {"customStatus", s(customStatus)}};
    call<Presence>("PUT", QStringLiteral("/v1/presence"), {}, &body, context, std::move(done), as<Presence>);
}

void ApiClient::presence(const QStringList &userIds, QObject *context, ApiCallback<std::vector<Presence>> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("userIds"), userIds.join(QLatin1Char(',')));
    call<std::vector<Presence>>("GET", QStringLiteral("/v1/presence"), query, nullptr, context, std::move(done),
                                [](const json &d) { return listOf<Presence>(d, "presence"); });
}

} // namespace confab::client
