#include "fileinspector.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMimeDatabase>

namespace confab::server {

Inspection FileInspector::inspect(const QString &path, bool computeHash)
{
    Inspection r;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        r.error = file.errorString();
        return r;
    }
    r.size = file.size();
    // The content alone: mimeTypeForFile would fall back on the name, which the uploader chose.
    // QMimeDatabase reads only the first few KiB it needs for its magic rules.
    static const QMimeDatabase db; // thread-safe
    const QMimeType type = db.mimeTypeForData(&file);
    r.detectedMime = type.isValid() ? type.name() : QStringLiteral("application/octet-stream");
    if (computeHash) {
        file.seek(0);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!hash.addData(&file)) {
            r.error = file.errorString();
            return r;
        }
        r.sha256 = QString::fromLatin1(hash.result().toHex());
    }
    r.ok = true;
    return r;
}

bool FileInspector::isSafeInline(const QString &mime)
{
    // Not SVG: it is a document that can carry scripts.
    static const QStringList safe{QStringLiteral("image/png"), QStringLiteral("image/jpeg"), QStringLiteral("image/gif"),
                                  QStringLiteral("image/webp"), QStringLiteral("image/bmp")};
    return safe.contains(mime);
}

} // namespace confab::server
