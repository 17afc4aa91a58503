// SPDX-License-Identifier: GPL-3.0-or-later
// The icons built in from resources/icons, and the tray following the connection: grey while the
// client cannot reach the server (before it connects, while it retries), the normal icon once it
// is online, the count drawn on it when something is unread.

#include "restclient.h"
#include "testserver.h"

#include "client/net/realtimeconnection.h"
#include "shell/trayicon.h"

#include <QApplication>
#include <QWidget>
#include <QtTest>

using namespace confab;
using namespace confab::test;
using confab::ui::TrayIcon;

class TestTrayIcon : public QObject {
    Q_OBJECT

    static QImage at32(const QIcon &icon) { return icon.pixmap(32).toImage(); }

private Q_SLOTS:
    // Every variant at every size it is used at: a real picture of that size, not a blank.
    void iconFilesAreBuiltIn()
    {
        const QList<int> traySizes{16, 22, 24, 32, 48, 64};
        for (const QString &variant :
             {QStringLiteral("confab"), QStringLiteral("confab-unread"), QStringLiteral("confab-offline")}) {
            for (const int size : traySizes) {
                const QImage image(QStringLiteral(":/icons/%1-%2.png").arg(variant).arg(size));
                QVERIFY2(!image.isNull(), qPrintable(variant + QString::number(size)));
                QCOMPARE(image.size(), QSize(size, size));
                QVERIFY(image.pixelColor(size / 2, size / 3).alpha() > 0); // the bubble is there
            }
        }
        QCOMPARE(QImage(QStringLiteral(":/icons/confab-512.png")).size(), QSize(512, 512));
        QVERIFY(at32(TrayIcon::appIcon(TrayIcon::Variant::Offline)) != at32(TrayIcon::appIcon()));
        QVERIFY(at32(TrayIcon::renderIcon(QStringLiteral("3"))) != at32(TrayIcon::appIcon()));
    }

    void followsTheConnection()
    {
        TestServer server;
        QVERIFY(server.start(TestServer::relaxedArgs()));
        RestClient rest(server.httpUrl());
        QVERIFY(rest.signUp(QStringLiteral("tray")).is_object());

        QWidget window;
        TrayIcon tray(&window);
        QVERIFY(!tray.isOffline()); // no session: nothing to be offline from
        QCOMPARE(at32(tray.icon()), at32(TrayIcon::appIcon()));

        client::RealtimeConnection connection;
        tray.setConnection(&connection);
        QVERIFY(tray.isOffline()); // not started yet
        QCOMPARE(at32(tray.icon()), at32(TrayIcon::appIcon(TrayIcon::Variant::Offline)));

        connection.start(server.httpUrl(), rest.token());
        QTRY_VERIFY_WITH_TIMEOUT(connection.state() == client::RealtimeConnection::State::Online, 10000);
        QVERIFY(!tray.isOffline());
        QCOMPARE(at32(tray.icon()), at32(TrayIcon::appIcon()));

        // The server goes away: the client retries, and the tray says so.
        QVERIFY(server.stop());
        QTRY_VERIFY_WITH_TIMEOUT(connection.state() == client::RealtimeConnection::State::Retrying, 10000);
        QVERIFY(tray.isOffline());
        QVERIFY(tray.icon().pixmap(32).toImage() == at32(TrayIcon::appIcon(TrayIcon::Variant::Offline)));

        tray.setConnection(nullptr);
        QVERIFY(!tray.isOffline());
        connection.stop();
    }
};

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
