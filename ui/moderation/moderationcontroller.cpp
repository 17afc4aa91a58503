// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderationcontroller.h"

#include "members/membermenu.h"
#include "members/memberpanel.h"
#include "members/profilecard.h"
#include "moderation/moderationflow.h"
#include "moderation/moderationicons.h"
#include "moderation/moderationpanel.h"
#include "room/composer.h"
#include "room/postingnotice.h"
#include "room/removalnotice.h"
#include "room/roomsettingsdialog.h"

#include "client/models/membermodel.h"
#include "client/models/roomlistmodel.h"
#include "client/room/moderationactions.h"
#include "client/room/postingstate.h"
#include "client/room/roomcontext.h"
#include "client/room/roomstanding.h"
#include "client/sync/chatengine.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSettings>
#include <QToolButton>

namespace confab::ui {

using client::PostingState;
using client::SyncEngine;

namespace {
QToolButton *headerButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    button->setIconSize(QSize(20, 20));
    button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    button->setFocusPolicy(Qt::TabFocus);
    button->setAccessibleName(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    return button;
}

const QString kShowMembersKey = QStringLiteral("room/showMembers");
} // namespace

ModerationController::ModerationController(QWidget *host, Composer *composer)
    : QObject(host), m_host(host), m_composer(composer), m_header(new QWidget(host)),
      m_membersAction(new QAction(tr("Show &Members"), this)),
      m_settingsAction(new QAction(tr("Room &Settings…"), this)),
      m_moderationAction(new QAction(tr("M&oderation…"), this)), m_panel(new MemberPanel(host)),
      m_notice(new PostingNotice(host)), m_removal(new RemovalNotice(host))
{
    m_membersAction->setCheckable(true);
    m_membersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_membersAction->setToolTip(tr("Members (Ctrl+Shift+M)"));
    m_settingsAction->setToolTip(tr("Room settings"));
    m_moderationAction->setToolTip(tr("Moderation: audit log, bans, muted members"));
    for (QAction *a : {m_membersAction, m_settingsAction, m_moderationAction})
        a->setShortcutContext(Qt::WindowShortcut);
    host->addActions({m_membersAction, m_settingsAction, m_moderationAction});

    m_moderationButton = headerButton(m_moderationAction, m_header);
    m_settingsButton = headerButton(m_settingsAction, m_header);
    m_membersButton = headerButton(m_membersAction, m_header);
    auto *row = new QHBoxLayout(m_header);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(2);
    row->addWidget(m_moderationButton);
    row->addWidget(m_settingsButton);
    row->addWidget(m_membersButton);
    m_header->installEventFilter(this);
    updateIcons();

    m_membersAction->setChecked(QSettings().value(kShowMembersKey, true).toBool());
    connect(m_membersAction, &QAction::toggled, this, [this](bool on) {
        m_panel->setVisible(on && m_room);
        QSettings().setValue(kShowMembersKey, on);
        if (on && m_room)
            m_panel->filterField()->setFocus(Qt::ShortcutFocusReason);
    });
    connect(m_settingsAction, &QAction::triggered, this, &ModerationController::openSettings);
    connect(m_moderationAction, &QAction::triggered, this, &ModerationController::openModeration);
    connect(m_panel, &MemberPanel::memberMenuRequested, this, &ModerationController::showMemberMenu);
    connect(m_panel, &MemberPanel::profileRequested, this, &ModerationController::showProfile);
    clear();
}

ModerationController::~ModerationController() { clear(); }

bool ModerationController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_header && event->type() == QEvent::PaletteChange)
        updateIcons();
    return QObject::eventFilter(watched, event);
}

void ModerationController::updateIcons()
{
    const QPalette p = m_header->palette();
    m_membersAction->setIcon(membersIcon(p));
    m_settingsAction->setIcon(settingsIcon(p));
    m_moderationAction->setIcon(shieldIcon(p));
}

