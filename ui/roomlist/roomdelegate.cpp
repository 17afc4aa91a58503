// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomdelegate.h"

#include "roomlist/roomsectionmodel.h"
#include "shell/thememanager.h"
#include "widgets/avatarimages.h"
#include "widgets/avatarpainter.h"

#include "client/models/roomlistmodel.h"

#include <QApplication>
#include <QPainter>

namespace confab::ui {

using client::RoomListModel;

namespace {
constexpr int kMargin = 8;
constexpr int kAvatar = 36;
constexpr int kDot = 12;

QString countText(int n) { return n > 99 ? QStringLiteral("99+") : QString::number(n); }

QFont badgeFont(const QFont &base)
{
    QFont f = base;
    f.setBold(true);
    f.setPointSizeF(base.pointSizeF() * 0.85);
    return f;
}

// A pill with centred text at the right edge of `right`; returns its left edge.
int paintBadge(QPainter *painter, const QFont &font, int right, int top, const QString &text, const QColor &fill,
               const QColor &ink)
{
    const QFontMetrics fm(font);
    const int w = qMax(fm.height() + 4, fm.horizontalAdvance(text) + 10);
    const QRect badge(right - w, top, w, fm.height() + 2);
    painter->setFont(font);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
    painter->setPen(ink);
    painter->drawText(badge, Qt::AlignCenter, text);
    return badge.left();
}
} // namespace

QString RoomDelegate::typeMark(const QString &type)
{
    if (type == QLatin1String("direct") || type == QLatin1String("group"))
        return QStringLiteral("@");
    return QStringLiteral("#");
}

QString RoomDelegate::typeTag(const QString &type)
{
    if (type == QLatin1String("private"))
        return tr("private");
    if (type == QLatin1String("announcement"))
        return tr("announcements");
    if (type == QLatin1String("group"))
        return tr("group");
    return {};
}

QString RoomDelegate::unreadBadgeText(const QModelIndex &index)
{
    const int n = index.data(RoomListModel::UnreadCountRole).toInt();
    return n > 0 ? countText(n) : QString();
}

QString RoomDelegate::mentionBadgeText(const QModelIndex &index)
{
    const int n = index.data(RoomListModel::MentionCountRole).toInt();
    return n > 0 ? QLatin1Char('@') + countText(n) : QString();
}

int RoomDelegate::headerHeight(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (!index.data(RoomSectionModel::SectionStartRole).toBool())
        return 0;
    QFont f = option.font;
    f.setPointSizeF(f.pointSizeF() * 0.85);
    // More room above a header that follows another section.
    return QFontMetrics(f).height() + (index.row() == 0 ? 8 : 16);
}

QSize RoomDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics fm(option.font);
    return {200, qMax(kAvatar, 2 * fm.height() + 4) + 2 * kMargin + headerHeight(option, index)};
}

void RoomDelegate::paintHeader(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect,
                               const QString &title) const
{
    QFont f = option.font;
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.85);
    f.setCapitalization(QFont::AllUppercase);
    f.setLetterSpacing(QFont::PercentageSpacing, 105);
    painter->setFont(f);
    QColor c = option.palette.color(QPalette::Text);
    c.setAlphaF(0.6f);
    painter->setPen(c);
    const QFontMetrics fm(f);
    painter->drawText(rect.adjusted(kMargin, 0, -kMargin, -3), Qt::AlignLeft | Qt::AlignBottom,
                      fm.elidedText(title, Qt::ElideRight, rect.width() - 2 * kMargin));
}

void RoomDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the background and focus come from the style, the content from us
    const int header = headerHeight(option, index);
    painter->save();
    if (header > 0)
        paintHeader(painter, opt, QRect(opt.rect.left(), opt.rect.top(), opt.rect.width(), header),
                    index.data(RoomSectionModel::SectionTitleRole).toString());
    opt.rect.setTop(opt.rect.top() + header);
    const QWidget *w = opt.widget;
    QStyle *style = w ? w->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, w);
    if ((opt.state & QStyle::State_HasFocus) && w && w->hasFocus()) {
        // Where the keyboard is: an outline in the text colour, visible on the selection too.
        painter->setPen(QPen(opt.palette.color(QPalette::Text), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(opt.rect).adjusted(1, 1, -1, -1));
    }

    // A muted room is dimmed (its selection stays as readable as any other).
    if (index.data(RoomListModel::MutedRole).toBool() && !(opt.state & QStyle::State_Selected))
        painter->setOpacity(0.5);
    const QString roomId = index.data(RoomListModel::RoomIdRole).toString();
    const QString name = index.data(RoomListModel::NameRole).toString();
    const QString type = index.data(RoomListModel::TypeRole).toString();
    const QString unreadText = unreadBadgeText(index);
    const QString mentionText = mentionBadgeText(index);
    const QString peerStatus = index.data(RoomListModel::PeerStatusRole).toString();
    QString preview = index.data(RoomListModel::LastMessageRole).toString(); // plain text already
    const QString author = index.data(RoomListModel::LastAuthorRole).toString();
    if (!author.isEmpty() && !preview.isEmpty())
        preview = tr("%1: %2").arg(author, preview);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup cg = (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    const QColor text = opt.palette.color(cg, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor background =
        selected ? opt.palette.color(cg, QPalette::Highlight) : opt.palette.color(cg, QPalette::Base);
    QColor dim = text;
    dim.setAlphaF(0.65f);

    const QRect r = opt.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const bool person = typeMark(type) == QLatin1String("@");
    const QRect avatar(r.left(), r.top() + (r.height() - kAvatar) / 2, kAvatar, kAvatar);
    const QImage picture = person && m_avatars
                               ? m_avatars->picture(index.data(RoomListModel::AvatarRole).toString(),
                                                    avatar.size() * painter->device()->devicePixelRatioF())
                               : QImage();
    paintAvatar(painter, avatar, roomId, name, person, picture);
    painter->setRenderHint(QPainter::Antialiasing);

    // Presence of the other person, at the avatar's lower right, ringed in the row's colour.
    if (!peerStatus.isEmpty()) {
        const PresenceStatus status = enumFromString<PresenceStatus>(peerStatus).value_or(PresenceStatus::Offline);
        const QRectF dot(avatar.right() - kDot + 2.5, avatar.bottom() - kDot + 2.5, kDot, kDot);
        painter->setPen(QPen(background, 2.5));
        painter->setBrush(status == PresenceStatus::Offline ? background : presenceColor(status));
        painter->drawEllipse(dot);
        if (status == PresenceStatus::Offline) {
            painter->setPen(QPen(presenceColor(status), 2));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(dot.adjusted(2.5, 2.5, -2.5, -2.5));
        }
    }

    const int x = r.left() + kAvatar + kMargin;
    int right = r.right();

    // Badges at the right of the name line: unread count, and mentions apart from it.
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics fm(opt.font);
    const int line = fm.height();
    const QFont small = badgeFont(opt.font);
    if (!unreadText.isEmpty()) {
        right = paintBadge(painter, small, right, r.top() + 1, unreadText,
                           selected ? opt.palette.color(cg, QPalette::HighlightedText)
                                    : opt.palette.color(cg, QPalette::Highlight),
                           selected ? opt.palette.color(cg, QPalette::Highlight)
                                    : opt.palette.color(cg, QPalette::HighlightedText)) -
                kMargin / 2;
    }
    if (!mentionText.isEmpty()) {
        right = paintBadge(painter, small, right, r.top() + 1, mentionText, attentionColor(opt.palette), Qt::white) -
                kMargin / 2;
    }

    // Name line: mark, name (bold when unread), type tag.
    painter->setFont(unreadText.isEmpty() ? opt.font : bold);
    const QFontMetrics nfm(painter->font());
    const QString fullTitle = typeMark(type) + QLatin1Char(' ') + name;
    QString tag = typeTag(type);
    // The name comes first: the tag goes when the name says it already ("# announcements") or
    // when both do not fit (it would cut the name short).
    if (name.contains(tag, Qt::CaseInsensitive) ||
        nfm.horizontalAdvance(fullTitle) + fm.horizontalAdvance(tag) + kMargin > right - x)
        tag.clear();
    const int tagWidth = tag.isEmpty() ? 0 : fm.horizontalAdvance(tag) + kMargin;
    const QString title = nfm.elidedText(fullTitle, Qt::ElideRight, qMax(0, right - x - tagWidth));
    painter->setPen(text);
    painter->drawText(QRect(x, r.top(), right - x, line), Qt::AlignLeft | Qt::AlignVCenter, title);
    if (!tag.isEmpty()) {
        painter->setFont(opt.font);
        painter->setPen(dim);
        painter->drawText(QRect(x + nfm.horizontalAdvance(title) + kMargin / 2, r.top(), tagWidth, line),
                          Qt::AlignLeft | Qt::AlignVCenter, tag);
    }

    // Preview line.
    painter->setFont(opt.font);
    painter->setPen(dim);
    const int pr = r.right();
    painter->drawText(QRect(x, r.top() + line + 4, pr - x, line), Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(preview.isEmpty() ? tr("No messages yet") : preview, Qt::ElideRight, pr - x));
    painter->restore();
}

} // namespace confab::ui
