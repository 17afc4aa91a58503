// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqliteschema.h"

#include "sqlitedatabase.h"

namespace confab::server {

namespace {

// Version 1: the whole chat schema.
//
// Conventions: ids are TEXT; times are INTEGER milliseconds since the epoch (NULL = never);
// enums are their wire names; booleans are 0/1; settings and attachments are JSON text.
// Optional text is NULL when empty.
SqliteMigration initialSchema()
{
    SqliteMigration m;
    m.version = 1;
    m.description = QStringLiteral("initial schema");
    m.statements = QStringList{
        QStringLiteral(R"(CREATE TABLE users (
            user_id TEXT PRIMARY KEY,
            username_key TEXT NOT NULL UNIQUE,
            username TEXT NOT NULL,
            display_name TEXT NOT NULL,
            avatar TEXT,
            role TEXT NOT NULL,
            password_hash BLOB NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL,
            custom_status TEXT,
            last_seen INTEGER,
            created_at INTEGER NOT NULL))"),

        QStringLiteral(R"(CREATE TABLE tokens (
            token_hash BLOB PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX tokens_user ON tokens(user_id)"),

        // search_key: case-folded "name\ndescription", written by the application, because
        // SQLite's LIKE and lower() fold ASCII only.
        QStringLiteral(R"(CREATE TABLE rooms (
            room_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            description TEXT,
            type TEXT NOT NULL,
            avatar TEXT,
            created_by TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            max_members INTEGER NOT NULL,
            settings TEXT NOT NULL,
            last_seq INTEGER NOT NULL DEFAULT 0,
            last_activity INTEGER NOT NULL DEFAULT 0,
            search_key TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX rooms_activity ON rooms(last_activity DESC, name)"),

        QStringLiteral(R"(CREATE TABLE room_members (
            room_id TEXT NOT NULL REFERENCES rooms(room_id) ON DELETE CASCADE,
            user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            joined_at INTEGER NOT NULL,
            is_muted INTEGER NOT NULL DEFAULT 0,
            muted_until INTEGER,
            last_read_seq INTEGER NOT NULL DEFAULT 0,
            last_read_message_id TEXT,
            last_post_at INTEGER,
            PRIMARY KEY (room_id, user_id)))"),
        QStringLiteral("CREATE INDEX room_members_user ON room_members(user_id)"),

        // Not tied to users by a foreign key: a ban may name an account erased later.
        QStringLiteral(R"(CREATE TABLE bans (
            room_id TEXT NOT NULL REFERENCES rooms(room_id) ON DELETE CASCADE,
            user_id TEXT NOT NULL,
            banned_by TEXT,
            reason TEXT,
            created_at INTEGER NOT NULL,
            until INTEGER,
            PRIMARY KEY (room_id, user_id)))"),

        QStringLiteral(R"(CREATE TABLE room_events (
            room_id TEXT NOT NULL REFERENCES rooms(room_id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            type TEXT NOT NULL,
            message_id TEXT,
            payload BLOB,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (room_id, seq)))"),

        // `id` is the stable rowid the FTS index points at (an implicit rowid may change on
        // VACUUM). author_id has no foreign key: system and assistant messages may have no account.
        QStringLiteral(R"(CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            message_id TEXT NOT NULL UNIQUE,
            room_id TEXT NOT NULL REFERENCES rooms(room_id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            author_id TEXT NOT NULL,
            content TEXT NOT NULL,
            type TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            reply_to TEXT,
            is_edited INTEGER NOT NULL DEFAULT 0,
            edited_at INTEGER,
            is_deleted INTEGER NOT NULL DEFAULT 0,
            is_anonymous INTEGER NOT NULL DEFAULT 0,
            anonymous_name TEXT,
            attachments TEXT,
            client_msg_id TEXT,
            UNIQUE (room_id, seq)))"),
        QStringLiteral("CREATE UNIQUE INDEX messages_client_msg ON messages(author_id, client_msg_id) "
                       "WHERE client_msg_id IS NOT NULL"),
        QStringLiteral("CREATE INDEX messages_author ON messages(author_id)"),

        QStringLiteral(R"(CREATE TABLE reactions (
            message_id TEXT NOT NULL REFERENCES messages(message_id) ON DELETE CASCADE,
            emoji TEXT NOT NULL,
            user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (message_id, emoji, user_id)))"),
        QStringLiteral("CREATE INDEX reactions_user ON reactions(user_id)"),

