// SPDX-License-Identifier: GPL-3.0-or-later
// The profile from the desktop client (issue 17, points 1 and 3), by keyboard: the account menu
// opens "Profile and password", a new name and a cropped picture are saved and show in another
// person's client (member panel, timeline) at once; a password change signs out the user's other
// device, which says why; "Export my data" writes a zip. With CONFAB_SHELL_SHOTS=<dir> it saves
// pictures of the dialog and of a timeline with avatars.

#include "desktopclient.h"
#include "restclient.h"
#include "testserver.h"

#include "client/account/session.h"
#include "client/models/membermodel.h"
#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "moderation/moderationcontroller.h"
#include "room/roomview.h"
#include "settings/exportdialog.h"
#include "settings/profiledialog.h"
#include "shell/accountbutton.h"
#include "shell/mainwindow.h"
#include "widgets/avatarcropper.h"
#include "widgets/avatarimages.h"
#include "widgets/statuslabel.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QStyleFactory>
#include <QtTest>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;

namespace {
const QString kPassword = QStringLiteral("correct horse");

QModelIndex roomIndex(MainWindow &w, const QString &roomId)
{
    QAbstractItemModel *rooms = w.roomList()->model();
    for (int i = 0; i < rooms->rowCount(); ++i) {
        if (rooms->index(i, 0).data(RoomListModel::RoomIdRole).toString() == roomId)
            return rooms->index(i, 0);
    }
    return {};
}

bool openRoom(MainWindow &w, const QString &roomId)
{
    if (!QTest::qWaitFor([&] { return roomIndex(w, roomId).isValid(); }, 10000))
        return false;
    w.roomList()->setCurrentIndex(roomIndex(w, roomId));
    return QTest::qWaitFor(
        [&] {
            return w.currentRoomId() == roomId && w.roomView()->messageModel() &&
                   w.roomView()->messageModel()->isLatestLoaded();
        },
        10000);
}

// A picture that is not square, with a red disc right of its middle (where the crop goes).
QString writePicture(const QString &path)
{
    QImage img(600, 400, QImage::Format_RGB32);
    img.fill(QColor(30, 90, 160));
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(QColor(220, 40, 40));
    p.setPen(Qt::NoPen);
    p.drawEllipse(QRectF(300, 100, 200, 200));
    p.end();
    return img.save(path) ? path : QString();
}

bool tabTo(QWidget *target)
{
    for (int i = 0; i < 20 && QApplication::focusWidget() != target; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    return QApplication::focusWidget() == target;
}
} // namespace

class TestProfile : public QObject {
    Q_OBJECT

private:
    TestServer m_server;
    QTemporaryDir m_dir;
    QString m_room;
    std::unique_ptr<DesktopClient> m_alice;       // the user
    std::unique_ptr<DesktopClient> m_aliceLaptop; // the user's other device
    std::unique_ptr<DesktopClient> m_bob;         // someone in the same room

