// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's generated files (issue 14, point 9): every picture, the PDF and the CSV are what
// they claim to be, by their bytes, under a plain QCoreApplication like `confab-server --demo`.

#include "demo/demomedia.h"
#include "demo/demopdf.h"
#include "media/imageprocessor.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace confab::demo::media;
using confab::demo::simpleTextPdf;

Q_DECLARE_METATYPE(confab::demo::media::DemoFileKind)

namespace {

QImage decode(const QByteArray &bytes, QByteArray *format)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    *format = reader.format();
    return reader.read();
}

// Distinct colours in a sample of the picture: a blank or nearly flat picture has a handful.
int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

// Every entry of the cross-reference table points at the object it names.
bool xrefPointsAtObjects(const QByteArray &pdf)
{
    const qsizetype start = pdf.lastIndexOf("startxref\n");
    const qsizetype xref = pdf.mid(start + 10).split('\n').first().toLongLong();
    const QList<QByteArray> rows = pdf.mid(xref).split('\n');
    if (rows.size() < 3 || rows[0] != "xref")
        return false;
    const int count = rows[1].split(' ').last().toInt();
    for (int i = 1; i < count; ++i) {
        const qsizetype offset = rows[2 + i].left(10).toLongLong();
        if (!pdf.mid(offset).startsWith(QByteArray(QByteArray::number(i) + " 0 obj")))
            return false;
    }
    return count > 1;
}

} // namespace

class TestDemoMedia : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void picturesAreImages_data();
    void picturesAreImages();
    void seedsMakeDifferentPictures();
    void pdfIsAWellFormedPdf();
    void pdfEscapesText();
    void csvIsText();
    void sharedPictureHasCaption();
};

void TestDemoMedia::picturesAreImages_data()
{
    QTest::addColumn<DemoFileKind>("kind");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QString>("mime");
    QTest::addColumn<QSize>("size");
    QTest::newRow("chart") << DemoFileKind::ActiveUsersChart << QByteArray("png") << QStringLiteral("image/png")
                           << QSize(1200, 750);
    QTest::newRow("sunset") << DemoFileKind::Sunset << QByteArray("jpeg") << QStringLiteral("image/jpeg")
                            << QSize(1600, 1000);
    QTest::newRow("whiteboard") << DemoFileKind::Whiteboard << QByteArray("png") << QStringLiteral("image/png")
                                << QSize(1400, 900);
}

void TestDemoMedia::picturesAreImages()
{
    QFETCH(DemoFileKind, kind);
    QFETCH(QByteArray, format);
    QFETCH(QString, mime);
    QFETCH(QSize, size);
    QVERIFY(!QCoreApplication::instance()->inherits("QGuiApplication")); // the headless path
    const GeneratedFile file = generate(kind);
    QCOMPARE(file.mimeType, mime);
    QCOMPARE(QMimeDatabase().mimeTypeForData(file.bytes).name(), mime);
    QVERIFY(
        file.fileName.endsWith(mime == QStringLiteral("image/png") ? QStringLiteral(".png") : QStringLiteral(".jpg")));
    QByteArray detected;
    const QImage image = decode(file.bytes, &detected);
    QCOMPARE(detected, format);
    QCOMPARE(image.size(), size);
    QVERIFY2(distinctColours(image) > 20, "the picture is (nearly) blank");
    QVERIFY(file.bytes.size() < 2 * 1024 * 1024); // a demo picture, not a payload

    // And the server's thumbnailer takes it.
    QTemporaryDir dir;
    const QString source = dir.filePath(file.fileName);
    QFile out(source);
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(file.bytes) == file.bytes.size());
    out.close();
    const confab::media::ImageFacts facts = confab::media::makeThumbnail(source, dir.filePath(QStringLiteral("t.jpg")));
    QVERIFY2(facts.hasThumbnail, qPrintable(facts.error));
    QCOMPARE(QSize(facts.width, facts.height), size);
}

void TestDemoMedia::seedsMakeDifferentPictures()
{
    QVERIFY(sunsetLandscape(1).bytes != sunsetLandscape(2).bytes);
    QVERIFY(activeUsersChart(1).bytes != activeUsersChart(2).bytes);
    QCOMPARE(activeUsersChart(5).bytes, activeUsersChart(5).bytes); // the seed decides
}

void TestDemoMedia::pdfIsAWellFormedPdf()
{
    const GeneratedFile file = planningNotesPdf();
    QCOMPARE(file.fileName, QStringLiteral("q3-planning-notes.pdf"));
    QCOMPARE(file.mimeType, QStringLiteral("application/pdf"));
    QCOMPARE(QMimeDatabase().mimeTypeForData(file.bytes).name(), QStringLiteral("application/pdf"));
    QVERIFY(file.bytes.startsWith("%PDF-1.4\n"));
    QVERIFY(file.bytes.endsWith("%%EOF\n"));
    QVERIFY(xrefPointsAtObjects(file.bytes));
    QVERIFY(file.bytes.contains("(Q3 planning notes) Tj"));
    QVERIFY(file.bytes.contains("/Title (Q3 planning notes)"));
    // The stream's declared length is its real length.
    const QRegularExpression length(QStringLiteral("/Length (\\d+) >>\nstream\n"));
    const QRegularExpressionMatch m = length.match(QString::fromLatin1(file.bytes));
    QVERIFY(m.hasMatch());
    const qsizetype begin = m.capturedEnd();
    QCOMPARE(file.bytes.indexOf("endstream", begin) - begin, m.captured(1).toLongLong());
}

void TestDemoMedia::pdfEscapesText()
{
    const QByteArray pdf = simpleTextPdf(QStringLiteral("a (b) c\\"), {QStringLiteral("• café – 日本")});
    QVERIFY(pdf.contains("(a \\(b\\) c\\\\) Tj"));
    QVERIFY(pdf.contains("(\\225 caf\\351 \\226 ?"
                         "?) Tj")); // WinAnsi bullet, e-acute, en dash; no CJK
    QVERIFY(xrefPointsAtObjects(pdf));
}

void TestDemoMedia::csvIsText()
{
    const GeneratedFile file = standupCsv();
    QCOMPARE(file.mimeType, QStringLiteral("text/csv"));
    QVERIFY(QMimeDatabase().mimeTypeForData(file.bytes).inherits(QStringLiteral("text/plain")));
    QCOMPARE(QMimeDatabase().mimeTypeForFileNameAndData(file.fileName, file.bytes).name(), QStringLiteral("text/csv"));
    const QList<QByteArray> rows = file.bytes.trimmed().split('\n');
    QVERIFY(rows.size() > 2);
    for (const QByteArray &row : rows)
        QCOMPARE(row.count(','), rows.first().count(','));
}

void TestDemoMedia::sharedPictureHasCaption()
{
    for (int i = 0; i < 3; ++i) {
        const SharedPicture shared = randomSharedPicture();
        QVERIFY(!shared.caption.isEmpty());
        QByteArray format;
        QVERIFY(!decode(shared.file.bytes, &format).isNull());
        QVERIFY(shared.file.mimeType.startsWith(QStringLiteral("image/")));
    }
}

QTEST_GUILESS_MAIN(TestDemoMedia)
#include "tst_demomedia.moc"
