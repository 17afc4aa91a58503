// SPDX-License-Identifier: GPL-3.0-or-later
// Moderation in the desktop client against a real confab-server: for each role (owner, admin,
// moderator, member, and a server admin) the member menu, room settings and moderation panel
// offer exactly what core's permission table allows; a mute from the menu shows in the target's
// own window and the server refuses their posts; kick and ban from the menu reach the target's
// window with the reason and take the room away; unban from the moderation panel; the audit log
// shows it all; slow mode counts down after a send; an announcement room is read-only for a
// member; ownership handed over and a room deleted, each after a confirmation. Screenshots
// (light and dark) go to $CONFAB_MODERATION_SHOTS when set.

#include "desktopclient.h"
#include "restclient.h"
#include "testserver.h"

#include "client/account/session.h"
#include "client/models/auditlogmodel.h"
#include "client/models/banlistmodel.h"
#include "client/models/membermodel.h"
#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/room/moderationactions.h"
#include "client/room/moderationpolicy.h"
#include "client/room/postingstate.h"
#include "client/room/roomstanding.h"
#include "client/sync/chatengine.h"
#include "core/permissions.h"
#include "members/membermenu.h"
#include "members/memberpanel.h"
#include "members/profilecard.h"
#include "moderation/moderationcontroller.h"
#include "moderation/moderationdialogs.h"
#include "moderation/moderationflow.h"
#include "moderation/moderationpanel.h"
#include "room/composer.h"
#include "room/postingnotice.h"
#include "room/removalnotice.h"
#include "room/roomsettingsdialog.h"
#include "room/roomview.h"
#include "shell/mainwindow.h"
#include "widgets/emptyhint.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

#include <map>
#include <memory>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;

namespace {
const QString kPassword = QStringLiteral("correct horse");

// One desktop client with its window shown, at the size of the screenshots.
struct Desktop : DesktopClient {
    Desktop()
    {
        openWindow().resize(1200, 760);
        window->show();
    }
    ModerationController *moderation() const { return window->roomView()->moderation(); }
};

// What core's table (and the server's rules about oneself) allow `actor` against `target`: the
// keys MemberMenu gives its enabled actions. Written from permissions.h here, apart from the
// client's ModerationPolicy, so that the two are checked against each other.
QSet<QString> allowedKeys(const Actor &actor, bool self, const Member &target)
{
    QSet<QString> keys{QStringLiteral("profile")};
    const bool mayActOnSelf = actor.serverAdmin; // only server admins change their own role or mute
    for (Role role : {Role::Admin, Role::Moderator, Role::Member}) {
        if (role != target.role && (!self || mayActOnSelf) &&
            roleChangeDenialReason(actor, target.role, role).isEmpty())
            keys << QStringLiteral("role:") + toString(role);
    }
    if (target.role != Role::Owner && (!self || mayActOnSelf) &&
        isAllowed(actor, Action::TransferOwnership, target.role))
        keys << QStringLiteral("transfer");
    if ((!self || mayActOnSelf) && isAllowed(actor, Action::MuteMember, target.role)) {
        if (target.isMuted)
            keys << QStringLiteral("unmute");
        else
            for (const char *s : {"300", "3600", "86400", "0"})
                keys << QStringLiteral("mute:") + QLatin1String(s);
    }
    if (!self && isAllowed(actor, Action::KickMember, target.role))
        keys << QStringLiteral("kick");
    if (!self && isAllowed(actor, Action::BanMember, target.role))
        keys << QStringLiteral("ban");
    if (!self)
        keys << QStringLiteral("message"); // anyone may write to anyone else
    return keys;
}
} // namespace

class TestModeration : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void eachRoleIsOfferedExactlyWhatItMayDo_data();
    void eachRoleIsOfferedExactlyWhatItMayDo();
    void keyboardOpensTheMemberMenu();
    void muteShowsInTheTargetsWindow();
    void kickTellsTheTargetWhy();
    void banTellsTheTargetAndKeepsThemOut();
    void screenshots();
    void unmuteFromTheMenu();
    void unbanFromTheModerationPanel();
    void auditLogShowsTheActions();
    void slowModeCountsDownAfterASend();
    void announcementRoomIsReadOnlyForAMember();
    void roleChangeAndOwnershipHandover();
    void roomDeletionAfterConfirmation();

private:
    bool signIn(Desktop &desk, const QString &username);
    bool openRoom(Desktop &desk, const QString &roomId);
    bool waitForMembers(Desktop &desk, int count);
    MemberMenu *menuFor(Desktop &desk, const QString &userId);
    QModelIndex bannedRow(const QString &userId) const;
    RestClient &rest(const QString &username) { return *m_rest.at(username); }
    QString id(const QString &username) const { return m_ids.value(username); }
    void shoot(QWidget *widget, const QString &name);

    TestServer m_server;
    QTemporaryDir m_dir;
    std::map<QString, std::unique_ptr<RestClient>> m_rest;
    QHash<QString, QString> m_ids;
    QString m_lobby;
    std::unique_ptr<Desktop> m_actor;  // the one who moderates
    std::unique_ptr<Desktop> m_target; // the one moderated
};

