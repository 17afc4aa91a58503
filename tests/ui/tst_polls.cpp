// SPDX-License-Identifier: GPL-3.0-or-later
// Polls in the real window against a real server: a poll made by keyboard from the composer
// (Ctrl+Shift+L, the dialog driven by Tab, Space and Enter), voting by keyboard (Enter on the poll
// opens the vote dialog), the row's text for screen readers, another member's vote arriving live,
// closing from the message menu, and screenshots of the poll card (open and closed) to look at.

#include "desktopclient.h"
#include "restclient.h"
#include "testserver.h"

#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "room/composer.h"
#include "room/newpolldialog.h"
#include "room/pollvotedialog.h"
#include "room/roompolls.h"
#include "room/roomview.h"
#include "room/timelineview.h"
#include "shell/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;

class TestPollsUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        prepareUiTest(QStringLiteral("test_ui_polls"));
        const QString shots = qEnvironmentVariable("CONFAB_POLL_SHOTS");
        m_shots = shots.isEmpty() ? m_tmp.path() : shots;
        QVERIFY(m_server.start(TestServer::relaxedArgs()));
        m_bob = std::make_unique<RestClient>(m_server.httpUrl());
        QVERIFY(
            m_bob->signUp(QStringLiteral("bob"), QStringLiteral("correct horse"), QStringLiteral("Bob")).is_object());
        m_alice = std::make_unique<RestClient>(m_server.httpUrl());
        QVERIFY(m_alice->signUp(QStringLiteral("alice"), QStringLiteral("correct horse"), QStringLiteral("Alice"))
                    .is_object());
        const RestReply room = m_alice->post(QStringLiteral("/v1/chat/rooms"), {{"name", "lunch"}, {"type", "public"}});
        QVERIFY(room.ok());
        m_roomId = qs(room.data()["roomId"]);
        QVERIFY(m_bob->post(QStringLiteral("/v1/chat/rooms/") + m_roomId + QStringLiteral("/join")).ok());

        m_desk = std::make_unique<DesktopClient>();
        m_desk->openWindow();
        QVERIFY(m_desk->adoptToken(m_server.httpUrl(), m_alice->token()));
        QVERIFY(m_desk->showActive());
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->window->roomList()->model()->rowCount(), 1, 10000);
        m_desk->window->roomList()->setCurrentIndex(m_desk->window->roomList()->model()->index(0, 0));
        QTRY_COMPARE(m_desk->window->currentRoomId(), m_roomId);
        QTRY_VERIFY_WITH_TIMEOUT(model()->isLatestLoaded(), 10000);
    }

    void cleanupTestCase() { m_desk.reset(); }

    void createPollByKeyboard()
    {
        composer()->setFocus();
        QVERIFY(polls()->createButton()->isEnabled());
        QVERIFY(!polls()->createButton()->accessibleName().isEmpty());
        QTest::keyClick(composer(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(polls()->newPollDialog() && polls()->newPollDialog()->isVisible());
        NewPollDialog *dialog = polls()->newPollDialog();
        QTRY_COMPARE(QApplication::focusWidget(), dialog->questionEdit());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Lunch?"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog->optionEdits().at(0));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Pizza"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // the remove button is off with 2 options
        QCOMPARE(QApplication::focusWidget(), dialog->optionEdits().at(1));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Sushi"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog->addOptionButton());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space); // adds a third option and goes there
        QTRY_COMPARE(dialog->optionEdits().size(), 3);
        QCOMPARE(QApplication::focusWidget(), dialog->optionEdits().at(2));
        QCOMPARE(dialog->optionEdits().at(2)->accessibleName(), QStringLiteral("Option 3"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("pizza")); // the same as the first
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(dialog->isVisible()); // refused, and says why
        QVERIFY2(dialog->errorLabel()->text().contains(QStringLiteral("pizza")),
                 qPrintable(dialog->errorLabel()->text()));
        dialog->optionEdits().at(2)->clear();
        dialog->optionEdits().at(2)->setFocus();
        QTest::keyClicks(dialog->optionEdits().at(2), QStringLiteral("Tacos"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // its remove button
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // "Add option"
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        auto *several = qobject_cast<QCheckBox *>(QApplication::focusWidget());
        QVERIFY(several && several->text().contains(QStringLiteral("several")));
        QTest::keyClick(several, Qt::Key_Space);
        QVERIFY(several->isChecked());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(!polls()->newPollDialog());

        QTRY_VERIFY_WITH_TIMEOUT(pollRow() >= 0, 10000);
        const Poll poll = pollAt(pollRow());
        QCOMPARE(poll.question, QStringLiteral("Lunch?"));
        QCOMPARE(int(poll.options.size()), 3);
        QCOMPARE(poll.options[2].text, QStringLiteral("Tacos"));
        QVERIFY(poll.multipleChoice);
    }

    void voteByKeyboardAndSeeOthersLive()
    {
        const int row = pollRow();
        QVERIFY(row >= 0);
        const QString messageId = model()->data(model()->index(row, 0), MessageModel::MessageIdRole).toString();
        timeline()->setFocus();
        timeline()->setCurrentIndex(timeline()->model()->index(row, 0));
        QTest::keyClick(timeline(), Qt::Key_Return);
        QTRY_VERIFY(polls()->voteDialog() && polls()->voteDialog()->isVisible());
        PollVoteDialog *dialog = polls()->voteDialog();
        QCOMPARE(dialog->optionButtons().size(), 3);
        QTRY_COMPARE(QApplication::focusWidget(), dialog->optionButtons().at(0));
        QVERIFY(dialog->optionButtons().at(0)->accessibleName().startsWith(QStringLiteral("Pizza")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space); // Pizza
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog->optionButtons().at(2));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space); // and Tacos
        saveShot(dialog, QStringLiteral("poll-vote-dialog.png"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // Vote is the default button
        QTRY_VERIFY(!polls()->voteDialog());
        QTRY_COMPARE_WITH_TIMEOUT(pollAt(row).myVotes.value_or(QStringList{}),
                                  (QStringList{QStringLiteral("o1"), QStringLiteral("o3")}), 10000);

        // Bob's vote arrives live.
        QVERIFY(m_bob
                    ->put(QStringLiteral("/v1/chat/rooms/%1/messages/%2/poll/vote").arg(m_roomId, messageId),
                          {{"optionIds", {"o1"}}})
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(pollAt(row).option(QStringLiteral("o1"))->votes, 2, 10000);
        const QString spoken = timeline()->model()->index(row, 0).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.contains(QStringLiteral("Lunch? Pizza 2 votes, Sushi 0 votes, Tacos 1 vote.")),
                 qPrintable(spoken));
        QVERIFY2(spoken.contains(QStringLiteral("You voted Pizza, Tacos.")), qPrintable(spoken));
        saveShot(timeline(), QStringLiteral("poll-card.png"));
    }

    void closeFromTheMessageMenu()
    {
        const int row = pollRow();
        QMenu *menu = timeline()->createContextMenu(timeline()->model()->index(row, 0));
        QAction *close = nullptr;
        for (QAction *a : menu->actions()) {
            if (a->text().remove(QLatin1Char('&')) == QStringLiteral("Close poll"))
                close = a;
        }
        QVERIFY(close);
        close->trigger();
        delete menu;
        QTRY_VERIFY_WITH_TIMEOUT(pollAt(row).closedAt > 0, 10000);
        const QString spoken = timeline()->model()->index(row, 0).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.endsWith(QStringLiteral("Closed.")), qPrintable(spoken));
        saveShot(timeline(), QStringLiteral("poll-card-closed.png"));
    }

private:
    RoomPolls *polls() const { return m_desk->window->roomView()->polls(); }
    TimelineView *timeline() const { return m_desk->window->roomView()->timeline(); }
    Composer *composer() const { return m_desk->window->roomView()->composer(); }
    MessageModel *model() const { return m_desk->window->roomView()->messageModel(); }
    int pollRow() const
    {
        for (int i = 0; i < model()->rowCount(); ++i) {
            if (model()->data(model()->index(i, 0), MessageModel::PollRole).isValid())
                return i;
        }
        return -1;
    }
    Poll pollAt(int row) const { return model()->data(model()->index(row, 0), MessageModel::PollRole).value<Poll>(); }

    void saveShot(QWidget *w, const QString &name)
    {
        QCoreApplication::processEvents();
        w->repaint();
        const QImage image = w->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(m_shots + QLatin1Char('/') + name));
    }

    QTemporaryDir m_tmp;
    QString m_shots;
    TestServer m_server;
    std::unique_ptr<RestClient> m_alice;
    std::unique_ptr<RestClient> m_bob;
    QString m_roomId;
    std::unique_ptr<DesktopClient> m_desk;
};

QTEST_MAIN(TestPollsUi)
#include "tst_polls.moc"
