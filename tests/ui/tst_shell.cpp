// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop shell against a real confab-server: rooms in sections with headers, presence dots
// and mention badges; the create, browse/join, direct message, add people and leave dialogs
// (checked on the server too); the presence menu and automatic away as another user sees them;
// notifications and the tray's unread count; themes; settings; translations; the demo's cache.
// With CONFAB_SHELL_SHOTS=<dir> it also saves pictures of the window, menus and dialogs.

#include "desktopclient.h"
#include "restclient.h"
#include "testserver.h"
#include "wsclient.h"

#include "client/account/session.h"
#include "client/models/membermodel.h"
#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/net/errortext.h"
#include "client/net/realtimeconnection.h"
#include "client/sync/chatengine.h"
#include "demo/demoserver.h"
#include "moderation/moderationcontroller.h"
#include "room/composer.h"
#include "room/invitedialog.h"
#include "room/leaveroomdialog.h"
#include "room/roomview.h"
#include "roomlist/browseroomsdialog.h"
#include "roomlist/createroomdialog.h"
#include "roomlist/directmessagedialog.h"
#include "roomlist/roomdelegate.h"
#include "roomlist/roomsectionmodel.h"
#include "settings/appsettings.h"
#include "settings/settingsdialog.h"
#include "settings/signoutconfirmation.h"
#include "shell/accountbutton.h"
#include "shell/autoaway.h"
#include "shell/demolauncher.h"
#include "shell/desktopshell.h"
#include "shell/mainwindow.h"
#include "shell/notifier.h"
#include "shell/statusmessagedialog.h"
#include "shell/thememanager.h"
#include "shell/translations.h"
#include "shell/trayicon.h"
#include "signin/keychainprompt.h"
#include "signin/signindialog.h"
#include "widgets/avatarpainter.h"
#include "widgets/statuslabel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;

namespace {
Message textMessage(const QString &content)
{
    Message m;
    m.content = content;
    return m;
}

const QString kPassword = QStringLiteral("correct horse");

// Row of the room in the window's list, or -1.
int rowOf(QListView *list, const QString &roomId)
{
    for (int i = 0; i < list->model()->rowCount(); ++i) {
        if (list->model()->index(i, 0).data(RoomListModel::RoomIdRole).toString() == roomId)
            return i;
    }
    return -1;
}

QString roomIdNamed(QListView *list, const QString &name)
{
    for (int i = 0; i < list->model()->rowCount(); ++i) {
        if (list->model()->index(i, 0).data(RoomListModel::NameRole).toString() == name)
            return list->model()->index(i, 0).data(RoomListModel::RoomIdRole).toString();
    }
    return {};
}

// The status alice has in the server's eyes, asked by someone else.
QString presenceOf(RestClient &asker, const QString &userId, QString *custom = nullptr)
{
    const RestReply r = asker.get(QStringLiteral("/v1/presence?userIds=") + userId);
    if (!r.ok())
        return {};
    const nlohmann::json list = r.data()["presence"];
    for (const auto &p : list) {
        if (qs(p["userId"]) == userId) {
            if (custom)
                *custom = qs(p["customStatus"]);
            return qs(p["status"]);
        }
    }
    return {};
}

bool memberOf(RestClient &asker, const QString &roomId, const QString &userId)
{
    const RestReply r = asker.get(QStringLiteral("/v1/chat/rooms/") + roomId + QStringLiteral("/members?limit=200"));
    if (!r.ok())
        return false;
    const nlohmann::json members = r.data()["members"];
    for (const auto &m : members) {
        if (qs(m["userId"]) == userId)
            return true;
    }
    return false;
}

// The rooms a user is in as the server lists them, and as a window's room list shows them
// (section headers left out), sorted by name. A direct room is named after the other person in
// the window, so both give "direct" for those.
QStringList joinedRoomNames(RestClient &rest)
{
    QStringList names;
    const RestReply r = rest.get(QStringLiteral("/v1/chat/rooms?joined=true&limit=100"));
    if (!r.ok())
        return {QStringLiteral("(server error)")};
    const nlohmann::json rooms = r.data()["rooms"];
    for (const auto &room : rooms)
        names << (qs(room["type"]) == QStringLiteral("direct") ? QStringLiteral("direct") : qs(room["name"]));
    names.sort();
    return names;
}

QStringList listedRoomNames(QListView *list)
{
    QStringList names;
    for (int i = 0; i < list->model()->rowCount(); ++i) {
        const QModelIndex index = list->model()->index(i, 0);
        if (index.data(RoomListModel::RoomIdRole).toString().isEmpty())
            continue;
        names << (index.data(RoomListModel::TypeRole).toString() == QStringLiteral("direct")
                      ? QStringLiteral("direct")
                      : index.data(RoomListModel::NameRole).toString());
    }
    names.sort();
    return names;
}

// Stands in for the program's demo server (app/demo): answers a moment later with what the test
// set, a server and token to sign in with, or why it failed.
struct FakeDemo : DemoLauncher {
    void start(QObject *context, Ready ready, Failed failed) override
    {
        ++starts;
        QMetaObject::invokeMethod(
            context, [this, ready, failed] { reason.isEmpty() ? ready(url, token) : failed(reason); },
            Qt::QueuedConnection);
    }
    QUrl url;
    QString token;
    QString reason;
    int starts = 0;
};

void typeInto(QWidget *w, const QString &text)
{
    w->setFocus();
    if (auto *edit = qobject_cast<QLineEdit *>(w))
        edit->clear();
    QTest::keyClicks(w, text);
}
} // namespace

