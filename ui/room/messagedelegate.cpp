// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagedelegate.h"

#include "room/answercontrols.h"
#include "room/emojipicker.h"
#include "room/emojitable.h"
#include "room/messagemarkdown.h"
#include "room/pollcard.h"
#include "room/reactionsummary.h"
#include "room/seenby.h"
#include "room/systemline.h"
#include "room/thumbnailcache.h"
#include "room/timelineroles.h"
#include "widgets/avatarimages.h"
#include "widgets/avatarpainter.h"

#include "client/models/messagemodel.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDateTime>
#include <QFileIconProvider>
#include <QHash>
#include <QLocale>
#include <QMimeDatabase>
#include <QPainter>
#include <QStaticText>
#include <QTextBlock>
#include <QTextOption>
#include <QUrl>

#include <cmath>

namespace confab::ui {

using client::MessageModel;

namespace {
constexpr int kMargin = 10;
constexpr int kAvatar = 34;
constexpr int kTextLeft = kMargin + kAvatar + kMargin;
constexpr int kGroupGapSeconds = 5 * 60;
constexpr int kChipSpacing = 6;
constexpr int kChipPadding = 16;
constexpr int kQuoteBar = 3;
constexpr int kImageMaxWidth = 360;
constexpr int kImageMaxHeight = 270;
constexpr int kFileChipHeight = 44;
constexpr int kFileChipWidth = 320;

QList<Attachment> attachmentsOf(const QModelIndex &i)
{
    return i.data(MessageModel::AttachmentsRole).value<QList<Attachment>>();
}

// The file type's icon from the desktop theme, else the style's file icon.
QIcon fileIcon(const QString &mimeType)
{
    static QHash<QString, QIcon> icons;
    auto it = icons.constFind(mimeType);
    if (it == icons.cend()) {
        const QMimeType type = QMimeDatabase().mimeTypeForName(mimeType);
        QIcon icon = QIcon::fromTheme(type.iconName(), QIcon::fromTheme(type.genericIconName()));
        if (icon.isNull())
            icon = QFileIconProvider().icon(QFileIconProvider::File);
        it = icons.insert(mimeType, icon);
    }
    return *it;
}

bool isSystem(const QModelIndex &i) { return i.data(MessageModel::TypeRole).toString() == QLatin1String("system"); }

MessageModel::Delivery deliveryOf(const QModelIndex &i)
{
    return i.data(MessageModel::DeliveryRole).value<MessageModel::Delivery>();
}

QDate localDay(const QModelIndex &i) { return i.data(MessageModel::TimestampRole).toDateTime().toLocalTime().date(); }

QFont smallFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.85);
    return f;
}

QColor withAlpha(QColor c, float alpha)
{
    c.setAlphaF(alpha);
    return c;
}

// The colour emoji font answers an advance only by decoding the glyph's PNG (FreeType, each
// time Qt shapes it), and every relayout measures every chip: remembered per font and emoji
// (docs/performance.md, "Client").
int emojiAdvance(const QFont &emojiFont, const QString &emoji)
{
    static QHash<QString, int> advances;
    const QString key = emojiFont.key() + QLatin1Char('\n') + emoji;
    auto it = advances.constFind(key);
    if (it == advances.cend())
        it = advances.insert(key, QFontMetrics(emojiFont).horizontalAdvance(emoji));
    return *it;
}

// For the same reason a chip's emoji is drawn from a text shaped once, not with drawText().
const QStaticText &emojiText(const QString &emoji)
{
    static QHash<QString, QStaticText> texts;
    auto it = texts.find(emoji);
    if (it == texts.end()) {
        QStaticText text(emoji);
        text.setTextFormat(Qt::PlainText);
        it = texts.insert(emoji, text);
    }
    return *it;
}

const QColor kUnreadColor = QColor::fromRgb(0xe5, 0x39, 0x35);
const QColor kMentionColor = QColor::fromRgb(0xf2, 0xa9, 0x00);   // amber: "this is for you"
const QColor kAssistantColor = QColor::fromRgb(0x7e, 0x57, 0xc2); // violet: written by the assistant

// The assistant's avatar: a violet disc with a sparkle, whatever the account's picture.
void paintAssistantAvatar(QPainter *painter, const QRect &rect, const QFont &font)
{
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(kAssistantColor);
    painter->drawEllipse(rect);
    QFont f = font;
    f.setPixelSize(rect.height() / 2);
    f.setBold(true);
    painter->setFont(f);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, QStringLiteral("✦"));
    painter->restore();
}

