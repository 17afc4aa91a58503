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

// "Delete your account": says what the server does with the user's messages and rooms, asks for
// the password (checked by the server) and calls Session::deleteAccount(). Cancel is the default
// button, so Enter never deletes anything: "Delete account" must be chosen on purpose. A wrong
// password is said in the dialog and nothing changes; on success the session ends (the main
// window closes this dialog with the others) and the sign-in form shows.
class DeleteAccountDialog : public QDialog {
    Q_OBJECT
public:
    DeleteAccountDialog(client::Session &session, QWidget *parent = nullptr);

    QLineEdit *passwordField() const { return m_password; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *cancelButton() const { return m_cancel; }
    StatusLabel *status() const { return m_status; }

private:
    void submit();
    void showFailure(const QString &message, bool wrongPassword);
    void setBusy(bool busy);

    client::Session &m_session;
    QLineEdit *m_password;
    QPushButton *m_delete;
    QPushButton *m_cancel;
    StatusLabel *m_status;
};

} // namespace confab::ui
