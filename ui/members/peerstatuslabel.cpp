// SPDX-License-Identifier: GPL-3.0-or-later
#include "peerstatuslabel.h"

#include "client/models/lastseentext.h"
#include "client/models/membermodel.h"

#include <QDateTime>

namespace confab::ui {

using client::MemberModel;

PeerStatusLabel::PeerStatusLabel(QWidget *parent) : QLabel(parent)
{
    setAccessibleName(tr("Status of the other person"));
    setTextFormat(Qt::PlainText);
    setForegroundRole(QPalette::PlaceholderText);
    m_minute.setInterval(60 * 1000);
    connect(&m_minute, &QTimer::timeout, this, &PeerStatusLabel::refresh);
    hide();
}

void PeerStatusLabel::setRoom(client::MemberModel *members, const QString &myUserId)
{
    if (m_members)
        disconnect(m_members, nullptr, this, nullptr);
    m_members = members;
    m_me = myUserId;
    if (members) {
        connect(members, &QAbstractItemModel::rowsInserted, this, &PeerStatusLabel::refresh);
        connect(members, &QAbstractItemModel::rowsRemoved, this, &PeerStatusLabel::refresh);
        connect(members, &QAbstractItemModel::rowsMoved, this, &PeerStatusLabel::refresh);
        connect(members, &QAbstractItemModel::modelReset, this, &PeerStatusLabel::refresh);
        connect(members, &QAbstractItemModel::dataChanged, this, &PeerStatusLabel::refresh);
        m_minute.start();
    } else {
        m_minute.stop();
    }
    refresh();
}

QString PeerStatusLabel::lineFor(const QModelIndex &row)
{
    const QString status = row.data(MemberModel::StatusRole).toString();
    const QString custom = row.data(MemberModel::CustomStatusRole).toString();
    QString presence;
    if (status == QLatin1String("away"))
        presence = tr("Away");
    else if (status == QLatin1String("busy"))
        presence = tr("Busy");
    else if (status != QLatin1String("offline"))
        presence = tr("Online");
    else
        presence = client::LastSeenText::of(row.data(MemberModel::LastSeenRole).toDateTime().toMSecsSinceEpoch(),
                                            QDateTime::currentMSecsSinceEpoch());
    return custom.isEmpty() ? presence : tr("%1 · %2").arg(custom, presence);
}

void PeerStatusLabel::refresh()
{
    QString line;
    for (int row = 0; m_members && row < m_members->rowCount(); ++row) {
        const QModelIndex index = m_members->index(row);
        if (index.data(MemberModel::UserIdRole).toString() != m_me) {
            line = lineFor(index);
            break;
        }
    }
    setText(line);
    setVisible(!line.isEmpty());
}

} // namespace confab::ui
