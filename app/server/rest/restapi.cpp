// SPDX-License-Identifier: GPL-3.0-or-later
#include "restapi.h"

#include "metrics.h"
#include "ratelimiter.h"
#include "realtime/realtimehub.h"
#include "service/passwordhasher.h"

#include "core/jsondocument.h"
#include "core/limits.h"

#include <QLoggingCategory>

#include <nlohmann/json.hpp>

namespace confab::server {

using nlohmann::json;

QString RestCall::query(const char *name) const
{
    return request.query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

RestApi::RestApi(StorageWorker &worker, RealtimeHub &hub, RateLimiter &rates, StandingEnforcer &standing,
                 PasswordHasher &hasher, Metrics &metrics, const Clock &clock, QObject *parent)
    : QObject(parent), m_worker(worker), m_hub(hub), m_rates(rates), m_standing(standing), m_hasher(hasher),
      m_metrics(metrics), m_clock(clock), m_passwordAttempts(clock)
{
    // Hashed on the pool, not here: start-up and command-line tools should not wait ~200 ms.
    m_hasher.hash(QStringLiteral("confab-timing-equaliser"), this, [this](QByteArray hash) { m_dummyHash = hash; });
    addRoutes();
    addFileRoutes();
}

RestApi::~RestApi() = default;

HttpResponse RestApi::success(json data, int status)
{
    // Moved, not copied: a page of 50 messages is thousands of nodes.
    json body = json::object();
    body["success"] = true;
    body["data"] = std::move(data);
    return HttpResponse::json(status, toJsonBytes(body));
}

HttpResponse RestApi::failure(const ApiError &error)
{
    HttpResponse r = HttpResponse::error(error);
    if (error.code == ErrorCode::RateLimited)
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(std::max(1, error.retryAfterSeconds))});
    return r;
}

namespace {
bool isJsonContentType(const QByteArray &value)
{
    const QByteArray v = value.trimmed().toLower();
    return v.isEmpty() || v == "application/json" || v.startsWith("application/json;");
}
} // namespace

