// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demoworld.h"

#include "core/frames.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <vector>

namespace confab::demo {

class DemoBot;
class DemoPolls;
class DemoUploader;

// The demo users who are online: real WebSocket clients of the server that type, post, reply,
// mention the human, react, read, change presence, now and then share a freshly painted picture
// (uploaded over REST like any client) and drop off and come back, so every live feature shows
// through the real protocol. They answer the human within seconds.
class DemoCast : public QObject {
    Q_OBJECT
public:
    struct Options {
        // Multiplies every delay: 1 is a lively demo, 0.1 a test. Server-side timeouts
        // (typing expiry, presence grace) are not scaled.
        double timeFactor = 1.0;
    };

    // chatUrl: ws://127.0.0.1:PORT/chat
    DemoCast(DemoWorld world, QUrl chatUrl, Options options, QObject *parent = nullptr);
    DemoCast(DemoWorld world, QUrl chatUrl, QObject *parent = nullptr)
        : DemoCast(std::move(world), std::move(chatUrl), Options{}, parent)
    {
    }
    ~DemoCast() override;

    void start();
    void stop(); // closes every connection; nothing more happens

    int onlineCount() const;

private:
    enum class Feature { Message, Reaction, Presence, Read, Edit, Offline, Picture, Poll };
    struct OwnMessage {
        QString roomId;
        QString messageId;
        QString content;
    };

    void scheduleTick();
    void tick();
    Feature chooseFeature() const;
    bool perform(Feature f);

    bool postSomething();
    bool reactToSomething();
    bool changePresence();
    bool markSomethingRead();
    bool editOwnMessage();
    bool dropOffForAWhile();
    bool sharePicture();
    bool askAPoll();
    void postPicture(DemoBot *bot, const QString &roomId, const QString &fileId, const QString &caption);

    // Typing, then after a moment the message (a reply when replyTo is set).
    void typeAndSend(DemoBot *bot, const QString &roomId, const QString &content, const QString &replyTo, int typingMs,
                     bool anonymous = false);
    void answerHuman(const Message &m);
    void onFrame(DemoBot &bot, const ServerFrame &frame);
    void remember(const Message &m);

    std::vector<DemoBot *> onlineBots(bool idleOnly) const;
    DemoBot *botFor(const QString &userId) const;
    QString recentMessageNotBy(const QString &roomId, const QString &userId) const;
    QString mention() const;
    int scaled(int ms) const;
    int overdueMs(Feature f) const;

    DemoWorld m_world;
    Options m_options;
    std::vector<std::unique_ptr<DemoBot>> m_bots;
    std::unique_ptr<DemoUploader> m_uploader;
    DemoPolls *m_polls = nullptr;
    QTimer m_tick;
    QElapsedTimer m_age;
    QHash<int, qint64> m_lastDone;                 // Feature -> m_age when last done
    QHash<QString, QStringList> m_recent;          // roomId -> message ids, oldest first
    QHash<QString, QString> m_authorOf;            // messageId -> authorId
    QHash<QString, std::vector<OwnMessage>> m_own; // bot userId -> its recent messages
    QSet<QString> m_seen;                          // message ids already handled (every bot in a room gets them)
    QSet<QString> m_busy;                          // bots in the middle of typing
    QSet<QString> m_reactions;                     // "messageId|emoji|userId" the cast has added
    QHash<QString, QString> m_readUpTo;            // "userId|roomId" -> message id the bot marked read
    bool m_running = false;
};

} // namespace confab::demo