// An "AI" pill after the author's name; returns where it ends.
int paintAssistantBadge(QPainter *painter, const QPoint &topLeft, int lineHeight, const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics bfm(bold);
    const QString label = MessageDelegate::tr("AI");
    const QRect pill(topLeft.x(), topLeft.y() + (lineHeight - bfm.height() - 2) / 2, bfm.horizontalAdvance(label) + 10,
                     bfm.height() + 2);
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(kAssistantColor);
    painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
    painter->setFont(bold);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, label);
    painter->restore();
    return pill.right() + 1;
}

// Other people's text is never allowed to load anything: a Markdown image of a local file or a
// URL stays a placeholder.
class SafeDocument : public QTextDocument {
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};
} // namespace

MessageDelegate::MessageDelegate(QAbstractItemView *view) : QStyledItemDelegate(view), m_view(view) {}

void MessageDelegate::setAvatarImages(AvatarImages *avatars)
{
    m_avatars = avatars;
    if (m_avatars)
        connect(m_avatars, &AvatarImages::changed, this, [this] { m_view->viewport()->update(); });
}

void MessageDelegate::setThumbnails(ThumbnailCache *thumbnails)
{
    if (m_thumbnails)
        m_thumbnails->disconnect(this);
    m_thumbnails = thumbnails;
    if (m_thumbnails)
        connect(m_thumbnails, &ThumbnailCache::imageReady, this, [this] { m_view->viewport()->update(); });
}

bool MessageDelegate::showsAsImage(const Attachment &a)
{
    if (!a.mimeType.startsWith(QLatin1String("image/")))
        return false;
    return !a.thumbnailUrl.isEmpty() || QUrl(a.url).isLocalFile();
}

QSize MessageDelegate::imageSize(const Attachment &a, int maxWidth)
{
    const QSize box(qMin(kImageMaxWidth, maxWidth), kImageMaxHeight);
    if (a.width <= 0 || a.height <= 0)
        return QSize(qMin(240, box.width()), 180); // size not known: a fixed frame
    return ThumbnailCache::fitted(QSize(a.width, a.height), box);
}

QString MessageDelegate::fileChipText(const Attachment &a)
{
    return tr("%1 — %2").arg(a.fileName, QLocale().formattedDataSize(a.fileSize));
}

bool MessageDelegate::startsDay(const QModelIndex &index)
{
    if (index.row() == 0) // the top of the window starts a day only if nothing older is left to load
        return !index.data(MessageModel::MoreAboveRole).toBool();
    return localDay(index.siblingAtRow(index.row() - 1)) != localDay(index);
}

bool MessageDelegate::showsNewMessagesLine(const QModelIndex &index)
{
    return index.data(MessageModel::IsFirstUnreadRole).toBool();
}

bool MessageDelegate::startsGroup(const QModelIndex &index)
{
    if (index.row() == 0 || isSystem(index) || startsDay(index) || showsNewMessagesLine(index))
        return true;
    const QModelIndex prev = index.siblingAtRow(index.row() - 1);
    if (isSystem(prev) || prev.data(MessageModel::AuthorIdRole) != index.data(MessageModel::AuthorIdRole))
        return true;
    const QDateTime a = prev.data(MessageModel::TimestampRole).toDateTime();
    const QDateTime b = index.data(MessageModel::TimestampRole).toDateTime();
    return a.secsTo(b) > kGroupGapSeconds || b < a;
}

