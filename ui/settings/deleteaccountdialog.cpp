// SPDX-License-Identifier: GPL-3.0-or-later
#include "deleteaccountdialog.h"

#include "widgets/statuslabel.h"

#include "client/account/session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confab::ui {

DeleteAccountDialog::DeleteAccountDialog(client::Session &session, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Delete your account"));
    setAccessibleName(tr("Delete your account"));
    auto *layout = new QVBoxLayout(this);
    // Never smaller than the wrapped explanation needs: every line of it must show.
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    // What the server's erasure does (RoomService::eraseAccount, SqliteUserStore::deleteUser).
    auto *explanation = new QLabel(
        tr("<p><b>This cannot be undone.</b> Deleting your account %1 on %2:</p>"
           "<ul>"
           "<li>Your messages stay in their place as “message deleted”, with their text and attachments erased, "
           "under the name “Deleted user”.</li>"
           "<li>Your reactions are removed and you leave every room and conversation.</li>"
           "<li>Rooms you own pass to their highest-ranking remaining member; a room with no one else in it stays "
           "empty.</li>"
           "<li>You are signed out everywhere, and your username becomes free for anyone to take.</li>"
           "<li>This computer forgets the account: its saved messages and the stored sign-in.</li>"
           "</ul>")
            .arg(m_session.me().username.toHtmlEscaped(), m_session.server().host().toHtmlEscaped()),
        this);
    explanation->setTextFormat(Qt::RichText);
    explanation->setWordWrap(true);
    explanation->setMinimumWidth(440);
    // A wrapped rich-text label under-reports its height to the dialog's first layout pass.
    explanation->setMinimumHeight(explanation->heightForWidth(440));
    explanation->setAccessibleName(tr("What deleting your account does"));
    layout->addWidget(explanation);

    auto *form = new QFormLayout;
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Your password"));
    m_password->setAccessibleDescription(tr("Type your password to confirm that you want to delete your account."));
    auto *passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_password);
    form->addRow(passwordLabel, m_password);
    layout->addLayout(form);

    m_status = new StatusLabel(this);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setAccessibleName(tr("Cancel"));
    m_delete = buttons->addButton(tr("&Delete account"), QDialogButtonBox::DestructiveRole);
    m_delete->setAccessibleName(tr("Delete account"));
    // Enter must never delete: Cancel is the default, the destructive button never becomes it.
    m_delete->setAutoDefault(false);
    m_delete->setDefault(false);
    m_cancel->setDefault(true);
    m_delete->setEnabled(false);
    layout->addWidget(buttons);

    connect(m_password, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_delete->setEnabled(!text.isEmpty());
        if (m_status->isError())
            m_status->clearStatus();
    });
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_delete, &QPushButton::clicked, this, &DeleteAccountDialog::submit);
    connect(&m_session, &client::Session::accountDeletionFailed, this, &DeleteAccountDialog::showFailure);
    m_password->setFocus();
}

void DeleteAccountDialog::submit()
{
    if (m_password->text().isEmpty())
        return;
    setBusy(true);
    m_status->showBusy(tr("Deleting your account…"));
    m_session.deleteAccount(m_password->text());
}

void DeleteAccountDialog::showFailure(const QString &message, bool wrongPassword)
{
    setBusy(false);
    if (wrongPassword) {
        m_status->showError(tr("That is not your password. Nothing was deleted."));
        m_password->selectAll();
    } else {
        m_status->showError(tr("Your account was not deleted: %1").arg(message));
    }
    m_password->setFocus();
}

void DeleteAccountDialog::setBusy(bool busy)
{
    m_password->setEnabled(!busy);
    m_delete->setEnabled(!busy && !m_password->text().isEmpty());
}

} // namespace confab::ui
