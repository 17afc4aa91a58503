// SPDX-License-Identifier: GPL-3.0-or-later
#include "admincommands.h"

#include "ops/datadirlock.h"
#include "server.h"
#include "service/passwordhasher.h"
#include "service/services.h"

#include "core/timeutil.h"
#include "core/validation.h"

#include <QRegularExpression>

namespace confab::server {

namespace {
// The command line acts as the "system" actor in the audit log.
Caller systemActor() { return Caller{QStringLiteral("system"), QStringLiteral("confab-server admin"), true, {}, {}}; }

int intOption(const QCommandLineParser &p, const QString &name, int fallback)
{
    bool ok = false;
    const int v = p.value(name).toInt(&ok);
    return ok && v > 0 ? v : fallback;
}
} // namespace

QString AdminCommands::usage()
{
    return QStringLiteral(
        "  admin users [--limit N]        list accounts\n"
        "  admin disable USER             block sign-in and every request (also: enable USER)\n"
        "  admin reset-password USER      new password from --password or standard input; signs out everywhere\n"
        "  admin promote USER             make a server admin (also: demote USER)\n"
        "  admin rooms [--limit N]        list every room, private ones too\n"
        "  admin ban USER [--reason R]    ban from the whole server: disable and sign out everywhere\n"
        "  admin audit [--limit N] [--room ROOM]   print the audit log, newest first\n"
        "  admin quarantine-file FILE [--reason R]   FILE: a file id or SHA-256; its bytes go everywhere and are "
        "refused from now on\n"
        "  admin sweep-files              remove files no message carries (after the grace period) and expired "
        "uploads\n"
        "  admin retention --dry-run      print, per room, how many messages retention would delete now\n"
        "  admin backup FILE              write a consistent copy of the database to FILE, also while the server "
        "runs\n"
        "  admin restore FILE             replace the database with the backup FILE (server stopped; the old one "
        "is kept as confab.db.bak)\n"
        "  (USER is a username or a user id)");
}

int AdminCommands::run(const QStringList &args)
{
    const QString verb = args.value(1);
    const QString target = args.value(2);
    const bool needsUser = verb == QLatin1String("disable") || verb == QLatin1String("enable") ||
                           verb == QLatin1String("reset-password") || verb == QLatin1String("promote") ||
                           verb == QLatin1String("demote") || verb == QLatin1String("ban");
    if (needsUser && target.isEmpty()) {
        m_err << "confab-server: admin " << verb << " needs a USER\n";
        return 2;
    }
    if (verb == QLatin1String("users"))
        return users();
    if (verb == QLatin1String("disable") || verb == QLatin1String("enable"))
        return setDisabled(target, verb == QLatin1String("disable"));
    if (verb == QLatin1String("reset-password"))
        return resetPassword(target);
    if (verb == QLatin1String("promote") || verb == QLatin1String("demote"))
        return setServerRole(target, verb == QLatin1String("promote"));
    if (verb == QLatin1String("rooms"))
        return rooms();
    if (verb == QLatin1String("ban"))
        return serverBan(target);
    if (verb == QLatin1String("audit"))
        return printAudit();
    if (verb == QLatin1String("quarantine-file"))
        return quarantine(target);
    if (verb == QLatin1String("sweep-files"))
        return sweepFiles();
    if (verb == QLatin1String("retention"))
        return retention();
    if ((verb == QLatin1String("backup") || verb == QLatin1String("restore")) && target.isEmpty()) {
        m_err << "confab-server: admin " << verb << " needs a FILE\n";
        return 2;
    }
    if (verb == QLatin1String("backup"))
        return backup(target);
    if (verb == QLatin1String("restore"))
        return restore(target);
    m_err << "confab-server: unknown admin command \"" << verb << "\"\n" << usage() << "\n";
    return 2;
}

QString AdminCommands::resolveUser(const QString &who)
{
    QString id;
    m_server.runOnStorage([&](Services &s) {
        if (auto u = s.context.storage.userByUsername(normalizeUsername(who)))
            id = u->user.userId;
        else if (auto byId = s.context.storage.userById(who))
            id = byId->user.userId;
    });
    if (id.isEmpty())
        m_err << "confab-server: no user \"" << who << "\"\n";
    return id;
}

int AdminCommands::users()
{
    const int limit = intOption(m_parser, QStringLiteral("limit"), 1000);
    m_server.runOnStorage([&](Services &s) {
        m_out << "USER ID\tUSERNAME\tDISPLAY NAME\tROLE\tSTATE\n";
        for (const StoredUser &u : s.context.storage.listUsers(limit, 0)) {
            m_out << u.user.userId << '\t' << u.user.username << '\t' << u.user.displayName << '\t'
                  << toString(u.user.role) << '\t' << (u.disabled ? "disabled" : "active") << '\n';
        }
    });
    return 0;
}

int AdminCommands::setDisabled(const QString &who, bool disabled)
{
    const QString id = resolveUser(who);
    if (id.isEmpty())
        return 1;
    m_server.runOnStorage([&](Services &s) {
        inTransaction(s.context.storage, [&] {
            s.context.storage.updateUserDisabled(id, disabled);
            if (disabled)
                s.context.storage.deleteTokensOfUser(id);
            recordStandingChange(s.context, id, disabled ? StandingChangeKind::Disabled : StandingChangeKind::Enabled);
            server::audit(s.context, systemActor(),
                          disabled ? QStringLiteral("user.disable") : QStringLiteral("user.enable"), {}, id);
        });
    });
    m_out << (disabled ? "disabled " : "enabled ") << who << "\n";
    return 0;
}

int AdminCommands::resetPassword(const QString &who)
{
    const QString id = resolveUser(who);
    if (id.isEmpty())
        return 1;
    const QString password = m_parser.isSet(QStringLiteral("password")) ? m_parser.value(QStringLiteral("password"))
                                                                        : QTextStream(stdin).readLine();
    if (auto bad = validatePassword(password)) {
        m_err << "confab-server: password " << bad->message << "\n";
        return 2;
    }
    const QByteArray hash = m_server.hasher().hashNow(password);
    m_server.runOnStorage([&](Services &s) {
        inTransaction(s.context.storage, [&] {
            s.context.storage.updateUserPassword(id, hash);
            s.context.storage.deleteTokensOfUser(id); // every device signs in again
            recordStandingChange(s.context, id, StandingChangeKind::PasswordReset);
            server::audit(s.context, systemActor(), QStringLiteral("user.reset_password"), {}, id);
        });
    });
    m_out << "password reset for " << who << "; every session was signed out\n";
    return 0;
}

int AdminCommands::setServerRole(const QString &who, bool admin)
{
    const QString id = resolveUser(who);
    if (id.isEmpty())
        return 1;
    m_server.runOnStorage([&](Services &s) {
        inTransaction(s.context.storage, [&] {
            s.context.storage.updateUserRole(id, admin ? ServerRole::Admin : ServerRole::User);
            recordStandingChange(s.context, id, StandingChangeKind::RoleChanged);
            server::audit(s.context, systemActor(),
                          admin ? QStringLiteral("user.promote") : QStringLiteral("user.demote"), {}, id);
        });
    });
    m_out << who << " is now a server " << (admin ? "admin" : "user") << "\n";
    return 0;
}

int AdminCommands::rooms()
{
    RoomQuery q;
    q.everyRoom = true;
    q.limit = intOption(m_parser, QStringLiteral("limit"), 1000);
    m_server.runOnStorage([&](Services &s) {
        int total = 0;
        const auto list = s.context.storage.listRooms(q, &total);
        m_out << "ROOM ID\tTYPE\tMEMBERS\tLAST ACTIVITY\tNAME\n";
        for (const RoomRecord &r : list) {
            m_out << r.room.roomId << '\t' << toString(r.room.type) << '\t' << r.room.memberCount << '\t'
                  << formatTimestamp(r.room.lastActivity) << '\t' << r.room.name << '\n';
        }
        m_out << total << " rooms\n";
    });
    return 0;
}

int AdminCommands::serverBan(const QString &who)
{
    const QString id = resolveUser(who);
    if (id.isEmpty())
        return 1;
    const QString reason = m_parser.value(QStringLiteral("reason"));
    if (auto bad = validateReason(reason)) {
        m_err << "confab-server: reason " << bad->message << "\n";
        return 2;
    }
    m_server.runOnStorage([&](Services &s) {
        inTransaction(s.context.storage, [&] {
            s.context.storage.updateUserDisabled(id, true);
            s.context.storage.deleteTokensOfUser(id);
            recordStandingChange(s.context, id, StandingChangeKind::Banned);
            server::audit(s.context, systemActor(), QStringLiteral("server.ban"), {}, id, {}, reason);
        });
    });
    m_out << "banned " << who << " from the server\n";
    return 0;
}

int AdminCommands::printAudit()
{
    AuditQuery q;
    q.limit = intOption(m_parser, QStringLiteral("limit"), 50);
    if (m_parser.isSet(QStringLiteral("room")))
        q.roomIds = std::vector<QString>{m_parser.value(QStringLiteral("room"))};
    m_server.runOnStorage([&](Services &s) {
        m_out << "TIME\tACTOR\tACTION\tROOM\tTARGET\tREASON\n";
        for (const AuditEntry &e : s.context.storage.listAudit(q)) {
            m_out << formatTimestamp(e.createdAt) << '\t' << (e.actorName.isEmpty() ? e.actorId : e.actorName) << '\t'
                  << e.action << '\t' << e.roomId << '\t' << e.targetUserId << '\t' << e.reason << '\n';
        }
    });
    return 0;
}

int AdminCommands::quarantine(const QString &file)
{
    QString hash = file.trimmed().toLower();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!hex.match(hash).hasMatch()) {
        m_server.runOnStorage([&](Services &s) {
            const auto f = s.context.storage.fileById(file.trimmed());
            hash = f ? f->sha256 : QString();
        });
        if (hash.isEmpty()) {
            m_err << "confab-server: admin quarantine-file needs a file id or a SHA-256 (64 hex digits); no file "
                  << file << "\n";
            return 1;
        }
    }
    const QString reason = m_parser.value(QStringLiteral("reason"));
    int marked = 0;
    m_server.runOnStorage([&](Services &s) {
        marked = s.files.quarantine(hash, reason);
        server::audit(s.context, systemActor(), QStringLiteral("file.quarantine"), {}, {}, {}, hash);
    });
    m_out << "quarantined " << hash << " (" << marked << " files)\n";
    return 0;
}

