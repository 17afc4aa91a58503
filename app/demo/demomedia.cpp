// SPDX-License-Identifier: GPL-3.0-or-later
#include "demomedia.h"

#include "demopdf.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <QRandomGenerator>

#include <algorithm>
#include <array>
#include <cmath>

namespace confab::demo::media {
namespace {

// Fonts need a QGuiApplication (QFontDatabase aborts the process without one).
bool canPaintText()
{
    const QCoreApplication *app = QCoreApplication::instance();
    return app && app->inherits("QGuiApplication");
}

QByteArray encode(const QImage &image, const char *format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    writer.write(image);
    return bytes;
}

// Twelve weeks of a growing community, with a dip in the holidays.
std::array<int, 12> weeklyActiveUsers(quint32 seed)
{
    QRandomGenerator random(seed + 12);
    std::array<int, 12> weeks{};
    double value = 180 + random.bounded(60);
    for (int &w : weeks) {
        value *= 1.04 + random.bounded(0.08);
        w = int(value);
    }
    weeks[7] = weeks[6] * 9 / 10;
    return weeks;
}

void paintChartAxes(QPainter &p, const QRect &plot, int maxValue)
{
    p.setPen(QPen(QColor(225, 228, 235), 1));
    for (int i = 0; i <= 4; ++i) {
        const int y = plot.bottom() - plot.height() * i / 4;
        p.drawLine(plot.left(), y, plot.right(), y);
        if (canPaintText()) {
            p.setPen(QColor(110, 115, 125));
            p.drawText(QRect(0, y - 12, plot.left() - 12, 24), Qt::AlignRight | Qt::AlignVCenter,
                       QString::number(maxValue * i / 4));
            p.setPen(QPen(QColor(225, 228, 235), 1));
        }
    }
}

QImage paintActiveUsersChart(quint32 seed)
{
    QImage image(1200, 750, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect plot(110, 120, 1030, 520);
    const auto weeks = weeklyActiveUsers(seed);
    const int maxValue = (*std::max_element(weeks.begin(), weeks.end()) / 100 + 1) * 100;
    paintChartAxes(p, plot, maxValue);
    const double slot = plot.width() / double(weeks.size());
    QPainterPath trend;
    for (size_t i = 0; i < weeks.size(); ++i) {
        const double h = plot.height() * weeks[i] / double(maxValue);
        const QRectF bar(plot.left() + slot * double(i) + slot * 0.18, plot.bottom() - h, slot * 0.64, h);
        p.fillRect(bar, i + 1 == weeks.size() ? QColor(37, 99, 235) : QColor(147, 180, 245));
        const QPointF top(bar.center().x(), bar.top());
        if (i == 0)
            trend.moveTo(top);
        else
            trend.lineTo(top);
        if (canPaintText()) {
            p.setPen(QColor(110, 115, 125));
            p.drawText(QRectF(bar.left() - 10, plot.bottom() + 8, bar.width() + 20, 24), Qt::AlignCenter,
                       QStringLiteral("W%1").arg(i + 1));
        }
    }
    p.setPen(QPen(QColor(234, 88, 12), 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(trend);
    if (canPaintText()) {
        QFont title = p.font();
        title.setPixelSize(34);
        title.setBold(true);
        p.setFont(title);
        p.setPen(QColor(30, 35, 45));
        p.drawText(QRect(plot.left(), 30, plot.width(), 50), Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("Weekly active users"));
    }
    return image;
}

// A mountain ridge as a polygon of random peaks along the horizon.
QPolygonF ridge(QRandomGenerator &random, QSize size, int baseY, int amplitude)
{
    QPolygonF points{QPointF(0, size.height())};
    for (int x = 0; x <= size.width(); x += 40 + random.bounded(80))
        points << QPointF(x, baseY - random.bounded(amplitude));
    points << QPointF(size.width(), baseY - random.bounded(amplitude)) << QPointF(size.width(), size.height());
    return points;
}

QImage paintSunset(quint32 seed)
{
    QRandomGenerator random(seed + 7);
    const QSize size(1600, 1000);
    const int horizon = 640;
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const int hueShift = random.bounded(30);
    QLinearGradient sky(0, 0, 0, horizon);
    sky.setColorAt(0, QColor::fromHsv(230 + hueShift, 170, 90));
    sky.setColorAt(0.55, QColor::fromHsv(330 + hueShift / 3, 150, 210));
    sky.setColorAt(1, QColor::fromHsv(30, 200, 255));
    p.fillRect(QRect(0, 0, size.width(), horizon), sky);
    const QPointF sun(500 + random.bounded(600), horizon - 170);
    QRadialGradient glow(sun, 420);
    glow.setColorAt(0, QColor(255, 236, 160, 230));
    glow.setColorAt(0.18, QColor(255, 190, 90, 160));
    glow.setColorAt(1, QColor(255, 120, 60, 0));
    p.fillRect(QRect(0, 0, size.width(), horizon), glow);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 240, 190));
    p.drawEllipse(sun, 70, 70);
    p.setBrush(QColor::fromHsv(260, 90, 95));
    p.drawPolygon(ridge(random, size, horizon - 40, 160));
    p.setBrush(QColor::fromHsv(250, 110, 55));
    p.drawPolygon(ridge(random, size, horizon + 5, 90));
    // The lake: the sky mirrored and darkened, with glints of the sun.
    QLinearGradient water(0, horizon, 0, size.height());
    water.setColorAt(0, QColor::fromHsv(20, 170, 200));
    water.setColorAt(1, QColor::fromHsv(235, 160, 60));
    p.fillRect(QRect(0, horizon, size.width(), size.height() - horizon), water);
    for (int y = horizon + 10; y < size.height(); y += 14 + random.bounded(10)) {
        const double spread = 30 + (y - horizon) * 0.5;
        p.setBrush(QColor(255, 220, 150, 70 + random.bounded(90)));
        p.drawRoundedRect(QRectF(sun.x() - spread / 2 + random.bounded(40) - 20, y, spread, 3), 1.5, 1.5);
    }
    return image;
}

void stickyNote(QPainter &p, QPointF at, double angle, const QColor &colour, const QString &text)
{
    p.save();
    p.translate(at);
    p.rotate(angle);
    p.fillRect(QRectF(4, 6, 170, 150), QColor(0, 0, 0, 40));
    p.fillRect(QRectF(0, 0, 170, 150), colour);
    if (canPaintText()) {
        p.setPen(QColor(60, 50, 20));
        p.drawText(QRectF(12, 12, 146, 126), Qt::AlignLeft | Qt::TextWordWrap, text);
    } else {
        p.setPen(QPen(QColor(60, 50, 20, 150), 3, Qt::SolidLine, Qt::RoundCap));
        for (int line = 0; line < 4; ++line)
            p.drawLine(QPointF(14, 28 + line * 28), QPointF(150 - (line % 2) * 40, 28 + line * 28));
    }
    p.restore();
}

void markerBox(QPainter &p, const QRectF &box, const QColor &ink, const QString &label)
{
    p.setPen(QPen(ink, 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(box, 18, 18);
    if (canPaintText())
        p.drawText(box, Qt::AlignCenter, label);
}

void markerArrow(QPainter &p, QPointF from, QPointF to, const QColor &ink)
{
    p.setPen(QPen(ink, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawLine(from, to);
    const QLineF back(to, from);
    for (const double turn : {25.0, -25.0}) {
        QLineF head = back;
        head.setLength(22);
        head.setAngle(back.angle() + turn);
        p.drawLine(head);
    }
}

QImage paintWhiteboard(quint32 seed)
{
    QRandomGenerator random(seed + 3);
    QImage image(1400, 900, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient board(0, 0, 1400, 900);
    board.setColorAt(0, QColor(250, 250, 246));
    board.setColorAt(1, QColor(232, 234, 230));
    p.fillRect(image.rect(), board);
    if (canPaintText()) {
        QFont marker = p.font();
        marker.setPixelSize(30);
        marker.setBold(true);
        p.setFont(marker);
    }
    const QColor blue(30, 80, 200), red(200, 40, 40), green(20, 130, 70);
    markerBox(p, QRectF(90, 120, 300, 150), blue, QStringLiteral("Desktop client"));
    markerBox(p, QRectF(560, 120, 300, 150), red, QStringLiteral("Server"));
    markerBox(p, QRectF(560, 520, 300, 150), green, QStringLiteral("Storage"));
    markerBox(p, QRectF(1010, 120, 300, 150), blue, QStringLiteral("Thumbnails"));
    markerArrow(p, QPointF(400, 195), QPointF(550, 195), blue);
    markerArrow(p, QPointF(710, 280), QPointF(710, 510), red);
    markerArrow(p, QPointF(870, 195), QPointF(1000, 195), red);
    if (canPaintText()) {
        QFont note = p.font();
        note.setPixelSize(20);
        note.setBold(false);
        p.setFont(note);
    }
    stickyNote(p, QPointF(120, 420), -4 + random.bounded(8), QColor(255, 235, 120),
               QStringLiteral("Uploads resume after a dropped connection"));
    stickyNote(p, QPointF(1050, 430), -5 + random.bounded(10), QColor(255, 190, 210),
               QStringLiteral("Strip GPS from photos!"));
    stickyNote(p, QPointF(1000, 640), -3 + random.bounded(6), QColor(180, 230, 255),
               QStringLiteral("Bench: thumbnails per second"));
    return image;
}

} // namespace

GeneratedFile avatarPicture(quint32 seed)
{
    QRandomGenerator rng(seed * 7919u + 1u);
    constexpr int kSide = 256;
    QImage img(kSide, kSide, QImage::Format_RGB32);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    const int hue = int(rng.bounded(360));
    QLinearGradient sky(0, 0, kSide, kSide);
    sky.setColorAt(0, QColor::fromHsl(hue, 150, 170));
    sky.setColorAt(1, QColor::fromHsl((hue + 40) % 360, 150, 110));
    p.fillRect(img.rect(), sky);
    // Shoulders, then a head with a simple face; skin and hair vary with the seed.
    const QColor skin = QColor::fromHsl(20 + int(rng.bounded(20)), 110, 90 + int(rng.bounded(110)));
    const QColor hair = QColor::fromHsl(int(rng.bounded(40)), 90, 30 + int(rng.bounded(90)));
    const QColor shirt = QColor::fromHsl((hue + 180) % 360, 140, 90);
    p.setPen(Qt::NoPen);
    p.setBrush(shirt);
    p.drawEllipse(QRectF(38, 170, 180, 150));
    p.setBrush(hair);
    p.drawEllipse(QRectF(72, 44, 112, 112));
    p.setBrush(skin);
    p.drawEllipse(QRectF(80, 62, 96, 104));
    p.setBrush(QColor(40, 40, 50));
    p.drawEllipse(QRectF(104, 100, 10, 12));
    p.drawEllipse(QRectF(142, 100, 10, 12));
    p.setPen(QPen(QColor(120, 50, 50), 4, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    p.drawArc(QRectF(110, 112, 36, 28), 200 * 16, 140 * 16);
    p.end();
    return {QStringLiteral("avatar.png"), QStringLiteral("image/png"), encode(img, "png")};
}

GeneratedFile activeUsersChart(quint32 seed)
{
    return {QStringLiteral("weekly-active-users.png"), QStringLiteral("image/png"),
            encode(paintActiveUsersChart(seed), "png")};
}

GeneratedFile sunsetLandscape(quint32 seed)
{
    return {seed ? QStringLiteral("sunset-%1.jpg").arg(seed) : QStringLiteral("sunset-at-the-lake.jpg"),
            QStringLiteral("image/jpeg"), encode(paintSunset(seed), "jpeg", 88)};
}

GeneratedFile whiteboardSketch(quint32 seed)
{
    return {QStringLiteral("whiteboard-sketch.png"), QStringLiteral("image/png"), encode(paintWhiteboard(seed), "png")};
}

GeneratedFile planningNotesPdf()
{
    const QStringList lines{
        QStringLiteral("Goals"),
        QStringLiteral("• Ship 0.2 with files and media: upload, thumbnails, attachments"),
        QStringLiteral("• Resumable uploads for anything over 8 MiB"),
        QStringLiteral("• Strip GPS and camera serials from photos by default"),
        QString(),
        QStringLiteral("Owners"),
        QStringLiteral("• Server file store – Grace"),
        QStringLiteral("• Desktop client: attach, paste, drag and drop – Ada"),
        QStringLiteral("• Benchmarks and release notes – Margaret"),
        QString(),
        QStringLiteral("Dates"),
        QStringLiteral("• Feature freeze: Friday of week 6"),
        QStringLiteral("• Release candidate: week 8, release: week 9"),
    };
    return {QStringLiteral("q3-planning-notes.pdf"), QStringLiteral("application/pdf"),
            simpleTextPdf(QStringLiteral("Q3 planning notes"), lines)};
}

GeneratedFile standupCsv()
{
    const QByteArray csv = "date,who,yesterday,today,blocked\n"
                           "2026-11-30,Ada,attach button and Ctrl+U,drag and drop,no\n"
                           "2026-11-30,Grace,content-addressed file store,range requests,no\n"
                           "2026-11-30,Linus,outbox with attachments,client restart test,waiting for uploads API\n"
                           "2026-11-30,Margaret,thumbnail bench,release notes draft,no\n";
    return {QStringLiteral("standup.csv"), QStringLiteral("text/csv"), csv};
}

GeneratedFile generate(DemoFileKind kind, quint32 seed)
{
    switch (kind) {
    case DemoFileKind::ActiveUsersChart: return activeUsersChart(seed);
    case DemoFileKind::Sunset: return sunsetLandscape(seed);
    case DemoFileKind::Whiteboard: return whiteboardSketch(seed);
    case DemoFileKind::PlanningNotesPdf: return planningNotesPdf();
    case DemoFileKind::StandupCsv: return standupCsv();
    }
    return {};
}

SharedPicture randomSharedPicture()
{
    const quint32 seed = 1 + QRandomGenerator::global()->bounded(100000u);
    switch (QRandomGenerator::global()->bounded(3)) {
    case 0: return {sunsetLandscape(seed), QStringLiteral("The view from the balcony tonight 🌅")};
    case 1: return {activeUsersChart(seed), QStringLiteral("Fresh numbers from the dashboard 📈")};
    default: return {whiteboardSketch(seed), QStringLiteral("Photo of the whiteboard from the sync meeting")};
    }
}

} // namespace confab::demo::media
