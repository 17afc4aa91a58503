// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/actiondialog.h"

class QLineEdit;

namespace confab::ui {

// A conversation with one person, found by their username; an existing one is reopened.
class DirectMessageDialog : public ActionDialog {
    Q_OBJECT
public:
    explicit DirectMessageDialog(client::ChatEngine &engine, QWidget *parent = nullptr);

    QLineEdit *usernameField() const { return m_username; }

Q_SIGNALS:
    void conversationReady(const QString &roomId);

protected:
    void submit() override;
    QWidget *fieldWidget(const QString &field) const override;
    QString fieldLabel(const QString &field) const override;

private:
    QLineEdit *m_username = nullptr;
};

} // namespace confab::ui
