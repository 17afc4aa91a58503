// SPDX-License-Identifier: GPL-3.0-or-later
// confab_media: EXIF privacy and bounded thumbnails (issue 14, points 4 and 5), under a plain
// QCoreApplication like the headless server.
#include "imagesamples.h"
#include "media/imageprocessor.h"

#include <QColorSpace>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFutureSynchronizer>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace confab::media;
namespace samples = confab::testimages;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Every tag exiftool finds, keyed "Group:Tag" (-G1), numeric values (-n).
QJsonObject exifTags(const QString &path)
{
    const QByteArray json =
        samples::exiftool({QStringLiteral("-j"), QStringLiteral("-G1"), QStringLiteral("-n"), path});
    return QJsonDocument::fromJson(json).array().first().toObject();
}

// Keys naming one of `needles`, outside the ICC profile (whose header has a "DeviceModel" of its own).
QStringList keysMatching(const QJsonObject &tags, const QStringList &needles)
{
    QStringList found;
    for (const QString &key : tags.keys()) {
        if (key.startsWith(u"ICC"))
            continue;
        for (const QString &needle : needles) {
            if (key.contains(needle, Qt::CaseInsensitive))
                found << key;
        }
    }
    return found;
}

// The maker note tag (0x927c) in the EXIF, whatever its (here made-up) content.
bool hasMakerNotes(const QString &path)
{
    return samples::exiftool({QStringLiteral("-v2"), path}).contains("Tag 0x927c");
}

// Peak resident memory (VmHWM) in KiB; resetPeak() starts a new measurement from the current
// RSS (Linux 4.0+).
qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

bool resetPeak()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    return refs.open(QIODevice::WriteOnly) && refs.write("5") == 1;
}

bool isReddish(QRgb c) { return qRed(c) > 180 && qGreen(c) < 90 && qBlue(c) < 90; }

} // namespace

class TestMedia : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pluginsLoadWithoutGuiApplication();
    void stripRemovesLocationAndDeviceKeepsOrientationAndProfile();
    void stripLeavesOtherFormatsByteIdentical();
    void stripRemovesLocationFromPngAndWebp_data();
    void stripRemovesLocationFromPngAndWebp();
    void stripRemovesIptcPlace();
    void stripWithNothingPrivateLeavesFileUntouched();
    void thumbnailOfRotatedPhotoIsTurnedAndFitsTheBox();
    void thumbnailOfLargePngFitsTheBox();
    void hugePngIsRefusedByItsHeader();
    void decompressionBombIsRefusedWithBoundedMemory();
    void truncatedJpegIsNotAnImage();
    void corruptJpegIsNotAnImage();
    void randomBytesNamedPngAreNotAnImage();
    void animatedGifGivesFirstFrame();
    void transparentPngGetsWhiteBackground();
    void smallImageIsNotEnlarged();
    void parallelCallsAreSafe();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // The photo of the privacy tests: GPS, make/model, serials, owner, maker notes, XMP copies,
    // Orientation 6, an ICC profile.
    QString privatePhoto(const QString &name);

    QTemporaryDir m_dir;
};

void TestMedia::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!samples::exiftool({QStringLiteral("-ver")}).isEmpty(),
             "exiftool is needed (libimage-exiftool-perl, scripts/install-deps.sh)");
}

QString TestMedia::privatePhoto(const QString &name)
{
    const QString file = path(name);
    if (!samples::writePhotoJpeg(file, QSize(1200, 900), /*icc=*/true))
        return {};
    const QByteArray out = samples::exiftool({QStringLiteral("-overwrite_original"),
                                              QStringLiteral("-n"),
                                              QStringLiteral("-GPSLatitude=48.8584"),
                                              QStringLiteral("-GPSLatitudeRef=N"),
                                              QStringLiteral("-GPSLongitude=2.2945"),
                                              QStringLiteral("-GPSLongitudeRef=E"),
                                              QStringLiteral("-GPSAltitude=35"),
                                              QStringLiteral("-Make=Canon"),
                                              QStringLiteral("-Model=Canon EOS 5D"),
                                              QStringLiteral("-SerialNumber=0123456789"),
                                              QStringLiteral("-LensSerialNumber=LS-4242"),
                                              QStringLiteral("-OwnerName=Alice Example"),
                                              QStringLiteral("-MakerNotes=camera-specific secrets"),
                                              QStringLiteral("-XMP-exif:GPSLatitude=48.8584"),
                                              QStringLiteral("-XMP-exif:GPSLongitude=2.2945"),
                                              QStringLiteral("-XMP-tiff:Make=Canon"),
                                              QStringLiteral("-XMP-tiff:Model=Canon EOS 5D"),
                                              QStringLiteral("-XMP-aux:SerialNumber=0123456789"),
                                              QStringLiteral("-Orientation=6"),
                                              QStringLiteral("-Artist=kept on purpose"),
                                              file});
    return out.isEmpty() ? QString() : file;
}

