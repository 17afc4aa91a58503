// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace confab::client {
class AuditLogModel;
class BanListModel;
class MemberModel;
class ModerationActions;
class RoomContext;
class RoomStanding;
} // namespace confab::client

namespace confab::ui {

// The open room's moderation at a glance, in tabs: the audit log (newest first, a page at a
// time), the bans with Unban, and the muted members with Unmute. A tab the user's role may not
// see says why instead (core's permission table decides).
class ModerationPanel : public QDialog {
    Q_OBJECT
public:
    // The room's standing, moderation calls, members and known names, from its context.
    explicit ModerationPanel(client::RoomContext &room, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    QTreeView *auditView() const { return m_auditView; }
    QPushButton *loadMoreButton() const { return m_loadMore; }
    QTreeView *banView() const { return m_banView; }
    QPushButton *unbanButton() const { return m_unban; }
    QListView *mutedView() const { return m_mutedView; }
    client::AuditLogModel *auditModel() const { return m_audit; }
    client::BanListModel *banModel() const { return m_bans; }
    bool auditAllowed() const { return m_auditAllowed; }
    bool bansAllowed() const { return m_bansAllowed; }
    QString statusText() const;

    // Loads (again) whatever the role may see.
    void reload();

private:
    QWidget *auditTab(const QString &denial);
    QWidget *bansTab(const QString &denial);
    QWidget *mutedTab(const QString &denial);
    void updateButtons();
    void setStatus(const QString &text, bool isError);

    client::RoomStanding &m_standing;
    client::ModerationActions &m_actions;
    QPointer<client::MemberModel> m_members;
    client::AuditLogModel *m_audit;
    client::BanListModel *m_bans;
    QSortFilterProxyModel *m_muted;
    bool m_auditAllowed = false;
    bool m_bansAllowed = false;
    QTabWidget *m_tabs;
    QTreeView *m_auditView = nullptr;
    QPushButton *m_loadMore = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_auditEmpty = nullptr;
    QTreeView *m_banView = nullptr;
    QPushButton *m_unban = nullptr;
    QLabel *m_bansEmpty = nullptr;
    QListView *m_mutedView = nullptr;
    QPushButton *m_unmute = nullptr;
    QLabel *m_status;
};

} // namespace confab::ui
