// SPDX-License-Identifier: GPL-3.0-or-later
#include "answerstreams.h"

#include "client/net/apiclient.h"
#include "client/sync/localstore.h"
#include "client/sync/syncengine.h"

namespace confab::client {

namespace {

qint64 codePoints(QStringView s)
{
    qint64 n = 0;
    for (qsizetype i = 0; i < s.size(); ++i, ++n) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
    }
    return n;
}

// s without its first `skip` code points.
QString dropCodePoints(const QString &s, qint64 skip)
{
    qsizetype i = 0;
    for (; skip > 0 && i < s.size(); --skip, ++i) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
    }
    return s.mid(i);
}

bool isStreamingAnswer(const Message &m) { return m.ai && !m.ai->isFinal(); }

} // namespace

AnswerStreams::AnswerStreams(ApiClient &api, LocalStore &store, SyncEngine &sync, QObject *parent)
    : QObject(parent), m_api(api), m_store(store)
{
    connect(&sync, &SyncEngine::answerDeltaArrived, this, &AnswerStreams::onDelta);
    connect(&sync, &SyncEngine::messageArrived, this, &AnswerStreams::onMessage);
    connect(&sync, &SyncEngine::messageChanged, this, &AnswerStreams::onMessage);
    connect(&sync, &SyncEngine::messageDeleted, this,
            [this](const QString &, const QString &messageId) { m_streams.remove(messageId); });
}

QString AnswerStreams::text(const QString &messageId) const { return m_streams.value(messageId).text; }

void AnswerStreams::onMessage(const Message &m)
{
    if (!m.ai)
        return;
    if (m.ai->isFinal()) {
        m_streams.remove(m.messageId); // the final text is in the message: later deltas are stale
        return;
    }
    Stream &s = m_streams[m.messageId];
    s.roomId = m.roomId;
    if (codePoints(m.content) > s.length) {
        s.text = m.content;
        s.length = codePoints(m.content);
    }
}

void AnswerStreams::onDelta(const AiDeltaFrame &delta)
{
    auto it = m_streams.find(delta.messageId);
    if (it == m_streams.end()) {
        // Not seen streaming here: the cache may know it, else the server does.
        const auto cached = m_store.message(delta.messageId);
        if (cached && (cached->isDeleted || (cached->ai && cached->ai->isFinal())))
            return; // over already, or deleted: a delta sent before the deletion changes nothing
        Stream s;
        s.roomId = delta.roomId;
        if (cached && isStreamingAnswer(*cached)) {
            s.text = cached->content;
            s.length = codePoints(cached->content);
        }
        it = m_streams.insert(delta.messageId, s);
    }
    Stream &s = *it;
    if (delta.offset > s.length) {
        fetch(delta.roomId, delta.messageId); // we missed text before this delta
        return;
    }
    const qint64 end = delta.offset + codePoints(delta.text);
    if (end <= s.length)
        return; // all of it is here already
    s.text += dropCodePoints(delta.text, s.length - delta.offset);
    s.length = end;
    Q_EMIT textChanged(s.roomId, delta.messageId, s.text);
}

void AnswerStreams::fetch(const QString &roomId, const QString &messageId)
{
    auto it = m_streams.find(messageId);
    if (it == m_streams.end() || it->fetching)
        return;
    it->fetching = true;
    ++m_fetches;
    m_api.message(roomId, messageId, this, [this, messageId](const ApiResult<Message> &r) {
        const auto stream = m_streams.find(messageId);
        if (stream == m_streams.end())
            return; // ended meanwhile: the final message_updated has the text
        stream->fetching = false;
        if (r.ok() && r.value.isDeleted) {
            m_streams.erase(stream); // deleted meanwhile: its message_deleted says so
            return;
        }
        if (!r.ok() || !r.value.ai)
            return; // the next delta past our end asks again
        if (r.value.ai->isFinal()) {
            m_streams.erase(stream);
            m_store.saveMessage(r.value);
            Q_EMIT answerFetched(r.value);
            return;
        }
        const qint64 length = codePoints(r.value.content);
        if (length <= stream->length)
            return; // deltas that came meanwhile already went further
        stream->text = r.value.content;
        stream->length = length;
        Q_EMIT textChanged(stream->roomId, messageId, stream->text);
    });
}

} // namespace confab::client