void TestMedia::pluginsLoadWithoutGuiApplication()
{
    QVERIFY(!QCoreApplication::instance()->inherits("QGuiApplication"));
    const QList<QByteArray> formats = QImageReader::supportedImageFormats();
    for (const char *format : {"jpeg", "png", "gif", "webp"})
        QVERIFY2(formats.contains(format), format);
    // And they decode: a WebP round trip through the plugin.
    const QString webp = path(QStringLiteral("plugin.webp"));
    QImage image(64, 32, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QVERIFY(image.save(webp, "webp"));
    const ImageFacts facts = makeThumbnail(webp, path(QStringLiteral("plugin-thumb.jpg")));
    QVERIFY2(facts.isImage, qPrintable(facts.error));
    QCOMPARE(QSize(facts.width, facts.height), QSize(64, 32));
}

void TestMedia::stripRemovesLocationAndDeviceKeepsOrientationAndProfile()
{
    const QString file = privatePhoto(QStringLiteral("private.jpg"));
    QVERIFY(!file.isEmpty());
    const QJsonObject before = exifTags(file);
    // The sample really carries what must go, else the test proves nothing.
    QVERIFY(!keysMatching(before, {QStringLiteral("GPSLatitude")}).isEmpty());
    QVERIFY(before.contains(QStringLiteral("IFD0:Make")));
    QVERIFY(before.contains(QStringLiteral("ExifIFD:SerialNumber")));
    QVERIFY(before.contains(QStringLiteral("XMP-aux:SerialNumber")));
    QVERIFY(hasMakerNotes(file));

    QString error;
    QVERIFY2(stripPrivateMetadata(file, &error), qPrintable(error));

    const QJsonObject after = exifTags(file);
    const QStringList leftovers =
        keysMatching(after, {QStringLiteral("GPS"), QStringLiteral("Make"), QStringLiteral("Model"),
                             QStringLiteral("Serial"), QStringLiteral("OwnerName")});
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u", ")));
    QVERIFY(!hasMakerNotes(file));
    QCOMPARE(after.value(QStringLiteral("IFD0:Orientation")).toInt(), 6);
    QCOMPARE(after.value(QStringLiteral("IFD0:Artist")).toString(), QStringLiteral("kept on purpose"));
    QVERIFY2(after.contains(QStringLiteral("ICC-header:ProfileVersion")), "the ICC profile is gone");
    QImage decoded;
    QVERIFY(decoded.load(file));
    QCOMPARE(decoded.size(), QSize(1200, 900));
    QVERIFY(decoded.colorSpace().isValid());
}

void TestMedia::stripLeavesOtherFormatsByteIdentical()
{
    const QString bmp = path(QStringLiteral("strip.bmp"));
    QImage picture(200, 100, QImage::Format_RGB32);
    picture.fill(Qt::darkGreen);
    QVERIFY(picture.save(bmp, "bmp"));
    const QByteArray before = fileBytes(bmp);
    QString error;
    QVERIFY(!stripPrivateMetadata(bmp, &error));
    QCOMPARE(error, QStringLiteral("not a JPEG, PNG or WebP"));
    QCOMPARE(fileBytes(bmp), before);

    // Starts like a JPEG, then nonsense: nothing Exiv2 can strip, so the file stays as it was.
    const QString fake = path(QStringLiteral("fake.jpg"));
    const QByteArray fakeBytes = QByteArray("\xFF\xD8\xFF\xE1\x00\x10", 6) + QByteArray(300, '\x42');
    QVERIFY(writeBytes(fake, fakeBytes));
    stripPrivateMetadata(fake, &error);
    QCOMPARE(fileBytes(fake), fakeBytes);

    error.clear();
    QVERIFY(!stripPrivateMetadata(path(QStringLiteral("missing.jpg")), &error));
    QVERIFY(error.startsWith(QStringLiteral("cannot read")));
}

