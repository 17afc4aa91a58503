// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagemodel.h"

#include "client/net/apiclient.h"
#include "client/sync/outbox.h"
#include "client/sync/syncengine.h"
#include "core/markdownpreview.h"

#include <QDateTime>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace confab::client {

MessageModel::MessageModel(const QString &roomId, ApiClient &api, LocalStore &store, SyncEngine &sync, Outbox &outbox,
                           QObject *parent)
    : QAbstractListModel(parent), m_roomId(roomId), m_me(sync.myUserId()), m_api(api), m_store(store), m_sync(sync),
      m_outbox(outbox)
{
    connect(&m_sync, &SyncEngine::messageArrived, this, [this](const Message &m) {
        if (m.roomId != m_roomId)
            return;
        upsert(m);
        trimOldest();
    });
    // An author's new name or picture shows on their messages at once (the server's copies say
    // it too when they are fetched again).
    connect(&m_sync, &SyncEngine::userUpdated, this, [this](const User &u) {
        for (std::size_t row = 0; row < m_rows.size(); ++row) {
            Message &m = m_rows[row].message;
            if (m.authorId != u.userId || m.isAnonymous)
                continue;
            m.authorName = u.displayName;
            m.authorAvatar = u.avatar;
            Q_EMIT dataChanged(index(int(row)), index(int(row)), {AuthorNameRole, AuthorAvatarRole});
        }
    });
    connect(&m_sync, &SyncEngine::messageChanged, this, [this](const Message &m) {
        if (m.roomId == m_roomId)
            upsert(m);
    });
    connect(&m_sync, &SyncEngine::messageDeleted, this, [this](const QString &roomId, const QString &messageId) {
        if (roomId != m_roomId)
            return;
        const int row = rowOfMessage(messageId);
        if (row < 0)
            return;
        m_rows[std::size_t(row)].message.isDeleted = true;
        m_rows[std::size_t(row)].message.content.clear();
        changed(row);
        updatePinnedCopy(m_rows[std::size_t(row)].message);
    });
    connect(&m_sync, &SyncEngine::messagesPurged, this, &MessageModel::applyPurge);
    connect(&m_sync, &SyncEngine::roomReset, this, [this](const QString &roomId) {
        if (roomId != m_roomId)
            return;
        reload();
        loadPins(); // pin events were missed too
    });
    connect(&m_sync, &SyncEngine::pinChanged, this, &MessageModel::applyPin);
    connect(&m_sync, &SyncEngine::pollChanged, this, &MessageModel::applyPoll);
    connect(&m_outbox, &Outbox::queued, this, [this](const OutgoingItem &item) {
        if (item.roomId == m_roomId)
            appendPending(item);
    });
    connect(&m_outbox, &Outbox::stateChanged, this, [this](const OutgoingItem &item) {
        const int row = rowOfClientMsgId(item.clientMsgId);
        if (row < m_sent)
            return;
        Row &r = m_rows[std::size_t(row)];
        r.delivery = item.state == OutgoingItem::State::Failed ? Delivery::Failed : Delivery::Pending;
        r.error = item.error;
        changed(row);
    });
    connect(&m_outbox, &Outbox::delivered, this,
            [this](const QString &roomId, const QString &clientMsgId, const Message &m) {
                if (roomId != m_roomId)
                    return;
                acceptOwn(clientMsgId, m);
                trimOldest();
            });
    connect(&m_outbox, &Outbox::uploadProgressChanged, this,
            [this](const QString &roomId, const QString &clientMsgId, qint64 sent, qint64 total) {
                if (roomId != m_roomId || total <= 0)
                    return;
                const int row = rowOfClientMsgId(clientMsgId);
                if (row < m_sent)
                    return;
                m_rows[std::size_t(row)].uploaded = float(double(sent) / double(total));
                changed(row);
            });
    connect(&m_outbox, &Outbox::discarded, this, [this](const QString &, const QString &clientMsgId) {
        const int row = rowOfClientMsgId(clientMsgId);
        if (row < m_sent)
            return;
        beginRemoveRows({}, row, row);
        m_rows.erase(m_rows.begin() + row);
        endRemoveRows();
    });
}

