// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QMutex>
#include <QString>

namespace confab::client {

// The desktop client's log on disk: every Qt log message also goes to <directory>/confab.log,
// which is rotated when it reaches a size cap (confab.log.1 is the previous one, and so on, a
// few generations kept), so a user can send a log and it never fills the disk. Thread-safe.
class ClientLogFile {
public:
    struct Limits {
        qint64 maxBytes = 1024 * 1024;
        int generations = 3; // rotated files kept beside the current one
    };

    ClientLogFile(QString directory, Limits limits);
    ClientLogFile(const ClientLogFile &) = delete;
    ClientLogFile &operator=(const ClientLogFile &) = delete;

    // QStandardPaths::AppLocalDataLocation + "/logs" (~/.local/share/confab/confab/logs on Linux).
    static QString defaultDirectory();
    // Makes this the process's log (qInstallMessageHandler; earlier handlers still get every
    // message). The object must outlive the application.
    void install();
    void write(const QByteArray &line); // one line, without its newline
    QString filePath() const;

private:
    void rotate();

    QString m_directory;
    Limits m_limits;
    QMutex m_mutex;
    QFile m_file;
};

} // namespace confab::client