int AdminCommands::sweepFiles()
{
    SweepReport report;
    m_server.runOnStorage([&](Services &s) { report = s.files.sweep(); });
    m_out << "removed " << report.filesRemoved << " files (" << report.blobsRemoved << " on disk) and "
          << report.uploadsExpired << " expired uploads\n";
    return 0;
}

int AdminCommands::retention()
{
    if (!m_parser.isSet(QStringLiteral("dry-run"))) {
        // Deleting is the running server's job (its clients hear of it at once); this only looks.
        m_err << "confab-server: admin retention needs --dry-run; the server itself deletes, in the background\n";
        return 2;
    }
    const ServerConfig &c = m_server.config();
    const MessageRetentionPolicy policy{c.messageRetentionDays, c.retentionKeepPinned, c.retentionKeepLastMessage};
    m_server.runOnStorage([&](Services &s) {
        const auto rooms = s.retention.preview(policy);
        m_out << "ROOM ID\tKEEP DAYS\tWOULD DELETE\tNAME\n";
        int total = 0;
        for (const RoomRetention &r : rooms.value) {
            m_out << r.roomId << '\t' << r.days << '\t' << r.expired << '\t' << r.name << '\n';
            total += r.expired;
        }
        m_out << total << " messages would be deleted in " << rooms.value.size()
              << (rooms.value.size() == 1 ? " room" : " rooms") << " under retention"
              << (policy.keepPinned ? "; pinned messages kept" : "")
              << (policy.keepLast ? "; each room's last message kept" : "") << "\n";
    });
    return 0;
}

