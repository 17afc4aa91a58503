// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop client's window against a real server: sign in through the form, rooms show,
// the composer sends, other people's messages arrive, raw HTML stays text, Alt+Down/Up and
// Ctrl+K/Esc work; focus lands in the composer; the room filter only proposes until Enter;
// drafts stay per room and across restarts; the length limit and failed messages.

#include "desktopclient.h"
#include "restclient.h"
#include "testserver.h"
#include "wsclient.h"

#include "client/account/session.h"
#include "client/diagnostics/clientlogfile.h"
#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/net/errortext.h"
#include "client/sync/chatengine.h"
#include "client/sync/localstore.h"
#include "client/sync/outbox.h"
#include "room/composer.h"
#include "room/lengthcounter.h"
#include "room/messagedelegate.h"
#include "room/roomview.h"
#include "room/timelineview.h"
#include "shell/connectionbanner.h"
#include "shell/mainwindow.h"
#include "signin/signindialog.h"
#include "widgets/emptyhint.h"

#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QtTest>

#include <memory>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;

namespace {
// The row of the first message with this content in the open room, or -1.
int rowWithContent(const MessageModel *m, const QString &content)
{
    for (int i = 0; m && i < m->rowCount(); ++i) {
        if (m->index(i).data(MessageModel::ContentRole).toString() == content)
            return i;
    }
    return -1;
}
// The lines a document shows, whether Qt broke them into blocks or with line separators.
QStringList linesOf(const QTextDocument *doc)
{
    QString text = doc->toRawText();
    text.replace(QChar::LineSeparator, QLatin1Char('\n')).replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        prepareUiTest(QStringLiteral("test_ui_mainwindow"));
        // Fewer characters than core's limit: a message the client lets go can still be refused.
        QVERIFY(m_server.start(TestServer::relaxedArgs()
                               << QStringLiteral("--max-content-chars") << QStringLiteral("4000")));
        m_bob = std::make_unique<RestClient>(m_server.httpUrl());
        QVERIFY(
            !m_bob->signUp(QStringLiteral("bob"), QStringLiteral("correct horse"), QStringLiteral("Bob")).is_null());
        m_alice = std::make_unique<RestClient>(m_server.httpUrl());
        RestClient &alice = *m_alice;
        QVERIFY(
            !alice.signUp(QStringLiteral("alice"), QStringLiteral("correct horse"), QStringLiteral("Alice")).is_null());
        for (const char *name : {"lobby", "random"}) {
            const RestReply room = m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"name", name}, {"type", "public"}});
            QVERIFY(room.ok());
            const QString id = qs(room.data()["roomId"]);
            QVERIFY(alice.post(QStringLiteral("/v1/chat/rooms/") + id + QStringLiteral("/join")).ok());
            m_roomIds << id;
        }
        m_desk = std::make_unique<DesktopClient>();
        m_desk->openWindow();
    }

    void cleanupTestCase() { m_desk.reset(); }

    // A popup (the message menu) takes the activation; window shortcuts need the window active.
    void cleanup()
    {
        if (QWidget *popup = QApplication::activePopupWidget())
            popup->close();
        if (m_desk && m_desk->window && m_desk->window->isVisible()) {
            m_desk->window->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(m_desk->window.get()));
        }
    }

    void signInThroughTheDialog()
    {
        SignInDialog dialog(*m_desk->session);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.serverField()->clear();
        QTest::keyClicks(dialog.serverField(), m_server.httpUrl().toString());
        QTest::keyClicks(dialog.usernameField(), QStringLiteral("alice"));
        QTest::keyClicks(dialog.passwordField(), QStringLiteral("wrong horse"));
        QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
        // A wrong password is said inline, and the form stays.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty() && dialog.signInButton()->isEnabled(), 10000);
        QVERIFY(dialog.isVisible());
        // In the client's words (translated), not the server's English.
        QCOMPARE(dialog.errorText(), ErrorText::wrongCredentials());

        // An address without a scheme is tried with https://: a plain HTTP server cannot answer
        // that, and the error says which address was probably meant.
        const QString bare = QStringLiteral("127.0.0.1:%1").arg(m_server.port());
        dialog.serverField()->setText(bare);
        QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.errorText().contains(QStringLiteral("http://") + bare), 20000);
        QVERIFY2(!dialog.errorText().contains(QStringLiteral("SSL"), Qt::CaseInsensitive),
                 qPrintable(dialog.errorText()));
        dialog.serverField()->setText(m_server.httpUrl().toString());

        dialog.passwordField()->clear();
        QTest::keyClicks(dialog.passwordField(), QStringLiteral("correct horse"));
        QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
        QCOMPARE(m_desk->session->state(), Session::State::SignedIn);

        QVERIFY(m_desk->showActive());
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->window->roomList()->model()->rowCount(), 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_desk->window->currentRoomId().isEmpty(), 5000);
        QVERIFY(m_roomIds.contains(m_desk->window->currentRoomId()));
        QVERIFY(m_desk->window->roomView()->messageModel());
        // Signed in: ready to write, not in the filter.
        QTRY_VERIFY(m_desk->window->roomView()->composer()->hasFocus());
    }

    void composerSends()
    {
        Composer *composer = m_desk->window->roomView()->composer();
        composer->setFocus();
        QTest::keyClicks(composer, QStringLiteral("hello from the composer"));
        // Shift+Enter is a new line, Enter sends.
        QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composer, QStringLiteral("second line"));
        QTest::keyClick(composer, Qt::Key_Return);
        QVERIFY(composer->toPlainText().isEmpty());
        const QString text = QStringLiteral("hello from the composer\nsecond line");
        MessageModel *model = m_desk->window->roomView()->messageModel();
        QTRY_VERIFY_WITH_TIMEOUT(rowWithContent(model, text) >= 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model->deliveryAt(rowWithContent(model, text)), MessageModel::Delivery::Sent, 10000);

        const RestReply history = m_bob->get(QStringLiteral("/v1/chat/rooms/") + m_desk->window->currentRoomId() +
                                             QStringLiteral("/messages"));
        QVERIFY(history.ok());
        bool found = false;
        const nlohmann::json messages = history.data()["messages"]; // a copy: data() is a temporary
        for (const auto &m : messages)
            found = found || qs(m["content"]) == text;
        QVERIFY2(found, history.raw.constData());
    }

    void lineBreaksStay()
    {
        // "…composer" Shift+Enter "second line": two lines on screen, as the server keeps it,
        // and the row is measured with both.
        MessageModel *model = m_desk->window->roomView()->messageModel();
        TimelineView *timeline = m_desk->window->roomView()->timeline();
        const int row = rowWithContent(model, QStringLiteral("hello from the composer\nsecond line"));
        QVERIFY(row >= 0);
        const QTextDocument *doc = timeline->messageDelegate()->document(timeline->model()->index(row, 0));
        QCOMPARE(linesOf(doc), (QStringList{QStringLiteral("hello from the composer"), QStringLiteral("second line")}));
        const int lineHeight = QFontMetrics(timeline->font()).lineSpacing();
        QVERIFY2(doc->size().height() >= 2 * lineHeight, qPrintable(QString::number(doc->size().height())));

        // Code keeps its lines without gaining spaces; `_x_` is emphasis, not an underline.
        const QString text = QStringLiteral("one\ntwo\n```\nlet a = 1;\nlet b = 2;\n```\n_said_");
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_desk->window->currentRoomId() +
                               QStringLiteral("/messages"),
                           {{"content", text.toStdString()}})
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(rowWithContent(model, text) >= 0, 10000);
        doc = timeline->messageDelegate()->document(timeline->model()->index(rowWithContent(model, text), 0));
        QCOMPARE(linesOf(doc), (QStringList{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("let a = 1;"),
                                            QStringLiteral("let b = 2;"), QStringLiteral("said")}));
        const QTextCharFormat said = doc->lastBlock().begin().fragment().charFormat();
        QVERIFY(said.fontItalic());
        QVERIFY(!said.fontUnderline());
    }

    void othersMessagesArrive()
    {
        const QString text = QStringLiteral("hi alice, bob here");
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_desk->window->currentRoomId() +
                               QStringLiteral("/messages"),
                           {{"content", text.toStdString()}})
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(rowWithContent(m_desk->window->roomView()->messageModel(), text) >= 0, 10000);
    }

    void reactionGrowsTheRow()
    {
        // A reaction adds a line of chips: the row must grow (QListView keeps heights otherwise).
        MessageModel *model = m_desk->window->roomView()->messageModel();
        const int row = rowWithContent(model, QStringLiteral("hi alice, bob here"));
        QVERIFY(row >= 0);
        TimelineView *timeline = m_desk->window->roomView()->timeline();
        const QModelIndex index = timeline->model()->index(row, 0);
        const int before = timeline->visualRect(index).height();
        QVERIFY(before > 0);
        const QString messageId = index.data(MessageModel::MessageIdRole).toString();
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_desk->window->currentRoomId() +
                               QStringLiteral("/messages/") + messageId + QStringLiteral("/reactions"),
                           {{"emoji", "👍"}})
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(!index.data(MessageModel::ReactionsRole).toList().isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(timeline->visualRect(index).height() > before, 5000);
    }

    void htmlStaysText()
    {
        const QString text = QStringLiteral("<b>bold</b><script>x</script>");
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + m_desk->window->currentRoomId() +
                               QStringLiteral("/messages"),
                           {{"content", text.toStdString()}})
                    .ok());
        MessageModel *model = m_desk->window->roomView()->messageModel();
        QTRY_VERIFY_WITH_TIMEOUT(rowWithContent(model, text) >= 0, 10000);
        TimelineView *timeline = m_desk->window->roomView()->timeline();
        const QModelIndex index = timeline->model()->index(rowWithContent(model, text), 0);
        const QTextDocument *doc = timeline->messageDelegate()->document(index);
        QVERIFY(doc);
        QVERIFY2(doc->toPlainText().contains(text), qPrintable(doc->toPlainText()));
        QVERIFY(index.data(Qt::AccessibleTextRole).toString().contains(text));
        // And it is painted: the view lays it out without trouble.
        QVERIFY(!timeline->visualRect(index).isEmpty() || timeline->isVisible());
    }

    void typingGoesBothWays()
    {
        WsClient bob;
        QVERIFY(bob.open(m_server.wsUrl(m_bob->token())));
        const std::string room = m_desk->window->currentRoomId().toStdString();
        bob.send({{"type", "typing_start"}, {"roomId", room}});
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->window->roomView()->typingText().contains(QStringLiteral("Bob")), 10000);

        QTest::keyClicks(m_desk->window->roomView()->composer(), QStringLiteral("typing"));
        const nlohmann::json frame = bob.waitFor(
            [](const nlohmann::json &f) {
                return f.value("type", std::string()) == "typing_indicator" && f.value("isTyping", false);
            },
            10000);
        QVERIFY2(!frame.is_null(), "no typing_indicator for Alice");
        QTest::keyClick(m_desk->window->roomView()->composer(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(m_desk->window->roomView()->composer(), Qt::Key_Backspace);
        QVERIFY(m_desk->window->roomView()->composer()->toPlainText().isEmpty());
    }

    void tooLongIsRefusedBeforeSending()
    {
        // Core's limit is 5000 characters: a counter from 90 % on, and over it Enter sends nothing.
        Composer *composer = m_desk->window->roomView()->composer();
        LengthCounter *counter = m_desk->window->roomView()->lengthCounter();
        MessageModel *model = m_desk->window->roomView()->messageModel();
        composer->setFocus();
        composer->setPlainText(QString(4498, QLatin1Char('y')));
        composer->moveCursor(QTextCursor::End);
        QVERIFY(counter->isHidden());
        QTest::keyClick(composer, Qt::Key_Y);
        QVERIFY(counter->isHidden());
        QTest::keyClick(composer, Qt::Key_Y); // 4500: 90 %
        QVERIFY(counter->isVisible());
        QVERIFY2(counter->text().contains(QLocale().toString(4500)), qPrintable(counter->text()));
        QVERIFY(!counter->isError());
        shoot(QStringLiteral("counter"));

        composer->setPlainText(QString(5000, QLatin1Char('y')));
        composer->moveCursor(QTextCursor::End);
        QVERIFY(!counter->isError());
        QTest::keyClick(composer, Qt::Key_Z);
        QVERIFY(counter->isError());
        QVERIFY2(counter->text().contains(QLocale().toString(5001)), qPrintable(counter->text()));
        const int rows = model->rowCount();
        QTest::keyClick(composer, Qt::Key_Return);
        QCOMPARE(composer->toPlainText().size(), 5001); // kept, to be shortened
        QCOMPARE(model->rowCount(), rows);
        QCOMPARE(m_desk->engine()->outbox().count(), 0);
        QVERIFY2(m_desk->window->roomView()->timeline()->noticeText().contains(QLocale().toString(5000)),
                 qPrintable(m_desk->window->roomView()->timeline()->noticeText()));
        shoot(QStringLiteral("too-long"));
        QTest::keyClick(composer, Qt::Key_Backspace);
        QVERIFY(!counter->isError());
        QTest::keyClick(composer, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(composer, Qt::Key_Backspace);
        QVERIFY(counter->isHidden());
    }

    void failedMessageCanBeEditedOrDiscarded()
    {
        // This server takes 4000 characters, less than core's 5000: refused for good, shown in red
        // with the reason.
        Composer *composer = m_desk->window->roomView()->composer();
        TimelineView *timeline = m_desk->window->roomView()->timeline();
        MessageModel *model = m_desk->window->roomView()->messageModel();
        const QString text(4500, QLatin1Char('x'));
        composer->setFocus();
        composer->setPlainText(text);
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithContent(model, text) >= 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model->deliveryAt(rowWithContent(model, text)), MessageModel::Delivery::Failed,
                                  10000);
        QModelIndex index = timeline->model()->index(rowWithContent(model, text), 0);
        // In an untranslated UI the server's own words say which rule it broke.
        QVERIFY2(index.data(MessageModel::ErrorRole).toString().contains(QStringLiteral("at most 4000 characters")),
                 qPrintable(index.data(MessageModel::ErrorRole).toString()));
        // The local copy shows who wrote it (the delegate paints this name and its initials).
        QCOMPARE(index.data(MessageModel::AuthorNameRole).toString(), QStringLiteral("Alice"));
        QVERIFY(MessageDelegate::statusText(index).contains(index.data(MessageModel::ErrorRole).toString()));
        QVERIFY(!m_desk->window->grab().isNull()); // painted without trouble

        // Its menu by keyboard: "Edit in the composer" (Alt+O) takes it back out of the outbox.
        QTest::keyClicks(composer, QStringLiteral("and a draft"));
        timeline->setFocus();
        timeline->setCurrentIndex(index);
        QMenu *menu = openMessageMenu(timeline);
        QVERIFY(menu);
        shoot(QStringLiteral("failed-menu"), menu);
        QTest::keyClick(menu, Qt::Key_O);
        QTRY_COMPARE(rowWithContent(model, text), -1);
        QCOMPARE(m_desk->engine()->outbox().count(), 0);
        QVERIFY(m_desk->engine()->store().outgoing().empty());
        QCOMPARE(composer->toPlainText(), text + QStringLiteral("\nand a draft"));
        QVERIFY(composer->hasFocus());

        // Shortened, it goes.
        QTest::keyClick(composer, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(composer, QStringLiteral("short enough now"));
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithContent(model, QStringLiteral("short enough now")) >= 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model->deliveryAt(rowWithContent(model, QStringLiteral("short enough now"))),
                                  MessageModel::Delivery::Sent, 10000);

        // Another one, discarded (Alt+I): gone from the timeline and the outbox, for good.
        composer->setPlainText(text);
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithContent(model, text) >= 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model->deliveryAt(rowWithContent(model, text)), MessageModel::Delivery::Failed,
                                  10000);
        timeline->setFocus();
        timeline->setCurrentIndex(timeline->model()->index(rowWithContent(model, text), 0));
        menu = openMessageMenu(timeline);
        QVERIFY(menu);
        QTest::keyClick(menu, Qt::Key_I);
        QTRY_COMPARE(rowWithContent(model, text), -1);
        QCOMPARE(m_desk->engine()->outbox().count(), 0);
        QVERIFY(m_desk->engine()->store().outgoing().empty());
        QVERIFY(composer->toPlainText().isEmpty());
    }

    void keyboardSwitchesRooms()
    {
        QListView *rooms = m_desk->window->roomList();
        rooms->setCurrentIndex(rooms->model()->index(0, 0));
        const QString first = m_desk->window->currentRoomId();
        m_desk->window->roomView()->composer()->setFocus();
        QTest::keyClick(m_desk->window->roomView()->composer(), Qt::Key_Down, Qt::AltModifier);
        QTRY_VERIFY(m_desk->window->currentRoomId() != first);
        QVERIFY(m_roomIds.contains(m_desk->window->currentRoomId()));
        QCOMPARE(rooms->currentIndex().row(), 1);
        QTest::keyClick(m_desk->window->roomView()->composer(), Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(m_desk->window->currentRoomId(), first);

        // Ctrl+K goes to the filter, which filters; Esc clears it.
        QTest::keyClick(m_desk->window->roomView()->composer(), Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(m_desk->window->roomFilter()->hasFocus());
        QTest::keyClicks(m_desk->window->roomFilter(), QStringLiteral("rand"));
        QCOMPARE(rooms->model()->rowCount(), 1);
        QTest::keyClick(m_desk->window->roomFilter(), Qt::Key_Escape);
        QVERIFY(m_desk->window->roomFilter()->text().isEmpty());
        QCOMPARE(rooms->model()->rowCount(), 2);
    }

    void switchingRoomsPutsFocusInTheComposer()
    {
        MainWindow *window = m_desk->window.get();
        Composer *composer = window->roomView()->composer();
        QVERIFY(window->openRoom(m_roomIds.at(0)));
        window->roomView()->timeline()->setFocus();
        QTest::keyClick(window->roomView()->timeline(), rowOf(window, m_roomIds.at(0)) == 0 ? Qt::Key_Down : Qt::Key_Up,
                        Qt::AltModifier);
        QTRY_COMPARE(window->currentRoomId(), m_roomIds.at(1));
        QTRY_VERIFY(composer->hasFocus());
        // Arrow keys in the room list open rooms but leave focus there; Enter goes to the composer.
        window->roomList()->setFocus();
        QTest::keyClick(window->roomList(),
                        rowOf(window, m_roomIds.at(0)) > rowOf(window, m_roomIds.at(1)) ? Qt::Key_Down : Qt::Key_Up);
        QTRY_COMPARE(window->currentRoomId(), m_roomIds.at(0));
        QVERIFY(window->roomList()->hasFocus());
        QTest::keyClick(window->roomList(), Qt::Key_Return);
        QTRY_VERIFY(composer->hasFocus());
    }

    void roomFilterProposesEnterOpensEscGoesBack()
    {
        MainWindow *window = m_desk->window.get();
        Composer *composer = window->roomView()->composer();
        QLineEdit *filter = window->roomFilter();
        const QString lobby = m_roomIds.at(0), random = m_roomIds.at(1);
        QVERIFY(window->openRoom(lobby));
        for (int i = 0; i < 3; ++i)
            QVERIFY(m_bob
                        ->post(QStringLiteral("/v1/chat/rooms/") + random + QStringLiteral("/messages"),
                               {{"content", "news"}})
                        .ok());
        QTRY_COMPARE_WITH_TIMEOUT(unreadIn(random), 3, 10000);

        // Typing selects the match; nothing opens, nothing is marked read.
        composer->setFocus();
        QTest::keyClick(composer, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("ra"));
        shoot(QStringLiteral("filter-proposes"));
        QCOMPARE(window->roomList()->currentIndex().data(RoomListModel::RoomIdRole).toString(), random);
        QTest::keyClicks(filter, QStringLiteral("nd"));
        QTest::keyClick(filter, Qt::Key_Down); // one match: stays
        QTest::keyClick(filter, Qt::Key_Up);
        QCOMPARE(window->currentRoomId(), lobby);
        QCOMPARE(unreadIn(random), 3);

        // Esc: the filter empties, the open room is selected again, focus is back in the composer.
        QTest::keyClick(filter, Qt::Key_Escape);
        QVERIFY(filter->text().isEmpty());
        QCOMPARE(window->roomList()->model()->rowCount(), 2);
        QCOMPARE(window->currentRoomId(), lobby);
        QCOMPARE(window->roomList()->currentIndex().data(RoomListModel::RoomIdRole).toString(), lobby);
        QTRY_VERIFY(composer->hasFocus());
        QCOMPARE(unreadIn(random), 3);

        // From the timeline, Esc gives focus back to the timeline.
        window->roomView()->timeline()->setFocus();
        QTest::keyClick(window->roomView()->timeline(), Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("rand"));
        QTest::keyClick(filter, Qt::Key_Escape);
        QTRY_VERIFY(window->roomView()->timeline()->hasFocus());
        QCOMPARE(window->currentRoomId(), lobby);

        // Up and Down move the selection, Enter opens it (and only then is it read).
        QTest::keyClick(window->roomView()->timeline(), Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(filter->hasFocus());
        const int lobbyRow = rowOf(window, lobby);
        QTest::keyClick(filter, lobbyRow == 0 ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(window->roomList()->currentIndex().data(RoomListModel::RoomIdRole).toString(), random);
        QCOMPARE(window->currentRoomId(), lobby);
        QTest::keyClick(filter, Qt::Key_Return);
        QTRY_COMPARE(window->currentRoomId(), random);
        QTRY_COMPARE(unreadIn(random), 0);
        QVERIFY(filter->text().isEmpty());
        QTRY_VERIFY(composer->hasFocus());

        // Typed and Enter: the best match opens.
        QTest::keyClick(composer, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("lob"));
        QTest::keyClick(filter, Qt::Key_Return);
        QTRY_COMPARE(window->currentRoomId(), lobby);
        QTRY_VERIFY(composer->hasFocus());
    }

    void escKeepsTheDraftAndDraftsStayPerRoom()
    {
        MainWindow *window = m_desk->window.get();
        Composer *composer = window->roomView()->composer();
        const QString lobby = m_roomIds.at(0), random = m_roomIds.at(1);
        QVERIFY(window->openRoom(lobby));
        QTRY_VERIFY(composer->hasFocus());
        QVERIFY(m_bob
                    ->post(QStringLiteral("/v1/chat/rooms/") + lobby + QStringLiteral("/messages"),
                           {{"content", "reply to me"}})
                    .ok());
        QTest::keyClicks(composer, QStringLiteral("half a thought"));
        QTest::keyClick(composer, Qt::Key_Escape);
        QCOMPARE(composer->toPlainText(), QStringLiteral("half a thought"));

        // Esc ends a reply, and only the reply.
        TimelineView *timeline = window->roomView()->timeline();
        MessageModel *model = window->roomView()->messageModel();
        QTRY_VERIFY_WITH_TIMEOUT(rowWithContent(model, QStringLiteral("reply to me")) == model->rowCount() - 1, 10000);
        timeline->setFocus();
        timeline->setCurrentIndex(timeline->model()->index(model->rowCount() - 1, 0));
        QTest::keyClick(timeline, Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(composer->mode(), Composer::Mode::Reply);
        QVERIFY(composer->hasFocus());
        QTest::keyClick(composer, Qt::Key_Escape);
        QCOMPARE(composer->mode(), Composer::Mode::Compose);
        QCOMPARE(composer->toPlainText(), QStringLiteral("half a thought"));

        // Each room has its own draft.
        QTest::keyClick(composer, rowOf(window, random) > rowOf(window, lobby) ? Qt::Key_Down : Qt::Key_Up,
                        Qt::AltModifier);
        QTRY_COMPARE(window->currentRoomId(), random);
        QVERIFY(composer->toPlainText().isEmpty());
        QTRY_VERIFY(composer->hasFocus());
        QTest::keyClicks(composer, QStringLiteral("another room, another draft"));
        QTest::keyClick(composer, rowOf(window, lobby) > rowOf(window, random) ? Qt::Key_Down : Qt::Key_Up,
                        Qt::AltModifier);
        QTRY_COMPARE(window->currentRoomId(), lobby);
        QCOMPARE(composer->toPlainText(), QStringLiteral("half a thought"));
        QVERIFY(window->openRoom(random));
        QCOMPARE(composer->toPlainText(), QStringLiteral("another room, another draft"));
        QTest::keyClick(composer, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(composer, Qt::Key_Backspace);
        QVERIFY(window->openRoom(lobby));
        QTest::keyClick(composer, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(composer, Qt::Key_Backspace);
    }

    void draftsSurviveARestart()
    {
        // The same account in a client of its own, quit and started again on the same data folder.
        QTemporaryDir data;
        const QString lobby = m_roomIds.at(0);
        {
            DesktopClient first(data.path());
            first.openWindow();
            QVERIFY(first.signIn(m_server.httpUrl(), QStringLiteral("alice"), QStringLiteral("correct horse")));
            QVERIFY(first.showActive());
            QTRY_VERIFY_WITH_TIMEOUT(first.window->openRoom(lobby), 10000);
            Composer *composer = first.window->roomView()->composer();
            QTRY_VERIFY(composer->hasFocus());
            QTest::keyClicks(composer, QStringLiteral("written before quitting"));
        }
        DesktopClient second(data.path());
        second.openWindow();
        QVERIFY(second.signIn(m_server.httpUrl(), QStringLiteral("alice"), QStringLiteral("correct horse")));
        QVERIFY(second.showActive());
        QTRY_VERIFY_WITH_TIMEOUT(second.window->openRoom(lobby), 10000);
        QCOMPARE(second.window->roomView()->composer()->toPlainText(), QStringLiteral("written before quitting"));
    }

    void olderMessagesLoadAboveWithoutMovingTheView()
    {
        // A room with more than a page of history (none of it seen live), then open it: it shows
        // the latest page, at the bottom.
        const RestReply created =
            m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"name", "archive"}, {"type", "public"}});
        QVERIFY(created.ok());
        const QString roomId = qs(created.data()["roomId"]);
        for (int i = 0; i < 120; ++i) {
            QVERIFY(m_bob
                        ->post(QStringLiteral("/v1/chat/rooms/") + roomId + QStringLiteral("/messages"),
                               {{"content", QStringLiteral("backlog %1").arg(i).toStdString()}})
                        .ok());
        }
        QVERIFY(m_alice->post(QStringLiteral("/v1/chat/rooms/") + roomId + QStringLiteral("/join")).ok());
        QListView *rooms = m_desk->window->roomList();
        QTRY_COMPARE_WITH_TIMEOUT(rooms->model()->rowCount(), 3, 10000);
        for (int i = 0; i < rooms->model()->rowCount(); ++i) {
            if (rooms->model()->index(i, 0).data(RoomListModel::RoomIdRole).toString() == roomId)
                rooms->setCurrentIndex(rooms->model()->index(i, 0));
        }
        QTRY_COMPARE(m_desk->window->currentRoomId(), roomId);
        MessageModel *model = m_desk->window->roomView()->messageModel();
        TimelineView *timeline = m_desk->window->roomView()->timeline();
        QTRY_VERIFY_WITH_TIMEOUT(rowWithContent(model, QStringLiteral("backlog 119")) >= 0, 10000);
        const int loaded = model->rowCount();
        QVERIFY(loaded < 120);
        QTRY_VERIFY(timeline->isAtBottom());
        QTRY_VERIFY(timeline->verticalScrollBar()->maximum() > 0);
        QTRY_COMPARE(timeline->verticalScrollBar()->value(), timeline->verticalScrollBar()->maximum());

        // Scrolled to the top: older ones come in above, the message on screen stays put.
        QSignalSpy older(model, &MessageModel::olderLoaded);
        timeline->verticalScrollBar()->setValue(0);
        const QString top = timeline->indexAt(QPoint(4, 4)).data(MessageModel::ContentRole).toString();
        QVERIFY(!top.isEmpty());
        QVERIFY(older.count() || older.wait(10000));
        QTRY_VERIFY(model->rowCount() > loaded);
        QTRY_VERIFY(rowWithContent(model, top) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            qAbs(timeline->visualRect(timeline->model()->index(rowWithContent(model, top), 0)).top()) < 40, 3000);
        QVERIFY(!timeline->isAtBottom());
    }

    void emptyListsSayWhy()
    {
        // A filter that matches nothing says so, in the list itself; with rows, nothing is shown.
        MainWindow *window = m_desk->window.get();
        auto *hint = window->roomList()->findChild<EmptyHint *>();
        QVERIFY(hint);
        QVERIFY(hint->text().isEmpty());
        window->roomFilter()->setText(QStringLiteral("no such room"));
        QTRY_COMPARE(window->roomList()->model()->rowCount(), 0);
        QVERIFY2(hint->text().contains(QStringLiteral("“no such room”")), qPrintable(hint->text()));
        window->roomFilter()->clear();
        QTRY_VERIFY(hint->text().isEmpty());
    }

    void narrowWindowKeepsTheTimelineWide()
    {
        // At 800x500 the side panels give way (the room list narrows, the member panel hides):
        // the timeline keeps at least half the window.
        MainWindow *window = m_desk->window.get();
        const QSize before = window->size();
        window->resize(800, 500);
        TimelineView *timeline = window->roomView()->timeline();
        QTRY_VERIFY2(timeline->width() >= 400, qPrintable(QString::number(timeline->width())));
        window->resize(before);
    }

    void connectionLossShowsTheBanner()
    {
        QVERIFY(m_desk->window->banner()->isHidden());
        m_server.kill();
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->window->banner()->isVisible(), 10000);
        QVERIFY(!m_desk->window->banner()->text().isEmpty());
    }

    void signOutDropsTheRoom()
    {
        m_desk->session->signOut();
        QVERIFY(!m_desk->window->roomView()->messageModel());
        QCOMPARE(m_desk->window->roomList()->model()->rowCount(), 0);
    }

    // Help → Open log folder: reached from the keyboard (Alt+H, then its mnemonic), named for
    // assistive technology by its text, and it points at the client's log folder.
    void helpMenuOpensTheLogFolder()
    {
        QVERIFY(m_desk->showActive());
        MainWindow *window = m_desk->window.get();
        auto *action = window->findChild<QAction *>(QStringLiteral("openLogFolder"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("Open &log folder"));
        QVERIFY(action->isEnabled());
        QMenu *help = nullptr;
        for (QAction *top : window->menuBar()->actions()) {
            if (top->menu() && top->menu()->actions().contains(action))
                help = top->menu();
        }
        QVERIFY(help);
        QTest::keyClick(window, Qt::Key_H, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(help->isVisible(), 5000);
        help->setActiveAction(action);
        help->grab().save(QDir(QDir::tempPath()).filePath(QStringLiteral("confab-help-menu.png")));
        QTest::keyClick(help, Qt::Key_Escape);
        QTRY_VERIFY(!help->isVisible());
        QVERIFY(ClientLogFile::defaultDirectory().endsWith(QStringLiteral("/logs")));
    }

private:
    static int rowOf(MainWindow *window, const QString &roomId)
    {
        const QAbstractItemModel *rooms = window->roomList()->model();
        for (int i = 0; i < rooms->rowCount(); ++i) {
            if (rooms->index(i, 0).data(RoomListModel::RoomIdRole).toString() == roomId)
                return i;
        }
        return -1;
    }

    int unreadIn(const QString &roomId) const
    {
        RoomListModel &rooms = m_desk->engine()->rooms();
        const int row = rooms.rowOf(roomId);
        return row < 0 ? -1 : rooms.index(row, 0).data(RoomListModel::UnreadCountRole).toInt();
    }

    // With CONFAB_SHELL_SHOTS=<dir>: a picture of the widget (the window by default) to look at.
    void shoot(const QString &name, QWidget *widget = nullptr)
    {
        const QString dir = qEnvironmentVariable("CONFAB_SHELL_SHOTS");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QWidget *w = widget ? widget : m_desk->window.get();
        QVERIFY(w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

    // Shift+F10 on the timeline's current message; the menu, once it shows.
    static QMenu *openMessageMenu(TimelineView *timeline)
    {
        QTest::keyClick(timeline, Qt::Key_F10, Qt::ShiftModifier);
        if (!QTest::qWaitFor([] { return qobject_cast<QMenu *>(QApplication::activePopupWidget()) != nullptr; }, 5000))
            return nullptr;
        return qobject_cast<QMenu *>(QApplication::activePopupWidget());
    }

    TestServer m_server;
    std::unique_ptr<RestClient> m_bob;
    std::unique_ptr<RestClient> m_alice; // the same account as the window's, for setup only
    QStringList m_roomIds;
    std::unique_ptr<DesktopClient> m_desk; // alice's
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
