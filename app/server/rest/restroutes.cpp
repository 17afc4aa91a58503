// SPDX-License-Identifier: GPL-3.0-or-later
// The routes of API.md: each decodes its body (through core/requests.h, the structs the client
// encodes) and query, makes one service call and writes the answer (core/types.h, responses.h).

#include "restapi.h"

#include "metrics.h"
#include "ops/readinessprobe.h"
#include "ratelimiter.h"
#include "realtime/realtimehub.h"
#include "service/passwordhasher.h"

#include "core/jsondocument.h"
#include "core/limits.h"
#include "core/requests.h"
#include "core/responses.h"
#include "core/timeutil.h"
#include "core/validation.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace confab::server {

using nlohmann::json;

namespace {

// How long /readyz waits for the storage thread's test write before calling storage not ready.
constexpr int kReadinessTimeoutMs = 2000;

// Query integers: absent -> fallback; anything else must be a whole number in range.
int queryInt(const RestCall &c, const char *name, int fallback, int min, int max)
{
    const QString v = c.query(name);
    if (v.isEmpty())
        return fallback;
    bool ok = false;
    const int n = v.toInt(&ok);
    if (!ok || n < min || n > max)
        throw DecodeError(ErrorCode::ValidationFailed, QString::fromLatin1(name),
                          QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
    return n;
}

std::optional<bool> queryBool(const RestCall &c, const char *name)
{
    const QString v = c.query(name);
    if (v.isEmpty())
        return std::nullopt;
    if (v == QLatin1String("true") || v == QLatin1String("1"))
        return true;
    if (v == QLatin1String("false") || v == QLatin1String("0"))
        return false;
    throw DecodeError(ErrorCode::ValidationFailed, QString::fromLatin1(name), QStringLiteral("must be true or false"));
}

// The request's body decoded as T: none at all is BAD_REQUEST, a wrong field VALIDATION_FAILED
// naming it (DecodeError, answered by the route).
template<typename T> T bodyAs(const RestCall &c)
{
    if (c.body->is_null())
        throw DecodeError(ErrorCode::BadRequest, {}, QStringLiteral("this request needs a JSON body"));
    return c.body->get<T>();
}

// For the calls whose body may be left out (kick, ban): none means every field at its default.
template<typename T> T optionalBodyAs(const RestCall &c) { return c.body->is_null() ? T{} : c.body->get<T>(); }

template<typename T> Result<json> mapped(Result<T> r, const std::function<json(const T &)> &f)
{
    if (!r)
        return *r.error;
    return f(r.value);
}

template<typename T> Result<json> plain(Result<T> r)
{
    if (!r)
        return *r.error;
    return json(r.value);
}

} // namespace

void RestApi::addRoutes()
{
    addAuthRoutes();
    addAccountRoutes();
    addRoomRoutes();
    addMessageRoutes();
    addModerationRoutes();
    addOtherRoutes();
}

// ---- auth and the user's own account ----------------------------------------------------------

void RestApi::addAuthRoutes()
{
    publicRoute("POST", "/v1/auth/register",
                [this](RestCall &&c, HttpResponder r) { registerAccount(std::move(c), std::move(r)); });
    publicRoute("POST", "/v1/auth/login", [this](RestCall &&c, HttpResponder r) { login(std::move(c), std::move(r)); });

    route(
        "POST", "/v1/auth/logout",
        [](Services &s, const Caller &caller, Effects &, const RestCall &c) {
            return mapped<Done>(s.auth.logout(caller, c.request.peerAddress.toString()), [](const Done &) {
                return json{{"loggedOut", true}};
            });
        },
        200,
        [this](const Caller &caller, const RestCall &) {
            m_standing.apply({StandingChange{0, caller.userId, caller.tokenHash, StandingChangeKind::SignedOut, 0}});
        });

    route("GET", "/v1/me",
          [](Services &s, const Caller &caller, Effects &, const RestCall &) { return plain(s.auth.me(caller)); });

    route("PATCH", "/v1/me", [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
        return plain(s.auth.updateProfile(caller, bodyAs<ProfileChange>(c), fx));
    });
}

void RestApi::registerAccount(RestCall &&call, HttpResponder responder)
{
    RegisterRequest req;
    try {
        req = bodyAs<RegisterRequest>(call);
    } catch (const DecodeError &e) {
        responder.send(failure(e.toApiError()));
        return;
    }
    const QString username = req.username, password = req.password, displayName = req.displayName;
    for (const auto &bad : {validateUsername(username), validatePassword(password), validateDisplayName(displayName)}) {
        if (bad) {
            responder.send(failure(*bad));
            return;
        }
    }
    if (const int wait =
            m_rates.take(QStringLiteral("ip:") + call.request.peerAddress.toString(), RateLimiter::Budget::Requests)) {
        responder.send(
            failure({ErrorCode::RateLimited, QStringLiteral("too many attempts: wait %1 s").arg(wait), {}, wait}));
        return;
    }
    auto holder = std::make_shared<HttpResponder>(std::move(responder));
    const QString address = call.request.peerAddress.toString();
    // 1. name free? (cheap, before spending ~200 ms hashing)  2. hash  3. create.
    m_worker.run<Done>(
        this, [username](Services &s, Effects &) { return s.auth.checkUsernameFree(username); },
        [this, holder, username, password, displayName, address](Result<Done> free) {
            if (!free) {
                holder->send(failure(*free.error));
                return;
            }
            m_hasher.hash(password, this, [this, holder, username, displayName, address](QByteArray hash) {
                if (hash.isEmpty()) {
                    holder->send(failure({ErrorCode::Unavailable,
                                          QStringLiteral("the server is out of memory for hashing; try again"),
                                          {},
                                          1}));
                    return;
                }
                m_worker.run<SignedIn>(
                    this,
                    [username, displayName, hash, address](Services &s, Effects &) {
                        return s.auth.createAccount(username, displayName, hash, false, true, address);
                    },
                    [this, holder](Result<SignedIn> r) {
                        if (!r) {
                            holder->send(failure(*r.error));
                            return;
                        }
                        rememberToken(AuthService::hashToken(r.value.token), r.value.user.userId);
                        holder->send(success(json(r.value), 201));
                    });
            });
        });
}

void RestApi::login(RestCall &&call, HttpResponder responder)
{
    LoginRequest req;
    try {
        req = bodyAs<LoginRequest>(call);
    } catch (const DecodeError &e) {
        responder.send(failure(e.toApiError()));
        return;
    }
    const QString username = req.username, password = req.password;
    // Guessing passwords is slow by design; limit attempts per address as well.
    if (const int wait =
            m_rates.take(QStringLiteral("ip:") + call.request.peerAddress.toString(), RateLimiter::Budget::Requests)) {
        responder.send(
            failure({ErrorCode::RateLimited, QStringLiteral("too many attempts: wait %1 s").arg(wait), {}, wait}));
        return;
    }
    // ... and per username, whether it exists or not, so a lockout tells nothing about accounts
    // (PasswordAttempts).
    const QString accountKey = normalizeUsername(username);
    const QString address = call.request.peerAddress.toString();
    if (const int wait = m_passwordAttempts.retryAfterSeconds(accountKey, address)) {
        responder.send(failure({ErrorCode::RateLimited,
                                QStringLiteral("too many failed sign-ins for this username: wait %1 s").arg(wait),
                                {},
                                wait}));
        return;
    }
    m_passwordAttempts.begin(accountKey, address);
    auto holder = std::make_shared<HttpResponder>(std::move(responder));
    m_worker.run<StoredUser>(
        this, [username](Services &s, Effects &) { return s.auth.credentials(username); },
        [this, holder, password, accountKey, username, address](Result<StoredUser> user) {
            const QByteArray hash = user ? user.value.passwordHash : m_dummyHash;
            const QString userId = user ? user.value.user.userId : QString();
            m_hasher.verify(password, hash, this, [this, holder, userId, accountKey, username, address](bool ok) {
                if (ok && !userId.isEmpty())
                    m_passwordAttempts.succeeded(accountKey, address);
                if (!ok || userId.isEmpty()) {
                    // Audited after the answer is decided; a short write, so it joins the sends' group commit.
                    m_worker.run<Done>(
                        this,
                        [username, address](Services &s, Effects &) {
                            return s.auth.recordFailedLogin(username, address);
                        },
                        {}, StorageWorker::Commit::Grouped);
                    holder->send(
                        failure({ErrorCode::Unauthorized, QStringLiteral("wrong username or password"), {}, 0}));
                    return;
                }
                m_worker.run<SignedIn>(
                    this, [userId, address](Services &s, Effects &) { return s.auth.issueToken(userId, address); },
                    [this, holder](Result<SignedIn> r) {
                        if (!r) {
                            holder->send(failure(*r.error));
                            return;
                        }
                        rememberToken(AuthService::hashToken(r.value.token), r.value.user.userId);
                        holder->send(success(json(r.value)));
                    });
            });
        });
}

void RestApi::eraseAccount(RestCall &&call, HttpResponder responder)
{
    const QByteArray token = bearerToken(call.request);
    if (token.isEmpty()) {
        responder.send(failure(missingToken()));
        return;
    }
    QString password;
    try {
        password = bodyAs<AccountErasure>(call).password;
    } catch (const DecodeError &e) {
        responder.send(failure(e.toApiError()));
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
    // 1. who is asking, and their password hash  2. check the password  3. erase.
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
        [this, holder, tokenHash, password, address](Result<StoredUser> user) {
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
            m_hasher.verify(
                password, user.value.passwordHash, this, [this, holder, tokenHash, accountKey, address](bool ok) {
                    if (!ok) {
                        holder->send(failure(apiError(
                            ErrorCode::Forbidden, QStringLiteral("the password is wrong; the account was not deleted"),
                            QStringLiteral("password"))));
                        return;
                    }
                    m_worker.run<Caller>(
                        this,
                        [tokenHash, address](Services &s, Effects &fx) -> Result<Caller> {
                            const auto caller = s.auth.authenticate(tokenHash);
                            if (!caller)
                                return *caller.error;
                            if (auto erased = s.rooms.eraseAccount(caller.value, fx, address); !erased)
                                return *erased.error;
                            return caller.value;
                        },
                        [this, holder](Result<Caller> erased) {
                            if (!erased) {
                                holder->send(failure(*erased.error));
                                return;
                            }
                            m_standing.apply(
                                {StandingChange{0, erased.value.userId, {}, StandingChangeKind::Erased, 0}});
                            holder->send(success(json{{"deleted", true}}));
                        });
                });
        });
}

// ---- rooms and members ------------------------------------------------------------------------

void RestApi::addRoomRoutes()
{
    route("GET", "/v1/chat/rooms", [](Services &s, const Caller &caller, Effects &, const RestCall &c) {
        RoomQuery q;
        const QString type = c.query("type");
        if (!type.isEmpty()) {
            q.type = enumFromString<RoomType>(type);
            if (!q.type)
                throw DecodeError(ErrorCode::ValidationFailed, QStringLiteral("type"),
                                  QStringLiteral("must be one of: %1").arg(enumNames<RoomType>()));
        }
        q.joinedOnly = queryBool(c, "joined").value_or(false);
        q.everyRoom = queryBool(c, "all").value_or(false); // server admins: private rooms too
        q.text = c.query("q").left(100);
        q.limit = queryInt(c, "limit", 20, 1, 100);
        q.offset = queryInt(c, "offset", 0, 0, 1000000);
        return plain(s.rooms.list(caller, q));
    });

    route(
        "POST", "/v1/chat/rooms",
        [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
            return plain(s.rooms.create(caller, bodyAs<NewRoom>(c), fx));
        },
        201);

    route("GET", "/v1/chat/rooms/{roomId}", [](Services &s, const Caller &caller, Effects &, const RestCall &c) {
        return plain(s.rooms.get(caller, c.param(QStringLiteral("roomId"))));
    });

    route("PATCH", "/v1/chat/rooms/{roomId}", [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
        // A partial settings object changes only the settings it names.
        return plain(s.rooms.update(caller, c.param(QStringLiteral("roomId")), bodyAs<RoomChange>(c), fx));
    });

    route("DELETE", "/v1/chat/rooms/{roomId}", [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
        const QString id = c.param(QStringLiteral("roomId"));
        return mapped<Done>(s.rooms.remove(caller, id, fx), [&](const Done &) {
            return json{{"roomId", id.toStdString()}, {"deleted", true}};
        });
    });

    route("POST", "/v1/chat/rooms/{roomId}/join",
          [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
              return mapped<JoinedRoom>(s.rooms.join(caller, c.param(QStringLiteral("roomId")), 50, fx),
                                        [](const JoinedRoom &j) { return json(j.room); });
          });

    auto leave = [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
        const QString id = c.param(QStringLiteral("roomId"));
        return mapped<Done>(s.rooms.leave(caller, id, fx), [&](const Done &) {
            return json{{"roomId", id.toStdString()}, {"left", true}};
        });
    };
    route("DELETE", "/v1/chat/rooms/{roomId}/leave", leave);
    route("POST", "/v1/chat/rooms/{roomId}/leave", leave);

    route("GET", "/v1/chat/rooms/{roomId}/members",
          [](Services &s, const Caller &caller, Effects &, const RestCall &c) {
              MemberQuery q;
              q.limit = queryInt(c, "limit", 50, 1, 200);
              q.offset = queryInt(c, "offset", 0, 0, 10000000);
              if (const QString cursor = c.query("cursor"); !cursor.isEmpty())
                  q.after = MemberOrderKey::decode(cursor.toLatin1());
              q.text = c.query("q");
              if (q.text.size() > limits::kDisplayNameMax)
                  throw DecodeError(ErrorCode::ValidationFailed, QStringLiteral("q"),
                                    QStringLiteral("must be at most %1 characters").arg(limits::kDisplayNameMax));
              return plain(s.rooms.members(caller, c.param(QStringLiteral("roomId")), q));
          });

    route(
        "POST", "/v1/chat/rooms/{roomId}/members",
        [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
            return plain(s.rooms.invite(caller, c.param(QStringLiteral("roomId")), bodyAs<MemberInvite>(c).userId, fx));
        },
        201);
}

// ---- messages -----------------------------------------------------------------------------

void RestApi::addMessageRoutes()
{
    route("GET", "/v1/chat/rooms/{roomId}/messages",
          [](Services &s, const Caller &caller, Effects &, const RestCall &c) {
              const QString before = c.query("before"), after = c.query("after"), around = c.query("around");
              for (const auto &[name, v] :
                   {std::pair{"before", before}, std::pair{"after", after}, std::pair{"around", around}}) {
                  if (!v.isEmpty()) {
                      if (auto bad = validateId(v, QString::fromLatin1(name)))
                          return Result<json>(*bad);
                  }
              }
              if (!around.isEmpty()) {
                  if (!before.isEmpty() || !after.isEmpty())
                      return Result<json>(apiError(ErrorCode::ValidationFailed,
                                                   QStringLiteral("give around alone, without before or after"),
                                                   QStringLiteral("around")));
                  return plain(s.messages.historyAround(caller, c.param(QStringLiteral("roomId")), around,
                                                        queryInt(c, "limit", 50, 1, 100)));
              }
              return plain(s.messages.history(caller, c.param(QStringLiteral("roomId")), before, after,
                                              queryInt(c, "limit", 50, 1, 100)));
          });

    // A repeat of a clientMsgId answers like the first send did, with the first message.
    route(
        "POST", "/v1/chat/rooms/{roomId}/messages",
        [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
            const OutgoingMessage m = bodyAs<OutgoingMessage>(c);
            const SendRequest req{c.param(QStringLiteral("roomId")),
                                  m.content,
                                  m.type,
                                  m.replyTo,
                                  m.clientMsgId,
                                  m.isAnonymous,
                                  m.attachments,
                                  m.poll};
            return mapped<SendResult>(s.messages.send(caller, req, fx),
                                      [](const SendResult &sr) { return json(sr.message); });
        },
        201, {}, RouteKind::MessageSend);

    route("PATCH", "/v1/chat/rooms/{roomId}/messages/{messageId}",
          [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
              const MessageEdit edit = bodyAs<MessageEdit>(c);
              return plain(s.messages.edit(caller, c.param(QStringLiteral("roomId")),
                                           c.param(QStringLiteral("messageId")), edit.content, fx));
          });

    route("DELETE", "/v1/chat/rooms/{roomId}/messages/{messageId}",
          [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
              return plain(s.messages.remove(caller, c.param(QStringLiteral("roomId")),
                                             c.param(QStringLiteral("messageId")), fx));
          });

    route("POST", "/v1/chat/rooms/{roomId}/messages/{messageId}/reactions",
          [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
              const NewReaction reaction = bodyAs<NewReaction>(c);
              return plain(s.messages.react(caller, c.param(QStringLiteral("roomId")),
                                            c.param(QStringLiteral("messageId")), reaction.emoji, ReactionAction::Add,
                                            fx));
          });

    route("DELETE", "/v1/chat/rooms/{roomId}/messages/{messageId}/reactions/{emoji}",
          [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
              return plain(s.messages.react(caller, c.param(QStringLiteral("roomId")),
                                            c.param(QStringLiteral("messageId")), c.param(QStringLiteral("emoji")),
                                            ReactionAction::Remove, fx));
          });

    // Polls: votes draw on the messages budget, like the posts they stand beside.
    route(
        "PUT", "/v1/chat/rooms/{roomId}/messages/{messageId}/poll/vote",
        [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
            const PollVote vote = bodyAs<PollVote>(c);
            return plain(s.polls.vote(caller, c.param(QStringLiteral("roomId")), c.param(QStringLiteral("messageId")),
                                      vote, fx));
        },
        200, {}, RouteKind::MessageSend);

    route(
        "DELETE", "/v1/chat/rooms/{roomId}/messages/{messageId}/poll/vote",
        [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
            return plain(s.polls.vote(caller, c.param(QStringLiteral("roomId")), c.param(QStringLiteral("messageId")),
                                      PollVote{}, fx));
        },
        200, {}, RouteKind::MessageSend);

    route("POST", "/v1/chat/rooms/{roomId}/messages/{messageId}/poll/close",
          [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
              return plain(
                  s.polls.close(caller, c.param(QStringLiteral("roomId")), c.param(QStringLiteral("messageId")), fx));
          });

    route("POST", "/v1/chat/rooms/{roomId}/read",
          [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
              const ReadMarker marker = bodyAs<ReadMarker>(c);
              return plain(s.messages.markRead(caller, c.param(QStringLiteral("roomId")), marker.messageId, fx));
          });

    route("GET", "/v1/chat/rooms/{roomId}/receipts",
          [](Services &s, const Caller &caller, Effects &, const RestCall &c) {
              return plain(s.receipts.receipts(caller, c.param(QStringLiteral("roomId"))));
          });
    route("GET", "/v1/me/read-receipts", [](Services &s, const Caller &caller, Effects &, const RestCall &) {
        return plain(s.receipts.setting(caller));
    });
    route("PUT", "/v1/me/read-receipts", [](Services &s, const Caller &caller, Effects &, const RestCall &c) {
        return plain(s.receipts.changeSetting(caller, bodyAs<ReceiptSetting>(c)));
    });
    // Extension: the caller's notification level and mute for the room (docs/api.md).
    route("PUT", "/v1/chat/rooms/{roomId}/notifications",
          [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
              const NotificationPrefs prefs = bodyAs<NotificationPrefs>(c);
              return plain(s.notificationPrefs.set(caller, c.param(QStringLiteral("roomId")), prefs, fx));
          });

    route("GET", "/v1/chat/rooms/{roomId}/pins", [](Services &s, const Caller &caller, Effects &, const RestCall &c) {
        return mapped<std::vector<Message>>(s.messages.pins(caller, c.param(QStringLiteral("roomId"))),
                                            [](const std::vector<Message> &pins) { return json(PinList{pins}); });
    });
    for (const char *method : {"POST", "DELETE"}) {
        const bool pin = QByteArray(method) == "POST";
        route(method, "/v1/chat/rooms/{roomId}/pins/{messageId}",
              [pin](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
                  const QString messageId = c.param(QStringLiteral("messageId"));
                  return mapped<bool>(s.messages.pin(caller, c.param(QStringLiteral("roomId")), messageId, pin, fx),
                                      [&](const bool &p) {
                                          return json{{"messageId", messageId.toStdString()}, {"pinned", p}};
                                      });
              });
    }

    route("GET", "/v1/chat/search", [](Services &s, const Caller &caller, Effects &, const RestCall &c) {
        SearchQuery q;
        q.text = c.query("q");
        q.roomId = c.query("roomId");
        q.authorId = c.query("authorId");
        q.limit = queryInt(c, "limit", 20, 1, 100);
        const QString sort = c.query("sort");
        if (!sort.isEmpty() && sort != QLatin1String("date") && sort != QLatin1String("relevance"))
            return Result<json>(apiError(ErrorCode::ValidationFailed,
                                         QStringLiteral("must be \"relevance\" or \"date\", not \"%1\"").arg(sort),
                                         QStringLiteral("sort")));
        q.byRelevance = sort == QLatin1String("relevance");
        return mapped<std::vector<SearchHit>>(
            s.messages.search(caller, q), [](const std::vector<SearchHit> &hits) { return json(SearchResults{hits}); });
    });
}

// ---- moderation -------------------------------------------------------------------------------

void RestApi::addModerationRoutes()
{
    route("PATCH", "/v1/chat/rooms/{roomId}/members/{userId}",
          [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
              return plain(s.moderation.changeMember(caller, c.param(QStringLiteral("roomId")),
                                                     c.param(QStringLiteral("userId")), bodyAs<MemberChange>(c), fx));
          });

    route("POST", "/v1/chat/rooms/{roomId}/members/{userId}/kick",
          [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
              const KickRequest kick = optionalBodyAs<KickRequest>(c);
              const QString userId = c.param(QStringLiteral("userId"));
              return mapped<Done>(s.moderation.kick(caller, c.param(QStringLiteral("roomId")), userId, kick.reason, fx),
                                  [&](const Done &) {
                                      return json{{"userId", userId.toStdString()}, {"kicked", true}};
                                  });
          });

    route("POST", "/v1/chat/rooms/{roomId}/members/{userId}/ban",
          [](Services &s, const Caller &caller, Effects &fx, const RestCall &c) {
              const BanRequest ban = optionalBodyAs<BanRequest>(c);
              return plain(s.moderation.ban(caller, c.param(QStringLiteral("roomId")),
                                            c.param(QStringLiteral("userId")), ban.reason, ban.durationSeconds, fx));
          });

    route("DELETE", "/v1/chat/rooms/{roomId}/members/{userId}/ban",
          [](Services &s, const Caller &caller, Effects &, const RestCall &c) {
              const QString userId = c.param(QStringLiteral("userId"));
              return mapped<Done>(s.moderation.unban(caller, c.param(QStringLiteral("roomId")), userId),
                                  [&](const Done &) {
                                      return json{{"userId", userId.toStdString()}, {"banned", false}};
                                  });
          });

    route("GET", "/v1/chat/rooms/{roomId}/bans", [](Services &s, const Caller &caller, Effects &, const RestCall &c) {
        return mapped<std::vector<Ban>>(s.moderation.bans(caller, c.param(QStringLiteral("roomId"))),
                                        [](const std::vector<Ban> &bans) { return json(BanList{bans}); });
    });

    route("GET", "/v1/admin/audit", [](Services &s, const Caller &caller, Effects &, const RestCall &c) {
        AuditQuery q;
        q.limit = queryInt(c, "limit", 50, 1, 200);
        const QString before = c.query("before");
        if (!before.isEmpty()) {
            // An audit id is a cursor (the last entry of the previous page); a time also works.
            if (const auto t = parseTimestamp(before))
                q.beforeMs = *t;
            else if (before.startsWith(QLatin1String("a_")) && !validateId(before, QStringLiteral("before")))
                q.beforeAuditId = before;
            else
                throw DecodeError(ErrorCode::ValidationFailed, QStringLiteral("before"),
                                  QStringLiteral("must be an audit id or an ISO 8601 time"));
        }
        const QString roomId = c.query("roomId");
        if (!roomId.isEmpty())
            q.roomIds = std::vector<QString>{roomId};
        q.actorId = c.query("actorId");
        q.action = c.query("action");
        return mapped<std::vector<AuditEntry>>(
            s.moderation.auditLog(caller, q),
            [](const std::vector<AuditEntry> &entries) { return json(AuditPage{entries}); });
    });
}

// ---- presence, health, metrics ------------------------------------------------------------------

void RestApi::addOtherRoutes()
{
    // The fallback for networks that block WebSockets: long-poll, or Server-Sent Events with
    // Accept: text/event-stream. Held or streamed by the hub's event streams, not answered here.
    publicRoute(
        "GET", "/v1/events",
        [this](RestCall &&c, HttpResponder r) { m_hub.streams().handle(std::move(c.request), std::move(r)); }, true);

    // Typing without a WebSocket (`typing_start`/`typing_stop`): {isTyping?: true}.
    route(
        "POST", "/v1/chat/rooms/{roomId}/typing",
        [](Services &s, const Caller &caller, Effects &, const RestCall &c) {
            const bool isTyping = c.body->is_null() || bodyAs<TypingChange>(c).isTyping;
            if (!s.context.storage.member(c.param(QStringLiteral("roomId")), caller.userId))
                return Result<json>(
                    ApiError{ErrorCode::RoomNotFound,
                             QStringLiteral("you are not in room %1").arg(c.param(QStringLiteral("roomId"))),
                             QStringLiteral("roomId"), 0});
            return Result<json>(
                json{{"roomId", c.param(QStringLiteral("roomId")).toStdString()}, {"isTyping", isTyping}});
        },
        200,
        [this](const Caller &caller, const RestCall &c) {
            m_hub.setTyping(caller, c.param(QStringLiteral("roomId")),
                            c.body->is_null() || bodyAs<TypingChange>(c).isTyping);
        });

    route(
        "PUT", "/v1/presence",
        [](Services &, const Caller &caller, Effects &, const RestCall &c) {
            const PresenceChange change = bodyAs<PresenceChange>(c);
            if (auto bad = validateCustomStatus(change.customStatus))
                return Result<json>(*bad);
            return Result<json>(json(Presence{caller.userId, change.status, change.customStatus, 0}));
        },
        200,
        [this](const Caller &caller, const RestCall &c) {
            // Presence lives on the network thread; the storage call above only authenticated and validated.
            const PresenceChange change = c.body->get<PresenceChange>(); // decoded once already: it is valid
            m_hub.setPresence(caller, change.status, change.customStatus);
        });

    route("GET", "/v1/presence", [](Services &s, const Caller &caller, Effects &, const RestCall &c) {
        const QStringList ids = c.query("userIds").split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (ids.isEmpty() || ids.size() > 200)
            throw DecodeError(ErrorCode::ValidationFailed, QStringLiteral("userIds"),
                              QStringLiteral("give 1 to 200 comma-separated user ids"));
        // Only people the caller shares a room with (direct rooms included), and the caller: anyone
        // else is left out exactly like an unknown id, so the answer does not tell them apart.
        const QSet<QString> callerRooms = s.context.members.roomsOf(caller.userId);
        PresenceList list;
        for (const QString &id : ids) {
            if (id != caller.userId && !s.context.members.roomsOf(id).intersects(callerRooms))
                continue;
            Presence p{id, PresenceStatus::Offline, {}, 0};
            if (const auto live = s.context.presence.get(id)) {
                p = *live;
            } else if (const auto u = s.context.storage.userById(id)) {
                p.customStatus = u->user.customStatus;
                p.lastSeen = u->user.lastSeen;
            } else {
                continue; // unknown ids are left out
            }
            list.presence.push_back(p);
        }
        return Result<json>(json(list));
    });

    // Finds one person by their exact username (case-insensitive), to start a conversation with or
    // add to a room: ids are not something people can type. No listing, so no directory to scrape.
    route("GET", "/v1/users/by-username/{username}", [](Services &s, const Caller &, Effects &, const RestCall &c) {
        const QString name = c.param(QStringLiteral("username"));
        const auto u = s.context.storage.userByUsername(normalizeUsername(name));
        if (!u || u->disabled)
            return Result<json>(
                apiError(ErrorCode::UserNotFound,
                         QStringLiteral("there is no user called %1").arg(name.left(limits::kUsernameMax)),
                         QStringLiteral("username")));
        User user = u->user;
        if (const auto live = s.context.presence.get(user.userId)) {
            user.status = live->status;
            user.customStatus = live->customStatus;
            user.lastSeen = live->lastSeen;
        }
        return Result<json>(json(user));
    });

    publicRoute(
        "DELETE", "/v1/me", [this](RestCall &&c, HttpResponder r) { eraseAccount(std::move(c), std::move(r)); }, true);

    // Liveness: the network thread's loop answers. Whether the server can do its work is /readyz.
    publicRoute("GET", "/healthz", [](RestCall &&, HttpResponder r) {
        r.send(HttpResponse::json(200, QByteArrayLiteral("{\"status\":\"ok\"}")));
    });

    // Readiness: storage takes a write in time and the disk has room (ReadinessProbe); the
    // failing check is named, so an operator knows where to look.
    m_readiness = new ReadinessProbe(m_worker, kReadinessTimeoutMs, this);
    publicRoute("GET", "/readyz", [this](RestCall &&, HttpResponder r) {
        auto holder = std::make_shared<HttpResponder>(std::move(r));
        m_readiness->check([holder](const Readiness &result) {
            if (result.ready()) {
                holder->send(HttpResponse::json(200, QByteArrayLiteral("{\"status\":\"ready\"}")));
                return;
            }
            holder->send(HttpResponse::json(503, toJsonBytes(json{{"status", "unready"},
                                                                  {"failing", result.failing.toStdString()},
                                                                  {"reason", result.reason.toStdString()}})));
        });
    });

    publicRoute("GET", "/metrics", [this](RestCall &&, HttpResponder r) {
        HttpResponse resp;
        resp.status = 200;
        resp.contentType = QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
        resp.body = m_metrics.render();
        r.send(std::move(resp));
    });
}

} // namespace confab::server
