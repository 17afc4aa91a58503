// SPDX-License-Identifier: GPL-3.0-or-later
// The account routes that check a password or stream: changing one's password (checked on the
// hashing pool, like erasure) and the data export (written a page at a time as the socket drains).

#include "restapi.h"

#include "export/accountexport.h"
#include "export/exportencoder.h"
#include "export/exportstream.h"
#include "export/zipexportencoder.h"
#include "files/filetransfers.h"
#include "ratelimiter.h"
#include "realtime/standingenforcer.h"
#include "service/passwordhasher.h"

#include "core/requests.h"
#include "core/validation.h"

#include <QPointer>

#include <nlohmann/json.hpp>

namespace confab::server {

using nlohmann::json;

void RestApi::addAccountRoutes()
{
    publicRoute(
        "POST", "/v1/me/password",
        [this](RestCall &&c, HttpResponder r) { changePassword(std::move(c), std::move(r)); }, true);
    publicRoute(
        "GET", "/v1/me/export", [this](RestCall &&c, HttpResponder r) { exportAccount(std::move(c), std::move(r)); },
        true);
}

void RestApi::changePassword(RestCall &&call, HttpResponder responder)
{
    const QByteArray token = bearerToken(call.request);
    if (token.isEmpty()) {
        responder.send(failure(missingToken()));
        return;
    }
    PasswordChange change;
    try {
        if (call.body->is_null())
            throw DecodeError(ErrorCode::BadRequest, {}, QStringLiteral("this request needs a JSON body"));
        change = call.body->get<PasswordChange>();
    } catch (const DecodeError &e) {
        responder.send(failure(e.toApiError()));
        return;
    }
    // The new password follows the rules of registration; said before any hashing.
    if (auto bad = validatePassword(change.newPassword, QStringLiteral("newPassword"))) {
        responder.send(failure(*bad));
        return;
    }
    if (change.newPassword == change.oldPassword) {
        responder.send(failure(apiError(ErrorCode::ValidationFailed,
                                        QStringLiteral("the new password is the same as the current one"),
                                        QStringLiteral("newPassword"))));
        return;
    }
    const QByteArray tokenHash = AuthService::hashToken(QString::fromLatin1(token));
    if (const int wait = m_rates.take(rateKey(tokenHash), RateLimiter::Budget::Requests)) {
        responder.send(
            failure({ErrorCode::RateLimited, QStringLiteral("too many requests: wait %1 s").arg(wait), {}, wait}));
        return;
    }
    const QString address = call.request.peerAddress.toString();
    auto holder = std::make_shared<HttpResponder>(std::move(responder));
    const QString oldPassword = change.oldPassword, newPassword = change.newPassword;
    // 1. who is asking, and their hash  2. check the old password  3. hash the new  4. store it.
    m_worker.run<StoredUser>(
        this,
        [tokenHash](Services &s, Effects &) -> Result<StoredUser> {
            const auto caller = s.auth.authenticate(tokenHash);
            if (!caller)
                return *caller.error;
            const auto user = s.context.storage.userById(caller.value.userId);
            if (!user)
                return apiError(ErrorCode::Unauthorized, QStringLiteral("this account no longer exists"));
            return *user;
        },
        [this, holder, tokenHash, oldPassword, newPassword, address](Result<StoredUser> user) {
            if (!user) {
                holder->send(failure(*user.error));
                return;
            }
            // A password guessed here counts against the same limits as sign-in.
            const QString accountKey = user.value.usernameKey;
            if (const int wait = m_passwordAttempts.retryAfterSeconds(accountKey, address)) {
                holder->send(failure({ErrorCode::RateLimited,
                                      QStringLiteral("too many wrong passwords: wait %1 s").arg(wait),
                                      {},
                                      wait}));
                return;
            }
            m_passwordAttempts.begin(accountKey, address);
            m_hasher.verify(oldPassword, user.value.passwordHash, this,
                            [this, holder, tokenHash, accountKey, newPassword, address](bool ok) {
                                if (!ok) {
                                    holder->send(failure(apiError(
                                        ErrorCode::Forbidden,
                                        QStringLiteral("the current password is wrong; the password was not changed"),
                                        QStringLiteral("oldPassword"))));
                                    return;
                                }
                                m_passwordAttempts.succeeded(accountKey, address);
                                storeNewPassword(holder, tokenHash, newPassword, address);
                            });
        });
}

void RestApi::storeNewPassword(std::shared_ptr<HttpResponder> holder, const QByteArray &tokenHash,
                               const QString &newPassword, const QString &address)
{
    m_hasher.hash(newPassword, this, [this, holder, tokenHash, address](QByteArray hash) {
        if (hash.isEmpty()) {
            holder->send(failure(
                {ErrorCode::Unavailable, QStringLiteral("the server is out of memory for hashing; try again"), {}, 1}));
            return;
        }
        m_worker.run<Caller>(
            this,
            [tokenHash, hash, address](Services &s, Effects &) -> Result<Caller> {
                const auto caller = s.auth.authenticate(tokenHash);
                if (!caller)
                    return *caller.error;
                if (auto done = s.auth.changePassword(caller.value, hash, address); !done)
                    return *done.error;
                return caller.value;
            },
            [this, holder](Result<Caller> changed) {
                if (!changed) {
                    holder->send(failure(*changed.error));
                    return;
                }
                // Closes the other sessions now rather than a standing poll later.
                m_standing.apply({StandingChange{0, changed.value.userId, changed.value.tokenHash,
                                                 StandingChangeKind::PasswordChanged, 0}});
                holder->send(success(json{{"passwordChanged", true}}));
            });
    });
}

void RestApi::exportAccount(RestCall &&call, HttpResponder responder)
{
    const QByteArray token = bearerToken(call.request);
    if (token.isEmpty()) {
        responder.send(failure(missingToken()));
        return;
    }
    // ?format=json|zip; without it, Accept: application/zip asks for the archive.
    const QString format = call.query("format");
    bool zip = false;
    if (format == QLatin1String("zip")) {
        zip = true;
    } else if (format.isEmpty()) {
        zip = call.request.header("accept").contains("application/zip");
    } else if (format != QLatin1String("json")) {
        responder.send(failure(
            apiError(ErrorCode::ValidationFailed, QStringLiteral("must be json or zip"), QStringLiteral("format"))));
        return;
    }
    const QByteArray tokenHash = AuthService::hashToken(QString::fromLatin1(token));
    if (const int wait = m_rates.take(rateKey(tokenHash), RateLimiter::Budget::Requests)) {
        responder.send(
            failure({ErrorCode::RateLimited, QStringLiteral("too many requests: wait %1 s").arg(wait), {}, wait}));
        return;
    }
    auto holder = std::make_shared<HttpResponder>(std::move(responder));
    m_worker.run<Caller>(
        this, [tokenHash](Services &s, Effects &) { return s.auth.authenticate(tokenHash); },
        [this, holder, zip](Result<Caller> caller) {
            if (!caller) {
                holder->send(failure(*caller.error));
                return;
            }
            const QString userId = caller.value.userId;
            if (m_activeExports.contains(userId)) {
                holder->send(failure({ErrorCode::RateLimited,
                                      QStringLiteral("an export of this account is already being sent; wait for it "
                                                     "to finish"),
                                      {},
                                      5}));
                return;
            }
            std::unique_ptr<ExportEncoder> encoder;
            if (zip)
                encoder = std::make_unique<ZipExportEncoder>(m_files ? m_files->blobs().root() : QString());
            else
                encoder = std::make_unique<JsonExportEncoder>();
            HttpResponse head;
            head.contentType = encoder->contentType();
            head.headers.append({QByteArrayLiteral("Transfer-Encoding"), QByteArrayLiteral("chunked")});
            head.headers.append(
                {QByteArrayLiteral("Content-Disposition"), "attachment; filename=\"" + encoder->fileName() + "\""});
            head.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
            QTcpSocket *socket = holder->stream(head);
            if (!socket)
                return; // the client is gone
            m_activeExports.insert(userId);
            QPointer<RestApi> self(this);
            auto *stream = new ExportStream(
                m_worker, std::make_shared<AccountExport>(userId), std::move(encoder), socket,
                [self, userId] {
                    if (self)
                        self->m_activeExports.remove(userId);
                },
                this);
            stream->start();
        });
}

} // namespace confab::server
