// SPDX-License-Identifier: GPL-3.0-or-later
#include "signindialog.h"

#include "widgets/statuslabel.h"

#include "client/account/session.h"
#include "client/sync/chatengine.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>

namespace confab::ui {

namespace {
const QString kServerKey = QStringLiteral("signIn/server");
}

SignInDialog::SignInDialog(client::Session &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_server(new QLineEdit(this)), m_username(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_displayName(new QLineEdit(this)), m_status(new StatusLabel(this)),
      m_signIn(new QPushButton(tr("&Sign in"), this)), m_create(new QPushButton(tr("&Create account"), this)),
      m_demo(new QPushButton(tr("Try the &demo"), this))
{
    setWindowTitle(tr("Sign in to Confab"));
    m_server->setAccessibleName(tr("Server address"));
    m_server->setPlaceholderText(QStringLiteral("https://chat.example.org"));
    m_server->setText(QSettings().value(kServerKey).toString());
    m_username->setAccessibleName(tr("Username"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_displayName->setAccessibleName(tr("Display name"));
    m_displayName->setPlaceholderText(tr("Only for a new account"));
    m_status->setAccessibleName(tr("Sign-in status"));
    m_signIn->setAccessibleName(tr("Sign in"));
    m_create->setAccessibleName(tr("Create account"));
    m_demo->setAccessibleName(tr("Try the demo"));
    m_signIn->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Se&rver:"), m_server);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("Display &name:"), m_displayName);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_create, QDialogButtonBox::ActionRole);
    buttons->addButton(m_demo, QDialogButtonBox::HelpRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    // The button box would accept() on its own; the session decides.
    connect(m_signIn, &QPushButton::clicked, this, [this] { submit(false); });
    connect(m_create, &QPushButton::clicked, this, [this] { submit(true); });
    connect(m_demo, &QPushButton::clicked, this, [this] {
        setBusy(tr("Starting the demo…"));
        Q_EMIT demoRequested();
    });
    connect(&m_session, &client::Session::failed, this, &SignInDialog::onSessionFailed);
    connect(&m_session, &client::Session::signedIn, this, [this] {
        setFormEnabled(true);
        accept();
    });
    (m_server->text().isEmpty() ? m_server : m_username)->setFocus();
}

QString SignInDialog::errorText() const { return m_status->isError() ? m_status->text() : QString(); }

QUrl SignInDialog::serverUrl() const
{
    QString text = m_server->text().trimmed();
    if (!text.contains(QStringLiteral("://")))
        text.prepend(QStringLiteral("https://"));
    return QUrl::fromUserInput(text);
}

void SignInDialog::submit(bool create)
{
    const QUrl url = serverUrl();
    if (m_server->text().trimmed().isEmpty() || !url.isValid()) {
        showError(tr("Enter the address of your Confab server."), QStringLiteral("server"));
        return;
    }
    if (m_username->text().trimmed().isEmpty()) {
        showError(tr("Enter your username."), QStringLiteral("username"));
        return;
    }
    if (m_password->text().isEmpty()) {
        showError(tr("Enter your password."), QStringLiteral("password"));
        return;
    }
    QSettings().setValue(kServerKey, m_server->text().trimmed());
    setBusy(create ? tr("Creating your account…") : tr("Signing in…"));
    if (create)
        m_session.registerAccount(url, m_username->text().trimmed(), m_password->text(),
                                  m_displayName->text().trimmed());
    else
        m_session.signIn(url, m_username->text().trimmed(), m_password->text());
}

void SignInDialog::setBusy(const QString &message)
{
    m_status->showBusy(message);
    setFormEnabled(false);
}

void SignInDialog::onSessionFailed(const QString &message, const QString &field)
{
    const QString typed = m_server->text().trimmed();
    if (field == QLatin1String("server") && !typed.isEmpty() && !typed.contains(QStringLiteral("://"))) {
        // https:// was assumed and nothing answered it (a plain HTTP server fails the TLS
        // handshake with an OpenSSL message nobody can act on).
        showError(tr("No secure connection to %1 (https). If the server does not use TLS, did you mean %2?")
                      .arg(typed, QStringLiteral("http://") + typed),
                  field);
        return;
    }
    showError(message, field);
}

void SignInDialog::showError(const QString &message, const QString &field)
{
    setFormEnabled(true);
    m_status->showError(message);
    QLineEdit *at = field == QLatin1String("username")      ? m_username
                    : field == QLatin1String("password")    ? m_password
                    : field == QLatin1String("displayName") ? m_displayName
                    : field == QLatin1String("server")      ? m_server
                                                            : nullptr;
    if (at) {
        at->setFocus();
        at->selectAll();
    }
}

void SignInDialog::setFormEnabled(bool enabled)
{
    for (QWidget *w :
         {static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_username), static_cast<QWidget *>(m_password),
          static_cast<QWidget *>(m_displayName), static_cast<QWidget *>(m_signIn), static_cast<QWidget *>(m_create),
          static_cast<QWidget *>(m_demo)})
        w->setEnabled(enabled);
}

} // namespace confab::ui
