// SPDX-License-Identifier: GPL-3.0-or-later
#include "newpolldialog.h"

#include <QAccessible>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace confab::ui {

NewPollDialog::NewPollDialog(QWidget *parent)
    : QDialog(parent), m_question(new QLineEdit(this)), m_optionRows(new QVBoxLayout),
      m_addOption(new QPushButton(tr("&Add option"), this)),
      m_multiple(new QCheckBox(tr("Allow &several choices"), this)),
      m_anonymous(new QCheckBox(tr("A&nonymous votes (nobody sees who voted what)"), this)),
      m_closes(new QCheckBox(tr("C&lose automatically at"), this)), m_closesAt(new QDateTimeEdit(this)),
      m_error(new QLabel(this))
{
    setWindowTitle(tr("Create poll"));
    setAccessibleName(tr("Create poll"));
    m_question->setMaxLength(limits::kPollQuestionMax);
    m_question->setPlaceholderText(tr("What do you want to ask?"));
    m_question->setAccessibleName(tr("Question"));
    m_addOption->setAccessibleName(tr("Add option"));
    m_closesAt->setAccessibleName(tr("Closing time"));
    m_closesAt->setCalendarPopup(true);
    m_closesAt->setDateTime(QDateTime::currentDateTime().addDays(1));
    m_closesAt->setEnabled(false);
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Problem"));
    m_error->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_error->hide();

    auto *form = new QFormLayout;
    auto *questionLabel = new QLabel(tr("&Question:"), this);
    questionLabel->setBuddy(m_question);
    form->addRow(questionLabel, m_question);
    auto *options = new QVBoxLayout;
    options->addLayout(m_optionRows);
    options->addWidget(m_addOption, 0, Qt::AlignLeft);
    form->addRow(tr("Options:"), options);
    auto *closing = new QHBoxLayout;
    closing->addWidget(m_closes);
    closing->addWidget(m_closesAt, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create &poll"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_multiple);
    layout->addWidget(m_anonymous);
    layout->addLayout(closing);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_addOption, &QPushButton::clicked, this, [this] { addOption()->setFocus(); });
    connect(m_closes, &QCheckBox::toggled, m_closesAt, &QWidget::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewPollDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewPollDialog::reject);
    addOption();
    addOption();
    m_question->setFocus();
}

QLineEdit *NewPollDialog::addOption()
{
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(row);
    edit->setMaxLength(limits::kPollOptionMax);
    auto *remove = new QToolButton(row);
    remove->setText(QStringLiteral("✕"));
    h->addWidget(edit, 1);
    h->addWidget(remove);
    m_optionRows->addWidget(row);
    row->show(); // a row added while the dialog is open stays hidden otherwise (and Tab skips it)
    m_options << edit;
    connect(remove, &QToolButton::clicked, this, [this, edit] { removeOption(edit); });
    updateButtons();
    return edit;
}

void NewPollDialog::removeOption(QLineEdit *edit)
{
    if (m_options.size() <= limits::kPollOptionsMin)
        return;
    const int at = int(m_options.indexOf(edit));
    m_options.removeAt(at);
    edit->parentWidget()->deleteLater();
    m_options.at(qMin(at, int(m_options.size()) - 1))->setFocus();
    updateButtons();
}

void NewPollDialog::updateButtons()
{
    m_addOption->setEnabled(m_options.size() < limits::kPollOptionsMax);
    for (int i = 0; i < m_options.size(); ++i) {
        QLineEdit *edit = m_options.at(i);
        edit->setAccessibleName(tr("Option %1").arg(i + 1));
        edit->setPlaceholderText(tr("Option %1").arg(i + 1));
        auto *remove = edit->parentWidget()->findChild<QToolButton *>();
        remove->setAccessibleName(tr("Remove option %1").arg(i + 1));
        remove->setToolTip(tr("Remove option %1").arg(i + 1));
        remove->setEnabled(m_options.size() > limits::kPollOptionsMin);
    }
    // Tab goes down the dialog as it reads: question, each option and its remove button, then the rest.
    QWidget *previous = m_question;
    for (QLineEdit *edit : std::as_const(m_options)) {
        setTabOrder(previous, edit);
        QWidget *remove = edit->parentWidget()->findChild<QToolButton *>();
        setTabOrder(edit, remove);
        previous = remove;
    }
    for (QWidget *next :
         {static_cast<QWidget *>(m_addOption), static_cast<QWidget *>(m_multiple), static_cast<QWidget *>(m_anonymous),
          static_cast<QWidget *>(m_closes), static_cast<QWidget *>(m_closesAt)}) {
        setTabOrder(previous, next);
        previous = next;
    }
}

NewPoll NewPollDialog::poll() const
{
    NewPoll p;
    p.question = m_question->text().trimmed();
    for (const QLineEdit *edit : m_options) {
        if (!edit->text().trimmed().isEmpty()) // blank rows are left out, not refused
            p.options << edit->text().trimmed();
    }
    p.multipleChoice = m_multiple->isChecked();
    p.anonymous = m_anonymous->isChecked();
    if (m_closes->isChecked())
        p.closesAt = m_closesAt->dateTime().toMSecsSinceEpoch();
    return p;
}

void NewPollDialog::accept()
{
    const NewPoll p = poll();
    const auto bad = validateNewPoll(p, QDateTime::currentMSecsSinceEpoch());
    if (!bad) {
        QDialog::accept();
        return;
    }
    QString text;
    if (bad->field == QLatin1String("poll.question"))
        text = tr("Write a question.");
    else if (bad->field == QLatin1String("poll.options"))
        text = tr("A poll needs 2 to 10 options.");
    else if (bad->field.startsWith(QLatin1String("poll.options["))) {
        const int at = bad->field.mid(13).chopped(1).toInt();
        text = tr("The option \"%1\" is there twice.").arg(p.options.value(at));
    } else if (bad->field == QLatin1String("poll.closesAt"))
        text = tr("The closing time must be in the future.");
    else
        text = bad->message;
    m_error->setText(text);
    m_error->show();
    QAccessibleEvent alert(m_error, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

} // namespace confab::ui
