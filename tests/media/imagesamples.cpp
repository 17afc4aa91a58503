// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagesamples.h"

#include <QColorSpace>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <QProcess>

#include <zlib.h>

namespace confab::testimages {
namespace {

QImage paintPhoto(QSize size, bool transparent)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    if (!transparent) {
        QLinearGradient sky(0, 0, 0, size.height());
        sky.setColorAt(0, QColor(40, 90, 200));
        sky.setColorAt(1, QColor(250, 180, 90));
        p.fillRect(image.rect(), sky);
        p.setBrush(QColor(30, 120, 60));
        p.drawEllipse(QRect(size.width() / 3, size.height() / 2, size.width() / 2, size.height() / 3));
        p.fillRect(QRect(0, 0, size.width() / 4, size.height() / 4), Qt::red);
    } else {
        p.fillRect(QRect(size.width() / 4, size.height() / 4, size.width() / 2, size.height() / 2), Qt::black);
    }
    return image;
}

void appendBigEndian(QByteArray &out, quint32 value)
{
    const char bytes[4] = {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
    out.append(bytes, 4);
}

void appendChunk(QByteArray &out, const char *type, const QByteArray &data)
{
    appendBigEndian(out, quint32(data.size()));
    const QByteArray typed = QByteArray(type, 4) + data;
    out += typed;
    appendBigEndian(out, quint32(crc32(0, reinterpret_cast<const Bytef *>(typed.constData()), uInt(typed.size()))));
}

// Deflates `rows` rows of `rowBytes` zero bytes, each after a filter byte of 0.
QByteArray deflateZeroRows(qint64 rows, qint64 rowBytes)
{
    z_stream z{};
    deflateInit(&z, Z_BEST_COMPRESSION);
    const QByteArray row(int(rowBytes + 1), '\0');
    QByteArray out;
    char buf[64 * 1024];
    for (qint64 r = 0; r < rows; ++r) {
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(row.constData()));
        z.avail_in = uInt(row.size());
        const int flush = r + 1 == rows ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = reinterpret_cast<Bytef *>(buf);
            z.avail_out = sizeof buf;
            deflate(&z, flush);
            out.append(buf, int(sizeof buf - z.avail_out));
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return out;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

void appendLittleEndian16(QByteArray &out, int value)
{
    out.append(char(value & 0xff));
    out.append(char((value >> 8) & 0xff));
}

// GIF image data without real compression: 8-bit codes for 7-bit pixels, a clear code before the
// code table would grow past 8 bits, so the decoder never changes the code width.
QByteArray uncompressedLzw(int pixelCount, int colourIndex)
{
    constexpr int kMinCodeSize = 7, kClear = 1 << kMinCodeSize, kEnd = kClear + 1;
    QByteArray codes;
    codes.append(char(kClear));
    for (int i = 0, run = 0; i < pixelCount; ++i, ++run) {
        if (run == kClear - 2) {
            codes.append(char(kClear));
            run = 0;
        }
        codes.append(char(colourIndex));
    }
    codes.append(char(kEnd));
    QByteArray out(1, char(kMinCodeSize));
    for (int i = 0; i < codes.size(); i += 255) {
        const QByteArray block = codes.mid(i, 255);
        out.append(char(block.size()));
        out += block;
    }
    out.append('\0');
    return out;
}

} // namespace

bool writePhotoJpeg(const QString &path, QSize size, bool icc)
{
    QImage image = paintPhoto(size, false).convertToFormat(QImage::Format_RGB32);
    if (icc)
        image.setColorSpace(QColorSpace(QColorSpace::DisplayP3));
    QImageWriter writer(path, "jpeg");
    writer.setQuality(90);
    return writer.write(image);
}

bool writePhotoPng(const QString &path, QSize size, bool transparent)
{
    return paintPhoto(size, transparent).save(path, "png");
}

bool writeZeroPng(const QString &path, QSize size, int channels)
{
    static const int kColourType[] = {0, 0, 4, 2, 6}; // grey, grey+alpha, RGB, RGBA by channel count
    QByteArray header;
    appendBigEndian(header, quint32(size.width()));
    appendBigEndian(header, quint32(size.height()));
    header.append(char(8));
    header.append(char(kColourType[channels]));
    header.append(QByteArray(3, '\0')); // deflate, adaptive filtering, no interlace
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    appendChunk(png, "IHDR", header);
    appendChunk(png, "IDAT", deflateZeroRows(size.height(), qint64(size.width()) * channels));
    appendChunk(png, "IEND", {});
    return writeFile(path, png);
}

bool writeAnimatedGif(const QString &path, QSize size, const QList<QColor> &frames)
{
    QByteArray gif("GIF89a");
    appendLittleEndian16(gif, size.width());
    appendLittleEndian16(gif, size.height());
    gif.append(char(0xF6)); // global colour table of 128 entries, 7 bits
    gif.append('\0');
    gif.append('\0');
    for (int i = 0; i < 128; ++i) {
        const QColor c = i < frames.size() ? frames[i] : QColor(Qt::black);
        gif.append(char(c.red()));
        gif.append(char(c.green()));
        gif.append(char(c.blue()));
    }
    gif.append(QByteArray("\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00", 19)); // loop forever
    for (int i = 0; i < frames.size(); ++i) {
        gif.append(QByteArray("\x21\xF9\x04\x00\x0A\x00\x00\x00", 8)); // 0.1 s per frame
        gif.append(char(0x2C));
        appendLittleEndian16(gif, 0);
        appendLittleEndian16(gif, 0);
        appendLittleEndian16(gif, size.width());
        appendLittleEndian16(gif, size.height());
        gif.append('\0');
        gif += uncompressedLzw(size.width() * size.height(), i);
    }
    gif.append(char(0x3B));
    return writeFile(path, gif);
}

QByteArray exiftool(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("exiftool"), arguments);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    return process.readAllStandardOutput();
}

} // namespace confab::testimages
