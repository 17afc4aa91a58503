// SPDX-License-Identifier: GPL-3.0-or-later
// System lines and "Seen by" in the real window against a real server: a run of joins folds
// into one line ("Alice, Bob and 4 others joined") that Enter opens and closes, screen readers
// hear the same sentence, and the readers of a message appear under it live, with "Seen by ..."
// as tooltip and accessible text. Alice uses the window; the others act over REST.

#include "desktopclient.h"
#include "restclient.h"
#include "testserver.h"

#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "room/roomview.h"
#include "room/seenby.h"
#include "room/systemruns.h"
#include "room/timelineroles.h"
#include "room/timelineview.h"
#include "shell/mainwindow.h"

#include <QDir>
#include <QListView>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;

namespace {
QString roomPath(const QString &roomId) { return QStringLiteral("/v1/chat/rooms/") + roomId; }
} // namespace

class TestTimelineEvents : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        prepareUiTest(QStringLiteral("test_ui_timelineevents"));
        QVERIFY(m_server.start(TestServer::relaxedArgs()));
        m_alice = std::make_unique<RestClient>(m_server.httpUrl());
        QVERIFY(!m_alice->signUp(QStringLiteral("alice"), QStringLiteral("correct horse"), QStringLiteral("Alice"))
                     .is_null());
        const RestReply room =
            m_alice->post(QStringLiteral("/v1/chat/rooms"), {{"name", "events"}, {"type", "public"}});
        QVERIFY(room.ok());
        m_room = qs(room.data()["roomId"]);
        for (const char *name : {"Bob", "Cy", "Di", "Ed", "Fa"}) {
            auto rest = std::make_unique<RestClient>(m_server.httpUrl());
            const QString display = QString::fromLatin1(name);
            QVERIFY(!rest->signUp(display.toLower() + QStringLiteral("_user"), QStringLiteral("correct horse"), display)
                         .is_null());
            QVERIFY(rest->post(roomPath(m_room) + QStringLiteral("/join")).ok());
            m_others.push_back(std::move(rest));
        }
        const RestReply hello =
            m_others[0]->post(roomPath(m_room) + QStringLiteral("/messages"), {{"content", "Hello, all of you"}});
        QVERIFY(hello.ok());
        m_hello = qs(hello.data()["messageId"]);

        m_desk = std::make_unique<DesktopClient>();
        m_desk->openWindow();
        QVERIFY(m_desk->adoptToken(m_server.httpUrl(), m_alice->token()));
        QVERIFY(m_desk->showActive());
        m_desk->window->resize(900, 600);
        openRoom();
    }

    void cleanupTestCase() { m_desk.reset(); }

    void runOfJoinsIsOneLineThatEnterOpens()
    {
        // Alice's own join at creation, then five more: six lines, rows 0-5; Bob's message is row 6.
        QTRY_COMPARE_WITH_TIMEOUT(timeline()->model()->rowCount(), 7, 10000);
        const QModelIndex head = timeline()->model()->index(0, 0);
        QCOMPARE(head.data(MessageModel::TypeRole).toString(), QStringLiteral("system"));
        for (int row = 1; row < 6; ++row)
            QVERIFY2(timeline()->isRowHidden(row), qPrintable(QStringLiteral("row %1 is not folded").arg(row)));
        QVERIFY(!timeline()->isRowHidden(6));
        const QString folded = QStringLiteral("Alice, Bob and 4 others joined");
        QCOMPARE(head.data(SystemTextRole).toString(), folded);
        QCOMPARE(head.data(Qt::AccessibleTextRole).toString(), folded); // what a screen reader hears
        grabTo(QStringLiteral("timeline-folded.png"));

        // By keyboard: focus the line, Enter opens the run, Enter again closes it.
        timeline()->setFocus();
        timeline()->setCurrentIndex(head);
        QTest::keyClick(timeline(), Qt::Key_Return);
        for (int row = 1; row < 6; ++row)
            QVERIFY(!timeline()->isRowHidden(row));
        QCOMPARE(head.data(Qt::AccessibleTextRole).toString(), QStringLiteral("Alice joined"));
        QCOMPARE(timeline()->model()->index(3, 0).data(Qt::AccessibleTextRole).toString(), QStringLiteral("Di joined"));
        grabTo(QStringLiteral("timeline-opened.png"));
        QTest::keyClick(timeline(), Qt::Key_Return);
        QVERIFY(timeline()->isRowHidden(3));
        QCOMPARE(head.data(Qt::AccessibleTextRole).toString(), folded);
    }

    void readersShowUnderTheMessageLive()
    {
        const QModelIndex hello = timeline()->model()->index(6, 0);
        QCOMPARE(hello.data(MessageModel::MessageIdRole).toString(), m_hello);
        QVERIFY(hello.data(SeenByIdsRole).toStringList().isEmpty());
        // Cy, Di, Ed and Fa read it (Bob wrote it: he is never among its readers).
        for (std::size_t i = 1; i < m_others.size(); ++i)
            QVERIFY(m_others[i]
                        ->post(roomPath(m_room) + QStringLiteral("/read"), {{"messageId", m_hello.toStdString()}})
                        .ok());
        QTRY_COMPARE_WITH_TIMEOUT(hello.data(SeenByIdsRole).toStringList().size(), 4, 10000);
        QStringList names = hello.data(SeenByNamesRole).toStringList();
        const QString seen = SeenBy::text(names);
        names.sort();
        QCOMPARE(names,
                 (QStringList{QStringLiteral("Cy"), QStringLiteral("Di"), QStringLiteral("Ed"), QStringLiteral("Fa")}));
        QVERIFY2(seen.startsWith(QStringLiteral("Seen by ")) && seen.endsWith(QStringLiteral(" and 2 others")),
                 qPrintable(seen));
        QCOMPARE(hello.data(Qt::ToolTipRole).toString(), seen);
        const QString spoken = hello.data(Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.contains(QStringLiteral("Hello, all of you")) && spoken.contains(seen), qPrintable(spoken));
        grabTo(QStringLiteral("timeline-seen-by.png"));
    }

private:
    TimelineView *timeline() const { return m_desk->window->roomView()->timeline(); }

    void grabTo(const QString &name)
    {
        QApplication::processEvents();
        const QString dir = QDir::temp().filePath(QStringLiteral("confab-timelineevents"));
        QDir().mkpath(dir);
        QVERIFY(m_desk->window->grab().save(dir + QLatin1Char('/') + name));
    }

    void openRoom()
    {
        QAbstractItemModel *rooms = m_desk->window->roomList()->model();
        QTRY_COMPARE_WITH_TIMEOUT(rooms->rowCount(), 1, 10000);
        m_desk->window->roomList()->setCurrentIndex(rooms->index(0, 0));
        QTRY_COMPARE(m_desk->window->currentRoomId(), m_room);
        // The state, not the signal: the latest page may have come (from the cache) before a spy
        // made here could see it.
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->window->roomView()->messageModel()->isLatestLoaded(), 10000);
    }

    TestServer m_server;
    std::unique_ptr<RestClient> m_alice;
    std::vector<std::unique_ptr<RestClient>> m_others;
    std::unique_ptr<DesktopClient> m_desk;
    QString m_room;
    QString m_hello;
};

QTEST_MAIN(TestTimelineEvents)
#include "tst_timelineevents.moc"
