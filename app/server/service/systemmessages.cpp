// SPDX-License-Identifier: GPL-3.0-or-later
#include "systemmessages.h"

#include <nlohmann/json.hpp>

namespace confab::server {

SystemEvent systemEvent(SystemEventKind kind, const QString &actorId, const QString &targetId)
{
    SystemEvent e;
    e.kind = kind;
    e.actorId = actorId;
    e.targetId = targetId;
    return e;
}

QString SystemMessages::nameOf(const QString &userId) const
{
    if (userId.isEmpty())
        return {};
    const auto user = m_ctx.storage.userById(userId);
    return user ? user->user.displayName : QString();
}

void SystemMessages::post(const QString &roomId, SystemEvent event, Effects &fx)
{
    const auto room = m_ctx.storage.roomById(roomId);
    if (!room || room->room.type == RoomType::Direct)
        return;
    if (event.actorName.isEmpty())
        event.actorName = nameOf(event.actorId);
    if (event.targetName.isEmpty() && event.kind != SystemEventKind::Pinned)
        event.targetName = nameOf(event.targetId);
    Message m;
    m.messageId = m_ctx.ids.newId(u"m");
    m.roomId = roomId;
    m.type = MessageType::System;
    m.timestamp = m_ctx.now();
    m.systemEvent = std::move(event);
    const QByteArray bytes = m_guard.logEvent(
        roomId,
        [&](qint64 seq) {
            m.seq = seq;
            m_ctx.storage.insertMessage(m);
            return NewMessageFrame{seq, m};
        },
        m.messageId);
    fx.deliver(bytes, m_ctx.members.membersOf(roomId), roomId);
}

void SystemMessages::postRoomChange(const Room &before, const Room &after, const QString &actorId, Effects &fx)
{
    SystemEvent changed = systemEvent(SystemEventKind::RoomChanged, actorId);
    if (before.name != after.name) {
        changed.fields << QStringLiteral("name");
        changed.value = after.name;
    }
    if (before.description != after.description)
        changed.fields << QStringLiteral("description");
    if (before.avatar != after.avatar)
        changed.fields << QStringLiteral("avatar");
    if (before.maxMembers != after.maxMembers)
        changed.fields << QStringLiteral("maxMembers");
    // Settings key by key, from their wire form, so a new setting is covered without a line here.
    const nlohmann::json was = before.settings;
    const nlohmann::json now = after.settings;
    for (auto it = now.begin(); it != now.end(); ++it) {
        if (it.key() == "enableAI")
            continue; // its own line below
        if (!was.contains(it.key()) || was.at(it.key()) != it.value())
            changed.fields << QStringLiteral("settings.") + QString::fromStdString(it.key());
    }
    if (!changed.fields.isEmpty())
        post(after.roomId, changed, fx);
    if (!before.settings.enableAI && after.settings.enableAI)
        post(after.roomId, systemEvent(SystemEventKind::AssistantEnabled, actorId), fx);
}

} // namespace confab::server