QString MessageDelegate::dayText(const QDate &localDate)
{
    const QDate today = QDate::currentDate();
    if (localDate == today)
        return tr("Today");
    if (localDate == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(localDate, QLocale::LongFormat);
}

namespace {
QString clockText(const QDateTime &utc)
{
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss")); // some locales' short format still has seconds
    return utc.toLocalTime().time().toString(format);
}
} // namespace

QString MessageDelegate::timeText(const QDateTime &utc)
{
    const QDateTime local = utc.toLocalTime();
    const QString time = clockText(utc);
    const QDate today = QDate::currentDate();
    if (local.date() == today)
        return time;
    if (local.date() == today.addDays(-1))
        return tr("Yesterday %1").arg(time);
    return tr("%1 %2").arg(QLocale().toString(local.date(), QLocale::ShortFormat), time);
}

QString MessageDelegate::quoteText(const QModelIndex &index)
{
    const QString author = index.data(MessageModel::ReplyAuthorRole).toString();
    if (author.isEmpty())
        return tr("a message");
    return tr("%1: %2").arg(author, index.data(MessageModel::ReplyTextRole).toString());
}

QString MessageDelegate::statusText(const QModelIndex &index)
{
    switch (deliveryOf(index)) {
    case MessageModel::Delivery::Pending: {
        const double uploaded = index.data(MessageModel::UploadProgressRole).toDouble();
        if (uploaded >= 0 && uploaded < 1)
            return tr("uploading… %1 % (Ctrl+Shift+Backspace cancels)").arg(int(uploaded * 100));
        return tr("sending…");
    }
    case MessageModel::Delivery::Failed: {
        const QString why = index.data(MessageModel::ErrorRole).toString();
        return why.isEmpty() ? tr("Not sent. Double-click to retry.")
                             : tr("Not sent: %1. Double-click to retry.").arg(why);
    }
    case MessageModel::Delivery::Sent: break;
    }
    QStringList parts;
    if (const QString answer = AnswerControls::stateText(index); !answer.isEmpty())
        parts << answer;
    if (index.data(MessageModel::IsEditedRole).toBool() && !index.data(MessageModel::IsDeletedRole).toBool())
        parts << tr("(edited)");
    if (index.data(MessageModel::IsPinnedRole).toBool())
        parts << tr("📌 pinned");
    return parts.join(QLatin1String("  "));
}

QStringList MessageDelegate::reactionTexts(const QModelIndex &index)
{
    QStringList out;
    const QVariantList reactions = index.data(MessageModel::ReactionsRole).toList();
    for (const QVariant &v : reactions) {
        const QVariantMap m = v.toMap();
        out << QStringLiteral("%1 %2")
                   .arg(m.value(QStringLiteral("emoji")).toString())
                   .arg(m.value(QStringLiteral("count")).toInt());
    }
    return out;
}

QStringList MessageDelegate::reactionSummaries(const QModelIndex &index)
{
    QStringList out;
    const QVariantList reactions = index.data(MessageModel::ReactionsRole).toList();
    for (const QVariant &v : reactions) {
        const QVariantMap m = v.toMap();
        out << ReactionSummary::text(m.value(QStringLiteral("emoji")).toString(),
                                     m.value(QStringLiteral("names")).toStringList(),
                                     m.value(QStringLiteral("mine")).toBool());
    }
    return out;
}

bool MessageDelegate::isLargeEmoji(const QModelIndex &index)
{
    constexpr int kMostLargeEmoji = 3;
    if (index.data(MessageModel::IsDeletedRole).toBool() || isSystem(index))
        return false;
    const int n = EmojiTable::instance().emojiOnlyCount(index.data(MessageModel::ContentRole).toString());
    return n >= 1 && n <= kMostLargeEmoji;
}

int MessageDelegate::textWidth() const { return qMax(80, m_view->viewport()->width() - kTextLeft - kMargin); }

const QTextDocument *MessageDelegate::document(const QModelIndex &index) const
{
    return document(index, m_view->font(), textWidth());
}

QString MessageDelegate::documentKey(const QModelIndex &index, int width)
{
    const QString content = index.data(MessageModel::ContentRole).toString();
    const bool deleted = index.data(MessageModel::IsDeletedRole).toBool();
    QString id = index.data(MessageModel::MessageIdRole).toString();
    if (id.isEmpty())
        id = index.data(MessageModel::ClientMsgIdRole).toString();
    // The content is part of the key: an edit must not show the old layout.
    return QStringLiteral("%1|%2|%3|%4").arg(id).arg(width).arg(qHash(content)).arg(deleted);
}

int MessageDelegate::textHeight(const QModelIndex &index, const QFont &font, int width) const
{
    const QString key = documentKey(index, width);
    if (const QTextDocument *doc = m_docs.object(key))
        return int(std::ceil(doc->size().height()));
    const size_t hashed = qHash(key);
    if (const auto it = m_textHeights.constFind(hashed); it != m_textHeights.cend())
        return *it;
    const int height = int(std::ceil(document(index, font, width)->size().height()));
    if (m_textHeights.size() >= kMaxTextHeights)
        m_textHeights.clear(); // measured again on demand
    m_textHeights.insert(hashed, height);
    return height;
}

const QTextDocument *MessageDelegate::document(const QModelIndex &index, const QFont &font, int width) const
{
    const QString content = index.data(MessageModel::ContentRole).toString();
    const bool deleted = index.data(MessageModel::IsDeletedRole).toBool();
    const QString key = documentKey(index, width);
    if (QTextDocument *doc = m_docs.object(key))
        return doc;
    auto *doc = new SafeDocument;
    doc->setDocumentMargin(0);
    doc->setDefaultFont(font);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    doc->setDefaultTextOption(wrap);
    if (deleted || isSystem(index)) {
        doc->setPlainText(content);
    } else if (isLargeEmoji(index)) {
        constexpr double kLargeEmojiScale = 2.5;
        QFont big = EmojiPicker::emojiFont(font);
        big.setPointSizeF(big.pointSizeF() * kLargeEmojiScale);
        doc->setDefaultFont(big);
        doc->setPlainText(content.trimmed());
    } else {
        // Raw text from other people: Markdown without HTML, so tags and scripts stay text.
        setMessageMarkdown(doc, content);
        const QString mention = index.data(MessageModel::MentionRole).toString();
        if (!mention.isEmpty())
            highlightMention(doc, mention, kMentionColor);
    }
    doc->setTextWidth(width);
    const QTextDocument *result = doc;
    m_docs.insert(key, doc);
    return result;
}

QStringList MessageDelegate::links(const QModelIndex &index) const
{
    QStringList out;
    const QTextDocument *doc = document(index);
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isAnchor() && !format.anchorHref().isEmpty() && !out.contains(format.anchorHref()))
                out << format.anchorHref();
        }
    }
    return out;
}

