// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusmessagedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace confab::ui {

QStringList StatusMessageDialog::emojiChoices()
{
    return {QStringLiteral("💬"),    QStringLiteral("📅"), QStringLiteral("🎧"), QStringLiteral("🍕"),
            QStringLiteral("☕"),    QStringLiteral("🚆"), QStringLiteral("🏠"), QStringLiteral("🌴"),
            QStringLiteral("🤒"), QStringLiteral("🎉"), QStringLiteral("🚀"), QStringLiteral("🌙")};
}

StatusMessageDialog::StatusMessageDialog(int maxLength, QWidget *parent)
    : QDialog(parent), m_maxLength(maxLength), m_emoji(new QComboBox(this)), m_text(new QLineEdit(this))
{
    setWindowTitle(tr("Status message"));
    setAccessibleName(tr("Status message"));
    m_emoji->addItem(tr("No emoji"), QString());
    for (const QString &e : emojiChoices())
        m_emoji->addItem(e, e);
    m_emoji->setAccessibleName(tr("Status emoji"));
    m_text->setAccessibleName(tr("Status message"));
    m_text->setPlaceholderText(tr("What are you up to?"));
    m_text->setMaxLength(maxLength);
    m_text->setClearButtonEnabled(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT statusChosen(status());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Emoji:"), m_emoji);
    form->addRow(tr("&Message:"), m_text);
    auto *hint = new QLabel(tr("Up to %n character(s).", nullptr, maxLength), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(hint);
    form->addRow(buttons);
    m_text->setFocus();
}

void StatusMessageDialog::setStatus(const QString &customStatus)
{
    m_emoji->setCurrentIndex(0);
    QString text = customStatus;
    for (int i = 1; i < m_emoji->count(); ++i) {
        const QString e = m_emoji->itemData(i).toString();
        if (text.startsWith(e)) {
            m_emoji->setCurrentIndex(i);
            text = text.mid(e.size()).trimmed();
            break;
        }
    }
    m_text->setText(text);
}

QString StatusMessageDialog::status() const
{
    const QString emoji = m_emoji->currentData().toString();
    const QString text = m_text->text().trimmed();
    const QString joined = emoji.isEmpty() ? text : text.isEmpty() ? emoji : emoji + QLatin1Char(' ') + text;
    return joined.left(m_maxLength);
}

} // namespace confab::ui
