// SPDX-License-Identifier: GPL-3.0-or-later
#include "offlinedemomodel.h"

#include <QMap>

#include <algorithm>

namespace confab::server {

namespace {
constexpr int kPieceIntervalMs = 40;
constexpr int kPieces = 40; // about 1.6 s whatever the length
constexpr int kQuoteMax = 90;

QString quoted(const QString &text)
{
    QString t = text.simplified();
    if (t.size() > kQuoteMax)
        t = t.left(kQuoteMax - 1) + QStringLiteral("…");
    return QStringLiteral("“%1”").arg(t);
}
} // namespace

QString OfflineDemoModel::answerFor(const ModelPrompt &prompt)
{
    const QString label = QStringLiteral("*(Offline demo assistant: no language model is connected; this is an "
                                         "extractive summary.)*\n\n");
    if (!prompt.summarize) {
        return QStringLiteral("*(Offline demo assistant.)* I can only summarize in this demo: try "
                              "`@ai summarize`. Start confab with `--assistant-url` pointing at a model "
                              "server (llama-server, Ollama, …) for real answers.");
    }
    if (prompt.lines.empty())
        return label + QStringLiteral("There is nothing to summarize yet.");
    // Who said what: people by number of messages, with their latest line.
    QMap<QString, int> counts;
    QMap<QString, QString> latest;
    QStringList order;
    for (const auto &line : prompt.lines) {
        if (!counts.contains(line.author))
            order << line.author;
        ++counts[line.author];
        latest[line.author] = line.text;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](const QString &a, const QString &b) { return counts.value(a) > counts.value(b); });
    QString out = label;
    out += QStringLiteral("**%1 messages from %2 people.**\n\n**Who said what**\n")
               .arg(prompt.lines.size())
               .arg(order.size());
    for (const QString &who : order.mid(0, 6))
        out += QStringLiteral("- %1 (%2): %3\n").arg(who).arg(counts.value(who)).arg(quoted(latest.value(who)));
    std::vector<const ModelPrompt::Line *> reacted;
    for (const auto &line : prompt.lines) {
        if (line.reactions > 0)
            reacted.push_back(&line);
    }
    std::stable_sort(reacted.begin(), reacted.end(),
                     [](const auto *a, const auto *b) { return a->reactions > b->reactions; });
    if (!reacted.empty()) {
        out += QStringLiteral("\n**Most reacted**\n");
        for (std::size_t i = 0; i < std::min<std::size_t>(3, reacted.size()); ++i)
            out += QStringLiteral("- %1 by %2 (%3 reactions)\n")
                       .arg(quoted(reacted[i]->text), reacted[i]->author)
                       .arg(reacted[i]->reactions);
    }
    return out.trimmed();
}

ModelStream *OfflineDemoModel::start(const ModelPrompt &prompt, QObject *parent)
{
    return new OfflineDemoStream(answerFor(prompt), parent);
}

OfflineDemoStream::OfflineDemoStream(QString answer, QObject *parent) : ModelStream(parent), m_answer(std::move(answer))
{
    connect(&m_timer, &QTimer::timeout, this, &OfflineDemoStream::next);
    m_timer.start(kPieceIntervalMs);
}

void OfflineDemoStream::next()
{
    const qsizetype piece = std::max<qsizetype>(4, m_answer.size() / kPieces);
    qsizetype end = std::min(m_answer.size(), m_sent + piece);
    if (end < m_answer.size() && m_answer.at(end - 1).isHighSurrogate())
        ++end; // never split a surrogate pair
    const QString text = m_answer.mid(m_sent, end - m_sent);
    m_sent = end;
    if (!text.isEmpty())
        Q_EMIT textArrived(text);
    if (m_sent >= m_answer.size()) {
        m_timer.stop();
        ModelOutcome done;
        done.finishReason = QStringLiteral("stop");
        done.tokensOut = (m_answer.toUtf8().size() + 3) / 4;
        Q_EMIT finished(done);
    }
}

} // namespace confab::server
