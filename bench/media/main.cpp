// SPDX-License-Identifier: GPL-3.0-or-later
// confab-bench-thumbnails: thumbnails per second (issue 14, point 11). Generates photo-like
// JPEGs and PNGs (4000x3000 by default), then runs confab::media::makeThumbnail over all of them
// on 1 and 2 threads, and prints images/s and the process's peak RSS for each run.
//
//   confab-bench-thumbnails [--jpegs 50] [--pngs 50] [--size 4000x3000] [--threads 1,2]
//                           [--out part.json] [--dir DIR]
#include "media/imageprocessor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLinearGradient>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <sys/resource.h>

#include <atomic>
#include <cstdio>

namespace {

// A landscape that differs per seed: sky gradient, hills, scattered shapes (so the encoders
// and decoders see photo-like, not flat, data).
QImage paintScene(QSize size, quint32 seed)
{
    QRandomGenerator random(seed);
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, size.height());
    sky.setColorAt(0, QColor::fromHsv(random.bounded(360), 160, 220));
    sky.setColorAt(1, QColor::fromHsv(random.bounded(360), 120, 250));
    p.fillRect(image.rect(), sky);
    for (int i = 0; i < 60; ++i) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor::fromHsv(random.bounded(360), 50 + random.bounded(200), 40 + random.bounded(215), 160));
        const int w = size.width() / 20 + random.bounded(size.width() / 4);
        p.drawEllipse(random.bounded(size.width()), random.bounded(size.height()), w, w * 2 / 3);
    }
    return image;
}

QStringList generate(const QString &dir, const char *format, int count, QSize size)
{
    QStringList files;
    for (int i = 0; i < count; ++i) {
        const QString file = QStringLiteral("%1/%2-%3.%2").arg(dir, QString::fromLatin1(format)).arg(i);
        QImageWriter writer(file, format);
        if (qstrcmp(format, "jpeg") == 0)
            writer.setQuality(90);
        if (!writer.write(paintScene(size, quint32(i) * 7919u + 1)))
            qFatal("cannot write %s: %s", qPrintable(file), qPrintable(writer.errorString()));
        files << file;
    }
    return files;
}

qint64 readStatusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Starts a new peak-RSS measurement (Linux 4.0+).
void resetPeakRss()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

// CPU time of the whole process (all threads), in seconds: images per CPU-second is the figure
// that holds when other programs share the machine.
double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Run {
    QString format;
    int threads = 0;
    int images = 0;
    int failed = 0;
    double seconds = 0;
    double cpuSeconds = 0;
    qint64 peakRssKiB = 0;
    double imagesPerSecond() const { return seconds > 0 ? images / seconds : 0; }
    double imagesPerCpuSecond() const { return cpuSeconds > 0 ? images / cpuSeconds : 0; }
};

Run thumbnailAll(const QString &format, const QStringList &files, int threads)
{
    QThreadPool pool;
    pool.setMaxThreadCount(threads);
    std::atomic<int> failed{0};
    resetPeakRss();
    const double cpuBefore = processCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    QtConcurrent::blockingMap(&pool, files, [&failed](const QString &file) {
        if (!confab::media::makeThumbnail(file, file + QStringLiteral(".thumb.jpg")).hasThumbnail)
            ++failed;
    });
    Run run;
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.cpuSeconds = processCpuSeconds() - cpuBefore;
    run.format = format;
    run.threads = threads;
    run.images = int(files.size());
    run.failed = failed;
    run.peakRssKiB = readStatusKiB("VmHWM:");
    return run;
}

