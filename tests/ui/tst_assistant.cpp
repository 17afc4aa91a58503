// SPDX-License-Identifier: GPL-3.0-or-later
// The assistant in the real window against a real server: an answer streams into its row while
// the view stays at the bottom, the row looks like the assistant's (badge, state line, a Stop
// button for the asker), Stop and Retry work from the keyboard (shortcuts and the message menu)
// and from the hover toolbar, the error state shows the error, "@" offers @ai in a room that
// allows the assistant and stops offering it when the settings dialog turns it off. Screenshots of
// the streaming, stopped and error rows are saved to look at (CONFAB_ASSISTANT_SHOTS names a folder).
// The error state comes from a real server with no model configured; the streaming answer from a
// second real server that streams from a stand-in model server (FakeModelServer), so the whole
// path runs: model, server, deltas, client, row. Last, the demo's offline assistant answers
// "@ai summarize" in the demo's #general.

#include "desktopclient.h"
#include "fakemodelserver.h"
#include "restclient.h"
#include "testserver.h"

#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/sync/answerstreams.h"
#include "client/sync/chatengine.h"
#include "demo/demoserver.h"
#include "moderation/moderationcontroller.h"
#include "room/answercontrols.h"
#include "room/composer.h"
#include "room/composercompleter.h"
#include "room/messagedelegate.h"
#include "room/messagehoverbar.h"
#include "room/roomsettingsdialog.h"
#include "room/roomview.h"
#include "room/timelineview.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;

namespace {
QStringList itemTexts(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}
} // namespace

class TestAssistantUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        prepareUiTest(QStringLiteral("test_ui_assistant"));
        const QString shots = qEnvironmentVariable("CONFAB_ASSISTANT_SHOTS");
        m_shots = shots.isEmpty() ? m_tmp.path() : shots;
        QVERIFY(m_server.start(TestServer::relaxedArgs()));
        m_alice = std::make_unique<RestClient>(m_server.httpUrl());
        const nlohmann::json me =
            m_alice->signUp(QStringLiteral("alice"), QStringLiteral("correct horse"), QStringLiteral("Alice"));
        QVERIFY(me.is_object());
        m_aliceId = qs(me["userId"]);
        const RestReply room =
            m_alice->post(QStringLiteral("/v1/chat/rooms"),
                          {{"name", "lunch"}, {"type", "public"}, {"settings", {{"enableAI", true}}}});
        QVERIFY(room.ok());
        m_roomId = qs(room.data()["roomId"]);
        // Enough history that the timeline scrolls: the answer must not pull the view away.
        for (int i = 0; i < 25; ++i)
            QVERIFY(m_alice
                        ->post(QStringLiteral("/v1/chat/rooms/") + m_roomId + QStringLiteral("/messages"),
                               {{"content", QStringLiteral("Message %1 about lunch").arg(i).toStdString()}})
                        .ok());

        m_desk = std::make_unique<DesktopClient>();
        m_desk->openWindow();
        m_desk->window->resize(900, 640);
        QVERIFY(m_desk->adoptToken(m_server.httpUrl(), m_alice->token()));
        QVERIFY(m_desk->showActive());
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->window->roomList()->model()->rowCount(), 1, 10000);
        m_desk->window->roomList()->setCurrentIndex(m_desk->window->roomList()->model()->index(0, 0));
        QTRY_COMPARE(m_desk->window->currentRoomId(), m_roomId);
        QTRY_VERIFY_WITH_TIMEOUT(model()->isLatestLoaded(), 10000);
        QTRY_VERIFY(model()->rowCount() >= 25);
    }

    void cleanupTestCase() { m_desk.reset(); }

    void askingWithoutAModelEndsInTheErrorState()
    {
        // This server has no model: "@ai" typed and sent by keyboard is answered at once with an
        // answer in the error state (ASSISTANT_DISABLED) that names the setting.
        Composer *c = m_desk->window->roomView()->composer();
        c->setFocus();
        QTest::keyClicks(c, QStringLiteral("@ai summarize"));
        ComposerCompleter *completer = m_desk->window->roomView()->completer();
        if (completer->isOpen())
            QTest::keyClick(c, Qt::Key_Escape);
        QTest::keyClick(c, Qt::Key_Return);
        QString failedId;
        QTRY_VERIFY_WITH_TIMEOUT(!(failedId = lastAnswerId()).isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(AnswerControls::isError(proxyIndex(failedId)), 10000);
        const QModelIndex row = proxyIndex(failedId);
        QVERIFY2(MessageDelegate::statusText(row).contains(QStringLiteral("--assistant-url")),
                 qPrintable(MessageDelegate::statusText(row)));
        QVERIFY(!timeline()->messageDelegate()->answerButtonRect(row).isEmpty());
        timeline()->hoverBar()->showFor(row);
        QVERIFY(timeline()->hoverBar()->retryAnswerButton()->isVisibleTo(timeline()->hoverBar()));
        QCOMPARE(timeline()->hoverBar()->retryAnswerButton()->accessibleName(),
                 QStringLiteral("Ask the assistant again"));
        QSignalSpy retry(timeline(), &TimelineView::retryAnswerRequested);
        timeline()->hoverBar()->retryAnswerButton()->click();
        QCOMPARE(retry.count(), 1);
        QCOMPARE(retry.at(0).at(0).toString(), failedId);
        timeline()->hoverBar()->hide();
        QTRY_COMPARE(timeline()->verticalScrollBar()->value(), timeline()->verticalScrollBar()->maximum());
        shoot(QStringLiteral("assistant-error.png"));
    }

    void composerOffersTheAssistantWhereAllowed()
    {
        ComposerCompleter *completer = m_desk->window->roomView()->completer();
        Composer *c = m_desk->window->roomView()->composer();
        QTRY_VERIFY(completer->isAssistantEnabled());
        c->setFocus();
        QTest::keyClicks(c, QStringLiteral("@a"));
        QTRY_VERIFY(completer->isOpen());
        const QStringList offered = itemTexts(completer->popup());
        QVERIFY2(offered.contains(QStringLiteral("@ai — ask the assistant")) &&
                     offered.contains(QStringLiteral("@assistant — ask the assistant")),
                 qPrintable(offered.join(QLatin1Char(','))));
        QTest::keyClick(c, Qt::Key_Return); // the first: @ai
        QCOMPARE(c->toPlainText(), QStringLiteral("@ai "));
        c->clear();

        // The owner sees "Allow the assistant" checked; turning it off stops the offer.
        ModerationController *mod = m_desk->window->roomView()->moderation();
        mod->openSettings();
        QTRY_VERIFY(mod->settingsDialog() && mod->settingsDialog()->isVisible());
        RoomSettingsDialog *settings = mod->settingsDialog();
        QCheckBox *allow = settings->allowAssistantBox();
        QVERIFY(allow->isVisibleTo(settings));
        QVERIFY(allow->isChecked());
        QCOMPARE(allow->accessibleName(), QStringLiteral("Allow the assistant"));
        QVERIFY(allow->focusPolicy() & Qt::TabFocus);
        allow->setFocus();
        QTest::keyClick(allow, Qt::Key_Space);
        QVERIFY(!allow->isChecked());
        settings->saveButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!mod->settingsDialog(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!completer->isAssistantEnabled(), 10000);
        QVERIFY(!m_alice->get(QStringLiteral("/v1/chat/rooms/") + m_roomId).data()["settings"]["enableAI"].get<bool>());
        c->setFocus();
        QTest::keyClicks(c, QStringLiteral("@a"));
        QVERIFY(!itemTexts(completer->popup()).contains(QStringLiteral("@ai — ask the assistant")));
        c->clear();
    }

    // The whole path, with nothing hand-made: a second server streams from a stand-in model server
    // (FakeModelServer) on 127.0.0.1, and a second desktop client asks it by keyboard.
    void answerStreamsInFromTheModelAndStopsByKeyboard()
    {
        QVERIFY(m_model.listen());
        QVERIFY(m_modelServer.start(TestServer::relaxedArgs()
                                    << QStringLiteral("--assistant-url") << m_model.baseUrl()
                                    << QStringLiteral("--assistant-model") << QStringLiteral("test-model")
                                    << QStringLiteral("--assistant-user-per-minute") << QStringLiteral("0")
                                    << QStringLiteral("--assistant-room-per-minute") << QStringLiteral("0")));
        RestClient carol(m_modelServer.httpUrl());
        QVERIFY(carol.signUp(QStringLiteral("carol"), QStringLiteral("correct horse"), QStringLiteral("Carol"))
                    .is_object());
        const RestReply room =
            carol.post(QStringLiteral("/v1/chat/rooms"),
                       {{"name", "planning"}, {"type", "public"}, {"settings", {{"enableAI", true}}}});
        QVERIFY(room.ok());
        const QString roomId = qs(room.data()["roomId"]);
        for (int i = 0; i < 25; ++i) // the timeline scrolls: the answer must not pull the view away
            QVERIFY(carol
                        .post(QStringLiteral("/v1/chat/rooms/") + roomId + QStringLiteral("/messages"),
                              {{"content", QStringLiteral("Plan item %1 for the offsite").arg(i).toStdString()}})
                        .ok());
        m_desk.reset(); // one window at a time: shortcuts go to the active one
        m_desk = std::make_unique<DesktopClient>();
        m_desk->openWindow();
        m_desk->window->resize(900, 640);
        QVERIFY(m_desk->adoptToken(m_modelServer.httpUrl(), carol.token()));
        QVERIFY(m_desk->showActive());
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->window->roomList()->model()->rowCount(), 1, 10000);
        m_desk->window->roomList()->setCurrentIndex(m_desk->window->roomList()->model()->index(0, 0));
        QTRY_COMPARE(m_desk->window->currentRoomId(), roomId);
        QTRY_VERIFY_WITH_TIMEOUT(model()->isLatestLoaded(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() >= 25, 10000);

        // Word by word, as a model writes; held after twelve words, so the answer is mid-stream.
        const QStringList words =
            QStringLiteral("**Summary** of the planning so far: Carol listed 25 items for the offsite. "
                           "Most are about travel and rooms; nobody has picked a date yet. The budget "
                           "came up twice.")
                .split(QLatin1Char(' '));
        QStringList pieces;
        for (int i = 0; i < words.size(); ++i)
            pieces << (i == 0 ? words[i] : QLatin1Char(' ') + words[i]);
        m_model.setReply(pieces);
        m_model.setPieceIntervalMs(80);
        m_model.holdAfter(12);
        const QString held = pieces.mid(0, 12).join(QString());
        QSignalSpy grew(&m_desk->engine()->answers(), &AnswerStreams::textChanged);

        Composer *c = m_desk->window->roomView()->composer();
        c->setFocus();
        QTest::keyClicks(c, QStringLiteral("@ai summarize"));
        if (m_desk->window->roomView()->completer()->isOpen())
            QTest::keyClick(c, Qt::Key_Escape);
        QTest::keyClick(c, Qt::Key_Return);
        QString answerId;
        QTRY_VERIFY_WITH_TIMEOUT(!(answerId = lastAnswerId()).isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(contentOf(answerId).endsWith(held), 10000);
        // The text grew in several steps, each longer than the one before; none went backwards.
        QVERIFY2(grew.count() >= 2, qPrintable(QString::number(grew.count())));
        for (int i = 1; i < grew.count(); ++i)
            QVERIFY(grew.at(i).at(2).toString().size() > grew.at(i - 1).at(2).toString().size());
        // Carol wrote everything here herself: nothing unread, and the first line says so.
        QVERIFY2(contentOf(answerId).startsWith(QStringLiteral("No unread messages: summary of the last 25 messages.")),
                 qPrintable(contentOf(answerId)));
        QTRY_VERIFY(timeline()->isAtBottom());
        const QScrollBar *bar = timeline()->verticalScrollBar();
        QTRY_COMPARE(bar->value(), bar->maximum());

        // The row: "generating…" and a Stop button for the asker, its own look.
        QModelIndex row = proxyIndex(answerId);
        QVERIFY2(MessageDelegate::statusText(row).contains(QStringLiteral("generating")),
                 qPrintable(MessageDelegate::statusText(row)));
        QVERIFY(!timeline()->messageDelegate()->answerButtonRect(row).isEmpty());
        shoot(QStringLiteral("assistant-streaming.png"));

        // The hover toolbar offers Stop (with an accessible name), not Retry.
        timeline()->hoverBar()->showFor(row);
        QVERIFY(timeline()->hoverBar()->stopAnswerButton()->isVisibleTo(timeline()->hoverBar()));
        QVERIFY(!timeline()->hoverBar()->retryAnswerButton()->isVisibleTo(timeline()->hoverBar()));
        QCOMPARE(timeline()->hoverBar()->stopAnswerButton()->accessibleName(), QStringLiteral("Stop the answer"));

        // The message menu (Shift+F10) lists "Stop the answer"; Ctrl+Shift+X stops it at the server.
        timeline()->setFocus();
        timeline()->setCurrentIndex(row);
        std::unique_ptr<QMenu> menu(timeline()->createContextMenu(row));
        QVERIFY(menu->actions().contains(timeline()->stopAnswerAction()));
        QVERIFY(timeline()->stopAnswerAction()->isEnabled());
        QVERIFY(!timeline()->retryAnswerAction()->isVisible());
        menu.reset();
        QTest::keyClick(timeline(), Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(answerId), QStringLiteral("cancelled"), 10000);
        QVERIFY(MessageDelegate::statusText(proxyIndex(answerId)).contains(QStringLiteral("Stopped")));
        QVERIFY(contentOf(answerId).endsWith(held)); // what was written stays
        // The toolbar still over the row follows the new state: no Stop on an answer that ended.
        QVERIFY(timeline()->hoverBar()->isVisible());
        QVERIFY(!timeline()->hoverBar()->stopAnswerButton()->isVisibleTo(timeline()->hoverBar()));
        QVERIFY(timeline()->hoverBar()->retryAnswerButton()->isVisibleTo(timeline()->hoverBar()));
        timeline()->hoverBar()->hide();
        QVERIFY(!timeline()->stopAnswerAction()->isEnabled());
        QVERIFY(timeline()->retryAnswerAction()->isEnabled());
        shoot(QStringLiteral("assistant-stopped.png"));
        const int requests = int(m_model.requests().size());
        m_model.release(); // the rest of the first answer: nobody is listening any more
        QCOMPARE(stateOf(answerId), QStringLiteral("cancelled"));

        // Ctrl+Shift+G asks again: a new answer streams in whole and ends done; the stopped one stays.
        m_model.holdAfter(0);
        timeline()->setFocus();
        timeline()->setCurrentIndex(proxyIndex(answerId));
        QTest::keyClick(timeline(), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        QString retried;
        QTRY_VERIFY_WITH_TIMEOUT(!(retried = lastAnswerId()).isEmpty() && retried != answerId, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(retried), QStringLiteral("done"), 10000);
        QVERIFY2(contentOf(retried).endsWith(pieces.join(QString())), qPrintable(contentOf(retried)));
        QCOMPARE(int(m_model.requests().size()), requests + 1);
        QCOMPARE(stateOf(answerId), QStringLiteral("cancelled"));
        QVERIFY(!MessageDelegate::statusText(proxyIndex(retried)).contains(QStringLiteral("generating")));
        QTRY_VERIFY(timeline()->isAtBottom());
    }

    // The demo with no model: the offline demo assistant answers "@ai summarize" in #general,
    // labelled as what it is, streamed, and ends done.
    void offlineDemoAssistantAnswersInTheDemo()
    {
        qunsetenv("CONFAB_ASSISTANT_URL");
        m_desk.reset();
        demo::DemoServer demo(demo::DemoServer::Options{m_tmp.filePath(QStringLiteral("demo")), 20.0});
        QSignalSpy ready(&demo, &demo::DemoServer::ready);
        demo.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
        m_desk = std::make_unique<DesktopClient>();
        m_desk->openWindow();
        m_desk->window->resize(900, 640);
        QVERIFY(m_desk->adoptToken(ready.at(0).at(0).toUrl(), ready.at(0).at(1).toString()));
        QVERIFY(m_desk->showActive());
        QAbstractItemModel *rooms = m_desk->window->roomList()->model();
        QModelIndex general;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int i = 0; i < rooms->rowCount(); ++i) {
                    if (rooms->index(i, 0).data(RoomListModel::NameRole).toString() == QLatin1String("general"))
                        general = rooms->index(i, 0);
                }
                return general.isValid();
            }(),
            10000);
        m_desk->window->roomList()->setCurrentIndex(general);
        QTRY_COMPARE(m_desk->window->currentRoomId(), general.data(RoomListModel::RoomIdRole).toString());
        QTRY_VERIFY_WITH_TIMEOUT(model()->isLatestLoaded(), 10000);
        const QString before = lastAnswerId();

        Composer *c = m_desk->window->roomView()->composer();
        c->setFocus();
        QTest::keyClicks(c, QStringLiteral("@ai summarize"));
        if (m_desk->window->roomView()->completer()->isOpen())
            QTest::keyClick(c, Qt::Key_Escape);
        QTest::keyClick(c, Qt::Key_Return);
        QString answerId;
        QTRY_VERIFY_WITH_TIMEOUT(!(answerId = lastAnswerId()).isEmpty() && answerId != before, 15000);
        const QModelIndex source = model()->index(model()->rowOfMessage(answerId), 0);
        QCOMPARE(source.data(MessageModel::TypeRole).toString(), QStringLiteral("ai_response"));
        QCOMPARE(source.data(MessageModel::AuthorNameRole).toString(), QStringLiteral("Demo assistant (offline)"));
        QVERIFY(source.data(MessageModel::AskedByMeRole).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(answerId), QStringLiteral("done"), 15000);
        const QString text = contentOf(answerId);
        QVERIFY2(text.contains(QStringLiteral("Offline demo assistant")) &&
                     text.contains(QStringLiteral("Who said what")),
                 qPrintable(text));
        QVERIFY2(text.startsWith(QStringLiteral("Summary of ")) || text.startsWith(QStringLiteral("No unread")) ||
                     text.startsWith(QStringLiteral("Only ")),
                 qPrintable(text)); // the first line says what it summarised
        QVERIFY(!MessageDelegate::statusText(proxyIndex(answerId)).contains(QStringLiteral("generating")));
        QVERIFY(timeline()->messageDelegate()->answerButtonRect(proxyIndex(answerId)).isEmpty()); // no Stop, no Retry
        QTRY_VERIFY(timeline()->isAtBottom());
        shoot(QStringLiteral("assistant-demo.png"));
        m_desk.reset(); // the client goes before its server
        demo.stop();
    }

