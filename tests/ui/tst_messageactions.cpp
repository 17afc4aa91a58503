// SPDX-License-Identifier: GPL-3.0-or-later
// Message actions in the real window against a real server: reactions (menu, chips, picker),
// edit (Up arrow and menu), delete (own, and others' as a moderator), reply (quote shown,
// replyTo on the server), pins in the header (own action and others' events), copy, refusals
// shown as a notice, links, HTML shown literally, the day separator, the "New messages" line
// and "Jump to latest". Alice uses the window; Bob posts over REST.

#include "desktopclient.h"
#include "restclient.h"
#include "testserver.h"

#include "client/account/session.h"
#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/net/realtimeconnection.h"
#include "client/sync/chatengine.h"
#include "client/sync/syncengine.h"
#include "room/composer.h"
#include "room/emojipicker.h"
#include "room/messagedelegate.h"
#include "room/pinsbutton.h"
#include "room/roomview.h"
#include "room/timelineview.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;

namespace {
QString roomPath(const QString &roomId) { return QStringLiteral("/v1/chat/rooms/") + roomId; }

QAction *findAction(const QList<QAction *> &actions, const QString &text)
{
    for (QAction *a : actions) {
        QString plain = a->text();
        plain.remove(QLatin1Char('&'));
        if (plain == text)
            return a;
    }
    return nullptr;
}

// Receives the links the timeline opens (QDesktopServices::setUrlHandler).
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};
} // namespace

