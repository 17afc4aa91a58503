// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QCoreApplication>
#include <QString>

namespace confab::client {

// One line of plain text that stands for a message where there is no room for the message
// itself: the room list's last message, a notification's body. Markdown is reduced to its text,
// a server-made line is written in the reader's language from its structured event, and a
// message with no text says what it holds (a photo, a file, a poll) instead of looking empty.
class MessagePreview {
    Q_DECLARE_TR_FUNCTIONS(MessagePreview)
public:
    static QString text(const Message &message);
    // "Alice joined", "Bob renamed the room to “x”": one system event.
    static QString systemEventText(const SystemEvent &event);
    // A name, or "Someone" when the server had none (a deleted account).
    static QString personName(const QString &name);
};

} // namespace confab::client