// PNG (eXIf chunk) and WebP (EXIF and XMP chunks) carry the same GPS and camera facts as JPEG.
// (PNG's own text chunks, "Author" and the like, are kept: they are what the author chose to write.)
void TestMedia::stripRemovesLocationFromPngAndWebp_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("png") << QStringLiteral("png");
    QTest::newRow("webp") << QStringLiteral("webp");
}

void TestMedia::stripRemovesLocationFromPngAndWebp()
{
    QFETCH(QString, format);
    const QString file = path(QStringLiteral("located.") + format);
    QImage picture(320, 200, QImage::Format_RGB32);
    picture.fill(QColor(30, 120, 200));
    QVERIFY(picture.save(file, format.toLatin1().constData()));
    QVERIFY(
        !samples::exiftool({QStringLiteral("-overwrite_original"), QStringLiteral("-n"),
                            QStringLiteral("-GPSLatitude=48.8584"), QStringLiteral("-GPSLatitudeRef=N"),
                            QStringLiteral("-GPSLongitude=2.2945"), QStringLiteral("-GPSLongitudeRef=E"),
                            QStringLiteral("-EXIF:Make=Canon"), QStringLiteral("-EXIF:SerialNumber=0123456789"),
                            QStringLiteral("-XMP-exif:GPSLatitude=48.8584"), QStringLiteral("-EXIF:Artist=kept"), file})
             .isEmpty());
    const QJsonObject before = exifTags(file);
    QVERIFY2(!keysMatching(before, {QStringLiteral("GPSLatitude")}).isEmpty(),
             qPrintable(QStringList(before.keys()).join(u", ")));

    QString error;
    QVERIFY2(stripPrivateMetadata(file, &error), qPrintable(error));

    const QJsonObject after = exifTags(file);
    const QStringList leftovers =
        keysMatching(after, {QStringLiteral("GPS"), QStringLiteral("Make"), QStringLiteral("Serial")});
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u", ")));
    QVERIFY2(!keysMatching(after, {QStringLiteral("Artist")}).isEmpty(), "what is not private stays");
    QImage decoded;
    QVERIFY(decoded.load(file));
    QCOMPARE(decoded.size(), QSize(320, 200));
}

// The place written by a photo manager (IPTC and its XMP copy), not only the GPS position.
void TestMedia::stripRemovesIptcPlace()
{
    const QString file = path(QStringLiteral("place.jpg"));
    QVERIFY(samples::writePhotoJpeg(file, QSize(300, 200)));
    QVERIFY(
        !samples::exiftool({QStringLiteral("-overwrite_original"), QStringLiteral("-IPTC:City=Paris"),
                            QStringLiteral("-IPTC:Country-PrimaryLocationName=France"),
                            QStringLiteral("-IPTC:Sub-location=Champ de Mars"),
                            QStringLiteral("-XMP-photoshop:City=Paris"), QStringLiteral("-IPTC:Keywords=tower"), file})
             .isEmpty());
    QVERIFY(!keysMatching(exifTags(file), {QStringLiteral("City")}).isEmpty());
    QString error;
    QVERIFY2(stripPrivateMetadata(file, &error), qPrintable(error));
    const QJsonObject after = exifTags(file);
    const QStringList leftovers =
        keysMatching(after, {QStringLiteral("City"), QStringLiteral("Country"), QStringLiteral("Sub-location")});
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u", ")));
    QVERIFY(!keysMatching(after, {QStringLiteral("Keywords")}).isEmpty());
}

void TestMedia::stripWithNothingPrivateLeavesFileUntouched()
{
    const QString file = path(QStringLiteral("plain.jpg"));
    QVERIFY(samples::writePhotoJpeg(file, QSize(300, 200)));
    const QByteArray before = fileBytes(file);
    QString error;
    QVERIFY2(stripPrivateMetadata(file, &error), qPrintable(error));
    QCOMPARE(fileBytes(file), before);
}

