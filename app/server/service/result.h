// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/done.h"
#include "core/errors.h"

#include <optional>

namespace confab::server {

// A service answer: a value or an API error. Result<Done> when there is nothing to return.
template<typename T> struct Result {
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

} // namespace confab::server
