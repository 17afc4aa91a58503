// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <deque>

class QNetworkReply;
class QSaveFile;

namespace confab::client {

class ApiClient;
class UploadClient;

// Files of the server on this disk: thumbnails and originals of attachments, fetched once with the
// account's token into a cache folder keyed by fileId, so a timeline scrolled again or a restart
// reads them from disk. Downloads stream to disk in the chunks the network delivers (QSaveFile:
// a partial file never looks complete), at most kParallel at a time; the newest request goes
// first, since that is what the reader looks at now. Bytes only: decoding is the widgets' job.
// The folder is kept under a size limit: the files used longest ago go first (a hit refreshes a
// file's time), trimmed on a pool thread after downloads and at start.
class MediaCache : public QObject {
    Q_OBJECT
public:
    enum class Kind { Thumbnail, Original };
    Q_ENUM(Kind)

    MediaCache(ApiClient &api, const QString &folder, QObject *parent = nullptr);
    ~MediaCache() override;

    QString folder() const { return m_folder; }
    // Where the file is (or will be) on disk. An original keeps its name (for "Open" in another
    // program), in a folder of its own.
    QString pathOf(const QString &fileId, Kind kind, const QString &fileName = {}) const;
    bool has(const QString &fileId, Kind kind, const QString &fileName = {}) const;
    // Fetches unless it is on disk or on its way; ready() or failed() follows (queued when on disk).
    void fetch(const QString &fileId, Kind kind, const QString &fileName = {});
    // Downloads the original straight into `destination` (Save as…); saved() or failed().
    void saveAs(const QString &fileId, const QString &destination);
    int pendingCount() const { return int(m_queue.size() + m_running.size()); }
    // At most `bytes` on disk (0: no limit); trims at once if over.
    void setLimit(qint64 bytes);
    qint64 limit() const { return m_limit; }
    static constexpr qint64 kDefaultLimit = 1024LL * 1024 * 1024;

Q_SIGNALS:
    void ready(const QString &fileId, confab::client::MediaCache::Kind kind, const QString &path);
    void saved(const QString &fileId, const QString &destination);
    void failed(const QString &fileId, confab::client::MediaCache::Kind kind, const QString &message);
    // A trim finished: what the folder holds now, and how many files it removed.
    void trimmed(qint64 bytesOnDisk, int filesRemoved);

private:
    struct Job {
        QString fileId;
        Kind kind = Kind::Thumbnail;
        QString destination;
        bool saveAs = false;
    };
    void pump();
    void run(const Job &job);
    void trim();
    static void touch(const QString &path);
    static QString key(const QString &fileId, Kind kind) { return fileId + (kind == Kind::Thumbnail ? u'T' : u'O'); }

    UploadClient *m_net;
    QString m_folder;
    std::deque<Job> m_queue;
    QHash<QNetworkReply *, Job> m_running;
    QSet<QString> m_wanted; // keys queued or running
    qint64 m_limit = kDefaultLimit;
    bool m_trimming = false;
    bool m_trimAgain = false; // a download landed while a trim ran
    static constexpr int kParallel = 4;
};

} // namespace confab::client
