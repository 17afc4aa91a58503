// SPDX-License-Identifier: GPL-3.0-or-later
#include "invitedialog.h"

#include "widgets/usernameform.h"

#include "client/room/roomactions.h"

#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confab::ui {

InviteDialog::InviteDialog(client::ChatEngine &engine, const QString &roomId, const QString &roomName, QWidget *parent)
    : ActionDialog(engine, tr("&Add"), parent), m_roomId(roomId)
{
    setWindowTitle(tr("Add people to %1").arg(roomName));
    setAccessibleName(windowTitle());
    auto *form = new UsernameForm(tr("They become members of “%1” at once.").arg(roomName));
    m_username = form->field();
    formLayout()->addWidget(form);
    m_username->setFocus();
    resize(qMax(sizeHint().width(), 400), sizeHint().height());
}

QWidget *InviteDialog::fieldWidget(const QString &field) const
{
    return field == QLatin1String("username") || field == QLatin1String("userId") ? m_username : nullptr;
}

QString InviteDialog::fieldLabel(const QString &field) const { return fieldWidget(field) ? tr("Username") : QString(); }

void InviteDialog::submit()
{
    const QString name = m_username->text().trimmed();
    if (name.isEmpty()) {
        showError(tr("Enter the username of the person to add."), QStringLiteral("username"));
        return;
    }
    setBusy(tr("Adding %1…").arg(name));
    actions().invite(m_roomId, name, [this, name](const client::ApiResult<Member> &r) {
        if (!r.ok()) {
            showError(*r.error);
            return;
        }
        showDone(tr("%1 (%2) was added. Add someone else, or close.").arg(r.value.displayName, name));
        cancelButton()->setText(tr("&Close"));
        cancelButton()->setAccessibleName(tr("Close"));
        m_username->clear();
        m_username->setFocus();
        Q_EMIT memberAdded(r.value.userId);
    });
}

} // namespace confab::ui
