// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopclient.h"

#include "client/account/session.h"
#include "shell/mainwindow.h"

#include <QCoreApplication>
#include <QDialog> // MainWindow holds a QPointer<QDialog>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace confab::test {

namespace {
constexpr int kSignInTimeoutMs = 20000;
}

void prepareUiTest(const QString &applicationName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("confab-test"));
    QCoreApplication::setApplicationName(applicationName);
    // Every run starts from no settings: what an earlier run left (recently used emoji, say)
    // must not change what this one sees.
    QSettings().clear();
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

DesktopClient::DesktopClient(const QString &dataDir) : DesktopClient(dataDir, ui::DesktopShell::Options{}) {}

DesktopClient::DesktopClient(const QString &dataDir, ui::DesktopShell::Options options)
{
    options.session.dataDir = dataDir.isEmpty() ? dir.path() : dataDir;
    options.session.useKeychain = false; // none in CI: tokens stay in memory
    shell = std::make_unique<ui::DesktopShell>(std::move(options));
    session = &shell->session();
}

DesktopClient::~DesktopClient() { shell.reset(); }

ui::MainWindow &DesktopClient::openWindow()
{
    window = &shell->openWindow();
    return *window;
}

bool DesktopClient::signIn(const QUrl &server, const QString &name, const QString &password)
{
    QSignalSpy signedIn(session, &client::Session::signedIn);
    session->signIn(server, name, password);
    if (!signedIn.wait(kSignInTimeoutMs)) {
        qWarning() << "sign-in of" << name << "failed:" << session->errorMessage();
        return false;
    }
    username = name;
    return true;
}

bool DesktopClient::adoptToken(const QUrl &server, const QString &token)
{
    QSignalSpy signedIn(session, &client::Session::signedIn);
    session->adoptToken(server, token);
    if (!signedIn.wait(kSignInTimeoutMs)) {
        qWarning() << "sign-in with a token failed:" << session->errorMessage();
        return false;
    }
    return true;
}

bool DesktopClient::showActive()
{
    window->show();
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

client::ChatEngine *DesktopClient::engine() const { return session->engine(); }

} // namespace confab::test
