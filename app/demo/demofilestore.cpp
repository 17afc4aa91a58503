// SPDX-License-Identifier: GPL-3.0-or-later
#include "demofilestore.h"

#include "server/files/blobstore.h"
#include "server/files/fileinspector.h"

#include <QFile>

namespace confab::demo {

using namespace confab::server;

namespace {

ApiError storeFailed(const QString &why)
{
    return apiError(ErrorCode::Internal, QStringLiteral("cannot store a demo file: %1").arg(why));
}

} // namespace

bool DemoFileStore::enabled() const { return !m_services.context.settings.filesRoot.isEmpty(); }

Result<FileRecord> DemoFileStore::store(const Caller &uploader, const media::GeneratedFile &file)
{
    const BlobStore blobs(m_services.context.settings.filesRoot);
    FileDraft draft;
    draft.tempPath = blobs.newTempPath();
    QFile out(draft.tempPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(file.bytes) != file.bytes.size()) {
        QFile::remove(draft.tempPath);
        return storeFailed(out.errorString());
    }
    out.close();
    // The upload path's own inspection: type from the bytes, hash, EXIF, thumbnail and size.
    InspectOptions options;
    options.computeHash = true;
    options.thumbnailPath = blobs.newTempPath();
    const Inspection seen = FileInspector::inspect(draft.tempPath, options);
    if (!seen.ok) {
        QFile::remove(draft.tempPath);
        QFile::remove(options.thumbnailPath);
        return storeFailed(seen.error);
    }
    draft.fileName = file.fileName;
    draft.size = seen.size;
    draft.declaredMime = file.mimeType;
    draft.detectedMime = seen.detectedMime;
    draft.sha256 = seen.sha256;
    draft.width = seen.width;
    draft.height = seen.height;
    if (seen.hasThumbnail)
        draft.thumbnailTempPath = options.thumbnailPath;
    else
        QFile::remove(options.thumbnailPath);
    return m_services.files.store(uploader, draft); // moves or removes the temp files
}

} // namespace confab::demo
