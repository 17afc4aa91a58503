// SPDX-License-Identifier: GPL-3.0-or-later
// confab-server: the headless Confab server, and its command-line administration.

#include "demo/democast.h"
#include "demo/demoseeder.h"
#include "server/admincommands.h"
#include "server/epolleventdispatcher.h"
#include "server/installedconfig.h"
#include "server/ops/logoutput.h"
#include "server/server.h"
#include "server/service/passwordhasher.h"
#include "server/service/services.h"
#include "server/unixsignals.h"

#include "confab/version.h"
#include "core/validation.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>
#include <sys/resource.h>

using namespace confab;
using namespace confab::server;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}
QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

QString readPassword(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("password")))
        return parser.value(QStringLiteral("password"));
    QTextStream in(stdin);
    return in.readLine();
}

// confab-server user create NAME [--admin] [--display-name N] [--password P | password on stdin]
int userCommand(Server &server, const QCommandLineParser &parser, const QStringList &args)
{
    if (args.size() < 3 || args[1] != QLatin1String("create")) {
        err() << "usage: confab-server user create NAME [--admin] [--display-name NAME] [--password PW]\n"
                 "       (without --password, the password is read from standard input)\n";
        return 2;
    }
    const QString username = args[2];
    const QString password = readPassword(parser);
    const QString displayName =
        parser.isSet(QStringLiteral("display-name")) ? parser.value(QStringLiteral("display-name")) : username;
    for (const auto &bad : {validateUsername(username), validatePassword(password), validateDisplayName(displayName)}) {
        if (bad) {
            err() << "confab-server: " << bad->field << " " << bad->message << "\n";
            return 2;
        }
    }
    const QByteArray hash = server.hasher().hashNow(password);
    Result<SignedIn> created;
    server.runOnStorage([&](Services &s) {
        created = s.auth.createAccount(username, displayName, hash, parser.isSet(QStringLiteral("admin")), false);
    });
    if (!created) {
        err() << "confab-server: " << created.error->message << "\n";
        return 1;
    }
    out() << "created " << toString(created.value.user.role) << " " << created.value.user.username << " ("
          << created.value.user.userId << ")\n";
    return 0;
}

// --demo: seeds an empty data dir, starts the lively demo users, and says how to look in.
std::unique_ptr<demo::DemoCast> startDemo(Server &server, const ServerConfig &config, QString *error)
{
    const auto world = demo::DemoSeeder(server).prepare(error);
    if (!world)
        return nullptr;
    const QString host =
        config.bind == QHostAddress::Any || config.bind == QHostAddress::AnyIPv4 || config.bind == QHostAddress::AnyIPv6
            ? QStringLiteral("127.0.0.1")
            : config.bind.toString();
    const QString base = QStringLiteral("%1:%2").arg(host).arg(server.port());
    QUrl chat;
    chat.setScheme(QStringLiteral("ws"));
    chat.setHost(host);
    chat.setPort(server.port());
    chat.setPath(QStringLiteral("/chat"));
    auto cast = std::make_unique<demo::DemoCast>(*world, chat);
    cast->start();
    const QString token = world->you.token;
    out() << "demo " << (world->seededNow ? "seeded in " : "data in ") << config.dataDir << "; signed in as \""
          << world->you.username << "\" (" << world->you.userId << ", server admin)\n"
          << "demo token: " << token << "\n"
          << "  curl -s -H 'Authorization: Bearer " << token << "' http://" << base << "/v1/chat/rooms\n"
          << "  /usr/bin/python3 -m websockets 'ws://" << base << "/chat?token=" << token << "'" << Qt::endl;
    return cast;
}

void raiseDescriptorLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit); // best effort: failing leaves the lower, still valid limit
    }
}

} // namespace

