#pragma once

// What ApiClient hands back: core's wire types wrapped into typed results, and the request
// shapes of API.md. Nothing above app/client sees JSON.

#include "core/done.h"
#include "core/errors.h"
#include "core/pages.h"
#include "core/types.h"

#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace confab::client {

// A call that succeeded with nothing worth returning (logout, delete, kick, ...): confab::Done,
// the same type the server's services answer with.
using confab::Done;

struct SignedIn {
    QString token;
    User user;
};

using confab::MemberPage;
using confab::RoomPage;

// Oldest first, as the server sends them.
struct MessagePage {
    std::vector<Message> messages;
    CursorPagination pagination;
};

struct SearchHit {
    Message message;
    QString snippet;
};

struct RoomQuery {
    std::optional<RoomType> type;
    std::optional<bool> joined;
    QString text;
    int limit = 20;
    int offset = 0;
};

struct NewRoom {
    QString name;
    QString description;
    RoomType type = RoomType::Public;
    std::optional<int> maxMembers;
    std::optional<bool> allowInvites;
    QStringList members;
    // Sent as `settings` when set.
    std::optional<bool> allowAnonymous;
    std::optional<int> slowModeSeconds;
};

// Only the settings that are set are changed (the server merges them into the room's).
struct RoomSettingsChange {
    std::optional<bool> allowInvites;
    std::optional<int> slowModeSeconds;
    std::optional<bool> allowAnonymous;
    std::optional<QStringList> wordFilter;
    std::optional<WordFilterAction> wordFilterAction;
    bool isEmpty() const { return !allowInvites && !slowModeSeconds && !allowAnonymous && !wordFilter && !wordFilterAction; }
};

// Only the fields that are set are changed.
struct RoomChange {
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QString> avatar;
    std::optional<int> maxMembers;
    RoomSettingsChange settings;
};

// A room ban (GET /v1/chat/rooms/{roomId}/bans).
struct Ban {
    QString roomId;
    QString userId;
    QString bannedBy;
    QString reason;
    qint64 createdAt = 0;
    qint64 until = 0; // 0: permanent
};

struct MemberChange {
    std::optional<Role> role;
    std::optional<bool> isMuted;
    std::optional<qint64> mutedUntil; // ms since epoch; 0 = until lifted
};

// At most one of before/after (message ids).
struct HistoryQuery {
    QString before;
    QString after;
    int limit = 50;
};

struct OutgoingMessage {
    QString content;
    MessageType type = MessageType::Text;
    QString replyTo;
    QString clientMsgId;
    bool isAnonymous = false;
    QStringList attachments; // fileIds of files this user uploaded; the content is then a caption
};

struct SearchQuery {
    QString text;
    QString roomId;
    QString authorId;
    int limit = 20;
};

// The outcome of one REST call: the decoded value, or the API's error.
template <typename T> struct ApiResult {
    T value{};
    std::optional<ApiError> error;
    int httpStatus = 0; // 0: no HTTP answer (server down, network gone, timed out)

    bool ok() const { return !error.has_value(); }
    // Worth sending again later unchanged: no answer, time-out, rate limit, server trouble.
    bool isTransient() const
    {
        return error && (httpStatus == 0 || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500);
    }
};

template <typename T> using ApiCallback = std::function<void(const ApiResult<T> &)>;

} // namespace confab::client
