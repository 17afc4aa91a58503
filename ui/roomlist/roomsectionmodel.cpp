// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomsectionmodel.h"

#include "client/models/roomlistmodel.h"

namespace confab::ui {

using client::RoomListModel;

RoomSectionModel::RoomSectionModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setFilterRole(RoomListModel::NameRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
    sort(0);
    // A section's first row changes when rows come, go or move: repaint the headers.
    auto headersMayMove = [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {SectionStartRole});
    };
    connect(this, &QAbstractItemModel::rowsInserted, this, headersMayMove);
    connect(this, &QAbstractItemModel::rowsRemoved, this, headersMayMove);
    connect(this, &QAbstractItemModel::layoutChanged, this, headersMayMove);
}

RoomSectionModel::Section RoomSectionModel::sectionOfType(const QString &type)
{
    return type == QLatin1String("direct") || type == QLatin1String("group") ? DirectSection : RoomsSection;
}

QString RoomSectionModel::sectionTitle(Section section)
{
    return section == DirectSection ? tr("Direct messages") : tr("Rooms");
}

int RoomSectionModel::firstRowOf(Section section) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (index(row, 0).data(SectionRole).toInt() == section)
            return row;
    }
    return -1;
}

bool RoomSectionModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const Section a = sectionOfType(left.data(RoomListModel::TypeRole).toString());
    const Section b = sectionOfType(right.data(RoomListModel::TypeRole).toString());
    if (a != b)
        return a < b;
    return left.row() < right.row(); // the source's order: most recent first
}

QVariant RoomSectionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    switch (role) {
    case SectionRole: return int(sectionOfType(QSortFilterProxyModel::data(index, RoomListModel::TypeRole).toString()));
    case SectionStartRole:
        return index.row() == 0 ||
               data(this->index(index.row() - 1, 0), SectionRole).toInt() != data(index, SectionRole).toInt();
    case SectionTitleRole: return sectionTitle(Section(data(index, SectionRole).toInt()));
    case Qt::AccessibleTextRole: {
        // What a screen reader says for the row: the section when it starts, name, counts, presence.
        QStringList parts;
        if (data(index, SectionStartRole).toBool())
            parts << data(index, SectionTitleRole).toString();
        parts << QSortFilterProxyModel::data(index, RoomListModel::NameRole).toString();
        const int unread = QSortFilterProxyModel::data(index, RoomListModel::UnreadCountRole).toInt();
        const int mentions = QSortFilterProxyModel::data(index, RoomListModel::MentionCountRole).toInt();
        if (unread > 0)
            parts << tr("%n unread", nullptr, unread);
        if (mentions > 0)
            parts << tr("%n mention(s)", nullptr, mentions);
        if (QSortFilterProxyModel::data(index, RoomListModel::MutedRole).toBool())
            parts << tr("muted");
        const QString peer = QSortFilterProxyModel::data(index, RoomListModel::PeerStatusRole).toString();
        if (!peer.isEmpty())
            parts << peer;
        return parts.join(QStringLiteral(", "));
    }
    default: return QSortFilterProxyModel::data(index, role);
    }
}

} // namespace confab::ui
