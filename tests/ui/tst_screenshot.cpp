// The window with the demo server in-process, rendered offscreen (to docs/screenshots with
// CONFAB_UPDATE_SCREENSHOTS=1) (light
// and dark palettes): the pictures the README shows, and a check that something was painted.

#include "client/chatengine.h"
#include "client/messagemodel.h"
#include "client/roomlistmodel.h"
#include "client/session.h"
#include "demo/demoserver.h"
#include "mainwindow.h"
#include "roomview.h"
#include "timelineview.h"

#include <QApplication>
#include <QDir>
#include <QListView>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <set>

using namespace confab;
using namespace confab::client;
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

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Mid, QColor(0x55, 0x57, 0x5c));
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    return p;
}
} // namespace

class TestScreenshot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        m_demo = std::make_unique<demo::DemoServer>(demo::DemoServer::Options{m_dir.filePath(QStringLiteral("demo")), 1.0});
        QSignalSpy ready(m_demo.get(), &demo::DemoServer::ready);
        m_demo->start();
        QVERIFY(ready.wait(60000));
        Session::Config config;
        config.dataDir = m_dir.filePath(QStringLiteral("client"));
        config.useKeychain = false;
        m_session = std::make_unique<Session>(config);
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        m_session->adoptToken(ready.at(0).at(0).toUrl(), ready.at(0).at(1).toString());
        QVERIFY(signedIn.wait(20000));
        m_window = std::make_unique<MainWindow>(*m_session);
        m_window->resize(1100, 720);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->roomList()->model()->rowCount() >= 3, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->roomView()->messageModel()
                                     && m_window->roomView()->messageModel()->rowCount() >= 5, 20000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_session.reset();
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

private:
    void shoot(const QString &file)
    {
        QTest::qWait(300); // let the list settle at the bottom
        const QImage image = m_window->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY2(distinctColours(image) > 64, qPrintable(QString::number(distinctColours(image))));
        // The docs' screenshots change only when asked (CONFAB_UPDATE_SCREENSHOTS=1): a test run
        // must not leave the source tree changed.
        const QString dir = qEnvironmentVariableIsSet("CONFAB_UPDATE_SCREENSHOTS") ? QStringLiteral(CONFAB_SCREENSHOT_DIR)
                                                                                   : m_dir.filePath(QStringLiteral("shots"));
        QDir().mkpath(dir);
        QVERIFY(image.save(dir + QLatin1Char('/') + file));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<demo::DemoServer> m_demo;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
