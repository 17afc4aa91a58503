// SPDX-License-Identifier: GPL-3.0-or-later
#include "logoutput.h"

#include "logcontext.h"
#include "logqueue.h"
#include "logredaction.h"

#include "core/logline.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace confab::server {

namespace {

// Enough for a burst of long lines while the reader catches up; past it lines are dropped.
constexpr qint64 kQueueBytes = 1024 * 1024;

std::atomic<LogOutput::Format> g_format{LogOutput::Format::Text};
// Created by install() and never deleted: threads may log until the very end of the process,
// and a stuck writer thread may still be using it then.
std::atomic<LogQueue *> g_queue{nullptr};

QByteArray format(LogOutput::Format format, QtMsgType type, const char *category, const QString &message,
                  const LogContext *request)
{
    const QString text = LogRedaction::redact(message);
    const bool hasCategory = category && qstrcmp(category, "default") != 0;
    if (format == LogOutput::Format::Text) {
        QByteArray line;
        if (hasCategory)
            line += QByteArray(category) + ": ";
        line += text.toUtf8();
        if (request) {
            line += " request=" + request->requestId;
            if (!request->userId.isEmpty())
                line += " user=" + request->userId.toUtf8();
        }
        return line;
    }
    nlohmann::json j;
    j["time"] = LogLine::timestamp(QDateTime::currentDateTimeUtc()).toStdString();
    j["level"] = LogLine::levelName(type);
    j["category"] = LogLine::categoryName(hasCategory ? category : nullptr);
    j["message"] = text.toStdString();
    if (request) {
        j["requestId"] = request->requestId.toStdString();
        if (!request->userId.isEmpty())
            j["userId"] = request->userId.toStdString();
        if (request->latencyUs >= 0)
            j["latencyMs"] = double(request->latencyUs) / 1000.0;
    }
    return QByteArray::fromStdString(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void writeNow(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr); // one call: lines from threads do not mix
    std::fflush(stderr);
}

void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QByteArray line = LogOutput::formatLine(g_format.load(), type, context.category, message);
    line += '\n';
    LogQueue *queue = g_queue.load();
    if (type == QtFatalMsg) {
        // What came before first; with output that nobody reads, abort rather than hang.
        if (!queue || queue->finish(std::chrono::seconds(1)))
            writeNow(line);
        std::abort();
    }
    if (queue)
        queue->push(std::move(line));
    else
        writeNow(line);
}

QByteArray dropNotice(qint64 count)
{
    return format(g_format.load(), QtWarningMsg, "confab.log",
                  QStringLiteral("%1 log lines dropped: the log output was not being read").arg(count), nullptr) +
           '\n';
}

} // namespace

bool LogOutput::parseFormat(const QString &name, Format *format)
{
    if (name == QLatin1String("text"))
        *format = Format::Text;
    else if (name == QLatin1String("json"))
        *format = Format::Json;
    else
        return false;
    return true;
}

void LogOutput::install(Format format)
{
    g_format = format;
    if (!g_queue.load()) {
        g_queue = new LogQueue(STDERR_FILENO, kQueueBytes, dropNotice);
        // Every way out of main() (a clean stop, an error at start-up) writes what is queued.
        std::atexit(LogOutput::flush);
    }
    qInstallMessageHandler(handle);
}

void LogOutput::flush()
{
    // When nobody reads the output, what is still queued is lost with the process: saying so
    // would block on the same full pipe.
    if (LogQueue *queue = g_queue.load())
        queue->finish(std::chrono::seconds(5));
}

qint64 LogOutput::droppedLines()
{
    const LogQueue *queue = g_queue.load();
    return queue ? queue->dropped() : 0;
}

QByteArray LogOutput::formatLine(Format format, QtMsgType type, const char *category, const QString &message)
{
    return confab::server::format(format, type, category, message, LogContext::current());
}

} // namespace confab::server