void TestModeration::initTestCase()
{
    prepareUiTest(QStringLiteral("test_ui_moderation"));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QVERIFY(m_server.start(TestServer::relaxedArgs()));
    // Sam is a server admin, made by the admin command, and a plain member of the room.
    QByteArray out;
    QCOMPARE(m_server.runCommand({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("sam"),
                                  QStringLiteral("--admin"), QStringLiteral("--display-name"), QStringLiteral("Sam"),
                                  QStringLiteral("--password"), kPassword},
                                 &out),
             0);
    const QStringList people{QStringLiteral("olivia"), QStringLiteral("adam"), QStringLiteral("mona"),
                             QStringLiteral("mel"),    QStringLiteral("sam"),  QStringLiteral("tom"),
                             QStringLiteral("kim"),    QStringLiteral("bea")};
    for (const QString &name : people) {
        auto client = std::make_unique<RestClient>(m_server.httpUrl());
        QString display = name;
        display[0] = display[0].toUpper();
        const nlohmann::json user = client->signUp(name, kPassword, display);
        QVERIFY2(!user.is_null(), qPrintable(name));
        m_ids.insert(name, qs(user["userId"]));
        m_rest[name] = std::move(client);
    }
    const RestReply room = rest(QStringLiteral("olivia"))
                               .post(QStringLiteral("/v1/chat/rooms"),
                                     {{"name", "lobby"}, {"type", "public"}, {"description", "Everyone"}});
    QVERIFY(room.ok());
    m_lobby = qs(room.data()["roomId"]);
    for (const QString &name : people) {
        if (name != QLatin1String("olivia"))
            QVERIFY(rest(name).post(QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/join")).ok());
    }
    const QString members = QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/members/");
    QVERIFY(rest(QStringLiteral("olivia")).patch(members + id(QStringLiteral("adam")), {{"role", "admin"}}).ok());
    QVERIFY(rest(QStringLiteral("olivia")).patch(members + id(QStringLiteral("mona")), {{"role", "moderator"}}).ok());
    QVERIFY(rest(QStringLiteral("tom"))
                .post(QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/messages"),
                      {{"content", "hello everyone"}})
                .ok());

    m_actor = std::make_unique<Desktop>();
    m_target = std::make_unique<Desktop>();
    QVERIFY(QTest::qWaitForWindowExposed(m_actor->window.get()));
}

void TestModeration::cleanupTestCase()
{
    m_actor.reset();
    m_target.reset();
}

bool TestModeration::signIn(Desktop &desk, const QString &username)
{
    if (desk.username == username && desk.session->state() == Session::State::SignedIn)
        return true;
    return desk.signIn(m_server.httpUrl(), username, kPassword);
}

bool TestModeration::openRoom(Desktop &desk, const QString &roomId)
{
    QListView *rooms = desk.window->roomList();
    const bool found = QTest::qWaitFor(
        [&] {
            for (int i = 0; i < rooms->model()->rowCount(); ++i) {
                const QModelIndex index = rooms->model()->index(i, 0);
                if (index.data(RoomListModel::RoomIdRole).toString() == roomId) {
                    rooms->setCurrentIndex(index);
                    return desk.window->currentRoomId() == roomId;
                }
            }
            return false;
        },
        20000);
    if (!found)
        qWarning() << "room" << roomId << "never showed in" << desk.username << "'s list";
    return found && desk.moderation()->members() != nullptr;
}

bool TestModeration::waitForMembers(Desktop &desk, int count)
{
    return QTest::qWaitFor(
        [&] {
            MemberModel *m = desk.moderation()->members();
            return m && m->isLoaded() && m->rowCount() == count && desk.moderation()->standing()->myRole().has_value();
        },
        20000);
}

MemberMenu *TestModeration::menuFor(Desktop &desk, const QString &userId)
{
    MemberPanel *panel = desk.moderation()->memberPanel();
    const QModelIndex index = panel->indexOf(userId);
    if (!index.isValid())
        return nullptr;
    panel->list()->scrollTo(index);
    const QRect rect = panel->list()->visualRect(index);
    QContextMenuEvent event(QContextMenuEvent::Mouse, rect.center(),
                            panel->list()->viewport()->mapToGlobal(rect.center()));
    QApplication::sendEvent(panel->list()->viewport(), &event);
    MemberMenu *menu = desk.moderation()->memberMenu();
    return menu && menu->target().userId == userId ? menu : nullptr;
}

QModelIndex TestModeration::bannedRow(const QString &userId) const
{
    ModerationPanel *panel = m_actor->moderation()->moderationPanel();
    if (!panel || !panel->banModel())
        return {};
    const int row = panel->banModel()->rowOf(userId);
    return row < 0 ? QModelIndex() : panel->banModel()->index(row, 0);
}

void TestModeration::shoot(QWidget *widget, const QString &name)
{
    QApplication::processEvents();
    const QImage image = widget->grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 50 && image.height() > 50);
    const QString dir = qEnvironmentVariableIsSet("CONFAB_MODERATION_SHOTS")
                            ? qEnvironmentVariable("CONFAB_MODERATION_SHOTS")
                            : m_dir.filePath(QStringLiteral("shots"));
    QDir().mkpath(dir);
    QVERIFY(image.save(dir + QLatin1Char('/') + name));
}

void TestModeration::eachRoleIsOfferedExactlyWhatItMayDo_data()
{
    QTest::addColumn<QString>("viewer");
    QTest::addColumn<QString>("role"); // in the room
    QTest::addColumn<bool>("serverAdmin");
    QTest::newRow("owner") << QStringLiteral("olivia") << QStringLiteral("owner") << false;
    QTest::newRow("admin") << QStringLiteral("adam") << QStringLiteral("admin") << false;
    QTest::newRow("moderator") << QStringLiteral("mona") << QStringLiteral("moderator") << false;
    QTest::newRow("member") << QStringLiteral("mel") << QStringLiteral("member") << false;
    QTest::newRow("server admin") << QStringLiteral("sam") << QStringLiteral("member") << true;
}

void TestModeration::eachRoleIsOfferedExactlyWhatItMayDo()
{
    QFETCH(QString, viewer);
    QFETCH(QString, role);
    QFETCH(bool, serverAdmin);
    Desktop &desk = *m_actor;
    QVERIFY(signIn(desk, viewer));
    QVERIFY(openRoom(desk, m_lobby));
    QVERIFY(waitForMembers(desk, 8));
    ModerationController *mod = desk.moderation();
    QVERIFY(mod->standing()->myRole() == enumFromString<Role>(role));
    QCOMPARE(mod->standing()->isServerAdmin(), serverAdmin);
    const Actor actor{enumFromString<Role>(role), serverAdmin};

    // The member menu, against every member of the room.
    MemberModel *members = mod->members();
    for (int row = 0; row < members->rowCount(); ++row) {
        const Member target = members->memberAt(row);
        MemberMenu *menu = menuFor(desk, target.userId);
        QVERIFY2(menu, qPrintable(target.displayName));
        QVERIFY(menu->isVisible());
        const QStringList enabledList = menu->enabledKeys();
        const QSet<QString> enabled(enabledList.cbegin(), enabledList.cend());
        const QSet<QString> expected = allowedKeys(actor, target.userId == id(viewer), target);
        if (enabled != expected)
            qWarning() << viewer << "on" << target.displayName << "got" << enabled << "expected" << expected;
        QVERIFY2(enabled == expected, qPrintable(target.displayName));
        // On oneself nothing is listed disabled: what cannot apply is left out.
        for (const QString &key : menu->shownKeys())
            QVERIFY2(target.userId != id(viewer) || menu->actionFor(key)->isEnabled(), qPrintable(key));
        // What is shown but not allowed says why.
        for (const QString &key : menu->shownKeys()) {
            QAction *a = menu->actionFor(key);
            QVERIFY(a);
            if (!a->isEnabled())
                QVERIFY2(!a->toolTip().isEmpty(), qPrintable(key));
        }
        menu->close();
    }
    // Spot checks written out, in case the table itself were wrong.
    MemberMenu *onTom = menuFor(desk, id(QStringLiteral("tom")));
    QVERIFY(onTom);
    const QStringList tom = onTom->enabledKeys();
    if (viewer == QLatin1String("mel")) {
        const QStringList writeOrView{QStringLiteral("message"), QStringLiteral("profile")};
        QCOMPARE(tom, writeOrView);
        QCOMPARE(onTom->shownKeys(), writeOrView); // nothing to moderate is even shown
    } else if (viewer == QLatin1String("mona")) {
        QVERIFY(tom.contains(QStringLiteral("kick")) && tom.contains(QStringLiteral("mute:300")));
        QVERIFY(!onTom->shownKeys().contains(QStringLiteral("ban")));
    } else {
        QVERIFY(tom.contains(QStringLiteral("ban")) && tom.contains(QStringLiteral("role:moderator")));
    }
    onTom->close();
    if (viewer == QLatin1String("mona")) {
        // A moderator sees kick on an admin, disabled with the reason.
        MemberMenu *onAdam = menuFor(desk, id(QStringLiteral("adam")));
        QVERIFY(onAdam);
        QAction *kick = onAdam->actionFor(QStringLiteral("kick"));
        QVERIFY(kick && !kick->isEnabled());
        QVERIFY(kick->toolTip().contains(QStringLiteral("below")));
        shoot(onAdam, QStringLiteral("member-menu-moderator-on-admin-light.png"));
        onAdam->close();
    }

    // The header's buttons: settings for everyone, the shield for moderators and up.
    const bool moderates = isAllowed(actor, Action::KickMember) || isAllowed(actor, Action::ViewRoomAudit);
    QCOMPARE(mod->moderationButton()->isVisible(), moderates);
    QVERIFY(mod->settingsButton()->isVisible());

    // Room settings: editable exactly when room.update is allowed, else read-only with the reason.
    mod->openSettings();
    RoomSettingsDialog *settings = mod->settingsDialog();
    QVERIFY(settings);
    QTRY_VERIFY(settings->isVisible());
    const bool mayEdit = isAllowed(actor, Action::EditRoomSettings);
    QCOMPARE(settings->isEditable(), mayEdit);
    QCOMPARE(settings->saveButton() != nullptr, mayEdit);
    QCOMPARE(settings->nameField()->isReadOnly(), !mayEdit);
    QCOMPARE(settings->slowModeField()->isReadOnly(), !mayEdit);
    QCOMPARE(settings->allowInvitesBox()->isEnabled(), mayEdit);
    QCOMPARE(settings->wordFilterActionBox()->isEnabled(), mayEdit);
    QCOMPARE(settings->readOnlyReason().isEmpty(), mayEdit);
    QCOMPARE(settings->deleteButton()->isEnabled(), isAllowed(actor, Action::DeleteRoom));
    QCOMPARE(settings->dangerZone()->isVisible(), mayEdit);
    if (!isAllowed(actor, Action::DeleteRoom) && settings->dangerZone()->isVisible())
        QVERIFY(!settings->deleteButton()->toolTip().isEmpty());
    QCOMPARE(settings->nameField()->text(), QStringLiteral("lobby"));
    if (!mayEdit)
        shoot(settings, QStringLiteral("room-settings-readonly-light.png"));
    settings->close();
    QTRY_VERIFY(!mod->settingsDialog());

    // The moderation panel: each tab open exactly to those the table lets see it.
    if (moderates) {
        mod->openModeration();
        ModerationPanel *panel = mod->moderationPanel();
        QVERIFY(panel);
        // The models are checked from before their first page arrives.
        new QAbstractItemModelTester(panel->auditModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     panel);
        new QAbstractItemModelTester(panel->banModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, panel);
        QCOMPARE(panel->auditAllowed(), isAllowed(actor, Action::ViewRoomAudit));
        QCOMPARE(panel->bansAllowed(), isAllowed(actor, Action::BanMember));
        QCOMPARE(panel->auditView() != nullptr, panel->auditAllowed());
        QCOMPARE(panel->mutedView() != nullptr, isAllowed(actor, Action::MuteMember));
        if (panel->auditAllowed()) // the server agrees: the log loads
            QTRY_VERIFY_WITH_TIMEOUT(panel->auditModel()->rowCount() > 0, 20000);
        panel->close();
    }
}

void TestModeration::keyboardOpensTheMemberMenu()
{
    QVERIFY(signIn(*m_actor, QStringLiteral("mona")));
    QVERIFY(openRoom(*m_actor, m_lobby));
    QVERIFY(waitForMembers(*m_actor, 8));
    ModerationController *mod = m_actor->moderation();
    // Ctrl+Shift+M hides and shows the panel.
    m_actor->window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_actor->window.get()));
    const bool shown = mod->memberPanel()->isVisible();
    QTest::keyClick(m_actor->window.get(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(mod->memberPanel()->isVisible(), !shown);
    if (!mod->memberPanel()->isVisible())
        mod->membersAction()->trigger();
    QVERIFY(mod->memberPanel()->isVisible());

    // Search, Down into the list, Shift+F10 (or the Menu key) for the menu of the current member.
    QLineEdit *filter = mod->memberPanel()->filterField();
    filter->setFocus();
    QTest::keyClicks(filter, QStringLiteral("to"));
    QTRY_COMPARE(mod->members()->search(), QStringLiteral("to")); // after the pause in typing
    QTRY_VERIFY(mod->members()->isLoaded() && !mod->members()->isFetching());
    QCOMPARE(mod->memberPanel()->list()->model()->rowCount(), 1);
    QTest::keyClick(filter, Qt::Key_Down);
    QTRY_VERIFY(mod->memberPanel()->list()->hasFocus());
    QTest::keyClick(mod->memberPanel()->list(), Qt::Key_F10, Qt::ShiftModifier);
    QTRY_VERIFY(mod->memberMenu());
    QCOMPARE(mod->memberMenu()->target().userId, id(QStringLiteral("tom")));
    mod->memberMenu()->close();
    QTest::keyClick(mod->memberPanel()->list(), Qt::Key_Menu);
    QTRY_VERIFY(mod->memberMenu() && mod->memberMenu()->isVisible());
    // "View profile" shows who it is.
    mod->memberMenu()->actionFor(QStringLiteral("profile"))->trigger();
    mod->memberMenu()->close();
    QTRY_VERIFY(mod->profileCard());
    QCOMPARE(mod->profileCard()->member().displayName, QStringLiteral("Tom"));
    QVERIFY(mod->profileCard()->detailLines().join(QLatin1Char('\n')).contains(QStringLiteral("Member")));
    mod->profileCard()->close();
    // Enter on the current member opens the card too.
    QTest::keyClick(mod->memberPanel()->list(), Qt::Key_Return);
    QTRY_VERIFY(mod->profileCard() && mod->profileCard()->isVisible());
    QCOMPARE(mod->profileCard()->member().userId, id(QStringLiteral("tom")));
    mod->profileCard()->close();
    filter->clear();
    QTRY_VERIFY(mod->members()->search().isEmpty() && !mod->members()->isFetching());
    QTRY_COMPARE(mod->members()->rowCount(), 8);
}

void TestModeration::muteShowsInTheTargetsWindow()
{
    QVERIFY(signIn(*m_target, QStringLiteral("tom")));
    QVERIFY(openRoom(*m_target, m_lobby));
    QVERIFY(waitForMembers(*m_target, 8));
    Composer *composer = m_target->window->roomView()->composer();
    QVERIFY(!composer->isReadOnly());

    // Mona (moderator) mutes Tom for an hour from the menu.
    QVERIFY(signIn(*m_actor, QStringLiteral("mona")));
    QVERIFY(openRoom(*m_actor, m_lobby));
    QVERIFY(waitForMembers(*m_actor, 8));
    MemberMenu *menu = menuFor(*m_actor, id(QStringLiteral("tom")));
    QVERIFY(menu);
    QAction *mute = menu->actionFor(QStringLiteral("mute:3600"));
    QVERIFY(mute && mute->isEnabled());
    mute->trigger();
    menu->close();
    MemberModel *members = m_actor->moderation()->members();
    QTRY_VERIFY_WITH_TIMEOUT(
        members->index(members->rowOf(id(QStringLiteral("tom")))).data(MemberModel::IsMutedRole).toBool(), 20000);
    QTRY_VERIFY(m_actor->moderation()->memberPanel()->statusText().contains(QStringLiteral("Tom")));

    // Tom's window: muted badge, the time it ends, a read-only composer.
    ModerationController *his = m_target->moderation();
    QTRY_VERIFY_WITH_TIMEOUT(his->standing()->isMuted(), 20000);
    QVERIFY(his->standing()->mutedUntil() > QDateTime::currentMSecsSinceEpoch() + 50 * 60 * 1000);
    QTRY_VERIFY(composer->isReadOnly());
    PostingNotice *notice = his->postingNotice();
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->kind(), PostingNotice::Kind::Muted);
    QVERIFY2(notice->text().contains(QStringLiteral("muted")) && notice->text().contains(QStringLiteral("until")),
             qPrintable(notice->text()));
    QVERIFY(composer->placeholderText().contains(QStringLiteral("cannot send")));
    shoot(m_target->window.get(), QStringLiteral("muted-composer-light.png"));
    // Enter does not send.
    composer->setFocus();
    QTest::keyClick(composer, Qt::Key_Return);
    QCOMPARE(his->posting()->block(), PostingState::Block::Muted);

    // And the server refuses his posts, over REST and through the client's outbox.
    const RestReply refused = rest(QStringLiteral("tom"))
                                  .post(QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/messages"),
                                        {{"content", "can I still talk?"}});
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), QStringLiteral("FORBIDDEN"));
    m_target->engine()->sendMessage(m_lobby, QStringLiteral("through the outbox"));
    MessageModel *messages = m_target->window->roomView()->messageModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int i = 0; i < messages->rowCount(); ++i) {
                if (messages->index(i).data(MessageModel::ContentRole).toString() ==
                    QLatin1String("through the outbox"))
                    return messages->deliveryAt(i) == MessageModel::Delivery::Failed;
            }
            return false;
        }(),
        10000);
}

