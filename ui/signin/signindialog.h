// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace confab::client {
class Session;
}

namespace confab::ui {

class StatusLabel;

// Server, username, password (and a display name for a new account): sign in, create an
// account, or try the bundled demo. Errors show inline next to the form; accepted once the
// session is signed in. The server URL is remembered.
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    explicit SignInDialog(client::Session &session, QWidget *parent = nullptr);

    QLineEdit *serverField() const { return m_server; }
    QLineEdit *usernameField() const { return m_username; }
    QLineEdit *passwordField() const { return m_password; }
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *demoButton() const { return m_demo; }
    QString errorText() const;

    // Shown while something outside the dialog works for it (the demo server starting).
    void setBusy(const QString &message);
    void showError(const QString &message, const QString &field = {});

Q_SIGNALS:
    void demoRequested();

private:
    // The session's error, with a hint when https:// was assumed and the server did not answer.
    void onSessionFailed(const QString &message, const QString &field);
    void submit(bool create);
    void setFormEnabled(bool enabled);
    QUrl serverUrl() const;

    client::Session &m_session;
    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_displayName;
    StatusLabel *m_status;
    QPushButton *m_signIn;
    QPushButton *m_create;
    QPushButton *m_demo;
};

} // namespace confab::ui
