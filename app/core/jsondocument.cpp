#include "jsondocument.h"

#include "errors.h"

#include <nlohmann/json.hpp>

namespace confab {

using nlohmann::json;

nlohmann::json parseJsonDocument(const QByteArray &bytes, int maxDepth)
{
    // The callback sees each value's depth as it is parsed; refusing there stops the parse before
    // a deep document is ever built.
    json::parser_callback_t limitDepth = [&](int depth, json::parse_event_t event, json &) {
        if ((event == json::parse_event_t::object_start || event == json::parse_event_t::array_start) &&
            depth >= maxDepth) {
            throw DecodeError(ErrorCode::InvalidJson, {},
                              QStringLiteral("JSON is nested deeper than %1 levels").arg(maxDepth));
        }
        return true;
    };
    try {
        return json::parse(bytes.constData(), bytes.constData() + bytes.size(), limitDepth);
    } catch (const json::parse_error &e) {
        QString why = QString::fromUtf8(e.what());
        // nlohmann's text starts with "[json.exception.parse_error.101] "; keep the human part.
        const qsizetype cut = why.indexOf(QLatin1String("] "));
        if (cut >= 0)
            why = why.mid(cut + 2);
        throw DecodeError(ErrorCode::InvalidJson, {}, QStringLiteral("invalid JSON: %1").arg(why));
    }
}

QByteArray toJsonBytes(const json &j)
{
    // Replace rather than throw on invalid UTF-8: everything we send was validated on the way in,
    // so this only guards against a bug turning into a crash.
    const std::string s = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace confab
