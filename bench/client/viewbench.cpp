// SPDX-License-Identifier: GPL-3.0-or-later
// The widgets: MessageDelegate per row, and the real TimelineView scrolling and following.

#include "harness.h"
#include "scenarios.h"
#include "timelinebench.h"

#include "client/models/messagemodel.h"

#include "room/messagedelegate.h"
#include "room/timelineview.h"

#include <QApplication>
#include <QImage>
#include <QListView>
#include <QMessageBox> // TimelineView holds a QPointer<QMessageBox>
#include <QPainter>
#include <QRandomGenerator>
#include <QScrollBar>

#include <map>

namespace confab::bench {

using namespace confab::client;
using confab::ui::MessageDelegate;
using confab::ui::TimelineView;

void measureTimeline(MessageModel &model, LiveProbe &probe, ApiClient &sender, const TimelineOptions &o,
                     nlohmann::json &report)
{
    nlohmann::json &out = report["timeline"];
    TimelineView view;
    view.resize(o.width, o.height);
    view.show();
    QCoreApplication::processEvents();
    const MemoryMark before = MemoryMark::now();

    Stopwatch t;
    t.start();
    view.setMessageModel(&model);
    QCoreApplication::processEvents(); // the delayed item layout: every row's sizeHint()
    view.grab();
    const double attachMs = t.wallMs(), attachCpuMs = t.cpuMs();
    const MemoryMark after = MemoryMark::now();
    say(QStringLiteral("  TimelineView %1x%2 attached to %3 rows: first frame after %4 ms (CPU %5 ms); RSS +%6 MiB")
            .arg(o.width)
            .arg(o.height)
            .arg(model.rowCount())
            .arg(attachMs, 0, 'f', 1)
            .arg(attachCpuMs, 0, 'f', 1)
            .arg(double(after.rssKiB - before.rssKiB) / 1024.0, 0, 'f', 1));
    out["rows"] = model.rowCount();
    out["viewport"] = {o.width, o.height};
    out["attach_to_first_frame_ms"] = attachMs;
    out["attach_to_first_frame_cpu_ms"] = attachCpuMs;
    out["memory_attach"] = memoryDelta(before, after, 0);
    checkpoint(report);

    QScrollBar *bar = view.verticalScrollBar();
    out["scroll_range_px"] = bar->maximum();
    Samples wheel, wheelCpu;
    for (int i = 0; i < o.wheelFrames && bar->value() > 0; ++i) {
        QCoreApplication::processEvents(); // not timed: repaints already queued, page answers
        t.start();
        bar->setValue(bar->value() - 120);
        view.grab();
        wheel.add(t.wallMs());
        wheelCpu.add(t.cpuMs());
    }
    say(QStringLiteral("  scrolling up by 120 px per frame: %1; CPU %2").arg(wheel.summary(), wheelCpu.summary()));
    out["frame_wheel"] = wheel.toJson();
    // CONFAB_BENCH_SCREENSHOTS=DIR: what was measured, to look at (history rows, scrolled up).
    if (const QString dir = qEnvironmentVariable("CONFAB_BENCH_SCREENSHOTS"); !dir.isEmpty())
        view.grab().save(QStringLiteral("%1/timeline-%2-rows.png").arg(dir).arg(model.rowCount()));
    out["frame_wheel_cpu"] = wheelCpu.toJson();

    Samples jump, jumpCpu;
    QRandomGenerator random(42);
    for (int i = 0; i < o.jumpFrames && bar->maximum() > 0; ++i) {
        QCoreApplication::processEvents();
        const int to = int(random.bounded(bar->maximum() + 1));
        t.start();
        bar->setValue(to);
        view.grab();
        jump.add(t.wallMs());
        jumpCpu.add(t.cpuMs());
    }
    say(QStringLiteral("  jumping to random positions: %1; CPU %2").arg(jump.summary(), jumpCpu.summary()));
    out["frame_jump"] = jump.toJson();
    out["frame_jump_cpu"] = jumpCpu.toJson();
    checkpoint(report);

    // Back at the bottom, the view follows new messages.
    bar->setValue(bar->maximum());
    QCoreApplication::processEvents();
    probe.modelSlot = {};
    probe.endToEnd = {};
    probe.toFrame = {};
    probe.run(sender, o.liveMessages, &view, o.maxLiveMs);
    say(QStringLiteral("  live message with the view at the bottom: model slot %1; arrival to repainted frame %2")
            .arg(probe.modelSlot.summary(), probe.toFrame.summary()));
    out["live_with_view"] = {{"model_slot", probe.modelSlot.toJson()},
                             {"arrival_to_frame", probe.toFrame.toJson()},
                             {"following_bottom", view.isAtBottom()}};
    out["rss_kib"] = rssKiB();
    checkpoint(report);
    view.setMessageModel(nullptr);
}

namespace {

// Per-row timings, overall and by kind of row.
// Per-row timings (wall and CPU), overall and by kind of row.
struct RowTimes {
    Samples all, allCpu;
    std::map<std::string, Samples> byKind, byKindCpu;
    void add(const std::vector<std::string> &kinds, const Stopwatch &t)
    {
        const double wall = t.wallMs(), cpu = t.cpuMs();
        all.add(wall);
        allCpu.add(cpu);
        for (const std::string &k : kinds) {
            byKind[k].add(wall);
            byKindCpu[k].add(cpu);
        }
    }
    nlohmann::json toJson() const
    {
        nlohmann::json j = all.toJson();
        j["cpu"] = allCpu.toJson();
        for (const auto &[k, s] : byKind) {
            j["by_kind"][k] = s.toJson();
            j["by_kind"][k]["cpu"] = byKindCpu.at(k).toJson();
        }
        return j;
    }
    QString summary() const { return QStringLiteral("%1; CPU %2").arg(all.summary(), allCpu.summary()); }
};

std::vector<std::string> kindsOf(const QModelIndex &index)
{
    std::vector<std::string> kinds{str(contentKind(index.data(MessageModel::ContentRole).toString()))};
    if (!index.data(MessageModel::ReplyToRole).toString().isEmpty())
        kinds.emplace_back("reply");
    if (!index.data(MessageModel::ReactionsRole).toList().isEmpty())
        kinds.emplace_back("reactions");
    if (MessageDelegate::startsGroup(index))
        kinds.emplace_back("group_head");
    return kinds;
}

} // namespace

nlohmann::json runDelegateScenario(const BenchContext &ctx)
{
    ClientHarness client(ctx, QStringLiteral("delegate"));
    client.start();
    std::unique_ptr<MessageModel> model(client.engine().createMessageModel(ctx.historyRoom, nullptr));
    constexpr int kRows = 1000; // within the delegate's layout cache (1500 documents)
    model->setPageSize(100);
    model->setMaxRows(kRows + 200);
    readBack(*model, kRows + 200);
    const int rows = std::min(kRows, model->rowCount() - 200);

    // The host view gives the delegate its font and width; it shows no model itself.
    QListView host;
    host.resize(800, 600);
    host.show();
    QCoreApplication::processEvents();
    QStyleOptionViewItem option;
    option.initFrom(host.viewport());
    option.font = host.font();
    option.widget = &host;
    option.state |= QStyle::State_Enabled;
    QImage image(host.viewport()->width(), 2000, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);

    std::vector<std::vector<std::string>> kinds;
    for (int r = 0; r < rows; ++r)
        kinds.push_back(kindsOf(model->index(r + 200)));
    auto indexAt = [&](int r) { return model->index(r + 200); };

    // Glyph caches and fonts warm, as in a running client: paint the 200 rows before the measured ones.
    {
        MessageDelegate warmup(&host);
        for (int r = 0; r < 200; ++r) {
            option.rect = QRect(QPoint(0, 0), warmup.sizeHint(option, model->index(r)));
            warmup.paint(&painter, option, model->index(r));
        }
    }

    Stopwatch t;
    MessageDelegate sized(&host);
    RowTimes sizeCold, sizeWarm;
    std::vector<QSize> sizes;
    for (int r = 0; r < rows; ++r) {
        t.start();
        const QSize s = sized.sizeHint(option, indexAt(r));
        sizeCold.add(kinds[std::size_t(r)], t);
        sizes.push_back(s);
    }
    for (int r = 0; r < rows; ++r) {
        t.start();
        sized.sizeHint(option, indexAt(r));
        sizeWarm.add(kinds[std::size_t(r)], t);
    }

    MessageDelegate painted(&host);
    RowTimes paintCold, paintWarm;
    for (int pass = 0; pass < 2; ++pass) {
        for (int r = 0; r < rows; ++r) {
            option.rect = QRect(QPoint(0, 0), sizes[std::size_t(r)]);
            t.start();
            painted.paint(&painter, option, indexAt(r));
            (pass == 0 ? paintCold : paintWarm).add(kinds[std::size_t(r)], t);
        }
    }

    // A row scrolled into view for the first time: sizeHint() then paint() with nothing cached.
    MessageDelegate fresh(&host);
    RowTimes newRow;
    for (int r = 0; r < rows; ++r) {
        t.start();
        option.rect = QRect(QPoint(0, 0), fresh.sizeHint(option, indexAt(r)));
        fresh.paint(&painter, option, indexAt(r));
        newRow.add(kinds[std::size_t(r)], t);
    }
    painter.end();

    say(QStringLiteral("  sizeHint per row, cold: %1").arg(sizeCold.summary()));
    say(QStringLiteral("  sizeHint per row, warm: %1").arg(sizeWarm.summary()));
    say(QStringLiteral("  paint per row, cold:    %1").arg(paintCold.summary()));
    say(QStringLiteral("  paint per row, warm:    %1").arg(paintWarm.summary()));
    say(QStringLiteral("  new row (sizeHint + paint, nothing cached): %1").arg(newRow.summary()));
    for (const auto &[kind, s] : newRow.byKindCpu)
        say(QStringLiteral("    %1, CPU: %2").arg(QString::fromStdString(kind), s.summary()));
    return {{"rows", rows},
            {"viewport_width", host.viewport()->width()},
            {"size_hint_cold", sizeCold.toJson()},
            {"size_hint_warm", sizeWarm.toJson()},
            {"paint_cold", paintCold.toJson()},
            {"paint_warm", paintWarm.toJson()},
            {"new_row_size_hint_and_paint", newRow.toJson()}};
}

} // namespace confab::bench
