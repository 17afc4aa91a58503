// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverconfig.h"

#include "http/originpolicy.h"
#include "storage/postgres/postgresdatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

#include <functional>

namespace confab::server {

namespace {

// One setting: its flag (also the INI key, and CONFAB_<FLAG> with '-' as '_' in the environment).
struct Setting {
    const char *flag;
    const char *valueName; // empty for a switch
    const char *help;
    std::function<bool(ServerConfig &, const QString &)> apply; // false: the value is invalid
    bool repeatable = false; // the flag may be given several times; apply() gets them space-separated
};

template<typename T> bool parseNumber(const QString &s, T min, T max, T *out)
{
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok || v < double(min) || v > double(max))
        return false;
    *out = T(v);
    return true;
}

bool parseBool(const QString &s, bool *out)
{
    const QString v = s.toLower();
    if (v == QLatin1String("1") || v == QLatin1String("true") || v == QLatin1String("yes") ||
        v == QLatin1String("on")) {
        *out = true;
        return true;
    }
    if (v == QLatin1String("0") || v == QLatin1String("false") || v == QLatin1String("no") ||
        v == QLatin1String("off")) {
        *out = false;
        return true;
    }
    return false;
}

bool loadWordList(const QString &path, QStringList *out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    out->clear();
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            *out << line;
    }
    return true;
}

