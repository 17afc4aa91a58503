// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace confab::ui {

// The user's own status message: an emoji (or none) and a short text, sent as one customStatus
// ("🌴 On holiday"), as others see it in member lists and direct-room headers.
class StatusMessageDialog : public QDialog {
    Q_OBJECT
public:
    explicit StatusMessageDialog(int maxLength, QWidget *parent = nullptr);

    // Splits a customStatus into the emoji (when it starts with one of the choices) and the text.
    void setStatus(const QString &customStatus);
    // The emoji, a space and the text; the text alone without an emoji; empty when both are.
    QString status() const;

    QComboBox *emojiBox() const { return m_emoji; }
    QLineEdit *textField() const { return m_text; }
    static QStringList emojiChoices();

Q_SIGNALS:
    void statusChosen(const QString &customStatus);

private:
    int m_maxLength;
    QComboBox *m_emoji;
    QLineEdit *m_text;
};

} // namespace confab::ui
