// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QtGlobal>

namespace confab {

// The parts of a log line that the client's log file and the server's log output share: the
// level's name, the category (Qt's "default" when there is none) and the time stamp, so both
// name levels and categories the same way in what users and admins send in.
struct LogLine {
    // "debug", "info", "warning", "error" or "fatal".
    static const char *levelName(QtMsgType type);
    // The category, or "default" for none.
    static const char *categoryName(const char *category);
    // ISO 8601 in UTC with milliseconds ("2026-12-07T23:11:17.123Z").
    static QByteArray timestamp(const QDateTime &utc);
    // "<time> <level> <category>: <message>", the client log file's line.
    static QByteArray timestamped(const QDateTime &utc, QtMsgType type, const char *category, const QString &message);
};

} // namespace confab
