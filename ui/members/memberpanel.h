// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QListView>
#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QTimer;

namespace confab::client {
class MemberModel;
}

namespace confab::ui {

class MemberDelegate;
class AvatarImages;

// The member list with a context menu from the mouse (right click) or the keyboard (Menu key,
// Shift+F10) on the current row, and a member's profile card from a click or Enter.
class MemberListView : public QListView {
    Q_OBJECT
public:
    explicit MemberListView(QWidget *parent = nullptr);

Q_SIGNALS:
    void menuRequested(const QModelIndex &index, const QPoint &globalPos);
    void profileRequested(const QModelIndex &index);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
};

// Beside the timeline: the open room's members, online ones by role first, then everyone offline,
// each with a presence dot, a role badge and their status, and a search by name at the top (the
// server searches, a moment after the last key). The list is one view with one delegate over the
// model, which loads pages as the view scrolls down.
class MemberPanel : public QWidget {
    Q_OBJECT
public:
    explicit MemberPanel(QWidget *parent = nullptr);

    // nullptr empties the panel (no room open).
    void setMemberModel(client::MemberModel *model);
    client::MemberModel *memberModel() const;
    // Role headings ("OWNER", "MEMBERS"); off where roles mean nothing (a direct conversation).
    void setGrouped(bool grouped);
    // Where the members' avatar pictures come from. Not owned.
    void setAvatarImages(AvatarImages *avatars);

    // The search field (its text goes to the server after a short pause in typing).
    QLineEdit *filterField() const { return m_filter; }
    MemberListView *list() const { return m_list; }
    static constexpr int kSearchDelayMs = 250;
    // The view's row of a member, or an invalid index (not loaded, not found, not a member).
    QModelIndex indexOf(const QString &userId) const;
    std::optional<Member> memberAt(const QModelIndex &viewIndex) const;

    // A line under the list after an action ("Carol is now a moderator.", or why it failed).
    void showStatus(const QString &text, bool isError);
    QString statusText() const;

Q_SIGNALS:
    void memberMenuRequested(const confab::Member &member, const QPoint &globalPos);
    void profileRequested(const confab::Member &member);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void updateTitle();

    QPointer<client::MemberModel> m_model;
    QLabel *m_title;
    QLineEdit *m_filter;
    MemberListView *m_list;
    MemberDelegate *m_delegate;
    QTimer *m_searchDelay;
    QLabel *m_status;
};

} // namespace confab::ui
