// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/net/apitypes.h"

#include <QObject>
#include <QPointer>

namespace confab::client {

class ChatEngine;

// The room and people actions of the desktop shell over REST: create, browse, join, leave, start
// a direct conversation, add someone. People are named by username (ids are not something a
// person types). A room created or joined is put in the room list from the server's answer at
// once; the realtime event that follows changes nothing more. Callbacks run only while this
// object lives, and never after the engine is gone.
class RoomActions : public QObject {
    Q_OBJECT
public:
    explicit RoomActions(ChatEngine &engine, QObject *parent = nullptr);

    void findUser(const QString &username, ApiCallback<User> done);
    // Every username resolved to its user, in order; fails with the first that is unknown.
    void findUsers(const QStringList &usernames, ApiCallback<std::vector<User>> done);
    // Public and announcement rooms whose name or description contains text (any, if empty).
    void browse(const QString &text, int limit, ApiCallback<RoomPage> done);
    // usernames are resolved first and become room.members.
    void createRoom(const NewRoom &room, const QStringList &usernames, ApiCallback<Room> done);
    // The direct room with this person, made if there is none yet.
    void startDirectChat(const QString &username, ApiCallback<Room> done);
    // The same, with someone already known by id (a member of a room).
    void startDirectChatWith(const QString &userId, ApiCallback<Room> done);
    void join(const QString &roomId, ApiCallback<Room> done);
    void leave(const QString &roomId, ApiCallback<Done> done);
    void invite(const QString &roomId, const QString &username, ApiCallback<Member> done);

private:
    // false (and done() told why) when the engine has gone, e.g. signed out meanwhile.
    template<typename T> bool alive(const ApiCallback<T> &done);
    // done, after putting the room it got into the room list at once.
    ApiCallback<Room> adoptingRoom(ApiCallback<Room> done);
    void resolveFrom(std::shared_ptr<std::vector<User>> found, QStringList rest, ApiCallback<std::vector<User>> done);

    QPointer<ChatEngine> m_engine;
};

} // namespace confab::client
