// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomactions.h"

#include "client/models/roomlistmodel.h"
#include "client/net/apiclient.h"
#include "client/net/errortext.h"
#include "client/sync/chatengine.h"

#include "core/validation.h"

namespace confab::client {

namespace {
// An error found before asking the server, in the shape of the server's.
ApiError problem(ErrorCode code, const QString &message, const QString &field = {})
{
    ApiError e;
    e.code = code;
    e.message = message;
    e.field = field;
    return e;
}

// The failure of an earlier step (finding a user) as the outcome of the whole action.
template<typename T, typename U> ApiResult<T> failedAs(const ApiResult<U> &failed)
{
    ApiResult<T> r;
    r.error = failed.error;
    r.httpStatus = failed.httpStatus;
    return r;
}
} // namespace

RoomActions::RoomActions(ChatEngine &engine, QObject *parent) : QObject(parent), m_engine(&engine) {}

ApiCallback<Room> RoomActions::adoptingRoom(ApiCallback<Room> done)
{
    return [this, done = std::move(done)](const ApiResult<Room> &r) {
        if (r.ok() && m_engine)
            m_engine->rooms().adopt(r.value);
        done(r);
    };
}

template<typename T> bool RoomActions::alive(const ApiCallback<T> &done)
{
    if (m_engine)
        return true;
    ApiResult<T> r;
    r.error = problem(ErrorCode::Unauthorized, tr("You are signed out."));
    done(r);
    return false;
}

void RoomActions::findUser(const QString &username, ApiCallback<User> done)
{
    if (!alive(done))
        return;
    const QString name = username.trimmed().remove(QLatin1Char('@'));
    if (name.isEmpty()) {
        ApiResult<User> r;
        r.error = problem(ErrorCode::ValidationFailed, tr("Enter a username."), QStringLiteral("username"));
        done(r);
        return;
    }
    // Checked here first: a name the server could never have is not worth a request (and a space
    // in it would only come back as an unknown address).
    if (validateUsername(name)) {
        ApiResult<User> r;
        r.error = problem(ErrorCode::ValidationFailed, ErrorText::usernameRule(), QStringLiteral("username"));
        done(r);
        return;
    }
    m_engine->api().userByUsername(name, this, [name, done = std::move(done)](const ApiResult<User> &r) {
        if (r.error && r.error->code == ErrorCode::UserNotFound) {
            ApiResult<User> missing = r;
            missing.error->message = tr("There is no user called %1.").arg(name);
            missing.error->field = QStringLiteral("username");
            done(missing);
            return;
        }
        done(r);
    });
}

void RoomActions::findUsers(const QStringList &usernames, ApiCallback<std::vector<User>> done)
{
    resolveFrom(std::make_shared<std::vector<User>>(), usernames, std::move(done));
}

void RoomActions::resolveFrom(std::shared_ptr<std::vector<User>> found, QStringList rest,
                              ApiCallback<std::vector<User>> done)
{
    if (rest.isEmpty()) {
        ApiResult<std::vector<User>> r;
        r.value = *found;
        done(r);
        return;
    }
    const QString next = rest.takeFirst();
    findUser(next, [this, found, rest, done](const ApiResult<User> &u) {
        if (!u.ok()) {
            done(failedAs<std::vector<User>>(u));
            return;
        }
        found->push_back(u.value);
        resolveFrom(found, rest, done);
    });
}

void RoomActions::browse(const QString &text, int limit, ApiCallback<RoomPage> done)
{
    if (!alive(done))
        return;
    RoomQuery q;
    q.text = text.trimmed();
    q.limit = limit;
    // The server lists public and announcement rooms plus our own; the caller shows the former.
    m_engine->api().listRooms(q, this, [done](const ApiResult<RoomPage> &r) {
        if (!r.ok()) {
            done(r);
            return;
        }
        ApiResult<RoomPage> listed = r;
        std::erase_if(listed.value.rooms, [](const Room &room) {
            return room.type != RoomType::Public && room.type != RoomType::Announcement;
        });
        done(listed);
    });
}

void RoomActions::createRoom(const NewRoom &room, const QStringList &usernames, ApiCallback<Room> done)
{
    if (!alive(done))
        return;
    findUsers(usernames, [this, room, done](const ApiResult<std::vector<User>> &people) {
        if (!people.ok()) {
            ApiResult<Room> r = failedAs<Room>(people);
            if (r.error)
                r.error->field = QStringLiteral("members");
            done(r);
            return;
        }
        if (!alive(done))
            return;
        NewRoom withMembers = room;
        for (const User &u : people.value)
            withMembers.members << u.userId;
        m_engine->api().createRoom(withMembers, this, adoptingRoom(done));
    });
}

void RoomActions::startDirectChat(const QString &username, ApiCallback<Room> done)
{
    if (!alive(done))
        return;
    findUser(username, [this, done](const ApiResult<User> &u) {
        if (!u.ok()) {
            done(failedAs<Room>(u));
            return;
        }
        if (!alive(done))
            return;
        if (u.value.userId == m_engine->me().userId) {
            ApiResult<Room> r;
            r.error = problem(ErrorCode::ValidationFailed, tr("That is you. Enter someone else's username."),
                              QStringLiteral("username"));
            done(r);
            return;
        }
        NewRoom room;
        room.type = RoomType::Direct;
        room.members << u.value.userId;
        m_engine->api().createRoom(room, this, adoptingRoom(done));
    });
}

void RoomActions::startDirectChatWith(const QString &userId, ApiCallback<Room> done)
{
    if (!alive(done))
        return;
    NewRoom room;
    room.type = RoomType::Direct;
    room.members << userId;
    m_engine->api().createRoom(room, this, adoptingRoom(std::move(done)));
}

void RoomActions::join(const QString &roomId, ApiCallback<Room> done)
{
    if (!alive(done))
        return;
    m_engine->api().joinRoom(roomId, this, adoptingRoom(std::move(done)));
}

void RoomActions::leave(const QString &roomId, ApiCallback<Done> done)
{
    if (!alive(done))
        return;
    m_engine->api().leaveRoom(roomId, this, [this, roomId, done](const ApiResult<Done> &r) {
        if (r.ok() && m_engine)
            m_engine->rooms().drop(roomId);
        if (r.error && r.error->code == ErrorCode::Conflict) {
            ApiResult<Done> refused = r;
            refused.error->message =
                tr("You cannot leave this room now. If you own it, hand ownership to another member first.");
            done(refused);
            return;
        }
        done(r);
    });
}

void RoomActions::invite(const QString &roomId, const QString &username, ApiCallback<Member> done)
{
    if (!alive(done))
        return;
    findUser(username, [this, roomId, done](const ApiResult<User> &u) {
        if (!u.ok()) {
            done(failedAs<Member>(u));
            return;
        }
        if (!alive(done))
            return;
        m_engine->api().inviteMember(roomId, u.value.userId, this, done);
    });
}

} // namespace confab::client