MessageDelegate::Layout MessageDelegate::layout(const QModelIndex &index, const QPoint &topLeft) const
{
    Layout l;
    const QFont font = m_view->font();
    const QFontMetrics fm(font);
    const QFontMetrics sfm(smallFont(font));
    const int width = textWidth();
    const int full = m_view->viewport()->width();
    const int left = topLeft.x();
    const int x = left + kTextLeft;
    int y = topLeft.y();

    if (startsDay(index)) {
        l.day = QRect(left + kMargin, y + 10, full - 2 * kMargin, sfm.height());
        y = l.day.bottom() + 1 + 2;
    }
    if (showsNewMessagesLine(index)) {
        l.unread = QRect(left + kMargin, y + 8, full - 2 * kMargin, sfm.height());
        y = l.unread.bottom() + 1;
    }
    l.messageTop = y;
    if (isSystem(index)) {
        l.systemLine = QRect(left, y, full, SystemLine::height(smallFont(font)));
        l.height = l.systemLine.bottom() + 1 - topLeft.y();
        return l;
    }
    const bool head = startsGroup(index);
    y += head ? kMargin : 2;
    if (head) {
        l.avatar = QRect(left + kMargin, y + 2, kAvatar, kAvatar);
        l.header = QRect(x, y, width, fm.height());
        y += fm.height() + 2;
    }
    if (!index.data(MessageModel::ReplyToRole).toString().isEmpty()) {
        // As painted: the author in bold, then the first line.
        QFont bold = smallFont(font);
        bold.setBold(true);
        const QString author = index.data(MessageModel::ReplyAuthorRole).toString();
        const int quoteWidth = author.isEmpty()
                                   ? sfm.horizontalAdvance(quoteText(index))
                                   : QFontMetrics(bold).horizontalAdvance(author + QLatin1Char(' ')) +
                                         sfm.horizontalAdvance(index.data(MessageModel::ReplyTextRole).toString());
        const int w = qMin(width, quoteWidth + kQuoteBar + 6 + 4 + 4);
        l.quote = QRect(x, y + 2, w, sfm.height() + 6);
        y = l.quote.bottom() + 1 + 4;
    }
    const QList<Attachment> files = attachmentsOf(index);
    const QVariant poll = index.data(MessageModel::PollRole);
    // A file without a caption has no text line; a poll's text is its question, on its card.
    const int height =
        !poll.isValid() && (files.isEmpty() || !index.data(MessageModel::ContentRole).toString().isEmpty())
            ? textHeight(index, font, width)
            : 0;
    l.text = QRect(x, y, width, height);
    y += height;
    for (const Attachment &a : files) {
        y += 4;
        const QSize size = showsAsImage(a) ? imageSize(a, width) : QSize(qMin(kFileChipWidth, width), kFileChipHeight);
        l.files << QRect(QPoint(x, y), size);
        y += size.height();
    }
    if (poll.isValid()) {
        const int w = qMin(width, PollCard::kMaxWidth);
        l.poll = QRect(x, y + 2, w, PollCard::height(poll.value<Poll>(), font, w));
        y = l.poll.bottom() + 1;
    }
    if (const QString status = statusText(index); !status.isEmpty()) {
        // One line, elided; an answer's error wraps instead: it is why the answer stopped.
        const int height = AnswerControls::isError(index)
                               ? sfm.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, status).height()
                               : sfm.height();
        l.status = QRect(x, y + 2, width, height);
        y = l.status.bottom() + 1;
    }
    if (const auto action = AnswerControls::actionFor(index, m_canModerate); action != AnswerControls::Action::None) {
        const int w = sfm.horizontalAdvance(AnswerControls::buttonText(action)) + 2 * kChipPadding;
        l.answerButton = QRect(x, y + 4, w, sfm.height() + 8);
        y = l.answerButton.bottom() + 1;
    }
    const QVariantList reactions = index.data(MessageModel::ReactionsRole).toList();
    if (!reactions.isEmpty()) {
        y += 4;
        const QFont emojiFont = EmojiPicker::emojiFont(smallFont(font));
        const QFontMetrics efm(emojiFont);
        const int chipHeight = qMax(sfm.height(), efm.height()) + 6;
        int cx = x;
        for (const QVariant &v : reactions) {
            const QVariantMap r = v.toMap();
            // Emoji in the colour font, then the count in the text font (see paint()).
            const int w =
                emojiAdvance(emojiFont, r.value(QStringLiteral("emoji")).toString()) +
                sfm.horizontalAdvance(QLatin1Char(' ') + QString::number(r.value(QStringLiteral("count")).toInt())) +
                kChipPadding;
            if (cx > x && cx + w > x + width) { // wrap to another line of chips
                cx = x;
                y += chipHeight + 4;
            }
            l.chips << QRect(cx, y, w, chipHeight);
            cx += w + kChipSpacing;
        }
        y += chipHeight + 2;
    }
    if (!index.data(SeenByIdsRole).toStringList().isEmpty()) {
        l.seenBy = QRect(x, y + 2, width, SeenBy::height());
        y = l.seenBy.bottom() + 1;
    }
    y += 2;
    if (head)
        y = qMax(y, l.avatar.bottom() + 1 + 4);
    l.height = y - topLeft.y();
    return l;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(option);
    return {m_view->viewport()->width(), layout(index, QPoint(0, 0)).height};
}

