// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;

namespace confab::ui {

// The form of the dialogs that ask for one person by username: a short explanation above a
// labelled username field (Alt+U reaches it).
class UsernameForm : public QWidget {
    Q_OBJECT
public:
    explicit UsernameForm(const QString &intro, QWidget *parent = nullptr);

    QLineEdit *field() const { return m_username; }

private:
    QLineEdit *m_username;
};

} // namespace confab::ui
