// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/caller.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace confab::server {

// One authenticated receiver of a user's events, whatever carries them: a WebSocket (WsSession)
// or a long-poll/Server-Sent-Events stream (EventStreamSession). The ConnectionRegistry fans out
// to these and the StandingEnforcer revokes them, so every transport gets the same events and
// loses them the same way. Network thread only.
class RealtimeSession : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual const Caller &caller() const = 0;
    virtual void setCaller(const Caller &caller) = 0;
    virtual quint64 id() const = 0;
    // Fan-out: `json` is the frame; `wireFrame` the same as a WebSocket frame, built once for all.
    virtual void deliver(const QByteArray &json, const QByteArray &wireFrame) = 0;
    // The user's standing ended this session (signed out, banned, disabled): end it now, saying why.
    virtual void revoke(const QString &reason) = 0;
};

} // namespace confab::server
