#pragma once

#include "core/errors.h"

#include <QByteArray>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace confab::server {

// The user a request acts for, after the token was checked.
struct Caller {
    QString userId;
    QString displayName;
    bool serverAdmin = false;
    QByteArray tokenHash;
    QString username; // for mentions (@username)
    qint64 standingSeen = 0; // the last standing change known when the token was checked (StandingMonitor)
};

using UserSet = std::shared_ptr<const QSet<QString>>;

// One frame to hand to connections: serialised once, the same bytes for every recipient.
struct Delivery {
    QByteArray frame;
    UserSet toUsers;        // every connection of these users
    QString exceptUserId;   // skipped (typing indicators are not echoed to the typer)
    QString roomId;         // the room it is about, when any (for subscriptions)
    bool dropRoomForUser = false; // with exceptUserId empty and toUsers one user: after a kick/ban
};

// What a service call did to the world besides its answer: frames to deliver after commit.
struct Effects {
    std::vector<Delivery> deliveries;
    void deliver(QByteArray frame, UserSet to, QString roomId = {}, QString exceptUser = {})
    {
        deliveries.push_back({std::move(frame), std::move(to), std::move(exceptUser), std::move(roomId), false});
    }
};

// A service answer: a value or an API error.
template <typename T> struct Result {
    std::optional<ApiError> error;
    T value{};

    Result() = default;
    Result(T v) : value(std::move(v)) {}
    Result(ApiError e) : error(std::move(e)) {}
    explicit operator bool() const { return !error.has_value(); }
};

inline ApiError apiError(ErrorCode code, QString message, QString field = {})
{
    return ApiError{code, std::move(message), std::move(field), 0};
}

inline UserSet singleUser(const QString &userId) { return std::make_shared<const QSet<QString>>(QSet<QString>{userId}); }

} // namespace confab::server
