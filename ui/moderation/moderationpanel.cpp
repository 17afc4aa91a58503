// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderationpanel.h"

#include "members/memberdelegate.h"
#include "widgets/statuslabel.h"

#include "client/models/auditlogmodel.h"
#include "client/models/banlistmodel.h"
#include "client/models/membermodel.h"
#include "client/room/moderationactions.h"
#include "client/room/roomcontext.h"
#include "client/room/roomstanding.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace confab::ui {

using client::AuditLogModel;
using client::BanListModel;
using client::MemberModel;

namespace {
// In place of a tab's content when the role may not see it.
QWidget *deniedPage(const QString &why, QWidget *parent)
{
    auto *label = new QLabel(why, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignCenter);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setAccessibleName(why);
    label->setMargin(24);
    return label;
}

QTreeView *tableView(const QString &name, QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setAccessibleName(name);
    view->setRootIsDecorated(false);
    view->setItemsExpandable(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAllColumnsShowFocus(true);
    return view;
}

QLabel *emptyNote(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->hide();
    return label;
}
} // namespace

ModerationPanel::ModerationPanel(client::RoomContext &room, QWidget *parent)
    : QDialog(parent), m_standing(room.standing()), m_actions(room.moderation()), m_members(&room.members()),
      m_audit(room.createAuditLogModel(this)), m_bans(room.createBanListModel(this)),
      m_muted(new QSortFilterProxyModel(this)), m_tabs(new QTabWidget(this)), m_status(new QLabel(this))
{
    setWindowTitle(tr("Moderation of %1").arg(m_standing.room().name));
    setAccessibleName(tr("Moderation"));
    const client::ModerationPolicy policy = m_standing.policy();
    const QString auditDenial = policy.denial(Action::ViewRoomAudit);
    const QString bansDenial = policy.denial(Action::BanMember); // listing bans is part of member.ban
    const QString muteDenial = policy.denial(Action::MuteMember);
    m_auditAllowed = auditDenial.isEmpty();
    m_bansAllowed = bansDenial.isEmpty();

    m_tabs->setAccessibleName(tr("Moderation sections"));
    m_tabs->addTab(auditTab(auditDenial), tr("&Audit log"));
    m_tabs->addTab(bansTab(bansDenial), tr("&Bans"));
    m_tabs->addTab(mutedTab(muteDenial), tr("M&uted"));

    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Last result"));
    m_status->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(760, 460);

    connect(&m_actions, &client::ModerationActions::succeeded, this, [this](const QString &message) {
        setStatus(message, false);
        if (m_auditAllowed)
            m_audit->reload(); // the action's entry is written before the server answers
    });
    connect(&m_actions, &client::ModerationActions::failed, this,
            [this](const QString &message) { setStatus(message, true); });
    connect(&m_actions, &client::ModerationActions::unbanned, m_bans, &BanListModel::removeUser);
    connect(&m_actions, &client::ModerationActions::banned, this, [this] {
        if (m_bansAllowed)
            m_bans->reload();
    });
    reload();
}

QWidget *ModerationPanel::auditTab(const QString &denial)
{
    if (!denial.isEmpty())
        return deniedPage(tr("The audit log is not open to you. %1").arg(denial), this);
    auto *page = new QWidget(this);
    m_auditView = tableView(tr("Audit log"), page);
    m_auditView->setModel(m_audit);
    m_auditView->header()->setStretchLastSection(true);
    m_auditView->setColumnWidth(AuditLogModel::TimeColumn, 125);
    m_auditView->setColumnWidth(AuditLogModel::ActorColumn, 120);
    m_auditView->setColumnWidth(AuditLogModel::ActionColumn, 190);
    m_auditView->setColumnWidth(AuditLogModel::TargetColumn, 120);
    m_loadMore = new QPushButton(tr("Load &older entries"), page);
    m_loadMore->setAccessibleName(tr("Load older audit entries"));
    m_refresh = new QPushButton(tr("&Refresh"), page);
    m_refresh->setAccessibleName(tr("Refresh the audit log"));
    m_auditEmpty = emptyNote(tr("Nothing has been logged in this room yet."), page);
    connect(m_loadMore, &QPushButton::clicked, m_audit, &AuditLogModel::loadMore);
    connect(m_refresh, &QPushButton::clicked, m_audit, &AuditLogModel::reload);
    connect(m_audit, &AuditLogModel::loadingChanged, this, &ModerationPanel::updateButtons);
    connect(m_audit, &AuditLogModel::loadFailed, this,
            [this](const QString &message) { setStatus(tr("Could not load the audit log: %1").arg(message), true); });
    auto *row = new QHBoxLayout;
    row->addWidget(m_auditEmpty);
    row->addStretch(1);
    row->addWidget(m_refresh);
    row->addWidget(m_loadMore);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_auditView, 1);
    layout->addLayout(row);
    return page;
}

