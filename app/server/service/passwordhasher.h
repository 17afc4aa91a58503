// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>

namespace confab::server {

// Argon2id (libsodium crypto_pwhash_str) off the network and storage threads, on a small pool
// of its own: each hash takes ~200 ms and 64 MiB at the interactive limits, so at most
// `maxConcurrent` run at once and the rest wait in line.
class PasswordHasher : public QObject {
    Q_OBJECT
public:
    enum class Cost { Interactive, InsecureFastForTests };

    explicit PasswordHasher(Cost cost, int maxConcurrent = 2, QObject *parent = nullptr);
    ~PasswordHasher() override;

    // `done` runs on the hasher's own thread (create it on the network thread), and only while
    // `context` still exists.
    void hash(const QString &password, QObject *context, std::function<void(QByteArray hash)> done);
    void verify(const QString &password, const QByteArray &hash, QObject *context, std::function<void(bool ok)> done);

    // Synchronous, for command-line tools.
    QByteArray hashNow(const QString &password) const;
    static bool verifyNow(const QString &password, const QByteArray &hash);

private:
    Cost m_cost;
    QThreadPool m_pool;
};

} // namespace confab::server
