#pragma once

#include <QCache>
#include <QStyledItemDelegate>
#include <QTextDocument>

class QAbstractItemView;

namespace confab::ui {

// Paints one message of a timeline: author and time only where a new group starts (another
// author, or more than 5 minutes later), the text as a QTextDocument (safe Markdown: raw HTML
// stays text) cached per message, content and width, then a status line (sending…, failed
// with the reason, edited) and the reactions as chips. No widget per message.
class MessageDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit MessageDelegate(QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The laid-out text of the message at index for the view's current width (cached).
    const QTextDocument *document(const QModelIndex &index) const;
    // Whether this row shows author and time (it starts a group).
    static bool startsGroup(const QModelIndex &index);
    // The line under the text ("sending…", "Not sent: … Double-click to retry.", "edited"), or empty.
    static QString statusText(const QModelIndex &index);
    // "14:05" today, "Yesterday 14:05", else the short date and time.
    static QString timeText(const QDateTime &utc);

private:
    int textWidth() const;
    const QTextDocument *document(const QModelIndex &index, const QFont &font, int width) const;
    QStringList chips(const QModelIndex &index) const;

    QAbstractItemView *m_view;
    mutable QCache<QString, QTextDocument> m_docs{1500};
};

} // namespace confab::ui