int AdminCommands::backup(const QString &file)
{
    QString error;
    m_server.runOnStorage([&](Services &s) {
        try {
            s.context.storage.backupTo(file);
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
    });
    if (!error.isEmpty()) {
        m_err << "confab-server: backup failed: " << error << "\n";
        return 1;
    }
    m_out << "backed up " << m_server.config().databasePath() << " to " << file
          << " (uploaded files are not in it: copy " << m_server.config().filesPath() << " too)\n";
    return 0;
}

int AdminCommands::restore(const QString &file)
{
    const QString dataDir = m_server.config().dataDir;
    // A running server would go on with its own idea of the data (caches, the membership index).
    DataDirLock lock(dataDir);
    if (!lock.tryHold()) {
        const qint64 pid = DataDirLock::holderOf(dataDir);
        m_err << "confab-server: admin restore refused: a confab-server"
              << (pid > 0 ? QStringLiteral(" (pid %1)").arg(pid) : QString()) << " is running on " << dataDir
              << "; stop it first\n";
        return 1;
    }
    const QString database = m_server.config().databasePath();
    const QString previous = database + QStringLiteral(".bak");
    QString error;
    m_server.runOnStorage([&](Services &s) {
        try {
            s.context.storage.backupTo(previous);
        } catch (const std::exception &e) {
            error = QStringLiteral("could not keep the current database as %1: %2")
                        .arg(previous, QString::fromUtf8(e.what()));
            return;
        }
        try {
            s.context.storage.restoreFrom(file);
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
    });
    if (!error.isEmpty()) {
        m_err << "confab-server: restore failed: " << error << "\n";
        return 1;
    }
    m_out << "restored " << database << " from " << file << "; the previous database is kept as " << previous << "\n";
    return 0;
}

} // namespace confab::server
