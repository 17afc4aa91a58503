// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchresultdelegate.h"

#include "client/models/searchresultsmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QTextLayout>

namespace confab::ui {

using client::SearchResultsModel;

namespace {
constexpr int kPad = 6;

QColor withAlpha(QColor c, float a)
{
    c.setAlphaF(a);
    return c;
}
} // namespace

QString SearchResultDelegate::headerText(const QModelIndex &index)
{
    const QDateTime local = index.data(SearchResultsModel::TimestampRole).toDateTime().toLocalTime();
    const QString when = QLocale().toString(local, QLocale::ShortFormat);
    return tr("%1 · %2 · %3")
        .arg(index.data(SearchResultsModel::RoomNameRole).toString(),
             index.data(SearchResultsModel::AuthorNameRole).toString(), when);
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return QSize(option.rect.width(), 2 * fm.height() + 3 * kPad);
}

void SearchResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget); // selection background

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette &pal = opt.palette;
    const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QFontMetrics fm(opt.font);
    const QRect area = opt.rect.adjusted(kPad, kPad, -kPad, -kPad);

    painter->save();
    QFont small = opt.font;
    small.setPointSizeF(opt.font.pointSizeF() * 0.9);
    painter->setFont(small);
    painter->setPen(withAlpha(text, 0.7f));
    const QString header = QFontMetrics(small).elidedText(headerText(index), Qt::ElideRight, area.width());
    painter->drawText(QRect(area.left(), area.top(), area.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      header);

    // The snippet on one line, matches in bold on a tint; elided at the end if too long.
    QString snippet = index.data(SearchResultsModel::SnippetRole).toString();
    snippet.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const auto ranges = index.data(SearchResultsModel::HighlightsRole).value<QList<TextRange>>();
    QList<QTextLayout::FormatRange> formats;
    for (const TextRange &r : ranges) {
        QTextLayout::FormatRange f;
        f.start = r.start;
        f.length = r.length;
        f.format.setFontWeight(QFont::Bold);
        f.format.setBackground(withAlpha(pal.color(selected ? QPalette::HighlightedText : QPalette::Highlight), 0.3f));
        formats.append(f);
    }
    QTextLayout layout(snippet, opt.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    layout.setFormats(formats);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(area.width());
    layout.endLayout();
    painter->setPen(text);
    painter->setClipRect(area);
    layout.draw(painter, QPointF(area.left(), area.top() + fm.height() + kPad));
    painter->restore();
}

} // namespace confab::ui
