// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

#include "client/sync/chatengine.h"

#include "core/jsondocument.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

#include <nlohmann/json.hpp>

namespace confab::client {

Session::Session(Config config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_tokens(m_config.keychainService)
{
    if (m_config.dataDir.isEmpty())
        m_config.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    m_tokens.setFileFallback(m_config.tokenFile);
    m_tokens.setKeychainEnabled(m_config.useKeychain);
    connect(&m_tokens, &TokenStore::keychainUnavailable, this, &Session::secretStorageProblem);
    connect(&m_tokens, &TokenStore::loaded, this, [this](const QString &account, const QString &token) {
        if (m_state != State::Restoring || account != accountKey())
            return;
        if (token.isEmpty()) {
            fail(tr("Please sign in."));
            return;
        }
        m_api.setToken(token);
        startEngine(token);
        // Check the token in the background; a revoked one signs out.
        m_api.me(this, [this](const ApiResult<User> &r) {
            if (r.ok()) {
                m_me = r.value;
                writeAccount();
            } else if (r.httpStatus == 401) {
                signOut(); // also forgets the token
                fail(tr("Your session has ended. Please sign in again."));
            }
        });
    });
}

Session::~Session() { m_engine.reset(); }

QString Session::accountKey() const
{
    return m_server.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash) + QLatin1Char('#') + m_me.userId;
}

QString Session::accountFile() const { return m_config.dataDir + QStringLiteral("/account.json"); }

QString Session::storePath() const
{
    const QString key = m_cacheName.isEmpty() ? accountKey() : m_cacheName + QLatin1Char('#') + m_me.userId;
    const QByteArray id = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return m_config.dataDir + QStringLiteral("/cache-") + QString::fromLatin1(id) + QStringLiteral(".sqlite");
}

void Session::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void Session::fail(const QString &message, const QString &field)
{
    m_error = message;
    setState(State::SignedOut);
    Q_EMIT failed(message, field);
}

void Session::beginSigningIn(const QUrl &server)
{
    if (m_state == State::SignedIn)
        signOut();
    m_server = server;
    m_ephemeral = false;
    m_cacheName.clear();
    m_api.abortAll();
    m_api.setBaseUrl(server);
    m_api.setToken({});
    setState(State::SigningIn);
}

void Session::signIn(const QUrl &server, const QString &username, const QString &password)
{
    beginSigningIn(server);
    m_api.login(username, password, this, [this](const ApiResult<SignedIn> &r) { onSignedIn(r); });
}

void Session::registerAccount(const QUrl &server, const QString &username, const QString &password,
                              const QString &displayName)
{
    beginSigningIn(server);
    m_api.registerAccount(username, password, displayName, this,
                          [this](const ApiResult<SignedIn> &r) { onSignedIn(r); });
}

void Session::adoptToken(const QUrl &server, const QString &token, const QString &cacheName)
{
    if (m_state == State::SignedIn)
        signOut();
    m_server = server;
    m_ephemeral = true;
    m_cacheName = cacheName;
    m_api.abortAll();
    m_api.setBaseUrl(server);
    m_api.setToken(token);
    setState(State::SigningIn);
    // Who the token belongs to; the engine needs it before it starts.
    m_api.me(this, [this, token](const ApiResult<User> &r) {
        if (!r.ok()) {
            m_api.setToken({});
            fail(r.error->message, r.error->field);
            return;
        }
        m_me = r.value;
        startEngine(token);
    });
}

void Session::onSignedIn(const ApiResult<SignedIn> &r)
{
    if (!r.ok()) {
        // No HTTP answer at all: the server's address is what to fix.
        fail(r.error->message, r.httpStatus == 0 ? QStringLiteral("server") : r.error->field);
        return;
    }
    m_me = r.value.user;
    m_api.setToken(r.value.token);
    m_tokens.save(accountKey(), r.value.token);
    writeAccount();
    startEngine(r.value.token);
}

void Session::startEngine(const QString &token)
{
    m_engine.reset();
    m_engine = std::make_unique<ChatEngine>(m_api, ChatEngine::Config{m_server, token, m_me, storePath()});
    if (!m_engine->start()) {
        const QString why = m_engine->errorString();
        m_engine.reset();
        fail(why);
        return;
    }
    connect(m_engine.get(), &ChatEngine::sessionEnded, this, [this](const QString &why) {
        // Not from inside the engine's own signal: signing out destroys it.
        QTimer::singleShot(0, this, [this, why] {
            signOut(); // also forgets the token
            fail(why.isEmpty() ? tr("Your session has ended. Please sign in again.") : why);
        });
    });
    m_error.clear();
    setState(State::SignedIn);
    Q_EMIT signedIn(m_engine.get());
}

void Session::signOut()
{
    if (m_state == State::SignedOut && !m_engine)
        return;
    if (!m_api.token().isEmpty())
        m_api.logout(nullptr, {}); // best effort; the local sign-out does not wait for it
    endSession();
}

void Session::endSession()
{
    const QString key = accountKey();
    if (m_engine)
        Q_EMIT aboutToSignOut(m_engine.get());
    m_engine.reset();   // closes the local cache
    if (!m_ephemeral) { // an adopted token was never stored: leave a real account's files alone
        m_tokens.remove(key);
        QFile::remove(accountFile());
    }
    m_ephemeral = false;
    m_cacheName.clear();
    m_api.setToken({});
    setState(State::SignedOut);
    Q_EMIT signedOut();
}

void Session::deleteAccount(const QString &password)
{
    if (m_state != State::SignedIn)
        return;
    const QString cache = storePath();
    m_api.deleteAccount(password, this, [this, cache](const ApiResult<Done> &r) {
        if (!r.ok()) {
            const bool wrongPassword = r.httpStatus == 403 && r.error && r.error->field == QLatin1String("password");
            Q_EMIT accountDeletionFailed(r.error ? r.error->message : QString(), wrongPassword);
            return;
        }
        Q_EMIT accountDeleted();
        // The server may have closed the WebSocket first, and that may have ended the session already.
        if (m_engine || m_state != State::SignedOut)
            endSession();
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(cache + suffix);
    });
}

void Session::restore()
{
    if (!readAccount()) {
        fail(tr("Please sign in."));
        return;
    }
    m_cacheName.clear();
    m_api.setBaseUrl(m_server);
    setState(State::Restoring);
    m_tokens.load(accountKey());
}

void Session::allowTokenFile(const QString &path)
{
    m_config.tokenFile = path;
    m_tokens.allowFile(path);
}

QString Session::defaultTokenFile() const { return m_config.dataDir + QStringLiteral("/token.json"); }

void Session::writeAccount()
{
    QDir().mkpath(m_config.dataDir);
    const nlohmann::json j{{"server", m_server.toString().toStdString()}, {"user", m_me}};
    QSaveFile f(accountFile());
    if (f.open(QIODevice::WriteOnly)) {
        f.write(toJsonBytes(j));
        f.commit();
    }
}

bool Session::readAccount()
{
    QFile f(accountFile());
    if (!f.open(QIODevice::ReadOnly))
        return false;
    try {
        const auto j = parseJsonDocument(f.readAll(), 16);
        m_server = QUrl(QString::fromStdString(j.at("server").get<std::string>()));
        m_me = j.at("user").get<User>();
    } catch (const std::exception &) {
        return false;
    }
    return m_server.isValid() && !m_me.userId.isEmpty();
}

} // namespace confab::client
