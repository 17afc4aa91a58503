// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>

#include <deque>
#include <functional>

namespace QKeychain {
class Job;
}

namespace confab::client {

// Where the access token lives: the system keychain (QtKeychain, asynchronously), or, only when
// the user consented, a file readable by the user alone; otherwise only in memory for this run.
// One job at a time; the next one is started from the event loop, never from inside another
// job's finished signal, and nothing here blocks or spins a nested event loop.
class TokenStore : public QObject {
    Q_OBJECT
public:
    enum class Backend {
        Unknown,  // nothing tried yet
        Keychain, // the keychain answered
        File,     // the keychain did not; the user allowed the file
        Memory,   // the keychain did not; the token is kept for this run only
    };
    Q_ENUM(Backend)

    explicit TokenStore(const QString &service, QObject *parent = nullptr);
    ~TokenStore() override;

    // The user's explicit consent to keep the token in this file (0600) when no keychain answers.
    // Empty withdraws it.
    void setFileFallback(const QString &path) { m_filePath = path; }
    QString fileFallback() const { return m_filePath; }
    // The consent given later, while running without a keychain: from now on the file, and the
    // tokens kept in memory so far go there at once (saved() says where each went).
    void allowFile(const QString &path);
    // Skip the keychain entirely (the CLI with --token-file: a headless box has none).
    void setKeychainEnabled(bool enabled) { m_keychainEnabled = enabled; }

    void save(const QString &account, const QString &token);
    void load(const QString &account);
    void remove(const QString &account);

    Backend backend() const { return m_backend; }
    // Why the keychain could not be used, for the user; empty while it works.
    QString problem() const { return m_problem; }

Q_SIGNALS:
    void saved(const QString &account, confab::client::TokenStore::Backend where);
    // token is empty when none was stored.
    void loaded(const QString &account, const QString &token);
    void removed(const QString &account);
    // No keychain answered: tells the user where the token is (memory or the consented file).
    void keychainUnavailable(const QString &message);

private:
    struct Op {
        enum class Kind { Save, Load, Remove } kind;
        QString account;
        QString token;
    };
    void enqueue(Op op);
    void runNext();
    void finishKeychain(const Op &op, QKeychain::Job *job);
    void finishOp();
    void keychainFailed(const QString &reason);
    bool writeFile(const QString &account, const QString &token);
    QString readFile(const QString &account) const;
    void removeFromFile(const QString &account);

    QString m_service;
    QString m_filePath;
    bool m_keychainEnabled = true;
    Backend m_backend = Backend::Unknown;
    QString m_problem;
    QHash<QString, QString> m_memory;
    std::deque<Op> m_queue;
    bool m_busy = false;
};

} // namespace confab::client
