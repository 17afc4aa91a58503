// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace confab::server {

// Where the server's Qt log messages go (standard error) and in which shape: readable lines
// ("category: message", with request=… user=… for requests), or one JSON object per line with
// time, level, category, message and, for requests, requestId, userId and latencyMs (for
// journald, Loki, Elasticsearch...). Every line passes LogRedaction first. Lines are written by
// a thread of their own (LogQueue): logging never waits for whoever reads standard error.
class LogOutput {
public:
    enum class Format { Text, Json };

    // "text" or "json"; false for anything else.
    static bool parseFormat(const QString &name, Format *format);
    // Process-wide (qInstallMessageHandler); call once, early in main().
    static void install(Format format);
    // At exit (install() registers it): waits, a few seconds at most, until every queued line
    // is written; lines after it are written at once.
    static void flush();
    // Lines dropped because the output was not read fast enough (for /metrics).
    static qint64 droppedLines();
    // One line, without its newline (for tests of the format).
    static QByteArray formatLine(Format format, QtMsgType type, const char *category, const QString &message);
};

} // namespace confab::server
