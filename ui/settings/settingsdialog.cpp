#include "settingsdialog.h"

#include "settings/appsettings.h"
#include "settings/readreceiptssetting.h"
#include "settings/signoutconfirmation.h"

#include "client/account/session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace confab::ui {

SettingsDialog::SettingsDialog(AppSettings &settings, client::Session &session, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_theme(new QComboBox), m_notifications(new QCheckBox),
      m_ctrlEnter(new QCheckBox), m_autoAway(new QSpinBox), m_server(new QLabel), m_account(new QLabel),
      m_signOut(new QPushButton(tr("Sign &out"))), m_readReceipts(new ReadReceiptsSetting(session.api()))
{
    setWindowTitle(tr("Settings"));
    setAccessibleName(tr("Settings"));

    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Follow the system"), int(ThemeManager::Mode::System));
    m_theme->addItem(tr("Light"), int(ThemeManager::Mode::Light));
    m_theme->addItem(tr("Dark"), int(ThemeManager::Mode::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(settings.theme())));

    m_notifications->setText(tr("Notify me of mentions and direct messages"));
    m_notifications->setAccessibleName(tr("Notify me of mentions and direct messages"));
    m_notifications->setChecked(settings.notificationsEnabled());

    m_ctrlEnter->setText(tr("Send with Ctrl+&Enter (Enter starts a new line)"));
    m_ctrlEnter->setAccessibleName(tr("Send with Ctrl+Enter"));
    m_ctrlEnter->setChecked(settings.sendWithCtrlEnter());

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
    lookForm->addRow(m_notifications);
    lookForm->addRow(m_ctrlEnter);
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
    connect(m_notifications, &QCheckBox::toggled, &m_settings, &AppSettings::setNotificationsEnabled);
    connect(m_ctrlEnter, &QCheckBox::toggled, &m_settings, &AppSettings::setSendWithCtrlEnter);
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

SignOutConfirmation *SettingsDialog::signOutConfirmation() const { return m_confirmation; }

} // namespace confab::ui
