// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace confab::server {

// Who is typing where, with expiry: a typing_start that is not renewed within the timeout ends
// by itself. Network thread only; never persisted.
class TypingTracker : public QObject {
    Q_OBJECT
public:
    // Called with (roomId, userId, displayName, isTyping) whenever someone starts or stops.
    using Notify = std::function<void(const QString &, const QString &, const QString &, bool)>;

    TypingTracker(int timeoutMs, Notify notify, QObject *parent = nullptr);

    void start(const QString &roomId, const QString &userId, const QString &displayName, qint64 nowMs);
    void stop(const QString &roomId, const QString &userId);
    void stopAllOf(const QString &userId); // on disconnect
    void expire(qint64 nowMs);
    int activeCount() const { return int(m_typing.size()); }

private:
    struct Entry {
        QString roomId;
        QString userId;
        QString displayName;
        qint64 expiresAt = 0;
    };
    void endWhere(const std::function<bool(const Entry &)> &ended);
    static QString key(const QString &roomId, const QString &userId) { return roomId + QLatin1Char('\n') + userId; }

    int m_timeoutMs;
    Notify m_notify;
    QHash<QString, Entry> m_typing;
    QTimer m_tick;
};

} // namespace confab::server
