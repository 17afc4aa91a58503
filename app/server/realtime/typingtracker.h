// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace confab::server {

// Who is typing where, with expiry: a typing_start that is not renewed within the timeout ends
// by itself. Time comes from the Clock: when it jumps back before an indicator started, the
// indicator gets its whole timeout again from then (not early, and not minutes late either).
// Network thread only; never persisted.
class TypingTracker : public QObject {
    Q_OBJECT
public:
    // Called with (roomId, userId, displayName, isTyping) whenever someone starts or stops.
    using Notify = std::function<void(const QString &, const QString &, const QString &, bool)>;

    TypingTracker(const Clock &clock, int timeoutMs, Notify notify, QObject *parent = nullptr);

    void start(const QString &roomId, const QString &userId, const QString &displayName);
    void stop(const QString &roomId, const QString &userId);
    void stopAllOf(const QString &userId); // on disconnect
    void expire();
    int activeCount() const { return int(m_typing.size()); }

private:
    struct Entry {
        QString roomId;
        QString userId;
        QString displayName;
        qint64 renewedAt = 0;
    };
    void endWhere(const std::function<bool(const Entry &)> &ended);
    static QString key(const QString &roomId, const QString &userId) { return roomId + QLatin1Char('\n') + userId; }

    const Clock &m_clock;
    int m_timeoutMs;
    Notify m_notify;
    QHash<QString, Entry> m_typing;
    QTimer m_tick;
};

} // namespace confab::server
