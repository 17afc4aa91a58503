// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenstore.h"

#include "core/jsondocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <nlohmann/json.hpp>

Q_LOGGING_CATEGORY(lcTokens, "confab.client.tokens")

namespace confab::client {

TokenStore::TokenStore(const QString &service, QObject *parent) : QObject(parent), m_service(service) {}

TokenStore::~TokenStore() = default;

void TokenStore::save(const QString &account, const QString &token)
{
    m_memory.insert(account, token); // usable at once, whatever the keychain says
    enqueue({Op::Kind::Save, account, token});
}

void TokenStore::load(const QString &account) { enqueue({Op::Kind::Load, account, {}}); }

void TokenStore::remove(const QString &account)
{
    m_memory.remove(account);
    enqueue({Op::Kind::Remove, account, {}});
}

void TokenStore::allowFile(const QString &path)
{
    m_filePath = path;
    if (m_backend == Backend::Keychain || path.isEmpty())
        return; // the keychain works: the file stays a fallback
    // Like a save each, in turn with whatever is queued.
    for (auto it = m_memory.cbegin(); it != m_memory.cend(); ++it)
        enqueue({Op::Kind::Save, it.key(), it.value()});
}

void TokenStore::enqueue(Op op)
{
    m_queue.push_back(std::move(op));
    if (!m_busy) {
        m_busy = true;
        QTimer::singleShot(0, this, &TokenStore::runNext);
    }
}

void TokenStore::finishOp()
{
    // The next job starts from the event loop, not from inside this one's finished signal.
    m_queue.pop_front();
    if (m_queue.empty()) {
        m_busy = false;
        return;
    }
    QTimer::singleShot(0, this, &TokenStore::runNext);
}

void TokenStore::runNext()
{
    if (m_queue.empty()) {
        m_busy = false;
        return;
    }
    const Op op = m_queue.front();
    if (!m_keychainEnabled || m_backend == Backend::File || m_backend == Backend::Memory) {
        // The keychain is off or already known not to answer: no second wait for it.
        switch (op.kind) {
        case Op::Kind::Save:
            if (!m_filePath.isEmpty() && writeFile(op.account, op.token)) {
                m_backend = Backend::File;
                Q_EMIT saved(op.account, Backend::File);
            } else {
                m_backend = Backend::Memory;
                Q_EMIT saved(op.account, Backend::Memory);
            }
            break;
        case Op::Kind::Load: {
            QString token = m_memory.value(op.account);
            if (token.isEmpty() && !m_filePath.isEmpty())
                token = readFile(op.account);
            Q_EMIT loaded(op.account, token);
            break;
        }
        case Op::Kind::Remove:
            if (!m_filePath.isEmpty())
                removeFromFile(op.account);
            Q_EMIT removed(op.account);
            break;
        }
        finishOp();
        return;
    }

    QKeychain::Job *job = nullptr;
    switch (op.kind) {
    case Op::Kind::Save: {
        auto *w = new QKeychain::WritePasswordJob(m_service, this);
        w->setTextData(op.token);
        job = w;
        break;
    }
    case Op::Kind::Load: job = new QKeychain::ReadPasswordJob(m_service, this); break;
    case Op::Kind::Remove: job = new QKeychain::DeletePasswordJob(m_service, this); break;
    }
    job->setKey(op.account);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this, op](QKeychain::Job *j) { finishKeychain(op, j); });
    job->start();
}

void TokenStore::keychainFailed(const QString &reason)
{
    m_backend = m_filePath.isEmpty() ? Backend::Memory : Backend::File;
    m_problem =
        m_filePath.isEmpty()
            ? tr("No keychain is available (%1). You stay signed in until you quit Confab; to stay signed "
                 "in after that, allow keeping the token in a file.")
                  .arg(reason)
            : tr("No keychain is available (%1). As you allowed, the token is kept in %2, readable only by you.")
                  .arg(reason, m_filePath);
    qCWarning(lcTokens) << "keychain unavailable:" << reason;
    Q_EMIT keychainUnavailable(m_problem);
}

void TokenStore::finishKeychain(const Op &op, QKeychain::Job *job)
{
    const QKeychain::Error error = job->error();
    const bool ok = error == QKeychain::NoError;
    const bool notFound = error == QKeychain::EntryNotFound;
    switch (op.kind) {
    case Op::Kind::Save:
        if (ok) {
            m_backend = Backend::Keychain;
            Q_EMIT saved(op.account, Backend::Keychain);
        } else {
            keychainFailed(job->errorString());
            const bool inFile = !m_filePath.isEmpty() && writeFile(op.account, op.token);
            Q_EMIT saved(op.account, inFile ? Backend::File : Backend::Memory);
        }
        break;
    case Op::Kind::Load: {
        QString token;
        if (ok) {
            m_backend = Backend::Keychain;
            token = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        } else if (!notFound) {
            keychainFailed(job->errorString());
        }
        if (token.isEmpty())
            token = m_memory.value(op.account);
        if (token.isEmpty() && !m_filePath.isEmpty())
            token = readFile(op.account);
        Q_EMIT loaded(op.account, token);
        break;
    }
    case Op::Kind::Remove:
        if (!ok && !notFound)
            keychainFailed(job->errorString());
        if (!m_filePath.isEmpty())
            removeFromFile(op.account);
        Q_EMIT removed(op.account);
        break;
    }
    finishOp();
}

// The file: {"account": "token", ...}, mode 0600, replaced atomically.

QString TokenStore::readFile(const QString &account) const
{
    QFile f(m_filePath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    try {
        const auto j = parseJsonDocument(f.readAll(), 4);
        const std::string key = account.toStdString();
        if (j.is_object() && j.contains(key) && j[key].is_string())
            return QString::fromStdString(j[key].get<std::string>());
    } catch (const std::exception &) {
    }
    return {};
}

bool TokenStore::writeFile(const QString &account, const QString &token)
{
    nlohmann::json j = nlohmann::json::object();
    QFile in(m_filePath);
    if (in.open(QIODevice::ReadOnly)) {
        try {
            j = parseJsonDocument(in.readAll(), 4);
        } catch (const std::exception &) {
        }
        if (!j.is_object())
            j = nlohmann::json::object();
    }
    if (token.isEmpty())
        j.erase(account.toStdString());
    else
        j[account.toStdString()] = token.toStdString();
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile out(m_filePath);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    // Owner-only before any byte of the token is written.
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(toJsonBytes(j));
    return out.commit();
}

void TokenStore::removeFromFile(const QString &account)
{
    if (QFile::exists(m_filePath))
        writeFile(account, {});
}

} // namespace confab::client