void MessageModel::load()
{
    std::deque<Row> rows;
    for (Message &m : m_store.recentMessages(m_roomId, m_pageSize))
        rows.push_back(makeRow(std::move(m), Delivery::Sent));
    const int sent = int(rows.size());
    for (const OutgoingItem &item : m_outbox.items(m_roomId)) {
        if (rowOfClientMsgId(item.clientMsgId) >= 0)
            continue;
        rows.push_back(makeRow(localEcho(item),
                               item.state == OutgoingItem::State::Failed ? Delivery::Failed : Delivery::Pending,
                               item.error));
        if (const auto [sent, total] = m_outbox.uploadProgress(item.clientMsgId); total > 0)
            rows.back().uploaded = float(double(sent) / double(total));
    }
    if (!rows.empty() && m_rows.empty()) {
        beginInsertRows({}, 0, int(rows.size()) - 1);
        m_rows = std::move(rows);
        m_sent = sent;
        endInsertRows();
    }
    fetchLatest();
    loadPins();
}

void MessageModel::reload()
{
    beginResetModel();
    m_rows.erase(m_rows.begin(), m_rows.begin() + m_sent);
    m_sent = 0;
    ++m_generation;
    m_hasOlder = true;
    m_atLatest = true;
    m_fetchingOlder = false;
    m_fetchingNewer = false;
    m_quotes.clear();
    endResetModel();
    fetchLatest();
}

void MessageModel::openAt(const QString &messageId)
{
    const quint64 gen = ++m_generation; // answers for the window shown until now are stale
    m_fetchingOlder = false;
    m_fetchingNewer = false;
    HistoryQuery q;
    q.around = messageId;
    q.limit = m_pageSize;
    m_api.messages(m_roomId, q, this, [this, gen, messageId](const ApiResult<MessagePage> &r) {
        if (gen != m_generation)
            return;
        if (!r.ok()) {
            Q_EMIT loadFailed(r.error->message);
            return;
        }
        const MessagePage &p = r.value;
        m_store.saveMessages(r.value.messages);
        beginResetModel();
        m_rows.erase(m_rows.begin(), m_rows.begin() + m_sent); // the outbox's rows stay at the end
        m_sent = 0;
        m_quotes.clear();
        std::vector<Row> rows;
        for (const Message &m : r.value.messages)
            rows.push_back(makeRow(m, Delivery::Sent));
        m_rows.insert(m_rows.begin(), rows.begin(), rows.end());
        m_sent = int(rows.size());
        m_hasOlder = p.hasMoreBefore.value_or(p.pagination.hasMore);
        m_atLatest = !p.hasMoreAfter.value_or(p.pagination.hasMore);
        m_latestLoaded = true;
        endResetModel();
        if (m_atLatest)
            joinLiveEnd();
        Q_EMIT openedAt(messageId);
    });
}

void MessageModel::joinLiveEnd()
{
    if (m_sent == 0)
        return;
    for (const Message &m : m_store.messagesAfter(m_roomId, m_rows[std::size_t(m_sent - 1)].message.seq, m_maxRows))
        upsert(m, true);
    trimOldest();
}

void MessageModel::setHighlighted(const QString &messageId)
{
    const int before = rowOfMessage(m_highlighted);
    m_highlighted = messageId;
    if (before >= 0)
        Q_EMIT dataChanged(index(before), index(before), {IsHighlightedRole});
    if (const int now = rowOfMessage(messageId); now >= 0)
        Q_EMIT dataChanged(index(now), index(now), {IsHighlightedRole});
}

void MessageModel::fetchLatest()
{
    const quint64 gen = m_generation;
    HistoryQuery q;
    q.limit = m_pageSize;
    m_api.messages(m_roomId, q, this, [this, gen](const ApiResult<MessagePage> &r) {
        if (gen != m_generation)
            return; // an answer for a window we no longer show
        if (!r.ok()) {
            Q_EMIT loadFailed(r.error->message);
            return;
        }
        const bool coversOldest =
            m_sent == 0 || r.value.messages.empty() || r.value.messages.front().seq <= m_rows.front().message.seq;
        m_store.saveMessages(r.value.messages);
        mergePage(r.value.messages);
        if (coversOldest)
            setHasOlder(r.value.pagination.hasMore);
        m_latestLoaded = true;
        placeReadMarker();
        Q_EMIT latestLoaded();
    });
}

