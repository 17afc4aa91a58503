// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the core tests: fixture files, UTC times built independently of the code
// under test, and a field-by-field comparison of the wire structs that names every differing field.

#include "core/errors.h"
#include "core/frames.h"
#include "core/permissions.h"
#include "core/types.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <type_traits>
#include <variant>
#include <vector>

Q_DECLARE_METATYPE(nlohmann::json)
Q_DECLARE_METATYPE(confab::ErrorCode)
Q_DECLARE_METATYPE(confab::Action)
Q_DECLARE_METATYPE(confab::Role)
Q_DECLARE_METATYPE(std::optional<confab::Role>)

namespace coretest {

using nlohmann::json;

// <repo>/tests/fixtures/core: from $CONFAB_FIXTURES (set by CTest), else the source tree.
QString fixtureDir();
QString fixturePath(const QString &relative);
// Reads and parses a fixture with plain nlohmann (not the parser under test). Throws
// std::runtime_error when the file is missing or not JSON.
json loadFixture(const QString &relative);

// Milliseconds since the epoch of a UTC time, computed by QDateTime (not by parseTimestamp).
qint64 utc(int year, int month, int day, int hour, int minute, int second, int ms);

QString dump(const json &j, int maxChars = 400);

// ---- field-by-field comparison ----------------------------------------------------------------

class Diff;
void fields(Diff &d, const QString &p, const confab::User &a, const confab::User &e);
void fields(Diff &d, const QString &p, const confab::RoomSettings &a, const confab::RoomSettings &e);
void fields(Diff &d, const QString &p, const confab::Attachment &a, const confab::Attachment &e);
void fields(Diff &d, const QString &p, const confab::SystemEvent &a, const confab::SystemEvent &e);
void fields(Diff &d, const QString &p, const confab::Message &a, const confab::Message &e);
void fields(Diff &d, const QString &p, const confab::NotificationPrefs &a, const confab::NotificationPrefs &e);
void fields(Diff &d, const QString &p, const confab::RoomNotifications &a, const confab::RoomNotifications &e);
void fields(Diff &d, const QString &p, const confab::Room &a, const confab::Room &e);
void fields(Diff &d, const QString &p, const confab::Member &a, const confab::Member &e);
void fields(Diff &d, const QString &p, const confab::Presence &a, const confab::Presence &e);
void fields(Diff &d, const QString &p, const confab::ReadReceipt &a, const confab::ReadReceipt &e);
void fields(Diff &d, const QString &p, const confab::AuditEntry &a, const confab::AuditEntry &e);
void fields(Diff &d, const QString &p, const confab::OffsetPagination &a, const confab::OffsetPagination &e);
void fields(Diff &d, const QString &p, const confab::CursorPagination &a, const confab::CursorPagination &e);
void fields(Diff &d, const QString &p, const confab::ClientFrame &a, const confab::ClientFrame &e);
void fields(Diff &d, const QString &p, const confab::PollOption &a, const confab::PollOption &e);
void fields(Diff &d, const QString &p, const confab::Poll &a, const confab::Poll &e);
void fields(Diff &d, const QString &p, const confab::AiError &a, const confab::AiError &e);
void fields(Diff &d, const QString &p, const confab::AiAnswer &a, const confab::AiAnswer &e);
void fields(Diff &d, const QString &p, const confab::ServerFrame &a, const confab::ServerFrame &e);

// Printable values for the report.
QString text(const QString &v);
QString text(const QStringList &v);
QString text(qint64 v);
QString text(int v);
QString text(bool v);
QString text(confab::Role v);
QString text(confab::ServerRole v);
QString text(confab::RoomType v);
QString text(confab::MessageType v);
QString text(confab::PresenceStatus v);
QString text(confab::ModerationLevel v);
QString text(confab::ReactionAction v);
QString text(confab::WordFilterAction v);
QString text(confab::SystemEventKind v);
QString text(confab::NotificationLevel v);
QString text(confab::ErrorCode v);
QString text(confab::AiState v);

template<typename T, typename... Ts> constexpr bool kOneOf = (std::is_same_v<T, Ts> || ...);
// The types that have a fields() overload above.
template<typename T>
constexpr bool kHasFields =
    kOneOf<T, confab::User, confab::RoomSettings, confab::Attachment, confab::SystemEvent, confab::Message,
           confab::Room, confab::Member, confab::Presence, confab::ReadReceipt, confab::AuditEntry,
           confab::OffsetPagination, confab::CursorPagination, confab::ClientFrame, confab::ServerFrame,
           confab::NotificationPrefs, confab::RoomNotifications, confab::PollOption, confab::Poll, confab::AiError,
           confab::AiAnswer>;

template<typename T> struct IsVector : std::false_type {
};
template<typename T> struct IsVector<std::vector<T>> : std::true_type {
};
template<typename T> struct IsOptional : std::false_type {
};
template<typename T> struct IsOptional<std::optional<T>> : std::true_type {
};
template<typename T> struct IsMap : std::false_type {
};
template<typename K, typename V> struct IsMap<std::map<K, V>> : std::true_type {
};

inline QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

// Collects one line per differing field, named by its dotted path ("room.settings.enableAI").
class Diff {
public:
    template<typename T> void field(const QString &path, const char *name, const T &a, const T &e)
    {
        check(join(path, QString::fromLatin1(name)), a, e);
    }

    template<typename T> void check(const QString &path, const T &a, const T &e)
    {
        if constexpr (kHasFields<T>) {
            fields(*this, path, a, e);
        } else if constexpr (IsOptional<T>::value) {
            if (a.has_value() != e.has_value())
                add(path, a ? QStringLiteral("a value") : QStringLiteral("null"),
                    e ? QStringLiteral("a value") : QStringLiteral("null"));
            else if (a)
                check(path, *a, *e);
        } else if constexpr (IsVector<T>::value) {
            if (a.size() != e.size())
                add(path + QStringLiteral(".size"), text(qint64(a.size())), text(qint64(e.size())));
            for (std::size_t i = 0; i < std::min(a.size(), e.size()); ++i)
                check(path + QStringLiteral("[%1]").arg(i), a[i], e[i]);
        } else if constexpr (IsMap<T>::value) {
            for (const auto &[key, value] : e) {
                auto it = a.find(key);
                if (it == a.end())
                    add(join(path, key), QStringLiteral("missing"), text(value));
                else
                    check(join(path, key), it->second, value);
            }
            for (const auto &[key, value] : a) {
                if (!e.count(key))
                    add(join(path, key), text(value), QStringLiteral("missing"));
            }
        } else {
            if (!(a == e))
                add(path, text(a), text(e));
        }
    }

    void add(const QString &path, const QString &got, const QString &expected)
    {
        problems << QStringLiteral("%1: got %2, expected %3").arg(path, got, expected);
    }

    QStringList problems;
};

template<typename T> QStringList differences(const T &actual, const T &expected)
{
    Diff d;
    d.check(QString(), actual, expected);
    return d.problems;
}

} // namespace coretest