MessageDelegate::Hit MessageDelegate::hitTest(const QModelIndex &index, const QPoint &viewportPos) const
{
    Hit hit;
    if (!index.isValid())
        return hit;
    const Layout l = layout(index, m_view->visualRect(index).topLeft());
    for (int i = 0; i < l.chips.size(); ++i) {
        if (l.chips.at(i).contains(viewportPos)) {
            const QVariantList reactions = index.data(MessageModel::ReactionsRole).toList();
            hit.kind = Hit::Kind::Reaction;
            hit.value = reactions.value(i).toMap().value(QStringLiteral("emoji")).toString();
            return hit;
        }
    }
    for (int i = 0; i < l.files.size(); ++i) {
        if (l.files.at(i).contains(viewportPos)) {
            hit.kind = Hit::Kind::Attachment;
            hit.value = QString::number(i);
            return hit;
        }
    }
    if (l.answerButton.contains(viewportPos)) {
        hit.kind = Hit::Kind::AnswerAction;
        hit.value = AnswerControls::actionFor(index, m_canModerate) == AnswerControls::Action::Stop
                        ? QStringLiteral("stop")
                        : QStringLiteral("retry");
        return hit;
    }
    if (l.quote.contains(viewportPos)) {
        hit.kind = Hit::Kind::Quote;
        hit.value = index.data(MessageModel::ReplyToRole).toString();
        return hit;
    }
    if (l.text.contains(viewportPos)) {
        const QTextDocument *doc = document(index);
        const QString href = doc->documentLayout()->anchorAt(QPointF(viewportPos - l.text.topLeft()));
        if (!href.isEmpty()) {
            hit.kind = Hit::Kind::Link;
            hit.value = href;
        }
    }
    return hit;
}

QRect MessageDelegate::reactionRect(const QModelIndex &index, int reaction) const
{
    const Layout l = layout(index, m_view->visualRect(index).topLeft());
    return l.chips.value(reaction);
}

QRect MessageDelegate::messageRect(const QModelIndex &index) const
{
    const QRect row = m_view->visualRect(index);
    const Layout l = layout(index, row.topLeft());
    return QRect(row.left(), l.messageTop, row.width(), row.bottom() - l.messageTop + 1);
}

QRect MessageDelegate::quoteRect(const QModelIndex &index) const
{
    return layout(index, m_view->visualRect(index).topLeft()).quote;
}

QRect MessageDelegate::answerButtonRect(const QModelIndex &index) const
{
    return layout(index, m_view->visualRect(index).topLeft()).answerButton;
}

QRect MessageDelegate::pollRect(const QModelIndex &index) const
{
    return layout(index, m_view->visualRect(index).topLeft()).poll;
}

QRect MessageDelegate::attachmentRect(const QModelIndex &index, int attachment) const
{
    return layout(index, m_view->visualRect(index).topLeft()).files.value(attachment);
}