void MessageModel::mergePage(const std::vector<Message> &page)
{
    // If the window moved back meanwhile (an older page came first), the latest page only
    // updates what the window shows; fetchNewer() brings the rest.
    const bool atLatest = m_atLatest;
    for (const Message &m : page)
        upsert(m, atLatest);
    if (atLatest)
        trimOldest();
}

int MessageModel::insertPosition(qint64 seq) const
{
    const auto it = std::upper_bound(m_rows.begin(), m_rows.begin() + m_sent, seq,
                                     [](qint64 s, const Row &r) { return s < r.message.seq; });
    return int(it - m_rows.begin());
}

bool MessageModel::upsert(const Message &m, bool allowOutsideWindow)
{
    const int existing = rowOfMessage(m.messageId);
    if (existing >= 0) {
        Message &held = m_rows[std::size_t(existing)].message;
        std::optional<Poll> poll = m.poll ? std::optional<Poll>(withMyVotesKept(*m.poll, held.poll)) : std::nullopt;
        held = m;
        held.poll = std::move(poll);
        shareStrings(m_rows[std::size_t(existing)].message);
        changed(existing);
        updatePinnedCopy(m);
        return true;
    }
    if (!m.clientMsgId.isEmpty() && m.authorId == m_me) {
        const int pending = rowOfClientMsgId(m.clientMsgId);
        if (pending >= m_sent) {
            acceptOwn(m.clientMsgId, m);
            return true;
        }
    }
    if (!allowOutsideWindow && m_sent > 0) {
        if (!m_atLatest && m.seq > m_rows[std::size_t(m_sent - 1)].message.seq)
            return false; // newer than the window we show; fetchNewer() brings it
        if (m_hasOlder && m.seq < m_rows.front().message.seq)
            return false; // an edit of a message scrolled out of the window
    }
    const int pos = insertPosition(m.seq);
    beginInsertRows({}, pos, pos);
    m_rows.insert(m_rows.begin() + pos, makeRow(m, Delivery::Sent));
    ++m_sent;
    endInsertRows();
    return true;
}

void MessageModel::acceptOwn(const QString &clientMsgId, const Message &m)
{
    const int pending = rowOfClientMsgId(clientMsgId);
    if (pending < m_sent) { // no local echo (anymore): an ordinary upsert
        upsert(m);
        return;
    }
    if (rowOfMessage(m.messageId) < 0 && pending == m_sent && insertPosition(m.seq) == m_sent) {
        // The usual case: the first pending row becomes the newest sent one, in place.
        m_rows[std::size_t(pending)] = makeRow(m, Delivery::Sent);
        ++m_sent;
        changed(pending);
        return;
    }
    beginRemoveRows({}, pending, pending);
    m_rows.erase(m_rows.begin() + pending);
    endRemoveRows();
    upsert(m);
}

QString MessageModel::nameOf(const QString &userId) const
{
    if (userId == m_me && !m_myName.isEmpty())
        return m_myName;
    // A hash look-up: this runs for every reacting user whenever a row is painted.
    return m_nameLookup ? m_nameLookup(userId) : QString();
}

Message MessageModel::localEcho(const OutgoingItem &item) const
{
    Message m;
    m.roomId = item.roomId;
    m.clientMsgId = item.clientMsgId;
    m.content = item.content;
    m.authorId = m_me;
    m.authorName = m_myName;
    m.authorAvatar = m_myAvatar;
    if (item.anonymous) { // shown as the server will show it
        m.isAnonymous = true;
        m.authorName = QStringLiteral("Anonymous");
        m.anonymousName = m.authorName;
        m.authorAvatar.clear();
    }
    m.timestamp = item.createdAt;
    m.replyTo = item.replyTo;
    m.type = item.type;
    for (const OutgoingFile &f : item.files) {
        // Shown from the local file until the server's copy of the message replaces the echo.
        Attachment a;
        a.fileName = f.fileName;
        a.fileSize = f.fileSize;
        a.mimeType = f.mimeType;
        a.width = f.width;
        a.height = f.height;
        a.url = QUrl::fromLocalFile(f.path).toString();
        m.attachments.push_back(std::move(a));
    }
    return m;
}

