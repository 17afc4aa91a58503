// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderationdialogs.h"

#include "core/limits.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confab::ui {

QList<qint64> RemovalDialog::banDurations() { return {3600, 24 * 3600, 7 * 24 * 3600, 0}; }

QString RemovalDialog::banDurationText(qint64 seconds)
{
    switch (seconds) {
    case 3600: return tr("1 hour");
    case 24 * 3600: return tr("1 day");
    case 7 * 24 * 3600: return tr("7 days");
    case 0: return tr("Permanently");
    }
    return tr("%n second(s)", nullptr, int(seconds));
}

RemovalDialog::RemovalDialog(Kind kind, const QString &memberName, const QString &roomName, QWidget *parent)
    : QDialog(parent), m_kind(kind), m_reason(new QLineEdit(this))
{
    const bool ban = kind == Kind::Ban;
    setWindowTitle(ban ? tr("Ban %1").arg(memberName) : tr("Kick %1").arg(memberName));
    setAccessibleName(windowTitle());
    // Wide enough for its title (a long name was cut off in the title bar).
    setMinimumWidth(qMax(380, fontMetrics().horizontalAdvance(windowTitle()) + 160));

    auto *question = new QLabel(this);
    question->setTextFormat(Qt::PlainText);
    question->setWordWrap(true);
    question->setText(ban ? tr("Ban %1 from %2? They are removed at once and cannot join again until the ban ends "
                               "or is lifted.")
                                .arg(memberName, roomName)
                          : tr("Remove %1 from %2? They can join again later.").arg(memberName, roomName));
    question->setAccessibleName(tr("What will happen"));

    m_reason->setMaxLength(limits::kReasonMax);
    m_reason->setPlaceholderText(tr("Optional; %1 sees it").arg(memberName));
    m_reason->setAccessibleName(tr("Reason"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    if (ban) {
        m_duration = new QComboBox(this);
        m_duration->setAccessibleName(tr("Ban length"));
        for (qint64 seconds : banDurations())
            m_duration->addItem(banDurationText(seconds), seconds);
        m_duration->setCurrentIndex(1); // a day: strong enough, forgiving of a mistake
        form->addRow(tr("&For:"), m_duration);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(ban ? tr("Ban") : tr("Kick"), QDialogButtonBox::DestructiveRole);
    m_confirm->setAccessibleName(ban ? tr("Ban %1").arg(memberName) : tr("Kick %1").arg(memberName));
    // The dialog is the confirmation: Enter after typing a reason goes ahead, Esc cancels.
    m_confirm->setDefault(true);
    connect(m_confirm, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_reason->setFocus();
}

QString RemovalDialog::reason() const { return m_reason->text().trimmed(); }

qint64 RemovalDialog::durationSeconds() const { return m_duration ? m_duration->currentData().toLongLong() : 0; }

} // namespace confab::ui
