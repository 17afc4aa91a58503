// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/actiondialog.h"

namespace confab::ui {

// "Leave #room?" with what it means for this kind of room; Leave does it. A refusal (an owner
// who must hand the room over first) is shown in the server's words.
class LeaveRoomDialog : public ActionDialog {
    Q_OBJECT
public:
    LeaveRoomDialog(client::ChatEngine &engine, const QString &roomId, const QString &roomName, RoomType type,
                    QWidget *parent = nullptr);

    QString roomId() const { return m_roomId; }
    QString question() const;

Q_SIGNALS:
    void roomLeft(const QString &roomId);

protected:
    void submit() override;

private:
    QString m_roomId;
    QString m_question;
};

} // namespace confab::ui
