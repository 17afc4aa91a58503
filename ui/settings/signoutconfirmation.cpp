// SPDX-License-Identifier: GPL-3.0-or-later
#include "signoutconfirmation.h"

#include <QPushButton>

namespace confab::ui {

SignOutConfirmation::SignOutConfirmation(QWidget *parent)
    : QMessageBox(QMessageBox::Question, tr("Sign out"),
                  tr("Sign out of Confab? You will need your password to sign in again."), QMessageBox::NoButton,
                  parent)
{
    setAccessibleName(tr("Sign out"));
    m_signOut = addButton(tr("Sign &out"), QMessageBox::AcceptRole);
    m_signOut->setAccessibleName(tr("Sign out"));
    QPushButton *cancel = addButton(QMessageBox::Cancel);
    setDefaultButton(cancel);
    setEscapeButton(cancel);
    setAttribute(Qt::WA_DeleteOnClose);
    connect(this, &QMessageBox::finished, this, [this] {
        if (clickedButton() == m_signOut)
            Q_EMIT confirmed();
    });
}

} // namespace confab::ui
