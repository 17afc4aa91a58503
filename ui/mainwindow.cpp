#include "mainwindow.h"

#include "connectionbanner.h"
#include "roomdelegate.h"
#include "roomview.h"
#include "timelineview.h"
#include "composer.h"

#include "client/chatengine.h"
#include "client/realtimeconnection.h"
#include "client/roomlistmodel.h"
#include "client/session.h"

#include <QCloseEvent>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QVBoxLayout>

namespace confab::ui {

using client::RoomListModel;

MainWindow::MainWindow(client::Session &session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_filter(new QLineEdit), m_rooms(new QListView),
      m_roomFilterModel(new QSortFilterProxyModel(this)), m_roomView(new RoomView), m_banner(new ConnectionBanner)
{
    setWindowTitle(tr("Confab"));

    m_filter->setAccessibleName(tr("Filter rooms"));
    m_filter->setPlaceholderText(tr("Filter rooms (Ctrl+K)"));
    m_filter->setClearButtonEnabled(true);
    m_roomFilterModel->setFilterRole(RoomListModel::NameRole);
    m_roomFilterModel->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_roomFilterModel, &QSortFilterProxyModel::setFilterFixedString);

    m_rooms->setAccessibleName(tr("Rooms"));
    m_rooms->setModel(m_roomFilterModel);
    m_rooms->setItemDelegate(new RoomDelegate(m_rooms));
    m_rooms->setUniformItemSizes(true);
    m_rooms->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rooms->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rooms->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_rooms->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::openCurrentRoom);
    // Rows come and go under the filter: keep a room open when there is one to show.
    connect(m_roomFilterModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::selectFirstRoomIfNone);
    connect(m_roomFilterModel, &QAbstractItemModel::modelReset, this, &MainWindow::selectFirstRoomIfNone);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 0, 8);
    leftLayout->setSpacing(6);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_rooms, 1);

    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(m_roomView);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({280, 720});
    splitter->setChildrenCollapsible(false);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    setTabOrder(m_filter, m_rooms);
    setTabOrder(m_rooms, m_roomView->timeline());
    setTabOrder(m_roomView->timeline(), m_roomView->composer());

    auto *find = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_K), this);
    connect(find, &QShortcut::activated, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    auto *up = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Up), this);
    connect(up, &QShortcut::activated, this, [this] { moveRoom(-1); });
    auto *down = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Down), this);
    connect(down, &QShortcut::activated, this, [this] { moveRoom(1); });
    auto *clearFilter = new QShortcut(QKeySequence(Qt::Key_Escape), m_filter, nullptr, nullptr, Qt::WidgetShortcut);
    connect(clearFilter, &QShortcut::activated, m_filter, &QLineEdit::clear);

    connect(&m_session, &client::Session::signedIn, this, &MainWindow::attach);
    connect(&m_session, &client::Session::aboutToSignOut, this, &MainWindow::detach);
    if (m_session.engine())
        attach(m_session.engine());
    resize(1000, 680);
}

MainWindow::~MainWindow() { detach(); }

void MainWindow::attach(client::ChatEngine *engine)
{
    detach();
    m_engine = engine;
    m_banner->setConnection(&engine->connection());
    m_roomFilterModel->setSourceModel(&engine->rooms());
    selectFirstRoomIfNone();
}

void MainWindow::detach()
{
    // Per-room models refer to the engine's store and sync: they go first.
    m_roomView->clear();
    m_banner->setConnection(nullptr);
    m_roomFilterModel->setSourceModel(nullptr);
    m_engine = nullptr;
}

QString MainWindow::currentRoomId() const { return m_roomView->roomId(); }

void MainWindow::selectFirstRoomIfNone()
{
    if (!m_rooms->currentIndex().isValid() && m_roomFilterModel->rowCount() > 0)
        m_rooms->setCurrentIndex(m_roomFilterModel->index(0, 0));
}

void MainWindow::moveRoom(int delta)
{
    const int rows = m_roomFilterModel->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_rooms->currentIndex();
    const int row = current.isValid() ? qBound(0, current.row() + delta, rows - 1) : 0;
    m_rooms->setCurrentIndex(m_roomFilterModel->index(row, 0));
}

void MainWindow::openCurrentRoom()
{
    const QModelIndex index = m_rooms->currentIndex();
    if (!m_engine || !index.isValid())
        return;
    const QString roomId = index.data(RoomListModel::RoomIdRole).toString();
    m_engine->rooms().setActiveRoom(roomId);
    m_roomView->openRoom(m_engine, roomId, index.data(RoomListModel::NameRole).toString(),
                         index.data(RoomListModel::DescriptionRole).toString());
    setWindowTitle(tr("%1 — Confab").arg(index.data(RoomListModel::NameRole).toString()));
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
