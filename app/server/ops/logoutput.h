// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace confab::server {

// Where the server's Qt log messages go (standard error) and in which shape: readable lines
// ("category: message", with request=… user=… for requests), or one JSON object per line with
// time, level, category, message and, for requests, requestId, userId and latencyMs (for
// journald, Loki, Elasticsearch...). Every line passes LogRedaction first.
class LogOutput {
public:
    enum class Format { Text, Json };

    // "text" or "json"; false for anything else.
    static bool parseFormat(const QString &name, Format *format);
    // Process-wide (qInstallMessageHandler); call once, early in main().
    static void install(Format format);
    // One line, without its newline (for tests of the format).
    static QByteArray formatLine(Format format, QtMsgType type, const char *category, const QString &message);
};

} // namespace confab::server
