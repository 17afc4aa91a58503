// SPDX-License-Identifier: GPL-3.0-or-later
// The composer's helpers in the real window against a real server: the anonymous toggle (only
// where the room allows it, off after a room switch, the message anonymous for everyone), "@"
// and ":" completion, the emoji picker over the generated Unicode table (search, categories by
// keyboard, recently used first), the hover toolbar, who reacted, and emoji-only messages drawn
// large. Alice uses the window; Bob, Carol, Dave and Erin act over REST.
// CONFAB_SCREENSHOT_OUT=<dir> keeps screenshots of the picker, the toolbar and the anonymous composer.

#include "desktopclient.h"
#include "restclient.h"
#include "testserver.h"

#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "room/anonymoustoggle.h"
#include "room/composer.h"
#include "room/composercompleter.h"
#include "room/emojipicker.h"
#include "room/emojitable.h"
#include "room/messagedelegate.h"
#include "room/messagehoverbar.h"
#include "room/reactionsummary.h"
#include "room/roomview.h"
#include "room/timelineview.h"
#include "shell/mainwindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPainter>
#include <QTabBar>
#include <QToolButton>
#include <QToolTip>
#include <QtTest>

#include <map>
#include <memory>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;

namespace {
QString roomPath(const QString &roomId) { return QStringLiteral("/v1/chat/rooms/") + roomId; }

QStringList itemTexts(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}
} // namespace

