// SPDX-License-Identifier: GPL-3.0-or-later
#include "usernameform.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace confab::ui {

UsernameForm::UsernameForm(const QString &intro, QWidget *parent) : QWidget(parent), m_username(new QLineEdit)
{
    auto *introLabel = new QLabel(intro);
    introLabel->setWordWrap(true);
    introLabel->setTextFormat(Qt::PlainText); // the intro may quote a room name
    m_username->setAccessibleName(tr("Username"));
    m_username->setPlaceholderText(tr("e.g. alice"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Username:"), m_username);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(introLabel);
    layout->addLayout(form);
}

} // namespace confab::ui
