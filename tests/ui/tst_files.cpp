// SPDX-License-Identifier: GPL-3.0-or-later
// Files in two real windows against a real server: Alice attaches an image and a PDF through the
// path the attach button takes after its dialog, sends them with a caption and sees the upload
// progress; Bob sees the image inline (a placeholder of the final size first, then the thumbnail)
// and the PDF as a chip, opens the image in the viewer (Enter), zooms with the keys, closes it
// with Esc, and saves the PDF. Screenshots of both go to CONFAB_FILES_SHOTS (or a temporary folder).

#include "desktopclient.h"
#include "restclient.h"
#include "testserver.h"

#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/sync/chatengine.h"
#include "client/sync/outbox.h"
#include "room/attachmentactions.h"
#include "room/attachmentstrip.h"
#include "room/composer.h"
#include "room/messagedelegate.h"
#include "room/roomfiles.h"
#include "room/roomview.h"
#include "room/thumbnailcache.h"
#include "room/timelineview.h"
#include "shell/mainwindow.h"
#include "viewer/imageviewer.h"

#include <QCryptographicHash>
#include <QLinearGradient>
#include <QPainter>
#include <QToolButton>
#include <QtTest>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;

namespace {
QString roomPath(const QString &roomId) { return QStringLiteral("/v1/chat/rooms/") + roomId; }

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

// The row of the timeline's model whose message has a caption.
int rowWithContent(QAbstractItemModel *m, const QString &content)
{
    for (int r = 0; m && r < m->rowCount(); ++r) {
        if (m->index(r, 0).data(MessageModel::ContentRole).toString() == content &&
            m->index(r, 0).data(MessageModel::DeliveryRole).value<MessageModel::Delivery>() ==
                MessageModel::Delivery::Sent)
            return r;
    }
    return -1;
}
} // namespace

class TestFilesUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        prepareUiTest(QStringLiteral("test_ui_files"));
        const QString shots = qEnvironmentVariable("CONFAB_FILES_SHOTS");
        m_shots = shots.isEmpty() ? m_tmp.path() : shots;
        QDir().mkpath(m_shots);
        QVERIFY(m_server.start(TestServer::relaxedArgs()));
        RestClient alice(m_server.httpUrl()), bob(m_server.httpUrl());
        QVERIFY(
            !alice.signUp(QStringLiteral("alice"), QStringLiteral("correct horse"), QStringLiteral("Alice")).is_null());
        QVERIFY(!bob.signUp(QStringLiteral("bob"), QStringLiteral("correct horse"), QStringLiteral("Bob")).is_null());
        const RestReply room = alice.post(QStringLiteral("/v1/chat/rooms"), {{"name", "photos"}, {"type", "public"}});
        QVERIFY(room.ok());
        m_roomId = qs(room.data()["roomId"]);
        QVERIFY(bob.post(roomPath(m_roomId) + QStringLiteral("/join")).ok());

        m_alice = std::make_unique<DesktopClient>();
        m_alice->openWindow();
        QVERIFY(m_alice->adoptToken(m_server.httpUrl(), alice.token()));
        m_bob = std::make_unique<DesktopClient>();
        m_bob->openWindow();
        QVERIFY(m_bob->adoptToken(m_server.httpUrl(), bob.token()));
        m_bob->window->resize(900, 700);
        QVERIFY(m_bob->showActive());
        QVERIFY(m_alice->showActive());
        QVERIFY(openRoom(*m_alice->window, m_roomId));
        QVERIFY(openRoom(*m_bob->window, m_roomId));
    }

    void attachSendSeeViewSave()
    {
        // A landscape photo-like PNG and a small PDF.
        const QString imagePath = m_tmp.filePath(QStringLiteral("harbour.png"));
        {
            QImage image(1600, 1000, QImage::Format_RGB32);
            QPainter p(&image);
            QLinearGradient g(0, 0, 1600, 1000);
            g.setColorAt(0, QColor(0x1e, 0x88, 0xe5));
            g.setColorAt(1, QColor(0xff, 0xb3, 0x00));
            p.fillRect(image.rect(), g);
            p.setBrush(Qt::white);
            p.drawEllipse(QPoint(1200, 300), 150, 150);
            p.end();
            QVERIFY(image.save(imagePath));
        }
        const QString pdfPath = m_tmp.filePath(QStringLiteral("minutes <b>draft & co.pdf"));
        const QByteArray pdf =
            QByteArrayLiteral("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        {
            QFile f(pdfPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(pdf);
        }

        RoomView *view = m_alice->window->roomView();
        RoomFiles *files = view->files();
        QVERIFY(files->attachButton()->isVisible());
        QCOMPARE(files->attachButton()->accessibleName(), QStringLiteral("Attach files"));
        QCOMPARE(files->attachAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_U));
        // What the button does once its dialog answers.
        files->attachFiles({imagePath, pdfPath});
        QCOMPARE(int(files->strip()->files().size()), 2);
        QVERIFY(files->strip()->isVisible());
        QCOMPARE(files->strip()->files().at(0).width, 1600);
        QCOMPARE(files->strip()->files().at(1).mimeType, QStringLiteral("application/pdf"));
        saveShot(m_alice->window.get(), QStringLiteral("files-alice-strip.png"));

        QSignalSpy progress(&m_alice->engine()->outbox(), &Outbox::uploadProgressChanged);
        // Held for a moment (as with no network), to look at the pending message.
        m_alice->engine()->outbox().pause();
        view->composer()->setFocus();
        QTest::keyClicks(view->composer(), QStringLiteral("the harbour"));
        QTest::keyClick(view->composer(), Qt::Key_Return);
        QVERIFY(files->strip()->isEmpty());
        QVERIFY(!files->strip()->isVisible());
        // The pending message shows the files (the image from the local file) and its progress.
        QAbstractItemModel *aliceModel = view->timeline()->model();
        const QModelIndex pending = aliceModel->index(aliceModel->rowCount() - 1, 0);
        const auto local = pending.data(MessageModel::AttachmentsRole).value<QList<Attachment>>();
        QCOMPARE(local.size(), 2);
        QCOMPARE(pending.data(MessageModel::UploadProgressRole).toDouble(), 0.0);
        QVERIFY(MessageDelegate::statusText(pending).startsWith(QStringLiteral("uploading… 0 %")));
        const QRect localRect = view->timeline()->messageDelegate()->attachmentRect(pending, 0);
        QCOMPARE(localRect.size(), QSize(360, 225));
        ThumbnailCache *aliceThumbs = view->timeline()->messageDelegate()->thumbnails();
        const QSize localShown = localRect.size() * view->timeline()->devicePixelRatioF();
        QTRY_VERIFY_WITH_TIMEOUT(!aliceThumbs->image(local[0], localShown).isNull(), 10000);
        saveShot(m_alice->window.get(), QStringLiteral("files-alice-pending.png"));
        // Enter on it opens the viewer (the original is the local file); the keys zoom and fit.
        view->timeline()->setCurrentIndex(pending);
        view->timeline()->setFocus();
        QTest::keyClick(view->timeline(), Qt::Key_Return);
        QTRY_VERIFY(files->viewer() && files->viewer()->isVisible());
        ImageViewer *viewer = files->viewer();
        QCOMPARE(viewer->count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(viewer->hasOriginal(), 10000);
        QVERIFY(viewer->isFitting());
        const double fitted = viewer->zoom();
        QVERIFY(fitted < 1.0); // 1600 px wide in a smaller window
        QTest::keyClick(viewer, Qt::Key_Plus);
        QVERIFY(viewer->zoom() > fitted);
        QVERIFY(!viewer->isFitting());
        QTest::keyClick(viewer, Qt::Key_Minus);
        QTest::keyClick(viewer, Qt::Key_Minus);
        QVERIFY(viewer->zoom() < fitted);
        QTest::keyClick(viewer, Qt::Key_0);
        QVERIFY(viewer->isFitting());
        QTest::keyClick(viewer, Qt::Key_Plus);
        saveShot(viewer, QStringLiteral("files-alice-viewer.png"));
        QTest::keyClick(viewer, Qt::Key_Escape);
        QTRY_VERIFY(!files->viewer());
        m_alice->engine()->outbox().resume();
        QTRY_VERIFY_WITH_TIMEOUT(rowWithContent(aliceModel, QStringLiteral("the harbour")) >= 0, 15000);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(2).toLongLong(), progress.last().at(3).toLongLong()); // all of it

        // Bob: the image inline at its size, the PDF as a chip.
        TimelineView *timeline = m_bob->window->roomView()->timeline();
        QAbstractItemModel *model = timeline->model();
        QTRY_VERIFY_WITH_TIMEOUT(rowWithContent(model, QStringLiteral("the harbour")) >= 0, 10000);
        const QModelIndex row = model->index(rowWithContent(model, QStringLiteral("the harbour")), 0);
        const auto attachments = row.data(MessageModel::AttachmentsRole).value<QList<Attachment>>();
        QCOMPARE(attachments.size(), 2);
        QCOMPARE(attachments[0].width, 1600);
        QCOMPARE(attachments[0].height, 1000);
        QVERIFY(!attachments[0].thumbnailUrl.isEmpty());
        QVERIFY(MessageDelegate::showsAsImage(attachments[0]));
        QVERIFY(!MessageDelegate::showsAsImage(attachments[1]));
        timeline->scrollTo(row);
        const QRect imageRect = timeline->messageDelegate()->attachmentRect(row, 0);
        // 1600x1000 fitted into the text column (at most 360x270), keeping its shape: the placeholder has it too.
        QVERIFY2(imageRect.width() <= 360 && imageRect.width() >= 200 &&
                     qAbs(imageRect.width() * 10 - imageRect.height() * 16) <= 16,
                 qPrintable(QStringLiteral("%1x%2").arg(imageRect.width()).arg(imageRect.height())));
        const int heightBefore = timeline->visualRect(row).height();
        ThumbnailCache *thumbs = timeline->messageDelegate()->thumbnails();
        const QSize shown = imageRect.size() * timeline->devicePixelRatioF();
        QTRY_VERIFY_WITH_TIMEOUT(!thumbs->image(attachments[0], shown).isNull(), 10000);
        // Decoded at the size shown (within rounding of the thumbnail's own aspect), not at 480 px or more.
        const QSize decoded = thumbs->image(attachments[0], shown).size();
        QVERIFY2(decoded.width() <= shown.width() && decoded.height() <= shown.height() &&
                     shown.width() - decoded.width() <= 2 && shown.height() - decoded.height() <= 2,
                 qPrintable(QStringLiteral("%1x%2").arg(decoded.width()).arg(decoded.height())));
        QCOMPARE(timeline->visualRect(row).height(), heightBefore); // nothing moved when it came
        timeline->viewport()->update();
        QTest::qWait(50);
        saveShot(m_bob->window.get(), QStringLiteral("files-bob-timeline.png"));

        // Enter on the message opens the viewer; keys zoom, fit, and Esc closes.
        timeline->setCurrentIndex(row);
        timeline->setFocus();
        QTest::keyClick(timeline, Qt::Key_Return);
        RoomFiles *bobFiles = m_bob->window->roomView()->files();
        QTRY_VERIFY(bobFiles->viewer() && bobFiles->viewer()->isVisible());
        ImageViewer *bobViewer = bobFiles->viewer();
        QCOMPARE(bobViewer->currentImage().fileId, attachments[0].fileId);
        QTRY_VERIFY_WITH_TIMEOUT(bobViewer->hasOriginal(), 10000); // downloaded from the server
        saveShot(bobViewer, QStringLiteral("files-bob-viewer.png"));
        QTest::keyClick(bobViewer, Qt::Key_Escape);
        QTRY_VERIFY(!bobFiles->viewer());

        // Save as… the PDF: the same bytes.
        const QString saved = m_tmp.filePath(QStringLiteral("saved.pdf"));
        QSignalSpy savedSpy(bobFiles->actions(), &AttachmentActions::saved);
        bobFiles->actions()->saveTo(attachments[1], saved);
        QVERIFY(savedSpy.count() || savedSpy.wait(10000));
        QFile f(saved);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), pdf);
    }

    void cleanupTestCase()
    {
        m_alice.reset();
        m_bob.reset();
    }

private:
    void saveShot(QWidget *w, const QString &name)
    {
        // Widgets added to a shown layout appear on the next turn of the event loop.
        QCoreApplication::processEvents();
        w->repaint();
        const QImage image = w->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(m_shots + QLatin1Char('/') + name));
    }

    QTemporaryDir m_tmp;
    QString m_shots;
    TestServer m_server;
    QString m_roomId;
    std::unique_ptr<DesktopClient> m_alice, m_bob;
};

QTEST_MAIN(TestFilesUi)
#include "tst_files.moc"