QSize parseSize(const QString &text)
{
    const QStringList parts = text.split(u'x');
    return parts.size() == 2 ? QSize(parts[0].toInt(), parts[1].toInt()) : QSize();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Thumbnails per second with confab_media"));
    cli.addHelpOption();
    cli.addOptions({
        {QStringLiteral("jpegs"), QStringLiteral("JPEGs to generate."), QStringLiteral("n"), QStringLiteral("50")},
        {QStringLiteral("pngs"), QStringLiteral("PNGs to generate."), QStringLiteral("n"), QStringLiteral("50")},
        {QStringLiteral("size"), QStringLiteral("Image size."), QStringLiteral("WxH"), QStringLiteral("4000x3000")},
        {QStringLiteral("threads"), QStringLiteral("Thread counts to run."), QStringLiteral("list"),
         QStringLiteral("1,2")},
        {QStringLiteral("out"), QStringLiteral("Write the result as JSON here (bench/run.sh part)."),
         QStringLiteral("file")},
        {QStringLiteral("dir"), QStringLiteral("Folder for the images (default: a temporary one)."),
         QStringLiteral("dir")},
    });
    cli.process(app);
    const QSize size = parseSize(cli.value(QStringLiteral("size")));
    if (size.isEmpty())
        qFatal("--size takes WxH");

    QTemporaryDir temp;
    const QString dir = cli.isSet(QStringLiteral("dir")) ? cli.value(QStringLiteral("dir")) : temp.path();
    QDir().mkpath(dir);
    QElapsedTimer timer;
    timer.start();
    const QStringList jpegs = generate(dir, "jpeg", cli.value(QStringLiteral("jpegs")).toInt(), size);
    const QStringList pngs = generate(dir, "png", cli.value(QStringLiteral("pngs")).toInt(), size);
    std::printf("   generated %lld JPEGs and %lld PNGs of %dx%d in %.1f s\n", qlonglong(jpegs.size()),
                qlonglong(pngs.size()), size.width(), size.height(), double(timer.elapsed()) / 1000);

    QJsonArray runs;
    std::printf("   %-6s %8s %8s %10s %12s %8s %14s\n", "format", "threads", "images", "images/s", "images/cpu-s",
                "failed", "peak RSS MiB");
    for (const QString &t : cli.value(QStringLiteral("threads")).split(u',')) {
        for (const auto &[format, files] :
             {std::pair{QStringLiteral("jpeg"), jpegs}, std::pair{QStringLiteral("png"), pngs}}) {
            if (files.isEmpty())
                continue;
            const Run run = thumbnailAll(format, files, t.toInt());
            std::printf("   %-6s %8d %8d %10.1f %12.1f %8d %14.1f\n", qPrintable(run.format), run.threads, run.images,
                        run.imagesPerSecond(), run.imagesPerCpuSecond(), run.failed, double(run.peakRssKiB) / 1024);
            runs.append(QJsonObject{{QStringLiteral("format"), run.format},
                                    {QStringLiteral("threads"), run.threads},
                                    {QStringLiteral("images"), run.images},
                                    {QStringLiteral("failed"), run.failed},
                                    {QStringLiteral("seconds"), run.seconds},
                                    {QStringLiteral("images_per_s"), run.imagesPerSecond()},
                                    {QStringLiteral("cpu_seconds"), run.cpuSeconds},
                                    {QStringLiteral("images_per_cpu_s"), run.imagesPerCpuSecond()},
                                    {QStringLiteral("peak_rss_mib"), double(run.peakRssKiB) / 1024}});
            if (run.failed)
                std::fprintf(stderr, "   %d %s thumbnails failed\n", run.failed, qPrintable(run.format));
        }
    }
    if (cli.isSet(QStringLiteral("out"))) {
        const QJsonObject part{{QStringLiteral("label"), QStringLiteral("thumbnails")},
                               {QStringLiteral("kind"), QStringLiteral("thumbnails")},
                               {QStringLiteral("width"), size.width()},
                               {QStringLiteral("height"), size.height()},
                               {QStringLiteral("runs"), runs}};
        QFile out(cli.value(QStringLiteral("out")));
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(part).toJson()) < 0)
            qFatal("cannot write %s", qPrintable(out.fileName()));
    }
    return 0;
}