void TestModeration::kickTellsTheTargetWhy()
{
    QVERIFY(signIn(*m_target, QStringLiteral("kim")));
    // Kim's own two rooms, for the window to go to after the lobby.
    QStringList kims;
    for (const char *name : {"kim-a", "kim-b"}) {
        const RestReply made =
            rest(QStringLiteral("kim")).post(QStringLiteral("/v1/chat/rooms"), {{"name", name}, {"type", "private"}});
        QVERIFY(made.ok());
        kims << qs(made.data()["roomId"]);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_target->engine()->rooms().rowCount(), 3, 10000);
    QVERIFY(openRoom(*m_target, m_lobby));
    QVERIFY(signIn(*m_actor, QStringLiteral("olivia")));
    QVERIFY(openRoom(*m_actor, m_lobby));
    QVERIFY(waitForMembers(*m_actor, 8));

    MemberMenu *menu = menuFor(*m_actor, id(QStringLiteral("kim")));
    QVERIFY(menu);
    menu->actionFor(QStringLiteral("kick"))->trigger();
    menu->close();
    auto *dialog = qobject_cast<RemovalDialog *>(m_actor->moderation()->flow()->pendingDialog());
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->kind(), RemovalDialog::Kind::Kick);
    QTest::keyClicks(dialog->reasonField(), QStringLiteral("spamming links"));
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);

    // Kim's window says so, with the reason, and the room is gone from it.
    RemovalNotice *notice = m_target->moderation()->removalNotice();
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 20000);
    QVERIFY2(notice->title().contains(QStringLiteral("lobby")), qPrintable(notice->title()));
    QVERIFY2(notice->message().contains(QStringLiteral("spamming links")), qPrintable(notice->message()));
    shoot(m_target->window.get(), QStringLiteral("kicked-notice-light.png"));
    QTRY_VERIFY(m_target->window->currentRoomId() != m_lobby);
    QVERIFY(!m_target->engine()->rooms().room(m_lobby).has_value());
    QTRY_COMPARE(m_actor->moderation()->members()->rowOf(id(QStringLiteral("kim"))), -1);
    QVERIFY2(!m_target->window->windowTitle().contains(QStringLiteral("lobby")),
             qPrintable(m_target->window->windowTitle()));

    // Back in the room: the notice is out of date and goes.
    const QString lobbyPath = QStringLiteral("/v1/chat/rooms/") + m_lobby;
    const QString kimPath =
        lobbyPath + QStringLiteral("/members/") + id(QStringLiteral("kim")) + QStringLiteral("/kick");
    QVERIFY(rest(QStringLiteral("kim")).post(lobbyPath + QStringLiteral("/join")).ok());
    QTRY_VERIFY_WITH_TIMEOUT(m_target->engine()->rooms().room(m_lobby).has_value(), 10000);
    QTRY_VERIFY(!notice->isVisible());

    // Removed again: the notice shows over the room the window went to, and goes when she moves
    // on to another room (it does not follow her around).
    QVERIFY(openRoom(*m_target, m_lobby));
    QVERIFY(rest(QStringLiteral("olivia")).post(kimPath, {{"reason", "once more"}}).ok());
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible() && notice->message().contains(QStringLiteral("once more")), 20000);
    QTRY_VERIFY(kims.contains(m_target->window->currentRoomId()));
    const QString other = kims.at(1 - kims.indexOf(m_target->window->currentRoomId()));
    QVERIFY(notice->isVisible()); // still there over the room she landed in
    QVERIFY(openRoom(*m_target, other));
    QVERIFY(!notice->isVisible());

    // And Dismiss hides it at once.
    QVERIFY(rest(QStringLiteral("kim")).post(lobbyPath + QStringLiteral("/join")).ok());
    QTRY_VERIFY_WITH_TIMEOUT(m_target->engine()->rooms().room(m_lobby).has_value(), 10000);
    QVERIFY(rest(QStringLiteral("olivia")).post(kimPath, {{"reason", "third time"}}).ok());
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible() && notice->message().contains(QStringLiteral("third time")), 20000);
    QTest::mouseClick(notice->dismissButton(), Qt::LeftButton);
    QVERIFY(!notice->isVisible());
    QTRY_COMPARE(m_actor->moderation()->members()->rowOf(id(QStringLiteral("kim"))), -1);
}

