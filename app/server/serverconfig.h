// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include "assistant/assistantconfig.h"

#include "core/enums.h"

namespace confab::server {

// Everything the server can be told. Each setting comes from, in this order of precedence: a
// command-line flag, a CONFAB_* environment variable, the INI file, the default.
struct ServerConfig {
    QHostAddress bind = QHostAddress::LocalHost;
    quint16 port = 8080;
    QString dataDir;
    QString databaseUrl; // --database: postgresql://...; empty: SQLite in the data directory
    QString configFile;
    // The packaged default INI (installedConfigPath()), read when neither --config, CONFAB_CONFIG
    // nor <data-dir>/confab-server.ini names one; the program sets it, tests leave it empty.
    QString installedConfigFile;
    QString tlsCert;
    QString tlsKey;
    qint64 maxBodyBytes = 256 * 1024;
    qint64 maxFrameBytes = 64 * 1024;
    int maxContentChars = 5000;
    int presenceGraceSeconds = 10;
    int typingTimeoutMs = 3000;
    double messageRate = 5;
    double messageBurst = 20;
    double requestRate = 20;
    double requestBurst = 60;
    qint64 maxQueuedBytes = 8 * 1024 * 1024;
    int maxStorageQueue = 10000; // items waiting for the storage thread before sends are refused as busy
    int syncReplayMax = 500;
    qint64 minFreeDiskBytes = 64 * 1024 * 1024; // /healthz: degraded below this
    QStringList wordFilter;                     // from --word-filter-file: one word per line, '#' starts a comment
    WordFilterAction wordFilterAction = WordFilterAction::Reject;
    bool insecureFastPasswordHashing = false;          // tests and demo mode only
    qint64 maxUploadBytes = 1024LL * 1024 * 1024;      // one file
    qint64 userQuotaBytes = 10LL * 1024 * 1024 * 1024; // all of one user's files; 0 = none
    int fileGraceSeconds = 24 * 3600;                  // an upload no message carries is swept after this
    int uploadLifetimeSeconds = 24 * 3600;             // an unfinished resumable upload is removed after this
    int fileSweepSeconds = 600;                        // how often the sweep runs
    bool keepExif = false;                             // JPEGs stored untouched (privacy data kept)
    QStringList allowedOrigins; // --allowed-origin: browser origins that may open WebSockets (normalized)
    // Retention (RetentionSweeper): audit entries and messages older than this many days go; 0 keeps forever.
    int auditRetentionDays = 365;
    int messageRetentionDays = 0; // server default; a room's settings.messageRetention overrides it
    bool retentionKeepPinned = true;
    bool retentionKeepLastMessage = true;
    int retentionIntervalSeconds = 3600; // how often the sweep runs (it also runs at start)
    int retentionBatchSize = 500;        // rows deleted per transaction
    AssistantConfig assistant;           // the --assistant-* flags (issue 16)

    // Declares every setting's flag on the parser.
    static void addOptions(QCommandLineParser &parser);
    // Resolves every setting; false with a message naming the bad setting and its source.
    bool load(const QCommandLineParser &parser, const QProcessEnvironment &env, QString *error);

    QString databasePath() const;
    QString filesPath() const; // <data-dir>/files
};

} // namespace confab::server