class TestMessageActions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        prepareUiTest(QStringLiteral("test_ui_messageactions"));
        QVERIFY(m_server.start(TestServer::relaxedArgs()));
        m_bob = std::make_unique<RestClient>(m_server.httpUrl());
        m_bobId =
            qs(m_bob->signUp(QStringLiteral("bob"), QStringLiteral("correct horse"), QStringLiteral("Bob"))["userId"]);
        QVERIFY(!m_bobId.isEmpty());
        m_alice = std::make_unique<RestClient>(m_server.httpUrl());
        m_aliceId = qs(m_alice->signUp(QStringLiteral("alice"), QStringLiteral("correct horse"),
                                       QStringLiteral("Alice"))["userId"]);
        QVERIFY(!m_aliceId.isEmpty());

        // "lobby" is Bob's (Alice a member), "work" is Alice's (she moderates it).
        const RestReply lobby = m_bob->post(QStringLiteral("/v1/chat/rooms"), {{"name", "lobby"}, {"type", "public"}});
        QVERIFY(lobby.ok());
        m_lobby = qs(lobby.data()["roomId"]);
        QVERIFY(m_alice->post(roomPath(m_lobby) + QStringLiteral("/join")).ok());
        const RestReply work = m_alice->post(QStringLiteral("/v1/chat/rooms"), {{"name", "work"}, {"type", "public"}});
        QVERIFY(work.ok());
        m_work = qs(work.data()["roomId"]);
        QVERIFY(m_bob->post(roomPath(m_work) + QStringLiteral("/join")).ok());

        m_desk = std::make_unique<DesktopClient>();
        m_desk->openWindow();
        QVERIFY(m_desk->adoptToken(m_server.httpUrl(), m_alice->token()));
        QVERIFY(m_desk->showActive());
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->window->roomList()->model()->rowCount(), 2, 10000);
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        m_desk.reset();
    }

    void cleanup()
    {
        if (QWidget *popup = QApplication::activePopupWidget())
            popup->close();
        composer()->cancelMode();
        composer()->clear();
        // A popup (menu, emoji picker) took the activation; shortcuts need the window active.
        m_desk->window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_desk->window.get()));
    }

    void reactFromTheMenuThenToggleByChip()
    {
        openRoom(m_work);
        const QString id = postAsBob(m_work, QStringLiteral("react to me"));
        QModelIndex index = waitForIndex(id);

        // The menu's React submenu: 👍 is added, shown as a chip "👍 1" that is mine.
        std::unique_ptr<QMenu> menu(timeline()->createContextMenu(index));
        QAction *reactMenu = findAction(menu->actions(), QStringLiteral("React"));
        QVERIFY(reactMenu && reactMenu->menu());
        QAction *thumbs = findAction(reactMenu->menu()->actions(), QStringLiteral("👍"));
        QVERIFY(thumbs);
        QVERIFY(!thumbs->isChecked());
        thumbs->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(MessageDelegate::reactionTexts(index), QStringList{QStringLiteral("👍 1")}, 10000);
        QVERIFY(
            index.data(MessageModel::ReactionsRole).toList().first().toMap().value(QStringLiteral("mine")).toBool());
        QCOMPARE(serverReactions(m_work, id).value(QStringLiteral("👍")), QStringList{m_aliceId});

        // Bob's 👍 too: the count follows.
        QVERIFY(m_bob
                    ->post(roomPath(m_work) + QStringLiteral("/messages/") + id + QStringLiteral("/reactions"),
                           {{"emoji", "👍"}})
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(MessageDelegate::reactionTexts(index), QStringList{QStringLiteral("👍 2")}, 10000);

        // A click on the chip takes mine back; Bob's stays.
        timeline()->scrollTo(index);
        QTRY_VERIFY(!timeline()->messageDelegate()->reactionRect(index, 0).isEmpty());
        const QRect chip = timeline()->messageDelegate()->reactionRect(index, 0);
        QVERIFY(timeline()->viewport()->rect().contains(chip.center()));
        QTest::mouseClick(timeline()->viewport(), Qt::LeftButton, {}, chip.center());
        QTRY_COMPARE_WITH_TIMEOUT(MessageDelegate::reactionTexts(index), QStringList{QStringLiteral("👍 1")}, 10000);
        QVERIFY(
            !index.data(MessageModel::ReactionsRole).toList().first().toMap().value(QStringLiteral("mine")).toBool());
        QCOMPARE(serverReactions(m_work, id).value(QStringLiteral("👍")), QStringList{m_bobId});

        // "More reactions…" opens the picker; arrow keys and Enter pick the second emoji.
        timeline()->setCurrentIndex(index);
        timeline()->reactAction()->trigger();
        EmojiPicker *picker = timeline()->reactionPicker();
        QTRY_VERIFY(picker->isVisible());
        const QString second = EmojiPicker::emoji().at(1);
        QTest::keyClick(picker->grid(), Qt::Key_Right);
        QTest::keyClick(picker->grid(), Qt::Key_Return);
        QVERIFY(!picker->isVisible());
        QCOMPARE(EmojiPicker::emoji().at(0), second); // recently used come first
        QTRY_VERIFY_WITH_TIMEOUT(MessageDelegate::reactionTexts(index).contains(second + QStringLiteral(" 1")), 10000);
        QCOMPARE(serverReactions(m_work, id).value(second), QStringList{m_aliceId});
    }

    void serverAnswersShowWithoutTheRealtimeEvent()
    {
        // With the realtime connection down, only the REST answers can update the timeline.
        openRoom(m_work);
        const QString id = postAsBob(m_work, QStringLiteral("answers alone"));
        const QModelIndex index = waitForIndex(id);
        RealtimeConnection &connection = m_desk->session->engine()->connection();
        connection.stop();
        QTRY_COMPARE(connection.state(), RealtimeConnection::State::Offline);

        QSignalSpy reacted(m_desk->session->engine(), &ChatEngine::reactionSet);
        timeline()->setCurrentIndex(index);
        std::unique_ptr<QMenu> menu(timeline()->createContextMenu(index));
        findAction(findAction(menu->actions(), QStringLiteral("React"))->menu()->actions(), QStringLiteral("🎉"))
            ->trigger();
        QVERIFY(reacted.wait(10000));
        QCOMPARE(MessageDelegate::reactionTexts(index), QStringList{QStringLiteral("🎉 1")});

        // Reconnecting replays the missed events (this reaction among them): nothing doubles.
        QSignalSpy synced(&m_desk->session->engine()->sync(), &SyncEngine::synced);
        connection.start(m_server.httpUrl(), m_alice->token());
        QVERIFY(synced.wait(10000));
        QTRY_COMPARE(connection.state(), RealtimeConnection::State::Online);
        QCOMPARE(MessageDelegate::reactionTexts(index), QStringList{QStringLiteral("🎉 1")});
        QCOMPARE(serverReactions(m_work, id).value(QStringLiteral("🎉")), QStringList{m_aliceId});
    }

    void editWithUpArrowAndFromTheMenu()
    {
        openRoom(m_work);
        Composer *c = composer();
        c->setFocus();
        QTest::keyClicks(c, QStringLiteral("frist post"));
        QTest::keyClick(c, Qt::Key_Return);
        const QModelIndex index = waitForContent(QStringLiteral("frist post"));
        QTRY_COMPARE_WITH_TIMEOUT(index.data(MessageModel::DeliveryRole).value<MessageModel::Delivery>(),
                                  MessageModel::Delivery::Sent, 10000);
        const QString id = index.data(MessageModel::MessageIdRole).toString();

        // Up in the empty composer edits my last message; Enter saves.
        QTest::keyClick(c, Qt::Key_Up);
        QCOMPARE(c->mode(), Composer::Mode::Edit);
        QCOMPARE(c->targetMessageId(), id);
        QCOMPARE(c->toPlainText(), QStringLiteral("frist post"));
        QVERIFY(c->modeBar()->isVisible());
        c->selectAll();
        QTest::keyClicks(c, QStringLiteral("first post"));
        QTest::keyClick(c, Qt::Key_Return);
        QCOMPARE(c->mode(), Composer::Mode::Compose);
        QVERIFY(c->toPlainText().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(index.data(MessageModel::ContentRole).toString(), QStringLiteral("first post"),
                                  10000);
        QVERIFY(index.data(MessageModel::IsEditedRole).toBool());
        QCOMPARE(qs(serverMessage(m_work, id)["content"]), QStringLiteral("first post"));

        // From the menu, with a draft in the box: Esc cancels and the draft comes back.
        QTest::keyClicks(c, QStringLiteral("my draft"));
        timeline()->setCurrentIndex(index);
        QVERIFY(timeline()->editAction()->isVisible() && timeline()->editAction()->isEnabled());
        timeline()->editAction()->trigger();
        QCOMPARE(c->mode(), Composer::Mode::Edit);
        QCOMPARE(c->toPlainText(), QStringLiteral("first post"));
        QVERIFY(c->hasFocus());
        QTest::keyClick(c, Qt::Key_Escape);
        QCOMPARE(c->mode(), Composer::Mode::Compose);
        QCOMPARE(c->toPlainText(), QStringLiteral("my draft"));

        // Again, and save: the edit goes out, the draft is back.
        timeline()->editAction()->trigger();
        QTest::keyClicks(c, QStringLiteral(", edited twice"));
        QTest::keyClick(c, Qt::Key_Return);
        QCOMPARE(c->toPlainText(), QStringLiteral("my draft"));
        QTRY_COMPARE_WITH_TIMEOUT(index.data(MessageModel::ContentRole).toString(),
                                  QStringLiteral("first post, edited twice"), 10000);
        QTRY_VERIFY(MessageDelegate::statusText(index).contains(QStringLiteral("edited")));

        // Bob's message cannot be edited by Alice: no Edit in the menu.
        const QModelIndex bobs = waitForIndex(postAsBob(m_work, QStringLiteral("not yours to edit")));
        std::unique_ptr<QMenu> menu(timeline()->createContextMenu(bobs));
        QVERIFY(!timeline()->editAction()->isVisible());
        QVERIFY(!menu->actions().contains(timeline()->editAction()) || !timeline()->editAction()->isVisible());
    }

    void deleteOwnAndAsModerator()
    {
        openRoom(m_work);
        Composer *c = composer();
        c->setFocus();
        QTest::keyClicks(c, QStringLiteral("delete me"));
        QTest::keyClick(c, Qt::Key_Return);
        const QModelIndex mine = waitForContent(QStringLiteral("delete me"));
        QTRY_VERIFY_WITH_TIMEOUT(!mine.data(MessageModel::MessageIdRole).toString().isEmpty(), 10000);
        const QString mineId = mine.data(MessageModel::MessageIdRole).toString();

        // The Delete key on the current message asks first; "Delete" deletes.
        timeline()->setFocus();
        timeline()->setCurrentIndex(mine);
        QTest::keyClick(timeline(), Qt::Key_Delete, Qt::ControlModifier);
        QTRY_VERIFY(timeline()->deleteConfirmation() && timeline()->deleteConfirmation()->isVisible());
        QMessageBox *box = timeline()->deleteConfirmation();
        QAbstractButton *remove = nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                remove = b;
        }
        QVERIFY(remove);
        remove->click();
        QTRY_VERIFY_WITH_TIMEOUT(mine.data(MessageModel::IsDeletedRole).toBool(), 10000);
        QVERIFY(serverMessage(m_work, mineId)["isDeleted"].get<bool>());

        // In her own room Alice moderates: Bob's message can go too, and be pinned.
        const QString bobsId = postAsBob(m_work, QStringLiteral("moderate me"));
        const QModelIndex bobs = waitForIndex(bobsId);
        timeline()->setCurrentIndex(bobs);
        QVERIFY(timeline()->canModerate());
        QVERIFY(timeline()->deleteAction()->isVisible() && timeline()->deleteAction()->isEnabled());
        QVERIFY(timeline()->pinAction()->isVisible());
        timeline()->deleteAction()->trigger();
        QTRY_VERIFY(timeline()->deleteConfirmation());
        // It says which message, and Enter cancels.
        box = timeline()->deleteConfirmation();
        QVERIFY2(box->informativeText().contains(QStringLiteral("moderate me")), qPrintable(box->informativeText()));
        QCOMPARE(box->buttonRole(box->defaultButton()), QMessageBox::RejectRole);
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                remove = b;
        }
        remove->click();
        QTRY_VERIFY_WITH_TIMEOUT(bobs.data(MessageModel::IsDeletedRole).toBool(), 10000);
        QVERIFY(serverMessage(m_work, bobsId)["isDeleted"].get<bool>());

        // In Bob's room she is a member: neither delete nor pin on his messages.
        openRoom(m_lobby);
        const QModelIndex lobbyMsg = waitForIndex(postAsBob(m_lobby, QStringLiteral("bob's lobby message")));
        timeline()->setCurrentIndex(lobbyMsg);
        QVERIFY(!timeline()->canModerate());
        QVERIFY(!timeline()->deleteAction()->isVisible());
        QVERIFY(!timeline()->pinAction()->isVisible());
        QVERIFY(timeline()->replyAction()->isEnabled());
    }

    void promotionDuringTheSessionTakesEffectAtOnce()
    {
        // Alice is a member of Bob's lobby; Bob promotes her while her window is open.
        openRoom(m_lobby);
        const QModelIndex bobs = waitForIndex(postAsBob(m_lobby, QStringLiteral("promote her")));
        QVERIFY(bobs.isValid());
        timeline()->setCurrentIndex(bobs);
        QVERIFY(!timeline()->canModerate());
        const QString member = roomPath(m_lobby) + QStringLiteral("/members/") + m_aliceId;
        QVERIFY(m_bob->patch(member, {{"role", "moderator"}}).ok());
        QTRY_VERIFY_WITH_TIMEOUT(timeline()->canModerate(), 10000);
        timeline()->setCurrentIndex(bobs);
        QVERIFY(timeline()->deleteAction()->isVisible());
        QVERIFY(timeline()->pinAction()->isVisible());
        // And the demotion takes the actions away again.
        QVERIFY(m_bob->patch(member, {{"role", "member"}}).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!timeline()->canModerate(), 10000);
        timeline()->setCurrentIndex(bobs);
        QVERIFY(!timeline()->deleteAction()->isVisible());
    }

    void refusalShowsANotice()
    {
        // The server refuses a member's pin: the user reads why over the timeline.
        openRoom(m_lobby);
        const QString id = postAsBob(m_lobby, QStringLiteral("members cannot pin this"));
        waitForIndex(id);
        m_desk->session->engine()->setPinned(m_lobby, id, true);
        QTRY_VERIFY_WITH_TIMEOUT(timeline()->noticeText().contains(QStringLiteral("not pinned")), 10000);
        QVERIFY(!timeline()->messageModel()->isPinned(id));
    }

    void replyShowsTheQuote()
    {
        openRoom(m_lobby);
        const QString originalId = postAsBob(m_lobby, QStringLiteral("what's for lunch?\nreally, tell me"));
        const QModelIndex original = waitForIndex(originalId);
        timeline()->setFocus();
        timeline()->setCurrentIndex(original);
        QTest::keyClick(timeline(), Qt::Key_R, Qt::ControlModifier); // the Reply shortcut
        Composer *c = composer();
        QCOMPARE(c->mode(), Composer::Mode::Reply);
        QCOMPARE(c->targetMessageId(), originalId);
        QVERIFY2(c->modeText().contains(QStringLiteral("Bob")) &&
                     c->modeText().contains(QStringLiteral("what's for lunch?")),
                 qPrintable(c->modeText()));
        QVERIFY(!c->modeText().contains(QStringLiteral("really")));
        QVERIFY(c->hasFocus());
        // Esc cancels; the menu starts it again.
        QTest::keyClick(c, Qt::Key_Escape);
        QCOMPARE(c->mode(), Composer::Mode::Compose);
        timeline()->replyAction()->trigger();
        QCOMPARE(c->mode(), Composer::Mode::Reply);

        QTest::keyClicks(c, QStringLiteral("pizza"));
        QTest::keyClick(c, Qt::Key_Return);
        QCOMPARE(c->mode(), Composer::Mode::Compose);
        const QModelIndex reply = waitForContent(QStringLiteral("pizza"));
        QCOMPARE(reply.data(MessageModel::ReplyToRole).toString(), originalId);
        QCOMPARE(MessageDelegate::quoteText(reply), QStringLiteral("Bob: what's for lunch?"));
        QTRY_VERIFY_WITH_TIMEOUT(!reply.data(MessageModel::MessageIdRole).toString().isEmpty(), 10000);
        const QString replyId = reply.data(MessageModel::MessageIdRole).toString();
        QCOMPARE(qs(serverMessage(m_lobby, replyId)["replyTo"]), originalId);

        // The quote is drawn, and a click on it goes to the original.
        timeline()->scrollTo(reply);
        QTRY_VERIFY(!timeline()->messageDelegate()->quoteRect(reply).isEmpty());
        timeline()->setCurrentIndex(reply);
        QTest::mouseClick(timeline()->viewport(), Qt::LeftButton, {},
                          timeline()->messageDelegate()->quoteRect(reply).center());
        QCOMPARE(timeline()->currentIndex().data(MessageModel::MessageIdRole).toString(), originalId);
        // And a screen reader hears what it answers.
        QVERIFY(reply.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("what's for lunch?")));

        // A quote shows the text, not its Markdown.
        const QString marked =
            postAsBob(m_lobby, QStringLiteral("> **Lunch** is at [the canteen](https://example.org)"));
        waitForIndex(marked);
        m_desk->session->engine()->sendMessage(m_lobby, QStringLiteral("ok"), marked);
        const QModelIndex answer = waitForContent(QStringLiteral("ok"));
        QCOMPARE(MessageDelegate::quoteText(answer), QStringLiteral("Bob: Lunch is at the canteen"));
    }

    void copyText()
    {
        openRoom(m_lobby);
        const QModelIndex index = waitForIndex(postAsBob(m_lobby, QStringLiteral("copy *this* text")));
        QApplication::clipboard()->clear();
        timeline()->setFocus();
        timeline()->setCurrentIndex(index);
        QTest::keyClick(timeline(), Qt::Key_C, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::clipboard()->text(), QStringLiteral("copy *this* text"));
        QApplication::clipboard()->clear();
        std::unique_ptr<QMenu> menu(timeline()->createContextMenu(index));
        QAction *copy = findAction(menu->actions(), QStringLiteral("Copy text"));
        QVERIFY(copy);
        copy->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("copy *this* text"));
    }

    void pinsShowInTheHeader()
    {
        openRoom(m_work);
        PinsButton *pins = m_desk->window->roomView()->pinsButton();
        const int before = pins->count();
        const QString id = postAsBob(m_work, QStringLiteral("pin me please"));
        const QModelIndex index = waitForIndex(id);
        timeline()->setCurrentIndex(index);
        QVERIFY(timeline()->pinAction()->isVisible() && timeline()->pinAction()->isEnabled());
        QCOMPARE(timeline()->pinAction()->text().remove(QLatin1Char('&')), QStringLiteral("Pin"));
        timeline()->pinAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(pins->count(), before + 1, 10000);
        QVERIFY(pins->isVisible());
        QVERIFY(pins->text().contains(QString::number(before + 1)));
        QVERIFY(index.data(MessageModel::IsPinnedRole).toBool());
        QVERIFY(serverPins(m_work).contains(id));

        // The popup lists it; picking it goes to the message.
        pins->click();
        QTRY_VERIFY(pins->pinsMenu()->isVisible());
        QAction *entry = nullptr;
        for (QAction *a : pins->pinsMenu()->actions()) {
            if (a->text().contains(QStringLiteral("pin me please")))
                entry = a;
        }
        QVERIFY(entry);
        pins->pinsMenu()->close();
        timeline()->setCurrentIndex({});
        entry->trigger();
        QCOMPARE(timeline()->currentIndex().data(MessageModel::MessageIdRole).toString(), id);

        // A pin made elsewhere (another device of Alice's) arrives as an event.
        const QString other = postAsBob(m_work, QStringLiteral("pinned elsewhere"));
        waitForIndex(other);
        QVERIFY(m_alice->post(roomPath(m_work) + QStringLiteral("/pins/") + other).ok());
        QTRY_COMPARE_WITH_TIMEOUT(pins->count(), before + 2, 10000);

        // Unpin from the menu.
        timeline()->setCurrentIndex(index);
        QCOMPARE(timeline()->pinAction()->text().remove(QLatin1Char('&')), QStringLiteral("Unpin"));
        timeline()->pinAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(pins->count(), before + 1, 10000);
        QVERIFY(!index.data(MessageModel::IsPinnedRole).toBool());
        QVERIFY(!serverPins(m_work).contains(id));
    }

    void composerEmojiPicker()
    {
        openRoom(m_work);
        Composer *c = composer();
        c->setFocus();
        QTest::keyClicks(c, QStringLiteral("ab"));
        QTest::keyClick(c, Qt::Key_Left);
        QTest::mouseClick(c->emojiButton(), Qt::LeftButton);
        EmojiPicker *picker = c->emojiPicker();
        QTRY_VERIFY(picker->isVisible());
        QVERIFY(picker->grid()->hasFocus());
        const QString second = EmojiPicker::emoji().at(1);
        QTest::keyClick(picker->grid(), Qt::Key_Right);
        QTest::keyClick(picker->grid(), Qt::Key_Return);
        QVERIFY(!picker->isVisible());
        QCOMPARE(c->toPlainText(), QString(QStringLiteral("a") + second + QStringLiteral("b")));
        // Ctrl+E opens it too; Esc closes it and leaves the text alone.
        QTest::keyClick(c, Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(picker->isVisible());
        QTest::keyClick(picker->grid(), Qt::Key_Escape);
        QTRY_VERIFY(!picker->isVisible());
        QCOMPARE(c->toPlainText(), QString(QStringLiteral("a") + second + QStringLiteral("b")));
    }

    void linksOpenAndHtmlStaysText()
    {
        openRoom(m_lobby);
        const QString html = QStringLiteral("<img src=x onerror=alert(1)><script>alert(2)</script> <b>not bold</b>");
        const QModelIndex literal = waitForIndex(postAsBob(m_lobby, html));
        const QTextDocument *doc = timeline()->messageDelegate()->document(literal);
        QVERIFY2(doc->toPlainText().contains(QStringLiteral("<script>alert(2)</script>")),
                 qPrintable(doc->toPlainText()));
        QVERIFY(doc->toPlainText().contains(QStringLiteral("<img src=x onerror=alert(1)>")));
        QVERIFY(doc->toPlainText().contains(QStringLiteral("<b>not bold</b>")));

        const QModelIndex linked = waitForIndex(postAsBob(
            m_lobby, QStringLiteral("docs at [the manual](https://example.org/manual) or https://example.com/x")));
        const QStringList links = timeline()->messageDelegate()->links(linked);
        QVERIFY2(links.contains(QStringLiteral("https://example.org/manual")),
                 qPrintable(links.join(QLatin1Char(' '))));
        QVERIFY(links.contains(QStringLiteral("https://example.com/x")));

        // A click on the link opens it (through QDesktopServices).
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
        timeline()->scrollTo(linked);
        QTest::qWait(50);
        const QRect row = timeline()->visualRect(linked);
        QPoint onLink;
        for (int y = row.top(); y < row.bottom() && onLink.isNull(); y += 2) {
            for (int x = row.left(); x < row.right(); x += 3) {
                const auto hit = timeline()->messageDelegate()->hitTest(linked, QPoint(x, y));
                if (hit.kind == MessageDelegate::Hit::Kind::Link &&
                    hit.value == QStringLiteral("https://example.org/manual")) {
                    onLink = QPoint(x, y);
                    break;
                }
            }
        }
        QVERIFY2(!onLink.isNull(), "the link is not under any point of its row");
        QTest::mouseClick(timeline()->viewport(), Qt::LeftButton, {}, onLink);
        QTRY_COMPARE(catcher.urls.size(), 1);
        QCOMPARE(catcher.urls.first(), QUrl(QStringLiteral("https://example.org/manual")));
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    }

    void daySeparatorAndNewMessagesLine()
    {
        // While Alice reads "work", Bob writes three messages in the lobby.
        openRoom(m_work);
        const QString first = postAsBob(m_lobby, QStringLiteral("unread one"));
        postAsBob(m_lobby, QStringLiteral("unread two"));
        postAsBob(m_lobby, QStringLiteral("unread three"));
        QTRY_COMPARE_WITH_TIMEOUT(roomIndex(m_lobby).data(RoomListModel::UnreadCountRole).toInt(), 3, 10000);

        openRoom(m_lobby);
        MessageModel *model = timeline()->messageModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->firstUnreadRow() >= 0, 10000);
        const QModelIndex line = timeline()->model()->index(model->firstUnreadRow(), 0);
        QCOMPARE(line.data(MessageModel::MessageIdRole).toString(), first);
        QVERIFY(MessageDelegate::showsNewMessagesLine(line));
        int lines = 0;
        for (int row = 0; row < timeline()->model()->rowCount(); ++row)
            lines += MessageDelegate::showsNewMessagesLine(timeline()->model()->index(row, 0)) ? 1 : 0;
        QCOMPARE(lines, 1);
        QVERIFY(line.data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("New messages")));
        // "Mark read up to here" on the first moves the line below it, and the row it moves to
        // grows to make room for it.
        const QModelIndex next = line.siblingAtRow(line.row() + 1);
        const int heightWithout = timeline()->visualRect(next).height();
        timeline()->setCurrentIndex(line);
        timeline()->markReadAction()->trigger();
        QCOMPARE(model->firstUnreadRow(), line.row() + 1);
        QVERIFY(!MessageDelegate::showsNewMessagesLine(line));
        QVERIFY(MessageDelegate::showsNewMessagesLine(next));
        QTRY_VERIFY(timeline()->visualRect(next).height() > heightWithout);

        // Today's first message shows the day; the rest of the day does not.
        const QModelIndex top = timeline()->model()->index(0, 0);
        QVERIFY(MessageDelegate::startsDay(top));
        QCOMPARE(MessageDelegate::dayText(top.data(MessageModel::TimestampRole).toDateTime().toLocalTime().date()),
                 QStringLiteral("Today"));
        QVERIFY(!MessageDelegate::startsDay(timeline()->model()->index(1, 0)));
        QCOMPARE(MessageDelegate::dayText(QDate::currentDate().addDays(-1)), QStringLiteral("Yesterday"));
        QVERIFY(MessageDelegate::startsGroup(top));
    }

    void keyboardMenuShowsShortcuts()
    {
        openRoom(m_lobby);
        const QModelIndex index = waitForIndex(postAsBob(m_lobby, QStringLiteral("menu by keyboard")));
        timeline()->setFocus();
        timeline()->setCurrentIndex(index);
        QTest::keyClick(timeline(), Qt::Key_F10, Qt::ShiftModifier);
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QAction *reply = findAction(menu->actions(), QStringLiteral("Reply"));
        QVERIFY(reply);
        QCOMPARE(reply->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
        QVERIFY(reply->isShortcutVisibleInContextMenu());
        QVERIFY(findAction(menu->actions(), QStringLiteral("Copy text")));
        QTest::keyClick(menu, Qt::Key_Escape);
        QTRY_VERIFY(!QApplication::activePopupWidget());
        // The Menu key too.
        QTest::keyClick(timeline(), Qt::Key_Menu);
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        QApplication::activePopupWidget()->close();
    }

    void typingInTheTimelineGoesToTheComposer()
    {
        // A click on my own message, then "hello": it used to open the message for editing (E)
        // and append "llo". Now the text goes to the composer, as in Slack and Element.
        openRoom(m_work);
        Composer *c = composer();
        c->setFocus();
        QTest::keyClicks(c, QStringLiteral("my own words"));
        QTest::keyClick(c, Qt::Key_Return);
        const QModelIndex mine = waitForContent(QStringLiteral("my own words"));
        QTRY_COMPARE_WITH_TIMEOUT(mine.data(MessageModel::DeliveryRole).value<MessageModel::Delivery>(),
                                  MessageModel::Delivery::Sent, 10000);
        timeline()->scrollTo(mine);
        QTest::mouseClick(timeline()->viewport(), Qt::LeftButton, {}, timeline()->visualRect(mine).center());
        QTRY_VERIFY(timeline()->hasFocus());
        QCOMPARE(timeline()->currentIndex(), mine);
        typeWhereFocusIs(QStringLiteral("hello"));
        QCOMPARE(c->toPlainText(), QStringLiteral("hello"));
        QCOMPARE(c->mode(), Composer::Mode::Compose);
        QVERIFY(c->hasFocus());
        QCOMPARE(mine.data(MessageModel::ContentRole).toString(), QStringLiteral("my own words"));

        // None of the old single keys acts any more; each types.
        for (const QString &key : {QStringLiteral("r"), QStringLiteral("e"), QStringLiteral("p"), QStringLiteral("m"),
                                   QStringLiteral("+"), QStringLiteral(" ")}) {
            timeline()->setFocus();
            timeline()->setCurrentIndex(mine);
            const QString before = c->toPlainText();
            typeWhereFocusIs(key);
            QCOMPARE(c->toPlainText(), before + key);
            QCOMPARE(c->mode(), Composer::Mode::Compose);
            QVERIFY(!QApplication::activePopupWidget());
        }
        QVERIFY(!mine.data(MessageModel::IsPinnedRole).toBool());

        // The actions take a modifier: F2 edits, Ctrl+R replies; Esc gives the draft back.
        const QString draft = c->toPlainText();
        timeline()->setFocus();
        timeline()->setCurrentIndex(mine);
        QTest::keyClick(timeline(), Qt::Key_F2);
        QCOMPARE(c->mode(), Composer::Mode::Edit);
        QCOMPARE(c->toPlainText(), QStringLiteral("my own words"));
        QTest::keyClick(c, Qt::Key_Escape);
        QCOMPARE(c->toPlainText(), draft);
        timeline()->setFocus();
        QTest::keyClick(timeline(), Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(c->mode(), Composer::Mode::Reply);
        QCOMPARE(c->targetMessageId(), mine.data(MessageModel::MessageIdRole).toString());
        QTest::keyClick(c, Qt::Key_Escape);
        QCOMPARE(c->toPlainText(), draft);

        // F1 lists them with their keys.
        QPointer<QDialog> keys = m_desk->window->openShortcutsDialog();
        QVERIFY(keys);
        QStringList rows;
        auto *list = keys->findChild<QTreeWidget *>();
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            rows << list->topLevelItem(i)->text(0) + QLatin1Char('=') + list->topLevelItem(i)->text(1);
        for (const QAction *a : {timeline()->replyAction(), timeline()->editAction(), timeline()->reactAction(),
                                 timeline()->pinAction(), timeline()->markReadAction(), timeline()->deleteAction()}) {
            const QString row = a->text().remove(QLatin1Char('&')).remove(QChar(0x2026)) + QLatin1Char('=') +
                                a->shortcut().toString(QKeySequence::NativeText);
            QVERIFY2(rows.contains(row), qPrintable(row + QStringLiteral(" not in ") + rows.join(QLatin1Char('|'))));
            QVERIFY(!a->shortcut().isEmpty());
            QVERIFY2(a->shortcut()[0].keyboardModifiers() != Qt::NoModifier || a->shortcut()[0].key() >= Qt::Key_F1,
                     qPrintable(row));
        }
        delete keys.data();
    }

    void jumpToLatestWhenScrolledUp()
    {
        openRoom(m_lobby);
        for (int i = 0; i < 60; ++i)
            postAsBob(m_lobby, QStringLiteral("filler %1").arg(i));
        waitForContent(QStringLiteral("filler 59"));
        TimelineView *view = timeline();
        QTRY_VERIFY(view->isAtBottom());
        QTRY_VERIFY(!view->jumpButton()->isVisible());
        QTRY_VERIFY(view->verticalScrollBar()->maximum() > view->viewport()->height() / 2);

        view->verticalScrollBar()->setValue(0);
        QVERIFY(!view->isAtBottom());
        QTRY_VERIFY(view->jumpButton()->isVisible());
        postAsBob(m_lobby, QStringLiteral("arrived while away"));
        QTRY_COMPARE_WITH_TIMEOUT(view->newMessagesWhileAway(), 1, 10000);
        QVERIFY(view->jumpButton()->isVisible());
        QVERIFY2(view->jumpButton()->text().contains(QLatin1Char('1')), qPrintable(view->jumpButton()->text()));
        QVERIFY(!view->isAtBottom());

        view->setFocus();
        QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
        QTRY_VERIFY(view->isAtBottom());
        QTRY_VERIFY(!view->jumpButton()->isVisible());
        QCOMPARE(view->newMessagesWhileAway(), 0);
        const QModelIndex last = waitForContent(QStringLiteral("arrived while away"));
        QVERIFY(view->viewport()->rect().intersects(view->visualRect(last)));

        // And the button itself.
        view->verticalScrollBar()->setValue(0);
        QTRY_VERIFY(view->jumpButton()->isVisible());
        QTest::mouseClick(view->jumpButton(), Qt::LeftButton);
        QTRY_VERIFY(view->isAtBottom());
        QTRY_VERIFY(!view->jumpButton()->isVisible());
    }

private:
    // As a person types: each key goes to whatever has focus at that moment.
    static void typeWhereFocusIs(const QString &text)
    {
        for (const QChar ch : text)
            QTest::keyClick(QApplication::focusWidget(), ch.toLatin1());
    }

    TimelineView *timeline() const { return m_desk->window->roomView()->timeline(); }
    Composer *composer() const { return m_desk->window->roomView()->composer(); }

    QModelIndex roomIndex(const QString &roomId) const
    {
        QAbstractItemModel *rooms = m_desk->window->roomList()->model();
        for (int i = 0; i < rooms->rowCount(); ++i) {
            if (rooms->index(i, 0).data(RoomListModel::RoomIdRole).toString() == roomId)
                return rooms->index(i, 0);
        }
        return {};
    }

    void openRoom(const QString &roomId)
    {
        QTRY_VERIFY_WITH_TIMEOUT(roomIndex(roomId).isValid(), 10000);
        if (m_desk->window->currentRoomId() == roomId)
            return;
        m_desk->window->roomList()->setCurrentIndex(roomIndex(roomId));
        QTRY_COMPARE(m_desk->window->currentRoomId(), roomId);
        // The state, not the signal: the latest page may come before a spy made here sees it.
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->window->roomView()->messageModel()->isLatestLoaded(), 10000);
    }

    QString postAsBob(const QString &roomId, const QString &content)
    {
        const RestReply r =
            m_bob->post(roomPath(roomId) + QStringLiteral("/messages"), {{"content", content.toStdString()}});
        if (!r.ok())
            qWarning() << "posting failed:" << r.status << r.raw;
        return qs(r.data()["messageId"]);
    }

    // The view's index of a message of the open room, once it has arrived.
    QModelIndex waitForIndex(const QString &messageId)
    {
        MessageModel *model = m_desk->window->roomView()->messageModel();
        if (messageId.isEmpty() || !QTest::qWaitFor([&] { return model->rowOfMessage(messageId) >= 0; }, 10000))
            return {};
        return timeline()->model()->index(model->rowOfMessage(messageId), 0);
    }

    QModelIndex waitForContent(const QString &content)
    {
        QAbstractItemModel *m = timeline()->model();
        auto find = [&] {
            for (int i = m->rowCount() - 1; i >= 0; --i) {
                if (m->index(i, 0).data(MessageModel::ContentRole).toString() == content)
                    return m->index(i, 0);
            }
            return QModelIndex();
        };
        if (!QTest::qWaitFor([&] { return find().isValid(); }, 10000))
            qWarning() << "no message" << content;
        return find();
    }

    nlohmann::json serverMessage(const QString &roomId, const QString &messageId)
    {
        const RestReply r = m_bob->get(roomPath(roomId) + QStringLiteral("/messages?limit=100"));
        const nlohmann::json messages = r.data()["messages"];
        for (const auto &m : messages) {
            if (qs(m["messageId"]) == messageId)
                return m;
        }
        return {};
    }

    QMap<QString, QStringList> serverReactions(const QString &roomId, const QString &messageId)
    {
        QMap<QString, QStringList> out;
        const nlohmann::json m = serverMessage(roomId, messageId);
        if (!m.contains("reactions") || !m["reactions"].is_object())
            return out;
        for (auto it = m["reactions"].begin(); it != m["reactions"].end(); ++it) {
            QStringList users;
            for (const auto &u : it.value())
                users << qs(u);
            out.insert(QString::fromStdString(it.key()), users);
        }
        return out;
    }

    QStringList serverPins(const QString &roomId)
    {
        QStringList ids;
        const RestReply r = m_bob->get(roomPath(roomId) + QStringLiteral("/pins"));
        const nlohmann::json pins = r.data()["pins"];
        for (const auto &m : pins)
            ids << qs(m["messageId"]);
        return ids;
    }

    TestServer m_server;
    std::unique_ptr<RestClient> m_bob;
    std::unique_ptr<RestClient> m_alice; // the window's account, for setup and "another device"
    QString m_bobId;
    QString m_aliceId;
    QString m_lobby;
    QString m_work;
    std::unique_ptr<DesktopClient> m_desk; // alice's
};

QTEST_MAIN(TestMessageActions)
#include "tst_messageactions.moc"