MessageModel::Row MessageModel::makeRow(Message m, Delivery delivery, QString error)
{
    shareStrings(m);
    return Row{std::move(m), delivery, std::move(error)};
}

void MessageModel::shareStrings(Message &m)
{
    // A room's rows repeat a few strings thousands of times (its id, its authors' ids, names and
    // avatars), each parsed into an allocation of its own: one shared copy of each instead saves
    // about a fifth of a row's memory (docs/performance.md, "Client").
    if (m.roomId == m_roomId)
        m.roomId = m_roomId;
    for (QString *s : {&m.authorId, &m.authorName, &m.authorAvatar}) {
        if (s->isEmpty())
            continue;
        if (const auto it = m_sharedStrings.constFind(*s); it != m_sharedStrings.cend())
            *s = *it;
        else
            m_sharedStrings.insert(*s);
    }
}

void MessageModel::appendPending(const OutgoingItem &item)
{
    if (rowOfClientMsgId(item.clientMsgId) >= 0)
        return;
    Message m = localEcho(item);
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(makeRow(std::move(m), Delivery::Pending));
    endInsertRows();
}

void MessageModel::trimOldest()
{
    const int excess = m_sent - m_maxRows;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
    m_sent -= excess;
    m_hasOlder = true;
    endRemoveRows();
}

void MessageModel::trimNewest()
{
    const int excess = m_sent - m_maxRows;
    if (excess <= 0)
        return;
    beginRemoveRows({}, m_maxRows, m_sent - 1);
    m_rows.erase(m_rows.begin() + m_maxRows, m_rows.begin() + m_sent);
    m_sent = m_maxRows;
    m_atLatest = false;
    endRemoveRows();
}

bool MessageModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasOlder && !m_fetchingOlder && m_sent > 0;
}

void MessageModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return; // a second call while a page is on its way does nothing
    m_fetchingOlder = true;
    const quint64 gen = m_generation;
    const Message oldest = m_rows.front().message;
    HistoryQuery q;
    q.before = oldest.messageId;
    q.limit = m_pageSize;
    m_api.messages(m_roomId, q, this, [this, gen, oldest](const ApiResult<MessagePage> &r) {
        if (gen != m_generation)
            return;
        m_fetchingOlder = false;
        std::vector<Message> page;
        if (r.ok()) {
            page = r.value.messages;
            setHasOlder(r.value.pagination.hasMore);
        } else {
            // Offline: what the cache holds is better than nothing; try the server again later.
            page = m_store.messagesBefore(m_roomId, oldest.seq, m_pageSize);
            if (page.empty())
                Q_EMIT loadFailed(r.error->message);
        }
        if (m_sent > 0 && m_rows.front().message.seq != oldest.seq && r.ok()) {
            // The window's top moved meanwhile (paging forward trimmed it): this page would
            // leave a gap above the first row. The view asks again from the new top.
            Q_EMIT olderLoaded(0);
            return;
        }
        const qint64 firstSeq = m_sent > 0 ? m_rows.front().message.seq : std::numeric_limits<qint64>::max();
        // Rows are in seq order and a message keeps its seq: one older than the first row cannot be
        // in the window. (No search by id per message: that made reading back a long history
        // quadratic, see docs/performance.md "Client".)
        std::erase_if(page, [&](const Message &m) { return m.seq >= firstSeq; });
        if (!page.empty()) {
            beginInsertRows({}, 0, int(page.size()) - 1);
            std::vector<Row> rows;
            for (const Message &m : page)
                rows.push_back(makeRow(m, Delivery::Sent));
            m_rows.insert(m_rows.begin(), rows.begin(), rows.end());
            m_sent += int(page.size());
            endInsertRows();
            trimNewest();
        }
        Q_EMIT olderLoaded(int(page.size()));
    });
}

