// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace confab::ui {

class AvatarImages;

// One room in the list: initials avatar (round for people, square for channels) with a presence
// dot for direct conversations, name with a mark of its type, the last message elided, an
// unread badge and, apart from it, a mention badge ("@2") in the attention colour. The first
// room of a section carries the section's header above it. Every colour comes from the palette
// (plus the presence and attention colours of theme.h).
class RoomDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "#" for channels, "@" for people, shown before the name; a word after it for the rest.
    static QString typeMark(const QString &type);
    static QString typeTag(const QString &type);
    // What the badges say: "" when none, "7", "99+"; mentions as "@2".
    static QString unreadBadgeText(const QModelIndex &index);
    static QString mentionBadgeText(const QModelIndex &index);
    // Height of the section header drawn above a section's first room (0 for other rows).
    static int headerHeight(const QStyleOptionViewItem &option, const QModelIndex &index);
    // Where the pictures of direct rooms' people come from (none: initials only). Not owned.
    void setAvatarImages(AvatarImages *avatars) { m_avatars = avatars; }

private:
    AvatarImages *m_avatars = nullptr;
    void paintHeader(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect,
                     const QString &title) const;
};

} // namespace confab::ui
