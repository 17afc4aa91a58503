// SPDX-License-Identifier: GPL-3.0-or-later
#include "mediacache.h"

#include "client/net/apiclient.h"
#include "client/net/uploadclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <memory>

Q_LOGGING_CATEGORY(lcMedia, "confab.client.media")

namespace confab::client {

namespace {
// A fileId is the server's (letters, digits, '_' and '-'); anything else is not a path here.
QString safeSegment(const QString &s)
{
    QString out;
    for (const QChar c : s)
        out += (c.isLetterOrNumber() || c == u'_' || c == u'-') ? c : u'_';
    return out;
}

// A file name from another person, as a single harmless path segment.
QString safeFileName(const QString &name)
{
    QString out = QFileInfo(name).fileName();
    out.replace(u'/', u'_').replace(u'\\', u'_');
    if (out.isEmpty() || out == QLatin1String(".") || out == QLatin1String(".."))
        out = QStringLiteral("file");
    return out;
}
} // namespace

MediaCache::MediaCache(ApiClient &api, const QString &folder, QObject *parent)
    : QObject(parent), m_net(new UploadClient(api, this)), m_folder(folder)
{
    QDir().mkpath(m_folder + QStringLiteral("/thumbnails"));
    QDir().mkpath(m_folder + QStringLiteral("/files"));
    QTimer::singleShot(0, this, &MediaCache::trim);
}

MediaCache::~MediaCache()
{
    const auto replies = m_running.keys();
    m_running.clear();
    for (QNetworkReply *r : replies) {
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
}

QString MediaCache::pathOf(const QString &fileId, Kind kind, const QString &fileName) const
{
    if (kind == Kind::Thumbnail)
        return m_folder + QStringLiteral("/thumbnails/") + safeSegment(fileId) + QStringLiteral(".jpg");
    return m_folder + QStringLiteral("/files/") + safeSegment(fileId) + QLatin1Char('/') + safeFileName(fileName);
}

bool MediaCache::has(const QString &fileId, Kind kind, const QString &fileName) const
{
    return QFileInfo::exists(pathOf(fileId, kind, fileName));
}

void MediaCache::fetch(const QString &fileId, Kind kind, const QString &fileName)
{
    const QString path = pathOf(fileId, kind, fileName);
    if (QFileInfo::exists(path)) {
        touch(path);
        QTimer::singleShot(0, this, [this, fileId, kind, path] { Q_EMIT ready(fileId, kind, path); });
        return;
    }
    if (m_wanted.contains(key(fileId, kind)))
        return;
    m_wanted.insert(key(fileId, kind));
    m_queue.push_front(Job{fileId, kind, path, false});
    pump();
}

void MediaCache::saveAs(const QString &fileId, const QString &destination)
{
    m_queue.push_front(Job{fileId, Kind::Original, destination, true});
    pump();
}

void MediaCache::pump()
{
    while (!m_queue.empty() && m_running.size() < kParallel) {
        const Job job = m_queue.front();
        m_queue.pop_front();
        run(job);
    }
}

void MediaCache::run(const Job &job)
{
    QDir().mkpath(QFileInfo(job.destination).absolutePath());
    auto file = std::make_shared<QSaveFile>(job.destination);
    if (!file->open(QIODevice::WriteOnly)) {
        m_wanted.remove(key(job.fileId, job.kind));
        const QString message = tr("Cannot write %1: %2").arg(job.destination, file->errorString());
        QTimer::singleShot(0, this, [this, job, message] { Q_EMIT failed(job.fileId, job.kind, message); });
        return;
    }
    QUrl url = m_net->api().baseUrl();
    QString base = url.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + QStringLiteral("/v1/files/") + job.fileId +
                (job.kind == Kind::Thumbnail ? QStringLiteral("/thumbnail") : QString()));
    QNetworkRequest request(url);
    request.setTransferTimeout(30000);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("Authorization", "Bearer " + m_net->api().token().toUtf8());
    QNetworkReply *reply = m_net->network().get(request);
    m_running.insert(reply, job);
    // Written as it comes, a chunk at a time: never the whole file in memory.
    connect(reply, &QNetworkReply::readyRead, this, [reply, file] {
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
            file->write(reply->readAll());
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, file] {
        reply->deleteLater();
        if (!m_running.contains(reply))
            return;
        const Job job = m_running.take(reply);
        m_wanted.remove(key(job.fileId, job.kind));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            file->write(reply->readAll());
            if (reply->error() == QNetworkReply::NoError && file->commit()) {
                if (job.saveAs)
                    Q_EMIT saved(job.fileId, job.destination);
                else
                    Q_EMIT ready(job.fileId, job.kind, job.destination);
                if (!job.saveAs)
                    trim();
                pump();
                return;
            }
        }
        file->cancelWriting();
        const QString message = status == 404 ? tr("The server does not have this file (any more).")
                                              : tr("The file could not be downloaded: %1").arg(reply->errorString());
        qCInfo(lcMedia) << "download of" << job.fileId << "failed:" << status << reply->errorString();
        Q_EMIT failed(job.fileId, job.kind, message);
        pump();
    });
}

