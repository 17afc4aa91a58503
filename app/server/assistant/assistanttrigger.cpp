// SPDX-License-Identifier: GPL-3.0-or-later
#include "assistanttrigger.h"

#include <QRegularExpression>

namespace confab::server {

namespace {
constexpr int kSummaryCountMax = 500;
}

std::optional<AssistantRequest> parseAssistantRequest(const QString &content)
{
    static const QRegularExpression mention(QStringLiteral(R"(^\s*@(ai|assistant)(?=$|[\s:,])[\s:,]*)"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = mention.match(content);
    if (!m.hasMatch())
        return std::nullopt;
    AssistantRequest r;
    r.text = content.mid(m.capturedEnd()).trimmed();
    static const QRegularExpression summarize(QStringLiteral(R"(^(summari[sz]e|summary)\b\s*(\d+)?)"),
                                              QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression translate(QStringLiteral(R"(^translate\s*(?::|to\b)\s*(.+)$)"),
                                              QRegularExpression::CaseInsensitiveOption |
                                                  QRegularExpression::DotMatchesEverythingOption);
    if (const auto s = summarize.match(r.text); s.hasMatch()) {
        r.kind = AssistantRequest::Kind::Summarize;
        if (!s.captured(2).isEmpty()) {
            r.count = qBound(1, s.captured(2).toInt(), kSummaryCountMax);
            r.countGiven = true;
        }
    } else if (const auto t = translate.match(r.text); t.hasMatch()) {
        r.kind = AssistantRequest::Kind::Translate;
        r.language = t.captured(1).trimmed();
    }
    return r;
}

} // namespace confab::server
