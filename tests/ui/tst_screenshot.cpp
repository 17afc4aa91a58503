// SPDX-License-Identifier: GPL-3.0-or-later
// The window with the demo server in-process, rendered offscreen (to docs/screenshots with
// CONFAB_UPDATE_SCREENSHOTS=1) (light
// and dark palettes): the pictures the README shows, and a check that something was painted.
// The "timeline" pictures show the timeline's features in the demo's history: replies,
// reactions, a day separator, the "New messages" line, the composer replying and the emoji
// picker open.

#include "desktopclient.h"

#include "client/account/session.h"
#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/sync/chatengine.h"
#include "demo/demoserver.h"
#include "room/composer.h"
#include "room/emojipicker.h"
#include "room/messagedelegate.h"
#include "room/roomview.h"
#include "room/timelineview.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QListView>
#include <QPainter>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <set>

using namespace confab;
using namespace confab::client;
using namespace confab::test;
using namespace confab::ui;

namespace {
int distinctColours(const QImage &image)
{
    std::set<QRgb> colours;
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < img.height(); y += 2) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); x += 2)
            colours.insert(line[x]);
    }
    return int(colours.size());
}
} // namespace

class TestScreenshot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        m_demo =
            std::make_unique<demo::DemoServer>(demo::DemoServer::Options{m_dir.filePath(QStringLiteral("demo")), 1.0});
        QSignalSpy ready(m_demo.get(), &demo::DemoServer::ready);
        m_demo->start();
        QVERIFY(ready.wait(60000));
        m_desk = std::make_unique<DesktopClient>(m_dir.filePath(QStringLiteral("client")));
        QVERIFY(m_desk->adoptToken(ready.at(0).at(0).toUrl(), ready.at(0).at(1).toString()));
        m_desk->openWindow().resize(1100, 720);
        m_desk->window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_desk->window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->window->roomList()->model()->rowCount() >= 3, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->window->roomView()->messageModel() &&
                                     m_desk->window->roomView()->messageModel()->rowCount() >= 5,
                                 20000);
    }

    void cleanupTestCase()
    {
        m_desk.reset();
        if (m_demo)
            m_demo->stop();
    }

    void light() { shoot(QStringLiteral("demo-light.png")); }

    void dark()
    {
        QApplication::setPalette(darkPalette());
        shoot(QStringLiteral("demo-dark.png"));
        QApplication::setPalette(QApplication::style()->standardPalette());
    }

    void timelineFeatures()
    {
        // The room's latest messages with the "New messages" line above the last three of
        // others, and the composer replying to the last of them, with the emoji picker open.
        MessageModel *model = m_desk->window->roomView()->messageModel();
        TimelineView *timeline = m_desk->window->roomView()->timeline();
        model->setUnreadAtOpen(3);
        QTRY_VERIFY(model->firstUnreadRow() >= 0);
        QVERIFY(MessageDelegate::showsNewMessagesLine(timeline->model()->index(model->firstUnreadRow(), 0)));
        int replyRow = -1, reactedRow = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex i = timeline->model()->index(row, 0);
            if (!i.data(MessageModel::ReplyToRole).toString().isEmpty())
                replyRow = row;
            if (!i.data(MessageModel::ReactionsRole).toList().isEmpty())
                reactedRow = row;
        }
        QVERIFY2(replyRow >= 0 && reactedRow >= 0, "the demo's history has replies and reactions");
        // A reply sent through the composer shows its quote at the bottom; then the composer
        // starts another reply, to show its bar.
        QModelIndex last = timeline->model()->index(model->rowCount() - 1, 0);
        Composer *composer = m_desk->window->roomView()->composer();
        timeline->setCurrentIndex(last);
        timeline->replyAction()->trigger();
        QCOMPARE(composer->mode(), Composer::Mode::Reply);
        QTest::keyClicks(composer, QStringLiteral("Agreed, let's tag it tonight."));
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 &&
                                     !timeline->model()
                                          ->index(model->rowCount() - 1, 0)
                                          .data(MessageModel::ReplyToRole)
                                          .toString()
                                          .isEmpty() &&
                                     model->deliveryAt(model->rowCount() - 1) == MessageModel::Delivery::Sent,
                                 20000);
        last = timeline->model()->index(model->rowCount() - 2, 0);
        composer->startReply(last.data(MessageModel::MessageIdRole).toString(),
                             last.data(MessageModel::AuthorNameRole).toString(),
                             last.data(MessageModel::ContentRole).toString());
        QCOMPARE(composer->mode(), Composer::Mode::Reply);
        timeline->jumpToLatest();

        for (bool dark : {false, true}) {
            QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
            composer->showEmojiPicker();
            QTRY_VERIFY(composer->emojiPicker()->isVisible());
            shoot(dark ? QStringLiteral("timeline-dark.png") : QStringLiteral("timeline-light.png"),
                  composer->emojiPicker());
            composer->emojiPicker()->hide();
        }
        composer->cancelMode();
        QApplication::setPalette(QApplication::style()->standardPalette());
    }

    void daySeparator()
    {
        // The demo's history covers three days: older pages bring a day's first message, which
        // shows the day above it.
        MessageModel *model = m_desk->window->roomView()->messageModel();
        TimelineView *timeline = m_desk->window->roomView()->timeline();
        auto dayStart = [&] {
            for (int row = model->rowCount() - 1; row > 0; --row) {
                if (MessageDelegate::startsDay(timeline->model()->index(row, 0)))
                    return row;
            }
            return -1;
        };
        for (int page = 0; page < 20 && dayStart() < 0 && model->canFetchMore({}); ++page) {
            QSignalSpy older(model, &MessageModel::olderLoaded);
            model->fetchMore({});
            QVERIFY(older.wait(20000));
        }
        const int row = dayStart();
        QVERIFY2(row > 0, "no day boundary in the demo's history");
        const QModelIndex index = timeline->model()->index(row, 0);
        const QDate day = index.data(MessageModel::TimestampRole).toDateTime().toLocalTime().date();
        const QDate before =
            index.siblingAtRow(row - 1).data(MessageModel::TimestampRole).toDateTime().toLocalTime().date();
        QVERIFY(before < day);
        QVERIFY(MessageDelegate::dayText(before) != MessageDelegate::dayText(day));
        QVERIFY(MessageDelegate::startsGroup(index));
        timeline->scrollTo(index, QAbstractItemView::PositionAtCenter);
        for (bool dark : {false, true}) {
            QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
            shoot(dark ? QStringLiteral("timeline-day-dark.png") : QStringLiteral("timeline-day-light.png"), nullptr,
                  false);
        }
        QApplication::setPalette(QApplication::style()->standardPalette());
        timeline->jumpToLatest();
    }

