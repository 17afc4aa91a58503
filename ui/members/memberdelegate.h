// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/avatarimages.h"

#include <QPointer>
#include <QStyledItemDelegate>

namespace confab::ui {

// Paints one member of a MemberModel (through any proxy): avatar with a presence dot, name,
// custom status, presence, "last seen" or mute on a second line, a role badge, and above the
// first member of each section a heading ("Moderators — 3", "Online — 40", "Offline — 1460").
// One delegate for the whole list: no widget per row.
class MemberDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit MemberDelegate(QObject *parent = nullptr);

    // The model's rows are sorted by section; a row starts a group when the one above is in another.
    static bool startsGroup(const QModelIndex &index);
    // section: "owner", "admin", "moderator", "online" or "offline" (MemberModel::SectionRole).
    static QString groupTitle(const QString &section, int count);
    static QString statusText(const QModelIndex &index);
    static QColor presenceColor(const QString &status);
    static QColor roleColor(const QString &role);
    static QString roleBadge(const QString &role); // empty for plain members

    // Whether group headings are drawn (off for flat lists such as "muted members").
    void setGrouped(bool grouped) { m_grouped = grouped; }
    // Where avatar pictures come from (none: initials only). Not owned.
    void setAvatarImages(AvatarImages *avatars) { m_avatars = avatars; }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Rows whose heading may have come or gone after a change; views call this on dataChanged.
    void refreshGroups(const QModelIndex &topLeft, const QModelIndex &bottomRight);

private:
    int headerHeight(const QStyleOptionViewItem &option) const;
    bool m_grouped = true;
    QPointer<AvatarImages> m_avatars;
};

} // namespace confab::ui
