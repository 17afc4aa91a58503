// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/net/apitypes.h"

#include <QObject>

namespace confab::client {

class ApiClient;

// The moderation calls on one room, each ending in succeeded() or failed() with a sentence for
// the user ("Carol is now a moderator.", "Could not remove Carol: …"). The UI asks; this class
// talks to the server. What the room looks like afterwards arrives as the usual events.
class ModerationActions : public QObject {
    Q_OBJECT
public:
    ModerationActions(const QString &roomId, ApiClient &api, QObject *parent = nullptr);

    QString roomId() const { return m_roomId; }
    int pendingCount() const { return m_pending; }

    // `name` is only for the messages.
    void setRole(const QString &userId, const QString &name, Role role);
    void transferOwnership(const QString &userId, const QString &name);
    void mute(const QString &userId, const QString &name, qint64 untilMs); // 0: until lifted
    void unmute(const QString &userId, const QString &name);
    void kick(const QString &userId, const QString &name, const QString &reason);
    void ban(const QString &userId, const QString &name, const QString &reason, qint64 durationSeconds); // 0: permanent
    void unban(const QString &userId, const QString &name);
    void updateRoom(const RoomChange &change);
    void deleteRoom();

Q_SIGNALS:
    void succeeded(const QString &message);
    void failed(const QString &message);
    void roomUpdated(const confab::Room &room);
    void roomDeleted();
    void banned(const QString &userId);
    void unbanned(const QString &userId);
    void pendingChanged();

private:
    // Runs `call` with a callback that reports `ok` or "<failure>: <server's reason>".
    template<typename T>
    void run(const QString &ok, const QString &failure, std::function<void(ApiCallback<T>)> call,
             std::function<void(const T &)> then = {});

    QString m_roomId;
    ApiClient &m_api;
    int m_pending = 0;
};

} // namespace confab::client
