#include "messagedelegate.h"

#include "avatarpainter.h"

#include "client/messagemodel.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QTextOption>

namespace confab::ui {

using client::MessageModel;

namespace {
constexpr int kMargin = 10;
constexpr int kAvatar = 34;
constexpr int kTextLeft = kMargin + kAvatar + kMargin;
constexpr int kGroupGapSeconds = 5 * 60;
constexpr int kChipSpacing = 6;

bool isSystem(const QModelIndex &i) { return i.data(MessageModel::TypeRole).toString() == QLatin1String("system"); }

MessageModel::Delivery deliveryOf(const QModelIndex &i)
{
    return i.data(MessageModel::DeliveryRole).value<MessageModel::Delivery>();
}

QFont smallFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.85);
    return f;
}
} // namespace

MessageDelegate::MessageDelegate(QAbstractItemView *view) : QStyledItemDelegate(view), m_view(view) {}

bool MessageDelegate::startsGroup(const QModelIndex &index)
{
    if (index.row() == 0 || isSystem(index))
        return true;
    const QModelIndex prev = index.siblingAtRow(index.row() - 1);
    if (isSystem(prev) || prev.data(MessageModel::AuthorIdRole) != index.data(MessageModel::AuthorIdRole))
        return true;
    const QDateTime a = prev.data(MessageModel::TimestampRole).toDateTime();
    const QDateTime b = index.data(MessageModel::TimestampRole).toDateTime();
    return a.secsTo(b) > kGroupGapSeconds || b < a;
}

QString MessageDelegate::timeText(const QDateTime &utc)
{
    const QDateTime local = utc.toLocalTime();
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss")); // some locales' short format still has seconds
    const QString time = local.time().toString(format);
    const QDate today = QDate::currentDate();
    if (local.date() == today)
        return time;
    if (local.date() == today.addDays(-1))
        return tr("Yesterday %1").arg(time);
    return tr("%1 %2").arg(QLocale().toString(local.date(), QLocale::ShortFormat), time);
}

QString MessageDelegate::statusText(const QModelIndex &index)
{
    switch (deliveryOf(index)) {
    case MessageModel::Delivery::Pending:
        return tr("sending…");
    case MessageModel::Delivery::Failed: {
        const QString why = index.data(MessageModel::ErrorRole).toString();
        return why.isEmpty() ? tr("Not sent. Double-click to retry.") : tr("Not sent: %1. Double-click to retry.").arg(why);
    }
    case MessageModel::Delivery::Sent:
        break;
    }
    if (index.data(MessageModel::IsEditedRole).toBool() && !index.data(MessageModel::IsDeletedRole).toBool())
        return tr("(edited)");
    return {};
}

QStringList MessageDelegate::chips(const QModelIndex &index) const
{
    QStringList out;
    const QVariantList reactions = index.data(MessageModel::ReactionsRole).toList();
    for (const QVariant &v : reactions) {
        const QVariantMap m = v.toMap();
        out << QStringLiteral("%1 %2").arg(m.value(QStringLiteral("emoji")).toString()).arg(m.value(QStringLiteral("count")).toInt());
    }
    return out;
}

int MessageDelegate::textWidth() const { return qMax(80, m_view->viewport()->width() - kTextLeft - kMargin); }

const QTextDocument *MessageDelegate::document(const QModelIndex &index) const
{
    return document(index, m_view->font(), textWidth());
}