class TestComposer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        prepareUiTest(QStringLiteral("test_ui_composer"));
        QVERIFY(m_server.start(TestServer::relaxedArgs()));
        for (const char *name : {"bob", "carol", "dave", "erin"}) {
            auto rest = std::make_unique<RestClient>(m_server.httpUrl());
            const QString user = QString::fromLatin1(name);
            QString display = user;
            display[0] = display[0].toUpper();
            m_ids[user] = qs(rest->signUp(user, QStringLiteral("correct horse"), display)["userId"]);
            QVERIFY(!m_ids[user].isEmpty());
            m_people[user] = std::move(rest);
        }
        m_alice = std::make_unique<RestClient>(m_server.httpUrl());
        m_ids[QStringLiteral("alice")] = qs(m_alice->signUp(QStringLiteral("alice"), QStringLiteral("correct horse"),
                                                            QStringLiteral("Alice"))["userId"]);

        // "confessions" allows anonymous posts, "work" does not; Bob owns both, everyone is in.
        RestClient &bob = *m_people[QStringLiteral("bob")];
        const RestReply confessions =
            bob.post(QStringLiteral("/v1/chat/rooms"),
                     {{"name", "confessions"}, {"type", "public"}, {"settings", {{"allowAnonymous", true}}}});
        QVERIFY(confessions.ok());
        m_confessions = qs(confessions.data()["roomId"]);
        const RestReply work = bob.post(QStringLiteral("/v1/chat/rooms"), {{"name", "work"}, {"type", "public"}});
        QVERIFY(work.ok());
        m_work = qs(work.data()["roomId"]);
        for (const QString &room : {m_confessions, m_work}) {
            QVERIFY(m_alice->post(roomPath(room) + QStringLiteral("/join")).ok());
            for (const char *name : {"carol", "dave", "erin"})
                QVERIFY(m_people[QString::fromLatin1(name)]->post(roomPath(room) + QStringLiteral("/join")).ok());
        }

        m_desk = std::make_unique<DesktopClient>();
        m_desk->openWindow();
        m_desk->window->resize(1000, 700);
        QVERIFY(m_desk->adoptToken(m_server.httpUrl(), m_alice->token()));
        QVERIFY(m_desk->showActive());
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->window->roomList()->model()->rowCount(), 2, 10000);
    }

    void cleanupTestCase() { m_desk.reset(); }

    void cleanup()
    {
        if (QWidget *popup = QApplication::activePopupWidget())
            popup->close();
        composer()->cancelMode();
        composer()->clear();
        m_desk->window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_desk->window.get()));
    }

    void generatedTableHasEveryEmoji()
    {
        const EmojiTable &table = EmojiTable::instance();
        int untoned = 0;
        for (int i = 0; i < table.count(); ++i)
            untoned += table.at(i).toned ? 0 : 1;
        QVERIFY2(untoned >= 1800, qPrintable(QString::number(untoned)));
        QVERIFY(table.count() >= 3000); // with the skin-tone variants
        QVERIFY(table.groupNames().contains(QStringLiteral("Flags")));
        QCOMPARE(table.at(table.indexOf(QStringLiteral("👍"))).name, QStringLiteral("thumbs up"));
        QCOMPARE(table.at(table.search(QStringLiteral("thumbs up")).first()).text, QStringLiteral("👍"));
        QVERIFY(table.indexOf(QStringLiteral("🏳️‍🌈")) >= 0); // a ZWJ sequence
        QCOMPARE(table.emojiOnlyCount(QStringLiteral("👍🏽 ❤")), 2);
        QCOMPARE(table.emojiOnlyCount(QStringLiteral("👍 ok")), 0);
    }

    void anonymousToggleOnlyWhereAllowedAndResetOnRoomSwitch()
    {
        AnonymousToggle *toggle = m_desk->window->roomView()->anonymousToggle();
        openRoom(m_work);
        QVERIFY(!toggle->isVisible());
        QTest::keyClick(composer(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);

        openRoom(m_confessions);
        QTRY_VERIFY(toggle->isVisible());
        QVERIFY(!toggle->isOn()); // the shortcut did nothing where the room does not allow it
        QCOMPARE(toggle->accessibleName(), QStringLiteral("Post anonymously"));
        composer()->setFocus();
        QTest::keyClick(composer(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(toggle->isOn()); // a button's shortcut clicks it (animated)
        QVERIFY(toggle->notice()->isVisible());
        QVERIFY(composer()->placeholderText().startsWith(QStringLiteral("Posting anonymously")));
        QTest::keyClicks(composer(), QStringLiteral("nobody knows it was me"));
        shoot(QStringLiteral("composer-anonymous.png"));

        // Sent anonymously: Bob's client gets it with no author.
        QTest::keyClick(composer(), Qt::Key_Return);
        RestClient &bob = *m_people[QStringLiteral("bob")];
        nlohmann::json arrived;
        auto findIt = [&] {
            const nlohmann::json messages =
                bob.get(roomPath(m_confessions) + QStringLiteral("/messages")).data()["messages"];
            for (const auto &m : messages)
                if (qs(m["content"]) == QStringLiteral("nobody knows it was me"))
                    arrived = m;
            return arrived.is_object();
        };
        QTRY_VERIFY_WITH_TIMEOUT(findIt(), 10000);
        QVERIFY(arrived["isAnonymous"] == true);
        QVERIFY(arrived["authorId"].is_null());
        QCOMPARE(qs(arrived["authorName"]), QStringLiteral("Anonymous"));
        QVERIFY(toggle->isOn()); // still on in this room

        // Another room turns it off, and coming back does not turn it on again.
        openRoom(m_work);
        QVERIFY(!toggle->isOn());
        QVERIFY(!toggle->notice()->isVisible());
        QVERIFY(!composer()->placeholderText().contains(QStringLiteral("anonymously")));
        openRoom(m_confessions);
        QTRY_VERIFY(toggle->isVisible());
        QVERIFY(!toggle->isOn());
        QVERIFY(composer()->styleSheet().isEmpty());
    }

    void atCompletesMembersAndEscKeepsTheDraft()
    {
        openRoom(m_work);
        ComposerCompleter *completer = m_desk->window->roomView()->completer();
        Composer *c = composer();
        c->setFocus();
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->window->roomView()->messageModel() != nullptr, 5000);
        QTest::keyClicks(c, QStringLiteral("hi @ca"));
        QTRY_VERIFY_WITH_TIMEOUT(completer->isOpen(), 10000); // once the member list is in
        QCOMPARE(itemTexts(completer->popup()), QStringList{QStringLiteral("Carol (@carol)")});
        QTest::keyClick(c, Qt::Key_Return);                       // accepts; does not send
        QCOMPARE(c->toPlainText(), QStringLiteral("hi @carol ")); // the username: what mentions match
        QVERIFY(!completer->isOpen());

        // Substring match on the display name, Down then Tab accepts the second.
        QTest::keyClicks(c, QStringLiteral("@r"));
        QVERIFY(completer->isOpen());
        const QStringList offered = itemTexts(completer->popup());
        QVERIFY2(offered.contains(QStringLiteral("Carol (@carol)")) && offered.contains(QStringLiteral("Erin (@erin)")),
                 qPrintable(offered.join(QLatin1Char(','))));
        QTest::keyClick(c, Qt::Key_Down);
        const QString shown = completer->popup()->currentItem()->text(); // "Name (@username)"
        const QString second = shown.mid(shown.indexOf(QLatin1Char('@'))).chopped(1);
        QTest::keyClick(c, Qt::Key_Tab);
        QCOMPARE(c->toPlainText(), QString(QStringLiteral("hi @carol ") + second + QLatin1Char(' ')));
        QVERIFY(c->hasFocus()); // Tab completed, it did not move the focus

        // Esc closes the list and keeps every character typed.
        QTest::keyClicks(c, QStringLiteral("@da"));
        QVERIFY(completer->isOpen());
        QTest::keyClick(c, Qt::Key_Escape);
        QVERIFY(!completer->isOpen());
        QCOMPARE(c->toPlainText(), QString(QStringLiteral("hi @carol ") + second + QStringLiteral(" @da")));
        QTest::keyClicks(c, QStringLiteral("v"));
        QVERIFY(!completer->isOpen()); // stays closed for this word
    }

    void colonCompletesEmojiByShortcode()
    {
        openRoom(m_work);
        ComposerCompleter *completer = m_desk->window->roomView()->completer();
        Composer *c = composer();
        c->setFocus();
        QTest::keyClicks(c, QStringLiteral("at 10:30 :)"));
        QVERIFY(!completer->isOpen()); // times and smileys are not shortcodes
        c->clear();
        QTest::keyClicks(c, QStringLiteral("good :s"));
        QVERIFY(!completer->isOpen()); // two letters first
        QTest::keyClicks(c, QStringLiteral("mi"));
        QVERIFY(completer->isOpen());
        const QStringList offered = itemTexts(completer->popup());
        int smile = -1;
        for (int i = 0; i < offered.size(); ++i)
            if (offered.at(i).startsWith(QStringLiteral("😄")))
                smile = i;
        QVERIFY2(smile >= 0, qPrintable(offered.join(QLatin1Char(','))));
        for (int i = 0; i < smile; ++i)
            QTest::keyClick(c, Qt::Key_Down);
        QTest::keyClick(c, Qt::Key_Return);
        QCOMPARE(c->toPlainText(), QStringLiteral("good 😄"));
        QVERIFY(!completer->isOpen());
    }

    void pickerSearchesAndSwitchesCategoriesByKeyboard()
    {
        openRoom(m_work);
        Composer *c = composer();
        c->setFocus();
        QTest::keyClick(c, Qt::Key_E, Qt::ControlModifier);
        EmojiPicker *picker = c->emojiPicker();
        QTRY_VERIFY(picker->isVisible());
        QCOMPARE(picker->categories()->currentIndex(), 0);
        QCOMPARE(picker->grid()->item(0)->text(), EmojiPicker::emoji().first());

        // Ctrl+PageDown: the next category, Smileys, from its first emoji; more than a hand-typed list.
        QTest::keyClick(picker->grid(), Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(picker->categories()->currentIndex(), 1);
        QCOMPARE(picker->grid()->item(0)->text(), QStringLiteral("😀"));
        QVERIFY(picker->grid()->count() > 100);
        QTest::keyClick(picker->grid(), Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(picker->categories()->currentIndex(), 2);
        QTest::keyClick(picker->grid(), Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(picker->categories()->currentIndex(), 1);
        shoot(QStringLiteral("emoji-picker-smileys.png"), picker);

        // Typing in the grid searches; "thumbs up" finds 👍 first, Enter inserts it.
        QTest::keyClicks(picker->grid(), QStringLiteral("t"));
        QVERIFY(picker->searchField()->hasFocus());
        QTest::keyClicks(picker->searchField(), QStringLiteral("humbs up"));
        QCOMPARE(picker->searchField()->text(), QStringLiteral("thumbs up"));
        QCOMPARE(picker->grid()->item(0)->text(), QStringLiteral("👍"));
        shoot(QStringLiteral("emoji-picker-search.png"), picker);
        QTest::keyClick(picker->searchField(), Qt::Key_Return);
        QVERIFY(!picker->isVisible());
        QCOMPARE(c->toPlainText(), QStringLiteral("👍"));
        QCOMPARE(EmojiPicker::emoji().first(), QStringLiteral("👍")); // recently used first

        // A keyword works too (CLDR gives 😂 "laugh"), and the picker opens on "Frequently used" again.
        QTest::keyClick(c, Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(picker->isVisible());
        QCOMPARE(picker->categories()->currentIndex(), 0);
        QVERIFY(picker->searchField()->text().isEmpty());
        picker->searchField()->setFocus();
        QTest::keyClicks(picker->searchField(), QStringLiteral("laugh"));
        QVERIFY(itemTexts(picker->grid()).contains(QStringLiteral("😂")));
        QTest::keyClick(picker->searchField(), Qt::Key_Escape);
        QTRY_VERIFY(!picker->isVisible());
    }

    void hoverToolbarAndWhoReacted()
    {
        openRoom(m_work);
        const QString id = post(QStringLiteral("bob"), m_work, QStringLiteral("who likes this?"));
        const QModelIndex index = waitForIndex(id);
        QVERIFY(index.isValid());
        for (const char *who : {"bob", "carol", "dave", "erin"})
            QVERIFY(m_people[QString::fromLatin1(who)]
                        ->post(roomPath(m_work) + QStringLiteral("/messages/") + id + QStringLiteral("/reactions"),
                               {{"emoji", "👍"}})
                        .ok());
        QTRY_COMPARE_WITH_TIMEOUT(MessageDelegate::reactionTexts(index), QStringList{QStringLiteral("👍 4")}, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(MessageDelegate::reactionSummaries(index),
                                  QStringList{QStringLiteral("Bob, Carol and 2 others reacted with 👍")}, 10000);
        // The screen reader hears it with the message.
        QVERIFY(index.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("Bob, Carol and 2 others")));

        // Hovering the chip shows it as a tool tip.
        timeline()->scrollTo(index);
        QTRY_VERIFY(!timeline()->messageDelegate()->reactionRect(index, 0).isEmpty());
        const QRect chip = timeline()->messageDelegate()->reactionRect(index, 0);
        QHelpEvent help(QEvent::ToolTip, chip.center(), timeline()->viewport()->mapToGlobal(chip.center()));
        QApplication::sendEvent(timeline()->viewport(), &help);
        QTRY_COMPARE(QToolTip::text(), QStringLiteral("Bob, Carol and 2 others reacted with 👍"));
        QToolTip::hideText();

        // The toolbar shows over the message under the mouse; its React adds mine.
        MessageHoverBar *bar = timeline()->hoverBar();
        const QRect message = timeline()->messageDelegate()->messageRect(index);
        hover(message.center());
        QTRY_VERIFY(bar->isVisible());
        QCOMPARE(bar->target(), index);
        QVERIFY(message.contains(bar->geometry().center()) || bar->geometry().intersects(message));
        QCOMPARE(bar->reactButton()->accessibleName(), QStringLiteral("React"));
        shoot(QStringLiteral("hover-toolbar.png"));
        QTest::mouseClick(bar->reactButton(), Qt::LeftButton);
        EmojiPicker *picker = timeline()->reactionPicker();
        QTRY_VERIFY(picker->isVisible());
        picker->searchField()->setFocus();
        QTest::keyClicks(picker->searchField(), QStringLiteral("thumbs up"));
        QTest::keyClick(picker->searchField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(MessageDelegate::reactionSummaries(index),
                                  QStringList{QStringLiteral("You, Bob and 3 others reacted with 👍")}, 10000);

        // Reply from the toolbar starts a reply to that message.
        hover(message.center());
        QTRY_VERIFY(bar->isVisible());
        QTest::mouseClick(bar->replyButton(), Qt::LeftButton);
        QCOMPARE(composer()->mode(), Composer::Mode::Reply);
        QCOMPARE(composer()->targetMessageId(), id);
    }

    void summaryWording()
    {
        const QString thumbs = QStringLiteral("👍");
        QCOMPARE(ReactionSummary::text(thumbs, {QStringLiteral("Ana")}, false), QStringLiteral("Ana reacted with 👍"));
        QCOMPARE(ReactionSummary::text(thumbs, {QStringLiteral("Me"), QStringLiteral("Ana")}, true),
                 QStringLiteral("You and Ana reacted with 👍"));
        QCOMPARE(
            ReactionSummary::text(thumbs, {QStringLiteral("Ana"), QStringLiteral("Bo"), QStringLiteral("Cy")}, false),
            QStringLiteral("Ana, Bo and Cy reacted with 👍"));
        QCOMPARE(ReactionSummary::text(thumbs, {QStringLiteral("Ana"), QString(), QString()}, false),
                 QStringLiteral("Ana and 2 others reacted with 👍"));
    }

    void emojiOnlyMessagesAreLarge()
    {
        openRoom(m_work);
        const QModelIndex big = waitForIndex(post(QStringLiteral("carol"), m_work, QStringLiteral("🎉🎉")));
        const QModelIndex plain = waitForIndex(post(QStringLiteral("carol"), m_work, QStringLiteral("🎉 yes")));
        const QModelIndex many = waitForIndex(post(QStringLiteral("carol"), m_work, QStringLiteral("🎉🎉🎉🎉")));
        QVERIFY(big.isValid() && plain.isValid() && many.isValid());
        QVERIFY(MessageDelegate::isLargeEmoji(big));
        QVERIFY(!MessageDelegate::isLargeEmoji(plain));
        QVERIFY(!MessageDelegate::isLargeEmoji(many)); // four or more are a line of text
        const MessageDelegate *delegate = timeline()->messageDelegate();
        const double bigHeight = delegate->document(big)->size().height();
        const double plainHeight = delegate->document(plain)->size().height();
        QVERIFY2(bigHeight >= 2 * plainHeight, qPrintable(QStringLiteral("%1 vs %2").arg(bigHeight).arg(plainHeight)));
        QStyleOptionViewItem option;
        option.initFrom(timeline()->viewport());
        QVERIFY(delegate->sizeHint(option, big).height() > delegate->sizeHint(option, plain).height());
    }

private:
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

    // The mouse moves over the timeline, as the window system tells it (offscreen, QTest::mouseMove
    // without a button only moves the cursor).
    void hover(const QPoint &viewportPos)
    {
        QWidget *viewport = timeline()->viewport();
        const QPoint global = viewport->mapToGlobal(viewportPos);
        QCursor::setPos(global);
        QHoverEvent hoverMove(QEvent::HoverMove, viewportPos, global, viewportPos);
        QApplication::sendEvent(viewport, &hoverMove);
        QMouseEvent move(QEvent::MouseMove, viewportPos, global, Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
    }

    QString post(const QString &who, const QString &roomId, const QString &content)
    {
        const RestReply r =
            m_people[who]->post(roomPath(roomId) + QStringLiteral("/messages"), {{"content", content.toStdString()}});
        if (!r.ok())
            qWarning() << "posting failed:" << r.status << r.raw;
        return qs(r.data()["messageId"]);
    }

    QModelIndex waitForIndex(const QString &messageId)
    {
        MessageModel *model = m_desk->window->roomView()->messageModel();
        if (messageId.isEmpty() || !QTest::qWaitFor([&] { return model->rowOfMessage(messageId) >= 0; }, 10000))
            return {};
        return timeline()->model()->index(model->rowOfMessage(messageId), 0);
    }

    // The window (with a popup drawn where it is) into CONFAB_SCREENSHOT_OUT, when set.
    void shoot(const QString &file, QWidget *popup = nullptr)
    {
        const QString dir = qEnvironmentVariable("CONFAB_SCREENSHOT_OUT");
        if (dir.isEmpty())
            return;
        QImage image = m_desk->window->grab().toImage();
        if (popup) {
            QPainter painter(&image);
            painter.drawPixmap(popup->mapToGlobal(QPoint(0, 0)) - m_desk->window->mapToGlobal(QPoint(0, 0)),
                               popup->grab());
        }
        QDir().mkpath(dir);
        QVERIFY(image.save(dir + QLatin1Char('/') + file));
    }

    TestServer m_server;
    std::map<QString, std::unique_ptr<RestClient>> m_people;
    QHash<QString, QString> m_ids;
    std::unique_ptr<RestClient> m_alice;
    QString m_confessions;
    QString m_work;
    std::unique_ptr<DesktopClient> m_desk;
};

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
