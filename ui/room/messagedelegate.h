// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCache>
#include <QHash>
#include <QStyledItemDelegate>
#include <QTextDocument>

class QAbstractItemView;

namespace confab {
struct Attachment;
}

namespace confab::ui {

class ThumbnailCache;
class AvatarImages;

// Paints one message of a timeline: a day separator in the first row of a new day, the "New
// messages" line above the first unread one, author and time only where a group starts
// (another author, more than 5 minutes later, or a new day), the quote of the message it
// replies to, the text as a QTextDocument (safe Markdown: raw HTML stays text, nothing is
// loaded) cached per message, content and width, a status line (sending…, failed with the
// reason, edited), its files (an image as a thumbnail at the size the attachment's width and
// height give, with a placeholder of that size while it loads, so nothing moves; any other file as
// a chip with icon, name and size) and the reactions as chips. No widget per message: clicks are hit-tested
// against the same layout (hitTest()).
class MessageDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit MessageDelegate(QAbstractItemView *view);
    // Where images come from (nullptr: placeholders only).
    void setThumbnails(ThumbnailCache *thumbnails);
    ThumbnailCache *thumbnails() const { return m_thumbnails; }
    // Where authors' avatar pictures come from (none: initials only). Not owned.
    void setAvatarImages(AvatarImages *avatars);
    // Moderators may stop or retry anyone's assistant answer (a Stop/Retry button on the row).
    void setCanModerate(bool canModerate) { m_canModerate = canModerate; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // What is under a point of the view's viewport.
    struct Hit {
        enum class Kind { None, Reaction, Link, Quote, Attachment, AnswerAction };
        Kind kind = Kind::None;
        QString value; // the emoji, the link's URL, the replied-to message id, the attachment's index, or
                       // "stop"/"retry" (the assistant's answer)
    };
    Hit hitTest(const QModelIndex &index, const QPoint &viewportPos) const;
    // Where a reaction chip or the quote is, in viewport coordinates (empty if not shown).
    QRect reactionRect(const QModelIndex &index, int reaction) const;
    QRect quoteRect(const QModelIndex &index) const;
    QRect attachmentRect(const QModelIndex &index, int attachment) const;
    // The message itself (below a day separator or "New messages" line), in viewport coordinates.
    QRect messageRect(const QModelIndex &index) const;
    // A message of one to three emoji and nothing else, drawn large.
    static bool isLargeEmoji(const QModelIndex &index);
    QRect pollRect(const QModelIndex &index) const; // a poll's card (PollCard)
    // The Stop or Retry button of an assistant's answer (empty if it has none for this user).
    QRect answerButtonRect(const QModelIndex &index) const;
    // Whether an attachment shows as an image (else as a file chip), and at what size.
    static bool showsAsImage(const Attachment &a);
    static QSize imageSize(const Attachment &a, int maxWidth);
    // "report.pdf — 1.2 MiB": what a file chip says.
    static QString fileChipText(const Attachment &a);

    // The laid-out text of the message at index for the view's current width (cached).
    const QTextDocument *document(const QModelIndex &index) const;
    // The links in the message's text, in order.
    QStringList links(const QModelIndex &index) const;
    // Whether this row shows author and time (it starts a group).
    static bool startsGroup(const QModelIndex &index);
    // Whether this row is the first of its (local) day, which gets a separator above it (the
    // first row only when no older messages are left to load: its separator would vanish when
    // they came and move what the reader looks at).
    static bool startsDay(const QModelIndex &index);
    // Whether the "New messages" line is drawn above this row.
    static bool showsNewMessagesLine(const QModelIndex &index);
    // "Today", "Yesterday" or the date.
    static QString dayText(const QDate &localDate);
    // "Alice: first line" of the message replied to, or "a message" when it is not loaded.
    static QString quoteText(const QModelIndex &index);
    // The line under the text ("sending…", "Not sent: … Double-click to retry.", "edited"), or empty.
    static QString statusText(const QModelIndex &index);
    // "14:05" today, "Yesterday 14:05", else the short date and time.
    static QString timeText(const QDateTime &utc);
    // Reaction chips as shown: "👍 2".
    static QStringList reactionTexts(const QModelIndex &index);
    // Who reacted, per chip: "Ana, Bo and 3 others reacted with 👍" (tool tip and accessible text).
    static QStringList reactionSummaries(const QModelIndex &index);

private:
    struct Layout {
        QRect day;    // separator band
        QRect unread; // "New messages" line
        QRect avatar;
        QRect header; // author and time
        QRect quote;
        QRect text;
        QRect status;
        QRect answerButton; // Stop or Retry of the assistant's answer (AnswerControls)
        QList<QRect> files;
        QRect poll;
        QList<QRect> chips;
        QRect seenBy;       // who read up to here (SeenBy)
        QRect systemLine;   // a server-made line instead of all of the above (SystemLine)
        int messageTop = 0; // where the message itself starts, below the separators
        int height = 0;
    };
    // Geometry of one row whose top-left is `topLeft` (viewport coordinates).
    Layout layout(const QModelIndex &index, const QPoint &topLeft) const;
    int textWidth() const;
    const QTextDocument *document(const QModelIndex &index, const QFont &font, int width) const;
    // The height of a row's text: from its document while that is cached, else from a cache of
    // heights alone, so that laying out many rows (QListView measures every row after an
    // insertion) does not rebuild documents that scrolled out of m_docs.
    int textHeight(const QModelIndex &index, const QFont &font, int width) const;
    static QString documentKey(const QModelIndex &index, int width);

    void paintAttachments(QPainter *painter, const QStyleOptionViewItem &opt, const QModelIndex &index,
                          const Layout &l) const;

    QAbstractItemView *m_view;
    ThumbnailCache *m_thumbnails = nullptr;
    AvatarImages *m_avatars = nullptr;
    bool m_canModerate = false;
    // A little more than MessageModel's window (500 rows), so that re-laying out the window
    // (a page read back, a row added) finds every row; a document is ~25 KB, so a larger cache only
    // costs memory (1500 cost 37 MB with 100k rows in the view).
    mutable QCache<QString, QTextDocument> m_docs{600};
    static constexpr qsizetype kMaxTextHeights = 250000; // ~20 bytes each
    mutable QHash<size_t, int> m_textHeights;            // qHash(documentKey()) -> height
};

} // namespace confab::ui
