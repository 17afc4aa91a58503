#pragma once

#include "loginthrottle.h"
#include "router.h"

#include "http/httpmessage.h"
#include "service/storageworker.h"

#include <QObject>

#include <nlohmann/json_fwd.hpp>

namespace confab::server {

class RealtimeHub;
class RateLimiter;
class StandingEnforcer;
class PasswordHasher;
class Metrics;

// Everything a REST handler gets: the request, its path parameters and parsed JSON body.
struct RestCall {
    HttpRequest request;
    PathParams params;
    std::shared_ptr<const nlohmann::json> body; // null JSON when there was no body
    QString param(const QString &name) const { return params.value(name); }
    QString query(const char *name) const;
};

// The token of `Authorization: Bearer <token>` (empty when there is none), and the answer without one.
QByteArray bearerToken(const HttpRequest &request);
ApiError missingToken();

// A service call made for an authenticated user; returns the `data` of the envelope.
using RestWork = std::function<Result<nlohmann::json>(Services &, const Caller &, Effects &, const RestCall &)>;

// The REST API of API.md over the HTTP transport: routing, authentication, JSON envelopes and
// errors. Handlers decode their request body, then run one service call on the storage thread.
class RestApi : public QObject {
    Q_OBJECT
public:
    RestApi(StorageWorker &worker, RealtimeHub &hub, RateLimiter &rates, StandingEnforcer &standing,
            PasswordHasher &hasher, Metrics &metrics, const Clock &clock, QObject *parent = nullptr);
    ~RestApi() override;

    void handle(HttpRequest &&request, HttpResponder responder);
    // HttpServer's screen: refuses on the head alone what handle() would refuse anyway (unknown
    // route, wrong method, no bearer token), so the body of such a request is never read.
    std::optional<HttpResponse> screen(const HttpRequest &head) const;

    static HttpResponse success(nlohmann::json data, int status = 200);
    static HttpResponse failure(const ApiError &error);

private:
    using Handler = std::function<void(RestCall &&, HttpResponder)>;

    void addRoutes();
    void addAuthRoutes();
    void addRoomRoutes();
    void addMessageRoutes();
    void addModerationRoutes();
    void addOtherRoutes();

    // What a route's calls are, said where it is registered: a message send draws on the
    // messages budget and may share its storage transaction with other sends (group commit).
    enum class RouteKind { Request, MessageSend };

    // Registers an authenticated route whose work runs on the storage thread. `after` runs on
    // the network thread once it succeeded (presence, revoking sessions).
    void route(const char *method, const char *pattern, RestWork work, int status = 200,
               std::function<void(const Caller &, const RestCall &)> after = {}, RouteKind kind = RouteKind::Request);
    void publicRoute(const char *method, const char *pattern, Handler handler, bool needsToken = false);
    // The answer for a request no route takes: 404 or 405.
    std::optional<ApiError> routeError(const HttpRequest &request, const Handler **handler, PathParams *params,
                                       bool *needsToken) const;

    void registerAccount(RestCall &&call, HttpResponder responder);
    void login(RestCall &&call, HttpResponder responder);
    // DELETE /v1/me {password}: the password is checked (on the hashing pool) before the erase.
    void eraseAccount(RestCall &&call, HttpResponder responder);

    // Rate limits count per user, so several tokens of one user share one budget (and the
    // WebSocket's). The network thread learns a token's user when it signs in or is first used;
    // until then the token is its own key.
    QString rateKey(const QByteArray &tokenHash) const;
    void rememberToken(const QByteArray &tokenHash, const QString &userId);

    StorageWorker &m_worker;
    RealtimeHub &m_hub;   // presence only
    RateLimiter &m_rates; // the server's, shared with WebSocket
    // Sign-out and erase close the WebSockets they end at once, through the same path as
    // standing changes read from the database (which would close them a poll later anyway).
    StandingEnforcer &m_standing;
    PasswordHasher &m_hasher;
    Metrics &m_metrics;
    const Clock &m_clock;
    Router<Handler> m_router;
    QByteArray m_dummyHash; // verified against for unknown users, so timing does not tell
    QHash<QByteArray, QString> m_tokenUsers; // token hash -> user id, for rateKey()
    // Failed sign-ins. Per username and address, strictly: one address cannot guess on, nor lock
    // the account out for anyone else. Per username from anywhere, with a higher threshold:
    // guesses spread over many addresses still meet a limit.
    LoginThrottle m_loginsFromAddress;
    LoginThrottle m_logins;
};

} // namespace confab::server