        QStringLiteral(R"(CREATE TABLE pins (
            room_id TEXT NOT NULL REFERENCES rooms(room_id) ON DELETE CASCADE,
            message_id TEXT NOT NULL REFERENCES messages(message_id) ON DELETE CASCADE,
            pinned_by TEXT NOT NULL,
            pinned_at INTEGER NOT NULL,
            PRIMARY KEY (room_id, message_id)))"),
        QStringLiteral("CREATE INDEX pins_message ON pins(message_id)"),

        // No foreign keys: the audit trail outlives rooms, messages and erased accounts.
        QStringLiteral(R"(CREATE TABLE audit_log (
            audit_id TEXT PRIMARY KEY,
            actor_id TEXT NOT NULL,
            action TEXT NOT NULL,
            room_id TEXT,
            target_user_id TEXT,
            message_id TEXT,
            reason TEXT,
            created_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX audit_created ON audit_log(created_at)"),
        QStringLiteral("CREATE INDEX audit_room ON audit_log(room_id, created_at)"),

        // Full-text index over messages.content (external content: the text is stored once),
        // kept in step by the triggers below; diacritics folded so "cafe" finds "café".
        QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(content, content='messages', "
                       "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"),
        QStringLiteral(R"(CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
            INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
            END)"),
        QStringLiteral(R"(CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
            INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
            END)"),
        QStringLiteral(R"(CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
            INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
            INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
            END)"),
    };
    return m;
}

// Version 2: standing changes (StandingChange in storage.h), so that a running server closes or
// re-checks the connections of a user whom the command line, another process, disabled, banned,
// signed out or demoted. Rows are pruned after a day: a running server reads them within a second.
SqliteMigration standingChanges()
{
    SqliteMigration m;
    m.version = 2;
    m.description = QStringLiteral("standing changes");
    m.statements = QStringList{
        // AUTOINCREMENT: the id of a deleted row is never reused, and writers take turns, so ids
        // grow in commit order and "id > the last one read" misses nothing.
        QStringLiteral(R"(CREATE TABLE standing_changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id TEXT NOT NULL,
            token_hash BLOB,
            kind TEXT NOT NULL,
            created_at INTEGER NOT NULL))"),
    };
    return m;
}