void TestMedia::thumbnailOfRotatedPhotoIsTurnedAndFitsTheBox()
{
    const QString file = privatePhoto(QStringLiteral("rotated.jpg"));
    QVERIFY(!file.isEmpty());
    const QString thumb = path(QStringLiteral("rotated-thumb.jpg"));
    const ImageFacts facts = makeThumbnail(file, thumb);
    QVERIFY2(facts.isImage, qPrintable(facts.error));
    QVERIFY(facts.hasThumbnail);
    QVERIFY(facts.error.isEmpty());
    QCOMPARE(QSize(facts.width, facts.height), QSize(900, 1200)); // stored 1200x900, Orientation 6
    QImageReader reader(thumb);
    QCOMPARE(reader.format(), QByteArray("jpeg"));
    const QImage image = reader.read();
    QCOMPARE(image.size(), QSize(360, 480));
    // Orientation 6 turns the picture 90 degrees clockwise: the red top-left corner goes top-right.
    QVERIFY(isReddish(image.pixel(image.width() - 20, 20)));
    QVERIFY(!isReddish(image.pixel(20, 20)));
    // Undistorted: the square (a quarter of each side) is 90 wide and 120 tall after the turn.
    QVERIFY(isReddish(image.pixel(image.width() - 80, 110)));
    QVERIFY(!isReddish(image.pixel(image.width() - 100, 20)));
    QVERIFY(!isReddish(image.pixel(image.width() - 20, 130)));
}

void TestMedia::thumbnailOfLargePngFitsTheBox()
{
    const QString file = path(QStringLiteral("wide.png"));
    QVERIFY(samples::writePhotoPng(file, QSize(4000, 1000)));
    const QString thumb = path(QStringLiteral("wide-thumb.jpg"));
    const ImageFacts facts = makeThumbnail(file, thumb, QSize(480, 480));
    QVERIFY2(facts.hasThumbnail, qPrintable(facts.error));
    QCOMPARE(QSize(facts.width, facts.height), QSize(4000, 1000));
    QCOMPARE(QImage(thumb).size(), QSize(480, 120));
}

void TestMedia::hugePngIsRefusedByItsHeader()
{
    const QString file = path(QStringLiteral("huge.png"));
    QVERIFY(samples::writeZeroPng(file, QSize(20000, 20000), 1));
    const QString thumb = path(QStringLiteral("huge-thumb.jpg"));
    const ImageFacts facts = makeThumbnail(file, thumb);
    QVERIFY(!facts.isImage);
    QVERIFY(!facts.hasThumbnail);
    // Only the header check knows the size: a decoder failure would not name it.
    QCOMPARE(facts.error, QStringLiteral("image too large: 20000x20000 pixels, limit 50 megapixels"));
    QVERIFY(!QFile::exists(thumb));
}

void TestMedia::decompressionBombIsRefusedWithBoundedMemory()
{
    // 12000x12000 RGBA: 576 MB of pixels in a file of well under 1 MB.
    const QString file = path(QStringLiteral("bomb.png"));
    QVERIFY(samples::writeZeroPng(file, QSize(12000, 12000), 4));
    QVERIFY(QFileInfo(file).size() < 1024 * 1024);
    QVERIFY(resetPeak());
    const qint64 before = peakRssKiB(); // right after the reset: the current RSS
    const ImageFacts facts = makeThumbnail(file, path(QStringLiteral("bomb-thumb.jpg")));
    const qint64 growthKiB = peakRssKiB() - before;
    QVERIFY(!facts.isImage);
    QVERIFY2(facts.error.contains(QStringLiteral("12000x12000")), qPrintable(facts.error));
    qInfo("peak RSS growth while refusing the bomb: %lld KiB", growthKiB);
    QVERIFY2(growthKiB < 100 * 1024, qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(growthKiB)));
}

void TestMedia::truncatedJpegIsNotAnImage()
{
    const QString file = path(QStringLiteral("truncated.jpg"));
    QVERIFY(samples::writePhotoJpeg(file, QSize(800, 600)));
    const QByteArray bytes = fileBytes(file);
    QVERIFY(writeBytes(file, bytes.left(bytes.size() * 6 / 10)));
    const ImageFacts facts = makeThumbnail(file, path(QStringLiteral("truncated-thumb.jpg")));
    QVERIFY(!facts.isImage);
    QVERIFY(!facts.hasThumbnail);
    QCOMPARE(facts.error, QStringLiteral("truncated or corrupt JPEG"));
}

