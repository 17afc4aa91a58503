// SPDX-License-Identifier: GPL-3.0-or-later
#include "fileinspector.h"

#include "media/imageprocessor.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLoggingCategory>
#include <QMimeDatabase>

namespace confab::server {

namespace {
Q_LOGGING_CATEGORY(lcInspect, "confab.files")

QString detectType(QFile &file)
{
    // The content alone: mimeTypeForFile would fall back on the name, which the uploader chose.
    // QMimeDatabase reads only the first few KiB it needs for its magic rules.
    static const QMimeDatabase db; // thread-safe
    const QMimeType type = db.mimeTypeForData(&file);
    return type.isValid() ? type.name() : QStringLiteral("application/octet-stream");
}
} // namespace

Inspection FileInspector::inspect(const QString &path, const InspectOptions &options)
{
    Inspection r;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        r.error = file.errorString();
        return r;
    }
    r.detectedMime = detectType(file);
    file.close();

    bool changed = false;
    const bool strippable = r.detectedMime == QLatin1String("image/jpeg") ||
                            r.detectedMime == QLatin1String("image/png") ||
                            r.detectedMime == QLatin1String("image/webp");
    if (options.stripExif && strippable) {
        QString why;
        if (media::stripPrivateMetadata(path, &why))
            changed = true; // maybe: hashing again is cheaper than finding out
        else
            qCInfo(lcInspect) << "image kept as uploaded:" << why;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        r.error = file.errorString();
        return r;
    }
    r.size = file.size();
    if (options.computeHash || changed) {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!hash.addData(&file)) {
            r.error = file.errorString();
            return r;
        }
        r.sha256 = QString::fromLatin1(hash.result().toHex());
    }
    file.close();

    if (r.detectedMime.startsWith(QLatin1String("image/")) && !options.thumbnailPath.isEmpty()) {
        // Pixel budget checked on the header before decoding; a corrupt image is just a file.
        const media::ImageFacts facts = media::makeThumbnail(path, options.thumbnailPath);
        if (facts.isImage) {
            r.width = facts.width;
            r.height = facts.height;
        } else {
            qCInfo(lcInspect) << "no thumbnail:" << facts.error;
        }
        r.hasThumbnail = facts.hasThumbnail;
        if (!facts.hasThumbnail)
            QFile::remove(options.thumbnailPath);
    }
    r.ok = true;
    return r;
}

bool FileInspector::isSafeInline(const QString &mime)
{
    // Not SVG: it is a document that can carry scripts.
    static const QStringList safe{QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
                                  QStringLiteral("image/gif"), QStringLiteral("image/webp")};
    return safe.contains(mime);
}

} // namespace confab::server
