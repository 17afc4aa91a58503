// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordhasher.h"

#include <QPointer>

#include <sodium.h>

namespace confab::server {

PasswordHasher::PasswordHasher(Cost cost, int maxConcurrent, QObject *parent) : QObject(parent), m_cost(cost)
{
    m_pool.setMaxThreadCount(maxConcurrent);
}

PasswordHasher::~PasswordHasher() { m_pool.waitForDone(); }

QByteArray PasswordHasher::hashNow(const QString &password) const
{
    const QByteArray pw = password.toUtf8();
    const bool fast = m_cost == Cost::InsecureFastForTests;
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pw.constData(), quint64(pw.size()),
                          fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {}; // out of memory
    return QByteArray(out);
}

bool PasswordHasher::verifyNow(const QString &password, const QByteArray &hash)
{
    const QByteArray pw = password.toUtf8();
    // A fixed dummy keeps an unknown user's login as slow as a wrong password.
    if (hash.isEmpty())
        return false;
    return crypto_pwhash_str_verify(hash.constData(), pw.constData(), quint64(pw.size())) == 0;
}

void PasswordHasher::hash(const QString &password, QObject *context, std::function<void(QByteArray)> done)
{
    QPointer<QObject> ctx(context);
    m_pool.start([this, password, ctx, done = std::move(done)] {
        QByteArray h = hashNow(password);
        QMetaObject::invokeMethod(
            this,
            [ctx, done, h] {
                if (ctx)
                    done(h);
            },
            Qt::QueuedConnection);
    });
}

void PasswordHasher::verify(const QString &password, const QByteArray &hash, QObject *context,
                            std::function<void(bool)> done)
{
    QPointer<QObject> ctx(context);
    m_pool.start([this, password, hash, ctx, done = std::move(done)] {
        const bool ok = verifyNow(password, hash);
        QMetaObject::invokeMethod(
            this,
            [ctx, done, ok] {
                if (ctx)
                    done(ok);
            },
            Qt::QueuedConnection);
    });
}

} // namespace confab::server
