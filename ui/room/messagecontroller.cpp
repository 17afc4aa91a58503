// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagecontroller.h"

#include "room/composer.h"
#include "room/timelineview.h"

#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/room/roomstanding.h"
#include "client/sync/chatengine.h"

#include <utility>

namespace confab::ui {

MessageController::MessageController(TimelineView *timeline, Composer *composer, QObject *parent)
    : QObject(parent), m_timeline(timeline), m_composer(composer)
{
    connect(m_timeline, &TimelineView::replyRequested, this,
            [this](const QString &id, const QString &author, const QString &text) {
                m_composer->startReply(id, author, text);
                m_composer->setFocus(Qt::OtherFocusReason);
            });
    connect(m_timeline, &TimelineView::editRequested, this, [this](const QString &id, const QString &text) {
        m_composer->startEdit(id, text);
        m_composer->setFocus(Qt::OtherFocusReason);
    });
    connect(m_timeline, &TimelineView::deleteRequested, this, [this](const QString &id) {
        if (m_engine)
            m_engine->deleteMessage(m_roomId, id);
    });
    connect(m_timeline, &TimelineView::reactionRequested, this,
            [this](const QString &id, const QString &emoji, bool mine) {
                if (m_engine)
                    m_engine->setReaction(m_roomId, id, emoji, mine);
            });
    connect(m_timeline, &TimelineView::pinRequested, this, [this](const QString &id, bool pinned) {
        if (m_engine)
            m_engine->setPinned(m_roomId, id, pinned);
    });
    connect(m_timeline, &TimelineView::markReadRequested, this, [this](const QString &id) {
        if (m_engine)
            m_engine->markReadUpTo(m_roomId, id);
    });
    connect(m_timeline, &TimelineView::stopAnswerRequested, this, [this](const QString &id) {
        if (m_engine)
            m_engine->cancelAnswer(m_roomId, id);
    });
    connect(m_timeline, &TimelineView::retryAnswerRequested, this, [this](const QString &id) {
        if (m_engine)
            m_engine->retryAnswer(m_roomId, id);
    });
    connect(m_composer, &Composer::editSubmitted, this, [this](const QString &id, const QString &text) {
        if (m_engine)
            m_engine->editMessage(m_roomId, id, text);
    });
    connect(m_composer, &Composer::editLastRequested, this, &MessageController::editLast);
    connect(m_timeline, &TimelineView::takeBackRequested, this, [this](const QString &text) {
        m_composer->cancelMode();
        // Whatever was being typed stays, after the message taken back.
        const QString draft = m_composer->toPlainText();
        m_composer->setDraftText(draft.trimmed().isEmpty() ? text : text + QLatin1Char('\n') + draft);
        m_composer->setFocus(Qt::OtherFocusReason);
    });
    connect(m_timeline, &TimelineView::textTyped, this, [this](const QString &text) {
        if (!m_composer->isEnabled() || m_composer->isReadOnly())
            return; // nothing can be written in this room
        m_composer->setFocus(Qt::OtherFocusReason);
        m_composer->insertPlainText(text);
    });
}

void MessageController::setRoom(client::ChatEngine *engine, const QString &roomId)
{
    for (const QMetaObject::Connection &c : std::as_const(m_engineConnections))
        disconnect(c);
    m_engineConnections.clear();
    m_engine = roomId.isEmpty() ? nullptr : engine;
    m_roomId = m_engine ? roomId : QString();
    m_composer->cancelMode();
    if (m_engine) {
        // Refusals of another room's action still concern the user: they say what failed.
        m_engineConnections << connect(
            m_engine, &client::ChatEngine::messageActionFailed, this,
            [this](const QString &, const QString &message) { m_timeline->showNotice(message); });
        m_engineConnections << connect(&m_engine->rooms(), &QAbstractItemModel::dataChanged, this,
                                       &MessageController::updatePermissions);
        m_engineConnections << connect(&m_engine->rooms(), &client::RoomListModel::loaded, this,
                                       &MessageController::updatePermissions);
    }
    updatePermissions();
}

bool MessageController::canModerate() const
{
    if (!m_engine)
        return false;
    if (m_engine->me().role == ServerRole::Admin)
        return true; // a server admin may do all of it in every room
    if (m_standing) {
        const auto role = m_standing->myRole();
        return role && *role >= Role::Moderator;
    }
    const auto room = m_engine->rooms().room(m_roomId);
    return room && room->myRole && *room->myRole >= Role::Moderator;
}

void MessageController::setStanding(client::RoomStanding *standing)
{
    disconnect(m_standingConnection);
    m_standing = standing;
    if (standing)
        m_standingConnection =
            connect(standing, &client::RoomStanding::changed, this, &MessageController::updatePermissions);
    updatePermissions();
}

void MessageController::updatePermissions() { m_timeline->setCanModerate(canModerate()); }

void MessageController::editLast()
{
    client::MessageModel *model = m_timeline->messageModel();
    const int row = model ? model->lastEditableRow() : -1;
    if (row < 0)
        return;
    const QModelIndex i = model->index(row);
    m_composer->startEdit(i.data(client::MessageModel::MessageIdRole).toString(),
                          i.data(client::MessageModel::ContentRole).toString());
}

} // namespace confab::ui
