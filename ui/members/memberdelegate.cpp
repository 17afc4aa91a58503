// SPDX-License-Identifier: GPL-3.0-or-later
#include "memberdelegate.h"

#include "widgets/avatarpainter.h"

#include "client/models/lastseentext.h"
#include "client/models/membermodel.h"
#include "client/models/timetext.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>

namespace confab::ui {

using client::MemberModel;

namespace {
constexpr int kMargin = 6;
constexpr int kAvatar = 30;
constexpr int kDot = 10;

QString roleOf(const QModelIndex &index) { return index.data(MemberModel::RoleRole).toString(); }
QString sectionOf(const QModelIndex &index) { return index.data(MemberModel::SectionRole).toString(); }

// A rounded pill with text, right-aligned at `right`; returns its left edge.
int drawPill(QPainter *p, int right, int centerY, const QString &text, const QColor &fill, const QColor &ink,
             const QFont &font)
{
    const QFontMetrics fm(font);
    const int w = fm.horizontalAdvance(text) + 10;
    const int h = fm.height() + 2;
    const QRect pill(right - w, centerY - h / 2, w, h);
    p->setPen(Qt::NoPen);
    p->setBrush(fill);
    p->drawRoundedRect(pill, h / 2.0, h / 2.0);
    p->setPen(ink);
    p->setFont(font);
    p->drawText(pill, Qt::AlignCenter, text);
    return pill.left();
}
} // namespace

MemberDelegate::MemberDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

bool MemberDelegate::startsGroup(const QModelIndex &index)
{
    if (!index.isValid())
        return false;
    if (index.row() == 0)
        return true;
    return sectionOf(index.sibling(index.row() - 1, index.column())) != sectionOf(index);
}

QString MemberDelegate::groupTitle(const QString &section, int count)
{
    const QString &role = section;
    if (section == QLatin1String("online"))
        return tr("Online — %1").arg(count);
    if (section == QLatin1String("offline"))
        return tr("Offline — %1").arg(count);
    if (role == QLatin1String("owner"))
        return tr("Owner — %1").arg(count);
    if (role == QLatin1String("admin"))
        return tr("Admins — %1").arg(count);
    if (role == QLatin1String("moderator"))
        return tr("Moderators — %1").arg(count);
    return tr("Members — %1").arg(count);
}

QString MemberDelegate::roleBadge(const QString &role)
{
    if (role == QLatin1String("owner"))
        return tr("Owner");
    if (role == QLatin1String("admin"))
        return tr("Admin");
    if (role == QLatin1String("moderator"))
        return tr("Mod");
    return {};
}

QColor MemberDelegate::roleColor(const QString &role)
{
    if (role == QLatin1String("owner"))
        return QColor(0xb7, 0x79, 0x00);
    if (role == QLatin1String("admin"))
        return QColor(0xa8, 0x3f, 0x8c);
    if (role == QLatin1String("moderator"))
        return QColor(0x1f, 0x7a, 0x6c);
    return QColor(0x80, 0x80, 0x80);
}

QColor MemberDelegate::presenceColor(const QString &status)
{
    if (status == QLatin1String("online"))
        return QColor(0x2f, 0xa8, 0x4f);
    if (status == QLatin1String("away"))
        return QColor(0xe0, 0xa1, 0x00);
    if (status == QLatin1String("busy"))
        return QColor(0xd9, 0x45, 0x3d);
    return QColor(0x8a, 0x8a, 0x8a);
}

QString MemberDelegate::statusText(const QModelIndex &index)
{
    if (index.data(MemberModel::IsMutedRole).toBool()) {
        const QDateTime until = index.data(MemberModel::MutedUntilRole).toDateTime();
        return until.isValid() ? tr("Muted until %1").arg(client::shortTimeText(until.toMSecsSinceEpoch()))
                               : tr("Muted until lifted");
    }
    const QString status = index.data(MemberModel::StatusRole).toString();
    const QString custom = index.data(MemberModel::CustomStatusRole).toString();
    QString word;
    if (status == QLatin1String("online"))
        word = tr("Online");
    else if (status == QLatin1String("away"))
        word = tr("Away");
    else if (status == QLatin1String("busy"))
        word = tr("Busy");
    else // offline: when they were last here says more than their status
        return client::LastSeenText::of(index.data(MemberModel::LastSeenRole).toDateTime().toMSecsSinceEpoch(),
                                        QDateTime::currentMSecsSinceEpoch());
    // Their own words first: the presence is the dot's colour already.
    return custom.isEmpty() ? word : custom;
}

int MemberDelegate::headerHeight(const QStyleOptionViewItem &option) const
{
    return QFontMetrics(option.font).height() + 14;
}

QSize MemberDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics fm(option.font);
    int h = qMax(kAvatar, 2 * fm.height() + 2) + 2 * kMargin;
    if (m_grouped && startsGroup(index))
        h += headerHeight(option);
    return {160, h};
}

