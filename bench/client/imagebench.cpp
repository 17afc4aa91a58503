// SPDX-License-Identifier: GPL-3.0-or-later
// Client memory with 1,000 image messages in a room (issue 14): the same room with and without
// images, each in its own process. users[0] makes a room and posts N messages (with images: N
// distinct 1024x768 JPEGs, uploaded through the outbox as a user would), then the timeline shows
// all of them (setMaxRows(N)) in the real TimelineView with the real ThumbnailCache, is scrolled
// from top to bottom a viewport at a time, waiting at each step until the visible thumbnails are
// decoded, and RSS is taken at the end.

#include "harness.h"
#include "scenarios.h"

#include "client/models/mediacache.h"
#include "client/models/messagemodel.h"
#include "client/sync/outbox.h"
#include "room/messagedelegate.h"
#include "room/thumbnailcache.h"
#include "room/timelineview.h"

#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QMessageBox> // TimelineView holds a QPointer<QMessageBox>
#include <QPainter>
#include <QScrollBar>
#include <QTemporaryDir>

#include <stdexcept>

namespace confab::bench {

using namespace confab::client;

namespace {

QString makeRoom(ApiClient &api, const QString &name)
{
    QString roomId;
    bool done = false;
    QObject context;
    NewRoom room;
    room.name = name;
    api.createRoom(room, &context, [&](const ApiResult<Room> &r) {
        if (r.ok())
            roomId = r.value.roomId;
        done = true;
    });
    waitUntil([&] { return done; }, 30000);
    if (roomId.isEmpty())
        throw std::runtime_error("cannot create the room " + str(name));
    return roomId;
}

nlohmann::json runImageRoom(const BenchContext &ctx, bool withImages, int count)
{
    nlohmann::json out;
    ClientHarness client(ctx, withImages ? QStringLiteral("images") : QStringLiteral("noimages"));
    client.start();
    ChatEngine &engine = client.engine();
    const QString roomId = makeRoom(client.api(), withImages ? QStringLiteral("photos") : QStringLiteral("captions"));
    QTemporaryDir files;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < count; ++i) {
        const QString caption = QStringLiteral("picture %1").arg(i);
        if (!withImages) {
            engine.sendMessage(roomId, caption);
            continue;
        }
        QImage image(1024, 768, QImage::Format_RGB32);
        image.fill(QColor::fromHsv((i * 37) % 360, 160, 220));
        QPainter(&image).drawText(image.rect(), Qt::AlignCenter, caption);
        const QString path = files.filePath(QStringLiteral("p%1.jpg").arg(i));
        image.save(path, "JPEG", 85);
        OutgoingFile f = Outbox::describeFile(path);
        f.width = 1024;
        f.height = 768;
        engine.sendFiles(roomId, caption, {f});
    }
    if (!waitUntil([&] { return engine.outbox().count() == 0; }, 600000))
        throw std::runtime_error("the outbox did not empty");
    out["posting_s"] = double(t.elapsed()) / 1000.0;
    say(QStringLiteral("  %1 messages%2 posted in %3 s")
            .arg(count)
            .arg(withImages ? QStringLiteral(" with images") : QString())
            .arg(double(t.elapsed()) / 1000.0, 0, 'f', 1));
    // A fresh cache for the reading side: thumbnails come from the server, not from the uploads.
    QDir(engine.media().folder()).removeRecursively();

    const MemoryMark before = MemoryMark::now();
    MessageModel *model = engine.createMessageModel(roomId, nullptr);
    model->setMaxRows(count + 100);
    model->setPageSize(100);
    readBack(*model, count);
    ui::ThumbnailCache thumbnails;
    thumbnails.setMedia(&engine.media());
    ui::TimelineView view;
    view.messageDelegate()->setThumbnails(&thumbnails);
    view.resize(900, 700);
    view.show();
    view.setMessageModel(model);
    QCoreApplication::processEvents();
    QScrollBar *bar = view.verticalScrollBar();
    bar->setValue(0);
    int steps = 0;
    t.restart();
    for (;;) {
        view.grab(); // paints: asks for the visible thumbnails (downloaded, then decoded)
        waitUntil([&] { return engine.media().pendingCount() == 0 && thumbnails.pendingDecodes() == 0; }, 30000);
        view.grab();
        ++steps;
        if (bar->value() >= bar->maximum())
            break;
        bar->setValue(bar->value() + view.viewport()->height());
    }
    const MemoryMark after = MemoryMark::now();
    out["scroll_steps"] = steps;
    out["scroll_s"] = double(t.elapsed()) / 1000.0;
    out["rows"] = model->rowCount();
    out["rss_kib"] = rssKiB();
    out["memory_view"] = memoryDelta(before, after, model->rowCount());
    out["thumbnail_cache_bytes"] = thumbnails.bytes();
    say(QStringLiteral("  %1 rows scrolled in %2 steps: RSS %3 MiB, thumbnails held %4 MiB")
            .arg(model->rowCount())
            .arg(steps)
            .arg(double(rssKiB()) / 1024.0, 0, 'f', 1)
            .arg(double(thumbnails.bytes()) / 1048576.0, 0, 'f', 1));
    view.setMessageModel(nullptr);
    delete model;
    return out;
}

} // namespace

nlohmann::json runImagesScenario(const BenchContext &ctx) { return runImageRoom(ctx, true, 1000); }
nlohmann::json runNoImagesScenario(const BenchContext &ctx) { return runImageRoom(ctx, false, 1000); }

} // namespace confab::bench
