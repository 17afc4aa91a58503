// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Parsing and writing whole JSON documents from the wire.

#include <QByteArray>

#include <nlohmann/json_fwd.hpp>

namespace confab {

// Parses UTF-8 JSON. Throws DecodeError(INVALID_JSON), and nothing else, for every malformed
// input: syntax errors, invalid UTF-8, numbers out of the double range, duplicate keys in an
// object, and documents nested deeper than maxDepth (which would otherwise cost stack on every
// later walk). The message names the position or the key and quotes at most a short part of it.
nlohmann::json parseJsonDocument(const QByteArray &bytes, int maxDepth);

// Compact UTF-8 bytes.
QByteArray toJsonBytes(const nlohmann::json &j);

} // namespace confab
