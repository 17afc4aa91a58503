// SPDX-License-Identifier: GPL-3.0-or-later
// Every dialog and menu of the desktop client, in English, Spanish and French, against a real
// server: no two commands of one window or one menu share a mnemonic. A clash makes Alt+letter
// do the wrong thing (in Spanish, Alt+C submitted "Crear cuenta" instead of moving to
// "Contraseña").

#include "desktopclient.h"
#include "restclient.h"
#include "testserver.h"

#include "client/account/session.h"
#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/sync/chatengine.h"
#include "members/membermenu.h"
#include "members/memberpanel.h"
#include "moderation/moderationcontroller.h"
#include "moderation/moderationdialogs.h"
#include "moderation/moderationpanel.h"
#include "room/composer.h"
#include "room/roomsettingsdialog.h"
#include "room/roomview.h"
#include "room/timelineview.h"
#include "settings/signoutconfirmation.h"
#include "shell/accountbutton.h"
#include "shell/mainwindow.h"
#include "shell/translations.h"
#include "signin/signindialog.h"

#include <QAbstractButton>
#include <QContextMenuEvent>
#include <QGroupBox>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabBar>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;

namespace {
// The mnemonic of a label ("&Sign in" -> 's', "Tom && Jerry" -> none), lower case.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// One line per clash among the labels of one window or menu.
QStringList clashes(const QString &where, const QStringList &labels)
{
    QHash<QChar, QString> seen;
    QStringList out;
    for (const QString &label : labels) {
        const QChar m = mnemonic(label);
        if (m.isNull())
            continue;
        if (seen.contains(m))
            out << QStringLiteral("%1: Alt+%2 is \"%3\" and \"%4\"").arg(where, QString(m), seen.value(m), label);
        else
            seen.insert(m, label);
    }
    return out;
}

// What Alt+letter reaches in a window: buttons and check boxes, labels with a buddy, group
// boxes, tabs and the menu bar's titles, as far as they show.
QStringList windowLabels(QWidget *window)
{
    QStringList labels;
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (w->window() != window || !w->isVisibleTo(window))
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            labels << button->text();
        } else if (auto *label = qobject_cast<QLabel *>(w)) {
            if (label->buddy())
                labels << label->text();
        } else if (auto *group = qobject_cast<QGroupBox *>(w)) {
            labels << group->title();
        } else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                labels << tabs->tabText(i);
        } else if (auto *bar = qobject_cast<QMenuBar *>(w)) {
            for (QAction *a : bar->actions())
                labels << a->text();
        }
    }
    return labels;
}

QString nameOf(QWidget *w)
{
    return w->windowTitle().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->windowTitle();
}

// The menu's visible commands, and each submenu on its own.
QStringList menuClashes(const QString &where, QMenu *menu)
{
    QStringList labels, out;
    for (QAction *a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        labels << a->text();
        if (a->menu())
            out << menuClashes(where + QStringLiteral(" > ") + a->text(), a->menu());
    }
    return out << clashes(where, labels);
}
} // namespace