void MessageModel::fetchNewer()
{
    if (m_atLatest || m_fetchingNewer || m_sent == 0)
        return;
    m_fetchingNewer = true;
    const quint64 gen = m_generation;
    HistoryQuery q;
    const Message newest = m_rows[std::size_t(m_sent - 1)].message;
    q.after = newest.messageId;
    q.limit = m_pageSize;
    m_api.messages(m_roomId, q, this, [this, gen, newest](const ApiResult<MessagePage> &r) {
        if (gen != m_generation)
            return;
        m_fetchingNewer = false;
        if (!r.ok()) {
            Q_EMIT loadFailed(r.error->message);
            return;
        }
        if (m_sent == 0 || m_rows[std::size_t(m_sent - 1)].message.seq != newest.seq)
            return; // an older page trimmed the bottom meanwhile: this page would leave a gap
        for (const Message &m : r.value.messages)
            upsert(m, true);
        if (!r.value.pagination.hasMore) {
            m_atLatest = true;
            joinLiveEnd();
        }
        trimOldest();
    });
}

int MessageModel::rowOfMessage(const QString &messageId) const
{
    if (messageId.isEmpty())
        return -1;
    for (int i = m_sent - 1; i >= 0; --i) { // recent rows change most
        if (m_rows[std::size_t(i)].message.messageId == messageId)
            return i;
    }
    return -1;
}

int MessageModel::rowOfClientMsgId(const QString &clientMsgId) const
{
    if (clientMsgId.isEmpty())
        return -1;
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows[std::size_t(i)].message.clientMsgId == clientMsgId)
            return i;
    }
    return -1;
}

void MessageModel::retry(int row)
{
    if (row >= m_sent && row < int(m_rows.size()))
        m_outbox.retry(m_rows[std::size_t(row)].message.clientMsgId);
}

void MessageModel::discard(int row)
{
    if (row >= m_sent && row < int(m_rows.size()))
        m_outbox.discard(m_rows[std::size_t(row)].message.clientMsgId);
}

void MessageModel::setHasOlder(bool hasOlder)
{
    if (hasOlder == m_hasOlder)
        return;
    m_hasOlder = hasOlder;
    if (m_sent > 0)
        Q_EMIT dataChanged(index(0), index(0), {MoreAboveRole});
}

int MessageModel::lastEditableRow() const
{
    for (int i = m_sent - 1; i >= 0; --i) {
        const Message &m = m_rows[std::size_t(i)].message;
        if (m.authorId == m_me && !m_me.isEmpty() && !m.isAnonymous && !m.isDeleted && m.type == MessageType::Text)
            return i;
    }
    return -1;
}

void MessageModel::setUnreadAtOpen(int unreadCount)
{
    m_unreadAtOpen = unreadCount;
    if (m_latestLoaded)
        placeReadMarker();
}

void MessageModel::placeReadMarker()
{
    const int wanted = m_unreadAtOpen;
    m_unreadAtOpen = -1;
    if (wanted <= 0 || m_sent == 0)
        return;
    // The server counts others' messages that are not deleted after our read position.
    int counted = 0;
    qint64 seq = 0;
    for (int i = m_sent - 1; i >= 0 && counted < wanted; --i) {
        const Message &m = m_rows[std::size_t(i)].message;
        if (m.authorId == m_me || m.isDeleted)
            continue;
        seq = m.seq;
        ++counted;
    }
    if (counted < wanted && m_hasOlder)
        seq = m_rows.front().message.seq; // more unread than the window holds: the line at the top
    if (seq == 0)
        return;
    const int before = firstUnreadRow();
    m_firstUnreadSeq = seq;
    if (before >= 0)
        changed(before);
    if (const int now = firstUnreadRow(); now >= 0)
        changed(now);
    Q_EMIT readMarkerChanged();
}

int MessageModel::firstUnreadRow() const
{
    if (m_firstUnreadSeq <= 0)
        return -1;
    const auto end = m_rows.begin() + m_sent;
    const auto it = std::lower_bound(m_rows.begin(), end, m_firstUnreadSeq,
                                     [](const Row &r, qint64 s) { return r.message.seq < s; });
    if (it == end || it->message.seq != m_firstUnreadSeq)
        return -1; // scrolled out of the window
    return int(it - m_rows.begin());
}

