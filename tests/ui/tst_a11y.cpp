// SPDX-License-Identifier: GPL-3.0-or-later
// Accessibility and notification preferences of the desktop client against a real confab-server:
// new messages announced to screen readers (batched), the high-contrast theme (WCAG ratios), the
// language choice, per-room notification levels and mute, and the unread count in the title.
// With CONFAB_SHELL_SHOTS=<dir> it also saves pictures to look at.

#include "desktopclient.h"
#include "restclient.h"
#include "testserver.h"
#include "wsclient.h"

#include "client/account/session.h"
#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/net/realtimeconnection.h"
#include "client/sync/chatengine.h"
#include "room/messageannouncer.h"
#include "room/notificationbutton.h"
#include "room/roomview.h"
#include "roomlist/notificationmenu.h"
#include "settings/appsettings.h"
#include "settings/settingsdialog.h"
#include "shell/mainwindow.h"
#include "shell/notifier.h"
#include "shell/thememanager.h"
#include "shell/translations.h"
#include "shell/windowtitle.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QListView>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;
using nlohmann::json;

namespace {
const QString kPassword = QStringLiteral("correct horse");

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
} // namespace

class TestA11y : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        prepareUiTest(QStringLiteral("test_ui_a11y"));
        QSettings().clear();
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QVERIFY(m_server.start(TestServer::relaxedArgs()));
        for (auto [client, name, display] : {std::tuple{&m_alice, "alice", "Alice"}, std::tuple{&m_bob, "bob", "Bob"},
                                             std::tuple{&m_carol, "carol", "Carol"}}) {
            *client = std::make_unique<RestClient>(m_server.httpUrl());
            const nlohmann::json user =
                (*client)->signUp(QString::fromLatin1(name), kPassword, QString::fromLatin1(display));
            QVERIFY(!user.is_null());
        }
        const RestReply lobby = m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"name", "lobby"}, {"type", "public"}});
        QVERIFY(lobby.ok());
        m_lobby = qs(lobby.data()["roomId"]);
        const RestReply design =
            m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"name", "design"}, {"type", "public"}});
        QVERIFY(design.ok());
        m_design = qs(design.data()["roomId"]);
        for (const QString &room : {m_lobby, m_design}) {
            QVERIFY(m_alice->post(QStringLiteral("/v1/chat/rooms/") + room + QStringLiteral("/join")).ok());
            QVERIFY(m_carol->post(QStringLiteral("/v1/chat/rooms/") + room + QStringLiteral("/join")).ok());
        }
        for (auto [live, rest] : {std::pair{&m_bobLive, m_bob.get()}, std::pair{&m_carolLive, m_carol.get()}}) {
            *live = std::make_unique<WsClient>();
            QVERIFY((*live)->open(m_server.wsUrl(rest->token())));
        }

        m_desk = std::make_unique<DesktopClient>(m_dir.filePath(QStringLiteral("client")));
        m_desk->openWindow().notifier().setGatherInterval(50);
        QVERIFY(m_desk->signIn(m_server.httpUrl(), QStringLiteral("alice"), kPassword));
        QVERIFY(m_desk->showActive());
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->window->roomList()->model()->rowCount(), 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->session->engine()->connection().state() == RealtimeConnection::State::Online,
                                 10000);
    }

    void cleanupTestCase()
    {
        if (m_desk && m_desk->window && m_desk->window->currentDialog())
            delete m_desk->window->currentDialog();
        m_desk.reset();
        QSettings().clear();
    }

    void cleanup()
    {
        if (QDialog *d = m_desk && m_desk->window ? m_desk->window->currentDialog() : nullptr)
            delete d;
    }

    void burstIsOneAnnouncement()
    {
        MessageAnnouncer &announcer = m_desk->window->announcer();
        QVERIFY(announcer.isEnabled()); // on by default
        QVERIFY(m_desk->window->openRoom(m_lobby));
        QVERIFY(activate());
        QSignalSpy announced(&announcer, &MessageAnnouncer::announced);
        // A longer interval than the 2 s default, so that a slow machine still gets the burst
        // into one or two batches.
        announcer.setInterval(8000);

        // 20 messages from two people as fast as the server takes them.
        for (int i = 0; i < 20; ++i) {
            WsClient *from = i % 2 ? m_carolLive.get() : m_bobLive.get();
            from->send({{"type", "send_message"},
                        {"roomId", m_lobby.toStdString()},
                        {"content", "burst " + std::to_string(i)}});
        }
        auto announcedMessages = [&] {
            int n = 0;
            for (const auto &args : announced)
                n += args.at(1).toInt();
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(announcedMessages(), 20, 15000);
        QVERIFY2(announced.count() <= 2, qPrintable(QString::number(announced.count())));
        const QString text = announced.last().at(0).toString();
        QVERIFY2(text.contains(QStringLiteral("new messages from")) &&
                     (text.contains(QStringLiteral("Bob")) || text.contains(QStringLiteral("Carol"))),
                 qPrintable(text));
        // What a screen reader finds: the region, a notification, showing, named with the text.
        // (The offscreen platform has no accessibility bridge, so the events themselves cannot be
        // watched here: QAccessible::updateAccessibility() drops them while no bridge is active.)
        QAccessibleInterface *region = QAccessible::queryAccessibleInterface(announcer.region());
        QVERIFY(region);
        QCOMPARE(region->role(), QAccessible::Notification);
        QCOMPARE(region->text(QAccessible::Name), text);
        QVERIFY(!region->state().invisible);
        QVERIFY(announcer.region()->isVisible());

        announcer.setInterval(MessageAnnouncer::kDefaultIntervalMs);

        // My own messages are not announced.
        announced.clear();
        QVERIFY(m_alice
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/messages"),
                           {{"content", "me talking"}})
                    .ok());
        // ...while one from someone else right after is, alone: mine did not count.
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/messages"),
                           {{"content", "*hello* there"}})
                    .ok());
        QVERIFY(announced.wait(10000));
        QCOMPARE(announced.last().at(1).toInt(), 1);
        QCOMPARE(announced.last().at(0).toString(), QStringLiteral("New message from Bob: hello there"));

        // Another room's messages are not announced; switched off in Settings, nothing is.
        announced.clear();
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_design + QStringLiteral("/messages"),
                           {{"content", "elsewhere"}})
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(lastMessageOf(m_design) == QStringLiteral("elsewhere"), 10000);
        QCOMPARE(announcer.pendingCount(), 0);
        m_desk->window->settings().setAnnounceMessages(false);
        QVERIFY(!announcer.isEnabled());
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/messages"),
                           {{"content", "quiet"}})
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(lastMessageOf(m_lobby) == QStringLiteral("quiet"), 10000);
        QCOMPARE(announcer.pendingCount(), 0);
        QCOMPARE(announced.count(), 0);
        m_desk->window->settings().setAnnounceMessages(true);
    }

    void announcementText()
    {
        // "3 new messages from Ana and Bo" (the list as the locale writes it).
        QCOMPARE(MessageAnnouncer::textFor(3, {QStringLiteral("Ana"), QStringLiteral("Bo")}, {}),
                 QStringLiteral("3 new messages from ") +
                     QLocale().createSeparatedList({QStringLiteral("Ana"), QStringLiteral("Bo")}));
        QCOMPARE(MessageAnnouncer::textFor(1, {QStringLiteral("Ana")}, QStringLiteral("hi")),
                 QStringLiteral("New message from Ana: hi"));
        QCOMPARE(MessageAnnouncer::textFor(9,
                                           {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                                            QStringLiteral("D"), QStringLiteral("E")},
                                           {}),
                 QStringLiteral("9 new messages from ") +
                     QLocale().createSeparatedList(
                         {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("2 others")}));
    }

    void highContrastTheme()
    {
        const QPalette p = ThemeManager::highContrastPalette();
        QCOMPARE(p.color(QPalette::Window), QColor(Qt::black));
        QCOMPARE(p.color(QPalette::WindowText), QColor(Qt::white));
        QCOMPARE(p.color(QPalette::Highlight), QColor(0xff, 0xff, 0x00)); // selection and focus rings
        const std::pair<QPalette::ColorRole, QPalette::ColorRole> pairs[] = {
            {QPalette::WindowText, QPalette::Window},
            {QPalette::Text, QPalette::Base},
            {QPalette::Text, QPalette::AlternateBase},
            {QPalette::ButtonText, QPalette::Button},
            {QPalette::HighlightedText, QPalette::Highlight},
            {QPalette::PlaceholderText, QPalette::Base},
            {QPalette::Link, QPalette::Base},
            {QPalette::LinkVisited, QPalette::Base},
            {QPalette::ToolTipText, QPalette::ToolTipBase},
            {QPalette::Highlight, QPalette::Base},
            {QPalette::Highlight, QPalette::Window},
            {QPalette::Mid, QPalette::Window},
        };
        for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
            for (const auto &[fg, bg] : pairs) {
                const double ratio = contrast(p.color(group, fg), p.color(group, bg));
                QVERIFY2(ratio >= 7.0,
                         qPrintable(QStringLiteral("%1 on %2: %3:1")
                                        .arg(QVariant::fromValue(fg).toString(), QVariant::fromValue(bg).toString())
                                        .arg(ratio, 0, 'f', 2)));
            }
        }
        // Disabled text is still told apart from the background (WCAG asks nothing of it; 4.5 anyway).
        QVERIFY(contrast(p.color(QPalette::Disabled, QPalette::Text), p.color(QPalette::Disabled, QPalette::Base)) >=
                4.5);
        QVERIFY(contrast(attentionColor(p), p.color(QPalette::Base)) >= 7.0); // mentions, errors

        // Picked in Settings (by keyboard), applied at once, kept.
        QVERIFY(activate());
        auto *dialog = qobject_cast<SettingsDialog *>(m_desk->window->openSettingsDialog());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QComboBox *theme = dialog->themeField();
        theme->setFocus();
        QTRY_VERIFY(theme->hasFocus());
        while (theme->currentData().toInt() != int(ThemeManager::Mode::HighContrast) &&
               theme->currentIndex() < theme->count() - 1)
            QTest::keyClick(theme, Qt::Key_Down);
        QCOMPARE(theme->currentText(), QStringLiteral("High contrast"));
        QCOMPARE(AppSettings().theme(), ThemeManager::Mode::HighContrast);
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::black));
        QTRY_COMPARE(m_desk->window->roomList()->palette().color(QPalette::Highlight), QColor(0xff, 0xff, 0x00));
        shoot(QStringLiteral("high-contrast-settings"), dialog);
        dialog->reject();
        QVERIFY(m_desk->window->openRoom(m_lobby));
        shoot(QStringLiteral("high-contrast"));
        m_desk->window->settings().setTheme(ThemeManager::Mode::System);
        QVERIFY(QApplication::palette().color(QPalette::Window) != QColor(Qt::black));
        QCOMPARE(ThemeManager::modeFromName(QStringLiteral("high-contrast")), ThemeManager::Mode::HighContrast);
    }

    void languageChoice()
    {
        QVERIFY(activate());
        auto *dialog = qobject_cast<SettingsDialog *>(m_desk->window->openSettingsDialog());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QComboBox *language = dialog->languageField();
        QCOMPARE(language->currentData().toString(), QString()); // follows the system at first
        QStringList names;
        for (int i = 0; i < language->count(); ++i)
            names << language->itemText(i);
        QCOMPARE(names, (QStringList{QStringLiteral("Follow the system"), QStringLiteral("English"),
                                     QStringLiteral("Español"), QStringLiteral("Français")}));
        QVERIFY(!dialog->restartButton()->isVisible());
        QSignalSpy restart(m_desk->window.get(), &MainWindow::restartRequested);

        language->setCurrentIndex(language->findData(QStringLiteral("es")));
        QCOMPARE(AppSettings().language(), QStringLiteral("es")); // kept for the next start
        QVERIFY(dialog->restartButton()->isVisible());            // and a restart offered
        shoot(QStringLiteral("language-restart-offer"), dialog);
        // Back to English (the language in use): nothing to restart for.
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        QVERIFY(!dialog->restartButton()->isVisible());
        language->setCurrentIndex(language->findData(QStringLiteral("es")));
        dialog->restartButton()->click();
        QVERIFY(restart.wait(2000));
        QTRY_VERIFY(!m_desk->window->currentDialog());

        // What the next start does with the choice: Spanish strings everywhere.
#ifdef CONFAB_HAS_TRANSLATIONS
        QVERIFY(installTranslations(localeForLanguage(AppSettings().language())));
        {
            MainWindow spanish(*m_desk->session);
            QCOMPARE(spanish.menuBar()->actions().at(0)->text(), QStringLiteral("&Archivo"));
            auto *settings = qobject_cast<SettingsDialog *>(spanish.openSettingsDialog());
            QVERIFY(settings);
            QCOMPARE(settings->languageField()->currentText(), QStringLiteral("Español"));
            QVERIFY(!settings->restartButton()->isVisibleTo(settings)); // in use now
            settings->reject();
        }
        QVERIFY(installTranslations(QLocale(QLocale::English, QLocale::UnitedStates)));
#endif
        AppSettings().setLanguage(QStringLiteral("xx")); // unknown: back to the system's
        QCOMPARE(AppSettings().language(), QString());
    }

    void unreadCountInTitle()
    {
        MainWindow *window = m_desk->window.get();
        RoomListModel &rooms = m_desk->engine()->rooms();
        // Everything read so far (design had news from the earlier tests).
        QVERIFY(window->openRoom(m_design));
        QTRY_COMPARE(rooms.room(m_design)->unreadCount, 0);
        QVERIFY(window->openRoom(m_lobby));
        QVERIFY(activate());
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("lobby — Confab"));
        for (const char *text : {"one", "two"})
            QVERIFY(m_bob
                        ->post(QStringLiteral("/v1/chat/rooms/") + m_design + QStringLiteral("/messages"),
                               {{"content", text}})
                        .ok());
        QTRY_COMPARE_WITH_TIMEOUT(window->windowTitle(), QStringLiteral("(2) lobby — Confab"), 10000);
        // Read: gone from the count.
        QVERIFY(window->openRoom(m_design));
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("design — Confab"));
        QVERIFY(window->openRoom(m_lobby));
        QCOMPARE(WindowTitle::compose(0, {}), QStringLiteral("Confab"));
        QCOMPARE(WindowTitle::compose(12, QStringLiteral("general")), QStringLiteral("(12) general — Confab"));
    }

    void notificationLevelsMuteAndTitle()
    {
        MainWindow *window = m_desk->window.get();
        RoomListModel &rooms = m_desk->engine()->rooms();
        Notifier &notifier = window->notifier();
        QSignalSpy notified(&notifier, &Notifier::notify);
        // Everything read so far (design had news from the earlier tests).
        QVERIFY(window->openRoom(m_design));
        QTRY_COMPARE(rooms.room(m_design)->unreadCount, 0);
        QVERIFY(window->openRoom(m_lobby));
        QVERIFY(activate());
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("lobby — Confab"));

        // Unread messages elsewhere: counted in the title.
        for (const char *text : {"one", "two"})
            QVERIFY(m_bob
                        ->post(QStringLiteral("/v1/chat/rooms/") + m_design + QStringLiteral("/messages"),
                               {{"content", text}})
                        .ok());
        QTRY_COMPARE_WITH_TIMEOUT(window->windowTitle(), QStringLiteral("(2) lobby — Confab"), 10000);

        // Mute design from the room list's context menu, by keyboard.
        NotificationMenu *menu = openContextMenuOn(m_design);
        QVERIFY(menu);
        QVERIFY(!menu->muteAction()->isChecked());
        QVERIFY(menu->levelAction(NotificationLevel::Default)->isChecked());
        shoot(QStringLiteral("room-context-menu"), menu);
        QTest::keyClick(menu, Qt::Key_U); // M&ute room
        QTRY_VERIFY(!menu->isVisible());
        QTRY_VERIFY(rooms.room(m_design)->notifications.muted);
        // Out of the title's count, dimmed and said so in the list; kept on the server.
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("lobby — Confab"));
        const QModelIndex design = window->roomList()->model()->index(rowOf(m_design), 0);
        QVERIFY(design.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("muted")));
        QTRY_COMPARE(serverPrefs(m_design), json({{"level", "default"}, {"muted", true}}));
        shoot(QStringLiteral("muted-room"));

        // A muted room raises no notification, not even for a mention.
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_design + QStringLiteral("/messages"),
                           {{"content", "@alice are you there?"}})
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(rooms.room(m_design)->unreadCount, 3, 10000);
        QTest::qWait(200); // the notifier gathers for 50 ms
        QCOMPARE(notified.count(), 0);
        QCOMPARE(window->windowTitle(), QStringLiteral("lobby — Confab"));

        // Mentions only, unmuted: chatter stays quiet, a mention notifies.
        menu = openContextMenuOn(m_design);
        QVERIFY(menu && menu->muteAction()->isChecked());
        QTest::keyClick(menu, Qt::Key_M); // &Mentions only
        QTRY_VERIFY(!menu->isVisible());
        menu = openContextMenuOn(m_design);
        QVERIFY(menu && menu->levelAction(NotificationLevel::Mentions)->isChecked());
        QTest::keyClick(menu, Qt::Key_U); // unmute
        QTRY_VERIFY(!menu->isVisible());
        QTRY_COMPARE(serverPrefs(m_design), json({{"level", "mentions"}, {"muted", false}}));
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("(3) lobby — Confab"));
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_design + QStringLiteral("/messages"),
                           {{"content", "just chatting"}})
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(rooms.room(m_design)->unreadCount, 4, 10000);
        QTest::qWait(200);
        QCOMPARE(notified.count(), 0);
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_design + QStringLiteral("/messages"),
                           {{"content", "@alice please look"}})
                    .ok());
        QVERIFY(notified.wait(10000));
        QCOMPARE(notified.count(), 1);
        QCOMPARE(notified.last().at(2).toString(), m_design);
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("(5) lobby — Confab"));

        // Chosen on another device: this one follows (the server's notification_settings).
        QVERIFY(m_alice
                    ->put(QStringLiteral("/v1/chat/rooms/") + m_design + QStringLiteral("/notifications"),
                          {{"level", "none"}, {"muted", true}})
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(rooms.room(m_design)->notifications.muted, 10000);
        QVERIFY(rooms.room(m_design)->notifications.level == NotificationLevel::None);
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("lobby — Confab"));

        // The room header's bell shows and changes the open room's choice.
        NotificationButton *bell = window->roomView()->notificationButton();
        QVERIFY(!bell->accessibleName().isEmpty());
        QVERIFY(bell->focusPolicy() & Qt::TabFocus);
        QVERIFY(window->openRoom(m_design));
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("design — Confab"));
        QVERIFY(bell->toolTip().contains(QStringLiteral("Muted")));
        bell->notificationMenu()->levelAction(NotificationLevel::All)->trigger();
        QTRY_COMPARE(serverPrefs(m_design), json({{"level", "all"}, {"muted", true}}));
        bell->notificationMenu()->muteAction()->trigger(); // unmute
        QTRY_COMPARE(serverPrefs(m_design), json({{"level", "all"}, {"muted", false}}));
        QVERIFY(bell->toolTip().contains(QStringLiteral("all messages")));
        QVERIFY(window->openRoom(m_lobby));
    }

    void notificationLevelRules()
    {
        Room publicRoom;
        publicRoom.type = RoomType::Public;
        Room direct;
        direct.type = RoomType::Direct;
        Message chatter;
        chatter.authorId = QStringLiteral("u_bob");
        chatter.content = QStringLiteral("hi");
        Message mention = chatter;
        mention.content = QStringLiteral("hi @alice");
        const QString me = QStringLiteral("u_alice"), name = QStringLiteral("alice");
        // Default: direct conversations and mentions.
        QVERIFY(!Notifier::wanted(chatter, publicRoom, me, name));
        QVERIFY(Notifier::wanted(mention, publicRoom, me, name));
        QVERIFY(Notifier::wanted(chatter, direct, me, name));
        // All: everything from others.
        publicRoom.notifications.level = NotificationLevel::All;
        QVERIFY(Notifier::wanted(chatter, publicRoom, me, name));
        // Mentions only: a direct conversation too.
        direct.notifications.level = NotificationLevel::Mentions;
        QVERIFY(!Notifier::wanted(chatter, direct, me, name));
        QVERIFY(Notifier::wanted(mention, direct, me, name));
        // Nothing, or muted: nothing.
        direct.notifications.level = NotificationLevel::None;
        QVERIFY(!Notifier::wanted(mention, direct, me, name));
        publicRoom.notifications.muted = true;
        QVERIFY(!Notifier::wanted(mention, publicRoom, me, name));
        QCOMPARE(WindowTitle::compose(0, {}), QStringLiteral("Confab"));
        QCOMPARE(WindowTitle::compose(12, QStringLiteral("general")), QStringLiteral("(12) general — Confab"));
    }

