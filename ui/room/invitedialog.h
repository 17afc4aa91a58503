// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/actiondialog.h"

class QLineEdit;

namespace confab::ui {

// Adds people to a room by username, one after another: the dialog stays open and says who was
// added, so several can be added in a row.
class InviteDialog : public ActionDialog {
    Q_OBJECT
public:
    InviteDialog(client::ChatEngine &engine, const QString &roomId, const QString &roomName, QWidget *parent = nullptr);

    QLineEdit *usernameField() const { return m_username; }
    QString roomId() const { return m_roomId; }

Q_SIGNALS:
    void memberAdded(const QString &userId);

protected:
    void submit() override;
    QWidget *fieldWidget(const QString &field) const override;
    QString fieldLabel(const QString &field) const override;

private:
    QString m_roomId;
    QLineEdit *m_username = nullptr;
};

} // namespace confab::ui
