// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The demo's data: who the demo users are, which rooms exist, the seeded history and the lines
// the cast says live. Data only; DemoSeeder and DemoCast decide what to do with it.

#include "demomedia.h"

#include "core/enums.h"

#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace confab::demo::content {

// The human demo user's persona key in the scripts.
inline constexpr const char *kYou = "you";
inline constexpr const char *kYouUsername = "demo";

struct Persona {
    const char *key;
    const char *username;
    const char *displayName;
    bool live; // goes online as a WebSocket client of the cast
};
const std::vector<Persona> &personas();

struct RoomBlueprint {
    const char *key;
    const char *name; // empty for direct conversations: the server names them per viewer
    const char *description;
    RoomType type;
    const char *owner;                                  // persona key of the creator
    std::vector<std::pair<const char *, Role>> members; // everyone else, with their role
    bool allowAnonymous = false;
    bool enableAI = false; // the assistant answers @ai here (the offline demo one without a model)
};
const std::vector<RoomBlueprint> &rooms();

struct ScriptLine {
    const char *who;                // persona key
    const char *text;               // UTF-8, stored verbatim
    int replyBack = 0;              // > 0: replies to the line that many lines earlier in the thread
    const char *editedTo = nullptr; // the author edits it to this a little later
    bool pin = false;               // the room's owner pins it
    bool anonymous = false;         // posted anonymously (the room must allow it)
};
using ScriptThread = std::vector<ScriptLine>;
// The seeded conversations of a room, oldest thread first.
const std::vector<ScriptThread> &script(const char *roomKey);

// A file someone shares in the seeded history: posted right after the given thread of the room
// (index into script(room)), with the text as its caption.
struct SharedFile {
    const char *room;
    int afterThread;
    const char *who;
    const char *caption;
    media::DemoFileKind kind;
};
const std::vector<SharedFile> &sharedFiles();

// Short answers sprinkled between scripted lines so the history reads like a chat.
const QStringList &fillers();
// What the cast says live, unprompted.
const QStringList &chatter();
// What the cast says live in answer to the human.
const QStringList &answers();
// Lines that mention someone; "%1" is replaced by the mention ("@demo").
const QStringList &mentions();
// Appended when a cast member edits one of their messages.
const QStringList &editSuffixes();
const QStringList &customStatuses();
const QStringList &reactionEmoji();

} // namespace confab::demo::content
