// SPDX-License-Identifier: GPL-3.0-or-later
// The member panel of a room with 5,000 members against a real confab-server: it opens with the
// first page, pages on while the keyboard scrolls to the end, searches on the server, opens a
// member's profile card with Enter, and "Message" there (or in the member's menu) opens the
// direct room. Screenshots go to $CONFAB_SCREENSHOT_DIR (default: the temporary folder).

#include "desktopclient.h"
#include "memberseeder.h"
#include "restclient.h"
#include "testserver.h"

#include "client/account/session.h"
#include "client/models/membermodel.h"
#include "client/models/roomlistmodel.h"
#include "client/sync/chatengine.h"
#include "members/membermenu.h"
#include "members/memberpanel.h"
#include "members/peerstatuslabel.h"
#include "members/profilecard.h"
#include "moderation/moderationcontroller.h"
#include "room/roomview.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStyleFactory>
#include <QtTest>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;

namespace {
const QString kPassword = QStringLiteral("correct horse");
constexpr int kCrowd = 5000;

QString shotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("CONFAB_SCREENSHOT_DIR", QDir::tempPath());
    return QDir(dir).filePath(name);
}
} // namespace

class TestMemberPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void opensAndScrollsByKeyboard();
    void searchFindsAnyMember();
    void profileCardByKeyboard();
    void messageOpensTheDirectRoom();

private:
    MemberPanel *panel() const { return m_desk->window->roomView()->moderation()->memberPanel(); }
    MemberModel *model() const { return m_desk->window->roomView()->moderation()->members(); }
    ModerationController *moderation() const { return m_desk->window->roomView()->moderation(); }

    TestServer m_server;
    std::unique_ptr<DesktopClient> m_desk;
    QString m_roomId;
    QString m_ownerId;
};

void TestMemberPanel::initTestCase()
{
    prepareUiTest(QStringLiteral("confab-test-memberpanel"));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QVERIFY(m_server.start(TestServer::relaxedArgs()));
    RestClient owner(m_server.httpUrl());
    const nlohmann::json me = owner.signUp(QStringLiteral("olga"), kPassword, QStringLiteral("Olga"));
    QVERIFY(me.is_object());
    m_ownerId = QString::fromStdString(me["userId"].get<std::string>());
    const RestReply room = owner.post(QStringLiteral("/v1/chat/rooms"),
                                      {{"name", "town-square"}, {"type", "public"}, {"maxMembers", 10000}});
    QVERIFY(room.ok());
    m_roomId = QString::fromStdString(room.data()["roomId"].get<std::string>());
    QVERIFY(m_server.stop());
    QVERIFY(seedRoomMembers(QDir(m_server.dataDir()).filePath(QStringLiteral("confab.db")), m_roomId, kCrowd));
    QVERIFY(m_server.start(TestServer::relaxedArgs()));

    m_desk = std::make_unique<DesktopClient>();
    QVERIFY(m_desk->signIn(m_server.httpUrl(), QStringLiteral("olga"), kPassword));
    m_desk->openWindow().resize(1100, 720);
    QVERIFY(m_desk->showActive());
    QTRY_VERIFY_WITH_TIMEOUT(m_desk->engine()->rooms().rowOf(m_roomId) >= 0, 20000);
}

void TestMemberPanel::cleanupTestCase() { m_desk.reset(); }

void TestMemberPanel::opensAndScrollsByKeyboard()
{
    QElapsedTimer opening;
    opening.start();
    QVERIFY(m_desk->window->openRoom(m_roomId));
    if (!moderation()->membersAction()->isChecked())
        moderation()->membersAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(model() && model()->isLoaded(), 20000);
    qInfo("member panel: first page of %d members in %lld ms", kCrowd + 1, opening.elapsed());
    QVERIFY(panel()->isVisible());
    QCOMPARE(model()->total(), kCrowd + 1);
    QCOMPARE(model()->rowCount(), MemberModel::kPageSize);

    // Down from the search field into the list, then End again and again: each time at the end
    // of what is loaded, the view asks for the next page. The event loop never stalls: a timer
    // keeps ticking through it all.
    QLineEdit *search = panel()->filterField();
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Down);
    QTRY_VERIFY(panel()->list()->hasFocus());
    qint64 longestGap = 0;
    QElapsedTimer sinceTick;
    sinceTick.start();
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
    ticker.start();
    QElapsedTimer scrolling;
    scrolling.start();
    while (model()->rowCount() < kCrowd + 1 && scrolling.elapsed() < 120000) {
        QTest::keyClick(panel()->list(), Qt::Key_End);
        const int before = model()->rowCount();
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > before || !model()->hasMore(), 20000);
    }
    ticker.stop();
    qInfo("member panel: scrolled through %d members by keyboard in %lld ms; longest event-loop gap %lld ms",
          model()->rowCount(), scrolling.elapsed(), longestGap);
    QCOMPARE(model()->rowCount(), kCrowd + 1);
    QVERIFY(!model()->hasMore());
    // End once more: the current row is the last member, shown.
    QTest::keyClick(panel()->list(), Qt::Key_End);
    QCOMPARE(panel()->list()->currentIndex().row(), model()->rowCount() - 1);
    QVERIFY(
        panel()->list()->viewport()->rect().intersects(panel()->list()->visualRect(panel()->list()->currentIndex())));
    // Home goes back to the top: the owner, online, first.
    QTest::keyClick(panel()->list(), Qt::Key_Home);
    QCOMPARE(panel()->list()->currentIndex().row(), 0);
    QCOMPARE(model()->memberAt(0).userId, m_ownerId);
    QVERIFY(m_desk->window->grab().save(shotPath(QStringLiteral("memberpanel-5000.png"))));
}

