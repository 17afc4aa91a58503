// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace confab::ui {

// The room list as shown: rooms first, then direct messages (and small groups), each section
// most recent first as the source has them, filtered by name. Headers are not rows of their own:
// the first room of a section says so (SectionStartRole) and the delegate draws the header above
// it, so arrow keys, Alt+Up/Down and the row count deal with rooms only.
class RoomSectionModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum Section { RoomsSection, DirectSection };
    Q_ENUM(Section)
    enum Roles {
        SectionRole = Qt::UserRole + 100, // Section
        SectionStartRole,                 // bool: the first row of its section
        SectionTitleRole,                 // "Rooms", "Direct messages"
    };

    explicit RoomSectionModel(QObject *parent = nullptr);

    static Section sectionOfType(const QString &type);
    static QString sectionTitle(Section section);
    // The first row of that section, or -1.
    int firstRowOf(Section section) const;

    QVariant data(const QModelIndex &index, int role) const override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace confab::ui
