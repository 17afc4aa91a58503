// SPDX-License-Identifier: GPL-3.0-or-later
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
    QComboBox *languageField() const { return m_language; }
    // "Restart now", shown while the chosen language is not the one in use.
    QPushButton *restartButton() const { return m_restart; }
    QCheckBox *notificationsField() const { return m_notifications; }
    QCheckBox *ctrlEnterField() const { return m_ctrlEnter; }
    QCheckBox *announceField() const { return m_announce; }
    QSpinBox *autoAwayField() const { return m_autoAway; }
    ReadReceiptsSetting *readReceiptsField() const { return m_readReceipts; }
    QLabel *serverLabel() const { return m_server; }
    QPushButton *signOutButton() const { return m_signOut; }
    // The "Sign out of Confab?" question, while it is open.
    SignOutConfirmation *signOutConfirmation() const;

Q_SIGNALS:
    void signOutRequested();
    // Start Confab again (to apply the language).
    void restartRequested();

private:
    void updateRestartOffer();

    AppSettings &m_settings;
    QComboBox *m_theme;
    QComboBox *m_language;
    QLabel *m_restartNote;
    QPushButton *m_restart;
    QCheckBox *m_notifications;
    QCheckBox *m_ctrlEnter;
    QCheckBox *m_announce;
    QSpinBox *m_autoAway;
    QLabel *m_server;
    QLabel *m_account;
    QPushButton *m_signOut;
    ReadReceiptsSetting *m_readReceipts;
    QPointer<SignOutConfirmation> m_confirmation;
};

} // namespace confab::ui