void TestModeration::banTellsTheTargetAndKeepsThemOut()
{
    QVERIFY(signIn(*m_target, QStringLiteral("bea")));
    QVERIFY(openRoom(*m_target, m_lobby));
    QVERIFY(openRoom(*m_actor, m_lobby));
    QTRY_VERIFY(m_actor->moderation()->members()->rowOf(id(QStringLiteral("bea"))) >= 0);

    MemberMenu *menu = menuFor(*m_actor, id(QStringLiteral("bea")));
    QVERIFY(menu);
    menu->actionFor(QStringLiteral("ban"))->trigger();
    menu->close();
    auto *dialog = qobject_cast<RemovalDialog *>(m_actor->moderation()->flow()->pendingDialog());
    QVERIFY(dialog);
    QCOMPARE(dialog->kind(), RemovalDialog::Kind::Ban);
    QTest::keyClicks(dialog->reasonField(), QStringLiteral("trolling"));
    dialog->durationBox()->setCurrentIndex(dialog->durationBox()->findData(qint64(7 * 24 * 3600)));
    QCOMPARE(dialog->durationSeconds(), qint64(7 * 24 * 3600));
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);

    RemovalNotice *notice = m_target->moderation()->removalNotice();
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible() && notice->title().contains(QStringLiteral("banned")), 20000);
    QVERIFY2(notice->title().contains(QStringLiteral("lobby")), qPrintable(notice->title()));
    QVERIFY2(notice->message().contains(QStringLiteral("trolling")) &&
                 notice->message().contains(QStringLiteral("until")),
             qPrintable(notice->message()));
    QTRY_VERIFY(m_target->window->currentRoomId() != m_lobby);
    QVERIFY(!m_target->engine()->rooms().room(m_lobby).has_value());
    // Her only room: the window title and the list say there is none now.
    QTRY_COMPARE(m_target->window->windowTitle(), QStringLiteral("Confab"));
    auto *hint = m_target->window->roomList()->findChild<EmptyHint *>();
    QVERIFY(hint);
    QTRY_VERIFY2(hint->text().contains(QStringLiteral("No rooms yet")), qPrintable(hint->text()));
    // The server keeps her out.
    const RestReply join =
        rest(QStringLiteral("bea")).post(QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/join"));
    QCOMPARE(join.status, 403);
}

