#include "mediacache.h"

#include "client/net/apiclient.h"
#include "client/net/uploadclient.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QSaveFile>
#include <QTimer>

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

} // namespace confab::client
