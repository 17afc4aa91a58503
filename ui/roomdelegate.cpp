#include "roomdelegate.h"

#include "avatarpainter.h"

#include "client/roomlistmodel.h"

#include <QApplication>
#include <QPainter>

namespace confab::ui {

using client::RoomListModel;

namespace {
constexpr int kMargin = 8;
constexpr int kAvatar = 36;
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

QSize RoomDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {200, qMax(kAvatar, 2 * fm.height() + 4) + 2 * kMargin};
}

void RoomDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the background and focus come from the style, the content from us
    const QWidget *w = opt.widget;
    QStyle *style = w ? w->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, w);

    const QString roomId = index.data(RoomListModel::RoomIdRole).toString();
    const QString name = index.data(RoomListModel::NameRole).toString();
    const QString type = index.data(RoomListModel::TypeRole).toString();
    const int unread = index.data(RoomListModel::UnreadCountRole).toInt();
    QString preview = index.data(RoomListModel::LastMessageRole).toString().simplified();
    const QString author = index.data(RoomListModel::LastAuthorRole).toString();
    if (!author.isEmpty() && !preview.isEmpty())
        preview = tr("%1: %2").arg(author, preview);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup cg = (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    const QColor text = opt.palette.color(cg, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.65f);

    const QRect r = opt.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const bool person = typeMark(type) == QLatin1String("@");
    paintAvatar(painter, QRect(r.left(), r.top() + (r.height() - kAvatar) / 2, kAvatar, kAvatar), roomId, name, person);

    painter->save();
    const int x = r.left() + kAvatar + kMargin;
    int right = r.right();

    // Unread badge at the right of the name line.
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics fm(opt.font);
    const int line = fm.height();
    if (unread > 0) {
        const QString n = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        QFont small = bold;
        small.setPointSizeF(bold.pointSizeF() * 0.85);
        painter->setFont(small);
        const QFontMetrics sfm(small);
        const int bw = qMax(sfm.height() + 4, sfm.horizontalAdvance(n) + 10);
        const QRect badge(right - bw, r.top() + 1, bw, sfm.height() + 2);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? opt.palette.color(cg, QPalette::HighlightedText) : opt.palette.color(cg, QPalette::Highlight));
        painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
        painter->setPen(selected ? opt.palette.color(cg, QPalette::Highlight) : opt.palette.color(cg, QPalette::HighlightedText));
        painter->drawText(badge, Qt::AlignCenter, n);
        right = badge.left() - kMargin / 2;
    }

    // Name line: mark, name (bold when unread), type tag.
    painter->setFont(unread > 0 ? bold : opt.font);
    const QFontMetrics nfm(painter->font());
    const QString tag = typeTag(type);
    const int tagWidth = tag.isEmpty() ? 0 : fm.horizontalAdvance(tag) + kMargin;
    const QString title = nfm.elidedText(typeMark(type) + QLatin1Char(' ') + name, Qt::ElideRight, qMax(0, right - x - tagWidth));
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