void MessageDelegate::paintAttachments(QPainter *painter, const QStyleOptionViewItem &opt, const QModelIndex &index,
                                       const Layout &l) const
{
    const QList<Attachment> files = attachmentsOf(index);
    const QPalette &pal = opt.palette;
    const QColor textColor = pal.color(QPalette::Text);
    const QFont small = smallFont(m_view->font());
    const QFontMetrics sfm(small);
    const qreal dpr = m_view->devicePixelRatioF();
    for (int i = 0; i < files.size() && i < l.files.size(); ++i) {
        const Attachment &a = files.at(i);
        const QRect r = l.files.at(i);
        if (showsAsImage(a)) {
            const QImage image = m_thumbnails ? m_thumbnails->image(a, r.size() * dpr) : QImage();
            if (!image.isNull()) {
                painter->drawImage(r, image);
            } else {
                // Placeholder of the final size: the row does not move when the image comes.
                painter->setPen(Qt::NoPen);
                painter->setBrush(withAlpha(textColor, 0.08f));
                painter->drawRoundedRect(r, 4, 4);
                painter->setFont(small);
                painter->setPen(withAlpha(textColor, 0.5f));
                painter->drawText(r.adjusted(6, 6, -6, -6), Qt::AlignCenter | Qt::TextWordWrap,
                                  sfm.elidedText(a.fileName, Qt::ElideMiddle, r.width() - 12));
            }
            continue;
        }
        // A file chip: icon, name (plain text, elided in the middle) and size.
        painter->setPen(QPen(withAlpha(textColor, 0.18f), 1));
        painter->setBrush(withAlpha(textColor, 0.05f));
        painter->drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        const QRect iconRect(r.left() + 8, r.top() + (r.height() - 28) / 2, 28, 28);
        fileIcon(a.mimeType).paint(painter, iconRect);
        const QRect text = r.adjusted(iconRect.width() + 16, 4, -8, -4);
        QFont bold = m_view->font();
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(textColor);
        const QFontMetrics bfm(bold);
        painter->drawText(QRect(text.left(), text.top(), text.width(), text.height() / 2),
                          Qt::AlignLeft | Qt::AlignVCenter, bfm.elidedText(a.fileName, Qt::ElideMiddle, text.width()));
        painter->setFont(small);
        painter->setPen(withAlpha(textColor, 0.6f));
        painter->drawText(QRect(text.left(), text.center().y(), text.width(), text.height() / 2),
                          Qt::AlignLeft | Qt::AlignVCenter, QLocale().formattedDataSize(a.fileSize));
    }
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QPalette &pal = opt.palette;
    const Layout l = layout(index, opt.rect.topLeft());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    const QFont font = m_view->font();
    const QFont small = smallFont(font);
    const QFontMetrics fm(font);
    const QFontMetrics sfm(small);
    const auto delivery = deliveryOf(index);
    const bool deleted = index.data(MessageModel::IsDeletedRole).toBool();
    const QColor textColor = pal.color(QPalette::Text);
    const QColor dim = withAlpha(textColor, 0.6f);
    const QColor failedColor = QColor::fromRgb(0xd3, 0x2f, 0x2f);

    if (!index.data(MessageModel::MentionRole).toString().isEmpty()) {
        // A message for the user: a light amber band with a bar at the left.
        const QRect band(opt.rect.left(), l.messageTop, opt.rect.width(), opt.rect.bottom() - l.messageTop + 1);
        painter->fillRect(band, withAlpha(kMentionColor, 0.10f));
        painter->fillRect(QRect(band.left(), band.top(), 3, band.height()), kMentionColor);
    }
    const bool answer = AnswerControls::isAnswer(index);
    if (answer) {
        // The assistant's answer: a faint violet band with a bar, so it never passes for a person's.
        const QRect band(opt.rect.left(), l.messageTop, opt.rect.width(), opt.rect.bottom() - l.messageTop + 1);
        painter->fillRect(band, withAlpha(kAssistantColor, 0.07f));
        painter->fillRect(QRect(band.left(), band.top(), 3, band.height()), kAssistantColor);
    }
    if (index.data(MessageModel::IsHighlightedRole).toBool()) {
        // The message a search result opened, for a moment: a highlight-coloured band.
        const QRect band(opt.rect.left(), l.messageTop, opt.rect.width(), opt.rect.bottom() - l.messageTop + 1);
        painter->fillRect(band, withAlpha(pal.color(QPalette::Highlight), 0.28f));
    }
    if ((opt.state & QStyle::State_HasFocus) && m_view->hasFocus()) {
        // Where the keyboard is: a tint and an outline (the tint alone was too faint to find).
        const QRect focus(opt.rect.left(), l.messageTop, opt.rect.width(), opt.rect.bottom() - l.messageTop + 1);
        painter->fillRect(focus, withAlpha(pal.color(QPalette::Highlight), 0.12f));
        painter->setPen(QPen(pal.color(QPalette::Highlight), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(focus).adjusted(1, 1, -1, -1));
    }

    if (!l.day.isNull()) {
        // ——— Today ———
        QFont bold = small;
        bold.setBold(true);
        const QFontMetrics bfm(bold);
        const QString day = dayText(localDay(index));
        const int tw = bfm.horizontalAdvance(day) + 24;
        const int mid = l.day.center().y();
        painter->setPen(QPen(withAlpha(textColor, 0.18f), 1));
        painter->drawLine(l.day.left(), mid, l.day.center().x() - tw / 2, mid);
        painter->drawLine(l.day.center().x() + tw / 2, mid, l.day.right(), mid);
        painter->setFont(bold);
        painter->setPen(dim);
        painter->drawText(l.day, Qt::AlignCenter, day);
    }
    if (!l.unread.isNull()) {
        // A red rule with its label at the right, like a bookmark where reading stopped.
        QFont bold = small;
        bold.setBold(true);
        const QFontMetrics bfm(bold);
        const QString label = tr("New messages");
        const int tw = bfm.horizontalAdvance(label);
        const int mid = l.unread.center().y();
        painter->setPen(QPen(kUnreadColor, 1));
        painter->drawLine(l.unread.left(), mid, l.unread.right() - tw - 8, mid);
        painter->setFont(bold);
        painter->drawText(l.unread, Qt::AlignRight | Qt::AlignVCenter, label);
    }

    if (!l.systemLine.isNull()) {
        // The focus outline is drawn above, as for any row.
        SystemLine::paint(painter, l.systemLine, pal, small, index.data(SystemTextRole).toString(),
                          SystemLine::Toggle(index.data(SystemToggleRole).toInt()));
        painter->restore();
        return;
    }

    if (!l.header.isNull()) {
        const QString author = index.data(MessageModel::AuthorNameRole).toString();
        const QImage picture = m_avatars ? m_avatars->picture(index.data(MessageModel::AuthorAvatarRole).toString(),
                                                              l.avatar.size() * m_view->devicePixelRatioF())
                                         : QImage();
        if (answer)
            paintAssistantAvatar(painter, l.avatar, small);
        else
            paintAvatar(painter, l.avatar, index.data(MessageModel::AuthorIdRole).toString(), author, true, picture);
        QFont bold = font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(textColor);
        const QFontMetrics bfm(bold);
        const QString name = bfm.elidedText(author, Qt::ElideRight, l.header.width() / 2);
        painter->drawText(QPoint(l.header.left(), l.header.top() + fm.ascent()), name);
        painter->setFont(small);
        int after = l.header.left() + bfm.horizontalAdvance(name) + kMargin;
        if (answer)
            after = paintAssistantBadge(painter, QPoint(after, l.header.top()), fm.height(), small) + kMargin;
        painter->setPen(dim);
        painter->drawText(QPoint(after, l.header.top() + fm.ascent()),
                          clockText(index.data(MessageModel::TimestampRole).toDateTime()));
    } else if (opt.state & QStyle::State_MouseOver) {
        // A grouped message has no header: its time shows in the avatar column while pointed at.
        painter->setFont(small);
        painter->setPen(dim);
        const QRect gutter(opt.rect.left(), l.messageTop + 2, kTextLeft - 4, sfm.height());
        painter->drawText(gutter, Qt::AlignRight | Qt::AlignTop,
                          clockText(index.data(MessageModel::TimestampRole).toDateTime()));
    }

    if (!l.quote.isNull()) {
        // The replied-to message: a tinted box with a bar, author in bold, first line elided.
        painter->setPen(Qt::NoPen);
        painter->setBrush(withAlpha(textColor, 0.06f));
        painter->drawRoundedRect(l.quote, 3, 3);
        painter->fillRect(QRect(l.quote.left(), l.quote.top(), kQuoteBar, l.quote.height()),
                          pal.color(QPalette::Highlight));
        const QRect inner = l.quote.adjusted(kQuoteBar + 6, 0, -4, 0);
        const QString author = index.data(MessageModel::ReplyAuthorRole).toString();
        painter->setPen(dim);
        if (author.isEmpty()) {
            QFont italic = small;
            italic.setItalic(true);
            painter->setFont(italic);
            painter->drawText(inner, Qt::AlignLeft | Qt::AlignVCenter, quoteText(index));
        } else {
            QFont bold = small;
            bold.setBold(true);
            const QFontMetrics bfm(bold);
            // The name whole when it fits beside the text; else at most two thirds of the box.
            const QString line = index.data(MessageModel::ReplyTextRole).toString();
            const int authorMax = qMax(inner.width() * 2 / 3, inner.width() - sfm.horizontalAdvance(line));
            const QString who =
                bfm.elidedText(author, Qt::ElideRight, authorMax - bfm.horizontalAdvance(QLatin1Char(' '))) +
                QLatin1Char(' ');
            painter->setFont(bold);
            painter->drawText(inner, Qt::AlignLeft | Qt::AlignVCenter, who);
            painter->setFont(small);
            const int wx = bfm.horizontalAdvance(who);
            painter->drawText(inner.adjusted(wx, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                              sfm.elidedText(line, Qt::ElideRight, inner.width() - wx));
        }
    }

    const QTextDocument *doc = document(index, font, l.text.width());
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = pal;
    QColor bodyColor = textColor;
    if (delivery == MessageModel::Delivery::Pending || deleted)
        bodyColor = dim; // greyed until the server has it
    ctx.palette.setColor(QPalette::Text, bodyColor);
    painter->save();
    painter->translate(l.text.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), l.text.size()));
    doc->documentLayout()->draw(painter, ctx);
    paintQuoteBars(painter, doc, withAlpha(textColor, 0.35f));
    painter->restore();

    paintAttachments(painter, opt, index, l);
    if (!l.poll.isNull())
        PollCard::paint(painter, l.poll, index.data(MessageModel::PollRole).value<Poll>(), m_view->font(), pal,
                        QDateTime::currentMSecsSinceEpoch());

    if (!l.status.isNull()) {
        const double uploaded = index.data(MessageModel::UploadProgressRole).toDouble();
        if (delivery == MessageModel::Delivery::Pending && uploaded >= 0 && uploaded < 1) {
            // A thin bar under the files: how much of them is on the server.
            const QRect bar(l.status.left(), l.status.top() - 2, qMin(l.status.width(), kFileChipWidth), 2);
            painter->fillRect(bar, withAlpha(textColor, 0.12f));
            painter->fillRect(QRect(bar.topLeft(), QSize(int(bar.width() * uploaded), bar.height())),
                              pal.color(QPalette::Highlight));
        }
        painter->setFont(small);
        painter->setPen(delivery == MessageModel::Delivery::Failed || AnswerControls::isError(index) ? failedColor
                                                                                                     : dim);
        if (AnswerControls::isError(index))
            painter->drawText(l.status, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, statusText(index));
        else
            painter->drawText(l.status, Qt::AlignLeft | Qt::AlignVCenter,
                              sfm.elidedText(statusText(index), Qt::ElideRight, l.status.width()));
    }

    if (!l.answerButton.isNull()) {
        // Stop or Retry, drawn as a button; clicks come through hitTest(), keys through the menu.
        const QRectF button = QRectF(l.answerButton).adjusted(0.5, 0.5, -0.5, -0.5);
        painter->setPen(QPen(withAlpha(textColor, 0.35f), 1));
        painter->setBrush(pal.color(QPalette::Button));
        painter->drawRoundedRect(button, 4, 4);
        painter->setFont(small);
        painter->setPen(pal.color(QPalette::ButtonText));
        painter->drawText(l.answerButton, Qt::AlignCenter,
                          AnswerControls::buttonText(AnswerControls::actionFor(index, m_canModerate)));
    }

    if (!l.chips.isEmpty()) {
        const QFont emojiFont = EmojiPicker::emojiFont(small);
        const QVariantList reactions = index.data(MessageModel::ReactionsRole).toList();
        for (int i = 0; i < l.chips.size(); ++i) {
            const QVariantMap r = reactions.at(i).toMap();
            const QRectF chip = QRectF(l.chips.at(i)).adjusted(0.5, 0.5, -0.5, -0.5);
            const bool mine = r.value(QStringLiteral("mine")).toBool();
            const QColor accent = pal.color(QPalette::Highlight);
            painter->setPen(mine ? QPen(accent, 1.2) : QPen(withAlpha(textColor, 0.15f), 1));
            painter->setBrush(mine ? withAlpha(accent, 0.22f) : withAlpha(textColor, 0.06f));
            painter->drawRoundedRect(chip, chip.height() / 2.0, chip.height() / 2.0);
            const QString emoji = r.value(QStringLiteral("emoji")).toString();
            const QRect inner = l.chips.at(i).adjusted(kChipPadding / 2, 0, 0, 0);
            painter->setPen(textColor);
            painter->setFont(emojiFont);
            const QStaticText &shaped = emojiText(emoji);
            painter->drawStaticText(QPointF(inner.left(), inner.top() + (inner.height() - shaped.size().height()) / 2),
                                    shaped);
            painter->setFont(small);
            painter->drawText(inner.adjusted(emojiAdvance(emojiFont, emoji), 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                              QLatin1Char(' ') + QString::number(r.value(QStringLiteral("count")).toInt()));
        }
    }
    if (!l.seenBy.isNull())
        SeenBy::paint(painter, l.seenBy, pal, font, index.data(SeenByIdsRole).toStringList(),
                      index.data(SeenByNamesRole).toStringList());
    painter->restore();
}

} // namespace confab::ui
