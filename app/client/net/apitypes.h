// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What ApiClient takes and hands back: core's wire types, request bodies and answers, wrapped into
// typed results. Nothing above app/client sees JSON.

#include "core/done.h"
#include "core/errors.h"
#include "core/requests.h"
#include "core/responses.h"
#include "core/types.h"

#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace confab::client {

// A call that succeeded with nothing worth returning (logout, delete, kick, ...): confab::Done,
// the same type the server's services answer with.
using confab::Done;

// The REST bodies and answers are core's (requests.h, responses.h), the very structs the server
// decodes and writes; the client's API speaks them under these names.
using confab::Ban;
using confab::MemberChange;
using confab::MemberPage;
using confab::MessagePage;
using confab::NewRoom;
using confab::OutgoingMessage;
using confab::RoomChange;
using confab::RoomPage;
using confab::RoomSettingsChange;
using confab::SearchHit;
using confab::SignedIn;

// The query strings of the listings: only the client builds them (the server reads each
// parameter on its own, with its own limits).
struct RoomQuery {
    std::optional<RoomType> type;
    std::optional<bool> joined;
    QString text;
    int limit = 20;
    int offset = 0;
};

// At most one of before/after/around (message ids).
struct HistoryQuery {
    QString before;
    QString after;
    QString around; // a window centred on this message
    int limit = 50;
};

// `text` may carry the filters of core/searchsyntax.h (from:, in:, before:, after:, has:file).
struct SearchQuery {
    QString text;
    QString roomId;
    QString authorId;
    bool byRelevance = false; // otherwise newest first
    int limit = 20;
};

// The outcome of one REST call: the decoded value, or the API's error.
template<typename T> struct ApiResult {
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

template<typename T> using ApiCallback = std::function<void(const ApiResult<T> &)>;

} // namespace confab::client
