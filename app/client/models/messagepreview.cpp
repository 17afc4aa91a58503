// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagepreview.h"

#include "core/markdownpreview.h"

namespace confab::client {

QString MessagePreview::personName(const QString &name) { return name.isEmpty() ? tr("Someone") : name; }

QString MessagePreview::systemEventText(const SystemEvent &e)
{
    const QString actor = personName(e.actorName);
    const QString target = personName(e.targetName);
    switch (e.kind) {
    case SystemEventKind::Joined:
        return e.targetId.isEmpty() ? tr("%1 joined").arg(actor) : tr("%1 added %2").arg(actor, target);
    case SystemEventKind::Left: return tr("%1 left").arg(actor);
    case SystemEventKind::Kicked: return tr("%1 removed %2 from the room").arg(actor, target);
    case SystemEventKind::Banned: return tr("%1 banned %2 from the room").arg(actor, target);
    case SystemEventKind::RoomChanged:
        if (e.fields.contains(QLatin1String("name")))
            return tr("%1 renamed the room to “%2”").arg(actor, e.value);
        if (e.fields == QStringList{QStringLiteral("description")})
            return tr("%1 changed the topic").arg(actor);
        if (e.fields == QStringList{QStringLiteral("avatar")})
            return tr("%1 changed the room picture").arg(actor);
        return tr("%1 changed the room settings").arg(actor);
    case SystemEventKind::Pinned:
        return e.value.isEmpty() ? tr("%1 pinned a message").arg(actor)
                                 : tr("%1 pinned a message by %2: “%3”").arg(actor, target, e.value);
    case SystemEventKind::OwnershipTransferred: return tr("%1 made %2 the owner of the room").arg(actor, target);
    case SystemEventKind::AssistantEnabled: return tr("%1 turned on the assistant").arg(actor);
    }
    return {};
}

QString MessagePreview::text(const Message &m)
{
    if (m.isDeleted)
        return tr("Deleted message");
    if (m.systemEvent)
        return systemEventText(*m.systemEvent);
    const QString written = markdownPreview(m.content, PreviewScope::AllLines);
    if (!written.isEmpty())
        return written;
    if (m.poll)
        return tr("Poll: %1").arg(m.poll->question);
    if (m.attachments.size() > 1)
        return tr("%n file(s)", nullptr, int(m.attachments.size()));
    if (!m.attachments.empty()) {
        const Attachment &a = m.attachments.front();
        return a.mimeType.startsWith(QLatin1String("image/")) ? tr("Photo: %1").arg(a.fileName)
                                                              : tr("File: %1").arg(a.fileName);
    }
    if (m.type == MessageType::AiResponse)
        return tr("Answering…");
    return {};
}

} // namespace confab::client
