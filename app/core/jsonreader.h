// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the codecs (include only from .cpp files): reads one JSON object field by field,
// checks every type, length and enum, and reports the dotted path of whatever is wrong.

#include "enums.h"
#include "errors.h"
#include "types.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>

namespace confab {
// Decoders that carry the path of a nested object, for error messages.
void decode(const nlohmann::json &j, User &v, const QString &path);
void decode(const nlohmann::json &j, RoomSettings &v, const QString &path);
void decode(const nlohmann::json &j, Attachment &v, const QString &path);
void decode(const nlohmann::json &j, Message &v, const QString &path);
void decode(const nlohmann::json &j, Room &v, const QString &path);
void decode(const nlohmann::json &j, Member &v, const QString &path);
void decode(const nlohmann::json &j, Presence &v, const QString &path);
void decode(const nlohmann::json &j, ReadReceipt &v, const QString &path);
void decode(const nlohmann::json &j, AuditEntry &v, const QString &path);
void decode(const nlohmann::json &j, OffsetPagination &v, const QString &path);
void decode(const nlohmann::json &j, CursorPagination &v, const QString &path);
void decode(const nlohmann::json &j, PollOption &v, const QString &path);
void decode(const nlohmann::json &j, Poll &v, const QString &path);
void decode(const nlohmann::json &j, NewPoll &v, const QString &path);
void decode(const nlohmann::json &j, AiError &v, const QString &path);
void decode(const nlohmann::json &j, AiAnswer &v, const QString &path);
} // namespace confab

namespace confab::detail {

class JsonReader {
public:
    // `path` is where this object sits in the document ("" for the root, "settings", ...).
    JsonReader(const nlohmann::json &j, QString path = {});

    bool has(const char *key) const;

    // Required fields throw DecodeError when absent or null; optional ones return the fallback.
    QString string(const char *key, int maxLen = 10000);
    QString optString(const char *key, const QString &fallback = {}, int maxLen = 10000);
    bool boolean(const char *key);
    bool optBool(const char *key, bool fallback);
    qint64 integer(const char *key, qint64 min, qint64 max);
    qint64 optInteger(const char *key, qint64 fallback, qint64 min, qint64 max);
    double number(const char *key, double min, double max); // any JSON number
    qint64 timestamp(const char *key);                      // ISO string; null/absent -> 0 only if optional
    qint64 optTimestamp(const char *key);
    QStringList optStringList(const char *key, int maxItems, int maxLen);

    template<typename E> E enumValue(const char *key) { return parseEnum<E>(key, string(key, 64)); }
    template<typename E> E optEnum(const char *key, E fallback)
    {
        if (!present(key))
            return fallback;
        return enumValue<E>(key);
    }

    // A nested object or array, with the path carried along.
    const nlohmann::json &object(const char *key);
    const nlohmann::json *optObject(const char *key);
    const nlohmann::json *optArray(const char *key, std::size_t maxItems);

    // A nested value decoded with its path, e.g. r.nested<Room>("room").
    template<typename T> T nested(const char *key)
    {
        T v;
        decode(object(key), v, pathOf(key));
        return v;
    }
    template<typename T> std::vector<T> nestedList(const char *key, std::size_t maxItems)
    {
        std::vector<T> out;
        const nlohmann::json *list = optArray(key, maxItems);
        if (!list)
            return out;
        out.reserve(list->size());
        int i = 0;
        for (const auto &item : *list) {
            T v;
            decode(item, v, pathOf(key) + QStringLiteral("[%1]").arg(i++));
            out.push_back(std::move(v));
        }
        return out;
    }

    QString pathOf(const char *key) const;
    [[noreturn]] void fail(const char *key, const QString &message) const;

    // Unknown fields are an error: they mean a typo or a client of another version.
    void finish() const;

private:
    bool present(const char *key) const; // present and not null
    const nlohmann::json &require(const char *key);
    void mark(const char *key) { m_seen.insert(key); }
    template<typename E> E parseEnum(const char *key, const QString &s) const
    {
        auto v = enumFromString<E>(s);
        if (!v)
            fail(key, QStringLiteral("unknown value \"%1\"; expected one of: %2").arg(s, enumNames<E>()));
        return *v;
    }

    const nlohmann::json &m_json;
    QString m_path;
    std::set<std::string> m_seen;
};

// Helpers for writers.
inline nlohmann::json str(const QString &s) { return s.toStdString(); }
nlohmann::json optStr(const QString &s); // empty -> null
nlohmann::json timeOrNull(qint64 ms);    // 0 -> null

} // namespace confab::detail

namespace confab {
// The attachments a sender names (send_message, the REST send): each a file id ("f_...") or an
// Attachment object, of which the server reads only fileId.
std::vector<Attachment> attachmentRefs(detail::JsonReader &r, const char *key);
} // namespace confab