private:
    // The window, with a popup (a separate window) painted where it shows. Only `forDocs`
    // pictures go to docs/screenshots.
    void shoot(const QString &file, QWidget *popup = nullptr, bool forDocs = true)
    {
        QTest::qWait(300); // let the list settle at the bottom
        QImage image = m_desk->window->grab().toImage();
        QVERIFY(!image.isNull());
        if (popup) {
            QPainter painter(&image);
            painter.drawPixmap(popup->mapToGlobal(QPoint(0, 0)) - m_desk->window->mapToGlobal(QPoint(0, 0)),
                               popup->grab());
        }
        QVERIFY2(distinctColours(image) > 64, qPrintable(QString::number(distinctColours(image))));
        // The docs' screenshots change only when asked (CONFAB_UPDATE_SCREENSHOTS=1): a test run
        // must not leave the source tree changed. CONFAB_SCREENSHOT_OUT=<dir> keeps them elsewhere
        // to look at.
        const bool toDocs = forDocs && qEnvironmentVariableIsSet("CONFAB_UPDATE_SCREENSHOTS");
        QString dir = toDocs ? QStringLiteral(CONFAB_SCREENSHOT_DIR) : m_dir.filePath(QStringLiteral("shots"));
        if (!toDocs && qEnvironmentVariableIsSet("CONFAB_SCREENSHOT_OUT"))
            dir = qEnvironmentVariable("CONFAB_SCREENSHOT_OUT");
        QDir().mkpath(dir);
        QVERIFY(image.save(dir + QLatin1Char('/') + file));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<demo::DemoServer> m_demo;
    std::unique_ptr<DesktopClient> m_desk;
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