void MediaCache::setLimit(qint64 bytes)
{
    m_limit = std::max<qint64>(0, bytes);
    trim();
}

void MediaCache::touch(const QString &path)
{
    QFile f(path);
    if (f.open(QIODevice::ReadOnly))
        f.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
}

namespace {
struct CachedFile {
    QString path;
    qint64 size = 0;
    QDateTime used;
};

// On a pool thread: removes the files used longest ago until the folder holds at most `limit`
// bytes. The newest file stays whatever its size (it is what the reader just asked for), and so
// do files on their way (`busy`). Emptied per-file folders of originals go too.
std::pair<qint64, int> trimFolder(const QString &folder, qint64 limit, const QSet<QString> &busy)
{
    std::vector<CachedFile> files;
    qint64 total = 0;
    QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        files.push_back({info.filePath(), info.size(), info.lastModified()});
        total += info.size();
    }
    int removed = 0;
    if (limit <= 0 || total <= limit || files.size() < 2)
        return {total, removed};
    std::sort(files.begin(), files.end(), [](const CachedFile &a, const CachedFile &b) { return a.used < b.used; });
    files.pop_back(); // the newest
    for (const CachedFile &f : files) {
        if (total <= limit)
            break;
        if (busy.contains(f.path) || !QFile::remove(f.path))
            continue;
        total -= f.size;
        ++removed;
        const QString parent = QFileInfo(f.path).absolutePath();
        if (QFileInfo(parent).fileName() != QLatin1String("thumbnails"))
            QDir().rmdir(parent); // fails harmlessly while it still holds something
    }
    return {total, removed};
}
} // namespace

void MediaCache::trim()
{
    if (m_trimming) {
        m_trimAgain = true;
        return;
    }
    m_trimming = true;
    QSet<QString> busy;
    for (const Job &job : m_running)
        busy.insert(job.destination);
    QPointer<MediaCache> self(this);
    const QString folder = m_folder;
    const qint64 limit = m_limit;
    // Listing thousands of files is disk work: never on the event loop.
    QThreadPool::globalInstance()->start([self, folder, limit, busy] {
        const auto [bytes, removed] = trimFolder(folder, limit, busy);
        if (removed > 0)
            qCInfo(lcMedia) << "media cache trimmed:" << removed << "files removed," << bytes << "bytes kept";
        // Back on the application's thread, where `self` lives; it may be gone by then.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, bytes = bytes, removed = removed] {
                if (!self)
                    return;
                self->m_trimming = false;
                Q_EMIT self->trimmed(bytes, removed);
                if (std::exchange(self->m_trimAgain, false))
                    self->trim();
            },
            Qt::QueuedConnection);
    });
}

} // namespace confab::client
