// SPDX-License-Identifier: GPL-3.0-or-later
// makeThumbnail: bounded decoding of uploaded images into JPEG thumbnails (issue 14, point 4).
#include "media/imageprocessor.h"
#include "media/jpegstructure.h"

#include <QByteArrayList>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>

namespace confab::media {
namespace {

// Formats the server decodes. Others (TIFF, SVG, ICO...) are stored as plain files: fewer
// decoders facing untrusted bytes.
const QByteArrayList kDecodedFormats{"jpeg", "png", "gif", "webp", "bmp"};
constexpr int kThumbnailQuality = 85;

ImageFacts refused(const QString &why)
{
    ImageFacts facts;
    facts.error = why;
    return facts;
}

QString tooLarge(QSize size)
{
    return QStringLiteral("image too large: %1x%2 pixels, limit %3 megapixels")
        .arg(size.width())
        .arg(size.height())
        .arg(kMaxImagePixels / 1'000'000);
}

// The thumbnail's size: the displayed size fitted into the box, never enlarged.
QSize fitted(QSize displayed, QSize box)
{
    if (displayed.width() <= box.width() && displayed.height() <= box.height())
        return displayed;
    return displayed.scaled(box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

// What to ask the decoder for (stored orientation): twice the thumbnail, so the final smooth scale
// has detail to work with, while JPEG's DCT scaling and PNG's row-wise scaling keep memory small.
QSize decodeSize(QSize stored, QSize thumbnail, bool rotated)
{
    const QSize wanted = (rotated ? thumbnail.transposed() : thumbnail) * 2;
    if (wanted.width() >= stored.width() || wanted.height() >= stored.height())
        return stored;
    return stored.scaled(wanted, Qt::KeepAspectRatioByExpanding);
}

// JPEG has no alpha: transparent parts go on white rather than black.
QImage opaque(const QImage &image)
{
    if (!image.hasAlphaChannel())
        return image.convertToFormat(QImage::Format_RGB32);
    QImage out(image.size(), QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter painter(&out);
    painter.drawImage(0, 0, image);
    return out;
}

bool writeJpeg(const QImage &image, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the thumbnail: %1").arg(file.errorString());
        return false;
    }
    QImageWriter writer(&file, "jpeg");
    writer.setQuality(kThumbnailQuality);
    if (!writer.write(image) || !file.commit()) {
        *error = QStringLiteral("cannot write the thumbnail: %1").arg(writer.errorString());
        return false;
    }
    return true;
}

// libjpeg decodes a truncated JPEG as a success (grey below the cut): look for the end marker.
bool truncatedJpeg(const QString &path)
{
    QFile file(path);
    return !file.open(QIODevice::ReadOnly) || !jpegIsComplete(file);
}

} // namespace

ImageFacts makeThumbnail(const QString &sourcePath, const QString &thumbnailPath, QSize box)
{
    QFile file(sourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return refused(QStringLiteral("cannot read the file: %1").arg(file.errorString()));
    QImageReader reader(&file);
    reader.setDecideFormatFromContent(true); // stored names say nothing
    reader.setAutoTransform(true);
    const QByteArray format = reader.format();
    if (!kDecodedFormats.contains(format))
        return refused(format.isEmpty()
                           ? QStringLiteral("not an image")
                           : QStringLiteral("unsupported image format: %1").arg(QString::fromLatin1(format)));
    // The header only: nothing is decoded before the size is known to be acceptable.
    const QSize stored = reader.size();
    if (!stored.isValid() || stored.isEmpty())
        return refused(QStringLiteral("not a readable %1 image").arg(QString::fromLatin1(format)));
    if (qint64(stored.width()) * stored.height() > kMaxImagePixels)
        return refused(tooLarge(stored));
    if (format == "jpeg" && truncatedJpeg(sourcePath))
        return refused(QStringLiteral("truncated or corrupt JPEG"));

    const bool rotated = reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
    const QSize displayed = rotated ? stored.transposed() : stored;
    const QSize thumbnailSize = fitted(displayed, box.expandedTo(QSize(1, 1)));
    reader.setScaledSize(decodeSize(stored, thumbnailSize, rotated));
    QImage image; // a GIF's (or animated WebP's) first frame
    if (!reader.read(&image))
        return refused(
            QStringLiteral("cannot decode the %1 image: %2").arg(QString::fromLatin1(format), reader.errorString()));

    ImageFacts facts;
    facts.isImage = true;
    facts.width = displayed.width();
    facts.height = displayed.height();
    if (image.size() != thumbnailSize)
        image = image.scaled(thumbnailSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    facts.hasThumbnail = writeJpeg(opaque(image), thumbnailPath, &facts.error);
    return facts;
}

} // namespace confab::media
