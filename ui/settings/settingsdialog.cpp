// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "settings/appsettings.h"
#include "settings/readreceiptssetting.h"
#include "settings/signoutconfirmation.h"
#include "shell/translations.h"

#include "client/account/session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace confab::ui {

SettingsDialog::SettingsDialog(AppSettings &settings, client::Session &session, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_theme(new QComboBox), m_language(new QComboBox),
      m_restartNote(new QLabel), m_restart(new QPushButton(tr("&Restart now"))), m_notifications(new QCheckBox),
      m_ctrlEnter(new QCheckBox), m_announce(new QCheckBox), m_autoAway(new QSpinBox), m_server(new QLabel),
      m_account(new QLabel), m_signOut(new QPushButton(tr("Sign &out"))),
      m_readReceipts(new ReadReceiptsSetting(session.api()))
{
    setWindowTitle(tr("Settings"));
    setAccessibleName(tr("Settings"));

    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Follow the system"), int(ThemeManager::Mode::System));
    m_theme->addItem(tr("Light"), int(ThemeManager::Mode::Light));
    m_theme->addItem(tr("Dark"), int(ThemeManager::Mode::Dark));
    m_theme->addItem(tr("High contrast"), int(ThemeManager::Mode::HighContrast));
    m_theme->setCurrentIndex(m_theme->findData(int(settings.theme())));

    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("Follow the system"), QString());
    // Each language in its own name, so that whoever reads it can find theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings.language())));
    m_restartNote->setText(tr("The new language shows after Confab restarts."));
    m_restartNote->setWordWrap(true);
    m_restartNote->setAccessibleName(tr("The new language shows after Confab restarts."));
    m_restart->setAccessibleName(tr("Restart Confab now"));
    m_restart->setAutoDefault(false);

    m_notifications->setText(tr("Notify me of mentions and direct messages"));
    m_notifications->setAccessibleName(tr("Notify me of mentions and direct messages"));
    m_notifications->setChecked(settings.notificationsEnabled());

    m_ctrlEnter->setText(tr("Send with Ctrl+&Enter (Enter starts a new line)"));
    m_ctrlEnter->setAccessibleName(tr("Send with Ctrl+Enter"));
    m_ctrlEnter->setChecked(settings.sendWithCtrlEnter());

    m_announce->setText(tr("Announce new &messages to screen readers"));
    m_announce->setAccessibleName(tr("Announce new messages to screen readers"));
    m_announce->setChecked(settings.announceMessages());

    m_autoAway->setAccessibleName(tr("Minutes without input before I am shown away"));
    m_autoAway->setRange(0, AppSettings::kMaxAutoAwayMinutes);
    m_autoAway->setSpecialValueText(tr("Never"));
    m_autoAway->setSuffix(tr(" min"));
    m_autoAway->setValue(settings.autoAwayMinutes());

    const QString server = session.server().toString(QUrl::RemoveUserInfo);
    m_server->setText(server);
    m_server->setTextFormat(Qt::PlainText);
    m_server->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_server->setAccessibleName(tr("Server address"));
    const User me = session.me();
    m_account->setText(me.userId.isEmpty()
                           ? tr("Not signed in")
                           : tr("%1 (%2)").arg(me.displayName.isEmpty() ? me.username : me.displayName, me.username));
    m_account->setTextFormat(Qt::PlainText);
    m_account->setAccessibleName(tr("Signed in as"));
    m_signOut->setAccessibleName(tr("Sign out"));
    // Never the button Enter presses: that signed people out while they changed a setting.
    m_signOut->setAutoDefault(false);
    m_signOut->setDefault(false);
    m_signOut->setEnabled(!me.userId.isEmpty());

    auto *look = new QGroupBox(tr("Appearance and behaviour"));
    auto *lookForm = new QFormLayout(look);
    lookForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    lookForm->addRow(tr("&Theme:"), m_theme);
    lookForm->addRow(tr("&Language:"), m_language);
    auto *restartRow = new QHBoxLayout;
    restartRow->addWidget(m_restartNote, 1);
    restartRow->addWidget(m_restart);
    lookForm->addRow(restartRow);
    lookForm->addRow(m_notifications);
    lookForm->addRow(m_ctrlEnter);
    lookForm->addRow(m_announce);
    lookForm->addRow(tr("Show me as &away after:"), m_autoAway);

    auto *account = new QGroupBox(tr("Account"));
    auto *accountForm = new QFormLayout(account);
    accountForm->addRow(tr("Server:"), m_server);
    accountForm->addRow(tr("Signed in as:"), m_account);
    accountForm->addRow(m_readReceipts);
    accountForm->addRow(QString(), m_signOut);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(look);
    layout->addWidget(account);
    layout->addStretch(1);
    layout->addWidget(buttons);

    // Applied at once: what you pick is what you see.
    connect(m_theme, &QComboBox::currentIndexChanged, this,
            [this] { m_settings.setTheme(ThemeManager::Mode(m_theme->currentData().toInt())); });
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        m_settings.setLanguage(m_language->currentData().toString());
        updateRestartOffer();
    });
    connect(m_restart, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT restartRequested();
    });
    updateRestartOffer();
    connect(m_notifications, &QCheckBox::toggled, &m_settings, &AppSettings::setNotificationsEnabled);
    connect(m_ctrlEnter, &QCheckBox::toggled, &m_settings, &AppSettings::setSendWithCtrlEnter);
    connect(m_announce, &QCheckBox::toggled, &m_settings, &AppSettings::setAnnounceMessages);
    connect(m_autoAway, &QSpinBox::valueChanged, &m_settings, &AppSettings::setAutoAwayMinutes);
    connect(m_signOut, &QPushButton::clicked, this, [this] {
        auto *confirmation = new SignOutConfirmation(this);
        m_confirmation = confirmation;
        connect(confirmation, &SignOutConfirmation::confirmed, this, [this] {
            accept();
            Q_EMIT signOutRequested();
        });
        confirmation->open();
    });
    m_theme->setFocus();
    resize(qMax(sizeHint().width(), 440), sizeHint().height());
}

void SettingsDialog::updateRestartOffer()
{
    // Only a language other than the one loaded at start needs the restart (the C locale shows
    // the English text).
    auto language = [](const QLocale &l) { return l.language() == QLocale::C ? QLocale::English : l.language(); };
    const bool differs = language(localeForLanguage(m_settings.language())) != language(installedLocale());
    m_restartNote->setVisible(differs);
    m_restart->setVisible(differs);
}

SignOutConfirmation *SettingsDialog::signOutConfirmation() const { return m_confirmation; }

} // namespace confab::ui
