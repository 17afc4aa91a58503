// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QToolButton>

class QMenu;

namespace confab::client {
class MessageModel;
}

namespace confab::ui {

// "📌 3" in the room header: the room's pinned messages, listed in a popup when clicked.
// Hidden while nothing is pinned; follows the model's pin events.
class PinsButton : public QToolButton {
    Q_OBJECT
public:
    explicit PinsButton(QWidget *parent = nullptr);

    void setMessageModel(client::MessageModel *model);
    int count() const;
    // The popup list (built when shown).
    QMenu *pinsMenu() const { return m_menu; }
    void showPins();

Q_SIGNALS:
    // A pinned message was picked from the list.
    void messageChosen(const QString &messageId);

private:
    void refresh();
    void rebuildMenu();

    QPointer<client::MessageModel> m_model;
    QMenu *m_menu;
};

} // namespace confab::ui
