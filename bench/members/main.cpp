// SPDX-License-Identifier: GPL-3.0-or-later
// confab-bench-members: the member panel of a room with 5,000 members (issue 15, point 7). Starts
// a real confab-server, puts 5,000 people in a room straight in its database, then measures in
// the desktop client's own widgets (offscreen unless a display is set):
//   open    time from opening the panel to its first page painted
//   page    each further page: from the request (the view reaching the end) to its rows painted
//   scroll  End pressed again and again until every member is loaded, and the longest stall of
//           the event loop meanwhile (a 5 ms timer's largest gap)
//   search  from the search text to its answer shown
//   paint   one full repaint of the list with every member loaded
// Prints one line per figure and a JSON summary. Not a test: nothing here passes or fails.
//
//   confab-bench-members [--members N]

#include "benchdata.h"
#include "benchserver.h"
#include "memberseeder.h"

#include "client/models/membermodel.h"
#include "client/net/apiclient.h"
#include "client/sync/chatengine.h"
#include "members/memberpanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace confab;

namespace {

double median(std::vector<qint64> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? double(v[v.size() / 2]) : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2.0;
}

int fail(const QString &why)
{
    std::fprintf(stderr, "confab-bench-members: %s\n", qPrintable(why));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser args;
    args.addHelpOption();
    QCommandLineOption membersOption(QStringLiteral("members"), QStringLiteral("People in the room (default 5000)."),
                                     QStringLiteral("N"), QStringLiteral("5000"));
    args.addOption(membersOption);
    args.process(app);
    const int crowd = std::max(1, args.value(membersOption).toInt());

    QTemporaryDir dir;
    bench::BenchServer server(QStringLiteral(CONFAB_BENCH_SERVER_BIN), dir.filePath(QStringLiteral("server")));
    if (!server.start())
        return fail(server.errorString());
    bench::BenchContext ctx;
    try {
        ctx = bench::setUpOverApi(server.url(), 0);
    } catch (const std::exception &e) {
        return fail(QString::fromUtf8(e.what()));
    }
    server.stop();
    if (!test::seedRoomMembers(server.databasePath(), ctx.historyRoom, crowd))
        return fail(QStringLiteral("seeding the members failed"));
    if (!server.start())
        return fail(server.errorString());

    const bench::BenchUser &me = ctx.users.front();
    client::ApiClient api;
    api.setBaseUrl(server.url());
    api.setToken(me.token);
    client::ChatEngine engine(api, client::ChatEngine::Config{server.url(), me.token, me.user,
                                                              dir.filePath(QStringLiteral("client.sqlite"))});
    if (!engine.start())
        return fail(QStringLiteral("the client engine did not start"));

    ui::MemberPanel panel;
    panel.resize(280, 720);
    panel.show();
    (void)QTest::qWaitForWindowExposed(&panel);
    QListView *list = panel.list();
    const auto painted = [&] {
        list->viewport()->repaint();
        QCoreApplication::processEvents();
    };

    // Open: the model made, the first page asked for, answered and painted.
    QElapsedTimer t;
    t.start();
    client::MemberModel *model = engine.createMemberModel(ctx.historyRoom, &panel);
    panel.setMemberModel(model);
    QSignalSpy loaded(model, &client::MemberModel::loaded);
    model->load();
    if (!loaded.wait(30000))
        return fail(QStringLiteral("the first page never came"));
    painted();
    const qint64 openMs = t.elapsed();
    const int total = model->total();

    // Scroll through everything by keyboard, timing each page and the event loop's stalls.
    list->setFocus();
    list->setCurrentIndex(model->index(0));
    qint64 longestStall = 0;
    QElapsedTimer sinceTick;
    sinceTick.start();
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] { longestStall = std::max(longestStall, sinceTick.restart()); });
    ticker.start();
    std::vector<qint64> pages;
    QSignalSpy pageLoaded(model, &client::MemberModel::pageLoaded);
    t.restart();
    while (model->hasMore() && t.elapsed() < 300000) {
        QElapsedTimer page;
        page.start();
        pageLoaded.clear();
        QTest::keyClick(list, Qt::Key_End);
        if (!pageLoaded.wait(30000))
            return fail(QStringLiteral("a page never came (%1 rows loaded)").arg(model->rowCount()));
        painted();
        pages.push_back(page.elapsed());
    }
    const qint64 scrollMs = t.elapsed();
    const int loadedRows = model->rowCount();
    ticker.stop();

    // One full repaint at the end, then at the top.
    t.restart();
    painted();
    QTest::keyClick(list, Qt::Key_Home);
    painted();
    const qint64 paintMs = t.elapsed();

    // A search for one person far down the list.
    t.restart();
    loaded.clear();
    model->setSearch(QStringLiteral("crowd%1").arg(crowd - 1, 5, 10, QLatin1Char('0')));
    if (!loaded.wait(30000))
        return fail(QStringLiteral("the search never answered"));
    painted();
    const qint64 searchMs = t.elapsed();

    std::printf("members in the room      %d (%d loaded after scrolling)\n", total, loadedRows);
    std::printf("open panel (first page)  %lld ms\n", openMs);
    std::printf("next page, median        %.1f ms (max %lld ms, %zu pages)\n", median(pages),
                pages.empty() ? 0 : *std::max_element(pages.begin(), pages.end()), pages.size());
    std::printf("scroll to the end        %lld ms\n", scrollMs);
    std::printf("longest event-loop stall %lld ms\n", longestStall);
    std::printf("repaint (end, then top)  %lld ms\n", paintMs);
    std::printf("search one member        %lld ms\n", searchMs);
    std::printf("{\"members\":%d,\"openMs\":%lld,\"pageMedianMs\":%.1f,\"scrollAllMs\":%lld,\"longestStallMs\":%lld,"
                "\"repaintMs\":%lld,\"searchMs\":%lld}\n",
                total, openMs, median(pages), scrollMs, longestStall, paintMs, searchMs);
    panel.setMemberModel(nullptr);
    server.stop();
    return 0;
}