    void shoot(const QString &name, QWidget *widget)
    {
        const QString dir = qEnvironmentVariable("CONFAB_SHELL_SHOTS");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

    // Opens the account button's menu and picks an entry by its mnemonic; the dialog it opens.
    template<typename Dialog> QPointer<Dialog> openByKeyboard(Qt::Key mnemonic)
    {
        AccountButton *account = m_alice->window->accountButton();
        account->setFocus();
        account->menu()->popup(account->mapToGlobal(QPoint(0, account->height())));
        if (!QTest::qWaitForWindowExposed(account->menu()))
            return nullptr;
        QTest::keyClick(account->menu(), mnemonic);
        QPointer<Dialog> dialog;
        const bool opened = QTest::qWaitFor([&] {
            dialog = qobject_cast<Dialog *>(m_alice->window->currentDialog());
            return dialog != nullptr;
        });
        if (!opened || !QTest::qWaitForWindowActive(dialog))
            return nullptr;
        return dialog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        prepareUiTest(QStringLiteral("test_ui_profile"));
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QVERIFY(m_server.start(TestServer::relaxedArgs()));
        RestClient alice(m_server.httpUrl());
        QVERIFY(!alice.signUp(QStringLiteral("alice"), kPassword, QStringLiteral("Alice")).is_null());
        RestClient bob(m_server.httpUrl());
        QVERIFY(!bob.signUp(QStringLiteral("bob"), kPassword, QStringLiteral("Bob")).is_null());
        const RestReply room = alice.post(QStringLiteral("/v1/chat/rooms"), {{"name", "garden"}, {"type", "public"}});
        QVERIFY(room.ok());
        m_room = qs(room.data()["roomId"]);
        QVERIFY(bob.post(QStringLiteral("/v1/chat/rooms/") + m_room + QStringLiteral("/join")).ok());
        for (const char *text : {"the tomatoes are ripe", "and the beans are up"})
            QVERIFY(
                alice
                    .post(QStringLiteral("/v1/chat/rooms/") + m_room + QStringLiteral("/messages"), {{"content", text}})
                    .ok());
        QVERIFY(
            bob.post(QStringLiteral("/v1/chat/rooms/") + m_room + QStringLiteral("/messages"), {{"content", "lovely!"}})
                .ok());

        m_alice = std::make_unique<DesktopClient>(m_dir.filePath(QStringLiteral("alice")));
        m_alice->openWindow();
        QVERIFY(m_alice->signIn(m_server.httpUrl(), QStringLiteral("alice"), kPassword));
        m_aliceLaptop = std::make_unique<DesktopClient>(m_dir.filePath(QStringLiteral("laptop")));
        m_aliceLaptop->openWindow();
        QVERIFY(m_aliceLaptop->signIn(m_server.httpUrl(), QStringLiteral("alice"), kPassword));
        m_bob = std::make_unique<DesktopClient>(m_dir.filePath(QStringLiteral("bob")));
        m_bob->openWindow();
        QVERIFY(m_bob->signIn(m_server.httpUrl(), QStringLiteral("bob"), kPassword));
        m_bob->window->resize(900, 560);
        QVERIFY(openRoom(*m_bob->window, m_room));
        m_bob->window->roomView()->moderation()->membersAction()->setChecked(true); // the member panel
        QVERIFY(m_alice->showActive());
    }

    // Name and picture by keyboard; bob's client shows both at once, the picture drawn.
    void profileByKeyboardShowsInTheOtherClient()
    {
        QPointer<ProfileDialog> dialog = openByKeyboard<ProfileDialog>(Qt::Key_P);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->nameField()->hasFocus());
        for (QWidget *w : dialog->findChildren<QWidget *>()) {
            if (w->focusPolicy() != Qt::NoFocus && w->isVisibleTo(dialog))
                QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
        }
        dialog->nameField()->selectAll();
        QTest::keyClicks(dialog->nameField(), QStringLiteral("Alice Gardener"));

        // "Choose picture…" opens a file dialog; the test hands the file over as it would.
        const QString picture = writePicture(m_dir.filePath(QStringLiteral("me.png")));
        QVERIFY(!picture.isEmpty());
        QVERIFY(dialog->choosePicture(picture));
        QTRY_VERIFY(dialog->cropper()->hasFocus());
        QCOMPARE(dialog->cropper()->selection(), QRectF(100, 0, 400, 400)); // the largest centred square
        QTest::keyClick(dialog->cropper(), Qt::Key_Minus);                  // smaller
        QTest::keyClick(dialog->cropper(), Qt::Key_Minus);
        QTest::keyClick(dialog->cropper(), Qt::Key_Right, Qt::ShiftModifier); // and to the red disc
        QTest::keyClick(dialog->cropper(), Qt::Key_Right, Qt::ShiftModifier);
        const QRectF chosen = dialog->cropper()->selection();
        QVERIFY2(chosen.width() < 400 && chosen.left() > 100,
                 qPrintable(QStringLiteral("%1,%2 %3").arg(chosen.left()).arg(chosen.top()).arg(chosen.width())));
        const QImage square = dialog->cropper()->cropped(64);
        QCOMPARE(square.size(), QSize(64, 64));
        QVERIFY(qAbs(QColor(square.pixel(32, 32)).red() - 220) <= 3); // the disc is in the middle of the square
        shoot(QStringLiteral("profile-dialog"), dialog);

        std::optional<User> saved;
        connect(dialog.data(), &ProfileDialog::profileSaved, this, [&saved](const User &u) { saved = u; });
        QVERIFY(tabTo(dialog->saveButton()));
        QTest::keyClick(dialog->saveButton(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 15000);
        const User me = *saved;
        QCOMPARE(me.displayName, QStringLiteral("Alice Gardener"));
        QVERIFY2(AvatarImages::fileIdOf(me.avatar).size() > 0, qPrintable(me.avatar));
        QVERIFY(!dialog->status()->isError());

        // Bob sees it live: the member panel and alice's messages in the timeline.
        MainWindow &bob = *m_bob->window;
        MemberModel *members = bob.roomView()->moderation()->members();
        QVERIFY(members);
        QTRY_VERIFY_WITH_TIMEOUT(members->rowOf(m_alice->session->me().userId) >= 0, 10000);
        const QModelIndex aliceRow = members->index(members->rowOf(m_alice->session->me().userId));
        QTRY_COMPARE_WITH_TIMEOUT(aliceRow.data(MemberModel::AvatarRole).toString(), me.avatar, 10000);
        QCOMPARE(aliceRow.data(MemberModel::DisplayNameRole).toString(), QStringLiteral("Alice Gardener"));
        MessageModel *timeline = bob.roomView()->messageModel();
        bool found = false;
        for (int r = 0; r < timeline->rowCount(); ++r) {
            const QModelIndex i = timeline->index(r);
            if (i.data(MessageModel::ContentRole).toString() == QStringLiteral("the tomatoes are ripe")) {
                found = true;
                QCOMPARE(i.data(MessageModel::AuthorAvatarRole).toString(), me.avatar);
                QCOMPARE(i.data(MessageModel::AuthorNameRole).toString(), QStringLiteral("Alice Gardener"));
            }
        }
        QVERIFY(found);
        // The picture itself arrives (downloaded with bob's token, decoded off the GUI thread).
        AvatarImages *avatars = bob.roomView()->avatarImages();
        QTRY_VERIFY_WITH_TIMEOUT(!avatars->picture(me.avatar, QSize(36, 36)).isNull(), 15000);
        // Offscreen, the first paint is the grab: it asks for the sizes the delegates paint, which
        // arrive a moment later; the second grab shows them.
        if (!qEnvironmentVariableIsEmpty("CONFAB_SHELL_SHOTS")) {
            QSignalSpy arrived(avatars, &AvatarImages::changed);
            bob.grab();
            arrived.wait(5000);
        }
        shoot(QStringLiteral("timeline-with-avatars"), &bob);
        dialog->close();
    }

    // A password change here signs the laptop out, and the laptop says why.
    void passwordChangeSignsOutTheOtherDevice()
    {
        QPointer<ProfileDialog> dialog = openByKeyboard<ProfileDialog>(Qt::Key_P);
        QVERIFY(dialog);
        QVERIFY(tabTo(dialog->currentPasswordField()));
        QTest::keyClicks(dialog->currentPasswordField(), kPassword);
        QTest::keyClick(dialog->currentPasswordField(), Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("a new secret"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("a new secret, typo"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(dialog->passwordStatus()->isError()); // the two do not match: said, nothing sent
        QVERIFY(dialog->repeatPasswordField()->hasFocus());
        QTest::keyClicks(dialog->repeatPasswordField(), QStringLiteral("a new secret"));
        bool changed = false;
        connect(dialog.data(), &ProfileDialog::passwordChanged, this, [&changed] { changed = true; });
        QTest::keyClick(dialog->repeatPasswordField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(changed, 15000);

        QTRY_COMPARE_WITH_TIMEOUT(m_aliceLaptop->session->state(), Session::State::SignedOut, 15000);
        QCOMPARE(m_aliceLaptop->session->errorMessage(),
                 QStringLiteral("Your password was changed on another device. Sign in again."));
        QCOMPARE(m_alice->session->state(), Session::State::SignedIn); // this one stays
        dialog->close();
    }

    void exportWritesAZip()
    {
        QPointer<ExportDialog> dialog = openByKeyboard<ExportDialog>(Qt::Key_X);
        QVERIFY(dialog);
        QVERIFY(dialog->zipChoice()->isChecked());
        QStringList exported;
        connect(dialog.data(), &ExportDialog::exported, this, [&exported](const QString &p) { exported << p; });
        const QString path = m_dir.filePath(QStringLiteral("export/alice.zip"));
        QDir().mkpath(m_dir.filePath(QStringLiteral("export")));
        QVERIFY(dialog->exportTo(path));
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000);
        QFile zip(path);
        QVERIFY(zip.open(QIODevice::ReadOnly));
        const QByteArray bytes = zip.readAll();
        QVERIFY(bytes.startsWith("PK\x03\x04"));
        QVERIFY(bytes.contains("export.json"));
        QVERIFY(bytes.contains("files/avatar.png"));
        // Written beside it under another name first, then renamed: nothing else is left there.
        QCOMPARE(QDir(m_dir.filePath(QStringLiteral("export"))).entryList(QDir::Files),
                 QStringList{QStringLiteral("alice.zip")});
        shoot(QStringLiteral("export-dialog"), dialog);
    }
};

QTEST_MAIN(TestProfile)
#include "tst_profile.moc"
