// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The resume point of the long-poll and Server-Sent-Events transport (GET /v1/events): the same
// per-room seq a WebSocket `sync {rooms:{roomId:lastSeq}}` carries, plus the server's stream id
// so a poll that follows its previous answer is served from what the server kept for it.
// On the wire: base64url (no padding) of compact JSON {"s":"<stream>","r":{"<roomId>":seq}}.

#include <QByteArray>
#include <QString>

#include <map>

namespace confab {

struct EventCursor {
    QString stream;                  // empty: not tied to a stream the server kept
    std::map<QString, qint64> rooms; // room -> the last seq delivered

    QByteArray encode() const;
    // Throws DecodeError(BAD_REQUEST, field "cursor") naming what is wrong.
    static EventCursor decode(const QByteArray &text);

    friend bool operator==(const EventCursor &, const EventCursor &) = default;
};

} // namespace confab
