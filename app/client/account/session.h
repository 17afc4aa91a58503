// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/account/tokenstore.h"
#include "client/net/apiclient.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace confab::client {

class ChatEngine;

// Signing up, in and out against one server, and coming back signed in on the next start:
// the token goes to the TokenStore, the account (server, user) to a small file in the data
// folder, and a ChatEngine runs while signed in. Restoring needs no network: with the token
// back from the keychain the cached rooms show at once and the engine connects in the
// background.
class Session : public QObject {
    Q_OBJECT
public:
    enum class State { SignedOut, Restoring, SigningIn, SignedIn };
    Q_ENUM(State)

    struct Config {
        QString dataDir; // the account file and each account's cache; AppDataLocation if empty
        QString keychainService = QStringLiteral("org.confab.Confab");
        QString tokenFile; // non-empty: the user allowed keeping the token in this file
        bool useKeychain = true;
    };

    explicit Session(Config config, QObject *parent = nullptr);
    ~Session() override;

    void signIn(const QUrl &server, const QString &username, const QString &password);
    void registerAccount(const QUrl &server, const QString &username, const QString &password,
                         const QString &displayName = {});
    void signOut();
    // Erases the account on the server (DELETE /v1/me, which checks `password`), then ends the
    // session and removes what this computer kept of it: the local cache, the account file and
    // the keychain entry. accountDeleted() or accountDeletionFailed() tells how it went.
    void deleteAccount(const QString &password);
    // Signs in again with the stored account and token, if there are both.
    void restore();
    // Signs in with a token obtained elsewhere (the bundled demo server): it is kept in memory
    // only, never in the keychain or the account file, and signing out leaves both untouched.
    // cacheName, if set, names the local cache instead of the server's address: the demo server
    // gets a new port on every run, and its cache should not pile up one file per run.
    void adoptToken(const QUrl &server, const QString &token, const QString &cacheName = {});

    State state() const { return m_state; }
    QString errorMessage() const { return m_error; }
    // Non-empty when the token could not go to a keychain: for a banner.
    QString secretStorageWarning() const { return m_tokens.problem(); }
    // The user's consent, given while running, to keep the token in a file (0600) when no
    // keychain answers (what Config::tokenFile is at start); the token goes there at once.
    void allowTokenFile(const QString &path);
    // Where a consented token file goes by default: in the data folder.
    QString defaultTokenFile() const;
    // Signed in with adoptToken(): nothing of it is stored, so there is nothing to keep.
    bool isEphemeral() const { return m_ephemeral; }
    User me() const { return m_me; }
    QUrl server() const { return m_server; }
    ApiClient &api() { return m_api; }
    TokenStore &tokens() { return m_tokens; }
    ChatEngine *engine() const { return m_engine.get(); }
    QString storePath() const;

Q_SIGNALS:
    void stateChanged(confab::client::Session::State state);
    void signedIn(confab::client::ChatEngine *engine);
    // The engine is about to be destroyed: drop per-room models and views made from it now
    // (they refer to its store and sync), before signedOut().
    void aboutToSignOut(confab::client::ChatEngine *engine);
    void signedOut();
    // deleteAccount() succeeded (signedOut() follows) or failed (nothing changed; `wrongPassword`
    // when the server refused the password).
    void accountDeleted();
    void accountDeletionFailed(const QString &message, bool wrongPassword);
    // Sign-in, registration or restore failed; field names the input at fault, if any.
    void failed(const QString &message, const QString &field);
    void secretStorageProblem(const QString &message);

private:
    void setState(State s);
    // Leaves any current account and starts a fresh sign-in against `server`.
    void beginSigningIn(const QUrl &server);
    void onSignedIn(const ApiResult<SignedIn> &r);
    void startEngine(const QString &token);
    // Ends the session locally: engine, stored token and account file.
    void endSession();
    void fail(const QString &message, const QString &field = {});
    QString accountKey() const;
    QString accountFile() const;
    void writeAccount();
    bool readAccount();

    Config m_config;
    ApiClient m_api;
    TokenStore m_tokens;
    State m_state = State::SignedOut;
    QString m_error;
    QUrl m_server;
    User m_me;
    std::unique_ptr<ChatEngine> m_engine;
    bool m_ephemeral = false; // adoptToken(): nothing of this sign-in is stored
    QString m_cacheName;      // adoptToken(): names the cache instead of the server
};

} // namespace confab::client