void MemberDelegate::refreshGroups(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // A role change that keeps the row in place changes its heading and the next row's.
    for (int row = topLeft.row(); row <= bottomRight.row() + 1; ++row) {
        const QModelIndex i = topLeft.sibling(row, 0);
        if (i.isValid())
            Q_EMIT sizeHintChanged(i);
    }
}

void MemberDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *w = opt.widget;
    QStyle *style = w ? w->style() : QApplication::style();
    const QPalette::ColorGroup cg = (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    const QString role = roleOf(index);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QRect row = opt.rect;
    if (m_grouped && startsGroup(index)) {
        // The heading: not part of the selectable row.
        const int hh = headerHeight(opt);
        QRect head(row.left() + kMargin, row.top() + 6, row.width() - 2 * kMargin, hh - 8);
        // The server's count of the whole section: later pages count too.
        const int count = index.data(MemberModel::SectionCountRole).toInt();
        QFont font = opt.font;
        font.setBold(true);
        font.setCapitalization(QFont::AllUppercase);
        font.setPointSizeF(font.pointSizeF() * 0.85);
        QColor ink = opt.palette.color(cg, QPalette::WindowText);
        ink.setAlphaF(0.6f);
        painter->setFont(font);
        painter->setPen(ink);
        painter->drawText(head, Qt::AlignLeft | Qt::AlignVCenter, groupTitle(sectionOf(index), count));
        row.setTop(row.top() + hh);
    }
    opt.rect = row;
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, w);

    const bool selected = opt.state & QStyle::State_Selected;
    const QColor text = opt.palette.color(cg, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.65f);
    const QRect r = row.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QString userId = index.data(MemberModel::UserIdRole).toString();
    const QString name = index.data(MemberModel::DisplayNameRole).toString();
    const QString status = index.data(MemberModel::StatusRole).toString();
    const bool muted = index.data(MemberModel::IsMutedRole).toBool();

    // Avatar with the presence dot on its lower right, ringed in the background colour.
    const QRect avatar(r.left(), r.top() + (r.height() - kAvatar) / 2, kAvatar, kAvatar);
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QImage picture =
        m_avatars ? m_avatars->picture(index.data(MemberModel::AvatarRole).toString(), avatar.size() * dpr) : QImage();
    paintAvatar(painter, avatar, userId, name, true, picture);
    const QRectF dot(avatar.right() - kDot + 2, avatar.bottom() - kDot + 2, kDot, kDot);
    painter->setPen(QPen(opt.palette.color(cg, selected ? QPalette::Highlight : QPalette::Base), 2));
    // The status, not isOnline: a member list fetched during the server's grace period after a
    // disconnect says isOnline false while the status (updated by presence events) still holds.
    const QString shown = status;
    if (shown == QLatin1String("offline")) {
        painter->setBrush(opt.palette.color(cg, selected ? QPalette::Highlight : QPalette::Base));
        painter->drawEllipse(dot);
        painter->setPen(QPen(presenceColor(shown), 1.6));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(dot.adjusted(2, 2, -2, -2));
    } else {
        painter->setBrush(presenceColor(shown));
        painter->drawEllipse(dot);
    }

    // Role badge (and a mute badge) on the right of the name line.
    const QFontMetrics fm(opt.font);
    const int line = fm.height();
    const int top = r.top() + (r.height() - 2 * line - 2) / 2;
    int right = r.right();
    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.8);
    small.setBold(true);
    const QString badge = roleBadge(role);
    if (!badge.isEmpty())
        right = drawPill(painter, right, top + line / 2, badge, roleColor(role), Qt::white, small) - 4;
    if (muted)
        right = drawPill(painter, right, top + line / 2, tr("Muted"), QColor(0xc0, 0x39, 0x2b), Qt::white, small) - 4;

    const int x = avatar.right() + kMargin + 2;
    painter->setFont(opt.font);
    painter->setPen(text);
    painter->drawText(QRect(x, top, right - x, line), Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(name, Qt::ElideRight, qMax(0, right - x)));
    painter->setPen(dim);
    painter->drawText(QRect(x, top + line + 2, r.right() - x, line), Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(statusText(index), Qt::ElideRight, qMax(0, r.right() - x)));
    painter->restore();
}

} // namespace confab::ui
