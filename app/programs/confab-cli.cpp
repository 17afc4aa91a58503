// SPDX-License-Identifier: GPL-3.0-or-later
// confab-cli: the client engine in a terminal. Two people can chat from two terminals:
//   confab-cli --server http://host:8080 --data-dir ~/.a register alice      (password on stdin)
//   confab-cli --data-dir ~/.a rooms
//   confab-cli --data-dir ~/.a tail general
//   confab-cli --data-dir ~/.a send general "hello"
// The token goes to the keychain; --token-file FILE allows keeping it in FILE (0600) when no
// keychain answers (a server or a container has none).

#include "client/account/session.h"
#include "client/models/roomlistmodel.h"
#include "client/sync/chatengine.h"
#include "client/sync/outbox.h"
#include "client/sync/syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace confab;
using namespace confab::client;

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

QString tr(const char *text) { return QCoreApplication::translate("confab-cli", text); }

QString readPassword()
{
    QTextStream in(stdin);
    return in.readLine();
}

// ROOM on the command line: an id, or a room's name (case-insensitive).
std::optional<Room> findRoom(RoomListModel &rooms, const QString &nameOrId)
{
    for (int i = 0; i < rooms.rowCount(); ++i) {
        const Room r = rooms.roomAt(i);
        if (r.roomId == nameOrId || r.name.compare(nameOrId, Qt::CaseInsensitive) == 0)
            return r;
    }
    return std::nullopt;
}