class TestMnemonics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        prepareUiTest(QStringLiteral("test_ui_mnemonics"));
        QVERIFY(m_server.start(TestServer::relaxedArgs()));
        RestClient bob(m_server.httpUrl());
        m_bobId =
            qs(bob.signUp(QStringLiteral("bob"), QStringLiteral("correct horse"), QStringLiteral("Bob"))["userId"]);
        RestClient alice(m_server.httpUrl());
        QVERIFY(
            !alice.signUp(QStringLiteral("alice"), QStringLiteral("correct horse"), QStringLiteral("Alice")).is_null());
        // Alice owns "work" (every moderation command is hers there); Bob is a member.
        const RestReply work = alice.post(QStringLiteral("/v1/chat/rooms"), {{"name", "work"}, {"type", "public"}});
        QVERIFY(work.ok());
        m_work = qs(work.data()["roomId"]);
        QVERIFY(bob.post(QStringLiteral("/v1/chat/rooms/") + m_work + QStringLiteral("/join")).ok());
        QVERIFY(
            alice.post(QStringLiteral("/v1/chat/rooms/") + m_work + QStringLiteral("/messages"), {{"content", "mine"}})
                .ok());
        m_desk = std::make_unique<DesktopClient>();
        QVERIFY(m_desk->signIn(m_server.httpUrl(), QStringLiteral("alice"), QStringLiteral("correct horse")));
    }

    void cleanupTestCase()
    {
        installTranslations(QLocale(QLocale::English, QLocale::UnitedStates));
        m_desk.reset();
    }

    void noTwoCommandsShareAMnemonic_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("es") << QLocale(QLocale::Spanish, QLocale::Spain);
        QTest::newRow("fr") << QLocale(QLocale::French, QLocale::France);
    }

    void noTwoCommandsShareAMnemonic()
    {
        QFETCH(QLocale, locale);
#ifdef CONFAB_HAS_TRANSLATIONS
        QVERIFY(installTranslations(locale));
#else
        if (locale.language() != QLocale::English)
            QSKIP("built without Qt's Linguist tools: no translations");
#endif
        QStringList problems;
        auto checkWindow = [&problems](QWidget *w) { problems << clashes(nameOf(w), windowLabels(w)); };

        MainWindow window(*m_desk->session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.openRoom(m_work), 10000);
        checkWindow(&window);
        for (QAction *a : window.menuBar()->actions()) {
            if (a->menu())
                problems << menuClashes(a->text(), a->menu());
        }
        problems << menuClashes(QStringLiteral("+"), window.newButton()->menu());
        problems << menuClashes(QStringLiteral("account"), window.accountButton()->menu());

        // The message menu of my own message in my own room: every command shows.
        TimelineView *timeline = window.roomView()->timeline();
        MessageModel *messages = window.roomView()->messageModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            messages->rowCount() > 0 &&
                !messages->index(messages->rowCount() - 1).data(MessageModel::MessageIdRole).toString().isEmpty(),
            10000);
        std::unique_ptr<QMenu> messageMenu(
            timeline->createContextMenu(timeline->model()->index(messages->rowCount() - 1, 0)));
        QVERIFY(timeline->editAction()->isVisible() && timeline->pinAction()->isVisible());
        problems << menuClashes(QStringLiteral("message"), messageMenu.get());

        // Bob's menu in the member panel.
        ModerationController *moderation = window.roomView()->moderation();
        moderation->membersAction()->setChecked(true);
        MemberPanel *panel = moderation->memberPanel();
        QTRY_VERIFY_WITH_TIMEOUT(panel->indexOf(m_bobId).isValid(), 10000);
        const QRect rect = panel->list()->visualRect(panel->indexOf(m_bobId));
        QContextMenuEvent event(QContextMenuEvent::Mouse, rect.center(),
                                panel->list()->viewport()->mapToGlobal(rect.center()));
        QApplication::sendEvent(panel->list()->viewport(), &event);
        QTRY_VERIFY(moderation->memberMenu());
        problems << menuClashes(QStringLiteral("member"), moderation->memberMenu());
        moderation->memberMenu()->close();

        for (QDialog *(MainWindow::*open)() :
             {&MainWindow::openCreateRoomDialog, &MainWindow::openBrowseRoomsDialog,
              &MainWindow::openDirectMessageDialog, &MainWindow::openInviteDialog, &MainWindow::openLeaveRoomDialog,
              &MainWindow::openSettingsDialog, &MainWindow::openShortcutsDialog}) {
            QPointer<QDialog> dialog = (window.*open)();
            QVERIFY(dialog);
            checkWindow(dialog);
            delete dialog.data();
        }
        moderation->openSettings();
        QTRY_VERIFY(moderation->settingsDialog());
        checkWindow(moderation->settingsDialog());
        moderation->settingsDialog()->reject();
        moderation->openModeration();
        QTRY_VERIFY(moderation->moderationPanel());
        checkWindow(moderation->moderationPanel());
        moderation->moderationPanel()->reject();

        for (auto kind : {RemovalDialog::Kind::Kick, RemovalDialog::Kind::Ban}) {
            RemovalDialog removal(kind, QStringLiteral("Bob"), QStringLiteral("work"), &window);
            checkWindow(&removal);
        }
        SignOutConfirmation signOut(&window);
        checkWindow(&signOut);
        SignInDialog signIn(*m_desk->session);
        checkWindow(&signIn);

        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

private:
    TestServer m_server;
    QString m_bobId;
    QString m_work;
    std::unique_ptr<DesktopClient> m_desk; // alice's session; each language gets its own window
};

QTEST_MAIN(TestMnemonics)
#include "tst_mnemonics.moc"
