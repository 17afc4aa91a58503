// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace confab::ui {

// Confirms a kick or a ban and asks for its reason (shown to the member and kept in the audit
// log) and, for a ban, how long it lasts.
class RemovalDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Kick, Ban };

    RemovalDialog(Kind kind, const QString &memberName, const QString &roomName, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    QString reason() const;
    qint64 durationSeconds() const; // a ban's; 0: permanent
    QLineEdit *reasonField() const { return m_reason; }
    QComboBox *durationBox() const { return m_duration; }
    QPushButton *confirmButton() const { return m_confirm; }

    // A ban's choices in seconds: 1 hour, 1 day, 7 days, permanent (0).
    static QList<qint64> banDurations();
    static QString banDurationText(qint64 seconds);

private:
    Kind m_kind;
    QLineEdit *m_reason;
    QComboBox *m_duration = nullptr;
    QPushButton *m_confirm;
};

} // namespace confab::ui
