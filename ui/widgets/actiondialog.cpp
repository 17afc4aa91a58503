// SPDX-License-Identifier: GPL-3.0-or-later
#include "actiondialog.h"

#include "widgets/statuslabel.h"

#include "client/room/roomactions.h"
#include "client/sync/chatengine.h"

#include <QDialogButtonBox>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confab::ui {

ActionDialog::ActionDialog(client::ChatEngine &engine, const QString &okText, QWidget *parent)
    : QDialog(parent), m_engine(&engine), m_actions(new client::RoomActions(engine, this)),
      m_formBox(new QWidget(this)), m_form(new QVBoxLayout(m_formBox)), m_status(new StatusLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)),
      m_ok(m_buttons->addButton(okText, QDialogButtonBox::AcceptRole)),
      m_spacer(new QSpacerItem(0, 0, QSizePolicy::Minimum, QSizePolicy::Expanding))
{
    m_status->setAccessibleName(tr("Status"));
    m_ok->setAccessibleName(QString(okText).remove(QLatin1Char('&')));
    m_ok->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    m_form->setContentsMargins(0, 0, 0, 0);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_formBox);
    layout->addWidget(m_status);
    layout->addSpacerItem(m_spacer);
    layout->addWidget(m_buttons);

    // The request decides when the dialog closes, not the button box.
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_ok->isEnabled())
            submit();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

client::ChatEngine *ActionDialog::engine() const { return m_engine; }

QString ActionDialog::errorText() const { return m_status->isError() ? m_status->text() : QString(); }

QWidget *ActionDialog::fieldWidget(const QString &) const { return nullptr; }

QString ActionDialog::fieldLabel(const QString &) const { return {}; }

void ActionDialog::setBusy(const QString &message)
{
    m_status->showBusy(message);
    setFormEnabled(false);
}

void ActionDialog::showError(const QString &message, const QString &field)
{
    const QString label = field.isEmpty() ? QString() : fieldLabel(field);
    presentError(label.isEmpty() ? message : tr("%1: %2").arg(label, message), field);
}

// Already a whole sentence in the user's language (client::ErrorText): no field label before it.
void ActionDialog::showError(const confab::ApiError &error) { presentError(error.message, error.field); }

void ActionDialog::presentError(const QString &text, const QString &field)
{
    setFormEnabled(true);
    m_status->showError(text);
    growToFit();
    if (QWidget *w = field.isEmpty() ? nullptr : fieldWidget(field)) {
        w->setFocus(Qt::OtherFocusReason);
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            edit->selectAll();
    }
}

void ActionDialog::growToFit()
{
    // A wrapped status line may need more height than the dialog was given: grow, never clip.
    layout()->activate();
    const int needed =
        layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void ActionDialog::letFormGrow()
{
    m_spacer->changeSize(0, 0, QSizePolicy::Minimum, QSizePolicy::Fixed);
    static_cast<QVBoxLayout *>(layout())->setStretchFactor(m_formBox, 1);
    layout()->invalidate();
}

void ActionDialog::showDone(const QString &message)
{
    setFormEnabled(true);
    m_status->showInfo(message);
    growToFit();
}

QPushButton *ActionDialog::cancelButton() const { return m_buttons->button(QDialogButtonBox::Cancel); }

void ActionDialog::setOkEnabled(bool enabled)
{
    m_okEnabled = enabled;
    m_ok->setEnabled(enabled);
}

void ActionDialog::setFormEnabled(bool enabled)
{
    // Not the whole dialog: Cancel stays available while a request runs.
    m_formBox->setEnabled(enabled);
    m_ok->setEnabled(enabled && m_okEnabled);
}

} // namespace confab::ui