void TestModeration::screenshots()
{
    // Olivia's window: the member panel (Tom muted), Tom's menu, the settings, the moderation panel.
    QVERIFY(openRoom(*m_actor, m_lobby));
    QVERIFY(waitForMembers(*m_actor, 6));
    ModerationController *mod = m_actor->moderation();
    mod->openModeration();
    ModerationPanel *panel = mod->moderationPanel();
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->auditModel()->rowCount() >= 3 && panel->banModel()->rowCount() == 1, 20000);
    for (const bool dark : {false, true}) {
        const QString suffix = dark ? QStringLiteral("-dark.png") : QStringLiteral("-light.png");
        QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
        QApplication::processEvents();
        shoot(m_actor->window.get(), QStringLiteral("member-panel") + suffix);
        MemberMenu *menu = menuFor(*m_actor, id(QStringLiteral("tom")));
        QVERIFY(menu);
        shoot(menu, QStringLiteral("member-menu") + suffix);
        menu->close();
        mod->openSettings();
        QVERIFY(mod->settingsDialog());
        QTRY_VERIFY(mod->settingsDialog()->isVisible());
        mod->settingsDialog()->adjustSize();
        shoot(mod->settingsDialog(), QStringLiteral("room-settings") + suffix);
        mod->settingsDialog()->close();
        QTRY_VERIFY(!mod->settingsDialog());
        panel->tabs()->setCurrentIndex(0);
        shoot(panel, QStringLiteral("moderation-audit") + suffix);
        panel->tabs()->setCurrentIndex(1);
        shoot(panel, QStringLiteral("moderation-bans") + suffix);
    }
    QApplication::setPalette(QApplication::style()->standardPalette());
    panel->close();
}

