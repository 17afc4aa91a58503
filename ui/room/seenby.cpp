// SPDX-License-Identifier: GPL-3.0-or-later
#include "seenby.h"

#include "widgets/avatarpainter.h"

#include "client/models/knownusers.h"
#include "client/models/messagemodel.h"
#include "client/models/receiptmodel.h"

#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPalette>

#include <limits>

namespace confab::ui {

using client::MessageModel;

namespace {
bool isSystem(const QModelIndex &i) { return i.data(MessageModel::TypeRole).toString() == QLatin1String("system"); }
} // namespace

void SeenBy::setReceipts(const client::ReceiptModel *receipts, const client::KnownUsers *names)
{
    m_receipts = receipts;
    m_names = names;
}

QStringList SeenBy::readerIds(const QModelIndex &index) const
{
    if (!m_receipts || isSystem(index) ||
        index.data(MessageModel::DeliveryRole).value<MessageModel::Delivery>() != MessageModel::Delivery::Sent)
        return {};
    const qint64 seq = index.data(MessageModel::SeqRole).toLongLong();
    if (seq <= 0)
        return {};
    // Up to the next message people wrote: a marker on a system line or a hidden row counts
    // for the message above it.
    qint64 next = std::numeric_limits<qint64>::max();
    const QAbstractItemModel *model = index.model();
    for (int row = index.row() + 1; row < model->rowCount(); ++row) {
        const QModelIndex below = model->index(row, 0);
        const qint64 belowSeq = below.data(MessageModel::SeqRole).toLongLong();
        if (belowSeq > 0 && !isSystem(below)) {
            next = belowSeq;
            break;
        }
    }
    QStringList ids = m_receipts->readersBetween(seq, next);
    ids.removeAll(index.data(MessageModel::AuthorIdRole).toString()); // the author saw it, of course
    return ids;
}

QStringList SeenBy::readerNames(const QStringList &ids) const
{
    QStringList names;
    names.reserve(ids.size());
    for (const QString &id : ids)
        names << (m_names ? m_names->displayName(id) : id);
    return names;
}

QString SeenBy::text(const QStringList &names)
{
    if (names.isEmpty())
        return {};
    if (names.size() > 3)
        return tr("Seen by %1 and %2 others").arg(names.mid(0, 2).join(QLatin1String(", "))).arg(names.size() - 2);
    return tr("Seen by %1").arg(QLocale().createSeparatedList(names));
}

void SeenBy::paint(QPainter *painter, const QRect &rect, const QPalette &palette, const QFont &font,
                   const QStringList &ids, const QStringList &names)
{
    painter->save();
    const int shown = std::min(int(ids.size()), kMaxAvatars);
    const int extra = int(ids.size()) - shown;
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    const QFontMetrics fm(small);
    const QString more = extra > 0 ? QStringLiteral("+%1").arg(extra) : QString();
    // Right-aligned, overlapping a little like a stack of cards, the furthest reader on the left.
    const int step = kAvatar - 3;
    const int width = shown * step + 3 + (more.isEmpty() ? 0 : fm.horizontalAdvance(more) + 4);
    int x = rect.right() - width;
    const int y = rect.top() + (rect.height() - kAvatar) / 2;
    for (int i = 0; i < shown; ++i) {
        const QRect avatar(x, y, kAvatar, kAvatar);
        painter->setPen(QPen(palette.color(QPalette::Base), 1.5));
        painter->setBrush(Qt::NoBrush);
        paintAvatar(painter, avatar, ids.at(i), names.value(i));
        painter->drawEllipse(QRectF(avatar).adjusted(0.5, 0.5, -0.5, -0.5));
        x += step;
    }
    if (!more.isEmpty()) {
        QColor dim = palette.color(QPalette::Text);
        dim.setAlphaF(0.6f);
        painter->setPen(dim);
        painter->setFont(small);
        painter->drawText(QRect(x + 3 + 4, rect.top(), fm.horizontalAdvance(more) + 2, rect.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, more);
    }
    painter->restore();
}

} // namespace confab::ui
