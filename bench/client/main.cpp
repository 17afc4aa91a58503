// SPDX-License-Identifier: GPL-3.0-or-later
// confab-bench-client: the client side of the benchmark suite (docs/performance.md, "Client").
//
// Starts a real confab-server on 127.0.0.1, sets up users and rooms over its API, stops it and
// writes the long histories straight into its SQLite file, starts it again, then runs each
// measurement in a child process of its own (so that each RSS figure starts clean):
//   window    the MessageModel as shipped (500-row window): reading back, live messages, the view
//   history   setMaxRows(all): 100k rows loaded, live messages, the TimelineView over all of them
//   delegate  MessageDelegate::sizeHint()/paint() per row, cold and warm
//   rooms     10 rooms x 10k messages held in models at once
//   cold      the real `confab` binary from process start to its first painted room list
// Prints every figure and writes them as JSON. bench/run-client.sh is the one-command way.

#include "benchdata.h"
#include "benchserver.h"
#include "coldstart.h"
#include "probes.h"
#include "scenarios.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <stdexcept>

using namespace confab::bench;

namespace {

const QStringList kScenarios{QStringLiteral("window"), QStringLiteral("history"), QStringLiteral("delegate"),
                             QStringLiteral("rooms"),  QStringLiteral("images"),  QStringLiteral("noimages"),
                             QStringLiteral("cold")};

nlohmann::json runScenario(const QString &name, const BenchContext &ctx)
{
    if (name == QLatin1String("window"))
        return runWindowScenario(ctx);
    if (name == QLatin1String("history"))
        return runHistoryScenario(ctx);
    if (name == QLatin1String("delegate"))
        return runDelegateScenario(ctx);
    if (name == QLatin1String("rooms"))
        return runRoomsScenario(ctx);
    if (name == QLatin1String("images"))
        return runImagesScenario(ctx);
    if (name == QLatin1String("noimages"))
        return runNoImagesScenario(ctx);
    throw std::runtime_error("unknown scenario " + str(name));
}

// A measuring child: reads the context, runs one scenario, prints its JSON on stdout.
int childMain(const QString &name, const QString &contextPath)
{
    try {
        const BenchContext ctx = BenchContext::load(contextPath);
        setCheckpointFile(ctx.workDir + QStringLiteral("/") + name + QStringLiteral("-partial.json"));
        nlohmann::json result = runScenario(name, ctx);
        result["load_average_after"] = str(loadAverage());
        QTextStream(stdout) << QString::fromStdString(result.dump()) << Qt::endl;
        return 0;
    } catch (const std::exception &e) {
        say(QStringLiteral("%1 failed: %2").arg(name, QString::fromUtf8(e.what())));
        return 1;
    }
}

// What a stopped child had finished, marked as stopped.
nlohmann::json partialResult(const QString &name, const QString &contextPath, const std::string &why)
{
    QFile f(QFileInfo(contextPath).absolutePath() + QStringLiteral("/") + name + QStringLiteral("-partial.json"));
    nlohmann::json j = nlohmann::json::object();
    if (f.open(QIODevice::ReadOnly)) {
        try {
            j = nlohmann::json::parse(f.readAll().toStdString());
        } catch (const std::exception &) {
            j = nlohmann::json::object(); // written half when the child was stopped
        }
    }
    j["failed"] = why;
    return j;
}

// Runs a scenario in a child process of this binary; its stderr goes straight to ours.
nlohmann::json runChild(const QString &name, const QString &contextPath, int timeoutMs)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--child"), name, QStringLiteral("--context"), contextPath});
    if (!child.waitForFinished(timeoutMs)) {
        child.kill();
        child.waitForFinished(5000);
        say(QStringLiteral("  %1: stopped after %2 s (its finished phases are kept)").arg(name).arg(timeoutMs / 1000));
        return partialResult(name, contextPath,
                             "stopped at the time limit of " + std::to_string(timeoutMs / 1000) + " s");
    }
    if (child.exitStatus() != QProcess::NormalExit)
        return partialResult(name, contextPath, "crashed");
    if (child.exitCode() != 0)
        return partialResult(name, contextPath, "exit code " + std::to_string(child.exitCode()));
    try {
        return nlohmann::json::parse(child.readAllStandardOutput().trimmed().toStdString());
    } catch (const std::exception &e) {
        return {{"failed", std::string("unreadable output: ") + e.what()}};
    }
}

