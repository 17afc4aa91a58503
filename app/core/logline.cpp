// SPDX-License-Identifier: GPL-3.0-or-later
#include "logline.h"

namespace confab {

const char *LogLine::levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "error";
    case QtFatalMsg: return "fatal";
    }
    return "info";
}

const char *LogLine::categoryName(const char *category) { return category && *category ? category : "default"; }

QByteArray LogLine::timestamp(const QDateTime &utc) { return utc.toUTC().toString(Qt::ISODateWithMs).toUtf8(); }

QByteArray LogLine::timestamped(const QDateTime &utc, QtMsgType type, const char *category, const QString &message)
{
    QByteArray line = timestamp(utc);
    line += ' ';
    line += levelName(type);
    line += ' ';
    line += categoryName(category);
    line += ": ";
    line += message.toUtf8();
    return line;
}

} // namespace confab
