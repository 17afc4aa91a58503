// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Value conversions shared by the SQLite stores: stored enums and JSON read back (anything
// unreadable is a StorageError), booleans and blobs bound, id lists, LIKE patterns, WHERE clauses
// and row limits.

#include "storage/storage.h"

#include <QLatin1String>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <vector>

namespace confab::server {

[[noreturn]] void throwStorageError(const QString &text);

template<typename E> E storedEnum(const QString &value, QLatin1String column)
{
    if (const std::optional<E> e = enumFromString<E>(value))
        return *e;
    throwStorageError(QStringLiteral("unknown value '%1' in column %2").arg(value, column));
}

QVariant sqlBool(bool b);
QVariant sqlBlob(const QByteArray &b);

nlohmann::json parseStoredJson(const QString &text, QLatin1String column);

// A JSON array of ids, bound as one parameter and expanded by json_each(): one cached statement
// whatever the number of ids.
QString idListJson(const std::vector<QString> &ids);

// `%text%` for LIKE ... ESCAPE '\', case-folded.
QString likeContainsPattern(const QString &text);

// " WHERE a AND b ...", or nothing for no conditions.
QString joined(const QStringList &conditions);

int clampLimit(int limit);

} // namespace confab::server
