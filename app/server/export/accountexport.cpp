// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountexport.h"

#include "core/jsondocument.h"
#include "core/jsonreader.h"
#include "core/timeutil.h"
#include "core/types.h"

#include <nlohmann/json.hpp>

namespace confab::server {

using confab::detail::str;
using confab::detail::timeOrNull;
using nlohmann::json;

namespace {

json fileJson(const FileRecord &f)
{
    return json{{"fileId", str(f.fileId)},     {"fileName", str(f.fileName)},
                {"fileSize", f.size},          {"mimeType", str(f.detectedMime)},
                {"sha256", str(f.sha256)},     {"width", f.width},
                {"height", f.height},          {"createdAt", timeOrNull(f.createdAt)},
                {"quarantined", f.quarantined}};
}

} // namespace

void AccountExport::appendElement(QByteArray &out, const QByteArray &element)
{
    if (!m_first)
        out += ',';
    m_first = false;
    out += element;
}

QByteArray AccountExport::next(ServiceContext &ctx)
{
    switch (m_section) {
    case Section::Head: return head(ctx);
    case Section::Messages: return messages(ctx);
    case Section::Reactions: return reactions(ctx);
    case Section::Files: return files(ctx);
    case Section::Done: break;
    }
    return {};
}

// The profile and the rooms with the user's role and read marker: one room per membership, so
// a page of its own is small enough.
QByteArray AccountExport::head(ServiceContext &ctx)
{
    const auto user = ctx.storage.userById(m_userId);
    if (!user) { // erased meanwhile: an empty but well-formed document
        m_section = Section::Done;
        return QByteArrayLiteral("{\"format\":\"confab-export/1\",\"profile\":null}");
    }
    json profile = json(user->user);
    profile["createdAt"] = timeOrNull(user->createdAt);
    json rooms = json::array();
    for (const RoomRecord &record : ctx.storage.roomsOfUser(m_userId)) {
        const auto member = ctx.storage.member(record.room.roomId, m_userId);
        if (!member)
            continue;
        rooms.push_back(json{
            {"room", json(record.room)},
            {"role", str(toString(member->role))},
            {"joinedAt", timeOrNull(member->joinedAt)},
            {"isMuted", member->isMuted},
            {"mutedUntil", timeOrNull(member->mutedUntil)},
            {"readMarker", json{{"seq", member->lastReadSeq},
                                {"messageId", member->lastReadMessageId.isEmpty() ? json(nullptr)
                                                                                  : str(member->lastReadMessageId)}}}});
    }
    QByteArray out = "{\"format\":\"confab-export/1\",\"exportedAt\":" + toJsonBytes(timeOrNull(ctx.now())) +
                     ",\"profile\":" + toJsonBytes(profile) + ",\"rooms\":" + toJsonBytes(rooms) + ",\"messages\":[";
    m_section = Section::Messages;
    m_key = 0;
    m_first = true;
    return out;
}

QByteArray AccountExport::messages(ServiceContext &ctx)
{
    const KeyedPage<Message> page = ctx.storage.messagesByAuthor(m_userId, m_key, kPageRows);
    QByteArray out;
    for (const Message &m : page.rows)
        appendElement(out, toJsonBytes(json(m)));
    m_key = page.nextKey;
    if (int(page.rows.size()) < kPageRows) {
        out += "],\"reactions\":[";
        m_section = Section::Reactions;
        m_key = 0;
        m_first = true;
    }
    return out;
}

QByteArray AccountExport::reactions(ServiceContext &ctx)
{
    const KeyedPage<ReactionRecord> page = ctx.storage.reactionsByUser(m_userId, m_key, kPageRows);
    QByteArray out;
    for (const ReactionRecord &r : page.rows) {
        appendElement(out, toJsonBytes(json{{"messageId", str(r.messageId)},
                                            {"roomId", str(r.roomId)},
                                            {"emoji", str(r.emoji)},
                                            {"createdAt", timeOrNull(r.createdAt)}}));
    }
    m_key = page.nextKey;
    if (int(page.rows.size()) < kPageRows) {
        out += "],\"files\":[";
        m_section = Section::Files;
        m_key = 0;
        m_first = true;
    }
    return out;
}

QByteArray AccountExport::files(ServiceContext &ctx)
{
    const KeyedPage<FileRecord> page = ctx.storage.filesByUploader(m_userId, m_key, kPageRows);
    QByteArray out;
    for (const FileRecord &f : page.rows) {
        appendElement(out, toJsonBytes(fileJson(f)));
        m_newFiles.push_back(f);
    }
    m_key = page.nextKey;
    if (int(page.rows.size()) < kPageRows) {
        out += "]}";
        m_section = Section::Done;
    }
    return out;
}

} // namespace confab::server
