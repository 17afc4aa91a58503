// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/net/apitypes.h"

#include <QAbstractListModel>

namespace confab::client {

class ApiClient;
class RoomListModel;

// The results of one message search (GET /v1/chat/search), newest query only: an answer for a
// query that was replaced meanwhile is dropped, so results never flicker back to older text.
// Each row is a hit with its room's name (from the room list), the author, the time, and the
// snippet as plain text with the server's match ranges (never HTML: the view paints the
// ranges itself). Debouncing keystrokes is the caller's job.
class SearchResultsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles {
        MessageIdRole = Qt::UserRole + 1,
        RoomIdRole,
        RoomNameRole,
        AuthorNameRole,
        TimestampRole,  // QDateTime (UTC)
        SnippetRole,    // plain text
        HighlightsRole, // QList<confab::TextRange> into the snippet
    };

    SearchResultsModel(ApiClient &api, const RoomListModel &rooms, QObject *parent = nullptr);

    // Searches every room the user can read, or only roomId. Text may hold the filters of
    // core/searchsyntax.h. Empty text clears the results.
    void search(const QString &text, const QString &roomId = {}, bool byRelevance = false);
    void clear();
    bool isSearching() const { return m_searching; }
    // Why the last search failed (the server's words: "before: wants a date as ..."), or empty.
    QString errorText() const { return m_error; }
    const SearchHit &hitAt(int row) const { return m_hits.at(std::size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // The answer to the newest search came (results or an error).
    void finished();

private:
    void setResults(std::vector<SearchHit> hits, const QString &error);

    ApiClient &m_api;
    const RoomListModel &m_rooms;
    std::vector<SearchHit> m_hits;
    QString m_error;
    quint64 m_generation = 0;
    bool m_searching = false;
};

} // namespace confab::client

Q_DECLARE_METATYPE(confab::TextRange)
