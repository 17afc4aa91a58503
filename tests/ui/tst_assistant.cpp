// SPDX-License-Identifier: GPL-3.0-or-later
// The assistant in the real window against a real server: an answer streams into its row while
// the view stays at the bottom, the row looks like the assistant's (badge, state line, a Stop
// button for the asker), Stop and Retry work from the keyboard (shortcuts and the message menu)
// and from the hover toolbar, the error state shows the error, "@" offers @ai in a room that
// allows the assistant and stops offering it when the settings dialog turns it off. Screenshots of
// the streaming, stopped and error rows are saved to look at (CONFAB_ASSISTANT_SHOTS names a folder).
// The error state comes from the real server (it has no model configured); the streaming answer is
// made of hand-made frames delivered through the client's realtime connection.

#include "desktopclient.h"
#include "restclient.h"
#include "testserver.h"

#include "client/models/messagemodel.h"
#include "client/net/realtimeconnection.h"
#include "client/sync/chatengine.h"
#include "client/sync/syncengine.h"
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

    // Hand-made frames from here on: their seqs run ahead of the server's, so this test goes last.
    void answerStreamsInAndStopsByKeyboard()
    {
        const QString question =
            model()->data(model()->index(model()->rowCount() - 1, 0), MessageModel::MessageIdRole).toString();
        m_answer = answer(QStringLiteral("ans-1"), question, AiState::Streaming);
        deliver(AiResponseFrame{m_answer});
        QTRY_VERIFY(model()->rowOfMessage(m_answer.messageId) >= 0);
        QTRY_VERIFY(timeline()->isAtBottom());
        const QScrollBar *bar = timeline()->verticalScrollBar();

        // Word by word, as a model writes: the row grows and the view stays pinned to the bottom.
        const QStringList words =
            QStringLiteral("**Summary** of the room so far: Alice posted 25 messages about lunch. "
                           "Most of them ask where to go; nobody has answered yet. Pizza came up "
                           "twice, and the place round the corner once.")
                .split(QLatin1Char(' '));
        const int heightBefore = timeline()->visualRect(proxyIndex(m_answer.messageId)).height();
        qint64 offset = 0;
        for (const QString &w : words) {
            const QString text = offset == 0 ? w : QLatin1Char(' ') + w;
            deliver(AiDeltaFrame{m_roomId, m_answer.messageId, offset, text});
            offset += text.size(); // ASCII: code points are UTF-16 units here
            QCoreApplication::processEvents();
        }
        QTRY_COMPARE(model()
                         ->data(model()->index(model()->rowOfMessage(m_answer.messageId), 0), MessageModel::ContentRole)
                         .toString(),
                     words.join(QLatin1Char(' ')));
        QTRY_VERIFY(timeline()->visualRect(proxyIndex(m_answer.messageId)).height() > heightBefore);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(timeline()->isAtBottom());

        // The row: "generating…" and a Stop button for the asker, its own look.
        const QModelIndex row = proxyIndex(m_answer.messageId);
        QVERIFY(MessageDelegate::statusText(row).contains(QStringLiteral("generating")));
        QVERIFY(!timeline()->messageDelegate()->answerButtonRect(row).isEmpty());
        shoot(QStringLiteral("assistant-streaming.png"));

        // The hover toolbar offers Stop (with an accessible name), not Retry.
        timeline()->hoverBar()->showFor(row);
        QVERIFY(timeline()->hoverBar()->stopAnswerButton()->isVisibleTo(timeline()->hoverBar()));
        QVERIFY(!timeline()->hoverBar()->retryAnswerButton()->isVisibleTo(timeline()->hoverBar()));
        QCOMPARE(timeline()->hoverBar()->stopAnswerButton()->accessibleName(), QStringLiteral("Stop the answer"));
        // It stays over the row while the answer ends (the mouse has not moved): checked below.

        // The message menu (Shift+F10) lists "Stop the answer"; Ctrl+Shift+X stops it (shortcuts
        // need the window active again after the settings dialog).
        QVERIFY(m_desk->showActive());
        timeline()->setFocus();
        timeline()->setCurrentIndex(row);
        std::unique_ptr<QMenu> menu(timeline()->createContextMenu(row));
        QVERIFY(menu->actions().contains(timeline()->stopAnswerAction()));
        QVERIFY(timeline()->stopAnswerAction()->isEnabled());
        QVERIFY(!timeline()->retryAnswerAction()->isVisible());
        menu.reset();
        QSignalSpy stop(timeline(), &TimelineView::stopAnswerRequested);
        QTest::keyClick(timeline(), Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(stop.count(), 1);
        QCOMPARE(stop.at(0).at(0).toString(), m_answer.messageId);

        // The server's final word: stopped. The row says so and offers Retry instead.
        Message stopped = m_answer;
        stopped.content = words.join(QLatin1Char(' '));
        stopped.ai->state = AiState::Cancelled;
        stopped.seq = m_answer.seq + 1;
        deliver(MessageUpdatedFrame{stopped.seq, stopped});
        QTRY_VERIFY(MessageDelegate::statusText(proxyIndex(m_answer.messageId)).contains(QStringLiteral("Stopped")));
        // The toolbar still over the row follows the new state: no Stop on an answer that ended.
        QVERIFY(timeline()->hoverBar()->isVisible());
        QVERIFY(!timeline()->hoverBar()->stopAnswerButton()->isVisibleTo(timeline()->hoverBar()));
        QVERIFY(timeline()->hoverBar()->retryAnswerButton()->isVisibleTo(timeline()->hoverBar()));
        timeline()->hoverBar()->hide();
        QVERIFY(!timeline()->stopAnswerAction()->isEnabled());
        QVERIFY(timeline()->retryAnswerAction()->isEnabled());
        shoot(QStringLiteral("assistant-stopped.png"));
        QSignalSpy retry(timeline(), &TimelineView::retryAnswerRequested);
        QTest::keyClick(timeline(), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(retry.count(), 1);
        QCOMPARE(retry.at(0).at(0).toString(), m_answer.messageId);
        // A late delta changes nothing.
        deliver(AiDeltaFrame{m_roomId, m_answer.messageId, offset, QStringLiteral(" late")});
        QCOMPARE(model()
                     ->data(model()->index(model()->rowOfMessage(m_answer.messageId), 0), MessageModel::ContentRole)
                     .toString(),
                 stopped.content);
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

    Message answer(const QString &messageId, const QString &question, AiState state) const
    {
        Message m;
        m.messageId = messageId;
        m.roomId = m_roomId;
        m.authorId = QStringLiteral("assistant");
        m.authorName = QStringLiteral("Demo assistant (offline)");
        m.type = MessageType::AiResponse;
        m.timestamp = QDateTime::currentMSecsSinceEpoch();
        m.seq = m_desk->engine()->sync().lastSeq(m_roomId) + 1;
        m.replyTo = question;
        AiAnswer ai;
        ai.state = state;
        ai.askedBy = m_aliceId;
        ai.model = QStringLiteral("demo");
        m.ai = ai;
        return m;
    }

    // As the server's socket delivers a frame to the client.
    void deliver(const ServerFrame &frame) { Q_EMIT m_desk->engine()->connection().frameReceived(frame); }

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
    Message m_answer;
    std::unique_ptr<DesktopClient> m_desk;
};

QTEST_MAIN(TestAssistantUi)
#include "tst_assistant.moc"
