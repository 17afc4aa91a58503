// SPDX-License-Identifier: GPL-3.0-or-later
// The value conversions shared by the SQLite stores (see sqlitevalues.h).

#include "sqlitevalues.h"

#include "core/jsondocument.h"
#include "core/limits.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace confab::server {

using nlohmann::json;

[[noreturn]] void throwStorageError(const QString &text) { throw StorageError(text.toStdString()); }

QVariant sqlBool(bool b) { return b ? 1 : 0; }

QVariant sqlBlob(const QByteArray &b)
{
    // As with text: Qt would bind a null QByteArray as NULL.
    return b.isNull() ? QVariant(QByteArray("", 0)) : QVariant(b);
}

json parseStoredJson(const QString &text, QLatin1String column)
{
    try {
        return parseJsonDocument(text.toUtf8(), limits::kJsonDepthMax);
    } catch (const std::exception &e) {
        throwStorageError(QStringLiteral("unreadable JSON in column %1: %2").arg(column, QString::fromUtf8(e.what())));
    }
}

QString idListJson(const std::vector<QString> &ids)
{
    json list = json::array();
    for (const QString &id : ids)
        list.push_back(id.toStdString());
    return QString::fromUtf8(toJsonBytes(list));
}

QString likeContainsPattern(const QString &text)
{
    QString escaped = text.toCaseFolded();
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString joined(const QStringList &conditions)
{
    return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QLatin1String(" AND "));
}

int clampLimit(int limit) { return std::clamp(limit, 0, 10000); }

} // namespace confab::server
