// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpmessage.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QMutex>
#include <QPointer>

#include <deque>
#include <functional>
#include <memory>

class QThreadPool;

namespace confab::server {

// An upload's body on its way to disk: the network thread hands over each piece as it arrives,
// a pool thread writes it (and hashes it, SHA-256, for a new file), and a bounded queue between
// them makes the transport stop reading (TCP pushes back on the client) when the disk is behind.
// So memory stays flat whatever the size, and the network thread never waits for the disk.
//
// It starts not ready: the transport waits until open() (the caller was checked) or refuse().
class UploadSpool final : public BodySink, public std::enable_shared_from_this<UploadSpool> {
public:
    enum class Mode {
        NewFile, // a temp file, removed if the request does not complete
        Append,  // a resumable upload's file: bytes received before a failure stay
    };

    struct Outcome {
        bool ok = false;
        ApiError error;
        qint64 size = 0; // bytes in the file afterwards
        QString sha256;  // lower-case hex; NewFile only
    };

    // `home` lives on the network thread for as long as the pool runs; results come back on it.
    static std::shared_ptr<UploadSpool> create(QString path, Mode mode, QThreadPool &pool, QObject *home);
    ~UploadSpool() override;

    // Ready: take at most `limit` bytes. For Append, the file must hold exactly `expectedOffset`
    // bytes already (checked on the pool thread; a mismatch refuses with CONFLICT).
    // `overLimit` answers a body that goes past `limit`.
    void open(qint64 limit, ApiError overLimit, qint64 expectedOffset = 0);
    void refuse(ApiError error);

    bool write(const char *data, qsizetype size) override;
    bool backlogged() const override;
    void setResume(std::function<void()> resume) override;
    void abort() override;
    ApiError refusal() const override;

    // The body is complete: flush, close and report on `home`'s thread.
    void finish(std::function<void(Outcome)> done);

    const QString &path() const { return m_path; }
    qint64 received() const { return m_received; }
    // Append: the offset the upload reaches when this spool has taken all it may (its file size).
    qint64 endOffset() const { return m_openedAt + m_limit; }

    static constexpr qint64 kMaxQueuedBytes = 4 * 1024 * 1024;

private:
    UploadSpool(QString path, Mode mode, QThreadPool &pool, QObject *home);
    enum class State { Pending, Open, Refused, Done };

    void startTask(); // with m_mutex held
    void runTask();   // on the pool
    bool writeOne(const QByteArray &chunk);
    void complete(); // on the pool, once everything queued is written
    void post(std::function<void()> f);
    ApiError ioFailure() const; // with m_mutex held or on the pool thread

    const QString m_path;
    const Mode m_mode;
    QThreadPool &m_pool;
    QPointer<QObject> m_home;

    // Network thread only.
    State m_state = State::Pending;
    qint64 m_limit = 0;
    ApiError m_overLimit;
    qint64 m_received = 0;
    qint64 m_openedAt = 0;
    ApiError m_refusal;
    std::function<void()> m_resume;
    std::function<void(Outcome)> m_done;

    // Shared with the pool thread.
    mutable QMutex m_mutex;
    std::deque<QByteArray> m_queue;
    qint64 m_queued = 0;
    bool m_taskRunning = false;
    bool m_finishing = false;
    bool m_aborted = false;
    bool m_waitingForRoom = false; // the network thread saw us backlogged: wake it when drained
    qint64 m_expectedOffset = 0;

    // Pool thread only (one task at a time).
    QFile m_file;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    bool m_fileOpened = false;
    QString m_ioError; // guarded by m_mutex once set
    ErrorCode m_ioCode = ErrorCode::Internal;
    qint64 m_ioOffset = -1; // the file's real size when the expected offset did not match
};

} // namespace confab::server