void TestMemberPanel::searchFindsAnyMember()
{
    // Someone far down the list, found by the server.
    QLineEdit *search = panel()->filterField();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("crowd04321"));
    QTRY_COMPARE_WITH_TIMEOUT(model()->search(), QStringLiteral("crowd04321"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(model()->isLoaded() && !model()->isFetching() && model()->rowCount() == 1, 10000);
    QCOMPARE(model()->memberAt(0).userId, QStringLiteral("u_crowd04321"));
    // Its menu works as for anyone loaded: the owner may kick and ban, and write to them.
    QTest::keyClick(search, Qt::Key_Down);
    QTRY_VERIFY(panel()->list()->hasFocus());
    QTest::keyClick(panel()->list(), Qt::Key_F10, Qt::ShiftModifier);
    QTRY_VERIFY(moderation()->memberMenu());
    MemberMenu *menu = moderation()->memberMenu();
    QCOMPARE(menu->target().userId, QStringLiteral("u_crowd04321"));
    for (const char *key : {"kick", "ban", "message", "profile"})
        QVERIFY2(menu->enabledKeys().contains(QString::fromLatin1(key)), key);
    menu->close();
    QVERIFY(m_desk->window->grab().save(shotPath(QStringLiteral("memberpanel-search.png"))));
}

void TestMemberPanel::profileCardByKeyboard()
{
    // Enter on the found member opens the card; it names them and offers Message and Moderate.
    QTest::keyClick(panel()->list(), Qt::Key_Return);
    QTRY_VERIFY(moderation()->profileCard() && moderation()->profileCard()->isVisible());
    ProfileCard *card = moderation()->profileCard();
    QCOMPARE(card->member().userId, QStringLiteral("u_crowd04321"));
    QVERIFY(card->detailLines().contains(QStringLiteral("@crowd04321")));
    QVERIFY(card->detailLines().join(QLatin1Char('\n')).contains(QStringLiteral("Last seen")));
    QVERIFY(card->messageButton() && card->moderateButton());
    QVERIFY(card->moderationMenu()->enabledKeys().contains(QStringLiteral("kick")));
    QVERIFY(!card->messageButton()->accessibleName().isEmpty());
    QVERIFY(card->grab().save(shotPath(QStringLiteral("memberpanel-profilecard.png"))));
    // Escape closes it.
    QTest::keyClick(card, Qt::Key_Escape);
    QTRY_VERIFY(!moderation()->profileCard());
}

void TestMemberPanel::messageOpensTheDirectRoom()
{
    // The card again, then its Message button by keyboard (Space presses a button).
    QTest::keyClick(panel()->list(), Qt::Key_Return);
    QTRY_VERIFY(moderation()->profileCard() && moderation()->profileCard()->isVisible());
    QPushButton *message = moderation()->profileCard()->messageButton();
    QVERIFY(message->focusPolicy() & Qt::TabFocus);
    QTest::keyClick(message, Qt::Key_Space);
    // The direct room is made and opened.
    QTRY_VERIFY_WITH_TIMEOUT(m_desk->window->currentRoomId() != m_roomId && !m_desk->window->currentRoomId().isEmpty(),
                             10000);
    const auto direct = m_desk->engine()->rooms().room(m_desk->window->currentRoomId());
    QVERIFY(direct);
    QVERIFY(direct->type == RoomType::Direct);
    // Its header says how the other person is: offline, last seen some time ago.
    QTRY_VERIFY_WITH_TIMEOUT(m_desk->window->roomView()->peerStatus()->isVisible(), 10000);
    QVERIFY2(m_desk->window->roomView()->peerStatus()->text().startsWith(QStringLiteral("Last seen")),
             qPrintable(m_desk->window->roomView()->peerStatus()->text()));
    QVERIFY(m_desk->window->grab().save(shotPath(QStringLiteral("memberpanel-direct.png"))));
    // "Send message" from the menu of the same member opens the same room (not a second one).
    const QString directId = direct->roomId;
    const int roomsBefore = m_desk->engine()->rooms().rowCount();
    QVERIFY(m_desk->window->openRoom(m_roomId));
    QTRY_VERIFY_WITH_TIMEOUT(model() && model()->isLoaded(), 20000);
    panel()->filterField()->setText(QStringLiteral("crowd04321"));
    QTRY_VERIFY_WITH_TIMEOUT(
        model()->search() == QStringLiteral("crowd04321") && !model()->isFetching() && model()->rowCount() == 1, 10000);
    panel()->list()->setFocus();
    panel()->list()->setCurrentIndex(model()->index(0));
    QTest::keyClick(panel()->list(), Qt::Key_Menu);
    QTRY_VERIFY(moderation()->memberMenu());
    moderation()->memberMenu()->actionFor(QStringLiteral("message"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->window->currentRoomId(), directId, 10000);
    QCOMPARE(m_desk->engine()->rooms().rowCount(), roomsBefore);
}

QTEST_MAIN(TestMemberPanel)
#include "tst_memberpanel.moc"
