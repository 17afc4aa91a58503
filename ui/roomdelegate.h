#pragma once

#include <QStyledItemDelegate>

namespace confab::ui {

// One room in the list: initials avatar (round for people, square for channels), name with a
// mark of its type, the last message elided, and an unread badge.
class RoomDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "#" for channels, "@" for people, shown before the name; a word after it for the rest.
    static QString typeMark(const QString &type);
    static QString typeTag(const QString &type);
};

} // namespace confab::ui
