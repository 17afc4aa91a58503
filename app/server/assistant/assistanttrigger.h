// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace confab::server {

// What a message that starts with @ai or @assistant asks for.
struct AssistantRequest {
    enum class Kind { Ask, Summarize, Translate };
    Kind kind = Kind::Ask;
    QString text;            // the question (after the mention), or the summary/translation instruction
    int count = 50;          // summarize: the last N messages
    bool countGiven = false; // summarize: "summarize 20" asks for the last N even with unread ones
    QString language;        // translate: the target language
};

// Parses the mention: "@ai", "@AI:", "@assistant," followed by the end, a space, ':' or ','.
// Nullopt when the content does not start with one (leading spaces allowed).
std::optional<AssistantRequest> parseAssistantRequest(const QString &content);

} // namespace confab::server