private:
    NotificationMenu *openContextMenuOn(const QString &roomId)
    {
        QListView *list = m_desk->window->roomList();
        const QModelIndex index = list->model()->index(rowOf(roomId), 0);
        if (!index.isValid())
            return nullptr;
        const QPoint at = list->visualRect(index).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, list->viewport()->mapToGlobal(at));
        QApplication::sendEvent(list->viewport(), &event);
        NotificationMenu *menu = m_desk->window->roomContextMenu();
        if (!QTest::qWaitForWindowExposed(menu) || menu->roomId() != roomId)
            return nullptr;
        return menu;
    }

    int rowOf(const QString &roomId) const
    {
        QAbstractItemModel *model = m_desk->window->roomList()->model();
        for (int i = 0; i < model->rowCount(); ++i) {
            if (model->index(i, 0).data(RoomListModel::RoomIdRole).toString() == roomId)
                return i;
        }
        return -1;
    }

    json serverPrefs(const QString &roomId) const
    {
        const RestReply r = m_alice->get(QStringLiteral("/v1/chat/rooms/") + roomId);
        return r.ok() ? r.data()["notifications"] : json();
    }

    bool activate()
    {
        m_desk->window->activateWindow();
        return QTest::qWaitForWindowActive(m_desk->window.get());
    }

    // The last message of a room as the room list has it.
    QString lastMessageOf(const QString &roomId) const
    {
        const auto room = m_desk->engine()->rooms().room(roomId);
        return room && room->lastMessage ? room->lastMessage->content : QString();
    }

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
    std::unique_ptr<RestClient> m_alice, m_bob, m_carol;
    std::unique_ptr<WsClient> m_bobLive, m_carolLive;
    QString m_lobby, m_design;
    std::unique_ptr<DesktopClient> m_desk; // alice's
};

QTEST_MAIN(TestA11y)
#include "tst_a11y.moc"