class TestShell : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        prepareUiTest(QStringLiteral("test_ui_shell"));
        QSettings().clear();
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        m_systemWindowColor = QApplication::palette().color(QPalette::Window);
        QVERIFY(m_server.start(TestServer::relaxedArgs()));
        for (auto [client, name, display] : {std::tuple{&m_alice, "alice", "Alice"}, std::tuple{&m_bob, "bob", "Bob"},
                                             std::tuple{&m_carol, "carol", "Carol"}}) {
            *client = std::make_unique<RestClient>(m_server.httpUrl());
            const nlohmann::json user =
                (*client)->signUp(QString::fromLatin1(name), kPassword, QString::fromLatin1(display));
            QVERIFY(!user.is_null());
            m_ids[QString::fromLatin1(name)] = qs(user["userId"]);
        }
        m_bobLive = std::make_unique<WsClient>();
        QVERIFY(m_bobLive->open(m_server.wsUrl(m_bob->token())));
        const RestReply lobby = m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"name", "lobby"}, {"type", "public"}});
        QVERIFY(lobby.ok());
        m_lobby = qs(lobby.data()["roomId"]);
        QVERIFY(m_alice->post(QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/join")).ok());

        m_desk = std::make_unique<DesktopClient>(m_dir.filePath(QStringLiteral("client")));
        m_desk->openWindow().notifier().setGatherInterval(50);
        QVERIFY(m_desk->signIn(m_server.httpUrl(), QStringLiteral("alice"), kPassword));
        QVERIFY(m_desk->showActive());
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->window->roomList()->model()->rowCount(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->session->engine()->connection().state() == RealtimeConnection::State::Online,
                                 10000);
        shoot(QStringLiteral("start"));
    }

    void cleanupTestCase()
    {
        if (m_desk && m_desk->window && m_desk->window->currentDialog())
            delete m_desk->window->currentDialog();
        m_desk.reset();
        QSettings().clear();
    }

    // A test that failed half-way must not leave its dialog blocking the next one.
    void cleanup()
    {
        if (QDialog *d = m_desk && m_desk->window ? m_desk->window->currentDialog() : nullptr)
            delete d;
    }

    void userLookupEndpoint()
    {
        // The small server addition the direct-message and add-people dialogs use.
        const RestReply found = m_carol->get(QStringLiteral("/v1/users/by-username/ALICE"));
        QVERIFY2(found.ok(), found.raw.constData());
        QCOMPARE(qs(found.data()["userId"]), m_ids[QStringLiteral("alice")]);
        QCOMPARE(qs(found.data()["displayName"]), QStringLiteral("Alice"));
        const RestReply missing = m_carol->get(QStringLiteral("/v1/users/by-username/ghost"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), QStringLiteral("USER_NOT_FOUND"));
        QVERIFY(missing.raw.contains("there is no user called ghost"));
        RestClient anonymous(m_server.httpUrl());
        QCOMPARE(anonymous.get(QStringLiteral("/v1/users/by-username/alice")).status, 401);
    }

    void createRoomThroughTheDialog()
    {
        QVERIFY(activate());
        QTest::keyClick(m_desk->window.get(), Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(qobject_cast<CreateRoomDialog *>(m_desk->window->currentDialog()));
        QPointer<CreateRoomDialog> dialog = qobject_cast<CreateRoomDialog *>(m_desk->window->currentDialog());
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_VERIFY(dialog->nameField()->hasFocus());
        QCOMPARE(dialog->typeField()->count(), 4); // every type but direct, which has its own dialog

        // No name: said at once, focus on the name.
        QTest::keyClick(dialog->nameField(), Qt::Key_Return);
        QVERIFY(dialog->errorText().contains(QStringLiteral("name")));
        QVERIFY(dialog->isVisible());

        // An unknown person: the server's words, naming them.
        typeInto(dialog->nameField(), QStringLiteral("design"));
        dialog->setType(QStringLiteral("private"));
        typeInto(dialog->peopleField(), QStringLiteral("bob, ghost"));
        shoot(QStringLiteral("create-room"), dialog);
        QTest::keyClick(dialog->nameField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QStringLiteral("There is no user called ghost")), 10000);
        QVERIFY(dialog->peopleField()->hasFocus());
        shoot(QStringLiteral("create-room-error"), dialog);

        typeInto(dialog->peopleField(), QStringLiteral("@bob"));
        dialog->descriptionField()->setPlainText(QStringLiteral("Reviews of the new screens"));
        dialog->allowAnonymousField()->setChecked(true);
        QTest::keyClick(dialog->nameField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000); // closed once created

        // Listed, opened, and real on the server, with bob added and the settings applied.
        const QString id = roomIdNamed(m_desk->window->roomList(), QStringLiteral("design"));
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE(m_desk->window->currentRoomId(), id);
        // Ready to write in it: back in the window (offscreen, nothing activates it by itself),
        // what is typed goes to its composer.
        QVERIFY(activate());
        QTRY_VERIFY(m_desk->window->roomView()->composer()->hasFocus());
        const RestReply room = m_bob->get(QStringLiteral("/v1/chat/rooms/") + id);
        QVERIFY2(room.ok(), room.raw.constData());
        QCOMPARE(qs(room.data()["type"]), QStringLiteral("private"));
        QCOMPARE(qs(room.data()["description"]), QStringLiteral("Reviews of the new screens"));
        QCOMPARE(qs(room.data()["myRole"]), QStringLiteral("member"));
        QCOMPARE(room.data()["settings"]["allowAnonymous"].get<bool>(), true);
        QCOMPARE(room.data()["settings"]["slowModeSeconds"].get<int>(), 0);
        QVERIFY(memberOf(*m_bob, id, m_ids[QStringLiteral("alice")]));
        m_design = id;
    }

    void groupNeedsSomeone()
    {
        auto *dialog = qobject_cast<CreateRoomDialog *>(m_desk->window->openCreateRoomDialog());
        QVERIFY(dialog);
        typeInto(dialog->nameField(), QStringLiteral("solo"));
        dialog->setType(QStringLiteral("group"));
        QCOMPARE(dialog->maxMembersField()->maximum(), 50);
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        QVERIFY(dialog->errorText().contains(QStringLiteral("group")));
        dialog->reject();
        QTRY_VERIFY(!m_desk->window->currentDialog());
    }

    void browseAndJoinAPublicRoom()
    {
        const RestReply garden =
            m_carol->post(QStringLiteral("/v1/chat/rooms"),
                          {{"name", "gardening"}, {"type", "public"}, {"description", "Seeds and soil"}});
        QVERIFY(garden.ok());
        const QString id = qs(garden.data()["roomId"]);

        QVERIFY(activate());
        QTest::keyClick(m_desk->window.get(), Qt::Key_J, Qt::ControlModifier);
        QTRY_VERIFY(qobject_cast<BrowseRoomsDialog *>(m_desk->window->currentDialog()));
        QPointer<BrowseRoomsDialog> dialog = qobject_cast<BrowseRoomsDialog *>(m_desk->window->currentDialog());
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_VERIFY(dialog->searchField()->hasFocus());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSearching() && dialog->roomList()->topLevelItemCount() >= 2, 10000);
        shoot(QStringLiteral("browse-rooms"), dialog);

        QSignalSpy listed(dialog.data(), &BrowseRoomsDialog::listed);
        QTest::keyClicks(dialog->searchField(), QStringLiteral("soil")); // matches the description
        QVERIFY(listed.wait(10000));
        QCOMPARE(dialog->roomList()->topLevelItemCount(), 1);
        QTreeWidgetItem *item = dialog->roomList()->topLevelItem(0);
        QCOMPARE(item->text(0), QStringLiteral("gardening"));
        QCOMPARE(item->text(1), QStringLiteral("1")); // member count
        QCOMPARE(dialog->okButton()->text(), QStringLiteral("&Join"));
        QTest::keyClick(dialog->searchField(), Qt::Key_Down); // into the list
        QVERIFY(dialog->roomList()->hasFocus());
        QTest::keyClick(dialog->roomList(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);

        QVERIFY(rowOf(m_desk->window->roomList(), id) >= 0);
        QTRY_COMPARE(m_desk->window->currentRoomId(), id);
        QVERIFY(activate());
        QTRY_VERIFY(m_desk->window->roomView()->composer()->hasFocus());
        QVERIFY(memberOf(*m_carol, id, m_ids[QStringLiteral("alice")]));
        m_garden = id;

        // Browsing again shows it as joined, and the button opens it.
        auto *again = qobject_cast<BrowseRoomsDialog *>(m_desk->window->openBrowseRoomsDialog());
        QTRY_VERIFY_WITH_TIMEOUT(!again->isSearching() && again->selectRoom(id), 10000);
        QVERIFY(again->roomList()->currentItem()->text(0).contains(QStringLiteral("joined")));
        QCOMPARE(again->okButton()->text(), QStringLiteral("&Open"));
        again->reject();
    }

    void startADirectMessage()
    {
        QVERIFY(activate());
        QTest::keyClick(m_desk->window.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(qobject_cast<DirectMessageDialog *>(m_desk->window->currentDialog()));
        QPointer<DirectMessageDialog> dialog = qobject_cast<DirectMessageDialog *>(m_desk->window->currentDialog());
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_VERIFY(dialog->usernameField()->hasFocus());

        typeInto(dialog->usernameField(), QStringLiteral("alice"));
        QTest::keyClick(dialog->usernameField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QStringLiteral("That is you")), 10000);
        typeInto(dialog->usernameField(), QStringLiteral("nobody"));
        QTest::keyClick(dialog->usernameField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QStringLiteral("There is no user called nobody")), 10000);
        shoot(QStringLiteral("direct-message-error"), dialog);

        // Bob is online (m_bobLive), so his dot is green once the conversation is listed.
        typeInto(dialog->usernameField(), QStringLiteral("Bob"));
        QTest::keyClick(dialog->usernameField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);

        QListView *list = m_desk->window->roomList();
        QTRY_VERIFY(!m_desk->window->currentRoomId().isEmpty());
        m_direct = m_desk->window->currentRoomId();
        const int row = rowOf(list, m_direct);
        QVERIFY(row >= 0);
        const QModelIndex index = list->model()->index(row, 0);
        QCOMPARE(index.data(RoomListModel::TypeRole).toString(), QStringLiteral("direct"));
        QCOMPARE(index.data(RoomListModel::NameRole).toString(), QStringLiteral("Bob"));
        QCOMPARE(index.data(RoomSectionModel::SectionRole).toInt(), int(RoomSectionModel::DirectSection));
        QTRY_COMPARE_WITH_TIMEOUT(
            list->model()->index(rowOf(list, m_direct), 0).data(RoomListModel::PeerStatusRole).toString(),
            QStringLiteral("online"), 10000);
        // Real on the server: bob is in it.
        QVERIFY(memberOf(*m_bob, m_direct, m_ids[QStringLiteral("bob")]));
        QVERIFY(memberOf(*m_bob, m_direct, m_ids[QStringLiteral("alice")]));

        // Bob leaves the server: the dot follows (offline after the grace period is too long to
        // wait for; busy is announced at once).
        m_bobLive->send({{"type", "set_presence"}, {"status", "busy"}});
        QTRY_COMPARE_WITH_TIMEOUT(
            list->model()->index(rowOf(list, m_direct), 0).data(RoomListModel::PeerStatusRole).toString(),
            QStringLiteral("busy"), 10000);
    }

    void sectionsHaveHeaders()
    {
        QListView *list = m_desk->window->roomList();
        auto *model = list->model();
        QCOMPARE(model->rowCount(), 4); // lobby, design, gardening; the conversation with Bob
        // Rooms first, then direct messages; the first of each starts its section.
        QCOMPARE(model->index(0, 0).data(RoomSectionModel::SectionStartRole).toBool(), true);
        QCOMPARE(model->index(0, 0).data(RoomSectionModel::SectionTitleRole).toString(), QStringLiteral("Rooms"));
        QCOMPARE(model->index(1, 0).data(RoomSectionModel::SectionStartRole).toBool(), false);
        QCOMPARE(model->index(3, 0).data(RoomListModel::RoomIdRole).toString(), m_direct);
        QCOMPARE(model->index(3, 0).data(RoomSectionModel::SectionStartRole).toBool(), true);
        QCOMPARE(model->index(3, 0).data(RoomSectionModel::SectionTitleRole).toString(),
                 QStringLiteral("Direct messages"));
        QVERIFY(
            model->index(3, 0).data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("Direct messages")));
        // The header takes room above its first row only.
        QTRY_VERIFY(list->visualRect(model->index(3, 0)).height() > list->visualRect(model->index(2, 0)).height());
        QVERIFY(list->visualRect(model->index(0, 0)).height() > list->visualRect(model->index(1, 0)).height());

        // Alt+Up/Down cross the section boundary like any other row; arrow keys too.
        QVERIFY(m_desk->window->openRoom(m_garden));
        QVERIFY(activate());
        m_desk->window->roomList()->setFocus();
        const int gardenRow = rowOf(list, m_garden);
        for (int i = gardenRow; i < 3; ++i)
            QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
        QTRY_COMPARE(m_desk->window->currentRoomId(), m_direct);
        QTest::keyClick(list, Qt::Key_Up);
        QTRY_COMPARE(list->currentIndex().row(), 2);
        QTest::keyClick(list, Qt::Key_Down);
        QTRY_COMPARE(m_desk->window->currentRoomId(), m_direct);
        shoot(QStringLiteral("sections"));
    }

    void mentionBadgeIsApartFromUnread()
    {
        QVERIFY(m_desk->window->openRoom(m_direct));
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/messages"),
                           {{"content", "morning all"}})
                    .ok());
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/messages"),
                           {{"content", "@alice can you look at the draft?"}})
                    .ok());
        QListView *list = m_desk->window->roomList();
        QTRY_COMPARE_WITH_TIMEOUT(
            list->model()->index(rowOf(list, m_lobby), 0).data(RoomListModel::UnreadCountRole).toInt(), 2, 10000);
        const QModelIndex lobby = list->model()->index(rowOf(list, m_lobby), 0);
        QCOMPARE(lobby.data(RoomListModel::MentionCountRole).toInt(), 1);
        QCOMPARE(RoomDelegate::unreadBadgeText(lobby), QStringLiteral("2"));
        QCOMPARE(RoomDelegate::mentionBadgeText(lobby), QStringLiteral("@1"));
        QVERIFY(lobby.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("1 mention")));
        // Unread rooms are one key away.
        QVERIFY(activate());
        QTest::keyClick(m_desk->window.get(), Qt::Key_Down, Qt::AltModifier | Qt::ShiftModifier);
        QTRY_COMPARE(m_desk->window->currentRoomId(), m_lobby);
        QTRY_COMPARE(list->model()->index(rowOf(list, m_lobby), 0).data(RoomListModel::UnreadCountRole).toInt(), 0);
    }

    void addPeopleToARoom()
    {
        QVERIFY(m_desk->window->openRoom(m_design));
        QTRY_VERIFY(m_desk->window->inviteAction()->isEnabled());
        QVERIFY(activate());
        QTest::keyClick(m_desk->window.get(), Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(qobject_cast<InviteDialog *>(m_desk->window->currentDialog()));
        QPointer<InviteDialog> dialog = qobject_cast<InviteDialog *>(m_desk->window->currentDialog());
        QCOMPARE(dialog->roomId(), m_design);
        typeInto(dialog->usernameField(), QStringLiteral("carol"));
        QTest::keyClick(dialog->usernameField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->status()->text().contains(QStringLiteral("Carol (carol) was added")), 10000);
        QVERIFY(dialog->errorText().isEmpty());
        QVERIFY(dialog->usernameField()->text().isEmpty()); // ready for the next one
        QVERIFY(memberOf(*m_carol, m_design, m_ids[QStringLiteral("carol")]));
        shoot(QStringLiteral("add-people"), dialog);

        // Twice: CONFLICT covers many refusals; untranslated, the server's words say which.
        typeInto(dialog->usernameField(), QStringLiteral("carol"));
        QTest::keyClick(dialog->usernameField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->errorText(), QStringLiteral("Carol is already a member."), 10000);

        // A name no one can have is refused before asking the server (a space in it came back as
        // "No endpoint at /v1/users/by-username/…"), and the dialog grows to show the whole error.
        typeInto(dialog->usernameField(), QStringLiteral("d a link"));
        QTest::keyClick(dialog->usernameField(), Qt::Key_Return);
        QCOMPARE(dialog->errorText(), ErrorText::usernameRule());
        QVERIFY(dialog->usernameField()->hasFocus());
        QTRY_VERIFY(dialog->height() >= dialog->layout()->totalHeightForWidth(dialog->width()));
        dialog->reject();

        // Nobody can be added to a direct conversation: not offered.
        QVERIFY(m_desk->window->openRoom(m_direct));
        QTRY_VERIFY(!m_desk->window->inviteAction()->isEnabled());
        QVERIFY(!m_desk->window->openInviteDialog());
    }

    void leaveWithConfirmation()
    {
        QVERIFY(m_desk->window->openRoom(m_garden));
        QTRY_COMPARE(m_desk->window->currentRoomId(), m_garden);
        auto *dialog = qobject_cast<LeaveRoomDialog *>(m_desk->window->openLeaveRoomDialog());
        QVERIFY(dialog);
        QVERIFY(dialog->question().contains(QStringLiteral("gardening")));
        // Enter does not leave by accident: Cancel is the default.
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(!dialog->okButton()->isDefault());
        shoot(QStringLiteral("leave-room"), dialog);
        QPointer<LeaveRoomDialog> guard = dialog;
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!guard, 10000);
        QTRY_COMPARE(rowOf(m_desk->window->roomList(), m_garden), -1);
        QVERIFY(!m_desk->window->currentRoomId().isEmpty() && m_desk->window->currentRoomId() != m_garden);
        QVERIFY(!memberOf(*m_carol, m_garden, m_ids[QStringLiteral("alice")]));

        // The owner of a room with others must hand it over first: the server says so.
        QVERIFY(m_desk->window->openRoom(m_design));
        QTRY_COMPARE(m_desk->window->currentRoomId(), m_design);
        auto *owner = qobject_cast<LeaveRoomDialog *>(m_desk->window->openLeaveRoomDialog());
        QTest::mouseClick(owner->okButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(owner->errorText().contains(QStringLiteral("hand ownership to another member")),
                                 10000);
        QVERIFY(owner->isVisible());
        owner->reject();
        QVERIFY(rowOf(m_desk->window->roomList(), m_design) >= 0);
    }

    void membersShowMeOnline()
    {
        // The user sees themself online in their own member list (issue 12 saw "Offline"; not
        // reproduced here or in the demo), and Bob (connected all along) as the server says.
        QVERIFY(m_desk->window->openRoom(m_lobby));
        MemberModel *members = m_desk->window->roomView()->moderation()->members();
        QVERIFY(members);
        QTRY_VERIFY_WITH_TIMEOUT(members->isLoaded(), 10000);
        const QString me = m_ids[QStringLiteral("alice")], bob = m_ids[QStringLiteral("bob")];
        QTRY_COMPARE_WITH_TIMEOUT(members->index(members->rowOf(me)).data(MemberModel::StatusRole).toString(),
                                  QStringLiteral("online"), 10000);
        const QString bobsStatus = presenceOf(*m_alice, bob); // set by an earlier test
        QVERIFY(!bobsStatus.isEmpty() && bobsStatus != QLatin1String("offline"));
        QTRY_COMPARE_WITH_TIMEOUT(members->index(members->rowOf(bob)).data(MemberModel::StatusRole).toString(),
                                  bobsStatus, 10000);
    }

    void presenceMenuSetsMyStatus()
    {
        AccountButton *account = m_desk->window->accountButton();
        QVERIFY(account->menu());
        QVERIFY(!account->accessibleName().isEmpty());
        QTRY_COMPARE(toString(account->shownStatus()), QStringLiteral("online"));
        account->statusAction(PresenceStatus::Busy)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(presenceOf(*m_bob, m_ids[QStringLiteral("alice")]), QStringLiteral("busy"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(toString(account->shownStatus()), QStringLiteral("busy"), 10000);
        QVERIFY(account->text().contains(QStringLiteral("Busy")));

        // A status message with an emoji, through its dialog, by keyboard.
        account->customStatusAction()->trigger();
        StatusMessageDialog *ask = nullptr;
        QTRY_VERIFY((ask = m_desk->window->findChild<StatusMessageDialog *>()) != nullptr);
        const QPointer<StatusMessageDialog> first = ask; // watched from before it closes
        ask->emojiBox()->setCurrentIndex(ask->emojiBox()->findData(QStringLiteral("📅")));
        QTest::keyClicks(ask->textField(), QStringLiteral("in a meeting"));
        QTest::keyClick(ask->textField(), Qt::Key_Return);
        QString custom;
        QTRY_VERIFY_WITH_TIMEOUT(presenceOf(*m_bob, m_ids[QStringLiteral("alice")], &custom) ==
                                         QStringLiteral("busy") &&
                                     custom == QStringLiteral("📅 in a meeting"),
                                 10000);
        QTRY_VERIFY(account->text().contains(QStringLiteral("in a meeting")));
        QTRY_VERIFY(!first); // closed and gone
        // Opened again, the dialog shows the emoji and the text apart.
        account->customStatusAction()->trigger();
        QTRY_VERIFY((ask = m_desk->window->findChild<StatusMessageDialog *>()) != nullptr);
        QCOMPARE(ask->emojiBox()->currentData().toString(), QStringLiteral("📅"));
        QCOMPARE(ask->textField()->text(), QStringLiteral("in a meeting"));
        const QPointer<StatusMessageDialog> second = ask;
        ask->reject();
        QTRY_VERIFY(!second);
        // Bob's live connection hears it too.
        const nlohmann::json frame = m_bobLive->waitFor(
            [this](const nlohmann::json &f) {
                return f.value("type", std::string()) == "presence_update" &&
                       f.value("customStatus", std::string()) == "📅 in a meeting" &&
                       f.value("userId", std::string()) == m_ids[QStringLiteral("alice")].toStdString();
            },
            10000);
        QVERIFY(!frame.is_null());

        // Invisible: others see offline.
        account->statusAction(PresenceStatus::Offline)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(presenceOf(*m_bob, m_ids[QStringLiteral("alice")]), QStringLiteral("offline"), 10000);
        account->clearCustomStatusAction()->trigger();
        account->statusAction(PresenceStatus::Online)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            presenceOf(*m_bob, m_ids[QStringLiteral("alice")], &custom) == QStringLiteral("online") && custom.isEmpty(),
            10000);
        if (qEnvironmentVariableIsSet("CONFAB_SHELL_SHOTS")) {
            account->menu()->popup(account->mapToGlobal(QPoint(0, account->height())));
            QVERIFY(QTest::qWaitForWindowExposed(account->menu()));
            shoot(QStringLiteral("presence-menu"), account->menu());
            QTest::keyClick(account->menu(), Qt::Key_Escape);
            QTRY_VERIFY(!account->menu()->isVisible());
        }
    }

    void awayWhenIdle()
    {
        AutoAway &away = m_desk->window->autoAway();
        QCOMPARE(toString(away.chosenStatus()), QStringLiteral("online"));
        away.setIdleInterval(300); // the setting is in minutes; the clock is the same
        QTRY_VERIFY_WITH_TIMEOUT(away.isAutoAway(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(presenceOf(*m_bob, m_ids[QStringLiteral("alice")]), QStringLiteral("away"), 10000);
        QTRY_COMPARE(toString(m_desk->window->accountButton()->shownStatus()), QStringLiteral("away"));
        QCOMPARE(toString(away.chosenStatus()), QStringLiteral("online")); // what the user picked is unchanged

        // Any input: back to online.
        away.setIdleInterval(60 * 60 * 1000);
        QTest::mouseMove(m_desk->window->roomList()->viewport(), QPoint(10, 10));
        QTest::keyClick(m_desk->window->roomList(), Qt::Key_Shift);
        QTRY_VERIFY(!away.isAutoAway());
        QTRY_COMPARE_WITH_TIMEOUT(presenceOf(*m_bob, m_ids[QStringLiteral("alice")]), QStringLiteral("online"), 10000);

        // A chosen "busy" is not turned into away.
        away.choose(PresenceStatus::Busy, {});
        QTRY_COMPARE_WITH_TIMEOUT(presenceOf(*m_bob, m_ids[QStringLiteral("alice")]), QStringLiteral("busy"), 10000);
        QSignalSpy changes(&away, &AutoAway::autoAwayChanged);
        away.setIdleInterval(100);
        QTest::qWait(600);
        QCOMPARE(changes.count(), 0);
        QCOMPARE(presenceOf(*m_bob, m_ids[QStringLiteral("alice")]), QStringLiteral("busy"));
        away.setIdleInterval(60 * 60 * 1000);
        away.choose(PresenceStatus::Online, {});

        // The setting drives the clock.
        m_desk->window->settings().setAutoAwayMinutes(3);
        QCOMPARE(away.idleInterval(), 3 * 60 * 1000);
        m_desk->window->settings().setAutoAwayMinutes(0);
        QCOMPARE(away.idleInterval(), 0);
    }

    void notificationsAndTheTrayCount()
    {
        Notifier &notifier = m_desk->window->notifier();
        TrayIcon &tray = m_desk->window->tray();
        QSignalSpy notified(&notifier, &Notifier::notify);
        QVERIFY(m_desk->window->openRoom(m_lobby));
        QTRY_COMPARE(m_desk->window->currentRoomId(), m_lobby);
        QTRY_COMPARE(tray.unreadCount(), 0);
        QCOMPARE(tray.badgeText(), QString());
        const QImage plain = tray.icon().pixmap(32).toImage();

        // A direct message while another room is open: a notification, and the count on the icon.
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_direct + QStringLiteral("/messages"),
                           {{"content", "<b>lunch?</b>"}})
                    .ok());
        QVERIFY(notified.wait(10000));
        QCOMPARE(notified.last().at(0).toString(), QStringLiteral("Bob"));
        QCOMPARE(notified.last().at(1).toString(), QStringLiteral("&lt;b&gt;lunch?&lt;/b&gt;")); // never markup
        QCOMPARE(notified.last().at(2).toString(), m_direct);
        // With the sender's picture: Bob has none, so his initials on his colour.
        QCOMPARE(notified.last().at(3).toString(), m_ids[QStringLiteral("bob")]);
        QCOMPARE(tray.lastMessageIcon().pixmap(64).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied),
                 avatarImage(64, m_ids[QStringLiteral("bob")], QStringLiteral("Bob")));
        QTRY_COMPARE_WITH_TIMEOUT(tray.unreadCount(), 1, 10000);
        QCOMPARE(tray.badgeText(), QStringLiteral("1"));
        QVERIFY(tray.icon().pixmap(32).toImage() != plain);
        QCOMPARE(tray.icon().pixmap(32).toImage(), TrayIcon::renderIcon(QStringLiteral("1")).pixmap(32).toImage());

        // Plain chatter in a room that is not open: counted, not notified.
        QVERIFY(
            m_bob
                ->post(QStringLiteral("/v1/chat/rooms/") + m_design + QStringLiteral("/messages"), {{"content", "fyi"}})
                .ok());
        QTRY_COMPARE_WITH_TIMEOUT(tray.unreadCount(), 2, 10000);
        QTest::qWait(200);
        QCOMPARE(notified.count(), 1);
        // A mention there is notified, named after the room.
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_design + QStringLiteral("/messages"),
                           {{"content", "@Alice please review"}})
                    .ok());
        QVERIFY(notified.wait(10000));
        QCOMPARE(notified.last().at(0).toString(), QStringLiteral("Bob in design"));
        QTRY_COMPARE(tray.unreadCount(), 3);

        // In the open room of the active window: no notification.
        m_desk->window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_desk->window.get()));
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/messages"),
                           {{"content", "@alice you are here anyway"}})
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->window->roomView()->messageModel() &&
                                     m_desk->window->roomView()->messageModel()->rowCount() > 0,
                                 10000);
        // My own messages never notify, even in a direct conversation.
        QVERIFY(m_alice
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_direct + QStringLiteral("/messages"),
                           {{"content", "sure, 12:30"}})
                    .ok());
        QTest::qWait(300);
        QCOMPARE(notified.count(), 2);

        // Clicking the notification opens its room.
        QCOMPARE(notifier.lastRoomId(), m_design);
        QVERIFY(m_desk->window->openRoom(notifier.lastRoomId()));
        QTRY_COMPARE(m_desk->window->currentRoomId(), m_design);
        QTRY_COMPARE(tray.unreadCount(), 1); // the direct message is still unread

        // Switched off in the settings: nothing.
        m_desk->window->settings().setNotificationsEnabled(false);
        QVERIFY(!notifier.isEnabled());
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_direct + QStringLiteral("/messages"),
                           {{"content", "hello?"}})
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(tray.unreadCount(), 2, 10000);
        QTest::qWait(200);
        QCOMPARE(notified.count(), 2);
        m_desk->window->settings().setNotificationsEnabled(true);

        // Past 99 the badge says so.
        QCOMPARE(TrayIcon::badgeFor(150), QStringLiteral("99+"));
        QVERIFY(Notifier::concernsMe(textMessage(QStringLiteral("ping @alice.")), RoomType::Public,
                                     QStringLiteral("u_me"), QStringLiteral("alice")));
        QVERIFY(!Notifier::concernsMe(textMessage(QStringLiteral("ping @alicea")), RoomType::Public,
                                      QStringLiteral("u_me"), QStringLiteral("alice")));
        QVERIFY(!Notifier::concernsMe(textMessage(QStringLiteral("mail bob@alice.org")), RoomType::Public,
                                      QStringLiteral("u_me"), QStringLiteral("alice")));
    }

    void themesFollowTheSettings()
    {
        ThemeManager &theme = m_desk->window->theme();
        QSignalSpy changed(&theme, &ThemeManager::paletteChanged);
        m_desk->window->settings().setTheme(ThemeManager::Mode::Dark);
        QVERIFY(theme.isDark());
        QTRY_VERIFY(ThemeManager::isDark(m_desk->window->roomList()->palette()));
        QVERIFY(m_desk->window->roomList()->palette().color(QPalette::Base).lightness() < 60);
        QTRY_VERIFY(changed.count() > 0);
        QCOMPARE(changed.last().at(0).toBool(), true);
        shoot(QStringLiteral("dark"));
        if (qEnvironmentVariableIsSet("CONFAB_SHELL_SHOTS")) {
            for (QDialog *(MainWindow::*open)() : {&MainWindow::openCreateRoomDialog, &MainWindow::openSettingsDialog,
                                                   &MainWindow::openBrowseRoomsDialog}) {
                QDialog *d = (m_desk->window.get()->*open)();
                QVERIFY(QTest::qWaitForWindowExposed(d));
                QTest::qWait(300);
                shoot(QStringLiteral("dark-") +
                          QString::fromLatin1(d->metaObject()->className()).section(QLatin1Char(':'), -1),
                      d);
                d->reject();
            }
            QMenu *file = m_desk->window->menuBar()->actions().at(0)->menu();
            file->popup(m_desk->window->mapToGlobal(QPoint(0, m_desk->window->menuBar()->height())));
            QVERIFY(QTest::qWaitForWindowExposed(file));
            shoot(QStringLiteral("dark-file-menu"), file);
            QTest::keyClick(file, Qt::Key_Escape);
            QTRY_VERIFY(!file->isVisible());
        }

        m_desk->window->settings().setTheme(ThemeManager::Mode::Light);
        QVERIFY(!theme.isDark());
        QTRY_VERIFY(m_desk->window->roomList()->palette().color(QPalette::Base).lightness() > 200);
        // The menu shows the choice.
        QMenu *view = m_desk->window->menuBar()->actions().at(2)->menu();
        QMenu *themeMenu = view->actions().last()->menu();
        QVERIFY(themeMenu);
        QAction *dark = themeMenu->actions().at(2);
        QVERIFY(themeMenu->actions().at(1)->isChecked());
        dark->trigger();
        QCOMPARE(m_desk->window->settings().theme(), ThemeManager::Mode::Dark);
        QVERIFY(theme.isDark());

        // System gives the platform's palette back, and follows it when it changes.
        m_desk->window->settings().setTheme(ThemeManager::Mode::System);
        QCOMPARE(QApplication::palette().color(QPalette::Window), m_systemWindowColor);
        changed.clear();
        QApplication::setPalette(ThemeManager::darkPalette()); // as a dark desktop would
        QVERIFY(changed.wait(2000));
        QCOMPARE(changed.last().at(0).toBool(), true);
        QVERIFY(theme.isDark());
        QApplication::setPalette(QPalette());
        QVERIFY(!theme.isDark());
        // Persisted.
        QCOMPARE(AppSettings().theme(), ThemeManager::Mode::System);
    }

    void settingsDialog()
    {
        QVERIFY(activate());
        QTest::keyClick(m_desk->window.get(), Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(qobject_cast<SettingsDialog *>(m_desk->window->currentDialog()));
        auto *dialog = qobject_cast<SettingsDialog *>(m_desk->window->currentDialog());
        QCOMPARE(dialog->serverLabel()->text(), m_server.httpUrl().toString());
        shoot(QStringLiteral("settings"), dialog);
        dialog->notificationsField()->setChecked(false);
        QVERIFY(!AppSettings().notificationsEnabled());
        QVERIFY(!m_desk->window->notifier().isEnabled());
        dialog->notificationsField()->setChecked(true);
        dialog->autoAwayField()->setValue(7);
        QCOMPARE(AppSettings().autoAwayMinutes(), 7);
        QCOMPARE(m_desk->window->autoAway().idleInterval(), 7 * 60 * 1000);
        Composer *composer = m_desk->window->roomView()->composer();
        QCOMPARE(composer->sendKey(), Composer::SendKey::Enter);
        dialog->ctrlEnterField()->setChecked(true);
        QVERIFY(AppSettings().sendWithCtrlEnter());
        QCOMPARE(composer->sendKey(), Composer::SendKey::CtrlEnter);
        dialog->ctrlEnterField()->setChecked(false);
        QCOMPARE(composer->sendKey(), Composer::SendKey::Enter);
        dialog->themeField()->setCurrentIndex(dialog->themeField()->findData(int(ThemeManager::Mode::Dark)));
        QVERIFY(m_desk->window->theme().isDark());
        dialog->themeField()->setCurrentIndex(dialog->themeField()->findData(int(ThemeManager::Mode::System)));
        QVERIFY(!m_desk->window->theme().isDark());
        // Every control is named for assistive technology.
        for (QWidget *w : dialog->findChildren<QWidget *>()) {
            const bool part =
                qobject_cast<QAbstractSpinBox *>(w->parentWidget()) || qobject_cast<QComboBox *>(w->parentWidget());
            if (w->focusPolicy() != Qt::NoFocus && w->isVisibleTo(dialog) && !part)
                QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
        }
        dialog->reject();
    }

    void enterInSettingsNeverSignsOut()
    {
        QVERIFY(activate());
        QTest::keyClick(m_desk->window.get(), Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(qobject_cast<SettingsDialog *>(m_desk->window->currentDialog()));
        QPointer<SettingsDialog> dialog = qobject_cast<SettingsDialog *>(m_desk->window->currentDialog());
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QVERIFY(!dialog->signOutButton()->isDefault());
        QVERIFY(!dialog->signOutButton()->autoDefault());
        // Enter where focus is closes the settings; it signs nobody out.
        QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->window() == dialog);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(!dialog);
        QCOMPARE(m_desk->session->state(), Session::State::SignedIn);

        // Tab to "Sign out" and press it: a question comes first, and Enter there is Cancel.
        QVERIFY(activate());
        QTest::keyClick(m_desk->window.get(), Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(qobject_cast<SettingsDialog *>(m_desk->window->currentDialog()));
        dialog = qobject_cast<SettingsDialog *>(m_desk->window->currentDialog());
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->window() == dialog);
        for (int i = 0; i < 20 && QApplication::focusWidget() != dialog->signOutButton(); ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog->signOutButton());
        QTest::keyClick(dialog->signOutButton(), Qt::Key_Space);
        QTRY_VERIFY(dialog->signOutConfirmation() && dialog->signOutConfirmation()->isVisible());
        QPointer<SignOutConfirmation> confirmation = dialog->signOutConfirmation();
        QVERIFY(QTest::qWaitForWindowActive(confirmation));
        shoot(QStringLiteral("sign-out-confirmation"), confirmation);
        QVERIFY(confirmation->defaultButton() != confirmation->signOutButton());
        QCOMPARE(confirmation->buttonRole(confirmation->defaultButton()), QMessageBox::RejectRole);
        QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->window() == confirmation);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(!confirmation);
        QCOMPARE(m_desk->session->state(), Session::State::SignedIn);
        QVERIFY(dialog);
        dialog->reject();
    }

    void sendKeyEnterOrCtrlEnter()
    {
        Composer composer;
        composer.show();
        QSignalSpy sent(&composer, &Composer::submitted);
        // Default: Enter sends, Shift+Enter breaks the line.
        QVERIFY(composer.placeholderText().contains(QStringLiteral("Shift+Enter")));
        QTest::keyClicks(&composer, QStringLiteral("one"));
        QTest::keyClick(&composer, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(&composer, QStringLiteral("two"));
        QCOMPARE(sent.count(), 0);
        QTest::keyClick(&composer, Qt::Key_Return);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.takeFirst().at(0).toString(), QStringLiteral("one\ntwo"));
        // Ctrl+Enter mode: Enter breaks the line, Ctrl+Enter sends (keypad Enter too).
        composer.setSendKey(Composer::SendKey::CtrlEnter);
        QVERIFY(composer.sendHint().contains(QStringLiteral("Ctrl+Enter")));
        QTest::keyClicks(&composer, QStringLiteral("three"));
        QTest::keyClick(&composer, Qt::Key_Return);
        QTest::keyClicks(&composer, QStringLiteral("four"));
        QCOMPARE(sent.count(), 0);
        QCOMPARE(composer.toPlainText(), QStringLiteral("three\nfour"));
        QTest::keyClick(&composer, Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.takeFirst().at(0).toString(), QStringLiteral("three\nfour"));
        // Editing names the key that saves.
        composer.startEdit(QStringLiteral("m1"), QStringLiteral("old"));
        QVERIFY(composer.modeText().contains(QStringLiteral("Ctrl+Enter")));
        composer.setSendKey(Composer::SendKey::Enter);
        QVERIFY(!composer.modeText().contains(QStringLiteral("Ctrl+Enter")));
    }

    void everyCommandHasAShortcutOrAMenu()
    {
        QStringList menus;
        for (QAction *a : m_desk->window->menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Room"), QStringLiteral("&View"),
                                     QStringLiteral("&Help")}));
        QVERIFY(m_desk->window->roomMenu()->actions().contains(m_desk->window->roomMenuSeparator()));
        QCOMPARE(m_desk->window->newButton()->menu()->actions().size(), 3);
        QVERIFY(!m_desk->window->newButton()->accessibleName().isEmpty());
        QVERIFY(activate());
        QTest::keyClick(m_desk->window.get(), Qt::Key_F1);
        QTRY_VERIFY(m_desk->window->currentDialog());
        auto *list = m_desk->window->currentDialog()->findChild<QTreeWidget *>();
        QVERIFY(list);
        QStringList rows;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            rows << list->topLevelItem(i)->text(0);
        QVERIFY2(rows.contains(QStringLiteral("Next unread room")), qPrintable(rows.join(QLatin1Char('|'))));
        QVERIFY(rows.contains(QStringLiteral("Next room")));
        m_desk->window->currentDialog()->reject();
    }

    void translationsLoad()
    {
#ifndef CONFAB_HAS_TRANSLATIONS
        QSKIP("built without Qt's Linguist tools: no translations");
#else
        QVERIFY(installTranslations(QLocale(QLocale::Spanish, QLocale::Spain)));
        {
            MainWindow spanish(*m_desk->session);
            QCOMPARE(spanish.menuBar()->actions().at(0)->text(), QStringLiteral("&Archivo"));
            QCOMPARE(spanish.newRoomAction()->text(), QStringLiteral("&Nueva sala…"));
            QCOMPARE(spanish.roomFilter()->placeholderText(), QStringLiteral("Filtrar salas (Control+K)"));
            if (qEnvironmentVariableIsSet("CONFAB_SHELL_SHOTS")) {
                spanish.show();
                QVERIFY(QTest::qWaitForWindowExposed(&spanish));
                QTest::qWait(300);
                shoot(QStringLiteral("es-main"), &spanish);
                QDialog *d = spanish.openCreateRoomDialog();
                QVERIFY(QTest::qWaitForWindowExposed(d));
                shoot(QStringLiteral("es-create-room"), d);
                d->reject();
                d = spanish.openSettingsDialog();
                QVERIFY(QTest::qWaitForWindowExposed(d));
                shoot(QStringLiteral("es-settings"), d);
                d->reject();
            }
        }
        QVERIFY(installTranslations(QLocale(QLocale::French, QLocale::France)));
        {
            MainWindow french(*m_desk->session);
            QCOMPARE(french.menuBar()->actions().at(0)->text(), QStringLiteral("&Fichier"));
            if (qEnvironmentVariableIsSet("CONFAB_SHELL_SHOTS")) {
                french.show();
                QVERIFY(QTest::qWaitForWindowExposed(&french));
                QDialog *d = french.openCreateRoomDialog();
                QVERIFY(QTest::qWaitForWindowExposed(d));
                shoot(QStringLiteral("fr-create-room"), d);
                d->reject();
                d = french.openLeaveRoomDialog();
                if (d) {
                    QVERIFY(QTest::qWaitForWindowExposed(d));
                    shoot(QStringLiteral("fr-leave-room"), d);
                    d->reject();
                }
            }
        }
        // English: the source strings, with proper plural forms; a language without a
        // translation gets the same.
        for (const QLocale &locale : {QLocale(QLocale::Japanese), QLocale(QLocale::English, QLocale::UnitedStates)}) {
            QCOMPARE(installTranslations(locale), locale.language() == QLocale::English);
            MainWindow english(*m_desk->session);
            QCOMPARE(english.menuBar()->actions().at(0)->text(), QStringLiteral("&File"));
            QCOMPARE(RoomSectionModel::tr("%n mention(s)", nullptr, 1), QStringLiteral("1 mention"));
            QCOMPARE(RoomSectionModel::tr("%n mention(s)", nullptr, 3), QStringLiteral("3 mentions"));
        }
#endif
    }

    void demoCacheIsOneFile()
    {
        // The demo server gets a new port on every run; its cache must not pile up one file per
        // run. Two runs of the real demo on one data directory, each signed in as the app does.
        QTemporaryDir dir;
        Session::Config config;
        config.dataDir = dir.filePath(QStringLiteral("client"));
        config.useKeychain = false;
        QStringList paths;
        for (int run = 0; run < 2; ++run) {
            demo::DemoServer server(demo::DemoServer::Options{dir.filePath(QStringLiteral("demo")), 20.0});
            QSignalSpy ready(&server, &demo::DemoServer::ready);
            server.start();
            QVERIFY(ready.wait(60000));
            {
                Session session(config);
                QSignalSpy signedIn(&session, &Session::signedIn);
                session.adoptToken(ready.at(0).at(0).toUrl(), ready.at(0).at(1).toString(), QStringLiteral("demo"));
                QVERIFY(signedIn.wait(20000));
                paths << session.storePath();
            }
            server.stop();
        }
        QCOMPARE(paths.at(1), paths.at(0));
        QCOMPARE(QDir(config.dataDir).entryList({QStringLiteral("cache-*.sqlite")}).size(), 1);
    }

    void noKeychainSaysSoAndOffersAFile()
    {
        // No keychain answers here (DBUS_SESSION_BUS_ADDRESS points nowhere). The desktop app says
        // so and, with the user's consent, keeps the sign-in in a file, as the CLI's --token-file.
        QTemporaryDir data;
        KeychainPrompt::setConsentedTokenFile({});
        QString tokenFile;
        {
            Session::Config config;
            config.dataDir = data.path();
            config.tokenFile = KeychainPrompt::consentedTokenFile();
            QVERIFY(config.tokenFile.isEmpty());
            Session session(config);
            MainWindow window(session);
            window.show();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            QSignalSpy signedIn(&session, &Session::signedIn);
            session.signIn(m_server.httpUrl(), QStringLiteral("carol"), kPassword);
            QVERIFY(signedIn.wait(20000));
            QTRY_VERIFY_WITH_TIMEOUT(
                window.keychainPrompt().question() && window.keychainPrompt().question()->isVisible(), 20000);
            QPointer<QMessageBox> question = window.keychainPrompt().question();
            QVERIFY(question->text().contains(QStringLiteral("keychain")));
            QVERIFY(question->informativeText().contains(session.defaultTokenFile()));
            QCOMPARE(question->buttonRole(question->defaultButton()),
                     QMessageBox::RejectRole); // never consent by Enter
            QVERIFY(QTest::qWaitForWindowActive(question));
            shoot(QStringLiteral("no-keychain"), question);
            // By keyboard: Tab to "Keep me signed in", Space.
            QAbstractButton *keep = nullptr;
            for (QAbstractButton *b : question->buttons()) {
                if (question->buttonRole(b) == QMessageBox::AcceptRole)
                    keep = b;
            }
            QVERIFY(keep);
            QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->window() == question);
            for (int i = 0; i < 10 && QApplication::focusWidget() != keep; ++i)
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), keep);
            QTest::keyClick(keep, Qt::Key_Space);
            QTRY_VERIFY(!question);
            tokenFile = session.defaultTokenFile();
            QTRY_VERIFY(QFile::exists(tokenFile));
            QCOMPARE(QFile(tokenFile).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
            QFile file(tokenFile);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(file.readAll().contains(m_ids[QStringLiteral("carol")].toUtf8()));
            QCOMPARE(KeychainPrompt::consentedTokenFile(), tokenFile);
        }
        // The next start: signed in again from the file, no password asked.
        Session::Config config;
        config.dataDir = data.path();
        config.tokenFile = KeychainPrompt::consentedTokenFile();
        Session session(config);
        QSignalSpy signedIn(&session, &Session::signedIn);
        session.restore();
        QVERIFY(signedIn.wait(20000));
        QCOMPARE(session.me().username, QStringLiteral("carol"));
        KeychainPrompt::setConsentedTokenFile({});
    }

    void signOutAndInAsSomeoneElse()
    {
        // The program's lifecycle as main() runs it (DesktopShell, started): the sign-in form,
        // the window once signed in, and after Sign out (confirmed) the form again, for someone
        // else this time; the window then lists that person's rooms, not the first one's.
        DesktopShell::Options options;
        options.server = m_server.httpUrl().toString();
        DesktopClient desk(m_dir.filePath(QStringLiteral("shell")), options);
        QSignalSpy quit(desk.shell.get(), &DesktopShell::quitRequested);
        desk.shell->start(DesktopShell::Start::SignIn);
        QPointer<MainWindow> window = desk.shell->window();
        QVERIFY(window);
        QVERIFY(!window->isVisible());
        QStringList previous;
        for (const auto &[name, rest] :
             {std::pair{QStringLiteral("bob"), m_bob.get()}, std::pair{QStringLiteral("carol"), m_carol.get()}}) {
            QPointer<SignInDialog> form = desk.shell->signInDialog();
            QVERIFY(form);
            QTRY_VERIFY(form->isVisible());
            QCOMPARE(form->serverField()->text(), m_server.httpUrl().toString());
            QVERIFY(form->demoButton()->isHidden()); // no demo launcher given
            typeInto(form->usernameField(), name);
            typeInto(form->passwordField(), kPassword);
            shoot(QStringLiteral("shell-sign-in-") + name, form);
            QTest::mouseClick(form->signInButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(window->isVisible(), 20000);
            QTRY_VERIFY(!form || !form->isVisible());
            QCOMPARE(desk.session->me().username, name);

            const QStringList rooms = joinedRoomNames(*rest);
            QVERIFY(!rooms.isEmpty());
            QVERIFY(rooms != previous); // else the check below would not tell the two apart
            QTRY_COMPARE_WITH_TIMEOUT(listedRoomNames(window->roomList()), rooms, 10000);
            shoot(QStringLiteral("shell-signed-in-") + name, window);
            previous = rooms;

            QVERIFY(window->signOutAction()->isEnabled());
            window->signOutAction()->trigger();
            QPointer<SignOutConfirmation> confirmation = window->findChild<SignOutConfirmation *>();
            QVERIFY(confirmation);
            QTRY_VERIFY(confirmation->isVisible());
            QVERIFY(window->isVisible()); // nothing happens until confirmed
            QTest::mouseClick(confirmation->signOutButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 10000);
            QCOMPARE(desk.session->state(), Session::State::SignedOut);
            QCOMPARE(window->roomList()->model()->rowCount(), 0);
            QVERIFY(desk.shell->signInDialog());
            QTRY_VERIFY(desk.shell->signInDialog()->isVisible());
        }
        QCOMPARE(previous, joinedRoomNames(*m_carol));
        QVERIFY(!previous.contains(QStringLiteral("lobby"))); // bob's, not carol's
        QCOMPARE(quit.count(), 0);
        // Closing the form with nobody signed in is the program's end.
        desk.shell->signInDialog()->reject();
        QCOMPARE(quit.count(), 1);
    }

    void demoButtonGoesThroughTheLauncher()
    {
        // The form's demo button starts the demo the program gave the shell; a failure shows in
        // the form, a server that is ready is signed in to, with the cache named "demo".
        FakeDemo demo;
        demo.reason = QStringLiteral("no free port");
        DesktopShell::Options options;
        options.demo = &demo;
        DesktopClient desk(m_dir.filePath(QStringLiteral("shell-demo")), options);
        desk.shell->start(DesktopShell::Start::SignIn);
        QPointer<SignInDialog> form = desk.shell->signInDialog();
        QVERIFY(form);
        QTRY_VERIFY(form->isVisible());
        QVERIFY(!form->demoButton()->isHidden());
        QTest::mouseClick(form->demoButton(), Qt::LeftButton);
        QTRY_VERIFY(form->errorText().contains(QStringLiteral("The demo could not start: no free port")));
        QCOMPARE(demo.starts, 1);

        RestClient dora(m_server.httpUrl());
        const nlohmann::json user = dora.signUp(QStringLiteral("dora"), kPassword, QStringLiteral("Dora"));
        QVERIFY(!user.is_null());
        demo.reason.clear();
        demo.url = m_server.httpUrl();
        demo.token = dora.token();
        QTest::mouseClick(form->demoButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(desk.shell->window()->isVisible(), 20000);
        QCOMPARE(demo.starts, 2);
        QCOMPARE(desk.session->me().username, QStringLiteral("dora"));
        const QByteArray key = QStringLiteral("demo#%1").arg(qs(user["userId"])).toUtf8();
        QVERIFY(desk.session->storePath().contains(
            QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16))));
    }

    void signOutClosesDialogs()
    {
        QPointer<QDialog> dialog = m_desk->window->openCreateRoomDialog();
        QVERIFY(dialog);
        m_desk->session->signOut();
        QVERIFY(!dialog);
        QCOMPARE(m_desk->window->roomList()->model()->rowCount(), 0);
        QVERIFY(!m_desk->window->newRoomAction()->isEnabled());
        QVERIFY(!m_desk->window->openCreateRoomDialog());
        QCOMPARE(m_desk->window->accountButton()->text(), QStringLiteral("Signed out"));
    }

private:
    // Shortcuts reach the active window only; a dialog that just closed may have taken that away.
    bool activate()
    {
        m_desk->window->activateWindow();
        return QTest::qWaitForWindowActive(m_desk->window.get());
    }

    // With CONFAB_SHELL_SHOTS=<dir>: a picture of the widget (the window by default) to look at.
    void shoot(const QString &name, QWidget *widget = nullptr)
    {
        const QString dir = qEnvironmentVariable("CONFAB_SHELL_SHOTS");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QTest::qWait(100);
        QWidget *w = widget ? widget : m_desk->window.get();
        QVERIFY(w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<RestClient> m_alice; // the window's account, for setup and checks
    std::unique_ptr<RestClient> m_bob;
    std::unique_ptr<RestClient> m_carol;
    std::unique_ptr<WsClient> m_bobLive;
    QHash<QString, QString> m_ids;
    QString m_lobby, m_design, m_garden, m_direct;
    QColor m_systemWindowColor;
    std::unique_ptr<DesktopClient> m_desk; // alice's
};

QTEST_MAIN(TestShell)
#include "tst_shell.moc"
