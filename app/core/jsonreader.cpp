// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonreader.h"

#include "timeutil.h"
#include "validation.h"

namespace confab::detail {

using nlohmann::json;

namespace {
QString typeName(const json &j) { return QString::fromLatin1(j.type_name()); }
} // namespace

JsonReader::JsonReader(const json &j, QString path) : m_json(j), m_path(std::move(path))
{
    if (!j.is_object())
        throw DecodeError(ErrorCode::ValidationFailed, m_path,
                          QStringLiteral("must be an object, not %1").arg(typeName(j)));
}

QString JsonReader::pathOf(const char *key) const
{
    const QString k = QString::fromLatin1(key);
    return m_path.isEmpty() ? k : m_path + QLatin1Char('.') + k;
}

void JsonReader::fail(const char *key, const QString &message) const
{
    throw DecodeError(ErrorCode::ValidationFailed, pathOf(key), message);
}

bool JsonReader::has(const char *key) const { return m_json.contains(key); }

bool JsonReader::present(const char *key) const
{
    auto it = m_json.find(key);
    return it != m_json.end() && !it->is_null();
}

const json &JsonReader::require(const char *key)
{
    mark(key);
    auto it = m_json.find(key);
    if (it == m_json.end() || it->is_null())
        fail(key, QStringLiteral("is required"));
    return *it;
}

QString JsonReader::string(const char *key, int maxLen)
{
    const json &v = require(key);
    if (!v.is_string())
        fail(key, QStringLiteral("must be a string, not %1").arg(typeName(v)));
    const auto &raw = v.get_ref<const std::string &>();
    QString s = QString::fromStdString(raw);
    if (codePointCount(s) > maxLen)
        fail(key, QStringLiteral("is longer than %1 characters").arg(maxLen));
    return s;
}

QString JsonReader::optString(const char *key, const QString &fallback, int maxLen)
{
    mark(key);
    if (!present(key))
        return fallback;
    return string(key, maxLen);
}

bool JsonReader::boolean(const char *key)
{
    const json &v = require(key);
    if (!v.is_boolean())
        fail(key, QStringLiteral("must be true or false, not %1").arg(typeName(v)));
    return v.get<bool>();
}

bool JsonReader::optBool(const char *key, bool fallback)
{
    mark(key);
    return present(key) ? boolean(key) : fallback;
}

double JsonReader::number(const char *key, double min, double max)
{
    const json &v = require(key);
    if (!v.is_number())
        fail(key, QStringLiteral("must be a number, not %1").arg(typeName(v)));
    const double n = v.get<double>();
    if (!(n >= min && n <= max))
        fail(key, QStringLiteral("is out of range %1..%2").arg(min).arg(max));
    return n;
}

qint64 JsonReader::integer(const char *key, qint64 min, qint64 max)
{
    const json &v = require(key);
    qint64 n = 0;
    if (v.is_number_integer()) {
        if (v.is_number_unsigned() && v.get<quint64>() > quint64(std::numeric_limits<qint64>::max()))
            fail(key, QStringLiteral("is out of range %1..%2").arg(min).arg(max));
        n = v.get<qint64>();
    } else {
        fail(key, QStringLiteral("must be a whole number, not %1").arg(typeName(v)));
    }
    if (n < min || n > max)
        fail(key, QStringLiteral("is out of range %1..%2").arg(min).arg(max));
    return n;
}

qint64 JsonReader::optInteger(const char *key, qint64 fallback, qint64 min, qint64 max)
{
    mark(key);
    return present(key) ? integer(key, min, max) : fallback;
}

qint64 JsonReader::timestamp(const char *key)
{
    const QString s = string(key, 40);
    auto t = parseTimestamp(s);
    if (!t)
        fail(key, QStringLiteral("must be an ISO 8601 UTC time like 2025-09-29T10:25:00.123Z"));
    return *t;
}

qint64 JsonReader::optTimestamp(const char *key)
{
    mark(key);
    return present(key) ? timestamp(key) : 0;
}

QStringList JsonReader::optStringList(const char *key, int maxItems, int maxLen)
{
    mark(key);
    if (!present(key))
        return {};
    const json &v = m_json.at(key);
    if (!v.is_array())
        fail(key, QStringLiteral("must be an array, not %1").arg(typeName(v)));
    if (v.size() > std::size_t(maxItems))
        fail(key, QStringLiteral("has more than %1 items").arg(maxItems));
    QStringList out;
    out.reserve(qsizetype(v.size()));
    int i = 0;
    for (const auto &item : v) {
        const QString where = pathOf(key) + QStringLiteral("[%1]").arg(i++);
        if (!item.is_string())
            throw DecodeError(ErrorCode::ValidationFailed, where,
                              QStringLiteral("must be a string, not %1").arg(typeName(item)));
        QString s = QString::fromStdString(item.get_ref<const std::string &>());
        if (codePointCount(s) > maxLen)
            throw DecodeError(ErrorCode::ValidationFailed, where,
                              QStringLiteral("is longer than %1 characters").arg(maxLen));
        out << s;
    }
    return out;
}

const json &JsonReader::object(const char *key)
{
    const json &v = require(key);
    if (!v.is_object())
        fail(key, QStringLiteral("must be an object, not %1").arg(typeName(v)));
    return v;
}

const json *JsonReader::optObject(const char *key)
{
    mark(key);
    if (!present(key))
        return nullptr;
    return &object(key);
}

const json *JsonReader::optArray(const char *key, std::size_t maxItems)
{
    mark(key);
    if (!present(key))
        return nullptr;
    const json &v = m_json.at(key);
    if (!v.is_array())
        fail(key, QStringLiteral("must be an array, not %1").arg(typeName(v)));
    if (v.size() > maxItems)
        fail(key, QStringLiteral("has more than %1 items").arg(maxItems));
    return &v;
}

void JsonReader::finish() const
{
    for (auto it = m_json.begin(); it != m_json.end(); ++it) {
        if (!m_seen.count(it.key()))
            throw DecodeError(ErrorCode::ValidationFailed, pathOf(it.key().c_str()),
                              QStringLiteral("is not a known field"));
    }
}

json optStr(const QString &s) { return s.isEmpty() ? json(nullptr) : json(s.toStdString()); }

json timeOrNull(qint64 ms) { return ms == 0 ? json(nullptr) : json(formatTimestamp(ms).toStdString()); }

} // namespace confab::detail
