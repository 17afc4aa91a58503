// SPDX-License-Identifier: GPL-3.0-or-later
#include "directmessagedialog.h"

#include "widgets/usernameform.h"

#include "client/room/roomactions.h"

#include <QLineEdit>
#include <QVBoxLayout>

namespace confab::ui {

DirectMessageDialog::DirectMessageDialog(client::ChatEngine &engine, QWidget *parent)
    : ActionDialog(engine, tr("&Start conversation"), parent)
{
    setWindowTitle(tr("Direct message"));
    setAccessibleName(tr("Direct message"));
    auto *form = new UsernameForm(tr("Who do you want to talk to? Enter their username."));
    m_username = form->field();
    formLayout()->addWidget(form);
    m_username->setFocus();
    resize(qMax(sizeHint().width(), 400), sizeHint().height());
}

QWidget *DirectMessageDialog::fieldWidget(const QString &field) const
{
    return field == QLatin1String("username") || field == QLatin1String("members") ? m_username : nullptr;
}

QString DirectMessageDialog::fieldLabel(const QString &field) const
{
    return fieldWidget(field) ? tr("Username") : QString();
}

void DirectMessageDialog::submit()
{
    if (m_username->text().trimmed().isEmpty()) {
        showError(tr("Enter the username of the person to write to."), QStringLiteral("username"));
        return;
    }
    setBusy(tr("Looking for %1…").arg(m_username->text().trimmed()));
    actions().startDirectChat(m_username->text(), [this](const client::ApiResult<Room> &r) {
        if (!r.ok()) {
            showError(*r.error);
            return;
        }
        Q_EMIT conversationReady(r.value.roomId);
        accept();
    });
}

} // namespace confab::ui
