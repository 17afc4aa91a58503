// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "moderation/moderationcontroller.h"
#include "room/composer.h"
#include "room/invitedialog.h"
#include "room/leaveroomdialog.h"
#include "room/messageannouncer.h"
#include "room/roomview.h"
#include "room/timelineview.h"
#include "roomlist/browseroomsdialog.h"
#include "roomlist/createroomdialog.h"
#include "roomlist/directmessagedialog.h"
#include "roomlist/notificationmenu.h"
#include "roomlist/roomdelegate.h"
#include "roomlist/roomsectionmodel.h"
#include "roomlist/roomswitcher.h"
#include "search/searchdialog.h"
#include "settings/appsettings.h"
#include "settings/deleteaccountdialog.h"
#include "settings/exportdialog.h"
#include "settings/profiledialog.h"
#include "settings/settingsdialog.h"
#include "settings/signoutconfirmation.h"
#include "shell/accountbutton.h"
#include "shell/autoaway.h"
#include "shell/connectionbanner.h"
#include "shell/notifier.h"
#include "shell/shortcutsdialog.h"
#include "shell/thememanager.h"
#include "shell/trayicon.h"
#include "shell/windowtitle.h"
#include "signin/keychainprompt.h"
#include "widgets/avatarimages.h"
#include "widgets/avatarpainter.h"
#include "widgets/emptyhint.h"

#include "client/account/session.h"
#include "client/diagnostics/clientlogfile.h"
#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/net/realtimeconnection.h"
#include "client/room/roomactions.h"
#include "client/sync/chatengine.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace confab::ui {

namespace {
QKeySequence findRoomKey() { return QKeySequence(Qt::CTRL | Qt::Key_K); }
} // namespace

using client::RoomListModel;

