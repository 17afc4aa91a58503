#pragma once

#include "core/types.h"

#include <QListView>
#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;

namespace confab::client {
class MemberModel;
}

namespace confab::ui {

class MemberDelegate;
class AvatarImages;

// The member list with a context menu from the mouse (right click) or the keyboard (Menu key,
// Shift+F10) on the current row.
class MemberListView : public QListView {
    Q_OBJECT
public:
    explicit MemberListView(QWidget *parent = nullptr);

Q_SIGNALS:
    void menuRequested(const QModelIndex &index, const QPoint &globalPos);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
};

// Beside the timeline: the open room's members grouped by role (owners first), each with a
// presence dot and a role badge, and a filter by name. The list is one view with one delegate.
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

    QLineEdit *filterField() const { return m_filter; }
    MemberListView *list() const { return m_list; }
    // The view's row of a member, or an invalid index (filtered out, not a member).
    QModelIndex indexOf(const QString &userId) const;
    std::optional<Member> memberAt(const QModelIndex &viewIndex) const;

    // A line under the list after an action ("Carol is now a moderator.", or why it failed).
    void showStatus(const QString &text, bool isError);
    QString statusText() const;

Q_SIGNALS:
    void memberMenuRequested(const confab::Member &member, const QPoint &globalPos);

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
    QSortFilterProxyModel *m_proxy;
    QLabel *m_status;
};

} // namespace confab::ui
