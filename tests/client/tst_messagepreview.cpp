// SPDX-License-Identifier: GPL-3.0-or-later
// MessagePreview: the one line that stands for a message in the room list and in notifications.

#include "client/models/messagepreview.h"

#include <QtTest>

using namespace confab;
using namespace confab::client;

namespace {
Attachment makeAttachment(const QString &name, const QString &mimeType)
{
    Attachment a;
    a.fileName = name;
    a.mimeType = mimeType;
    return a;
}

SystemEvent makeEvent(SystemEventKind kind, const QString &actorName)
{
    SystemEvent e;
    e.kind = kind;
    e.actorName = actorName;
    return e;
}
} // namespace

class TestMessagePreview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writtenTextIsPlain()
    {
        Message m;
        m.content = QStringLiteral("**bold** and `code`\nsecond line");
        QCOMPARE(MessagePreview::text(m), QStringLiteral("bold and code second line"));
        m.content = QStringLiteral("<b>not markup</b>");
        QCOMPARE(MessagePreview::text(m), QStringLiteral("<b>not markup</b>")); // text, never HTML
    }

    void messagesWithoutTextSayWhatTheyHold()
    {
        Message photo;
        photo.type = MessageType::Image;
        photo.attachments.push_back(makeAttachment(QStringLiteral("sunset.png"), QStringLiteral("image/png")));
        QCOMPARE(MessagePreview::text(photo), QStringLiteral("Photo: sunset.png"));

        Message file;
        file.attachments.push_back(makeAttachment(QStringLiteral("notes.pdf"), QStringLiteral("application/pdf")));
        QCOMPARE(MessagePreview::text(file), QStringLiteral("File: notes.pdf"));
        file.attachments.push_back(file.attachments.front());
        // "2 files" once the English plural forms are loaded (the desktop client does; not here).
        QVERIFY2(MessagePreview::text(file).startsWith(QStringLiteral("2 file")),
                 qPrintable(MessagePreview::text(file)));
        file.content = QStringLiteral("the minutes");
        QCOMPARE(MessagePreview::text(file), QStringLiteral("the minutes")); // words first

        Message poll;
        poll.type = MessageType::Poll;
        poll.poll = Poll();
        poll.poll->question = QStringLiteral("Lunch?");
        QCOMPARE(MessagePreview::text(poll), QStringLiteral("Poll: Lunch?"));

        Message answer;
        answer.type = MessageType::AiResponse;
        QCOMPARE(MessagePreview::text(answer), QStringLiteral("Answering…"));
    }

    void deletedAndServerLines()
    {
        Message gone;
        gone.content = QStringLiteral("secret");
        gone.isDeleted = true;
        QCOMPARE(MessagePreview::text(gone), QStringLiteral("Deleted message"));

        Message line;
        line.type = MessageType::System;
        line.systemEvent = makeEvent(SystemEventKind::Joined, QStringLiteral("Ada"));
        QCOMPARE(MessagePreview::text(line), QStringLiteral("Ada joined"));
        line.systemEvent = makeEvent(SystemEventKind::RoomChanged, QString());
        line.systemEvent->fields = {QStringLiteral("name")};
        line.systemEvent->value = QStringLiteral("ops");
        QCOMPARE(MessagePreview::text(line), QStringLiteral("Someone renamed the room to “ops”"));
    }
};

QTEST_GUILESS_MAIN(TestMessagePreview)
#include "tst_messagepreview.moc"
