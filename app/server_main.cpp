// confab-server: the headless Confab server, and its command-line administration.

#include "server/server.h"
#include "server/service/passwordhasher.h"
#include "server/service/services.h"
#include "server/unixsignals.h"

#include "core/validation.h"
#include "confab/version.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

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
    const QString displayName = parser.isSet(QStringLiteral("display-name")) ? parser.value(QStringLiteral("display-name")) : username;
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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("confab-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONFAB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The Confab chat server: REST under /v1 and WebSocket at /chat on one port.\n\n"
        "Commands:\n"
        "  (none)                 serve\n"
        "  user create NAME       create an account (--admin for a server admin)"));
    parser.addHelpOption();
    parser.addVersionOption();
    ServerConfig::addOptions(parser);
    parser.addOption(QCommandLineOption(QStringLiteral("admin"), QStringLiteral("With user create: make a server admin.")));
    parser.addOption(QCommandLineOption(QStringLiteral("display-name"), QStringLiteral("With user create: the display name."),
                                        QStringLiteral("name")));
    parser.addOption(QCommandLineOption(QStringLiteral("password"),
                                        QStringLiteral("With user create: the password (else read from standard input)."),
                                        QStringLiteral("password")));
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("Optional command, see above."), QStringLiteral("[command...]"));
    parser.process(app);

    ServerConfig config;
    QString error;
    if (!config.load(parser, QProcessEnvironment::systemEnvironment(), &error)) {
        err() << "confab-server: " << error << "\n";
        return 2;
    }
    Server server(config);
    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty()) {
        if (!server.openStorage(&error)) {
            err() << "confab-server: cannot open the database: " << error << "\n";
            return 1;
        }
        if (args[0] == QLatin1String("user"))
            return userCommand(server, parser, args);
        err() << "confab-server: unknown command \"" << args[0] << "\"; see --help\n";
        return 2;
    }

    if (!server.start(&error)) {
        err() << "confab-server: " << error << "\n";
        return 1;
    }
    out() << "confab-server listening on " << config.bind.toString() << ":" << server.port() << Qt::endl;

    UnixSignals signals_;
    QObject::connect(&signals_, &UnixSignals::terminate, &app, [&] {
        out() << "confab-server stopping" << Qt::endl;
        QCoreApplication::quit();
    });
    const int rc = app.exec();
    server.stop();
    return rc;
}
