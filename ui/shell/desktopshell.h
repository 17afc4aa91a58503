// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/account/session.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace confab::ui {

class DemoLauncher;
class MainWindow;
class SignInDialog;

// The desktop program from start to quit: one Session (and through it the signed-in account's
// engine) and its MainWindow. Once started it follows the session: the window shows when someone
// signs in; the sign-in form comes when nobody is (at start with a server given, after a failed
// restore, after signing out), and starts the bundled demo when asked. The window (and the
// per-room objects it holds) goes before the session; the demo launcher must outlive both.
class DesktopShell : public QObject {
    Q_OBJECT
public:
    struct Options {
        client::Session::Config session;
        QString server;               // put in the sign-in form (--server)
        DemoLauncher *demo = nullptr; // the form's demo button and Start::Demo need one
    };
    enum class Start {
        Restore, // the account of the last run, if its token is kept; else the form
        SignIn,  // the sign-in form
        Demo,    // the bundled demo server, signed in to it
    };

    explicit DesktopShell(Options options, QObject *parent = nullptr);
    ~DesktopShell() override;

    // Makes the window (not shown) if it is not there yet.
    MainWindow &openWindow();
    // From here on the shell follows the session (see above).
    void start(Start how);
    void askToSignIn();

    client::Session &session() const { return *m_session; }
    MainWindow *window() const { return m_window.get(); }
    SignInDialog *signInDialog() const; // while the form is open

Q_SIGNALS:
    // The sign-in form was closed with nobody signed in: there is nothing left to show.
    void quitRequested();
    // Start::Demo failed before anyone signed in (the form shows its own errors).
    void demoFailed(const QString &reason);

private:
    void startDemo(std::function<void(const QString &)> failed);

    Options m_options;
    std::unique_ptr<client::Session> m_session;
    std::unique_ptr<MainWindow> m_window;
    QPointer<SignInDialog> m_dialog;
    bool m_started = false;
};

} // namespace confab::ui
