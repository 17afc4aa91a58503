// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsondocument.h"

#include "errors.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace confab {

using nlohmann::json;

namespace {

// Error texts quote parts of the input (nlohmann's "last read: '...'", a number token): keep
// them short, since they go back to the client and into logs.
constexpr qsizetype kMaxErrorText = 160;

QString shortened(QString text)
{
    if (text.size() > kMaxErrorText)
        text = text.left(kMaxErrorText - 3) + QLatin1String("...");
    return text;
}

// Builds the document from nlohmann's SAX events, which unlike json::parse() report every error,
// the out-of-range number included, with its byte position, and see each key as it is read.
// Refuses what json::parse() would take silently: duplicate keys (the later value would win
// without a word) and nesting deeper than maxDepth (refused before the deep part is built).
class DocumentBuilder {
public:
    explicit DocumentBuilder(int maxDepth) : m_maxDepth(maxDepth) {}

    json take() { return std::move(m_root); }

    bool null() { return put(nullptr); }
    bool boolean(bool v) { return put(v); }
    bool number_integer(json::number_integer_t v) { return put(v); }
    bool number_unsigned(json::number_unsigned_t v) { return put(v); }
    bool number_float(json::number_float_t v, const json::string_t &) { return put(v); }
    bool string(json::string_t &v) { return put(std::move(v)); }
    bool binary(json::binary_t &v) { return put(json::binary(std::move(v))); }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(json::string_t &k)
    {
        auto [it, inserted] = m_stack.back()->emplace(k, nullptr);
        if (!inserted) {
            throw DecodeError(
                ErrorCode::InvalidJson, {},
                shortened(QStringLiteral("invalid JSON: duplicate key \"%1\"").arg(QString::fromStdString(k))));
        }
        m_slot = &it.value();
        return true;
    }

    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &e)
    {
        QString why = QString::fromUtf8(e.what());
        // nlohmann's text starts with "[json.exception.parse_error.101] "; keep the human part.
        const qsizetype cut = why.indexOf(QLatin1String("] "));
        if (cut >= 0)
            why = why.mid(cut + 2);
        // Syntax errors name their line and column already; the others (a number out of range)
        // get the byte where the parser stood.
        if (e.id < 200)
            throw DecodeError(ErrorCode::InvalidJson, {}, shortened(QStringLiteral("invalid JSON: %1").arg(why)));
        throw DecodeError(ErrorCode::InvalidJson, {},
                          QStringLiteral("invalid JSON at byte %1: %2").arg(position).arg(shortened(why)));
    }

private:
    template<typename V> bool put(V &&v)
    {
        if (m_stack.empty()) {
            m_root = std::forward<V>(v);
        } else if (m_stack.back()->is_array()) {
            m_stack.back()->emplace_back(std::forward<V>(v));
        } else {
            *m_slot = std::forward<V>(v);
        }
        return true;
    }

    bool open(json &&container)
    {
        if (int(m_stack.size()) >= m_maxDepth) {
            throw DecodeError(ErrorCode::InvalidJson, {},
                              QStringLiteral("JSON is nested deeper than %1 levels").arg(m_maxDepth));
        }
        json *added;
        if (m_stack.empty()) {
            m_root = std::move(container);
            added = &m_root;
        } else if (m_stack.back()->is_array()) {
            added = &m_stack.back()->emplace_back(std::move(container));
        } else {
            *m_slot = std::move(container);
            added = m_slot;
        }
        m_stack.push_back(added);
        return true;
    }

    bool close()
    {
        m_stack.pop_back();
        return true;
    }

    const int m_maxDepth;
    json m_root;
    std::vector<json *> m_stack; // open containers, innermost last
    json *m_slot = nullptr;      // where the value after the last key goes
};

} // namespace

nlohmann::json parseJsonDocument(const QByteArray &bytes, int maxDepth)
{
    DocumentBuilder builder(maxDepth);
    try {
        json::sax_parse(bytes.constData(), bytes.constData() + bytes.size(), &builder);
    } catch (const json::exception &e) {
        // Not expected (the builder turns parse errors into DecodeError), but no input may get
        // past this function as anything but INVALID_JSON.
        throw DecodeError(ErrorCode::InvalidJson, {},
                          shortened(QStringLiteral("invalid JSON: %1").arg(QString::fromUtf8(e.what()))));
    }
    return builder.take();
}

QByteArray toJsonBytes(const json &j)
{
    // Replace rather than throw on invalid UTF-8: everything we send was validated on the way in,
    // so this only guards against a bug turning into a crash.
    const std::string s = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace confab
