#pragma once

#include "localstore.h"

#include <QAbstractListModel>

#include <vector>

namespace confab::client {

class ApiClient;
class Outbox;
class SyncEngine;

// One room's timeline over a bounded window of messages: cached ones first, then the latest
// page from the server, older pages through canFetchMore()/fetchMore(), live events merged in
// place (by messageId, and by clientMsgId for our own sends), and the outbox's pending and
// failed messages at the end. Never holds more than maxRows() server messages: reading far back
// drops the newest rows (fetchNewer() brings them back), live traffic drops the oldest.
class MessageModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum class Delivery { Sent, Pending, Failed };
    Q_ENUM(Delivery)
    enum Roles {
        MessageIdRole = Qt::UserRole + 1,
        ClientMsgIdRole,
        SeqRole,
        AuthorIdRole,
        AuthorNameRole,
        ContentRole,
        TypeRole,
        TimestampRole,  // QDateTime (UTC)
        ReactionsRole,  // QVariantList of {emoji, count, mine}
        ReplyToRole,
        IsEditedRole,
        IsDeletedRole,
        IsMineRole,
        DeliveryRole,   // Delivery
        ErrorRole,      // why a failed message failed
    };

    MessageModel(const QString &roomId, ApiClient &api, LocalStore &store, SyncEngine &sync, Outbox &outbox,
                 QObject *parent = nullptr);

    QString roomId() const { return m_roomId; }
    void setMyUserId(const QString &userId) { m_me = userId; }
    void setPageSize(int n) { m_pageSize = n; }
    void setMaxRows(int n) { m_maxRows = n; }
    int maxRows() const { return m_maxRows; }

    // Shows the cached messages and the outbox, then asks the server for the latest page.
    void load();
    // Drops the window and loads the latest page again (after a sync gap, or "jump to latest").
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    bool isFetchingOlder() const { return m_fetchingOlder; }
    // False after reading back far enough that the newest messages were dropped from the window.
    bool isAtLatest() const { return m_atLatest; }
    void fetchNewer();
    bool isFetchingNewer() const { return m_fetchingNewer; }

    // Row helpers for views and tests.
    int rowOfMessage(const QString &messageId) const;
    int rowOfClientMsgId(const QString &clientMsgId) const;
    Message messageAt(int row) const { return m_rows.at(std::size_t(row)).message; }
    Delivery deliveryAt(int row) const { return m_rows.at(std::size_t(row)).delivery; }
    void retry(int row);

Q_SIGNALS:
    void latestLoaded();
    void olderLoaded(int count);
    void loadFailed(const QString &message);

private:
    struct Row {
        Message message;
        Delivery delivery = Delivery::Sent;
        QString error;
    };

    void fetchLatest();
    void mergePage(const std::vector<Message> &page);
    // Inserts or updates a server message; returns false when it lies outside the window.
    bool upsert(const Message &m, bool allowOutsideWindow = false);
    void acceptOwn(const QString &clientMsgId, const Message &m);
    void appendPending(const OutgoingItem &item);
    // How an outbox item shows until the server has it.
    Message localEcho(const OutgoingItem &item) const;
    void trimOldest();
    void trimNewest();
    int insertPosition(qint64 seq) const;
    void changed(int row);

    QString m_roomId;
    QString m_me;
    ApiClient &m_api;
    LocalStore &m_store;
    SyncEngine &m_sync;
    Outbox &m_outbox;
    std::vector<Row> m_rows; // [0, m_sent) server messages by seq, then the outbox's, in order
    int m_sent = 0;
    int m_pageSize = 50;
    int m_maxRows = 500;
    bool m_hasOlder = true;
    bool m_atLatest = true;
    bool m_fetchingOlder = false;
    bool m_fetchingNewer = false;
    quint64 m_generation = 0; // bumped by reload(): answers for an older window are stale
};

} // namespace confab::client
