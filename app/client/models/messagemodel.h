// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/sync/localstore.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

#include <deque>
#include <functional>
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
// Also keeps the room's pinned messages and the "new messages" marker of this visit.
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
        TimestampRole, // QDateTime (UTC)
        ReactionsRole, // QVariantList of {emoji, count, mine, users (ids, mine first), names (of users; "" if unknown)}
        ReplyToRole,
        IsEditedRole,
        IsDeletedRole,
        IsMineRole,
        DeliveryRole, // Delivery
        ErrorRole,    // why a failed message failed
        IsPinnedRole,
        IsFirstUnreadRole,  // the first message that was unread when the room was opened
        ReplyAuthorRole,    // who wrote the message this one replies to; empty if not known here
        ReplyTextRole,      // the first line of that message; empty if not known here
        MoreAboveRole,      // the first row, with older messages still to load above it
        MentionRole,        // "@username" when someone else's message mentions the user, else empty
        AttachmentsRole,    // QList<confab::Attachment>; a pending message's not yet uploaded files
                            // have no fileId and a file:// url
        UploadProgressRole, // double 0..1 while a pending message's files upload, else -1
        SystemEventRole,    // confab::SystemEvent of a server-made line; invalid for other messages
        IsHighlightedRole,  // the message a search result opened, for a moment (setHighlighted())
        AuthorAvatarRole,   // the author's avatar URL; empty for none and for anonymous posts
        PollRole,           // confab::Poll of a poll message (with myVotes when known), else invalid
        AiAnswerRole,       // confab::AiAnswer of an assistant's answer (ai_response), else invalid
        AskedByMeRole,      // an assistant's answer to the user's own question
    };

    MessageModel(const QString &roomId, ApiClient &api, LocalStore &store, SyncEngine &sync, Outbox &outbox,
                 QObject *parent = nullptr);

    QString roomId() const { return m_roomId; }
    void setMyUserId(const QString &userId) { m_me = userId; }
    // Who the user's own pending and failed messages show as (the server's copy says it later).
    void setMyName(const QString &displayName, const QString &avatar)
    {
        m_myName = displayName;
        m_myAvatar = avatar;
    }
    void setMyUsername(const QString &username) { m_mention = QLatin1Char('@') + username; }
    // Names for user ids (who reacted): RoomContext gives its KnownUsers (members and the authors
    // of cached messages). Without it, only the user's own name is known.
    void setNameLookup(std::function<QString(const QString &userId)> lookup) { m_nameLookup = std::move(lookup); }
    QString nameOf(const QString &userId) const;
    void setPageSize(int n) { m_pageSize = n; }
    void setMaxRows(int n) { m_maxRows = n; }
    int maxRows() const { return m_maxRows; }

    // Shows the cached messages and the outbox, then asks the server for the latest page.
    void load();
    // Drops the window and loads the latest page again (after a sync gap, or "jump to latest").
    void reload();
    // Replaces the window with the page around this message (a search result), which need not
    // be the latest: while it is not, live messages are not appended (the view's scrolling down
    // pages forward with fetchNewer(), and the window joins the live end when it reaches it).
    // openedAt() says when the message is in the window; loadFailed() when it could not be.
    void openAt(const QString &messageId);
    // The message drawn highlighted (empty: none).
    void setHighlighted(const QString &messageId);
    QString highlighted() const { return m_highlighted; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    bool isFetchingOlder() const { return m_fetchingOlder; }
    // False after reading back far enough that the newest messages were dropped from the window.
    bool isAtLatest() const { return m_atLatest; }
    // The server's latest page has come (an empty room is known to be empty).
    bool isLatestLoaded() const { return m_latestLoaded; }
    void fetchNewer();
    bool isFetchingNewer() const { return m_fetchingNewer; }

    // Row helpers for views and tests.
    int rowOfMessage(const QString &messageId) const;
    int rowOfClientMsgId(const QString &clientMsgId) const;
    Message messageAt(int row) const { return m_rows.at(std::size_t(row)).message; }
    Delivery deliveryAt(int row) const { return m_rows.at(std::size_t(row)).delivery; }
    void retry(int row);
    // A failed message goes from the outbox for good (its row with it).
    void discard(int row);
    // My newest message that can still be edited (sent, not deleted, text), or -1.
    int lastEditableRow() const;

    // The "new messages" line: `unreadCount` messages of others were unread when the room was
    // opened; the line goes above the oldest of them once the latest page is in (or above the
    // first loaded row when they are more than the window holds).
    void setUnreadAtOpen(int unreadCount);
    int firstUnreadRow() const;
    // Moves the line below this message (forward only, like the server's read position).
    void setReadUpTo(const QString &messageId);

    // Pinned messages of the room, as the server lists them; kept current by pin events.
    const std::vector<Message> &pinnedMessages() const { return m_pins; }
    bool isPinned(const QString &messageId) const;

    // Our own changes as the server confirmed them (REST answers). Each is applied as a change
    // of one field, so it commutes with the realtime event for the same change and with other
    // people's changes: applying it twice, or after the event, changes nothing.
    void applyEdit(const Message &serverCopy);
    void applyDeletion(const QString &roomId, const QString &messageId);
    void applyPurge(const QString &roomId, const QStringList &messageIds);
    void applyReaction(const QString &roomId, const QString &messageId, const QString &emoji, bool mine);
    void applyPin(const QString &roomId, const QString &messageId, bool pinned);
    // A poll's new state (an event, or the answer to our vote); keeps our choice if it has none.
    void applyPoll(const QString &roomId, const QString &messageId, const confab::Poll &poll);
    // The assistant: more text of an answer still streaming (ignored once it is final), and an
    // answer's server copy (a stop, a fetched copy); a final state is never taken back.
    void applyAnswerText(const QString &roomId, const QString &messageId, const QString &content);
    void applyAnswer(const confab::Message &answer);

Q_SIGNALS:
    void latestLoaded();
    void openedAt(const QString &messageId);
    void olderLoaded(int count);
    void loadFailed(const QString &message);
    void pinsChanged();
    // The "new messages" line moved (or was placed once the latest page came).
    void readMarkerChanged();

private:
    struct Row {
        Message message;
        Delivery delivery = Delivery::Sent;
        QString error;
        float uploaded = -1; // fraction of a pending message's files on the server; -1: none
    };

    void fetchLatest();
    // The window reached the present: what arrived meanwhile (kept by the cache, not shown while
    // the window was detached) goes in, so no message falls between the last page and live ones.
    void joinLiveEnd();
    void mergePage(const std::vector<Message> &page);
    // Inserts or updates a server message; returns false when it lies outside the window.
    bool upsert(const Message &m, bool allowOutsideWindow = false);
    void acceptOwn(const QString &clientMsgId, const Message &m);
    void appendPending(const OutgoingItem &item);
    // How an outbox item shows until the server has it.
    Message localEcho(const OutgoingItem &item) const;
    Row makeRow(Message m, Delivery delivery, QString error = {});
    void shareStrings(Message &m);
    void trimOldest();
    void trimNewest();
    int insertPosition(qint64 seq) const;
    void changed(int row);
    void loadPins();
    void setHasOlder(bool hasOlder);
    void placeReadMarker();
    void updatePinnedCopy(const Message &m);
    // Quote of a message outside the window, from the cache (looked up once).
    const std::pair<QString, QString> &cachedQuote(const QString &messageId) const;

    QString m_roomId;
    QString m_me;
    QString m_myName;
    QString m_myAvatar;
    QString m_mention; // "@username", as RoomListModel counts mentions
    std::function<QString(const QString &)> m_nameLookup;
    ApiClient &m_api;
    LocalStore &m_store;
    SyncEngine &m_sync;
    Outbox &m_outbox;
    // [0, m_sent) server messages by seq, then the outbox's, in order. A deque: older pages go in
    // at the front and live messages push the oldest out there, without moving every row.
    std::deque<Row> m_rows;
    QSet<QString> m_sharedStrings; // see shareStrings()
    int m_sent = 0;
    int m_pageSize = 50;
    int m_maxRows = 500;
    bool m_hasOlder = true;
    bool m_atLatest = true;
    bool m_fetchingOlder = false;
    bool m_fetchingNewer = false;
    quint64 m_generation = 0; // bumped by reload(): answers for an older window are stale
    std::vector<Message> m_pins;
    quint64 m_pinsGeneration = 0;
    bool m_latestLoaded = false;
    int m_unreadAtOpen = -1;                                      // waiting for the latest page to place the line
    qint64 m_firstUnreadSeq = 0;                                  // 0: no line
    mutable QHash<QString, std::pair<QString, QString>> m_quotes; // messageId -> (author, first line)
    QString m_highlighted;
};

} // namespace confab::client

Q_DECLARE_METATYPE(confab::Attachment)
Q_DECLARE_METATYPE(confab::SystemEvent)
Q_DECLARE_METATYPE(confab::Poll)
Q_DECLARE_METATYPE(confab::AiAnswer)
