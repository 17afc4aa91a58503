// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "passwordattempts.h"
#include "router.h"

#include "http/httpmessage.h"
#include "service/fileservice.h"
#include "service/storageworker.h"

#include <QObject>
#include <QSet>

#include <nlohmann/json_fwd.hpp>

namespace confab::server {

class RealtimeHub;
class RateLimiter;
class StandingEnforcer;
class PasswordHasher;
class Metrics;
class FileTransfers;
class UploadSpool;
class ReadinessProbe;

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
    // HttpServer's body sinks: upload bodies stream to disk instead of into memory. Needs files.
    std::shared_ptr<BodySink> bodySink(const HttpRequest &head);
    // The user whose token the request carries, when this thread has seen that token signed in or
    // used before; empty otherwise (the request log's user id).
    QString knownUser(const HttpRequest &request) const;
    // The route template that takes this request, for per-route metrics; empty when none does.
    QString routeTemplate(const QByteArray &method, const QString &path) const
    {
        return m_router.patternOf(method, path);
    }
    // Turns on /v1/files and /v1/uploads (they answer 503 without it). Not owned.
    void setFileTransfers(FileTransfers *files) { m_files = files; }

    // A route that goes on on the network thread once the caller is known (the assistant):
    // `handler` gets the authenticated caller and answers through the responder itself (bad
    // bodies included). The token and the requests rate limit are checked as for every route.
    using CallerHandler = std::function<void(const Caller &, RestCall &&, HttpResponder)>;
    void callerRoute(const char *method, const char *pattern, CallerHandler handler);

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
    void addFileRoutes(); // restfileroutes.cpp

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

    // For routes that answer from the network thread after storage work (files): checks the
    // token and the rate limit, runs `work` on the storage thread, answers its error or hands
    // its value to `then`. Defined in restfileroutes.cpp, the only user.
    template<typename T>
    void withCaller(const HttpRequest &request, HttpResponder responder,
                    std::function<Result<T>(Services &, const Caller &)> work,
                    std::function<void(T &&, HttpResponder)> then);
    void uploadFile(RestCall &&call, HttpResponder responder);
    void appendToUpload(RestCall &&call, HttpResponder responder);
    void completeUpload(RestCall &&call, HttpResponder responder);
    void uploadOffset(RestCall &&call, HttpResponder responder);
    void download(RestCall &&call, HttpResponder responder, bool thumbnail);
    // Inspects a finished upload's bytes off the network thread, then stores it as a file (of
    // that resumable upload, when uploadId is given); `done` gets the file's JSON.
    void storeUpload(const QByteArray &tokenHash, FileDraft draft, bool computeHash, QString uploadId,
                     std::function<void(Result<nlohmann::json>)> done);
    // A resumable upload with all its bytes becomes a file.
    void finishResumable(const QByteArray &tokenHash, const QString &uploadId,
                         std::function<void(Result<nlohmann::json>)> done);

    void registerAccount(RestCall &&call, HttpResponder responder);
    void login(RestCall &&call, HttpResponder responder);
    // DELETE /v1/me {password}: the password is checked (on the hashing pool) before the erase.
    void eraseAccount(RestCall &&call, HttpResponder responder);
    // POST /v1/me/password and the data export: restaccountroutes.cpp.
    void addAccountRoutes();
    void changePassword(RestCall &&call, HttpResponder responder);
    // GET /v1/me/export[?format=zip]: streamed a page at a time (ExportStream).
    void exportAccount(RestCall &&call, HttpResponder responder);
    void storeNewPassword(std::shared_ptr<HttpResponder> holder, const QByteArray &tokenHash,
                          const QString &newPassword, const QString &address);

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
    QByteArray m_dummyHash;                  // verified against for unknown users, so timing does not tell
    QHash<QByteArray, QString> m_tokenUsers; // token hash -> user id, for rateKey()
    // Password checks (sign-in, password change, erasure): failures per username and address,
    // and per username from anywhere.
    PasswordAttempts m_passwordAttempts;
    FileTransfers *m_files = nullptr;
    // Resumable uploads with a PATCH being written: one writer per upload at a time.
    QHash<QString, std::weak_ptr<UploadSpool>> m_activeUploads;
    // Users with an export being sent: one at a time each (an export reads all they have).
    QSet<QString> m_activeExports;
    ReadinessProbe *m_readiness = nullptr; // child: /readyz
};

} // namespace confab::server