// Version 3: files (issue 14). `files` holds metadata, one row per upload; the bytes are stored
// once per sha256 on disk. `message_attachments` ties messages to files for permission checks
// and the sweep (the message's `attachments` column keeps the JSON it is served with).
// `quarantined_hashes` outlives the files it removed, so the bytes cannot come back.
SqliteMigration files()
{
    SqliteMigration m;
    m.version = 3;
    m.description = QStringLiteral("files, attachments, uploads");
    m.statements = QStringList{
        QStringLiteral(R"(CREATE TABLE files (
            file_id TEXT PRIMARY KEY,
            uploader_id TEXT NOT NULL,
            name TEXT NOT NULL,
            size INTEGER NOT NULL,
            declared_mime TEXT,
            detected_mime TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            width INTEGER NOT NULL DEFAULT 0,
            height INTEGER NOT NULL DEFAULT 0,
            thumbnail_path TEXT,
            created_at INTEGER NOT NULL,
            quarantined INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral("CREATE INDEX files_sha256 ON files(sha256)"),
        QStringLiteral("CREATE INDEX files_uploader ON files(uploader_id)"),
        QStringLiteral(R"(CREATE TABLE message_attachments (
            message_id TEXT NOT NULL REFERENCES messages(message_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            file_id TEXT NOT NULL REFERENCES files(file_id),
            room_id TEXT NOT NULL,
            PRIMARY KEY (message_id, position)))"),
        QStringLiteral("CREATE INDEX message_attachments_file ON message_attachments(file_id)"),
        QStringLiteral(R"(CREATE TABLE uploads (
            upload_id TEXT PRIMARY KEY,
            uploader_id TEXT NOT NULL,
            name TEXT NOT NULL,
            declared_mime TEXT,
            size INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE quarantined_hashes (
            sha256 TEXT PRIMARY KEY,
            reason TEXT,
            created_at INTEGER NOT NULL))"),
    };
    return m;
}

// Version 4: a finished resumable upload remembers its file, so that a client that did not see
// the answer of its last PATCH can ask again (POST .../complete) and get the same file.
SqliteMigration uploadFiles()
{
    SqliteMigration m;
    m.version = 4;
    m.description = QStringLiteral("uploads remember their file");
    m.statements = QStringList{QStringLiteral("ALTER TABLE uploads ADD COLUMN file_id TEXT")};
    return m;
}

// ---- accounts (issue 17) ------------------------------------------------------------------------
// Version 5: account events in the audit log. Sign-ins and failed sign-ins carry the client's
// address; repeated failed sign-ins from one address within a minute fold into one entry with a
// count (so a brute-force run cannot fill the disk). The index serves that fold and retention.
SqliteMigration accountAudit()
{
    SqliteMigration m;
    m.version = 5;
    m.description = QStringLiteral("account events in the audit log");
    m.statements = QStringList{
        QStringLiteral("ALTER TABLE audit_log ADD COLUMN address TEXT"),
        QStringLiteral("ALTER TABLE audit_log ADD COLUMN repeat_count INTEGER NOT NULL DEFAULT 1"),
        QStringLiteral("CREATE INDEX audit_action_address ON audit_log(action, address, created_at)"),
    };
    return m;
}
// ---- end of accounts ----------------------------------------------------------------------------

// ---- polls (issue 15) ---------------------------------------------------------------------------
// Version 6: a poll message's definition (options as a JSON array of texts, ids by position) and
// one row per (voter, chosen option). Both go with their message.
SqliteMigration polls()
{
    SqliteMigration m;
    m.version = 6;
    m.description = QStringLiteral("polls and their votes");
    m.statements = QStringList{
        QStringLiteral(R"(CREATE TABLE polls (
            message_id TEXT PRIMARY KEY REFERENCES messages(message_id) ON DELETE CASCADE,
            question TEXT NOT NULL,
            options TEXT NOT NULL,
            multiple_choice INTEGER NOT NULL DEFAULT 0,
            anonymous INTEGER NOT NULL DEFAULT 0,
            closes_at INTEGER NOT NULL DEFAULT 0,
            closed_at INTEGER NOT NULL DEFAULT 0,
            closed_by TEXT))"),
        QStringLiteral(R"(CREATE TABLE poll_votes (
            message_id TEXT NOT NULL REFERENCES polls(message_id) ON DELETE CASCADE,
            user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            option_id TEXT NOT NULL,
            voted_at INTEGER NOT NULL,
            PRIMARY KEY (message_id, user_id, option_id)))"),
        QStringLiteral("CREATE INDEX poll_votes_user ON poll_votes(user_id)"),
    };
    return m;
}
// ---- end of polls -------------------------------------------------------------------------------
// ---- timeline events (issue 15) -----------------------------------------------------------------
// Version 7: server-made `system` messages keep their event as JSON (clients word it); a user
// may stop sending read receipts (and then sees nobody else's), on all their devices.
SqliteMigration timelineEvents()
{
    SqliteMigration m;
    m.version = 7;
    m.description = QStringLiteral("system message events and the read-receipt setting");
    m.statements = QStringList{
        QStringLiteral("ALTER TABLE messages ADD COLUMN system_event TEXT"),
        QStringLiteral("ALTER TABLE users ADD COLUMN send_read_receipts INTEGER NOT NULL DEFAULT 1"),
    };
    return m;
}
// ---- end of timeline events ---------------------------------------------------------------------
// ---- notification preferences (issue 15) -----------------------------------------------------
// Version 9: each member's notification level and mute for a room, kept on the server so that
// they hold on every device.
SqliteMigration notificationPrefs()
{
    SqliteMigration m;
    m.version = 9;
    m.description = QStringLiteral("per-member notification level and mute");
    m.statements = QStringList{
        QStringLiteral("ALTER TABLE room_members ADD COLUMN notify_level TEXT NOT NULL DEFAULT 'default'"),
        QStringLiteral("ALTER TABLE room_members ADD COLUMN notify_muted INTEGER NOT NULL DEFAULT 0"),
    };
    return m;
}
// ---- end of notification preferences ----------------------------------------------------------
// ---- profile (issue 17) -------------------------------------------------------------------------
// Version 8: avatars uploaded through the file store are readable by anyone signed in; a
// download of a file shared in no room of the caller's asks whether it is someone's avatar.
SqliteMigration avatarFiles()
{
    SqliteMigration m;
    m.version = 8;
    m.description = QStringLiteral("index of avatars, for avatar downloads");
    m.statements = QStringList{QStringLiteral("CREATE INDEX users_avatar ON users(avatar) WHERE avatar IS NOT NULL")};
    return m;
}
// ---- end of profile -----------------------------------------------------------------------------
// ---- assistant (issue 16) -----------------------------------------------------------------------
// Version 10: an ai_response message keeps its answer's state (streaming, done, error,
// cancelled), asker, model and usage as JSON.
SqliteMigration assistantAnswers()
{
    SqliteMigration m;
    m.version = 10;
    m.description = QStringLiteral("assistant answers' state");
    m.statements = QStringList{QStringLiteral("ALTER TABLE messages ADD COLUMN ai TEXT")};
    return m;
}
// Version 11: the assistant's tokens per UTC day (day = ms since the epoch / 86400000), per user
// and per room, so a restart keeps the daily quotas.
SqliteMigration assistantUsage()
{
    SqliteMigration m;
    m.version = 11;
    m.description = QStringLiteral("assistant token use per day");
    m.statements = QStringList{
        QStringLiteral("CREATE TABLE assistant_usage (day INTEGER NOT NULL, scope TEXT NOT NULL CHECK (scope IN "
                       "('user', 'room')), id TEXT NOT NULL, tokens INTEGER NOT NULL, PRIMARY KEY (day, scope, id))"),
    };
    return m;
}
// ---- end of assistant ---------------------------------------------------------------------------

