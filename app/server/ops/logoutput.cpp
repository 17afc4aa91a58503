// SPDX-License-Identifier: GPL-3.0-or-later
#include "logoutput.h"

#include "logcontext.h"
#include "logredaction.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdio>

namespace confab::server {

namespace {

std::atomic<LogOutput::Format> g_format{LogOutput::Format::Text};

const char *levelName(QtMsgType type)
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

void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QByteArray line = LogOutput::formatLine(g_format.load(), type, context.category, message);
    line += '\n';
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr); // one call: lines from threads do not mix
    std::fflush(stderr);
    if (type == QtFatalMsg)
        std::abort();
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
    qInstallMessageHandler(handle);
}

QByteArray LogOutput::formatLine(Format format, QtMsgType type, const char *category, const QString &message)
{
    const QString text = LogRedaction::redact(message);
    const LogContext *request = LogContext::current();
    const bool hasCategory = category && qstrcmp(category, "default") != 0;
    if (format == Format::Text) {
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
    j["time"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    j["level"] = levelName(type);
    j["category"] = hasCategory ? category : "default";
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

} // namespace confab::server
