#pragma once

#include <QString>

namespace confab::server {

// What a stored file's bytes are, worked out from the bytes (never from the name or the
// uploader's Content-Type). Blocking: runs on the file pool, never on the network thread.
struct Inspection {
    bool ok = false;
    QString error;
    qint64 size = 0;
    QString detectedMime; // "application/octet-stream" when nothing matches
    QString sha256;       // when asked for (resumable uploads, hashed at the end)
};

class FileInspector {
public:
    static Inspection inspect(const QString &path, bool computeHash);
    // Inline display is safe only for these (raster images browsers and Qt decode without scripts).
    static bool isSafeInline(const QString &mime);
};

} // namespace confab::server
