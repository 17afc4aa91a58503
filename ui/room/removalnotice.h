// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace confab::ui {

// A banner over the room saying that the user is no longer in a room and why (kicked, banned,
// the room deleted). It stays until dismissed, until the user is back in that room, or until they
// go on from the room the window showed next (ModerationController decides).
class RemovalNotice : public QFrame {
    Q_OBJECT
public:
    explicit RemovalNotice(QWidget *parent = nullptr);

    void showMessage(const QString &title, const QString &message);
    QString title() const;
    QString message() const;
    QPushButton *dismissButton() const { return m_dismiss; }

private:
    QLabel *m_title;
    QLabel *m_message;
    QPushButton *m_dismiss;
};

} // namespace confab::ui