void applyMigration(SqliteDatabase &db, const SqliteMigration &m, qint64 nowMs)
{
    // BEGIN IMMEDIATE: take the write lock up front, so two processes cannot both migrate.
    db.execOnce(QStringLiteral("BEGIN IMMEDIATE"));
    try {
        // Another process may have applied this step while we waited for the lock.
        if (sqliteSchemaVersion(db) >= m.version) {
            db.execOnce(QStringLiteral("ROLLBACK"));
            return;
        }
        for (const QString &sql : m.statements)
            db.execOnce(sql);
        Statement(db, QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"),
                  {m.version, m.description, qlonglong(nowMs)});
        db.execOnce(QStringLiteral("COMMIT"));
    } catch (...) {
        try {
            db.execOnce(QStringLiteral("ROLLBACK"));
        } catch (const StorageError &) {
            // SQLite may already have rolled back; the original error is the one to report.
        }
        throw;
    }
}

} // namespace

const std::vector<SqliteMigration> &sqliteMigrations()
{
    static const std::vector<SqliteMigration> migrations{initialSchema(),    standingChanges(), files(),
                                                         uploadFiles(),      accountAudit(),    polls(),
                                                         timelineEvents(),   avatarFiles(),     notificationPrefs(),
                                                         assistantAnswers(), assistantUsage()};
    return migrations;
}

int sqliteSchemaVersion(SqliteDatabase &db)
{
    Statement s(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
    return s.next() ? int(s.integer(0)) : 0;
}

void migrateSqlite(SqliteDatabase &db, qint64 nowMs)
{
    db.execOnce(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                               "version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                               "applied_at INTEGER NOT NULL)"));
    const int current = sqliteSchemaVersion(db);
    const int latest = sqliteMigrations().back().version;
    if (current > latest) {
        throw StorageError(QStringLiteral("the database has schema version %1, newer than this server's %2")
                               .arg(current)
                               .arg(latest)
                               .toStdString());
    }
    for (const SqliteMigration &m : sqliteMigrations()) {
        if (m.version > current)
            applyMigration(db, m, nowMs);
    }
}

} // namespace confab::server
