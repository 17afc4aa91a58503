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

Q_SIGNALS:
    void ready(const QString &fileId, confab::client::MediaCache::Kind kind, const QString &path);
    void saved(const QString &fileId, const QString &destination);
    void failed(const QString &fileId, confab::client::MediaCache::Kind kind, const QString &message);

private:
    struct Job {
        QString fileId;
        Kind kind = Kind::Thumbnail;
        QString destination;
        bool saveAs = false;
    };
    void pump();
    void run(const Job &job);
    static QString key(const QString &fileId, Kind kind) { return fileId + (kind == Kind::Thumbnail ? u'T' : u'O'); }

    UploadClient *m_net;
    QString m_folder;
    std::deque<Job> m_queue;
    QHash<QNetworkReply *, Job> m_running;
    QSet<QString> m_wanted; // keys queued or running
    static constexpr int kParallel = 4;
};

} // namespace confab::client
