// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers for the client tests: a real confab-server, accounts made over REST, and engines
// (the client below the widgets) pointed at it.

#include "restclient.h"
#include "testserver.h"

#include "client/net/apiclient.h"
#include "client/net/realtimeconnection.h"
#include "client/sync/chatengine.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <memory>

namespace confab::test {

// Generous limits: these tests are about delivery, not about the server's rate limits.
inline QStringList fastServerArgs()
{
    return {QStringLiteral("--insecure-fast-password-hashing"),
            QStringLiteral("--message-rate"),
            QStringLiteral("1000"),
            QStringLiteral("--message-burst"),
            QStringLiteral("1000"),
            QStringLiteral("--request-rate"),
            QStringLiteral("1000"),
            QStringLiteral("--request-burst"),
            QStringLiteral("1000"),
            QStringLiteral("--presence-grace-seconds"),
            QStringLiteral("1")};
}

struct Account {
    QString token;
    User user;
};

inline Account signUp(TestServer &server, const QString &username)
{
    RestClient rest(server.httpUrl());
    const nlohmann::json user = rest.signUp(username, QStringLiteral("correct horse"), username.toUpper());
    Account a;
    if (user.is_null())
        return a;
    a.token = rest.token();
    a.user = user.get<User>();
    return a;
}

// One client: its ApiClient and engine over a cache file in its own folder.
class TestClient {
public:
    TestClient(TestServer &server, Account account, const QString &storePath)
        : m_server(server), m_account(std::move(account)), m_storePath(storePath)
    {
        m_api.setBaseUrl(server.httpUrl());
        m_api.setToken(m_account.token);
    }

    // (Re)creates the engine on the same cache: a client restart.
    client::ChatEngine *start()
    {
        m_engine.reset();
        m_engine = std::make_unique<client::ChatEngine>(
            m_api, client::ChatEngine::Config{m_server.httpUrl(), m_account.token, m_account.user, m_storePath});
        if (!m_engine->start())
            return nullptr;
        auto &c = m_engine->connection();
        c.setWatchNetwork(false);
        c.policy().setTable({{100, 0}, {200, 0}, {400, 0}, {800, 0}});
        return m_engine.get();
    }
    void stopEngine() { m_engine.reset(); }

    client::ChatEngine *engine() { return m_engine.get(); }
    client::ApiClient &api() { return m_api; }
    const User &user() const { return m_account.user; }
    bool waitOnline(int ms = 10000)
    {
        return QTest::qWaitFor(
            [&] { return m_engine->connection().state() == client::RealtimeConnection::State::Online; }, ms);
    }

private:
    TestServer &m_server;
    Account m_account;
    QString m_storePath;
    client::ApiClient m_api;
    std::unique_ptr<client::ChatEngine> m_engine;
};

// Runs an ApiClient call to completion (event loop, no blocking socket waits).
template<typename T, typename Call> client::ApiResult<T> await(Call &&call, int ms = 15000)
{
    std::optional<client::ApiResult<T>> result;
    QObject context;
    call(&context, [&](const client::ApiResult<T> &r) { result = r; });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, ms);
    if (!result) {
        client::ApiResult<T> timeout;
        timeout.error = ApiError{ErrorCode::Unavailable, QStringLiteral("test timed out"), {}, 0};
        return timeout;
    }
    return *result;
}

} // namespace confab::test
