// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/frames.h"

#include <QHash>
#include <QObject>

namespace confab::client {

class ApiClient;
class LocalStore;
class SyncEngine;

// The text of the assistant's answers while they stream in. The server sends an answer as an
// ai_response message (state streaming, no text yet), then ai_delta frames without a seq, each
// saying how many code points come before its text, then a message_updated with the whole text
// and the final state. This class appends each delta to the text held for the answer, ignores
// what it already has, and fetches the message over REST when a delta starts past the end of
// what it holds (a delta was missed, or the answer was under way before we came). Deltas are not
// stored: the final message_updated is, like any other event.
class AnswerStreams : public QObject {
    Q_OBJECT
public:
    AnswerStreams(ApiClient &api, LocalStore &store, SyncEngine &sync, QObject *parent = nullptr);

    // The text held for an answer still streaming (empty when none is).
    QString text(const QString &messageId) const;
    bool isStreaming(const QString &messageId) const { return m_streams.contains(messageId); }
    // How many gap fetches went out (tests).
    int fetchCount() const { return m_fetches; }

Q_SIGNALS:
    // The whole text of a streaming answer so far, after a delta or a fetch added to it.
    void textChanged(const QString &roomId, const QString &messageId, const QString &content);
    // A fetched copy that was already final (its message_updated is on its way too).
    void answerFetched(const confab::Message &message);

private:
    struct Stream {
        QString roomId;
        QString text;
        qint64 length = 0; // in Unicode code points, as the server counts offsets
        bool fetching = false;
    };

    void onDelta(const AiDeltaFrame &delta);
    void onMessage(const Message &m);
    void fetch(const QString &roomId, const QString &messageId);

    ApiClient &m_api;
    LocalStore &m_store;
    QHash<QString, Stream> m_streams; // messageId -> answer being written
    int m_fetches = 0;
};

} // namespace confab::client
