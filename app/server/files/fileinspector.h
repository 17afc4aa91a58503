// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace confab::server {

// What to do with an upload's bytes besides finding out what they are.
struct InspectOptions {
    bool computeHash = false; // resumable uploads are hashed at the end (a stripped JPEG always is)
    bool stripExif = true;    // JPEG: location and device data out (confab_media)
    QString thumbnailPath;    // images: write a JPEG thumbnail here (empty: none)
};

// What a stored file's bytes are, worked out from the bytes (never from the name or the
// uploader's Content-Type). Blocking: runs on the file pool, never on the network thread.
struct Inspection {
    bool ok = false;
    QString error;
    qint64 size = 0;
    QString detectedMime; // "application/octet-stream" when nothing matches
    QString sha256;       // when hashed (asked for, or the bytes changed)
    int width = 0;        // images that decoded, as displayed
    int height = 0;
    bool hasThumbnail = false;
};

class FileInspector {
public:
    static Inspection inspect(const QString &path, const InspectOptions &options);
    // Inline display is safe only for these (raster images browsers and Qt decode without scripts).
    static bool isSafeInline(const QString &mime);
};

} // namespace confab::server