void ModerationController::open(client::ChatEngine *engine, client::RoomContext *room)
{
    clear();
    if (!engine || !room)
        return;
    if (engine != m_engine) {
        disconnect(m_removedConnection);
        disconnect(m_rejoinedConnection);
        m_removal->hide(); // about another account's rooms
        m_engine = engine;
        m_removedConnection =
            connect(engine, &client::ChatEngine::removedFromRoom, this, &ModerationController::onRemoved);
        m_rejoinedConnection = connect(&engine->rooms(), &QAbstractItemModel::rowsInserted, this,
                                       [this](const QModelIndex &, int first, int last) {
                                           for (int row = first; m_engine && row <= last; ++row) {
                                               if (m_engine->rooms().roomAt(row).roomId == m_removedRoomId)
                                                   m_removal->hide(); // back in it
                                           }
                                       });
    }
    updateRemovalNotice(room->roomId());
    m_roomId = room->roomId();
    m_room = room;
    m_flow = new ModerationFlow(room->moderation(), m_host, room->standing().room().name, this);
    connect(m_flow, &ModerationFlow::profileRequested, this, &ModerationController::showProfile);
    connect(m_flow, &ModerationFlow::messageRequested, this,
            [this](const Member &m) { Q_EMIT directMessageRequested(m.userId); });
    connect(&room->standing(), &client::RoomStanding::changed, this, &ModerationController::applyStanding);
    connect(&room->posting(), &PostingState::changed, this, &ModerationController::applyPosting);
    connect(&room->moderation(), &client::ModerationActions::succeeded, m_panel,
            [this](const QString &text) { m_panel->showStatus(text, false); });
    connect(&room->moderation(), &client::ModerationActions::failed, m_panel, [this](const QString &text) {
        m_membersAction->setChecked(true); // a failure is never out of sight
        m_panel->show();                   // (also in a window too narrow for the panel)
        m_panel->showStatus(text, true);
    });
    m_panel->setGrouped(room->standing().room().type != RoomType::Direct);
    m_panel->setMemberModel(&room->members());
    m_panel->setVisible(m_membersAction->isChecked() && m_panelFits);
    room->members().load();
    m_settingsAction->setEnabled(true);
    applyStanding();
    applyPosting();
}

void ModerationController::clear()
{
    // Windows that refer to the room's objects go first.
    delete m_menu;
    delete m_card;
    delete m_settingsDialog;
    delete m_moderationPanel;
    if (m_flow && m_flow->pendingDialog())
        delete m_flow->pendingDialog();
    m_panel->setMemberModel(nullptr);
    m_panel->hide(); // no room, no members
    delete m_flow;
    m_flow = nullptr;
    if (m_room) { // its owner deletes it; until then it must not reach us
        disconnect(&m_room->standing(), nullptr, this, nullptr);
        disconnect(&m_room->posting(), nullptr, this, nullptr);
        disconnect(&m_room->moderation(), nullptr, m_panel, nullptr);
        m_room = nullptr;
    }
    m_roomId.clear();
    m_settingsAction->setEnabled(false);
    m_moderationAction->setEnabled(false);
    m_moderationButton->hide();
    applyPosting();
}

client::MemberModel *ModerationController::members() const { return m_room ? &m_room->members() : nullptr; }
client::RoomStanding *ModerationController::standing() const { return m_room ? &m_room->standing() : nullptr; }
client::PostingState *ModerationController::posting() const { return m_room ? &m_room->posting() : nullptr; }
client::ModerationActions *ModerationController::actions() const { return m_room ? &m_room->moderation() : nullptr; }

void ModerationController::setPanelFits(bool fits)
{
    if (fits == m_panelFits)
        return;
    m_panelFits = fits;
    if (m_room && m_membersAction->isChecked())
        m_panel->setVisible(fits);
}

void ModerationController::noteSent()
{
    if (m_room)
        m_room->posting().noteSent();
}

void ModerationController::applyStanding()
{
    if (!m_room)
        return;
    const client::ModerationPolicy policy = m_room->standing().policy();
    // The shield is for moderators and up: those who may act on members or read the log.
    const bool moderates =
        policy.can(Action::KickMember) || policy.can(Action::MuteMember) || policy.can(Action::ViewRoomAudit);
    m_moderationAction->setEnabled(moderates);
    m_moderationButton->setVisible(moderates);
    m_settingsAction->setToolTip(policy.can(Action::EditRoomSettings) ? tr("Room settings")
                                                                      : tr("Room settings (read only)"));
}

