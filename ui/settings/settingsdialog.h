#pragma once

#include "settings/signoutconfirmation.h" // complete for QPointer

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace confab::client {
class Session;
}

namespace confab::ui {

class AppSettings;
class ReadReceiptsSetting;

// Preferences, applied as they change: theme, notifications, auto-away; and the account (the
// server it talks to, who is signed in, signing out).
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(AppSettings &settings, client::Session &session, QWidget *parent = nullptr);

    QComboBox *themeField() const { return m_theme; }
    QCheckBox *notificationsField() const { return m_notifications; }
    QCheckBox *ctrlEnterField() const { return m_ctrlEnter; }
    QSpinBox *autoAwayField() const { return m_autoAway; }
    ReadReceiptsSetting *readReceiptsField() const { return m_readReceipts; }
    QLabel *serverLabel() const { return m_server; }
    QPushButton *signOutButton() const { return m_signOut; }
    // The "Sign out of Confab?" question, while it is open.
    SignOutConfirmation *signOutConfirmation() const;

Q_SIGNALS:
    void signOutRequested();

private:
    AppSettings &m_settings;
    QComboBox *m_theme;
    QCheckBox *m_notifications;
    QCheckBox *m_ctrlEnter;
    QSpinBox *m_autoAway;
    QLabel *m_server;
    QLabel *m_account;
    QPushButton *m_signOut;
    ReadReceiptsSetting *m_readReceipts;
    QPointer<SignOutConfirmation> m_confirmation;
};

} // namespace confab::ui
