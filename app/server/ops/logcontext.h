// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace confab::server {

// Fields of the request a log line is about, for the log's own fields (LogOutput) instead of
// being buried in the message: set around a qCInfo() with a Scope, on the thread that logs.
struct LogContext {
    QByteArray requestId;
    QString userId;        // empty when not known
    qint64 latencyUs = -1; // -1: not a finished request

    // The context of the innermost LogContextScope on this thread, or null.
    static const LogContext *current();
};

// Makes `context` the current one until it goes out of scope.
class LogContextScope {
public:
    explicit LogContextScope(LogContext context);
    ~LogContextScope();
    LogContextScope(const LogContextScope &) = delete;
    LogContextScope &operator=(const LogContextScope &) = delete;

private:
    LogContext m_context;
    const LogContext *m_previous;
};

} // namespace confab::server
