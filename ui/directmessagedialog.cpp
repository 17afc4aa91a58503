#include "directmessagedialog.h"

#include "client/roomactions.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace confab::ui {

DirectMessageDialog::DirectMessageDialog(client::ChatEngine &engine, QWidget *parent)
    : ActionDialog(engine, tr("&Start conversation"), parent), m_username(new QLineEdit)
{
    setWindowTitle(tr("Direct message"));
    setAccessibleName(tr("Direct message"));
    auto *intro = new QLabel(tr("Who do you want to talk to? Enter their username."));
    intro->setWordWrap(true);
    m_username->setAccessibleName(tr("Username"));
    m_username->setPlaceholderText(tr("e.g. alice"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Username:"), m_username);
    formLayout()->addWidget(intro);
    formLayout()->addLayout(form);
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
