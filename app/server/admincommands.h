// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

namespace confab::server {

class Server;

// `confab-server admin ...`: administration from the command line, on the data directory of a
// server that may be running (SQLite in WAL mode lets both write). A running server sees the
// changes at its next request, as every request checks the token and account in the database;
// changes of a user's standing are also recorded (recordStandingChange) so that it closes or
// re-checks that user's open WebSockets within a second.
class AdminCommands {
public:
    AdminCommands(Server &server, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
        : m_server(server), m_parser(parser), m_out(out), m_err(err)
    {
    }

    static QString usage();
    // args[0] is "admin". Returns the process exit code.
    int run(const QStringList &args);

private:
    int users();
    int setDisabled(const QString &who, bool disabled);
    int resetPassword(const QString &who);
    int setServerRole(const QString &who, bool admin);
    int rooms();
    int serverBan(const QString &who);
    int printAudit();
    int quarantine(const QString &sha256);
    int sweepFiles();
    int retention();
    int backup(const QString &file);
    int restore(const QString &file);

    // A user by username or user id; prints an error and returns empty when there is none.
    QString resolveUser(const QString &who);

    Server &m_server;
    const QCommandLineParser &m_parser;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace confab::server