void ModerationController::applyPosting()
{
    const PostingState *state = posting();
    const bool readOnly = state && state->isReadOnly();
    const bool held = state && state->block() != PostingState::Block::None;
    const bool slow = state && state->block() == PostingState::Block::SlowMode;
    if (m_composer) {
        m_composer->setReadOnly(readOnly);
        m_composer->setSendingHeld(slow);
        if (readOnly) {
            if (!m_placeholderReplaced) {
                m_savedPlaceholder = m_composer->placeholderText();
                m_placeholderReplaced = true;
            }
            m_composer->setPlaceholderText(tr("You cannot send messages here now (see above)."));
        } else if (m_placeholderReplaced) {
            m_composer->setPlaceholderText(m_savedPlaceholder);
            m_placeholderReplaced = false;
        }
    }
    if (!held) {
        m_notice->clearNotice();
        return;
    }
    PostingNotice::Kind kind = PostingNotice::Kind::ReadOnly;
    if (state->block() == PostingState::Block::Muted)
        kind = PostingNotice::Kind::Muted;
    else if (state->block() == PostingState::Block::SlowMode)
        kind = PostingNotice::Kind::SlowMode;
    m_notice->showNotice(kind, state->reason());
}

void ModerationController::onRemoved(const QString &roomId, const QString &roomName, const QString &message,
                                     SyncEngine::RemovalKind kind)
{
    const QString name = roomName.isEmpty() ? tr("a room") : roomName;
    switch (kind) {
    case SyncEngine::RemovalKind::Left: break; // our own doing (maybe on another device): nothing to explain
    case SyncEngine::RemovalKind::Kicked:
        m_removal->showMessage(tr("You were removed from %1").arg(name), message);
        break;
    case SyncEngine::RemovalKind::Banned:
        m_removal->showMessage(tr("You were banned from %1").arg(name), message);
        break;
    case SyncEngine::RemovalKind::Deleted:
        m_removal->showMessage(tr("%1 was deleted").arg(name), tr("The room and its messages are gone for everyone."));
        break;
    }
    m_removedRoomId = roomId;
    // Shown over the room the window goes to next when the open room went, else over the open one.
    m_noticeRoomId = roomId == m_roomId ? QString() : m_roomId;
    if (roomId == m_roomId)
        Q_EMIT currentRoomRemoved();
}

void ModerationController::updateRemovalNotice(const QString &openingRoomId)
{
    if (m_removal->isHidden())
        return;
    if (openingRoomId == m_removedRoomId)
        m_removal->hide();
    else if (m_noticeRoomId.isEmpty())
        m_noticeRoomId = openingRoomId;
    else if (openingRoomId != m_noticeRoomId)
        m_removal->hide();
}

RoomSettingsDialog *ModerationController::settingsDialog() const { return m_settingsDialog; }
ModerationPanel *ModerationController::moderationPanel() const { return m_moderationPanel; }
MemberMenu *ModerationController::memberMenu() const { return m_menu; }
ProfileCard *ModerationController::profileCard() const { return m_card; }

void ModerationController::openSettings()
{
    if (!m_room)
        return;
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    m_settingsDialog = new RoomSettingsDialog(m_room->standing(), m_room->moderation(), m_host);
    m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_settingsDialog->open();
}

void ModerationController::openModeration()
{
    if (!m_room)
        return;
    if (m_moderationPanel) {
        m_moderationPanel->raise();
        m_moderationPanel->activateWindow();
        return;
    }
    m_moderationPanel = new ModerationPanel(*m_room, m_host);
    m_moderationPanel->setAttribute(Qt::WA_DeleteOnClose);
    m_moderationPanel->show();
}

void ModerationController::showMemberMenu(const Member &member, const QPoint &globalPos)
{
    if (!m_room)
        return;
    delete m_menu;
    m_menu = new MemberMenu(m_room->standing().policy(), member, m_host);
    m_flow->attach(m_menu);
    m_menu->popup(globalPos);
}

void ModerationController::showProfile(const Member &member)
{
    if (!m_room)
        return;
    delete m_card;
    m_card = new ProfileCard(member, m_room->standing().policy(), m_host);
    m_card->setAttribute(Qt::WA_DeleteOnClose);
    m_card->setWindowModality(Qt::WindowModal);
    if (MemberMenu *menu = m_card->moderationMenu())
        m_flow->attach(menu);
    connect(m_card, &ProfileCard::messageRequested, this,
            [this](const Member &m) { Q_EMIT directMessageRequested(m.userId); });
    m_card->open();
}

} // namespace confab::ui
