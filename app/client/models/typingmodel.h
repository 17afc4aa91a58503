// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QTimer>

#include <vector>

namespace confab::client {

class SyncEngine;

// Who is typing in one room. Each entry expires on its own after expiryMs() without renewal,
// whether or not the server's "stopped" arrives. Never persisted.
class TypingModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { UserIdRole = Qt::UserRole + 1, DisplayNameRole };

    TypingModel(const QString &roomId, SyncEngine &sync, QObject *parent = nullptr);

    void setExpiryMs(int ms) { m_expiryMs = ms; }
    int expiryMs() const { return m_expiryMs; }
    // "Alice is typing…", "Alice and Bob are typing…", "Several people are typing…", or empty.
    QString summary() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void summaryChanged();

private:
    void onTyping(const QString &roomId, const QString &userId, const QString &displayName, bool isTyping);
    void expire();
    int rowOf(const QString &userId) const;
    void removeRow(int row);

    struct Entry {
        QString userId;
        QString displayName;
        qint64 expiresAt = 0;
    };
    QString m_roomId;
    std::vector<Entry> m_entries;
    int m_expiryMs = 3500;
    QElapsedTimer m_clock;
    QTimer m_sweep;
};

} // namespace confab::client
