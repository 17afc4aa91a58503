// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QPersistentModelIndex>
#include <QPointer>

class QToolButton;

namespace confab::ui {

class TimelineView;

// The small toolbar at the top right of the message under the mouse: React, Reply, and More (the
// message's menu), and over
// the assistant's answers Stop or Retry. It also answers tool tips over reaction chips with who reacted. Keyboard users
// have the same actions in the message menu (Shift+F10, Ctrl+R, Ctrl+Shift+E), so its buttons
// take no focus and stay out of the Tab chain.
class MessageHoverBar : public QFrame {
    Q_OBJECT
public:
    explicit MessageHoverBar(TimelineView *timeline);

    // The message it is shown for (invalid while hidden).
    QModelIndex target() const { return isVisible() ? QModelIndex(m_target) : QModelIndex(); }
    // Shows it over the message at `index` (what moving the mouse there does).
    void showFor(const QModelIndex &index);
    QToolButton *reactButton() const { return m_react; }
    QToolButton *replyButton() const { return m_reply; }
    QToolButton *moreButton() const { return m_more; }
    // Over the assistant's answer, for whoever may: Stop while it is written, Retry after.
    QToolButton *stopAnswerButton() const { return m_stopAnswer; }
    QToolButton *retryAnswerButton() const { return m_retryAnswer; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow(const QPoint &viewportPos);
    void place();
    void watch(const QAbstractItemModel *model);
    bool showReactionTip(const QPoint &viewportPos, const QPoint &globalPos);

    TimelineView *m_timeline;
    QToolButton *m_react;
    QToolButton *m_reply;
    QToolButton *m_more;
    QToolButton *m_stopAnswer;
    QToolButton *m_retryAnswer;
    QPersistentModelIndex m_target;
    QPointer<const QAbstractItemModel> m_watched;
    QMetaObject::Connection m_rowChanged;
};

} // namespace confab::ui