const QTextDocument *MessageDelegate::document(const QModelIndex &index, const QFont &font, int width) const
{
    const QString content = index.data(MessageModel::ContentRole).toString();
    const bool deleted = index.data(MessageModel::IsDeletedRole).toBool();
    QString id = index.data(MessageModel::MessageIdRole).toString();
    if (id.isEmpty())
        id = index.data(MessageModel::ClientMsgIdRole).toString();
    // The content is part of the key: an edit must not show the old layout.
    const QString key = QStringLiteral("%1|%2|%3|%4").arg(id).arg(width).arg(qHash(content)).arg(deleted);
    if (QTextDocument *doc = m_docs.object(key))
        return doc;
    auto *doc = new QTextDocument;
    doc->setDocumentMargin(0);
    doc->setDefaultFont(font);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    doc->setDefaultTextOption(wrap);
    if (deleted || isSystem(index)) {
        doc->setPlainText(content);
    } else {
        // Raw text from other people: Markdown without HTML, so tags and scripts stay text.
        doc->setMarkdown(content, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub)
                                      | QTextDocument::MarkdownNoHTML);
    }
    doc->setTextWidth(width);
    const QTextDocument *result = doc;
    m_docs.insert(key, doc);
    return result;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = textWidth();
    const QFont font = m_view->font();
    const QFontMetrics fm(font);
    const QFontMetrics sfm(smallFont(font));
    const bool head = startsGroup(index);
    int h = head ? kMargin : 2;
    if (head)
        h += fm.height() + 2;
    h += int(std::ceil(document(index, font, width)->size().height()));
    if (!statusText(index).isEmpty())
        h += sfm.height() + 2;
    if (!chips(index).isEmpty())
        h += sfm.height() + 8;
    h += 2;
    if (head)
        h = qMax(h, kMargin + kAvatar + 2);
    Q_UNUSED(option);
    return {width + kTextLeft + kMargin, h};
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QPalette &pal = opt.palette;
    painter->save();
    if ((opt.state & QStyle::State_HasFocus) && m_view->hasFocus()) {
        QColor focus = pal.color(QPalette::Highlight);
        focus.setAlphaF(0.12f);
        painter->fillRect(opt.rect, focus);
    }

    const QFont font = m_view->font();
    const QFont small = smallFont(font);
    const QFontMetrics fm(font);
    const QFontMetrics sfm(small);
    const bool head = startsGroup(index);
    const auto delivery = deliveryOf(index);
    const bool deleted = index.data(MessageModel::IsDeletedRole).toBool();
    QColor textColor = pal.color(QPalette::Text);
    QColor dim = textColor;
    dim.setAlphaF(0.6f);
    const QColor failedColor = QColor::fromRgb(0xd3, 0x2f, 0x2f);

    int y = opt.rect.top() + (head ? kMargin : 2);
    const int x = opt.rect.left() + kTextLeft;
    const int width = textWidth();

    if (head) {
        const QString author = index.data(MessageModel::AuthorNameRole).toString();
        paintAvatar(painter, QRect(opt.rect.left() + kMargin, y + 2, kAvatar, kAvatar),
                    index.data(MessageModel::AuthorIdRole).toString(), author);
        QFont bold = font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(textColor);
        const QFontMetrics bfm(bold);
        const QString name = bfm.elidedText(author, Qt::ElideRight, width / 2);
        painter->drawText(QPoint(x, y + fm.ascent()), name);
        painter->setFont(small);
        painter->setPen(dim);
        painter->drawText(QPoint(x + bfm.horizontalAdvance(name) + kMargin, y + fm.ascent()),
                          timeText(index.data(MessageModel::TimestampRole).toDateTime()));
        y += fm.height() + 2;
    }

    const QTextDocument *doc = document(index, font, width);
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = pal;
    QColor bodyColor = textColor;
    if (delivery == MessageModel::Delivery::Pending || deleted)
        bodyColor = dim; // greyed until the server has it
    ctx.palette.setColor(QPalette::Text, bodyColor);
    painter->save();
    painter->translate(x, y);
    painter->setClipRect(QRect(0, 0, width, int(std::ceil(doc->size().height()))));
    doc->documentLayout()->draw(painter, ctx);
    painter->restore();
    y += int(std::ceil(doc->size().height()));

    const QString status = statusText(index);
    if (!status.isEmpty()) {
        painter->setFont(small);
        painter->setPen(delivery == MessageModel::Delivery::Failed ? failedColor : dim);
        painter->drawText(QRect(x, y + 2, width, sfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          sfm.elidedText(status, Qt::ElideRight, width));
        y += sfm.height() + 2;
    }

    const QStringList reactionChips = chips(index);
    if (!reactionChips.isEmpty()) {
        painter->setFont(small);
        painter->setRenderHint(QPainter::Antialiasing);
        int cx = x;
        const QVariantList reactions = index.data(MessageModel::ReactionsRole).toList();
        for (int i = 0; i < reactionChips.size(); ++i) {
            const int w = sfm.horizontalAdvance(reactionChips.at(i)) + 12;
            if (cx + w > x + width)
                break;
            const QRect chip(cx, y + 4, w, sfm.height() + 2);
            const bool mine = reactions.at(i).toMap().value(QStringLiteral("mine")).toBool();
            QColor fill = pal.color(mine ? QPalette::Highlight : QPalette::Mid);
            fill.setAlphaF(mine ? 0.25f : 0.2f);
            painter->setPen(mine ? pal.color(QPalette::Highlight) : Qt::NoPen);
            painter->setBrush(fill);
            painter->drawRoundedRect(chip, chip.height() / 2.0, chip.height() / 2.0);
            painter->setPen(textColor);
            painter->drawText(chip, Qt::AlignCenter, reactionChips.at(i));
            cx += w + kChipSpacing;
        }
    }
    painter->restore();
}

} // namespace confab::ui
