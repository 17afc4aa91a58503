#include "messagemodel.h"

#include "apiclient.h"
#include "outbox.h"
#include "syncengine.h"

#include <QDateTime>

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
    });
    connect(&m_sync, &SyncEngine::roomReset, this, [this](const QString &roomId) {
        if (roomId == m_roomId)
            reload();
    });
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
    connect(&m_outbox, &Outbox::delivered, this, [this](const QString &roomId, const QString &clientMsgId, const Message &m) {
        if (roomId != m_roomId)
            return;
        acceptOwn(clientMsgId, m);
        trimOldest();
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
    std::vector<Row> rows;
    for (Message &m : m_store.recentMessages(m_roomId, m_pageSize))
        rows.push_back({std::move(m), Delivery::Sent, {}});
    const int sent = int(rows.size());
    for (const OutgoingItem &item : m_outbox.items(m_roomId)) {
        if (rowOfClientMsgId(item.clientMsgId) >= 0)
            continue;
        rows.push_back({localEcho(item), item.state == OutgoingItem::State::Failed ? Delivery::Failed : Delivery::Pending,
                        item.error});
    }
    if (!rows.empty() && m_rows.empty()) {
        beginInsertRows({}, 0, int(rows.size()) - 1);
        m_rows = std::move(rows);
        m_sent = sent;
        endInsertRows();
    }
    fetchLatest();
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
    endResetModel();
    fetchLatest();
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
        const bool coversOldest = m_sent == 0 || r.value.messages.empty() ||
                                  r.value.messages.front().seq <= m_rows.front().message.seq;
        m_store.saveMessages(r.value.messages);
        mergePage(r.value.messages);
        if (coversOldest)
            m_hasOlder = r.value.pagination.hasMore;
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
        m_rows[std::size_t(existing)].message = m;
        changed(existing);
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
    m_rows.insert(m_rows.begin() + pos, Row{m, Delivery::Sent, {}});
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
        m_rows[std::size_t(pending)] = Row{m, Delivery::Sent, {}};
        ++m_sent;
        changed(pending);
        return;
    }
    beginRemoveRows({}, pending, pending);
    m_rows.erase(m_rows.begin() + pending);
    endRemoveRows();
    upsert(m);
}

Message MessageModel::localEcho(const OutgoingItem &item) const
{
    Message m;
    m.roomId = item.roomId;
    m.clientMsgId = item.clientMsgId;
    m.content = item.content;
    m.authorId = m_me;
    m.timestamp = item.createdAt;
    m.replyTo = item.replyTo;
    return m;
}

void MessageModel::appendPending(const OutgoingItem &item)
{
    if (rowOfClientMsgId(item.clientMsgId) >= 0)
        return;
    Message m = localEcho(item);
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back({std::move(m), Delivery::Pending, {}});
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
            m_hasOlder = r.value.pagination.hasMore;
        } else {
            // Offline: what the cache holds is better than nothing; try the server again later.
            page = m_store.messagesBefore(m_roomId, oldest.seq, m_pageSize);
            if (page.empty())
                Q_EMIT loadFailed(r.error->message);
        }
        const qint64 firstSeq = m_sent > 0 ? m_rows.front().message.seq : std::numeric_limits<qint64>::max();
        std::erase_if(page, [&](const Message &m) { return m.seq >= firstSeq || rowOfMessage(m.messageId) >= 0; });
        if (!page.empty()) {
            beginInsertRows({}, 0, int(page.size()) - 1);
            std::vector<Row> rows;
            for (const Message &m : page)
                rows.push_back({m, Delivery::Sent, {}});
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
    q.after = m_rows[std::size_t(m_sent - 1)].message.messageId;
    q.limit = m_pageSize;
    m_api.messages(m_roomId, q, this, [this, gen](const ApiResult<MessagePage> &r) {
        if (gen != m_generation)
            return;
        m_fetchingNewer = false;
        if (!r.ok()) {
            Q_EMIT loadFailed(r.error->message);
            return;
        }
        for (const Message &m : r.value.messages)
            upsert(m, true);
        if (!r.value.pagination.hasMore)
            m_atLatest = true;
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
    case ContentRole:
        return m.isDeleted ? tr("This message was deleted.") : m.content;
    case MessageIdRole:
        return m.messageId;
    case ClientMsgIdRole:
        return m.clientMsgId;
    case SeqRole:
        return m.seq;
    case AuthorIdRole:
        return m.authorId;
    case AuthorNameRole:
        return m.isAnonymous ? m.anonymousName : m.authorName;
    case TypeRole:
        return toString(m.type);
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(m.timestamp, Qt::UTC);
    case ReactionsRole: {
        QVariantList list;
        for (const auto &[emoji, users] : m.reactions) {
            list.append(QVariantMap{{QStringLiteral("emoji"), emoji},
                                    {QStringLiteral("count"), int(users.size())},
                                    {QStringLiteral("mine"), users.contains(m_me)}});
        }
        return list;
    }
    case ReplyToRole:
        return m.replyTo;
    case IsEditedRole:
        return m.isEdited;
    case IsDeletedRole:
        return m.isDeleted;
    case IsMineRole:
        return !m_me.isEmpty() && m.authorId == m_me && !m.isAnonymous;
    case DeliveryRole:
        return QVariant::fromValue(r.delivery);
    case ErrorRole:
        return r.error;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},       {MessageIdRole, "messageId"}, {ClientMsgIdRole, "clientMsgId"},
            {SeqRole, "seq"},                   {AuthorIdRole, "authorId"},   {AuthorNameRole, "authorName"},
            {ContentRole, "content"},           {TypeRole, "type"},           {TimestampRole, "timestamp"},
            {ReactionsRole, "reactions"},       {ReplyToRole, "replyTo"},     {IsEditedRole, "isEdited"},
            {IsDeletedRole, "isDeleted"},       {IsMineRole, "isMine"},       {DeliveryRole, "delivery"},
            {ErrorRole, "error"}};
}

} // namespace confab::client