void TestModeration::unmuteFromTheMenu()
{
    QVERIFY(signIn(*m_target, QStringLiteral("tom")));
    QVERIFY(openRoom(*m_target, m_lobby));
    QTRY_VERIFY_WITH_TIMEOUT(m_target->moderation()->standing()->isMuted(), 20000);
    QVERIFY(openRoom(*m_actor, m_lobby));
    QVERIFY(waitForMembers(*m_actor, 6));
    MemberMenu *menu = menuFor(*m_actor, id(QStringLiteral("tom")));
    QVERIFY(menu);
    QVERIFY(!menu->actionFor(QStringLiteral("mute:300"))); // muted: the menu offers the way back
    QAction *unmute = menu->actionFor(QStringLiteral("unmute"));
    QVERIFY(unmute && unmute->isEnabled());
    unmute->trigger();
    menu->close();
    Composer *composer = m_target->window->roomView()->composer();
    QTRY_VERIFY_WITH_TIMEOUT(!composer->isReadOnly(), 20000);
    QVERIFY(!m_target->moderation()->postingNotice()->isVisible());
    QVERIFY(
        rest(QStringLiteral("tom"))
            .post(QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/messages"), {{"content", "thanks"}})
            .ok());
}

void TestModeration::unbanFromTheModerationPanel()
{
    QVERIFY(openRoom(*m_actor, m_lobby));
    ModerationController *mod = m_actor->moderation();
    mod->openModeration();
    ModerationPanel *panel = mod->moderationPanel();
    QVERIFY(panel);
    panel->tabs()->setCurrentIndex(1);
    QTRY_VERIFY_WITH_TIMEOUT(bannedRow(id(QStringLiteral("bea"))).isValid(), 20000);
    const QModelIndex row = bannedRow(id(QStringLiteral("bea")));
    QCOMPARE(panel->banModel()->index(row.row(), BanListModel::UserColumn).data().toString(), QStringLiteral("Bea"));
    QCOMPARE(panel->banModel()->index(row.row(), BanListModel::ReasonColumn).data().toString(),
             QStringLiteral("trolling"));
    QVERIFY(panel->banModel()->index(row.row(), 0).data(BanListModel::UntilRole).toDateTime().isValid());
    QVERIFY(!panel->unbanButton()->isEnabled()); // nothing chosen yet
    panel->banView()->setCurrentIndex(row);
    QVERIFY(panel->unbanButton()->isEnabled());
    QTest::mouseClick(panel->unbanButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!bannedRow(id(QStringLiteral("bea"))).isValid(), 20000);
    QTRY_VERIFY(panel->statusText().contains(QStringLiteral("Bea")));
    // She may come back.
    QVERIFY(
        rest(QStringLiteral("bea")).post(QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/join")).ok());
    panel->close();
}

void TestModeration::auditLogShowsTheActions()
{
    QVERIFY(openRoom(*m_actor, m_lobby));
    ModerationController *mod = m_actor->moderation();
    mod->openModeration();
    ModerationPanel *panel = mod->moderationPanel();
    QVERIFY(panel && panel->auditAllowed());
    AuditLogModel *log = panel->auditModel();
    QTRY_VERIFY_WITH_TIMEOUT(!log->isLoading() && log->rowCount() > 0, 20000);
    while (log->hasMore()) {
        const int before = log->rowCount();
        log->loadMore();
        QTRY_VERIFY_WITH_TIMEOUT(!log->isLoading(), 20000);
        if (log->rowCount() == before)
            break;
    }
    struct Expect {
        const char *action;
        QString actor;
        QString target;
        QString reason;
    };
    const QList<Expect> expected{
        {"member.mute", QStringLiteral("Mona"), QStringLiteral("Tom"), {}},
        {"member.unmute", QStringLiteral("Olivia"), QStringLiteral("Tom"), {}},
        {"member.kick", QStringLiteral("Olivia"), QStringLiteral("Kim"), QStringLiteral("spamming links")},
        {"member.ban", QStringLiteral("Olivia"), QStringLiteral("Bea"), QStringLiteral("trolling")},
        {"member.unban", QStringLiteral("Olivia"), QStringLiteral("Bea"), {}},
    };
    for (const Expect &e : expected) {
        bool found = false;
        for (int row = 0; row < log->rowCount() && !found; ++row) {
            const QModelIndex i = log->index(row, 0);
            if (i.data(AuditLogModel::ActionRole).toString() != QLatin1String(e.action))
                continue;
            found = log->index(row, AuditLogModel::ActorColumn).data().toString() == e.actor &&
                    log->index(row, AuditLogModel::TargetColumn).data().toString() == e.target &&
                    log->index(row, AuditLogModel::ReasonColumn).data().toString() == e.reason &&
                    !log->index(row, AuditLogModel::ActionColumn).data().toString().contains(QLatin1Char('.')) &&
                    !log->index(row, AuditLogModel::TimeColumn).data().toString().isEmpty();
        }
        QVERIFY2(found, e.action);
    }
    // Newest first.
    for (int row = 1; row < log->rowCount(); ++row)
        QVERIFY(log->index(row - 1, 0).data(AuditLogModel::CreatedAtRole).toDateTime() >=
                log->index(row, 0).data(AuditLogModel::CreatedAtRole).toDateTime());

    // Paging: two at a time, "Load older entries" brings the next two.
    const int all = log->rowCount();
    QVERIFY(all >= 5);
    log->setPageSize(2);
    log->reload();
    QTRY_VERIFY_WITH_TIMEOUT(!log->isLoading() && log->rowCount() == 2, 20000);
    QTRY_VERIFY(panel->loadMoreButton()->isEnabled());
    const QString second = log->index(1, 0).data(AuditLogModel::AuditIdRole).toString();
    QTest::mouseClick(panel->loadMoreButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!log->isLoading() && log->rowCount() == 4, 20000);
    QCOMPARE(log->index(1, 0).data(AuditLogModel::AuditIdRole).toString(), second);
    QVERIFY(log->index(2, 0).data(AuditLogModel::AuditIdRole).toString() != second);
    panel->close();
}

void TestModeration::slowModeCountsDownAfterASend()
{
    // Olivia sets 30 s of slow mode in the settings dialog.
    QVERIFY(signIn(*m_actor, QStringLiteral("olivia")));
    QVERIFY(openRoom(*m_actor, m_lobby));
    ModerationController *mod = m_actor->moderation();
    mod->openSettings();
    RoomSettingsDialog *settings = mod->settingsDialog();
    QVERIFY(settings && settings->isEditable());
    // A wrong input is named and nothing is sent.
    settings->nameField()->clear();
    QTest::mouseClick(settings->saveButton(), Qt::LeftButton);
    QVERIFY2(settings->errorText().contains(QStringLiteral("name")), qPrintable(settings->errorText()));
    QVERIFY(settings->isVisible());
    QCOMPARE(mod->actions()->pendingCount(), 0);
    settings->nameField()->setText(QStringLiteral("lobby"));
    settings->slowModeField()->setValue(30);
    settings->memberCapField()->setValue(500);
    settings->allowAnonymousBox()->setChecked(true);
    settings->wordFilterField()->setPlainText(QStringLiteral("darn\nheck"));
    settings->wordFilterActionBox()->setCurrentIndex(1); // mask
    QTest::mouseClick(settings->saveButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!mod->settingsDialog(), 20000);
    const RestReply room = rest(QStringLiteral("olivia")).get(QStringLiteral("/v1/chat/rooms/") + m_lobby);
    QVERIFY(room.ok());
    const nlohmann::json roomSettings = room.data()["settings"];
    QCOMPARE(roomSettings["slowModeSeconds"].get<int>(), 30);
    QCOMPARE(qs(roomSettings["wordFilterAction"]), QStringLiteral("mask"));
    QCOMPARE(roomSettings["wordFilter"].size(), std::size_t(2));
    QCOMPARE(roomSettings["allowAnonymous"].get<bool>(), true);
    QCOMPARE(room.data()["maxMembers"].get<int>(), 500);

    // Tom sends: the composer counts down and holds his next message.
    QVERIFY(openRoom(*m_target, m_lobby));
    ModerationController *his = m_target->moderation();
    QTRY_COMPARE_WITH_TIMEOUT(his->standing()->room().settings.slowModeSeconds, 30, 20000);
    Composer *composer = m_target->window->roomView()->composer();
    composer->setFocus();
    QTest::keyClicks(composer, QStringLiteral("first, slowly"));
    QTest::keyClick(composer, Qt::Key_Return);
    QVERIFY(composer->toPlainText().isEmpty());
    QTRY_COMPARE(his->posting()->block(), PostingState::Block::SlowMode);
    QVERIFY(his->posting()->slowModeSecondsLeft() > 20);
    PostingNotice *notice = his->postingNotice();
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->kind(), PostingNotice::Kind::SlowMode);
    QVERIFY2(notice->text().contains(QStringLiteral("send again in")), qPrintable(notice->text()));
    shoot(m_target->window.get(), QStringLiteral("slow-mode-light.png"));
    QVERIFY(!composer->isReadOnly()); // he may write the next one meanwhile
    QTest::keyClicks(composer, QStringLiteral("second"));
    QTest::keyClick(composer, Qt::Key_Return);
    QCOMPARE(composer->toPlainText(), QStringLiteral("second"));
    // The countdown moves.
    const QString before = notice->text();
    QTRY_VERIFY_WITH_TIMEOUT(notice->text() != before, 5000);
    composer->clear();
    // A moderator is exempt (API.md, Slow mode), so Olivia's composer never counts.
    QVERIFY(!mod->standing()->policy().slowModeApplies());
    QVERIFY(rest(QStringLiteral("olivia"))
                .patch(QStringLiteral("/v1/chat/rooms/") + m_lobby,
                       {{"settings", {{"slowModeSeconds", 0}, {"wordFilter", nlohmann::json::array()}}}})
                .ok());
}

void TestModeration::announcementRoomIsReadOnlyForAMember()
{
    const RestReply created =
        rest(QStringLiteral("olivia"))
            .post(QStringLiteral("/v1/chat/rooms"),
                  {{"name", "news"}, {"type", "announcement"}, {"members", {id(QStringLiteral("tom")).toStdString()}}});
    QVERIFY(created.ok());
    const QString news = qs(created.data()["roomId"]);
    QVERIFY(openRoom(*m_target, news));
    ModerationController *his = m_target->moderation();
    QTRY_VERIFY_WITH_TIMEOUT(his->posting()->block() == PostingState::Block::Announcement, 20000);
    Composer *composer = m_target->window->roomView()->composer();
    QVERIFY(composer->isReadOnly());
    QVERIFY(his->postingNotice()->isVisible());
    QCOMPARE(his->postingNotice()->kind(), PostingNotice::Kind::ReadOnly);
    QVERIFY2(his->postingNotice()->text().contains(QStringLiteral("announcement")),
             qPrintable(his->postingNotice()->text()));
    // The owner posts there.
    QVERIFY(openRoom(*m_actor, news));
    QTRY_VERIFY(m_actor->moderation()->standing()->myRole() == Role::Owner);
    QVERIFY(!m_actor->window->roomView()->composer()->isReadOnly());
    QVERIFY(!m_actor->moderation()->postingNotice()->isVisible());
    // The server agrees with both.
    QCOMPARE(rest(QStringLiteral("tom"))
                 .post(QStringLiteral("/v1/chat/rooms/") + news + QStringLiteral("/messages"), {{"content", "me too"}})
                 .status,
             403);
}

void TestModeration::roleChangeAndOwnershipHandover()
{
    QVERIFY(openRoom(*m_target, m_lobby)); // Tom watches his role change
    QVERIFY(openRoom(*m_actor, m_lobby));
    QVERIFY(waitForMembers(*m_actor, 7));
    ModerationController *mod = m_actor->moderation();

    MemberMenu *menu = menuFor(*m_actor, id(QStringLiteral("tom")));
    QVERIFY(menu);
    menu->actionFor(QStringLiteral("role:moderator"))->trigger();
    menu->close();
    QTRY_VERIFY_WITH_TIMEOUT(m_target->moderation()->standing()->myRole() == Role::Moderator, 20000);
    // A moderator now: his shield shows.
    QTRY_VERIFY(m_target->moderation()->moderationButton()->isVisible());

    // Handing over to Adam asks first; Cancel changes nothing.
    menu = menuFor(*m_actor, id(QStringLiteral("adam")));
    QVERIFY(menu);
    menu->actionFor(QStringLiteral("transfer"))->trigger();
    menu->close();
    auto *box = qobject_cast<QMessageBox *>(mod->flow()->pendingDialog());
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QCOMPARE(mod->actions()->pendingCount(), 0); // nothing went to the server
    QVERIFY(mod->standing()->myRole() == Role::Owner);

    menu = menuFor(*m_actor, id(QStringLiteral("adam")));
    QVERIFY(menu);
    menu->actionFor(QStringLiteral("transfer"))->trigger();
    menu->close();
    box = qobject_cast<QMessageBox *>(mod->flow()->pendingDialog());
    QVERIFY(box);
    QAbstractButton *yes = nullptr;
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == QMessageBox::DestructiveRole)
            yes = b;
    }
    QVERIFY(yes);
    QTest::mouseClick(yes, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(mod->standing()->myRole() == Role::Admin, 20000);
    MemberModel *members = mod->members();
    QTRY_VERIFY(members->member(id(QStringLiteral("adam")))->role == Role::Owner);
    // As an admin now, Olivia may edit settings but not delete the room, and not ban Adam.
    mod->openSettings();
    QVERIFY(mod->settingsDialog()->isEditable());
    QVERIFY(!mod->settingsDialog()->deleteButton()->isEnabled());
    mod->settingsDialog()->close();
    menu = menuFor(*m_actor, id(QStringLiteral("adam")));
    QVERIFY(menu);
    QVERIFY(!menu->actionFor(QStringLiteral("ban"))->isEnabled());
    QVERIFY(!menu->shownKeys().contains(QStringLiteral("transfer")));
    menu->close();
}

void TestModeration::roomDeletionAfterConfirmation()
{
    QVERIFY(signIn(*m_actor, QStringLiteral("adam"))); // the owner now
    const RestReply created =
        rest(QStringLiteral("adam"))
            .post(QStringLiteral("/v1/chat/rooms"),
                  {{"name", "scratch"}, {"type", "public"}, {"members", {id(QStringLiteral("tom")).toStdString()}}});
    QVERIFY(created.ok());
    const QString scratch = qs(created.data()["roomId"]);
    QVERIFY(openRoom(*m_target, scratch));
    QVERIFY(openRoom(*m_actor, scratch));
    QTRY_VERIFY(m_actor->moderation()->standing()->myRole() == Role::Owner);
    ModerationController *mod = m_actor->moderation();
    mod->openSettings();
    RoomSettingsDialog *settings = mod->settingsDialog();
    QVERIFY(settings && settings->deleteButton()->isEnabled());
    QTest::mouseClick(settings->deleteButton(), Qt::LeftButton);
    auto *box = qobject_cast<QMessageBox *>(settings->confirmation());
    QVERIFY(box);
    QAbstractButton *yes = nullptr;
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == QMessageBox::DestructiveRole)
            yes = b;
    }
    QVERIFY(yes);
    QTest::mouseClick(yes, Qt::LeftButton);
    RemovalNotice *notice = m_target->moderation()->removalNotice();
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible() && notice->title().contains(QStringLiteral("scratch")), 20000);
    QTRY_VERIFY(m_target->window->currentRoomId() != scratch);
    QTRY_VERIFY(m_actor->window->currentRoomId() != scratch);
    QCOMPARE(rest(QStringLiteral("adam")).get(QStringLiteral("/v1/chat/rooms/") + scratch).status, 404);
}

QTEST_MAIN(TestModeration)
#include "tst_moderation.moc"
