// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>

namespace confab::ui {

// "Sign out of Confab?" before signing out, whichever command asked: Cancel is the default
// button, so Enter (or Esc) never signs anyone out by accident. Opened window-modal (no nested
// event loop), deleted when closed; confirmed() comes only from the "Sign out" button.
class SignOutConfirmation : public QMessageBox {
    Q_OBJECT
public:
    explicit SignOutConfirmation(QWidget *parent);

    QAbstractButton *signOutButton() const { return m_signOut; }

Q_SIGNALS:
    void confirmed();

private:
    QAbstractButton *m_signOut;
};

} // namespace confab::ui