void printMessage(const Message &m)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(m.timestamp).toString(QStringLiteral("HH:mm"));
    const QString who = m.isAnonymous ? m.anonymousName : m.authorName;
    out() << QStringLiteral("[%1] %2: %3").arg(time, who, m.isDeleted ? tr("(deleted)") : m.content) << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("confab-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("confab"));

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Confab chat from a terminal."));
    parser.addHelpOption();
    const QCommandLineOption serverOpt(QStringLiteral("server"), tr("Server URL (login, register)."),
                                       QStringLiteral("url"));
    const QCommandLineOption dataOpt(QStringLiteral("data-dir"), tr("Folder of the account and its cache."),
                                     QStringLiteral("dir"));
    const QCommandLineOption tokenFileOpt(QStringLiteral("token-file"),
                                          tr("Allow keeping the token in this file (0600) when no keychain answers."),
                                          QStringLiteral("file"));
    const QCommandLineOption noKeychainOpt(QStringLiteral("no-keychain"), tr("Do not use the system keychain."));
    parser.addOptions({serverOpt, dataOpt, tokenFileOpt, noKeychainOpt});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 tr("login USER | register USER [NAME] | logout | rooms | tail ROOM | send ROOM TEXT"));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        parser.showHelp(2);
    const QString command = args.first();

    Session::Config config;
    config.dataDir = parser.isSet(dataOpt) ? parser.value(dataOpt)
                                           : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    config.tokenFile = parser.value(tokenFileOpt);
    config.useKeychain = !parser.isSet(noKeychainOpt);
    Session session(config);

    QObject::connect(&session, &Session::secretStorageProblem, &app,
                     [](const QString &message) { err() << message << Qt::endl; });
    QObject::connect(&session, &Session::failed, &app, [](const QString &message, const QString &field) {
        err() << (field.isEmpty() ? message : field + QStringLiteral(": ") + message) << Qt::endl;
        QCoreApplication::exit(1);
    });

    auto need = [&](int n) {
        if (args.size() < n) {
            err() << tr("Missing arguments.") << Qt::endl;
            parser.showHelp(2);
        }
    };

    if (command == QLatin1String("login") || command == QLatin1String("register")) {
        need(2);
        if (!parser.isSet(serverOpt)) {
            err() << tr("--server is required to sign in.") << Qt::endl;
            return 2;
        }
        const QString password = readPassword();
        QObject::connect(&session, &Session::signedIn, &app, [&](ChatEngine *) {
            // Let the token store finish writing before quitting.
            QObject::connect(
                &session.tokens(), &TokenStore::saved, &app, [&](const QString &, TokenStore::Backend where) {
                    out() << tr("Signed in as %1.").arg(session.me().username) << Qt::endl;
                    if (where == TokenStore::Backend::Memory)
                        err() << tr("The token could not be stored; use --token-file to stay signed in.") << Qt::endl;
                    QCoreApplication::exit(where == TokenStore::Backend::Memory ? 1 : 0);
                });
        });
        const QUrl server(parser.value(serverOpt));
        if (command == QLatin1String("login"))
            session.signIn(server, args.at(1), password);
        else
            session.registerAccount(server, args.at(1), password, args.value(2));
        return app.exec();
    }

    if (command == QLatin1String("logout")) {
        QObject::connect(&session, &Session::signedIn, &app, [&](ChatEngine *) {
            session.signOut();
            QObject::connect(&session.tokens(), &TokenStore::removed, &app, [] { QCoreApplication::exit(0); });
        });
        QTimer::singleShot(0, &session, [&session] { session.restore(); }); // once the loop runs
        return app.exec();
    }

    if (command != QLatin1String("rooms") && command != QLatin1String("tail") && command != QLatin1String("send")) {
        err() << tr("Unknown command: %1").arg(command) << Qt::endl;
        return 2;
    }
    if (command != QLatin1String("rooms"))
        need(command == QLatin1String("send") ? 3 : 2);

    QObject::connect(&session, &Session::signedIn, &app, [&](ChatEngine *engine) {
        RoomListModel &rooms = engine->rooms();
        QObject::connect(&rooms, &RoomListModel::loadFailed, &app, [](const QString &message) {
            err() << message << Qt::endl;
            QCoreApplication::exit(1);
        });
        QObject::connect(&rooms, &RoomListModel::loaded, &app, [&, engine] {
            if (command == QLatin1String("rooms")) {
                for (int i = 0; i < rooms.rowCount(); ++i) {
                    const Room r = rooms.roomAt(i);
                    out() << r.roomId << '\t' << toString(r.type) << '\t' << r.unreadCount << '\t'
                          << rooms.data(rooms.index(i), Qt::DisplayRole).toString() << Qt::endl;
                }
                QCoreApplication::exit(0);
                return;
            }
            const auto room = findRoom(rooms, args.at(1));
            if (!room) {
                err() << tr("No room named %1 among your rooms.").arg(args.at(1)) << Qt::endl;
                QCoreApplication::exit(1);
                return;
            }
            if (command == QLatin1String("tail")) {
                const QString roomId = room->roomId;
                QObject::connect(&engine->sync(), &SyncEngine::messageArrived, &app, [roomId](const Message &m) {
                    if (m.roomId == roomId)
                        printMessage(m);
                });
                err() << tr("Following %1; Ctrl+C to stop.").arg(room->name) << Qt::endl;
                return;
            }
            // send: done when the server has it; what is not sent stays queued for next time.
            const QString id = engine->sendMessage(room->roomId, args.mid(2).join(QLatin1Char(' ')));
            QObject::connect(&engine->outbox(), &Outbox::delivered, &app,
                             [id](const QString &, const QString &cid, const Message &) {
                                 if (cid == id)
                                     QCoreApplication::exit(0);
                             });
            QObject::connect(&engine->outbox(), &Outbox::stateChanged, &app, [id](const OutgoingItem &item) {
                if (item.clientMsgId == id && item.state == OutgoingItem::State::Failed) {
                    err() << tr("Not sent: %1").arg(item.error) << Qt::endl;
                    QCoreApplication::exit(1);
                }
            });
            QTimer::singleShot(30000, &app, [] {
                err() << tr("The server did not answer; the message stays queued and goes out next time.") << Qt::endl;
                QCoreApplication::exit(1);
            });
        });
    });
    QTimer::singleShot(0, &session, [&session] { session.restore(); }); // once the loop runs
    return app.exec();
}