void TestMedia::corruptJpegIsNotAnImage()
{
    const QString file = path(QStringLiteral("corrupt.jpg"));
    QVERIFY(samples::writePhotoJpeg(file, QSize(800, 600)));
    QByteArray bytes = fileBytes(file);
    // Keep the signature, scramble the headers (quantisation and Huffman tables, frame header).
    QRandomGenerator random(14);
    for (int i = 4; i < 600 && i < bytes.size(); ++i)
        bytes[i] = char(random.bounded(256));
    QVERIFY(writeBytes(file, bytes));
    const ImageFacts facts = makeThumbnail(file, path(QStringLiteral("corrupt-thumb.jpg")));
    QVERIFY(!facts.isImage);
    QVERIFY(!facts.hasThumbnail);
    QVERIFY(!facts.error.isEmpty());
}

void TestMedia::randomBytesNamedPngAreNotAnImage()
{
    const QString file = path(QStringLiteral("random.png"));
    QByteArray bytes(64 * 1024, '\0');
    QRandomGenerator random(7);
    for (char &b : bytes)
        b = char(random.bounded(256));
    QVERIFY(writeBytes(file, bytes));
    const ImageFacts facts = makeThumbnail(file, path(QStringLiteral("random-thumb.jpg")));
    QVERIFY(!facts.isImage);
    QCOMPARE(facts.error, QStringLiteral("not an image"));
}

void TestMedia::animatedGifGivesFirstFrame()
{
    const QString file = path(QStringLiteral("anim.gif"));
    QVERIFY(samples::writeAnimatedGif(file, QSize(64, 48), {Qt::red, Qt::blue, Qt::green}));
    QImageReader check(file);
    QCOMPARE(check.imageCount(), 3); // the sample is really animated
    const QString thumb = path(QStringLiteral("anim-thumb.jpg"));
    const ImageFacts facts = makeThumbnail(file, thumb);
    QVERIFY2(facts.hasThumbnail, qPrintable(facts.error));
    QCOMPARE(QSize(facts.width, facts.height), QSize(64, 48));
    QImageReader reader(thumb);
    QCOMPARE(reader.format(), QByteArray("jpeg"));
    const QImage image = reader.read();
    QCOMPARE(image.size(), QSize(64, 48));
    QVERIFY(isReddish(image.pixel(32, 24)));
}

void TestMedia::transparentPngGetsWhiteBackground()
{
    const QString file = path(QStringLiteral("alpha.png"));
    QVERIFY(samples::writePhotoPng(file, QSize(800, 800), /*transparent=*/true));
    const QString thumb = path(QStringLiteral("alpha-thumb.jpg"));
    const ImageFacts facts = makeThumbnail(file, thumb);
    QVERIFY2(facts.hasThumbnail, qPrintable(facts.error));
    const QImage image(thumb);
    QCOMPARE(image.size(), QSize(480, 480));
    const QRgb corner = image.pixel(10, 10);
    QVERIFY2(qRed(corner) > 240 && qGreen(corner) > 240 && qBlue(corner) > 240,
             qPrintable(QString::number(corner, 16)));
    QVERIFY(qGray(image.pixel(240, 240)) < 20); // the opaque black square stays black
}

void TestMedia::smallImageIsNotEnlarged()
{
    const QString file = path(QStringLiteral("small.png"));
    QVERIFY(samples::writePhotoPng(file, QSize(100, 60)));
    const QString thumb = path(QStringLiteral("small-thumb.jpg"));
    const ImageFacts facts = makeThumbnail(file, thumb);
    QVERIFY2(facts.hasThumbnail, qPrintable(facts.error));
    QCOMPARE(QImage(thumb).size(), QSize(100, 60));
}

void TestMedia::parallelCallsAreSafe()
{
    QStringList photos;
    for (int i = 0; i < 4; ++i) {
        photos << privatePhoto(QStringLiteral("parallel-%1.jpg").arg(i));
        QVERIFY(!photos.last().isEmpty());
    }
    QFutureSynchronizer<bool> sync;
    for (const QString &photo : photos) {
        sync.addFuture(QtConcurrent::run([photo] {
            QString error;
            const bool stripped = stripPrivateMetadata(photo, &error);
            return stripped && makeThumbnail(photo, photo + QStringLiteral(".thumb.jpg")).hasThumbnail;
        }));
    }
    sync.waitForFinished();
    for (const QFuture<bool> &future : sync.futures())
        QVERIFY(future.result());
    for (const QString &photo : photos)
        QVERIFY(keysMatching(exifTags(photo), {QStringLiteral("GPS")}).isEmpty());
}

QTEST_GUILESS_MAIN(TestMedia)
#include "tst_media.moc"
