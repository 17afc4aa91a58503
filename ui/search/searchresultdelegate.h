// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace confab::ui {

// A search result in two lines: "room · author · time", then the snippet with the matched
// words in bold on a highlight tint. The snippet is laid out as plain text with the server's
// ranges as formats (QTextLayout), never as HTML, so a message's text cannot add markup.
class SearchResultDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "Room · Author · 12 Sep 14:05": what the first line says (and screen readers read).
    static QString headerText(const QModelIndex &index);
};

} // namespace confab::ui