void MessageModel::setReadUpTo(const QString &messageId)
{
    const int row = rowOfMessage(messageId);
    if (row < 0)
        return;
    const qint64 next = row + 1 < m_sent ? m_rows[std::size_t(row + 1)].message.seq : 0;
    if (m_firstUnreadSeq == 0 || (next != 0 && next <= m_firstUnreadSeq))
        return; // no line, or it is already below this message
    const int before = firstUnreadRow();
    m_firstUnreadSeq = next;
    if (before >= 0)
        changed(before);
    if (const int now = firstUnreadRow(); now >= 0)
        changed(now);
    Q_EMIT readMarkerChanged();
}

bool MessageModel::isPinned(const QString &messageId) const
{
    return !messageId.isEmpty() &&
           std::any_of(m_pins.begin(), m_pins.end(), [&](const Message &m) { return m.messageId == messageId; });
}

void MessageModel::loadPins()
{
    const quint64 gen = ++m_pinsGeneration;
    m_api.pins(m_roomId, this, [this, gen](const ApiResult<std::vector<Message>> &r) {
        if (gen != m_pinsGeneration || !r.ok())
            return; // a newer list is on its way, or pins stay as they were until the next event
        m_pins = r.value;
        Q_EMIT pinsChanged();
        if (m_sent > 0)
            Q_EMIT dataChanged(index(0), index(m_sent - 1), {IsPinnedRole});
    });
}

void MessageModel::updatePinnedCopy(const Message &m)
{
    for (Message &pin : m_pins) {
        if (pin.messageId == m.messageId && pin != m) {
            pin = m;
            Q_EMIT pinsChanged();
            return;
        }
    }
}

void MessageModel::applyPurge(const QString &roomId, const QStringList &messageIds)
{
    if (roomId != m_roomId)
        return;
    const QSet<QString> gone(messageIds.begin(), messageIds.end());
    // Server rows only ([0, m_sent)); from the end, so the rows still to look at keep their index.
    for (int row = m_sent - 1; row >= 0; --row) {
        if (!gone.contains(m_rows[std::size_t(row)].message.messageId))
            continue;
        int first = row;
        while (first > 0 && gone.contains(m_rows[std::size_t(first - 1)].message.messageId))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + row + 1);
        m_sent -= row - first + 1;
        endRemoveRows();
        row = first;
    }
    const auto before = m_pins.size();
    std::erase_if(m_pins, [&](const Message &p) { return gone.contains(p.messageId); });
    if (m_pins.size() != before)
        Q_EMIT pinsChanged();
}

void MessageModel::applyPin(const QString &roomId, const QString &messageId, bool pinned)
{
    if (roomId != m_roomId || isPinned(messageId) == pinned)
        return;
    if (pinned) {
        std::optional<Message> m;
        if (const int row = rowOfMessage(messageId); row >= 0)
            m = m_rows[std::size_t(row)].message;
        else
            m = m_store.message(messageId);
        if (!m) {
            loadPins(); // a message we have never seen: the server's list has it
            return;
        }
        m_pins.push_back(*m);
    } else {
        std::erase_if(m_pins, [&](const Message &p) { return p.messageId == messageId; });
    }
    Q_EMIT pinsChanged();
    if (const int row = rowOfMessage(messageId); row >= 0)
        changed(row);
}

void MessageModel::applyEdit(const Message &serverCopy)
{
    if (serverCopy.roomId != m_roomId)
        return;
    const int row = rowOfMessage(serverCopy.messageId);
    if (row < 0)
        return;
    Message &m = m_rows[std::size_t(row)].message;
    if (m.isDeleted || serverCopy.editedAt < m.editedAt ||
        (m.content == serverCopy.content && m.isEdited == serverCopy.isEdited))
        return; // deleted meanwhile, a newer edit is shown, or nothing to change
    m.content = serverCopy.content;
    m.isEdited = serverCopy.isEdited;
    m.editedAt = serverCopy.editedAt;
    changed(row);
    updatePinnedCopy(m);
}

