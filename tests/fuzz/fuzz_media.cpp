// SPDX-License-Identifier: GPL-3.0-or-later
// The image pipeline of uploads (app/media), on the bytes of an uploaded file: the JPEG structure
// walk, thumbnail decoding (header checks, pixel budget, Qt's decoders) and the private metadata
// strip (Exiv2). They work on files, so each input is written to a scratch file first (in
// /dev/shm when there is one). The first byte picks the path.

#include "fuzzinput.h"

#include "media/imageprocessor.h"
#include "media/jpegstructure.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>
#include <memory>

using namespace confab;

namespace {

QString scratchDir()
{
    static const auto dir = [] {
        const QString base = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
        return std::make_unique<QTemporaryDir>(base + QStringLiteral("/confab-fuzz-media-XXXXXX"));
    }();
    return dir->path();
}

void ensureApplication()
{
    static int argc = 1;
    static char name[] = "fuzz_media";
    static char *argv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        new QCoreApplication(argc, argv); // image format plugins are found through it
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    ensureApplication();
    const QByteArray bytes = fuzz::bytes(data + 1, size - 1);
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    if (media::hasJpegSignature(buffer)) {
        buffer.seek(0);
        media::jpegIsComplete(buffer);
    }

    const QString source = scratchDir() + QStringLiteral("/upload");
    QFile file(source);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        std::abort();
    file.close();
    if (data[0] & 1) {
        QString error;
        if (!media::stripPrivateMetadata(source, &error) && error.isEmpty())
            std::abort(); // a refusal says why
    } else {
        const media::ImageFacts facts =
            media::makeThumbnail(source, scratchDir() + QStringLiteral("/thumbnail"), QSize(64, 64));
        if (!facts.isImage && facts.error.isEmpty())
            std::abort();
        if (facts.isImage &&
            (facts.width <= 0 || facts.height <= 0 || qint64(facts.width) * facts.height > media::kMaxImagePixels))
            std::abort();
    }
    return 0;
}