QString gitDescribe()
{
    QProcess git;
    git.start(QStringLiteral("git"), {QStringLiteral("-C"), QStringLiteral(CONFAB_BENCH_SOURCE_DIR),
                                      QStringLiteral("rev-parse"), QStringLiteral("--short"), QStringLiteral("HEAD")});
    if (!git.waitForFinished(5000) || git.exitCode() != 0)
        return QStringLiteral("unknown");
    QString commit = QString::fromUtf8(git.readAllStandardOutput().trimmed());
    git.start(QStringLiteral("git"),
              {QStringLiteral("-C"), QStringLiteral(CONFAB_BENCH_SOURCE_DIR), QStringLiteral("status"),
               QStringLiteral("--porcelain"), QStringLiteral("--untracked-files=no")});
    if (git.waitForFinished(5000) && !git.readAllStandardOutput().trimmed().isEmpty())
        commit += QStringLiteral(" (with uncommitted changes)");
    return commit;
}

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return QStringLiteral("unknown");
}

void printSummary(const nlohmann::json &r)
{
    auto num = [](const nlohmann::json &j, std::initializer_list<const char *> path) -> double {
        const nlohmann::json *p = &j;
        for (const char *k : path) {
            if (!p->is_object() || !p->contains(k))
                return -1;
            p = &(*p)[k];
        }
        return p->is_number() ? p->get<double>() : -1;
    };
    auto line = [](const QString &what, double value, const QString &unit, const QString &target = {}) {
        QTextStream out(stdout);
        out << "  " << what.leftJustified(58, QLatin1Char(' '))
            << (value < 0 ? QStringLiteral("n/a")
                          : QString::number(value, 'f', value < 10 ? 3 : 1) + QLatin1Char(' ') + unit)
            << (target.isEmpty() ? QString() : QStringLiteral("   (target %1)").arg(target)) << Qt::endl;
    };
    const nlohmann::json &s = r["scenarios"];
    QTextStream(stdout) << "== summary" << Qt::endl;
    line(QStringLiteral("history: RSS with every message loaded"), num(s, {"history", "rss_with_rows_kib"}) / 1024.0,
         QStringLiteral("MiB"), QStringLiteral("< 150 MiB"));
    line(QStringLiteral("history: malloc per message held"),
         num(s, {"history", "load", "memory", "heap_bytes_per_row"}), QStringLiteral("bytes"));
    line(QStringLiteral("history: load every message (pages of 100), total"),
         num(s, {"history", "load", "total_ms"}) / 1000.0, QStringLiteral("s"));
    line(QStringLiteral("history: fetchMore page, model's part, last tenth p50"),
         num(s, {"history", "load", "page_model_part_last_tenth", "p50_ms"}), QStringLiteral("ms"));
    line(QStringLiteral("history: live message, model slot p50"),
         num(s, {"history", "live_model_only", "model_slot", "p50_ms"}), QStringLiteral("ms"));
    line(QStringLiteral("history: TimelineView attach to first frame"),
         num(s, {"history", "timeline", "attach_to_first_frame_ms"}), QStringLiteral("ms"));
    line(QStringLiteral("history: scroll frame (120 px) p50"), num(s, {"history", "timeline", "frame_wheel", "p50_ms"}),
         QStringLiteral("ms"));
    line(QStringLiteral("history: scroll frame (120 px) CPU p50"),
         num(s, {"history", "timeline", "frame_wheel_cpu", "p50_ms"}), QStringLiteral("ms"));
    line(QStringLiteral("history: scroll frame (random jump) CPU p95"),
         num(s, {"history", "timeline", "frame_jump_cpu", "p95_ms"}), QStringLiteral("ms"));
    line(QStringLiteral("history: live message to repainted frame p50"),
         num(s, {"history", "timeline", "live_with_view", "arrival_to_frame", "p50_ms"}), QStringLiteral("ms"));
    line(QStringLiteral("window (500): fetchMore page round trip p50"),
         num(s, {"window", "read_back", "page_round_trip", "p50_ms"}), QStringLiteral("ms"));
    line(QStringLiteral("window (500): live message to repainted frame p50"),
         num(s, {"window", "timeline", "live_with_view", "arrival_to_frame", "p50_ms"}), QStringLiteral("ms"));
    line(QStringLiteral("window (500): scroll frame (120 px) CPU p50"),
         num(s, {"window", "timeline", "frame_wheel_cpu", "p50_ms"}), QStringLiteral("ms"));
    line(QStringLiteral("delegate: paint per row, cold, CPU p95"), num(s, {"delegate", "paint_cold", "cpu", "p95_ms"}),
         QStringLiteral("ms"), QStringLiteral("< 1 ms"));
    line(QStringLiteral("delegate: paint per row, warm, CPU p95"), num(s, {"delegate", "paint_warm", "cpu", "p95_ms"}),
         QStringLiteral("ms"), QStringLiteral("< 1 ms"));
    line(QStringLiteral("delegate: new row (sizeHint + paint), CPU p95"),
         num(s, {"delegate", "new_row_size_hint_and_paint", "cpu", "p95_ms"}), QStringLiteral("ms"));
    line(QStringLiteral("rooms: RSS with 10 x 10k messages in models"), num(s, {"rooms", "rss_kib"}) / 1024.0,
         QStringLiteral("MiB"));
    line(QStringLiteral("1,000 messages scrolled through: RSS without images"),
         num(s, {"noimages", "rss_kib"}) / 1024.0, QStringLiteral("MiB"));
    line(QStringLiteral("1,000 messages scrolled through: RSS with an image each"),
         num(s, {"images", "rss_kib"}) / 1024.0, QStringLiteral("MiB"), QStringLiteral("< 150 MiB"));
    line(QStringLiteral("1,000 images: decoded thumbnails held"),
         num(s, {"images", "thumbnail_cache_bytes"}) / 1048576.0, QStringLiteral("MiB"));
    line(QStringLiteral("cold start to painted room list, median"), num(s, {"cold", "startup", "p50_ms"}),
         QStringLiteral("ms"));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // non-interactive: nothing shows on a desktop
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("confab-bench-client"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Client benchmarks against a real confab-server on 127.0.0.1."));
    parser.addHelpOption();
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("JSON result file."), QStringLiteral("file"),
                                    QStringLiteral(CONFAB_BENCH_SOURCE_DIR "/bench/results/client-latest.json"));
    const QCommandLineOption messagesOpt(QStringLiteral("messages"), QStringLiteral("Messages in the history room."),
                                         QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption roomsOpt(QStringLiteral("rooms"), QStringLiteral("Rooms of the many-rooms case."),
                                      QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption roomMessagesOpt(QStringLiteral("room-messages"),
                                             QStringLiteral("Messages in each of those rooms."), QStringLiteral("n"),
                                             QStringLiteral("10000"));
    const QCommandLineOption coldRunsOpt(QStringLiteral("cold-runs"),
                                         QStringLiteral("Measured cold starts (after one warm-up)."),
                                         QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption onlyOpt(
        QStringLiteral("only"),
        QStringLiteral("Comma-separated scenarios (%1).").arg(kScenarios.join(QStringLiteral(", "))),
        QStringLiteral("list"), kScenarios.join(QLatin1Char(',')));
    const QCommandLineOption coldOpt(
        QStringLiteral("cold-start"),
        QStringLiteral("Run the cold start scenario: it signs in through the keychain on the session "
                       "bus, so run it inside a throwaway D-Bus session (bench/run-client.sh does)."));
    const QCommandLineOption workOpt(QStringLiteral("work-dir"),
                                     QStringLiteral("Keep the server data and caches here."), QStringLiteral("dir"));
    const QCommandLineOption serverOpt(QStringLiteral("server-binary"), QStringLiteral("confab-server to start."),
                                       QStringLiteral("file"), QStringLiteral(CONFAB_BENCH_SERVER_BIN));
    const QCommandLineOption clientOpt(QStringLiteral("client-binary"),
                                       QStringLiteral("The desktop client for the cold start."), QStringLiteral("file"),
                                       QStringLiteral(CONFAB_BENCH_CLIENT_BIN));
    const QCommandLineOption childOpt(QStringLiteral("child"), QStringLiteral("(internal) run one scenario."),
                                      QStringLiteral("name"));
    const QCommandLineOption contextOpt(QStringLiteral("context"), QStringLiteral("(internal) the context file."),
                                        QStringLiteral("file"));
    parser.addOptions({outOpt, messagesOpt, roomsOpt, roomMessagesOpt, coldRunsOpt, onlyOpt, coldOpt, workOpt,
                       serverOpt, clientOpt, childOpt, contextOpt});
    parser.process(app);
    if (parser.isSet(childOpt))
        return childMain(parser.value(childOpt), parser.value(contextOpt));

    auto positive = [&](const QCommandLineOption &o) {
        bool ok = false;
        const int v = parser.value(o).toInt(&ok);
        if (!ok || v < 1) {
            say(QStringLiteral("--%1 must be a positive number, not \"%2\"").arg(o.names().first(), parser.value(o)));
            std::exit(2);
        }
        return v;
    };
    const int messages = positive(messagesOpt), rooms = positive(roomsOpt), roomMessages = positive(roomMessagesOpt),
              coldRuns = positive(coldRunsOpt);
    const QStringList only = parser.value(onlyOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &s : only) {
        if (!kScenarios.contains(s)) {
            say(QStringLiteral("--only: unknown scenario \"%1\" (known: %2)")
                    .arg(s, kScenarios.join(QStringLiteral(", "))));
            return 2;
        }
    }

    QTemporaryDir tmp(QDir::tempPath() + QStringLiteral("/confab-bench-client.XXXXXX"));
    const QString work = parser.isSet(workOpt) ? parser.value(workOpt) : tmp.path();
    QDir().mkpath(work);
    nlohmann::json result;
    const QString loadBefore = loadAverage();
    say(QStringLiteral("== machine: %1 cores, %2; load average %3; commit %4")
            .arg(QThread::idealThreadCount())
            .arg(cpuModel(), loadBefore, gitDescribe()));
    result["meta"] = {{"cores", QThread::idealThreadCount()},
                      {"cpu_model", str(cpuModel())},
                      {"kernel", str(QSysInfo::kernelVersion())},
                      {"qt", qVersion()},
                      {"commit", str(gitDescribe())},
                      {"date", str(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))},
                      {"load_average_before", str(loadBefore)},
                      {"qpa_platform", str(QString::fromLocal8Bit(qgetenv("QT_QPA_PLATFORM")))},
                      {"server_binary", str(parser.value(serverOpt))},
                      {"client_binary", str(parser.value(clientOpt))}};

    BenchServer server(parser.value(serverOpt), work + QStringLiteral("/server"));
    try {
        QElapsedTimer t;
        t.start();
        if (!server.start())
            throw std::runtime_error(str(server.errorString()));
        BenchContext ctx = setUpOverApi(server.url(), rooms);
        ctx.workDir = work;
        ctx.historyMessages = messages;
        ctx.roomMessages = roomMessages;
        server.stop();
        seedMessages(server.databasePath(), ctx, ctx.historyRoom, QStringLiteral("hist"), messages);
        for (int i = 0; i < ctx.rooms.size(); ++i)
            seedMessages(server.databasePath(), ctx, ctx.rooms.at(i),
                         QStringLiteral("r%1").arg(i, 3, 10, QLatin1Char('0')), roomMessages);
        if (!server.start())
            throw std::runtime_error(str(server.errorString()));
        ctx.server = server.url();
        const QString contextPath = work + QStringLiteral("/context.json");
        if (!ctx.save(contextPath))
            throw std::runtime_error("cannot write " + str(contextPath));
        say(QStringLiteral("== data: %1 messages in one room, %2 rooms x %3, seeded in %4 s; server at %5")
                .arg(messages)
                .arg(rooms)
                .arg(roomMessages)
                .arg(double(t.elapsed()) / 1000.0, 0, 'f', 1)
                .arg(server.url().toString()));
        result["data"] = {{"history_messages", messages},
                          {"rooms", rooms},
                          {"room_messages", roomMessages},
                          {"setup_s", double(t.elapsed()) / 1000.0}};

        const struct {
            const char *name, *title;
            int timeoutS;
        } children[] = {{"window", "MessageModel as shipped (window of 500 rows)", 90},
                        {"history", "MessageModel with every message of the history loaded", 200},
                        {"delegate", "MessageDelegate per row", 60},
                        {"rooms", "10 rooms x 10k messages in models", 90},
                        {"noimages", "a room of 1,000 messages, scrolled through", 300},
                        {"images", "the same room with an image in every message, scrolled through", 600}};
        for (const auto &c : children) {
            const QString name = QString::fromLatin1(c.name);
            if (!only.contains(name))
                continue;
            const QString load = loadAverage();
            say(QStringLiteral("== %1 (load average %2)").arg(QString::fromLatin1(c.title), load));
            result["scenarios"][c.name] = runChild(name, contextPath, c.timeoutS * 1000);
            result["scenarios"][c.name]["load_average_before"] = str(load);
        }
        if (only.contains(QStringLiteral("cold"))) {
            say(QStringLiteral("== cold start of the desktop client (load average %1)").arg(loadAverage()));
            if (parser.isSet(coldOpt)) {
                result["scenarios"]["cold"] = runColdStart(ctx, parser.value(clientOpt), coldRuns);
            } else {
                say(QStringLiteral(
                    "  skipped: needs --cold-start (bench/run-client.sh passes it inside a throwaway D-Bus session)"));
                result["scenarios"]["cold"] = {{"skipped", "no --cold-start"}};
            }
        }
    } catch (const std::exception &e) {
        say(QStringLiteral("failed: %1 (server log: %2)").arg(QString::fromUtf8(e.what()), server.logPath()));
        tmp.setAutoRemove(false);
        return 1;
    }
    server.stop();
    result["meta"]["load_average_after"] = str(loadAverage());

    const QString out = parser.value(outOpt);
    QDir().mkpath(QFileInfo(out).absolutePath());
    QFile f(out);
    const std::string text = result.dump(2) + "\n";
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(text.data(), qint64(text.size())) != qint64(text.size())) {
        say(QStringLiteral("cannot write %1").arg(out));
        return 1;
    }
    printSummary(result);
    say(QStringLiteral("== load average before %1, after %2; results in %3").arg(loadBefore, loadAverage(), out));
    bool failed = false;
    for (const auto &[name, s] : result["scenarios"].items())
        failed = failed || s.contains("failed");
    return failed ? 1 : 0;
}
