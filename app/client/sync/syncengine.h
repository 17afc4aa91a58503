// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/frames.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace confab::client {

class LocalStore;
class RealtimeConnection;

// Keeps the local state in step with the server. Every room event carries the room's seq; this
// class remembers the last one applied per room (persisted in the LocalStore), sends a `sync`
// with all of them on every (re)connect, ignores duplicates (seq <= last), and never applies an
// event past a gap (seq > last + 1): it asks for a sync instead, which replays what was missed
// in order. Applied events go to the store and out as typed signals for the models.
class SyncEngine : public QObject {
    Q_OBJECT
public:
    // Why we are no longer in a room.
    enum class RemovalKind { Left, Deleted, Kicked, Banned };
    Q_ENUM(RemovalKind)

    SyncEngine(RealtimeConnection &connection, LocalStore &store, QObject *parent = nullptr);

    void setMyUserId(const QString &userId) { m_me = userId; }
    QString myUserId() const { return m_me; }

    // A room we know of, with the seq its state is complete up to (from the server's room
    // list: the last message's seq). Keeps a stored resume point if there is one.
    void trackRoom(const QString &roomId, qint64 baselineSeq);
    void forgetRoom(const QString &roomId);
    qint64 lastSeq(const QString &roomId) const;

    // Starts a sync of every tracked room now (done on each connect anyway).
    void syncAll();

Q_SIGNALS:
    void messageArrived(const confab::Message &message);
    void messageChanged(const confab::Message &message);
    void messageDeleted(const QString &roomId, const QString &messageId);
    // Retention removed these messages on the server; they are already gone from the local store.
    void messagesPurged(const QString &roomId, const QStringList &messageIds);
    void typingChanged(const QString &roomId, const QString &userId, const QString &displayName, bool isTyping);
    void presenceChanged(const confab::Presence &presence);
    // Someone's display name or avatar changed (user_updated; not a room event).
    void userUpdated(const confab::User &user);
    void readReceiptArrived(const confab::ReadReceipt &receipt);
    void memberJoined(const QString &roomId, const confab::Member &member);
    void memberLeft(const QString &roomId, const QString &userId);
    void memberChanged(const QString &roomId, const confab::Member &member);
    void roomChanged(const confab::Room &room);
    // We are no longer in the room (deleted, left, kicked, banned); reason is for the user. A kick
    // or ban comes after the `user_left` that already removed the room (kind Left), so the same
    // room is removed twice: once as Left, then as Kicked or Banned.
    void roomRemoved(const QString &roomId, const QString &reason, confab::client::SyncEngine::RemovalKind kind);
    void pinChanged(const QString &roomId, const QString &messageId, bool pinned);
    // My notification level or mute for a room changed (here or on another device).
    void notificationPrefsChanged(const QString &roomId, const confab::NotificationPrefs &prefs);
    // A poll's counts or state changed; poll.myVotes is set only when the event said (ours).
    void pollChanged(const QString &roomId, const QString &messageId, const confab::Poll &poll);
    // More text of a streaming assistant answer (ephemeral: not stored; AnswerStreams applies it).
    void answerDeltaArrived(const confab::AiDeltaFrame &delta);
    // A room whose missed events were too many to replay: its cached messages are gone and
    // whoever shows it reloads the latest page.
    void roomReset(const QString &roomId);
    // A live event skipped a seq; a sync is on its way to fill it.
    void gapDetected(const QString &roomId, qint64 expectedSeq, qint64 gotSeq);
    // Every sync asked for so far has been answered.
    void synced();
    // An `error` frame the server sent (rate limits, ...), for logs or a status line.
    void serverError(const confab::ErrorFrame &error);

private:
    struct RoomState {
        qint64 last = 0;
        bool syncing = false;
        bool missedWhileSyncing = false;
    };

    void onFrame(const ServerFrame &frame);
    // True if the event with this seq should be applied now (and advances the room's seq).
    bool admit(const QString &roomId, qint64 seq);
    void requestSync(const QStringList &roomIds);
    void onSynced(const QString &ref);
    void removeRoom(const QString &roomId, const QString &reason, RemovalKind kind);

    RealtimeConnection &m_connection;
    LocalStore &m_store;
    QString m_me;
    QHash<QString, RoomState> m_rooms;
    QHash<QString, QStringList> m_pendingSyncs; // ref -> rooms it covers
    quint64 m_nextRef = 0;
};

} // namespace confab::client