QByteArray bearerToken(const HttpRequest &request)
{
    const QByteArray auth = request.header("authorization");
    if (auth.size() > 7 && auth.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        return auth.mid(7).trimmed();
    return {};
}

ApiError missingToken()
{
    return {ErrorCode::Unauthorized, QStringLiteral("send Authorization: Bearer <token>"), {}, 0};
}

std::optional<ApiError> RestApi::routeError(const HttpRequest &request, const Handler **handler, PathParams *params,
                                            bool *needsToken) const
{
    switch (m_router.find(request.method, request.path, handler, params, needsToken)) {
    case Router<Handler>::Match::NotFound:
        return ApiError{ErrorCode::NotFound, QStringLiteral("no endpoint at %1").arg(request.path), {}, 0};
    case Router<Handler>::Match::WrongMethod:
        return ApiError{
            ErrorCode::MethodNotAllowed,
            QStringLiteral("%1 is not allowed on %2").arg(QString::fromLatin1(request.method), request.path),
            {},
            0};
    case Router<Handler>::Match::Found: break;
    }
    return std::nullopt;
}

std::optional<HttpResponse> RestApi::screen(const HttpRequest &head) const
{
    const Handler *handler = nullptr;
    PathParams params;
    bool needsToken = false;
    if (const auto error = routeError(head, &handler, &params, &needsToken))
        return failure(*error);
    // Only the header's presence and form: checking the token itself is a storage lookup.
    if (needsToken && bearerToken(head).isEmpty())
        return failure(missingToken());
    // A file's size must be known before its first byte is stored (limits, quota, resumable
    // offsets): an upload without Content-Length (none, or chunked) gets 411.
    const bool upload = (head.method == "POST" && head.path == QLatin1String("/v1/files")) ||
                        (head.method == "PATCH" && head.path.startsWith(QLatin1String("/v1/uploads/")));
    if (upload && head.header("content-length").isEmpty()) {
        HttpResponse refused =
            failure(apiError(ErrorCode::BadRequest,
                             QStringLiteral("send Content-Length: an upload's size must be known "
                                            "before its body (chunked bodies are not accepted here)"),
                             QStringLiteral("Content-Length")));
        refused.status = 411;
        return refused;
    }
    return std::nullopt;
}

void RestApi::handle(HttpRequest &&request, HttpResponder responder)
{
    const Handler *handler = nullptr;
    PathParams params;
    if (const auto error = routeError(request, &handler, &params, nullptr)) {
        responder.send(failure(*error));
        return;
    }
    RestCall call;
    call.params = std::move(params);
    auto body = std::make_shared<json>();
    if (!request.body.isEmpty()) {
        if (!isJsonContentType(request.header("content-type"))) {
            responder.send(
                failure({ErrorCode::UnsupportedMediaType, QStringLiteral("send the body as application/json"), {}, 0}));
            return;
        }
        try {
            *body = parseJsonDocument(request.body, limits::kJsonDepthMax);
        } catch (const DecodeError &e) {
            responder.send(failure(e.toApiError()));
            return;
        }
    }
    call.body = std::move(body);
    call.request = std::move(request);
    (*handler)(std::move(call), std::move(responder));
}

QString RestApi::knownUser(const HttpRequest &request) const
{
    const QByteArray token = bearerToken(request);
    return token.isEmpty() ? QString() : m_tokenUsers.value(AuthService::hashToken(QString::fromLatin1(token)));
}

QString RestApi::rateKey(const QByteArray &tokenHash) const
{
    return m_tokenUsers.value(tokenHash, QString::fromLatin1(tokenHash.toHex()));
}

void RestApi::rememberToken(const QByteArray &tokenHash, const QString &userId)
{
    // A bound, not a cache policy: forgetting costs a token one request counted on its own.
    if (m_tokenUsers.size() >= 100000 && !m_tokenUsers.contains(tokenHash))
        m_tokenUsers.clear();
    m_tokenUsers.insert(tokenHash, userId);
}

void RestApi::publicRoute(const char *method, const char *pattern, Handler handler, bool needsToken)
{
    m_router.add(QByteArray(method), QString::fromLatin1(pattern), std::move(handler), needsToken);
}

void RestApi::route(const char *method, const char *pattern, RestWork work, int status,
                    std::function<void(const Caller &, const RestCall &)> after, RouteKind kind)
{
    const bool isMessageSend = kind == RouteKind::MessageSend;
    publicRoute(
        method, pattern,
        [this, work, status, after, isMessageSend](RestCall &&call, HttpResponder responder) {
            const QByteArray token = bearerToken(call.request);
            if (token.isEmpty()) {
                responder.send(failure(missingToken()));
                return;
            }
            const QByteArray tokenHash = AuthService::hashToken(QString::fromLatin1(token));
            // Limited here, before any storage work: a flood costs the network thread only.
            if (const int wait = m_rates.take(rateKey(tokenHash), isMessageSend ? RateLimiter::Budget::Messages
                                                                                : RateLimiter::Budget::Requests)) {
                responder.send(failure(
                    {ErrorCode::RateLimited, QStringLiteral("too many requests: wait %1 s").arg(wait), {}, wait}));
                return;
            }
            struct Answer {
                Caller caller;
                HttpResponse response;
            };
            auto shared = std::make_shared<RestCall>(std::move(call));
            auto responderHolder = std::make_shared<HttpResponder>(std::move(responder));
            m_worker.run<Answer>(
                this,
                [tokenHash, work, status, shared](Services &s, Effects &fx) -> Result<Answer> {
                    auto caller = s.auth.authenticate(tokenHash);
                    if (!caller)
                        return *caller.error;
                    try {
                        auto data = work(s, caller.value, fx, *shared);
                        if (!data)
                            return *data.error;
                        return Answer{caller.value, success(std::move(data.value), status)};
                    } catch (const DecodeError &e) {
                        fx.deliveries.clear();
                        return e.toApiError();
                    }
                },
                [this, tokenHash, responderHolder, after, shared](Result<Answer> r) {
                    if (!r) {
                        if (r.error->code == ErrorCode::Unauthorized)
                            m_tokenUsers.remove(tokenHash);
                        responderHolder->send(failure(*r.error));
                        return;
                    }
                    rememberToken(tokenHash, r.value.caller.userId);
                    if (after)
                        after(r.value.caller, *shared);
                    responderHolder->send(std::move(r.value.response));
                },
                isMessageSend ? StorageWorker::Commit::Grouped : StorageWorker::Commit::Alone);
        },
        true);
}

void RestApi::callerRoute(const char *method, const char *pattern, CallerHandler handler)
{
    publicRoute(
        method, pattern,
        [this, handler](RestCall &&call, HttpResponder responder) {
            const QByteArray token = bearerToken(call.request);
            if (token.isEmpty()) {
                responder.send(failure(missingToken()));
                return;
            }
            const QByteArray tokenHash = AuthService::hashToken(QString::fromLatin1(token));
            if (const int wait = m_rates.take(rateKey(tokenHash), RateLimiter::Budget::Requests)) {
                responder.send(failure(
                    {ErrorCode::RateLimited, QStringLiteral("too many requests: wait %1 s").arg(wait), {}, wait}));
                return;
            }
            auto shared = std::make_shared<RestCall>(std::move(call));
            auto responderHolder = std::make_shared<HttpResponder>(std::move(responder));
            m_worker.run<Caller>(
                this, [tokenHash](Services &s, Effects &) { return s.auth.authenticate(tokenHash); },
                [this, tokenHash, responderHolder, shared, handler](Result<Caller> r) {
                    if (!r) {
                        if (r.error->code == ErrorCode::Unauthorized)
                            m_tokenUsers.remove(tokenHash);
                        responderHolder->send(failure(*r.error));
                        return;
                    }
                    rememberToken(tokenHash, r.value.userId);
                    handler(r.value, std::move(*shared), std::move(*responderHolder));
                });
        },
        true);
}

} // namespace confab::server
