// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchresultsmodel.h"

#include "client/models/roomlistmodel.h"
#include "client/net/apiclient.h"

#include <QDateTime>

namespace confab::client {

SearchResultsModel::SearchResultsModel(ApiClient &api, const RoomListModel &rooms, QObject *parent)
    : QAbstractListModel(parent), m_api(api), m_rooms(rooms)
{
}

void SearchResultsModel::search(const QString &text, const QString &roomId, bool byRelevance)
{
    const quint64 gen = ++m_generation;
    if (text.trimmed().isEmpty()) {
        clear();
        return;
    }
    SearchQuery q;
    q.text = text;
    q.roomId = roomId;
    q.byRelevance = byRelevance;
    q.limit = 50;
    m_searching = true;
    m_api.search(q, this, [this, gen](const ApiResult<std::vector<SearchHit>> &r) {
        if (gen != m_generation)
            return; // the user typed on
        m_searching = false;
        setResults(r.ok() ? r.value : std::vector<SearchHit>{}, r.ok() ? QString() : r.error->message);
    });
}

void SearchResultsModel::clear()
{
    ++m_generation;
    m_searching = false;
    setResults({}, {});
}

void SearchResultsModel::setResults(std::vector<SearchHit> hits, const QString &error)
{
    beginResetModel();
    m_hits = std::move(hits);
    m_error = error;
    endResetModel();
    Q_EMIT finished();
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_hits.size()); }

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const SearchHit &hit = m_hits[std::size_t(index.row())];
    const Message &m = hit.message;
    switch (role) {
    case MessageIdRole: return m.messageId;
    case RoomIdRole: return m.roomId;
    case RoomNameRole: {
        const auto room = m_rooms.room(m.roomId);
        return room ? room->name : m.roomId;
    }
    case AuthorNameRole: return m.isAnonymous ? m.anonymousName : m.authorName;
    case TimestampRole: return QDateTime::fromMSecsSinceEpoch(m.timestamp, Qt::UTC);
    case Qt::DisplayRole:
    case SnippetRole: return hit.snippet;
    case HighlightsRole: return QVariant::fromValue(QList<TextRange>(hit.highlights.begin(), hit.highlights.end()));
    default: return {};
    }
}

QHash<int, QByteArray> SearchResultsModel::roleNames() const
{
    return {{MessageIdRole, "messageId"},   {RoomIdRole, "roomId"},       {RoomNameRole, "roomName"},
            {AuthorNameRole, "authorName"}, {TimestampRole, "timestamp"}, {SnippetRole, "snippet"},
            {HighlightsRole, "highlights"}};
}

} // namespace confab::client
