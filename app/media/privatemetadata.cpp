// SPDX-License-Identifier: GPL-3.0-or-later
// stripPrivateMetadata: GPS, place and device data out of JPEG, PNG and WebP originals (issue 14, point 5).
#include "media/exiv2setup.h"
#include "media/imageprocessor.h"

#include <QFile>
#include <QSaveFile>

#include <exiv2/exiv2.hpp>
#include <exiv2/webpimage.hpp> // not in exiv2.hpp (0.27)

#include <algorithm>
#include <array>
#include <string>

namespace confab::media {
namespace {

// Device data: who made the camera, which one it is, who owns it.
constexpr std::array kPrivateExifKeys{
    "Exif.Image.Make",
    "Exif.Image.Model",
    "Exif.Image.CameraSerialNumber",
    "Exif.Image.GPSTag",
    "Exif.Photo.BodySerialNumber",
    "Exif.Photo.LensSerialNumber",
    "Exif.Photo.CameraOwnerName",
    "Exif.Photo.ImageUniqueID",
    "Exif.Photo.MakerNote",
};

// The XMP copies of the same facts (exif:GPS* are matched by prefix).
constexpr std::array kPrivateXmpPrefixes{
    "Xmp.exif.GPS",
    "Xmp.tiff.Make",
    "Xmp.tiff.Model",
    "Xmp.exifEX.BodySerialNumber",
    "Xmp.exifEX.LensSerialNumber",
    "Xmp.exifEX.CameraOwnerName",
    "Xmp.aux.SerialNumber",
    "Xmp.aux.LensSerialNumber",
    "Xmp.aux.OwnerName",
    "Xmp.exif.ImageUniqueID",
    // Where it was taken, written by hand or by a photo manager.
    "Xmp.photoshop.City",
    "Xmp.photoshop.State",
    "Xmp.photoshop.Country",
    "Xmp.iptc.Location",
    "Xmp.iptc.CountryCode",
    "Xmp.iptcExt.LocationCreated",
    "Xmp.iptcExt.LocationShown",
};

// IPTC's place of the photo (JPEG; PNG carries IPTC rarely).
constexpr std::array kPrivateIptcKeys{
    "Iptc.Application2.City",        "Iptc.Application2.SubLocation", "Iptc.Application2.ProvinceState",
    "Iptc.Application2.CountryCode", "Iptc.Application2.CountryName",
};

bool isPrivateExif(const Exiv2::Exifdatum &datum)
{
    const std::string group = datum.groupName();
    if (group == "GPSInfo" || group == "MakerNote" || Exiv2::ExifTags::isMakerGroup(group))
        return true;
    const std::string key = datum.key();
    return std::find(kPrivateExifKeys.begin(), kPrivateExifKeys.end(), key) != kPrivateExifKeys.end();
}

bool isPrivateXmp(const Exiv2::Xmpdatum &datum)
{
    const std::string key = datum.key();
    return std::any_of(kPrivateXmpPrefixes.begin(), kPrivateXmpPrefixes.end(),
                       [&](const char *prefix) { return key.rfind(prefix, 0) == 0; });
}

bool isPrivateIptc(const Exiv2::Iptcdatum &datum)
{
    const std::string key = datum.key();
    return std::find(kPrivateIptcKeys.begin(), kPrivateIptcKeys.end(), key) != kPrivateIptcKeys.end();
}

// Erases what matches; returns how many entries went.
template<typename Data, typename Predicate> int eraseIf(Data &data, Predicate isPrivate)
{
    int erased = 0;
    for (auto it = data.begin(); it != data.end();) {
        if (isPrivate(*it)) {
            it = data.erase(it);
            ++erased;
        } else {
            ++it;
        }
    }
    return erased;
}

int erasePrivateMetadata(Exiv2::Image &image)
{
    Exiv2::ExifData &exif = image.exifData();
    int erased = 0;
    // The EXIF preview is a small copy of the photo as first taken: it can show what was cropped.
    if (exif.findKey(Exiv2::ExifKey("Exif.Thumbnail.JPEGInterchangeFormat")) != exif.end()) {
        Exiv2::ExifThumb(exif).erase();
        ++erased;
    }
    erased += eraseIf(exif, isPrivateExif);
    const int xmpErased = eraseIf(image.xmpData(), isPrivateXmp);
    // Exiv2 0.27 re-encodes XMP only when some is left: with none, WebP would get its old packet back.
    if (xmpErased > 0 && image.xmpData().empty())
        image.clearXmpPacket();
    erased += xmpErased;
    erased += eraseIf(image.iptcData(), isPrivateIptc);
    return erased;
}

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

const QString kNotStrippable = QStringLiteral("not a JPEG, PNG or WebP");

// The formats whose metadata Exiv2 rewrites, by their first bytes.
bool hasStrippableSignature(QIODevice &in)
{
    const QByteArray head = in.peek(12);
    return head.startsWith("\xFF\xD8\xFF") || head.startsWith("\x89PNG\r\n\x1A\n") ||
           (head.startsWith("RIFF") && head.mid(8, 4) == "WEBP");
}

bool strippableType(int type)
{
    return type == Exiv2::ImageType::jpeg || type == Exiv2::ImageType::png || type == Exiv2::ImageType::webp;
}

// Reads an image whole (Exiv2 rewrites in memory), refusing other formats and what is too large.
bool readStrippable(const QString &path, QByteArray *bytes, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    if (!hasStrippableSignature(file))
        return fail(error, kNotStrippable);
    if (file.size() > kMaxStripBytes)
        return fail(error, QStringLiteral("image too large to rewrite: %1 MiB, limit %2 MiB")
                               .arg(file.size() >> 20)
                               .arg(kMaxStripBytes >> 20));
    *bytes = file.readAll();
    if (bytes->size() != file.size())
        return fail(error, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return true;
}

// Temp file in the same folder, then rename: a reader never sees half a file.
bool replaceFile(const QString &path, const Exiv2::byte *data, long size, QString *error)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(reinterpret_cast<const char *>(data), size) != size ||
        !out.commit())
        return fail(error, QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
    return true;
}

// Strips in memory and writes the result back; false (file untouched) on any error.
bool stripBytes(const QString &path, const QByteArray &bytes, QString *error)
{
    auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte *>(bytes.constData()),
                                           static_cast<long>(bytes.size()));
    if (!image.get() || !strippableType(image->imageType()))
        return fail(error, kNotStrippable);
    image->readMetadata();
    if (erasePrivateMetadata(*image) == 0)
        return true;
    image->writeMetadata();
    Exiv2::BasicIo &io = image->io();
    io.seek(0, Exiv2::BasicIo::beg);
    const long size = static_cast<long>(io.size());
    const Exiv2::DataBuf out = io.read(size);
    if (out.size_ != size)
        return fail(error, QStringLiteral("cannot rewrite the image"));
    return replaceFile(path, out.pData_, out.size_, error);
}

} // namespace

bool stripPrivateMetadata(const QString &path, QString *error)
{
    ensureExiv2Ready();
    QByteArray bytes;
    if (!readStrippable(path, &bytes, error))
        return false;
    try {
        return stripBytes(path, bytes, error);
    } catch (const Exiv2::AnyError &e) {
        return fail(error, QStringLiteral("unreadable image metadata: %1").arg(QString::fromStdString(e.what())));
    } catch (const std::exception &e) {
        return fail(error, QStringLiteral("cannot rewrite the image: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace confab::media
