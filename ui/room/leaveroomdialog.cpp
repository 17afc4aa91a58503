// SPDX-License-Identifier: GPL-3.0-or-later
#include "leaveroomdialog.h"

#include "client/room/roomactions.h"

#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace confab::ui {

LeaveRoomDialog::LeaveRoomDialog(client::ChatEngine &engine, const QString &roomId, const QString &roomName,
                                 RoomType type, QWidget *parent)
    : ActionDialog(engine, tr("&Leave"), parent), m_roomId(roomId)
{
    setWindowTitle(tr("Leave room"));
    setAccessibleName(tr("Leave room"));
    m_question = type == RoomType::Direct ? tr("Leave your conversation with %1?").arg(roomName)
                                          : tr("Leave “%1”?").arg(roomName);
    QString detail;
    switch (type) {
    case RoomType::Public:
    case RoomType::Announcement: detail = tr("You can join it again from Browse rooms."); break;
    case RoomType::Private:
    case RoomType::Group: detail = tr("It is not listed: to come back, a member has to add you again."); break;
    case RoomType::Direct: detail = tr("The conversation disappears from your list."); break;
    }
    auto *question = new QLabel(m_question);
    question->setTextFormat(Qt::PlainText);
    question->setWordWrap(true);
    QFont bold = question->font();
    bold.setBold(true);
    question->setFont(bold);
    question->setAccessibleName(m_question);
    auto *details = new QLabel(detail);
    details->setWordWrap(true);
    details->setAccessibleName(detail);
    formLayout()->addWidget(question);
    formLayout()->addWidget(details);
    // A destructive choice: Cancel is the safe default for Enter.
    okButton()->setDefault(false);
    okButton()->setAutoDefault(false);
    cancelButton()->setDefault(true);
    cancelButton()->setFocus();
    resize(qMax(sizeHint().width(), 380), sizeHint().height());
}

QString LeaveRoomDialog::question() const { return m_question; }

void LeaveRoomDialog::submit()
{
    setBusy(tr("Leaving…"));
    actions().leave(m_roomId, [this](const client::ApiResult<client::Done> &r) {
        if (!r.ok()) {
            showError(*r.error);
            return;
        }
        Q_EMIT roomLeft(m_roomId);
        accept();
    });
}

} // namespace confab::ui
