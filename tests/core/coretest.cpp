// SPDX-License-Identifier: GPL-3.0-or-later
#include "coretest.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTime>
#include <QTimeZone>

#include <stdexcept>

namespace coretest {

using namespace confab;

QString fixtureDir()
{
    QString root = qEnvironmentVariable("CONFAB_FIXTURES");
    if (root.isEmpty() || !QDir(root + QStringLiteral("/core")).exists())
        root = QString::fromUtf8(CONFAB_FIXTURES_FALLBACK);
    return root + QStringLiteral("/core");
}

QString fixturePath(const QString &relative) { return fixtureDir() + QLatin1Char('/') + relative; }

json loadFixture(const QString &relative)
{
    QFile f(fixturePath(relative));
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot open fixture " + f.fileName().toStdString());
    const QByteArray bytes = f.readAll();
    try {
        return json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const json::exception &e) {
        throw std::runtime_error("fixture " + relative.toStdString() + " is not JSON: " + e.what());
    }
}

qint64 utc(int year, int month, int day, int hour, int minute, int second, int ms)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

QString dump(const json &j, int maxChars)
{
    QString s = QString::fromStdString(j.dump(-1, ' ', false, json::error_handler_t::replace));
    if (s.size() > maxChars)
        s = s.left(maxChars) + QStringLiteral("...");
    return s;
}

// ---- printable values ---------------------------------------------------------------------------

QString text(const QString &v)
{
    if (v.size() > 80)
        return QStringLiteral("\"%1...\" (%2 UTF-16 units)").arg(v.left(80)).arg(v.size());
    return QLatin1Char('"') + v + QLatin1Char('"');
}
QString text(const QStringList &v)
{
    QStringList quoted;
    for (const QString &s : v)
        quoted << text(s);
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}
QString text(qint64 v) { return QString::number(v); }
QString text(int v) { return QString::number(v); }
QString text(bool v) { return v ? QStringLiteral("true") : QStringLiteral("false"); }
QString text(Role v) { return toString(v); }
QString text(ServerRole v) { return toString(v); }
QString text(RoomType v) { return toString(v); }
QString text(MessageType v) { return toString(v); }
QString text(PresenceStatus v) { return toString(v); }
QString text(ModerationLevel v) { return toString(v); }
QString text(ReactionAction v) { return toString(v); }
QString text(WordFilterAction v) { return toString(v); }
QString text(SystemEventKind v) { return toString(v); }
QString text(NotificationLevel v) { return toString(v); }
QString text(ErrorCode v) { return errorCodeName(v); }
QString text(AiState v) { return toString(v); }

// ---- types --------------------------------------------------------------------------------------

#define F(name) d.field(p, #name, a.name, e.name)

void fields(Diff &d, const QString &p, const User &a, const User &e)
{
    F(userId);
    F(username);
    F(displayName);
    F(avatar);
    F(role);
    F(status);
    F(customStatus);
    F(lastSeen);
}

void fields(Diff &d, const QString &p, const RoomSettings &a, const RoomSettings &e)
{
    F(allowInvites);
    F(allowFileUploads);
    F(maxFileSize);
    F(messageRetention);
    F(enableAI);
    F(moderationLevel);
    F(slowModeSeconds);
    F(allowAnonymous);
    F(wordFilter);
    F(wordFilterAction);
}

void fields(Diff &d, const QString &p, const Attachment &a, const Attachment &e)
{
    F(fileId);
    F(url);
    F(fileName);
    F(fileSize);
    F(mimeType);
    F(thumbnailUrl);
}

void fields(Diff &d, const QString &p, const SystemEvent &a, const SystemEvent &e)
{
    F(kind);
    F(actorId);
    F(actorName);
    F(targetId);
    F(targetName);
    F(fields);
    F(value);
}

void fields(Diff &d, const QString &p, const Message &a, const Message &e)
{
    F(messageId);
    F(roomId);
    F(seq);
    F(authorId);
    F(authorName);
    F(authorAvatar);
    F(content);
    F(type);
    F(timestamp);
    F(reactions);
    F(replyTo);
    F(isEdited);
    F(editedAt);
    F(isDeleted);
    F(isAnonymous);
    F(anonymousName);
    F(attachments);
    F(clientMsgId);
    F(systemEvent);
    F(poll);
    F(ai);
}

void fields(Diff &d, const QString &p, const AiError &a, const AiError &e)
{
    F(code);
    F(message);
}

void fields(Diff &d, const QString &p, const AiAnswer &a, const AiAnswer &e)
{
    F(state);
    F(askedBy);
    F(model);
    F(error);
    F(tokensIn);
    F(tokensOut);
}

void fields(Diff &d, const QString &p, const NotificationPrefs &a, const NotificationPrefs &e)
{
    F(level);
    F(muted);
}

void fields(Diff &d, const QString &p, const RoomNotifications &a, const RoomNotifications &e)
{
    F(roomId);
    F(prefs);
}

void fields(Diff &d, const QString &p, const PollOption &a, const PollOption &e)
{
    F(optionId);
    F(text);
    F(votes);
    F(voters);
}

void fields(Diff &d, const QString &p, const Poll &a, const Poll &e)
{
    F(question);
    F(options);
    F(multipleChoice);
    F(anonymous);
    F(closesAt);
    F(closedAt);
    F(closedBy);
    F(voterCount);
    F(myVotes);
}

void fields(Diff &d, const QString &p, const Room &a, const Room &e)
{
    F(roomId);
    F(name);
    F(description);
    F(type);
    F(avatar);
    F(createdBy);
    F(createdAt);
    F(updatedAt);
    F(memberCount);
    F(maxMembers);
    F(lastActivity);
    F(lastMessage);
    F(isJoined);
    F(unreadCount);
    F(mentionCount);
    F(peerUserId);
    F(notifications);
    F(myRole);
    F(settings);
}

void fields(Diff &d, const QString &p, const Member &a, const Member &e)
{
    F(userId);
    F(username);
    F(displayName);
    F(avatar);
    F(role);
    F(joinedAt);
    F(lastSeen);
    F(isOnline);
    F(status);
    F(isMuted);
    F(mutedUntil);
    F(isBanned);
    F(customStatus);
}

void fields(Diff &d, const QString &p, const Presence &a, const Presence &e)
{
    F(userId);
    F(status);
    F(customStatus);
    F(lastSeen);
}

void fields(Diff &d, const QString &p, const ReadReceipt &a, const ReadReceipt &e)
{
    F(roomId);
    F(userId);
    F(messageId);
    F(readAt);
    F(seq);
}

void fields(Diff &d, const QString &p, const AuditEntry &a, const AuditEntry &e)
{
    F(auditId);
    F(actorId);
    F(actorName);
    F(action);
    F(roomId);
    F(targetUserId);
    F(messageId);
    F(reason);
    F(createdAt);
    F(address);
    F(count);
}

void fields(Diff &d, const QString &p, const OffsetPagination &a, const OffsetPagination &e)
{
    F(total);
    F(limit);
    F(offset);
    F(hasMore);
}

void fields(Diff &d, const QString &p, const CursorPagination &a, const CursorPagination &e)
{
    F(hasMore);
    F(before);
    F(after);
    F(limit);
}

// ---- frames -------------------------------------------------------------------------------------

namespace {
void frame(Diff &d, const QString &p, const AuthFrame &a, const AuthFrame &e)
{
    F(token);
    F(ref);
}
void frame(Diff &d, const QString &p, const JoinRoomFrame &a, const JoinRoomFrame &e)
{
    F(roomId);
    F(ref);
}
void frame(Diff &d, const QString &p, const LeaveRoomFrame &a, const LeaveRoomFrame &e)
{
    F(roomId);
    F(ref);
}
void frame(Diff &d, const QString &p, const SendMessageFrame &a, const SendMessageFrame &e)
{
    F(roomId);
    F(content);
    F(messageType);
    F(replyTo);
    F(clientMsgId);
    F(isAnonymous);
    F(attachments);
    F(ref);
}
void frame(Diff &d, const QString &p, const TypingStartFrame &a, const TypingStartFrame &e)
{
    F(roomId);
    F(ref);
}
void frame(Diff &d, const QString &p, const TypingStopFrame &a, const TypingStopFrame &e)
{
    F(roomId);
    F(ref);
}
void frame(Diff &d, const QString &p, const MessageReactionFrame &a, const MessageReactionFrame &e)
{
    F(roomId);
    F(messageId);
    F(emoji);
    F(action);
    F(ref);
}
void frame(Diff &d, const QString &p, const PollVoteFrame &a, const PollVoteFrame &e)
{
    F(roomId);
    F(messageId);
    F(optionIds);
    F(ref);
}
void frame(Diff &d, const QString &p, const PollCloseFrame &a, const PollCloseFrame &e)
{
    F(roomId);
    F(messageId);
    F(ref);
}
void frame(Diff &d, const QString &p, const MarkReadFrame &a, const MarkReadFrame &e)
{
    F(roomId);
    F(messageId);
    F(ref);
}
void frame(Diff &d, const QString &p, const EditMessageFrame &a, const EditMessageFrame &e)
{
    F(roomId);
    F(messageId);
    F(content);
    F(ref);
}
void frame(Diff &d, const QString &p, const DeleteMessageFrame &a, const DeleteMessageFrame &e)
{
    F(roomId);
    F(messageId);
    F(ref);
}
void frame(Diff &d, const QString &p, const SetPresenceFrame &a, const SetPresenceFrame &e)
{
    F(status);
    F(customStatus);
    F(ref);
}
void frame(Diff &d, const QString &p, const SyncFrame &a, const SyncFrame &e)
{
    F(rooms);
    F(ref);
}
void frame(Diff &d, const QString &p, const PingFrame &a, const PingFrame &e)
{
    F(id);
    F(ref);
}

void frame(Diff &d, const QString &p, const HelloFrame &a, const HelloFrame &e)
{
    F(user);
    F(serverTime);
}
void frame(Diff &d, const QString &p, const UserUpdatedFrame &a, const UserUpdatedFrame &e) { F(user); }
void frame(Diff &d, const QString &p, const HistoryFrame &a, const HistoryFrame &e)
{
    F(roomId);
    F(room);
    F(messages);
    F(hasMore);
}
void frame(Diff &d, const QString &p, const AckFrame &a, const AckFrame &e)
{
    F(clientMsgId);
    F(message);
    F(ref);
}
void frame(Diff &d, const QString &p, const NewMessageFrame &a, const NewMessageFrame &e)
{
    F(seq);
    F(message);
}
void frame(Diff &d, const QString &p, const MessageUpdatedFrame &a, const MessageUpdatedFrame &e)
{
    F(seq);
    F(message);
}
void frame(Diff &d, const QString &p, const MessageDeletedFrame &a, const MessageDeletedFrame &e)
{
    F(seq);
    F(roomId);
    F(messageId);
}
void frame(Diff &d, const QString &p, const TypingIndicatorFrame &a, const TypingIndicatorFrame &e)
{
    F(roomId);
    F(userId);
    F(displayName);
    F(isTyping);
}
void frame(Diff &d, const QString &p, const ReadReceiptFrame &a, const ReadReceiptFrame &e) { F(receipt); }
void frame(Diff &d, const QString &p, const NotificationSettingsFrame &a, const NotificationSettingsFrame &e)
{
    F(notifications);
}
void frame(Diff &d, const QString &p, const PresenceUpdateFrame &a, const PresenceUpdateFrame &e) { F(presence); }
void frame(Diff &d, const QString &p, const SyncedFrame &a, const SyncedFrame &e) { F(ref); }
void frame(Diff &d, const QString &p, const SyncGapFrame &a, const SyncGapFrame &e)
{
    F(roomId);
    F(latestSeq);
}
void frame(Diff &d, const QString &p, const PongFrame &a, const PongFrame &e)
{
    F(id);
    F(serverTime);
}
void frame(Diff &d, const QString &p, const UserJoinedFrame &a, const UserJoinedFrame &e)
{
    F(seq);
    F(roomId);
    F(member);
}
void frame(Diff &d, const QString &p, const UserLeftFrame &a, const UserLeftFrame &e)
{
    F(seq);
    F(roomId);
    F(userId);
}
void frame(Diff &d, const QString &p, const MemberUpdatedFrame &a, const MemberUpdatedFrame &e)
{
    F(seq);
    F(roomId);
    F(member);
}
void frame(Diff &d, const QString &p, const RoomUpdatedFrame &a, const RoomUpdatedFrame &e)
{
    F(seq);
    F(room);
}
void frame(Diff &d, const QString &p, const RoomDeletedFrame &a, const RoomDeletedFrame &e) { F(roomId); }
void frame(Diff &d, const QString &p, const PollUpdatedFrame &a, const PollUpdatedFrame &e)
{
    F(seq);
    F(roomId);
    F(messageId);
    F(poll);
}
void frame(Diff &d, const QString &p, const PinUpdatedFrame &a, const PinUpdatedFrame &e)
{
    F(seq);
    F(roomId);
    F(messageId);
    F(pinned);
    F(byUserId);
}
void frame(Diff &d, const QString &p, const MessagesPurgedFrame &a, const MessagesPurgedFrame &e)
{
    F(seq);
    F(roomId);
    F(messageIds);
    F(upToSeq);
}
void frame(Diff &d, const QString &p, const KickedFrame &a, const KickedFrame &e)
{
    F(roomId);
    F(reason);
}
void frame(Diff &d, const QString &p, const BannedFrame &a, const BannedFrame &e)
{
    F(roomId);
    F(reason);
    F(until);
}
void frame(Diff &d, const QString &p, const AiResponseFrame &a, const AiResponseFrame &e) { F(message); }
void frame(Diff &d, const QString &p, const AiDeltaFrame &a, const AiDeltaFrame &e)
{
    F(roomId);
    F(messageId);
    F(offset);
    F(text);
}
void frame(Diff &d, const QString &p, const ErrorFrame &a, const ErrorFrame &e)
{
    F(code);
    F(message);
    F(field);
    F(ref);
}

template<typename Variant> void variantFields(Diff &d, const QString &p, const Variant &a, const Variant &e)
{
    if (a.index() != e.index()) {
        d.add(join(p, QStringLiteral("type")), frameType(a), frameType(e));
        return;
    }
    std::visit(
        [&](const auto &fa) {
            using Frame = std::decay_t<decltype(fa)>;
            frame(d, p, fa, std::get<Frame>(e));
        },
        a);
}
} // namespace

#undef F

void fields(Diff &d, const QString &p, const ClientFrame &a, const ClientFrame &e) { variantFields(d, p, a, e); }
void fields(Diff &d, const QString &p, const ServerFrame &a, const ServerFrame &e) { variantFields(d, p, a, e); }

} // namespace coretest
