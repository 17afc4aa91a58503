// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopshell.h"

#include "shell/demolauncher.h"
#include "shell/mainwindow.h"
#include "signin/signindialog.h"

#include "client/sync/chatengine.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QPushButton>

namespace confab::ui {

DesktopShell::DesktopShell(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_session(std::make_unique<client::Session>(m_options.session))
{
}

DesktopShell::~DesktopShell()
{
    delete m_dialog.data();
    m_window.reset(); // and the room objects it holds, before the engine they refer to
    m_session.reset();
}

MainWindow &DesktopShell::openWindow()
{
    if (!m_window)
        m_window = std::make_unique<MainWindow>(*m_session);
    return *m_window;
}

SignInDialog *DesktopShell::signInDialog() const { return m_dialog; }

void DesktopShell::start(Start how)
{
    openWindow();
    if (!m_started) {
        m_started = true;
        connect(m_session.get(), &client::Session::signedIn, this, [this] {
            if (!m_window->isVisible()) {
                m_window->restoreWindowGeometry();
                m_window->show();
            }
        });
        // A failed restore, or a session that ended: back to the form (which shows its own errors).
        connect(m_session.get(), &client::Session::failed, this, [this] {
            if (m_session->state() == client::Session::State::SignedOut && !(m_dialog && m_dialog->isVisible()))
                askToSignIn();
        });
        // Signed out from the menu or the settings: the window goes, the form comes.
        connect(m_session.get(), &client::Session::signedOut, this, [this] {
            m_window->hide();
            if (!(m_dialog && m_dialog->isVisible()))
                askToSignIn();
        });
    }
    switch (how) {
    case Start::Restore: m_session->restore(); break;
    case Start::SignIn: askToSignIn(); break;
    case Start::Demo: startDemo([this](const QString &why) { Q_EMIT demoFailed(why); }); break;
    }
}

void DesktopShell::askToSignIn()
{
    if (!m_dialog) {
        m_dialog = new SignInDialog(*m_session);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (!m_options.server.isEmpty())
            m_dialog->serverField()->setText(m_options.server);
        m_dialog->demoButton()->setVisible(m_options.demo != nullptr);
        connect(m_dialog, &QDialog::rejected, this, [this] {
            if (!m_session->engine())
                Q_EMIT quitRequested();
        });
        connect(m_dialog, &SignInDialog::demoRequested, this, [this] {
            startDemo([this](const QString &why) {
                if (m_dialog) // the context is main()'s, as it was when this lived there
                    m_dialog->showError(QCoreApplication::translate("main", "The demo could not start: %1").arg(why));
            });
        });
    }
    m_dialog->show();
    m_dialog->raise();
}

// The demo's cache is named "demo", not after its server: the port changes on every run.
void DesktopShell::startDemo(std::function<void(const QString &)> failed)
{
    if (!m_options.demo) { // not offered then (see askToSignIn); only Start::Demo gets here
        // Later, as a launcher would answer: main() may not be in its event loop yet.
        QMetaObject::invokeMethod(
            this, [failed = std::move(failed)] { failed(QStringLiteral("no demo server was given to the shell")); },
            Qt::QueuedConnection);
        return;
    }
    m_options.demo->start(
        this,
        [this](const QUrl &url, const QString &token) { m_session->adoptToken(url, token, QStringLiteral("demo")); },
        std::move(failed));
}

} // namespace confab::ui
