// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

namespace confab::server {

using UserSet = std::shared_ptr<const QSet<QString>>;

// One frame to hand to connections: serialised once, the same bytes for every recipient.
struct Delivery {
    QByteArray frame;
    UserSet toUsers;              // every connection of these users
    QString exceptUserId;         // skipped (typing indicators are not echoed to the typer)
    QString roomId;               // the room it is about, when any (for subscriptions)
    bool dropRoomForUser = false; // with exceptUserId empty and toUsers one user: after a kick/ban
};

// A stored message that asks the assistant (@ai ...), for the network thread's AssistantHub.
struct AiQuestion {
    QString roomId;
    QString messageId;
    QString askedBy;
    bool roomAllowsAi = false; // the room's settings.enableAI
    qint64 readUpToSeq = -1;   // the asker's read marker before the question (-1: unknown)
};

// What a service call did to the world besides its answer: frames to deliver after commit.
struct Effects {
    std::vector<Delivery> deliveries;
    std::vector<AiQuestion> aiQuestions;
    std::vector<QString> deletedAnswers; // assistant answers deleted while streaming: stop them
    void deliver(QByteArray frame, UserSet to, QString roomId = {}, QString exceptUser = {})
    {
        deliveries.push_back({std::move(frame), std::move(to), std::move(exceptUser), std::move(roomId), false});
    }
};

inline UserSet singleUser(const QString &userId)
{
    return std::make_shared<const QSet<QString>>(QSet<QString>{userId});
}

} // namespace confab::server
