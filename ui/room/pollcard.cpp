// SPDX-License-Identifier: GPL-3.0-or-later
#include "pollcard.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace confab::ui {

namespace {
constexpr int kPadding = 10;
constexpr int kBarGap = 6;
constexpr int kBarPadding = 6;

QFont boldFont(QFont f)
{
    f.setBold(true);
    return f;
}

QFont smallFont(QFont f)
{
    f.setPointSizeF(f.pointSizeF() * 0.85);
    return f;
}

int totalVotes(const Poll &poll)
{
    int total = 0;
    for (const PollOption &o : poll.options)
        total += o.votes;
    return total;
}

bool isMine(const Poll &poll, const QString &optionId) { return poll.myVotes && poll.myVotes->contains(optionId); }

QString timeText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::ShortFormat);
}
} // namespace

PollCard::Geometry PollCard::geometry(const QRect &rect, const Poll &poll, const QFont &font)
{
    Geometry g;
    const QFontMetrics bfm(boldFont(font));
    const QFontMetrics fm(font);
    const QFontMetrics sfm(smallFont(font));
    const int inner = qMax(40, rect.width() - 2 * kPadding);
    const int x = rect.left() + kPadding;
    int y = rect.top() + kPadding;
    const QRect q = bfm.boundingRect(QRect(0, 0, inner, 10000), Qt::TextWordWrap, poll.question);
    g.question = QRect(x, y, inner, q.height());
    y = g.question.bottom() + 1 + 2;
    g.kind = QRect(x, y, inner, sfm.height());
    y = g.kind.bottom() + 1 + kBarGap;
    for (int i = 0; i < int(poll.options.size()); ++i) {
        g.options << QRect(x, y, inner, fm.height() + 2 * kBarPadding);
        y = g.options.last().bottom() + 1 + kBarGap;
    }
    g.footer = QRect(x, y, inner, sfm.height());
    y = g.footer.bottom() + 1 + kPadding;
    g.height = y - rect.top();
    return g;
}

int PollCard::height(const Poll &poll, const QFont &font, int width)
{
    return geometry(QRect(0, 0, width, 0), poll, font).height;
}

void PollCard::paint(QPainter *painter, const QRect &rect, const Poll &poll, const QFont &font, const QPalette &palette,
                     qint64 nowMs)
{
    const Geometry g = geometry(rect, poll, font);
    const bool closed = poll.isClosedAt(nowMs);
    const int total = totalVotes(poll);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath card;
    card.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    painter->setPen(palette.color(QPalette::Mid));
    painter->setBrush(palette.color(QPalette::AlternateBase));
    painter->drawPath(card);

    painter->setPen(palette.color(QPalette::Text));
    painter->setFont(boldFont(font));
    painter->drawText(g.question, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, poll.question);
    painter->setFont(smallFont(font));
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(g.kind, Qt::AlignLeft | Qt::AlignVCenter, kindText(poll, nowMs));

    const QFontMetrics fm(font);
    for (int i = 0; i < int(poll.options.size()) && i < g.options.size(); ++i) {
        const PollOption &o = poll.options[size_t(i)];
        const QRect bar = g.options.at(i);
        const bool mine = isMine(poll, o.optionId);
        QPainterPath track;
        track.addRoundedRect(QRectF(bar), 5, 5);
        painter->setPen(mine ? QPen(palette.color(QPalette::Highlight), 1.5) : QPen(palette.color(QPalette::Mid)));
        painter->setBrush(palette.color(QPalette::Base));
        painter->drawPath(track);
        if (total > 0 && o.votes > 0) {
            QColor fill = palette.color(QPalette::Highlight);
            fill.setAlpha(closed ? 50 : 80);
            const QRectF filled(bar.left(), bar.top(), qMax(6.0, bar.width() * double(o.votes) / total), bar.height());
            painter->save();
            painter->setClipPath(track);
            painter->fillRect(filled, fill);
            painter->restore();
        }
        const QRect text = bar.adjusted(kBarPadding + 2, 0, -kBarPadding - 2, 0);
        const QString count = total > 0 ? QStringLiteral("%1 · %2%").arg(o.votes).arg(qRound(100.0 * o.votes / total))
                                        : QString::number(o.votes);
        painter->setPen(palette.color(QPalette::Text));
        painter->setFont(font);
        const int countWidth = fm.horizontalAdvance(count);
        painter->drawText(text, Qt::AlignRight | Qt::AlignVCenter, count);
        QFont label = mine ? boldFont(font) : font;
        painter->setFont(label);
        const QString shown = (mine ? QStringLiteral("✓ ") : QString()) + o.text;
        painter->drawText(text.adjusted(0, 0, -countWidth - 8, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(label).elidedText(shown, Qt::ElideRight, text.width() - countWidth - 8));
    }
    painter->setFont(smallFont(font));
    painter->setPen(palette.color(QPalette::PlaceholderText));
    QString footer = votersText(poll.voterCount);
    if (!closed)
        footer += QStringLiteral(" · ") + tr("Enter to vote");
    painter->drawText(g.footer, Qt::AlignLeft | Qt::AlignVCenter, footer);
    painter->restore();
}

QString PollCard::optionAt(const QRect &rect, const Poll &poll, const QFont &font, const QPoint &pos)
{
    const Geometry g = geometry(rect, poll, font);
    for (int i = 0; i < g.options.size() && i < int(poll.options.size()); ++i) {
        if (g.options.at(i).contains(pos))
            return poll.options[size_t(i)].optionId;
    }
    return {};
}

QString PollCard::kindText(const Poll &poll, qint64 nowMs)
{
    if (poll.isClosedAt(nowMs))
        return tr("Closed");
    QStringList parts;
    parts << (poll.multipleChoice ? tr("Multiple choice") : tr("Single choice"));
    if (poll.anonymous)
        parts << tr("anonymous");
    if (poll.closesAt > 0)
        parts << tr("closes %1").arg(timeText(poll.closesAt));
    return parts.join(QStringLiteral(" · "));
}

// Not %n plurals: those need confab_en.ts, and two forms cover English, Spanish and French.
QString PollCard::votesText(int votes) { return votes == 1 ? tr("1 vote") : tr("%1 votes").arg(votes); }

QString PollCard::votersText(int voters) { return voters == 1 ? tr("1 voter") : tr("%1 voters").arg(voters); }

QString PollCard::accessibleText(const Poll &poll, qint64 nowMs)
{
    QStringList options;
    QStringList mine;
    for (const PollOption &o : poll.options) {
        options << tr("%1 %2").arg(o.text, votesText(o.votes));
        if (isMine(poll, o.optionId))
            mine << o.text;
    }
    QString text = tr("Poll: %1 %2.").arg(poll.question, options.join(QStringLiteral(", ")));
    if (!mine.isEmpty())
        text += QLatin1Char(' ') + tr("You voted %1.").arg(mine.join(QStringLiteral(", ")));
    if (poll.isClosedAt(nowMs))
        text += QLatin1Char(' ') + tr("Closed.");
    return text;
}

} // namespace confab::ui
