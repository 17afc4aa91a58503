#pragma once

// Parsing and writing whole JSON documents from the wire.

#include <QByteArray>

#include <nlohmann/json_fwd.hpp>

namespace confab {

// Parses UTF-8 JSON. Throws DecodeError(INVALID_JSON) for syntax errors, invalid UTF-8 and
// documents nested deeper than maxDepth (which would otherwise cost stack on every later walk).
nlohmann::json parseJsonDocument(const QByteArray &bytes, int maxDepth);

// Compact UTF-8 bytes.
QByteArray toJsonBytes(const nlohmann::json &j);

} // namespace confab
