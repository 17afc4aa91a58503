#include "demofilestore.h"

#include "media/imageprocessor.h"
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

// Thumbnail and displayed size for images, as the upload path makes them.
void addImageFacts(const BlobStore &blobs, FileDraft &draft)
{
    if (!draft.detectedMime.startsWith(QLatin1String("image/")))
        return;
    const QString thumbnail = blobs.newTempPath();
    const confab::media::ImageFacts facts = confab::media::makeThumbnail(draft.tempPath, thumbnail);
    draft.width = facts.width;
    draft.height = facts.height;
    if (facts.hasThumbnail)
        draft.thumbnailTempPath = thumbnail;
    else
        QFile::remove(thumbnail);
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
    const Inspection seen = FileInspector::inspect(draft.tempPath, true);
    if (!seen.ok) {
        QFile::remove(draft.tempPath);
        return storeFailed(seen.error);
    }
    draft.fileName = file.fileName;
    draft.size = seen.size;
    draft.declaredMime = file.mimeType;
    draft.detectedMime = seen.detectedMime;
    draft.sha256 = seen.sha256;
    addImageFacts(blobs, draft);
    return m_services.files.store(uploader, draft); // moves or removes the temp files
}

} // namespace confab::demo
