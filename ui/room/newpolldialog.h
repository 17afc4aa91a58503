// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/poll.h"

#include <QDialog>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace confab::ui {

// "Create poll": the question, 2-10 options (added and removed by button or keyboard), one or
// several choices, anonymous votes, an optional closing time. Accepting checks the same rules
// as the server (validateNewPoll) and says what is wrong instead of closing.
class NewPollDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewPollDialog(QWidget *parent = nullptr);

    NewPoll poll() const;
    QLineEdit *questionEdit() const { return m_question; }
    QList<QLineEdit *> optionEdits() const { return m_options; }
    QPushButton *addOptionButton() const { return m_addOption; }
    QLabel *errorLabel() const { return m_error; }

    void accept() override;

private:
    QLineEdit *addOption();
    void removeOption(QLineEdit *edit);
    void updateButtons();

    QLineEdit *m_question;
    QVBoxLayout *m_optionRows;
    QList<QLineEdit *> m_options;
    QPushButton *m_addOption;
    QCheckBox *m_multiple;
    QCheckBox *m_anonymous;
    QCheckBox *m_closes;
    QDateTimeEdit *m_closesAt;
    QLabel *m_error;
};

} // namespace confab::ui
