// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMultiMap>
#include <QObject>
#include <QString>
#include <QStringList>

namespace confab::client {

class ApiClient;
class SyncEngine;

// Where each member has read up to in one room, for the "Seen by" under messages. One entry per
// reader (userId -> seq of the newest message they read), so the cost follows the readers, never
// messages x members: a row asks for the readers whose marker falls in its seq range. Loaded in
// one request when the room opens (and again after a reconnect's sync, for what was missed), then
// moved forward by live read_receipt events. The user's own marker is left out.
class ReceiptModel : public QObject {
    Q_OBJECT
public:
    ReceiptModel(const QString &roomId, const QString &myUserId, ApiClient &api, SyncEngine &sync,
                 QObject *parent = nullptr);

    void load();
    // Readers whose newest read message has fromSeq <= seq < toSeq, the furthest reader first.
    QStringList readersBetween(qint64 fromSeq, qint64 toSeq) const;
    // 0 when unknown.
    qint64 readSeqOf(const QString &userId) const { return m_seqOf.value(userId); }
    int readerCount() const { return int(m_seqOf.size()); }

Q_SIGNALS:
    void changed();

private:
    // Markers only move forward; true when this one moved.
    bool apply(const QString &userId, qint64 seq);

    QString m_roomId;
    QString m_me;
    ApiClient &m_api;
    QHash<QString, qint64> m_seqOf;
    QMultiMap<qint64, QString> m_bySeq;
    quint64 m_loadGeneration = 0; // a newer load makes an older answer stale
};

} // namespace confab::client