MainWindow::MainWindow(client::Session &session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_settings(new AppSettings(this)), m_theme(new ThemeManager(this)),
      m_autoAway(new AutoAway(this)),
      m_notifier(new Notifier(
          [this](const QString &roomId) { return isActiveWindow() && !isMinimized() && currentRoomId() == roomId; },
          this)),
      m_announcer(new MessageAnnouncer(
          this,
          [this](const QString &roomId) { return isActiveWindow() && !isMinimized() && currentRoomId() == roomId; },
          this)),
      m_tray(new TrayIcon(this, this)), m_account(new AccountButton(*m_autoAway)), m_filter(new QLineEdit),
      m_newButton(new QToolButton), m_rooms(new QListView), m_roomModel(new RoomSectionModel(this)),
      m_roomView(new RoomView), m_banner(new ConnectionBanner)
{
    m_title = new WindowTitle(this);
    setWindowIcon(TrayIcon::appIcon());

    auto *splitter = new QSplitter;
    splitter->addWidget(buildRoomPane());
    splitter->addWidget(m_roomView);
    // The room list gives up some width too when the window narrows (the timeline needs it more).
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({280, 720});
    splitter->setChildrenCollapsible(false);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    buildMenus();

    setTabOrder(m_account, m_filter);
    setTabOrder(m_filter, m_newButton);
    setTabOrder(m_newButton, m_rooms);
    setTabOrder(m_rooms, m_roomView->timeline());
    setTabOrder(m_roomView->timeline(), m_roomView->composer());

    connect(m_settings, &AppSettings::changed, this, &MainWindow::applySettings);
    applySettings();
    connect(m_notifier, &Notifier::notify, this,
            [this](const QString &title, const QString &body, const QString &, const QString &senderId,
                   const QString &senderName,
                   const QString &senderAvatar) { showNotification(title, body, senderId, senderName, senderAvatar); });
    connect(m_tray, &TrayIcon::unreadCountChanged, m_title, &WindowTitle::setUnread);
    connect(m_tray, &TrayIcon::messageClicked, this, [this] { openRoom(m_notifier->lastRoomId()); });

    // The open room went (left, removed): its name leaves the title with it.
    connect(m_roomView->moderation(), &ModerationController::currentRoomRemoved, this,
            [this] { m_title->setRoomName({}); });
    connect(m_roomView->moderation(), &ModerationController::directMessageRequested, this,
            &MainWindow::openDirectRoomWith);
    m_keychainPrompt = new KeychainPrompt(m_session, this); // no keychain: says so, offers a file
    connect(&m_session, &client::Session::signedIn, this, &MainWindow::attach);
    connect(&m_session, &client::Session::aboutToSignOut, this, &MainWindow::detach);
    if (m_session.engine())
        attach(m_session.engine());
    else
        detach();
    resize(1000, 680);
}

MainWindow::~MainWindow() { detach(); }

QWidget *MainWindow::buildRoomPane()
{
    m_filter->setAccessibleName(tr("Filter rooms"));
    // Named as the menu and F1 name it (Qt translates "Ctrl" too: "Control" in Spanish).
    m_filter->setPlaceholderText(tr("Filter rooms (%1)").arg(findRoomKey().toString(QKeySequence::NativeText)));
    m_filter->setClearButtonEnabled(true);
    // Typing in the filter only moves the selection; Enter opens, Esc goes back (RoomSwitcher).
    m_switcher = new RoomSwitcher(m_filter, m_rooms, m_roomModel, this);
    connect(m_switcher, &RoomSwitcher::openRequested, this, [this](const QString &roomId) {
        openRoom(roomId);
        m_roomView->focusComposer();
    });
    connect(m_switcher, &RoomSwitcher::cancelled, this, [this](QWidget *previousFocus) {
        selectOpenRoom();
        if (previousFocus && previousFocus->window() == this && previousFocus->isVisible() &&
            previousFocus->isEnabled())
            previousFocus->setFocus(Qt::OtherFocusReason);
        else
            m_roomView->focusComposer();
    });
    connect(m_switcher, &RoomSwitcher::browsingEnded, this, &MainWindow::selectOpenRoom);
    new EmptyHint(m_rooms, [this] {
        if (!m_engine || !m_engine->rooms().isLoaded())
            return QString();
        return m_filter->text().isEmpty() ? tr("No rooms yet. Use + to create a room or find one.")
                                          : tr("No room matches “%1”.").arg(m_filter->text());
    });
    connect(m_filter, &QLineEdit::textChanged, m_rooms->viewport(), qOverload<>(&QWidget::update));

    m_newButton->setText(QStringLiteral("+"));
    m_newButton->setAccessibleName(tr("New room or conversation"));
    m_newButton->setToolTip(tr("New room, browse rooms, direct message"));
    m_newButton->setPopupMode(QToolButton::InstantPopup);
    m_newButton->setFocusPolicy(Qt::StrongFocus);
    QFont plus = m_newButton->font();
    plus.setBold(true);
    plus.setPointSizeF(plus.pointSizeF() * 1.3);
    m_newButton->setFont(plus);

    m_rooms->setAccessibleName(tr("Rooms and direct messages"));
    m_rooms->setModel(m_roomModel);
    m_avatars = new AvatarImages(this); // the people of direct rooms
    auto *roomDelegate = new RoomDelegate(m_rooms);
    roomDelegate->setAvatarImages(m_avatars);
    connect(m_avatars, &AvatarImages::changed, m_rooms->viewport(), qOverload<>(&QWidget::update));
    m_rooms->setItemDelegate(roomDelegate);
    m_rooms->setUniformItemSizes(false); // a section's first room carries its header
    m_rooms->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rooms->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rooms->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rooms->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(m_rooms->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::openCurrentRoom);
    // Right click, the Menu key or Shift+F10 on a room: its notification level and mute.
    m_roomContextMenu = new NotificationMenu(this);
    m_rooms->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_rooms, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QModelIndex index = m_rooms->indexAt(pos);
        if (!index.isValid())
            index = m_rooms->currentIndex();
        const QString roomId = index.data(RoomListModel::RoomIdRole).toString();
        if (!m_engine || roomId.isEmpty())
            return;
        m_roomContextMenu->setRoom(&m_engine->rooms(), roomId);
        const QPoint at = m_rooms->indexAt(pos).isValid() ? pos : m_rooms->visualRect(index).center();
        m_roomContextMenu->popup(m_rooms->viewport()->mapToGlobal(at));
    });
    // Arrow keys in the list keep focus there; a click or Enter on a room goes on to write in it.
    for (auto signal : {&QListView::clicked, &QListView::activated}) {
        connect(m_rooms, signal, this, [this] {
            openSelectedRoom();
            m_roomView->focusComposer();
        });
    }
    // While a row goes, the selection moves to a neighbour: open that one once the removal is
    // over, not from inside it (opening marks it read, which changes the model).
    connect(m_roomModel, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { m_removingRows = true; });
    connect(m_roomModel, &QAbstractItemModel::rowsRemoved, this, [this] {
        m_removingRows = false;
        openCurrentRoom();
    });
    // Rows come and go under the filter: keep a room open when there is one to show.
    connect(m_roomModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::selectFirstRoomIfNone);
    connect(m_roomModel, &QAbstractItemModel::modelReset, this, &MainWindow::selectFirstRoomIfNone);

    auto *left = new QWidget;
    left->setMinimumWidth(180);
    left->setMaximumWidth(400);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 0, 8);
    leftLayout->setSpacing(6);
    leftLayout->addWidget(m_account);
    auto *filterRow = new QHBoxLayout;
    filterRow->setSpacing(4);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_newButton);
    leftLayout->addLayout(filterRow);
    leftLayout->addWidget(m_rooms, 1);
    return left;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_newRoom = file->addAction(tr("&New room…"), this, &MainWindow::openCreateRoomDialog);
    m_newRoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_directMessage = file->addAction(tr("&Direct message…"), this, &MainWindow::openDirectMessageDialog);
    m_directMessage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_browseRooms = file->addAction(tr("&Browse rooms…"), this, &MainWindow::openBrowseRoomsDialog);
    m_browseRooms->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    file->addSeparator();
    m_settingsAction = file->addAction(tr("&Settings…"), this, &MainWindow::openSettingsDialog);
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_signOut = file->addAction(tr("Sign &out"), this, [this] {
        auto *confirmation = new SignOutConfirmation(this);
        connect(confirmation, &SignOutConfirmation::confirmed, this, [this] { m_session.signOut(); });
        confirmation->open();
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    auto *newMenu = new QMenu(m_newButton);
    newMenu->setAccessibleName(tr("New"));
    newMenu->addActions({m_newRoom, m_browseRooms, m_directMessage});
    m_newButton->setMenu(newMenu);

    m_roomMenu = menuBar()->addMenu(tr("&Room"));
    m_invite = m_roomMenu->addAction(tr("&Add people…"), this, &MainWindow::openInviteDialog);
    m_invite->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_leave = m_roomMenu->addAction(tr("&Leave room…"), this, &MainWindow::openLeaveRoomDialog);
    m_roomMenuSeparator = m_roomMenu->addSeparator();
    // Moderation (RoomView's ModerationController): room settings, the moderation panel.
    m_roomMenu->addActions({m_roomView->moderation()->settingsAction(), m_roomView->moderation()->moderationAction()});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *find = view->addAction(tr("&Find a room…"), this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    find->setShortcut(findRoomKey());
    QAction *searchRoom = view->addAction(tr("&Search this room…"), this, [this] { openSearchDialog(false); });
    searchRoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    QAction *searchAll = view->addAction(tr("Search &all rooms…"), this, [this] { openSearchDialog(true); });
    searchAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    view->addSeparator();
    QAction *previous = view->addAction(tr("&Previous room"), this, [this] { moveRoom(-1); });
    previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    QAction *next = view->addAction(tr("&Next room"), this, [this] { moveRoom(1); });
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    QAction *previousUnread = view->addAction(tr("Previous &unread room"), this, [this] { moveToUnread(-1); });
    previousUnread->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Up));
    QAction *nextUnread = view->addAction(tr("Ne&xt unread room"), this, [this] { moveToUnread(1); });
    nextUnread->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Down));
    view->addAction(m_roomView->moderation()->membersAction()); // Ctrl+Shift+M
    view->addSeparator();
    QMenu *themeMenu = view->addMenu(tr("&Theme"));
    m_themeGroup = new QActionGroup(this);
    for (const auto &[mode, label] :
         {std::pair{ThemeManager::Mode::System, tr("Follow the &system")},
          std::pair{ThemeManager::Mode::Light, tr("&Light")}, std::pair{ThemeManager::Mode::Dark, tr("&Dark")},
          std::pair{ThemeManager::Mode::HighContrast, tr("&High contrast")}}) {
        QAction *a = themeMenu->addAction(label, this, [this, mode = mode] { m_settings->setTheme(mode); });
        a->setCheckable(true);
        a->setData(int(mode));
        m_themeGroup->addAction(a);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::openShortcutsDialog);
    keys->setShortcut(QKeySequence(Qt::Key_F1));
    // Where the client's rotating log is (ClientLogFile), for a bug report.
    QAction *logs = help->addAction(tr("Open &log folder"), this, [] {
        const QString directory = client::ClientLogFile::defaultDirectory();
        QDir().mkpath(directory);
        QDesktopServices::openUrl(QUrl::fromLocalFile(directory));
    });
    logs->setObjectName(QStringLiteral("openLogFolder"));
    logs->setStatusTip(tr("Show the folder with this program's log files"));
    help->addAction(tr("&About Confab"), this, [this] {
        auto *box =
            new QMessageBox(QMessageBox::Information, tr("About Confab"),
                            tr("Confab %1\nSelf-hosted chat for teams.").arg(QApplication::applicationVersion()),
                            QMessageBox::Close, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    m_deleteAccount = new QAction(tr("&Delete account…"), this);
    connect(m_deleteAccount, &QAction::triggered, this, &MainWindow::openDeleteAccountDialog);
    m_profileAction = new QAction(tr("&Profile and password…"), this);
    connect(m_profileAction, &QAction::triggered, this, &MainWindow::openProfileDialog);
    m_exportAction = new QAction(tr("E&xport my data…"), this);
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::openExportDialog);
    m_account->addTrailingActions({m_profileAction, m_settingsAction, m_exportAction, m_signOut, m_deleteAccount});
}

void MainWindow::applySettings()
{
    m_theme->setMode(m_settings->theme());
    for (QAction *a : m_themeGroup->actions())
        a->setChecked(a->data().toInt() == int(m_settings->theme()));
    m_notifier->setEnabled(m_settings->notificationsEnabled());
    m_announcer->setEnabled(m_settings->announceMessages());
    m_autoAway->setIdleInterval(m_settings->autoAwayMinutes() * 60 * 1000);
    m_roomView->setSendKey(m_settings->sendWithCtrlEnter() ? Composer::SendKey::CtrlEnter : Composer::SendKey::Enter);
}

void MainWindow::attach(client::ChatEngine *engine)
{
    detach();
    m_engine = engine;
    m_banner->setConnection(&engine->connection());
    m_roomModel->setSourceModel(&engine->rooms());
    m_autoAway->setEngine(engine);
    m_account->setEngine(engine);
    m_notifier->setEngine(engine);
    m_announcer->setEngine(engine);
    m_avatars->setMedia(&engine->media());
    m_tray->setRooms(&engine->rooms());
    m_tray->setConnection(&engine->connection());
    for (QAction *a :
         {m_newRoom, m_browseRooms, m_directMessage, m_signOut, m_deleteAccount, m_profileAction, m_exportAction})
        a->setEnabled(true);
    m_newButton->setEnabled(true);
    selectFirstRoomIfNone();
    updateRoomActions();
}

void MainWindow::detach()
{
    // Dialogs act on the engine, and per-room models refer to its store and sync: they go first.
    if (m_dialog)
        delete m_dialog.data();
    m_roomView->clear();
    m_banner->setConnection(nullptr);
    m_roomModel->setSourceModel(nullptr);
    m_autoAway->setEngine(nullptr);
    m_account->setEngine(nullptr);
    m_notifier->setEngine(nullptr);
    m_announcer->setEngine(nullptr);
    m_avatars->setMedia(nullptr);
    m_tray->setRooms(nullptr);
    m_tray->setConnection(nullptr);
    m_engine = nullptr;
    for (QAction *a :
         {m_newRoom, m_browseRooms, m_directMessage, m_signOut, m_deleteAccount, m_profileAction, m_exportAction})
        a->setEnabled(false);
    m_newButton->setEnabled(false);
    m_title->setRoomName({});
    updateRoomActions();
}

QString MainWindow::currentRoomId() const { return m_roomView->roomId(); }

void MainWindow::selectFirstRoomIfNone()
{
    if (!m_rooms->currentIndex().isValid() && m_roomModel->rowCount() > 0)
        m_rooms->setCurrentIndex(m_roomModel->index(0, 0));
}

void MainWindow::moveRoom(int delta)
{
    const int rows = m_roomModel->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_rooms->currentIndex();
    const int row = current.isValid() ? qBound(0, current.row() + delta, rows - 1) : 0;
    m_rooms->setCurrentIndex(m_roomModel->index(row, 0));
    openSelectedRoom(); // also while the filter has focus: this is a command
}

void MainWindow::moveToUnread(int direction)
{
    const int rows = m_roomModel->rowCount();
    const int start = m_rooms->currentIndex().isValid() ? m_rooms->currentIndex().row() : -1;
    for (int step = 1; step <= rows; ++step) {
        const int row = ((start + direction * step) % rows + rows) % rows;
        if (m_roomModel->index(row, 0).data(RoomListModel::UnreadCountRole).toInt() > 0) {
            m_rooms->setCurrentIndex(m_roomModel->index(row, 0));
            openSelectedRoom();
            return;
        }
    }
}

bool MainWindow::openRoom(const QString &roomId)
{
    if (roomId.isEmpty() || !m_engine || m_engine->rooms().rowOf(roomId) < 0)
        return false;
    QModelIndex index = indexOfRoom(roomId);
    if (!index.isValid()) {
        m_filter->clear(); // the filter hides it
        index = indexOfRoom(roomId);
    }
    if (!index.isValid())
        return false;
    m_rooms->setCurrentIndex(index);
    m_rooms->scrollTo(index);
    openSelectedRoom(); // already selected (by the filter), the selection did not change
    return true;
}

QModelIndex MainWindow::indexOfRoom(const QString &roomId) const
{
    for (int row = 0; !roomId.isEmpty() && row < m_roomModel->rowCount(); ++row) {
        if (m_roomModel->index(row, 0).data(RoomListModel::RoomIdRole).toString() == roomId)
            return m_roomModel->index(row, 0);
    }
    return {};
}

void MainWindow::selectOpenRoom() { m_rooms->setCurrentIndex(indexOfRoom(currentRoomId())); }

void MainWindow::openCurrentRoom()
{
    if (!m_switcher->isBrowsing()) // the filter's selection is only a proposal until Enter
        openSelectedRoom();
}

void MainWindow::openSelectedRoom()
{
    const QModelIndex index = m_rooms->currentIndex();
    if (!m_engine || m_removingRows)
        return;
    if (!index.isValid()) {
        // Filtered away, the room stays open; gone from the list (left, removed), it closes.
        if (!currentRoomId().isEmpty() && !m_engine->rooms().room(currentRoomId())) {
            m_roomView->clear();
            m_engine->rooms().setActiveRoom({});
            m_title->setRoomName({});
        }
        updateRoomActions();
        return;
    }
    const QString roomId = index.data(RoomListModel::RoomIdRole).toString();
    if (roomId == currentRoomId())
        return; // already open (a removal elsewhere moved the selection back to it)
    const int unread = index.data(RoomListModel::UnreadCountRole).toInt(); // setActiveRoom() zeroes it
    m_engine->rooms().setActiveRoom(roomId);
    m_roomView->openRoom(m_engine, roomId, index.data(RoomListModel::NameRole).toString(),
                         index.data(RoomListModel::DescriptionRole).toString());
    if (unread > 0 && m_roomView->messageModel())
        m_roomView->messageModel()->setUnreadAtOpen(unread); // where the "New messages" line goes
    m_title->setRoomName(index.data(RoomListModel::NameRole).toString());
    updateRoomActions();
    // Ready to write in the new room, unless the user is moving through the list or the filter.
    if (!m_rooms->hasFocus() && !m_switcher->isBrowsing())
        m_roomView->focusComposer();
}

void MainWindow::updateRoomActions()
{
    const auto room = m_engine ? m_engine->rooms().room(currentRoomId()) : std::nullopt;
    m_invite->setEnabled(room && room->type != RoomType::Direct);
    m_leave->setEnabled(room.has_value());
}

QDialog *MainWindow::present(QDialog *dialog)
{
    if (m_dialog)
        delete m_dialog.data(); // one at a time
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

QDialog *MainWindow::openProfileDialog()
{
    if (!m_engine)
        return nullptr;
    return present(new ProfileDialog(m_session, this));
}

QDialog *MainWindow::openExportDialog()
{
    if (!m_engine)
        return nullptr;
    return present(new ExportDialog(m_session, this));
}

QDialog *MainWindow::openDeleteAccountDialog()
{
    if (!m_engine)
        return nullptr;
    return present(new DeleteAccountDialog(m_session, this));
}

QDialog *MainWindow::openCreateRoomDialog()
{
    if (!m_engine)
        return nullptr;
    auto *dialog = new CreateRoomDialog(*m_engine, this);
    connect(dialog, &CreateRoomDialog::roomCreated, this, &MainWindow::openRoom);
    return present(dialog);
}

QDialog *MainWindow::openBrowseRoomsDialog()
{
    if (!m_engine)
        return nullptr;
    auto *dialog = new BrowseRoomsDialog(*m_engine, this);
    connect(dialog, &BrowseRoomsDialog::roomJoined, this, &MainWindow::openRoom);
    return present(dialog);
}

QDialog *MainWindow::openDirectMessageDialog()
{
    if (!m_engine)
        return nullptr;
    auto *dialog = new DirectMessageDialog(*m_engine, this);
    connect(dialog, &DirectMessageDialog::conversationReady, this, &MainWindow::openRoom);
    return present(dialog);
}

void MainWindow::openDirectRoomWith(const QString &userId)
{
    if (!m_engine)
        return;
    auto *actions = new client::RoomActions(*m_engine, this);
    actions->startDirectChatWith(userId, [this, actions](const client::ApiResult<Room> &r) {
        actions->deleteLater();
        if (r.ok())
            openRoom(r.value.roomId);
        else
            m_roomView->moderation()->memberPanel()->showStatus(r.error->message, true);
    });
}

QDialog *MainWindow::openInviteDialog()
{
    const auto room = m_engine ? m_engine->rooms().room(currentRoomId()) : std::nullopt;
    if (!room || room->type == RoomType::Direct)
        return nullptr;
    return present(new InviteDialog(*m_engine, room->roomId, room->name, this));
}

QDialog *MainWindow::openLeaveRoomDialog()
{
    const auto room = m_engine ? m_engine->rooms().room(currentRoomId()) : std::nullopt;
    if (!room)
        return nullptr;
    return present(new LeaveRoomDialog(*m_engine, room->roomId, room->name, room->type, this));
}

QDialog *MainWindow::openSettingsDialog()
{
    auto *dialog = new SettingsDialog(*m_settings, m_session, this);
    connect(
        dialog, &SettingsDialog::signOutRequested, this, [this] { m_session.signOut(); }, Qt::QueuedConnection);
    connect(dialog, &SettingsDialog::restartRequested, this, &MainWindow::restartRequested, Qt::QueuedConnection);
    return present(dialog);
}

QDialog *MainWindow::openSearchDialog(bool allRooms)
{
    if (!m_engine)
        return nullptr;
    const QString roomId = currentRoomId();
    const auto room = m_engine->rooms().room(roomId);
    auto *dialog =
        new SearchDialog(*m_engine, room ? roomId : QString(), room ? room->name : QString(), allRooms, this);
    connect(dialog, &SearchDialog::messageChosen, this, [this](const QString &roomId, const QString &messageId) {
        if (roomId != currentRoomId() && !openRoom(roomId))
            return;
        m_roomView->showMessageInContext(messageId);
    });
    return present(dialog);
}

QDialog *MainWindow::openShortcutsDialog()
{
    QList<QAction *> actions;
    for (QAction *menu : menuBar()->actions()) {
        if (menu->menu())
            actions << menu->menu()->actions();
    }
    actions << m_roomView->timeline()->actions(); // reply, edit, react... on the current message
    // Keys that belong to one widget, not to a menu command.
    auto keys = [](const QKeySequence &k) { return k.toString(QKeySequence::NativeText); };
    return present(
        new ShortcutsDialog(actions,
                            {{tr("Leave the room filter, back to the open room"), tr("Esc")},
                             {tr("Edit your last message (in an empty composer)"), keys(QKeySequence(Qt::Key_Up))},
                             {tr("Pick an emoji (in the composer)"), keys(QKeySequence(Qt::CTRL | Qt::Key_E))},
                             {tr("Jump to the latest message (in the timeline)"), keys(QKeySequence(Qt::Key_End))},
                             {tr("Menu of a message or member"), keys(QKeySequence(Qt::SHIFT | Qt::Key_F10))}},
                            this));
}

void MainWindow::showNotification(const QString &title, const QString &body, const QString &senderId,
                                  const QString &senderName, const QString &senderAvatar)
{
    // The sender's picture if it is here already (the room list or timeline showed it), else their
    // initials: a notification never waits for a download.
    QIcon icon;
    if (!senderId.isEmpty()) {
        constexpr int kSide = 64;
        icon = QIcon(QPixmap::fromImage(
            avatarImage(kSide, senderId, senderName, m_avatars->picture(senderAvatar, QSize(kSide, kSide)))));
    }
    m_tray->showMessage(title, body, icon);
    QApplication::alert(this); // the taskbar entry asks for attention
}

void MainWindow::restoreWindowGeometry()
{
    const QByteArray geometry = QSettings().value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
}

void MainWindow::saveWindowGeometry() const { QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry()); }

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowGeometry();
    QMainWindow::closeEvent(event);
}

} // namespace confab::ui