int main(int argc, char *argv[])
{
    // The network thread waits on epoll (EpollEventDispatcher: a wake-up costs what is ready, not
    // every open connection); other threads use Qt's own dispatcher, not GLib's, which cost a
    // third of the server's CPU with thousands of sockets (docs/performance.md).
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    EpollEventDispatcher::installForApplication();
    // Every connection is a descriptor: use all the hard limit allows (HttpServer keeps its
    // connection cap below the soft limit).
    raiseDescriptorLimit();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("confab-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONFAB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The Confab chat server: REST under /v1 and WebSocket at /chat on one port.\n\n"
                       "Commands:\n"
                       "  (none)                 serve\n"
                       "  user create NAME       create an account (--admin for a server admin)\n") +
        AdminCommands::usage());
    parser.addHelpOption();
    parser.addVersionOption();
    ServerConfig::addOptions(parser);
    parser.addOption(
        QCommandLineOption(QStringLiteral("admin"), QStringLiteral("With user create: make a server admin.")));
    parser.addOption(QCommandLineOption(QStringLiteral("display-name"),
                                        QStringLiteral("With user create: the display name."), QStringLiteral("name")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("password"), QStringLiteral("With user create: the password (else read from standard input)."),
        QStringLiteral("password")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("demo"),
                           QStringLiteral("Demo mode: seed an empty data dir with demo users, rooms and history, and "
                                          "keep the demo users chatting. Prints the demo user's token.")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("limit"), QStringLiteral("With admin users/rooms/audit: how many."), QStringLiteral("n")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("reason"), QStringLiteral("With admin ban: why."), QStringLiteral("text")));
    parser.addOption(QCommandLineOption(QStringLiteral("dry-run"),
                                        QStringLiteral("With admin retention: only print what would go.")));
    parser.addOption(QCommandLineOption(QStringLiteral("room"), QStringLiteral("With admin audit: one room's entries."),
                                        QStringLiteral("room-id")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("log-format"),
                           QStringLiteral("Log lines on standard error: text (default) or json (one object per line)."),
                           QStringLiteral("format"), QStringLiteral("text")));
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("Optional command, see above."),
                                 QStringLiteral("[command...]"));
    parser.process(app);
    LogOutput::Format logFormat = LogOutput::Format::Text;
    if (!LogOutput::parseFormat(parser.value(QStringLiteral("log-format")), &logFormat)) {
        err() << "confab-server: --log-format must be text or json, not \""
              << parser.value(QStringLiteral("log-format")) << "\"\n";
        return 2;
    }
    LogOutput::install(logFormat);

    ServerConfig config;
    config.installedConfigFile = installedConfigPath(QCoreApplication::applicationDirPath());
    QString error;
    if (!config.load(parser, QProcessEnvironment::systemEnvironment(), &error)) {
        err() << "confab-server: " << error << "\n";
        return 2;
    }
    const bool demoMode = parser.isSet(QStringLiteral("demo"));
    if (demoMode)
        config.insecureFastPasswordHashing = true; // the demo's accounts sign in with tokens
    Server server(config);
    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty()) {
        if (!server.openStorage(&error)) {
            err() << "confab-server: cannot open the database: " << error << "\n";
            return 1;
        }
        if (args[0] == QLatin1String("user"))
            return userCommand(server, parser, args);
        if (args[0] == QLatin1String("admin"))
            return AdminCommands(server, parser, out(), err()).run(args);
        err() << "confab-server: unknown command \"" << args[0] << "\"; see --help\n";
        return 2;
    }

    if (!server.start(&error)) {
        err() << "confab-server: " << error << "\n";
        return 1;
    }
    out() << "confab-server listening on " << config.bind.toString() << ":" << server.port() << Qt::endl;
    std::unique_ptr<demo::DemoCast> cast;
    if (demoMode) {
        cast = startDemo(server, config, &error);
        if (!cast) {
            err() << "confab-server: demo mode: " << error << "\n";
            return 1;
        }
    }

    UnixSignals signals_;
    QObject::connect(&signals_, &UnixSignals::terminate, &app, [&] {
        out() << "confab-server stopping" << Qt::endl;
        QCoreApplication::quit();
    });
    const int rc = app.exec();
    cast.reset(); // its connections go before the server does
    server.stop();
    return rc;
}
