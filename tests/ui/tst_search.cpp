// SPDX-License-Identifier: GPL-3.0-or-later
// Message search in the real window against a real server: Ctrl+Shift+F, type a word, the
// results (room, author, time, matched word), Enter opens the room at a week-old message in
// context, highlighted; scrolling down pages forward to now. Esc closes; Ctrl+F searches the
// open room only. Screenshots of the results and of the landing go to the test's folder (or
// CONFAB_SEARCH_SHOTS when set) to be looked at.

#include "desktopclient.h"
#include "historyseeder.h"
#include "restclient.h"
#include "testserver.h"

#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/models/searchresultsmodel.h"
#include "client/sync/chatengine.h"
#include "room/roomview.h"
#include "room/timelineview.h"
#include "search/searchdialog.h"
#include "shell/mainwindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QtTest>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;

namespace {
constexpr int kSeeded = 600;
constexpr int kTarget = 20;
} // namespace

class TestSearchUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        prepareUiTest(QStringLiteral("test_ui_search"));
        QVERIFY(m_server.start(TestServer::relaxedArgs()));
        m_alice = std::make_unique<RestClient>(m_server.httpUrl());
        const QString aliceId = qs(m_alice->signUp(QStringLiteral("alice"), QStringLiteral("correct horse"),
                                                   QStringLiteral("Alice"))["userId"]);
        QVERIFY(!aliceId.isEmpty());
        const RestReply lobby =
            m_alice->post(QStringLiteral("/v1/chat/rooms"), {{"name", "Lobby"}, {"type", "public"}});
        const RestReply garden =
            m_alice->post(QStringLiteral("/v1/chat/rooms"), {{"name", "Garden"}, {"type", "public"}});
        QVERIFY(lobby.ok() && garden.ok());
        m_lobby = qs(lobby.data()["roomId"]);
        m_garden = qs(garden.data()["roomId"]);
        QVERIFY(m_server.stop());
        const QString error = seedHistory(m_server.dataDir(), m_garden, aliceId, kSeeded, 9, kTarget,
                                          QStringLiteral("Who ordered the zanzibar spice crate? It came today."));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_server.start(TestServer::relaxedArgs()));
        const QString token = m_alice->token(); // the server came back on another port
        m_alice = std::make_unique<RestClient>(m_server.httpUrl());
        m_alice->setToken(token);
        QVERIFY(m_alice
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_lobby + QStringLiteral("/messages"),
                           {{"content", "zanzibar is also a word in the lobby"}})
                    .ok());

        m_desk = std::make_unique<DesktopClient>();
        m_desk->openWindow();
        m_desk->window->resize(1000, 700);
        QVERIFY(m_desk->adoptToken(m_server.httpUrl(), m_alice->token()));
        QVERIFY(m_desk->showActive());
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->window->roomList()->model()->rowCount(), 2, 10000);
        m_shots = qEnvironmentVariable("CONFAB_SEARCH_SHOTS", m_dir.path());
    }

    void cleanupTestCase() { m_desk.reset(); }

    void ctrlShiftFTypeEnterLandsOnTheMessage()
    {
        MainWindow *window = m_desk->window.get();
        QVERIFY(window->openRoom(m_lobby));
        QTest::keyClick(window->roomView()->composer(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        auto *dialog = qobject_cast<SearchDialog *>(window->currentDialog());
        QVERIFY(dialog);
        QCOMPARE(dialog->scopeBox()->currentIndex(), 0); // all rooms
        QTRY_VERIFY(dialog->queryEdit()->hasFocus());

        QTest::keyClicks(dialog->queryEdit(), QStringLiteral("zanzibar"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->results()->rowCount(), 2, 10000);
        QVERIFY2(dialog->statusLabel()->text().contains(QLatin1String("2")), qPrintable(dialog->statusLabel()->text()));
        // Newest first: the lobby's message, then the garden's week-old one.
        QListView *list = dialog->resultList();
        QCOMPARE(list->currentIndex().row(), 0);
        QCOMPARE(list->currentIndex().data(SearchResultsModel::RoomNameRole).toString(), QStringLiteral("Lobby"));
        const QModelIndex old = list->model()->index(1, 0);
        QCOMPARE(old.data(SearchResultsModel::RoomNameRole).toString(), QStringLiteral("Garden"));
        QCOMPARE(old.data(SearchResultsModel::AuthorNameRole).toString(), QStringLiteral("Alice"));
        QVERIFY(old.data(Qt::AccessibleTextRole).toString().contains(QLatin1String("Garden")));
        // Best match first also works and keeps both.
        dialog->sortBox()->setCurrentIndex(1);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->results()->rowCount(), 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->results()->isSearching(), 10000);
        dialog->sortBox()->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->results()->isSearching(), 10000);
        QCOMPARE(list->currentIndex().data(SearchResultsModel::RoomNameRole).toString(), QStringLiteral("Lobby"));
        QVERIFY(dialog->grab().save(m_shots + QStringLiteral("/search-results.png")));

        // Down to the garden's message, Enter: the garden opens at it, 580 messages back.
        QTest::keyClick(dialog->queryEdit(), Qt::Key_Down);
        QCOMPARE(list->currentIndex().row(), 1);
        QTest::keyClick(dialog->queryEdit(), Qt::Key_Return);
        QTRY_VERIFY(!window->currentDialog());
        QTRY_COMPARE(window->currentRoomId(), m_garden);
        const QString target = QStringLiteral("seed-%1").arg(kTarget);
        MessageModel *model = window->roomView()->messageModel();
        TimelineView *timeline = window->roomView()->timeline();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfMessage(target) >= 0 && timeline->currentIndex().isValid() &&
                                     timeline->currentIndex().data(MessageModel::MessageIdRole).toString() == target,
                                 10000);
        QVERIFY(!model->isAtLatest());
        QVERIFY(model->index(model->rowOfMessage(target)).data(MessageModel::IsHighlightedRole).toBool());
        // In view, with messages around it.
        QTRY_VERIFY(timeline->viewport()->rect().intersects(timeline->visualRect(timeline->currentIndex())));
        QVERIFY(model->rowOfMessage(target) > 0);
        QVERIFY(window->grab().save(m_shots + QStringLiteral("/search-landed.png")));
        // The highlight goes after a moment.
        QTRY_VERIFY_WITH_TIMEOUT(model->highlighted().isEmpty(), 10000);

        // Scrolling down (again and again, as a reader does) pages forward until the window is the
        // latest again.
        QScrollBar *bar = timeline->verticalScrollBar();
        QTRY_VERIFY_WITH_TIMEOUT((bar->setValue(bar->maximum()), model->isAtLatest()), 30000);
        QVERIFY(model->isAtLatest());
        QCOMPARE(model->messageAt(model->rowCount() - 1).messageId, QStringLiteral("seed-%1").arg(kSeeded - 1));
    }

    void ctrlFSearchesTheOpenRoomAndEscCloses()
    {
        MainWindow *window = m_desk->window.get();
        QVERIFY(m_desk->showActive()); // the window, not the closed dialog, takes the shortcut
        QVERIFY(window->openRoom(m_lobby));
        QTest::keyClick(window->roomView()->composer(), Qt::Key_F, Qt::ControlModifier);
        auto *dialog = qobject_cast<SearchDialog *>(window->currentDialog());
        QVERIFY(dialog);
        QCOMPARE(dialog->scopeBox()->currentIndex(), 1); // this room
        QTest::keyClicks(dialog->queryEdit(), QStringLiteral("zanzibar"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->results()->rowCount(), 1, 10000);
        QCOMPARE(dialog->results()->index(0).data(SearchResultsModel::RoomIdRole).toString(), m_lobby);
        // A bad filter: the server's words, no results.
        QTest::keyClicks(dialog->queryEdit(), QStringLiteral(" before:soon"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->statusLabel()->text().contains(QLatin1String("YYYY-MM-DD")), 10000);
        QCOMPARE(dialog->results()->rowCount(), 0);
        QTest::keyClick(dialog->queryEdit(), Qt::Key_Escape);
        QTRY_VERIFY(!window->currentDialog());
    }

private:
    TestServer m_server;
    QTemporaryDir m_dir;
    QString m_shots;
    std::unique_ptr<RestClient> m_alice;
    std::unique_ptr<DesktopClient> m_desk;
    QString m_lobby;
    QString m_garden;
};

QTEST_MAIN(TestSearchUi)
#include "tst_search.moc"