private:
    TimelineView *timeline() const { return m_desk->window->roomView()->timeline(); }
    MessageModel *model() const { return m_desk->window->roomView()->messageModel(); }
    QModelIndex proxyIndex(const QString &messageId) const
    {
        return timeline()->model()->index(model()->rowOfMessage(messageId), 0);
    }

    // The newest answer of the assistant in the timeline.
    QString lastAnswerId() const
    {
        for (int i = model()->rowCount() - 1; i >= 0; --i) {
            if (model()->data(model()->index(i, 0), MessageModel::AiAnswerRole).isValid())
                return model()->data(model()->index(i, 0), MessageModel::MessageIdRole).toString();
        }
        return {};
    }

    QString contentOf(const QString &messageId) const
    {
        const int row = model()->rowOfMessage(messageId);
        return row < 0 ? QString() : model()->data(model()->index(row, 0), MessageModel::ContentRole).toString();
    }

    // "streaming", "done", "cancelled", ... of an answer's row; "none" without one.
    QString stateOf(const QString &messageId) const
    {
        const int row = model()->rowOfMessage(messageId);
        const QVariant v = row < 0 ? QVariant() : model()->data(model()->index(row, 0), MessageModel::AiAnswerRole);
        return v.isValid() ? toString(v.value<AiAnswer>().state) : QStringLiteral("none");
    }

    void shoot(const QString &name)
    {
        const QString path = QDir(m_shots).filePath(name);
        QVERIFY2(m_desk->window->grab().save(path), qPrintable(path));
    }

    QTemporaryDir m_tmp;
    QString m_shots;
    TestServer m_server;
    std::unique_ptr<RestClient> m_alice;
    QString m_aliceId;
    QString m_roomId;
    FakeModelServer m_model;
    TestServer m_modelServer; // the streaming test's: with a model
    std::unique_ptr<DesktopClient> m_desk;
};

QTEST_MAIN(TestAssistantUi)
#include "tst_assistant.moc"