void MessageModel::applyDeletion(const QString &roomId, const QString &messageId)
{
    if (roomId != m_roomId)
        return;
    const int row = rowOfMessage(messageId);
    if (row < 0 || m_rows[std::size_t(row)].message.isDeleted)
        return;
    Message &m = m_rows[std::size_t(row)].message;
    m.isDeleted = true;
    m.content.clear();
    changed(row);
    updatePinnedCopy(m);
}

void MessageModel::applyReaction(const QString &roomId, const QString &messageId, const QString &emoji, bool mine)
{
    if (roomId != m_roomId || m_me.isEmpty())
        return;
    const int row = rowOfMessage(messageId);
    if (row < 0)
        return;
    Reactions &reactions = m_rows[std::size_t(row)].message.reactions;
    const auto it = reactions.find(emoji);
    const bool present = it != reactions.end() && it->second.contains(m_me);
    if (present == mine)
        return;
    if (mine) {
        reactions[emoji].append(m_me);
    } else {
        it->second.removeAll(m_me);
        if (it->second.isEmpty())
            reactions.erase(it);
    }
    changed(row);
}

void MessageModel::applyPoll(const QString &roomId, const QString &messageId, const Poll &poll)
{
    if (roomId != m_roomId)
        return;
    const int row = rowOfMessage(messageId);
    if (row < 0)
        return;
    Message &m = m_rows[std::size_t(row)].message;
    m.poll = withMyVotesKept(poll, m.poll);
    changed(row);
}

void MessageModel::applyAnswerText(const QString &roomId, const QString &messageId, const QString &content)
{
    if (roomId != m_roomId)
        return;
    const int row = rowOfMessage(messageId);
    if (row < 0)
        return;
    Message &m = m_rows[std::size_t(row)].message;
    if (!m.ai || m.ai->isFinal() || m.content == content)
        return;
    m.content = content;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {ContentRole, Qt::DisplayRole});
}

void MessageModel::applyAnswer(const Message &answer)
{
    if (answer.roomId != m_roomId || !answer.ai)
        return;
    const int row = rowOfMessage(answer.messageId);
    if (row < 0)
        return;
    const Message &held = m_rows[std::size_t(row)].message;
    if (held.ai && held.ai->isFinal() && !answer.ai->isFinal())
        return; // an older copy than the one shown
    upsert(answer);
}

const std::pair<QString, QString> &MessageModel::cachedQuote(const QString &messageId) const
{
    auto it = m_quotes.find(messageId);
    if (it == m_quotes.end()) {
        std::pair<QString, QString> quote;
        if (const auto m = m_store.message(messageId)) {
            quote.first = m->isAnonymous ? m->anonymousName : m->authorName;
            quote.second =
                m->isDeleted ? tr("This message was deleted.") : markdownPreview(m->content, PreviewScope::FirstLine);
        }
        it = m_quotes.insert(messageId, quote); // also when unknown: asked once, not on every paint
    }
    return *it;
}

void MessageModel::changed(int row)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

int MessageModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    const Message &m = r.message;
    switch (role) {
    case Qt::DisplayRole:
    case ContentRole: return m.isDeleted ? tr("This message was deleted.") : m.content;
    case MessageIdRole: return m.messageId;
    case ClientMsgIdRole: return m.clientMsgId;
    case SeqRole: return m.seq;
    case AuthorIdRole: return m.authorId;
    case AuthorNameRole: return m.isAnonymous ? m.anonymousName : m.authorName;
    case AuthorAvatarRole: return m.isAnonymous ? QString() : m.authorAvatar;
    case TypeRole: return toString(m.type);
    case TimestampRole: return QDateTime::fromMSecsSinceEpoch(m.timestamp, Qt::UTC);
    case ReactionsRole: {
        QVariantList list;
        for (const auto &[emoji, users] : m.reactions) {
            QStringList ids = users;
            if (ids.removeOne(m_me)) // the user first: "You, Ana and 3 others"
                ids.prepend(m_me);
            QStringList names;
            for (const QString &id : ids)
                names << nameOf(id);
            list.append(QVariantMap{{QStringLiteral("emoji"), emoji},
                                    {QStringLiteral("count"), int(users.size())},
                                    {QStringLiteral("mine"), users.contains(m_me)},
                                    {QStringLiteral("users"), ids},
                                    {QStringLiteral("names"), names}});
        }
        return list;
    }
    case ReplyToRole: return m.replyTo;
    case IsEditedRole: return m.isEdited;
    case IsDeletedRole: return m.isDeleted;
    case IsMineRole: return !m_me.isEmpty() && m.authorId == m_me && !m.isAnonymous;
    case DeliveryRole: return QVariant::fromValue(r.delivery);
    case ErrorRole: return r.error;
    case IsPinnedRole: return isPinned(m.messageId);
    case MoreAboveRole: return index.row() == 0 && m_hasOlder;
    case IsHighlightedRole: return !m_highlighted.isEmpty() && m.messageId == m_highlighted && index.row() < m_sent;
    case AttachmentsRole: return QVariant::fromValue(QList<Attachment>(m.attachments.begin(), m.attachments.end()));
    case SystemEventRole: return m.systemEvent ? QVariant::fromValue(*m.systemEvent) : QVariant();
    case PollRole: return m.poll ? QVariant::fromValue(*m.poll) : QVariant();
    case AiAnswerRole: return m.ai ? QVariant::fromValue(*m.ai) : QVariant();
    case AskedByMeRole: return m.ai && !m_me.isEmpty() && m.ai->askedBy == m_me;
    case UploadProgressRole:
        return r.delivery == Delivery::Sent || m.attachments.empty() ? -1.0 : double(std::max(0.0f, r.uploaded));
    case MentionRole:
        return m_mention.size() > 1 && m.authorId != m_me && !m.isDeleted &&
                       m.content.contains(m_mention, Qt::CaseInsensitive)
                   ? m_mention
                   : QString();
    case IsFirstUnreadRole: return m_firstUnreadSeq > 0 && m.seq == m_firstUnreadSeq && index.row() < m_sent;
    case ReplyAuthorRole:
    case ReplyTextRole: {
        if (m.replyTo.isEmpty())
            return QString();
        // The quoted message is older, so above this row and usually close: search upwards from
        // here, not from the bottom (which cost every reply a scan of the whole window).
        int row = std::min(index.row(), m_sent) - 1;
        while (row >= 0 && m_rows[std::size_t(row)].message.messageId != m.replyTo)
            --row;
        if (row >= 0) {
            const Message &original = m_rows[std::size_t(row)].message;
            if (role == ReplyAuthorRole)
                return original.isAnonymous ? original.anonymousName : original.authorName;
            return original.isDeleted ? tr("This message was deleted.")
                                      : markdownPreview(original.content, PreviewScope::FirstLine);
        }
        const auto &quote = cachedQuote(m.replyTo);
        return role == ReplyAuthorRole ? quote.first : quote.second;
    }
    default: return {};
    }
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {MessageIdRole, "messageId"},
            {ClientMsgIdRole, "clientMsgId"},
            {SeqRole, "seq"},
            {AuthorIdRole, "authorId"},
            {AuthorNameRole, "authorName"},
            {ContentRole, "content"},
            {TypeRole, "type"},
            {TimestampRole, "timestamp"},
            {ReactionsRole, "reactions"},
            {ReplyToRole, "replyTo"},
            {IsEditedRole, "isEdited"},
            {IsDeletedRole, "isDeleted"},
            {IsMineRole, "isMine"},
            {DeliveryRole, "delivery"},
            {ErrorRole, "error"},
            {IsPinnedRole, "isPinned"},
            {IsFirstUnreadRole, "isFirstUnread"},
            {ReplyAuthorRole, "replyAuthor"},
            {ReplyTextRole, "replyText"},
            {MoreAboveRole, "moreAbove"},
            {MentionRole, "mention"},
            {AttachmentsRole, "attachments"},
            {UploadProgressRole, "uploadProgress"},
            {IsHighlightedRole, "isHighlighted"},
            {SystemEventRole, "systemEvent"},
            {AuthorAvatarRole, "authorAvatar"},
            {PollRole, "poll"},
            {AiAnswerRole, "ai"},
            {AskedByMeRole, "askedByMe"}};
}

} // namespace confab::client
