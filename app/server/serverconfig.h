#pragma once

#include <QCommandLineParser>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include "core/enums.h"

namespace confab::server {

// Everything the server can be told. Each setting comes from, in this order of precedence: a
// command-line flag, a CONFAB_* environment variable, the INI file, the default.
struct ServerConfig {
    QHostAddress bind = QHostAddress::LocalHost;
    quint16 port = 8080;
    QString dataDir;
    QString configFile;
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
    int syncReplayMax = 500;
    qint64 minFreeDiskBytes = 64 * 1024 * 1024; // /healthz: degraded below this
    QStringList wordFilter; // from --word-filter-file: one word per line, '#' starts a comment
    WordFilterAction wordFilterAction = WordFilterAction::Reject;
    bool insecureFastPasswordHashing = false; // tests and demo mode only
    // Retention (RetentionSweeper): audit entries and messages older than this many days go; 0 keeps forever.
    int auditRetentionDays = 365;
    int messageRetentionDays = 0;   // server default; a room's settings.messageRetention overrides it
    bool retentionKeepPinned = true;
    bool retentionKeepLastMessage = true;
    int retentionIntervalSeconds = 3600; // how often the sweep runs (it also runs at start)
    int retentionBatchSize = 500;        // rows deleted per transaction

    // Declares every setting's flag on the parser.
    static void addOptions(QCommandLineParser &parser);
    // Resolves every setting; false with a message naming the bad setting and its source.
    bool load(const QCommandLineParser &parser, const QProcessEnvironment &env, QString *error);

    QString databasePath() const;
};

} // namespace confab::server
