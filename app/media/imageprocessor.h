// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSize>
#include <QString>

// Image work for the file store: EXIF privacy and thumbnails. Qt Gui is used for QImage and its
// readers/writers only, so this runs under a plain QCoreApplication (the headless server).
namespace confab::media {

// Images with more pixels than this (as the header declares them) are refused before any
// decoding: a 20000x20000 PNG or a decompression bomb never reaches the decoder.
inline constexpr qint64 kMaxImagePixels = 50'000'000;
// Exiv2 rewrites an image in memory, so larger ones are not rewritten (stripPrivateMetadata
// returns false and says so).
inline constexpr qint64 kMaxStripBytes = 128ll * 1024 * 1024;

struct ImageFacts {
    bool isImage = false;      // decoded successfully
    int width = 0, height = 0; // as displayed (after EXIF orientation)
    bool hasThumbnail = false; // thumbnailPath written (JPEG)
    QString error;             // why not, in words ("image too large: 20000x20000 pixels, limit 50 megapixels")
};

// Both functions are thread-safe and blocking: call them from a worker thread, never the network
// thread. No set-up call is needed: Exiv2 is initialised on first use (std::call_once, with a lock
// for its XMP toolkit) and its log output is muted.

// Strips GPS, camera make/model/serials, maker notes, the embedded EXIF preview (it may show the
// uncropped original), the IPTC/XMP place (city, country) and the XMP copies of all these from a
// JPEG, PNG or WebP file in place (temp file + rename), keeping Orientation and the ICC profile.
// Another format, unreadable or over kMaxStripBytes: returns false, sets *error, file untouched.
// An image with nothing to strip is left untouched and returns true.
bool stripPrivateMetadata(const QString &path, QString *error);

// Reads the header first and refuses images over the pixel budget before decoding (bombs, 20000x20000);
// decodes at reduced size where the format allows, applies EXIF orientation, takes a GIF's first frame,
// and writes a JPEG thumbnail fitting `box` to thumbnailPath (transparency on white). Never throws;
// corrupt or truncated data gives isImage=false.
ImageFacts makeThumbnail(const QString &sourcePath, const QString &thumbnailPath, QSize box = QSize(480, 480));

} // namespace confab::media