QWidget *ModerationPanel::bansTab(const QString &denial)
{
    if (!denial.isEmpty())
        return deniedPage(tr("The ban list is not open to you. %1").arg(denial), this);
    auto *page = new QWidget(this);
    m_banView = tableView(tr("Bans"), page);
    m_banView->setModel(m_bans);
    m_banView->setColumnWidth(BanListModel::UserColumn, 140);
    m_banView->setColumnWidth(BanListModel::ReasonColumn, 220);
    m_banView->setColumnWidth(BanListModel::BannedByColumn, 120);
    m_banView->setColumnWidth(BanListModel::SinceColumn, 130);
    m_unban = new QPushButton(tr("&Unban"), page);
    m_unban->setAccessibleName(tr("Lift the selected ban"));
    const QString unbanDenial = m_standing.policy().denial(Action::UnbanMember);
    m_unban->setToolTip(unbanDenial);
    m_bansEmpty = emptyNote(tr("Nobody is banned from this room."), page);
    connect(m_banView->selectionModel(), &QItemSelectionModel::currentChanged, this, &ModerationPanel::updateButtons);
    connect(m_bans, &BanListModel::modelReset, this, &ModerationPanel::updateButtons);
    connect(m_bans, &BanListModel::rowsRemoved, this, &ModerationPanel::updateButtons);
    connect(m_bans, &BanListModel::loadFailed, this,
            [this](const QString &message) { setStatus(tr("Could not load the bans: %1").arg(message), true); });
    connect(m_unban, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_banView->currentIndex();
        if (!current.isValid())
            return;
        const QString userId = current.data(BanListModel::UserIdRole).toString();
        m_actions.unban(userId, m_bans->index(current.row(), BanListModel::UserColumn).data().toString());
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_bansEmpty);
    row->addStretch(1);
    row->addWidget(m_unban);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_banView, 1);
    layout->addLayout(row);
    return page;
}

QWidget *ModerationPanel::mutedTab(const QString &denial)
{
    if (!denial.isEmpty())
        return deniedPage(tr("Muting is not open to you. %1").arg(denial), this);
    auto *page = new QWidget(this);
    m_muted->setSourceModel(m_members);
    m_muted->setFilterRole(MemberModel::IsMutedRole);
    m_muted->setFilterFixedString(QStringLiteral("true"));
    m_mutedView = new QListView(page);
    m_mutedView->setAccessibleName(tr("Muted members"));
    auto *delegate = new MemberDelegate(m_mutedView);
    delegate->setGrouped(false);
    m_mutedView->setItemDelegate(delegate);
    m_mutedView->setModel(m_muted);
    m_mutedView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_unmute = new QPushButton(tr("U&nmute"), page);
    m_unmute->setAccessibleName(tr("Unmute the selected member"));
    auto *empty = emptyNote(tr("Nobody is muted in this room."), page);
    const auto updateEmpty = [this, empty] {
        empty->setVisible(m_muted->rowCount() == 0);
        updateButtons();
    };
    connect(m_muted, &QAbstractItemModel::rowsInserted, this, updateEmpty);
    connect(m_muted, &QAbstractItemModel::rowsRemoved, this, updateEmpty);
    connect(m_muted, &QAbstractItemModel::modelReset, this, updateEmpty);
    connect(m_mutedView->selectionModel(), &QItemSelectionModel::currentChanged, this, &ModerationPanel::updateButtons);
    connect(m_unmute, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_muted->mapToSource(m_mutedView->currentIndex());
        if (!current.isValid() || !m_members)
            return;
        const Member m = m_members->memberAt(current.row());
        m_actions.unmute(m.userId, m.displayName);
    });
    auto *row = new QHBoxLayout;
    row->addWidget(empty);
    row->addStretch(1);
    row->addWidget(m_unmute);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_mutedView, 1);
    layout->addLayout(row);
    updateEmpty();
    return page;
}

void ModerationPanel::reload()
{
    if (m_auditAllowed)
        m_audit->reload();
    if (m_bansAllowed)
        m_bans->reload();
    updateButtons();
}

void ModerationPanel::updateButtons()
{
    if (m_loadMore) {
        m_loadMore->setEnabled(m_audit->hasMore() && !m_audit->isLoading() && m_audit->rowCount() > 0);
        m_refresh->setEnabled(!m_audit->isLoading());
        m_auditEmpty->setVisible(!m_audit->isLoading() && m_audit->rowCount() == 0 && m_audit->errorString().isEmpty());
    }
    if (m_unban) {
        const bool may = m_standing.policy().can(Action::UnbanMember);
        m_unban->setEnabled(may && m_banView->currentIndex().isValid());
        m_bansEmpty->setVisible(!m_bans->isLoading() && m_bans->rowCount() == 0);
    }
    if (m_unmute) {
        bool may = false;
        const QModelIndex current = m_muted->mapToSource(m_mutedView->currentIndex());
        if (current.isValid() && m_members) {
            const Member m = m_members->memberAt(current.row());
            may = isAllowed(m_standing.policy().actor(), Action::MuteMember, m.role);
        }
        m_unmute->setEnabled(may);
    }
}

void ModerationPanel::setStatus(const QString &text, bool isError)
{
    showPanelStatus(m_status, palette(), text, isError);
}

QString ModerationPanel::statusText() const { return m_status->isVisible() ? m_status->text() : QString(); }

} // namespace confab::ui