const std::vector<Setting> &settings()
{
    static const std::vector<Setting> all{
        {"bind", "address", "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).",
         [](ServerConfig &c, const QString &v) { return c.bind.setAddress(v); }},
        {"port", "port", "TCP port for REST and WebSocket (default 8080; 0 picks a free one and prints it).",
         [](ServerConfig &c, const QString &v) { return parseNumber<quint16>(v, 0, 65535, &c.port); }},
        {"data-dir", "dir", "Where the database lives (default: the user's data folder).",
         [](ServerConfig &c, const QString &v) {
             c.dataDir = v;
             return !v.isEmpty();
         }},
        {"database", "url",
         "PostgreSQL instead of SQLite: postgresql://user[:password]@host[:port]/database (several servers "
         "may share one).",
         [](ServerConfig &c, const QString &v) {
             c.databaseUrl = v;
             return !v.isEmpty();
         }},
        {"tls-cert", "file", "PEM certificate: serve https and wss.",
         [](ServerConfig &c, const QString &v) {
             c.tlsCert = v;
             return true;
         }},
        {"tls-key", "file", "PEM private key for --tls-cert.",
         [](ServerConfig &c, const QString &v) {
             c.tlsKey = v;
             return true;
         }},
        {"max-body-bytes", "bytes", "Largest JSON request body (default 262144).",
         [](ServerConfig &c, const QString &v) { return parseNumber<qint64>(v, 1024, 64 << 20, &c.maxBodyBytes); }},
        {"max-file-mb", "MiB", "Largest file upload (default 1024).",
         [](ServerConfig &c, const QString &v) {
             qint64 mb = 0;
             if (!parseNumber<qint64>(v, 1, qint64(1) << 20, &mb))
                 return false;
             c.maxUploadBytes = mb * 1024 * 1024;
             return true;
         }},
        {"user-quota-mb", "MiB", "Files one user may store in all; 0 for no quota (default 10240).",
         [](ServerConfig &c, const QString &v) {
             qint64 mb = 0;
             if (!parseNumber<qint64>(v, 0, qint64(1) << 30, &mb))
                 return false;
             c.userQuotaBytes = mb * 1024 * 1024;
             return true;
         }},
        {"file-grace-seconds", "s", "An upload that no message carries is removed after this (default 86400).",
         [](ServerConfig &c, const QString &v) { return parseNumber<int>(v, 0, 365 * 86400, &c.fileGraceSeconds); }},
        {"upload-lifetime-seconds", "s", "An unfinished resumable upload is removed after this (default 86400).",
         [](ServerConfig &c, const QString &v) {
             return parseNumber<int>(v, 1, 365 * 86400, &c.uploadLifetimeSeconds);
         }},
        {"file-sweep-seconds", "s", "How often unused files and expired uploads are removed (default 600).",
         [](ServerConfig &c, const QString &v) { return parseNumber<int>(v, 1, 86400, &c.fileSweepSeconds); }},
        {"max-frame-bytes", "bytes", "Largest WebSocket message (default 65536).",
         [](ServerConfig &c, const QString &v) { return parseNumber<qint64>(v, 1024, 16 << 20, &c.maxFrameBytes); }},
        {"max-content-chars", "n", "Longest message text in characters (default 5000).",
         [](ServerConfig &c, const QString &v) { return parseNumber<int>(v, 1, 100000, &c.maxContentChars); }},
        {"presence-grace-seconds", "s", "Offline this long after the last connection closes (default 10).",
         [](ServerConfig &c, const QString &v) { return parseNumber<int>(v, 0, 3600, &c.presenceGraceSeconds); }},
        {"typing-timeout-ms", "ms", "A typing indicator ends this long after its last renewal (default 3000).",
         [](ServerConfig &c, const QString &v) { return parseNumber<int>(v, 100, 60000, &c.typingTimeoutMs); }},
        {"message-rate", "per-second", "Messages a user may send per second, sustained (default 5).",
         [](ServerConfig &c, const QString &v) { return parseNumber<double>(v, 0.01, 100000, &c.messageRate); }},
        {"message-burst", "n", "Messages a user may send at once (default 20).",
         [](ServerConfig &c, const QString &v) { return parseNumber<double>(v, 1, 100000, &c.messageBurst); }},
        {"request-rate", "per-second", "Other requests per user per second, sustained (default 20).",
         [](ServerConfig &c, const QString &v) { return parseNumber<double>(v, 0.01, 100000, &c.requestRate); }},
        {"request-burst", "n", "Other requests a user may make at once (default 60).",
         [](ServerConfig &c, const QString &v) { return parseNumber<double>(v, 1, 100000, &c.requestBurst); }},
        {"max-queued-bytes", "bytes", "Unsent bytes a connection may have before it is dropped (default 8 MiB).",
         [](ServerConfig &c, const QString &v) {
             return parseNumber<qint64>(v, 64 << 10, qint64(1) << 32, &c.maxQueuedBytes);
         }},
        {"max-storage-queue", "n",
         "Requests waiting for the storage thread beyond which sends are refused as busy (default 10000).",
         [](ServerConfig &c, const QString &v) { return parseNumber<int>(v, 1, 10000000, &c.maxStorageQueue); }},
        {"min-free-disk-mb", "MiB",
         "Free space under the data directory below which /healthz reports degraded; 0 turns the check off (default "
         "64).",
         [](ServerConfig &c, const QString &v) {
             qint64 mb = 0;
             if (!parseNumber<qint64>(v, 0, qint64(1) << 30, &mb))
                 return false;
             c.minFreeDiskBytes = mb * 1024 * 1024;
             return true;
         }},
        {"sync-replay-max", "n",
         "Most missed events a sync replays per room, up to 10000; more gets sync_gap (default 500).",
         [](ServerConfig &c, const QString &v) { return parseNumber<int>(v, 1, 10000, &c.syncReplayMax); }},
        {"word-filter-file", "file", "Words blocked in every room, one per line ('#' comments).",
         [](ServerConfig &c, const QString &v) { return loadWordList(v, &c.wordFilter); }},
        {"word-filter-action", "reject|mask", "What the server-wide word filter does (default reject).",
         [](ServerConfig &c, const QString &v) {
             const auto a = enumFromString<WordFilterAction>(v);
             if (a)
                 c.wordFilterAction = *a;
             return a.has_value();
         }},
        {"audit-retention-days", "days",
         "Audit log entries older than this are deleted; 0 keeps them forever (default 365).",
         [](ServerConfig &c, const QString &v) { return parseNumber<int>(v, 0, 100000, &c.auditRetentionDays); }},
        {"message-retention-days", "days",
         "Messages older than this are deleted in rooms without their own messageRetention; 0 keeps them forever "
         "(default 0).",
         [](ServerConfig &c, const QString &v) { return parseNumber<int>(v, 0, 100000, &c.messageRetentionDays); }},
        {"retention-keep-pinned", "yes|no", "Retention spares pinned messages (default yes).",
         [](ServerConfig &c, const QString &v) { return parseBool(v, &c.retentionKeepPinned); }},
        {"retention-keep-last-message", "yes|no", "Retention spares the last message of each room (default yes).",
         [](ServerConfig &c, const QString &v) { return parseBool(v, &c.retentionKeepLastMessage); }},
        {"retention-interval-seconds", "s", "How often retention runs, besides at start (default 3600).",
         [](ServerConfig &c, const QString &v) {
             return parseNumber<int>(v, 1, 7 * 24 * 3600, &c.retentionIntervalSeconds);
         }},
        {"retention-batch-size", "n",
         "Rows retention deletes per transaction, between which other requests run (default 500).",
         [](ServerConfig &c, const QString &v) { return parseNumber<int>(v, 1, 10000, &c.retentionBatchSize); }},
        {"insecure-fast-password-hashing", "", "Cheap Argon2id settings, for tests and demos only.",
         [](ServerConfig &c, const QString &v) { return parseBool(v, &c.insecureFastPasswordHashing); }},
        {"keep-exif", "", "Store JPEGs untouched (by default GPS, camera and serial data are stripped).",
         [](ServerConfig &c, const QString &v) { return parseBool(v, &c.keepExif); }},
        {"allowed-origin", "origin",
         "A web page origin (https://chat.example.com) allowed to open WebSockets; repeatable. Clients that "
         "send no Origin (the desktop client) are always allowed.",
         [](ServerConfig &c, const QString &v) {
             for (const QString &origin : v.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                 const auto normal = OriginPolicy::normalize(origin);
                 if (!normal)
                     return false;
                 c.allowedOrigins.append(*normal);
             }
             return true;
         },
         true},
        // The assistant (issue 16). The API key itself is never a setting: a file or CONFAB_ASSISTANT_KEY.
        {"assistant-url", "url", "OpenAI-compatible base URL ending in /v1 (llama-server, Ollama, ...); none: off.",
         [](ServerConfig &c, const QString &v) {
             const QUrl url(v);
             c.assistant.url = v;
             return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
         }},
        {"assistant-model", "name", "The model to ask (default \"default\").",
         [](ServerConfig &c, const QString &v) {
             c.assistant.model = v;
             return !v.isEmpty();
         }},
        {"assistant-key-file", "file", "File whose first line is the model server's API key.",
         [](ServerConfig &c, const QString &v) {
             c.assistant.keyFile = v;
             return !v.isEmpty();
         }},
        {"assistant-timeout", "s", "Seconds without a streamed chunk before an answer fails (default 30).",
         [](ServerConfig &c, const QString &v) {
             double s = 0;
             if (!parseNumber<double>(v, 0.1, 3600, &s))
                 return false;
             c.assistant.stallTimeoutMs = int(s * 1000);
             return true;
         }},
        {"assistant-max-context-tokens", "n", "Estimated tokens of a prompt at most (default 4096).",
         [](ServerConfig &c, const QString &v) {
             return parseNumber<int>(v, 64, 1000000, &c.assistant.maxContextTokens);
         }},
        {"assistant-max-answer-chars", "n", "Longest answer in characters (default 8000).",
         [](ServerConfig &c, const QString &v) {
             return parseNumber<int>(v, 16, 100000, &c.assistant.maxAnswerChars);
         }},
        {"assistant-user-per-minute", "n", "Answers one user may ask for per minute (default 5; 0: no limit).",
         [](ServerConfig &c, const QString &v) { return parseNumber<int>(v, 0, 100000, &c.assistant.userPerMinute); }},
        {"assistant-room-per-minute", "n", "Answers per room per minute (default 10; 0: no limit).",
         [](ServerConfig &c, const QString &v) { return parseNumber<int>(v, 0, 100000, &c.assistant.roomPerMinute); }},
        {"assistant-user-daily-tokens", "n", "Tokens per user per UTC day (default 200000; 0: no limit).",
         [](ServerConfig &c, const QString &v) {
             return parseNumber<qint64>(v, 0, 1000000000000LL, &c.assistant.userDailyTokens);
         }},
        {"assistant-room-daily-tokens", "n", "Tokens per room per UTC day (default 1000000; 0: no limit).",
         [](ServerConfig &c, const QString &v) {
             return parseNumber<qint64>(v, 0, 1000000000000LL, &c.assistant.roomDailyTokens);
         }},
    };
    return all;
}

