// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>
#include <QPointer>
#include <QTimer>

namespace confab::client {
class MemberModel;
}

namespace confab::ui {

// In the header of a direct room: how the other person is ("🌴 On holiday · Away", "Online",
// "Last seen 5 min ago"), from the room's member list, kept current as their presence changes
// (and each minute, for "last seen"). Hidden in other rooms. Plain text.
class PeerStatusLabel : public QLabel {
    Q_OBJECT
public:
    explicit PeerStatusLabel(QWidget *parent = nullptr);

    // The direct room's members and who "I" am; nullptr hides the label.
    void setRoom(client::MemberModel *members, const QString &myUserId);
    // The line for a member row of a MemberModel, as shown.
    static QString lineFor(const QModelIndex &memberRow);

private:
    void refresh();

    QPointer<client::MemberModel> m_members;
    QString m_me;
    QTimer m_minute;
};

} // namespace confab::ui