QString envName(const char *flag)
{
    return QStringLiteral("CONFAB_") + QString::fromLatin1(flag).toUpper().replace(QLatin1Char('-'), QLatin1Char('_'));
}

} // namespace

void ServerConfig::addOptions(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(
        QStringLiteral("config"),
        QStringLiteral("INI file with settings (default <data-dir>/confab-server.ini, else /etc/confab/server.ini when "
                       "installed in /usr)."),
        QStringLiteral("file")));
    for (const Setting &s : settings()) {
        if (*s.valueName)
            parser.addOption(QCommandLineOption(QString::fromLatin1(s.flag), QString::fromLatin1(s.help),
                                                QString::fromLatin1(s.valueName)));
        else
            parser.addOption(QCommandLineOption(QString::fromLatin1(s.flag), QString::fromLatin1(s.help)));
    }
}

bool ServerConfig::load(const QCommandLineParser &parser, const QProcessEnvironment &env, QString *error)
{
    // The data dir decides where the default INI file is, so it is resolved first.
    const QString dataDirFlag = parser.value(QStringLiteral("data-dir"));
    dataDir = !dataDirFlag.isEmpty() ? dataDirFlag : env.value(envName("data-dir"));
    configFile = parser.isSet(QStringLiteral("config")) ? parser.value(QStringLiteral("config"))
                                                        : env.value(QStringLiteral("CONFAB_CONFIG"));
    std::unique_ptr<QSettings> ini;
    if (!configFile.isEmpty()) {
        if (!QFileInfo::exists(configFile)) {
            *error = QStringLiteral("config file %1 does not exist").arg(configFile);
            return false;
        }
        ini = std::make_unique<QSettings>(configFile, QSettings::IniFormat);
    } else if (!dataDir.isEmpty() && QFileInfo::exists(QDir(dataDir).filePath(QStringLiteral("confab-server.ini")))) {
        configFile = QDir(dataDir).filePath(QStringLiteral("confab-server.ini"));
        ini = std::make_unique<QSettings>(configFile, QSettings::IniFormat);
    } else if (!installedConfigFile.isEmpty() && QFileInfo(installedConfigFile).isReadable()) {
        // Unreadable (another user's server's file) is the same as absent: it was not asked for.
        configFile = installedConfigFile;
        ini = std::make_unique<QSettings>(configFile, QSettings::IniFormat);
    }
    for (const Setting &s : settings()) {
        const QString flag = QString::fromLatin1(s.flag);
        QString value, source;
        if (parser.isSet(flag)) {
            value = !*s.valueName  ? QStringLiteral("true")
                    : s.repeatable ? parser.values(flag).join(QLatin1Char(' '))
                                   : parser.value(flag);
            source = QStringLiteral("--") + flag;
        } else if (env.contains(envName(s.flag))) {
            value = env.value(envName(s.flag));
            source = envName(s.flag);
        } else if (ini && ini->contains(flag)) {
            value = ini->value(flag).toString();
            source = configFile + QStringLiteral(" [") + flag + QLatin1Char(']');
        } else {
            continue;
        }
        if (!s.apply(*this, value)) {
            *error = QStringLiteral("invalid value \"%1\" for %2").arg(value, source);
            return false;
        }
    }
    if (dataDir.isEmpty())
        dataDir =
            QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/confab-server");
    if (!assistant.loadKey(env, error))
        return false;
    if (!databaseUrl.isEmpty()) {
        if (const QString problem = PostgresDatabase::checkUrl(databaseUrl); !problem.isEmpty()) {
            *error = QStringLiteral("--database: %1").arg(problem);
            return false;
        }
    }
    if (tlsCert.isEmpty() != tlsKey.isEmpty()) {
        *error = QStringLiteral("--tls-cert and --tls-key go together");
        return false;
    }
    if (!QDir().mkpath(dataDir)) {
        *error = QStringLiteral("cannot create the data directory %1").arg(dataDir);
        return false;
    }
    return true;
}

QString ServerConfig::databasePath() const { return QDir(dataDir).filePath(QStringLiteral("confab.db")); }

QString ServerConfig::filesPath() const { return QDir(dataDir).filePath(QStringLiteral("files")); }

} // namespace confab::server
