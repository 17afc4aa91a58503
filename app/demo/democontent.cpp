// SPDX-License-Identifier: GPL-3.0-or-later
#include "democontent.h"

#include <QHash>

namespace confab::demo::content {

namespace {
QStringList utf8List(std::initializer_list<const char *> lines)
{
    QStringList out;
    for (const char *l : lines)
        out << QString::fromUtf8(l);
    return out;
}
} // namespace

const std::vector<Persona> &personas()
{
    static const std::vector<Persona> list{
        {"ada", "ada", "Ada Lovelace", true},    {"grace", "grace", "Grace Hopper", true},
        {"linus", "linus", "Linus", true},       {"margaret", "margaret", "Margaret Hamilton", true},
        {"kenji", "kenji", "Kenji Sato", false}, {"layla", "layla", "Layla Haddad", false},
    };
    return list;
}

const std::vector<RoomBlueprint> &rooms()
{
    static const std::vector<RoomBlueprint> list{
        {"general",
         "general",
         "Everything Confab: the project, the code, the release.",
         RoomType::Public,
         "ada",
         {{"grace", Role::Admin},
          {"margaret", Role::Moderator},
          {"linus", Role::Member},
          {"kenji", Role::Member},
          {"layla", Role::Member},
          {kYou, Role::Member}},
         false,
         true},
        {"random",
         "random",
         "Off-topic, links, lunch. Anonymous posts allowed.",
         RoomType::Public,
         "linus",
         {{"ada", Role::Member},
          {"grace", Role::Member},
          {"kenji", Role::Moderator},
          {"layla", Role::Member},
          {"margaret", Role::Member},
          {kYou, Role::Member}},
         true},
        {"help",
         "help",
         "Questions about running and using Confab. No question is too small.",
         RoomType::Public,
         "grace",
         {{"margaret", Role::Moderator},
          {"ada", Role::Member},
          {"linus", Role::Member},
          {"layla", Role::Member},
          {kYou, Role::Member}}},
        {"core-team",
         "core-team",
         "Private: release planning and the things we are not ready to say in #general.",
         RoomType::Private,
         kYou,
         {{"ada", Role::Admin}, {"grace", Role::Moderator}, {"linus", Role::Member}}},
        {"announcements",
         "announcements",
         "Release notes and news. Only moderators post here.",
         RoomType::Announcement,
         "margaret",
         {{"grace", Role::Moderator},
          {"ada", Role::Member},
          {"linus", Role::Member},
          {"kenji", Role::Member},
          {"layla", Role::Member},
          {kYou, Role::Member}}},
        {"release-crew",
         "Release crew",
         "Linus, Margaret and you, shipping 0.2.",
         RoomType::Group,
         "linus",
         {{"margaret", Role::Member}, {kYou, Role::Member}}},
        {"dm-ada", "", "", RoomType::Direct, "ada", {{kYou, Role::Owner}}},
        {"dm-grace", "", "", RoomType::Direct, kYou, {{"grace", Role::Owner}}},
    };
    return list;
}

const std::vector<ScriptThread> &script(const char *roomKey)
{
    static const QHash<QString, std::vector<ScriptThread>> scripts{
        {QStringLiteral("general"),
         {
             {{"ada",
               "Welcome to **#general**! This is where we talk about Confab itself. Be kind, be curious, "
               "and read the pinned messages 📌",
               0, nullptr, true},
              {"grace", "Morning all ☕"},
              {"linus", "Morning. Who broke the nightly build?"},
              {"margaret", "Not me this time 😇"},
              {"linus",
               "`ninja: error: loading 'build.ninja': No such file or directory` – someone deleted the build dir "
               "in the CI cache"},
              {"grace", "That was me, sorry. Cleaning the cache should have been harmless. Re-running now.", 1},
              {"linus", "👍 green again"},
              {"ada", "Tip: the assistant is on in #general. Type `@ai summarize` to catch up on what you missed "
                      "(in the demo it is an offline assistant that quotes the room; no model needed)."}},
             {{"kenji", "Has anyone tried the new typing indicators? They feel really snappy."},
              {"ada",
               "They expire after 3 s on the server, so a client that crashes never leaves you \"typing\" forever."},
              {"kenji", "Nice. And the client debounces outgoing `typing_start`?", 1},
              {"ada", "Yes, at most one every two seconds per room."},
              {"margaret", "That is the kind of detail people never notice and always appreciate."}},
             {{"grace",
               "Reminder: the **0.2 feature freeze** is on Friday. Anything not merged by then waits for 0.3."},
              {"linus", "So the outbox rewrite goes in, or it waits?"},
              {"grace", "It goes in if the durability tests pass three times in a row.", 1},
              {"linus", "Challenge accepted 💪"},
              {"margaret", "I will review it tonight. Please keep the diff under 1000 lines…", 0,
               "I will review it tonight. Please keep the diff under 1000 lines 🙏"},
              {"linus", "It's 1400. But 600 of them are tests!"},
              {"margaret", "Tests don't count 😄", 1}},
             {{"layla", "Question about seq numbers: are they per room or global?"},
              {"ada", "Per room, strictly increasing and gap-free. The client resumes from the last seq it saw.", 1},
              {"layla", "So after a laptop sleeps, the client sends `sync` with the last seq of every room?"},
              {"ada",
               "Exactly. And if too much happened, the server answers `sync_gap` and the client reloads over REST."},
              {"layla", "That explains why I never lose messages anymore. Thank you!"}},
             {{"linus", "PSA: this message contains literal HTML and must show up as text: <b>not bold</b> "
                        "<script>alert(1)</script> <img src=x onerror=alert(2)>"},
              {"grace", "Rendered as plain text here 👌 exactly what we want."},
              {"margaret", "Same on my side. The client renders safe markdown only, never HTML."}},
             {{"kenji", "日本語のメッセージも大丈夫ですか？ 絵文字も 🎌"},
              {"ada", "大丈夫です！ Unicode all the way down.", 1},
              {"layla", "وأيضا العربية تعمل بشكل جيد، من اليمين إلى اليسار 👋"},
              {"grace", "And Chinese: 你好，世界！ Right-to-left and CJK in one thread, the layout engine is happy."}},
             {{"margaret", "Perf numbers from last night: history p95 **14 ms**, delivery p95 **9 ms** on the laptop."},
              {"ada", "The seeds' target was 200 ms. We have a bit of headroom 😄"},
              {"linus", "Can we see the flame graph?"},
              {"margaret", "Sure: https://example.org/confab/flamegraph-2025-09.svg", 1},
              {"linus", "Most time in SQLite's `sqlite3_step`, as it should be."}},
             {{"grace",
               "Who wants to pair on the accessibility pass? Keyboard only, screen reader names, focus order."},
              {"layla", "Me! I use Orca daily, I can test it for real."},
              {"grace", "Perfect. Tomorrow 10:00?", 1},
              {"layla", "Deal ✅"}},
             {{"ada", "Reminder that `Ctrl+K` opens the quick room switcher."},
              {"kenji", "I had no idea. This changes everything."},
              {"linus", "Also `Alt+Up/Down` for the previous/next room, and `Alt+Shift+Up/Down` for the previous/next "
                        "unread one."}},
             {{"linus", "Merged the outbox rewrite. Durability tests: 3/3 green. Kill -9 in the middle of a send, "
                        "restart, the message arrives exactly once."},
              {"margaret", "Great work! 🎉"},
              {"grace", "That was the last blocker for 0.2."},
              {"ada", "Release notes draft in #announcements tomorrow."}},
         }},
        {QStringLiteral("random"),
         {
             {{"linus", "Lunch poll: pizza 🍕 or ramen 🍜?"},
              {"kenji", "Ramen. Always ramen."},
              {"ada", "Pizza, but I will not fight about it."},
              {"grace", "Ramen 🍜", 2},
              {"linus", "Ramen wins 3 to 1. See you at 12:30."}},
             {{"kenji", "Found this gem: https://en.wikipedia.org/wiki/Analytical_Engine"},
              {"ada", "I may have some opinions about that machine 😏"},
              {"grace", "Ha!"}},
             {{"layla", "Who left the office plant without water over the weekend? 🌵"},
              {"linus", "It's a cactus. It's fine."},
              {"layla", "It is *a* cactus *now*. It was a fern on Friday."}},
             {{"grace", "Fun fact: the first actual computer bug was a moth, taped into the log book in 1947 🦋"},
              {"margaret", "And we still call them bugs. Tradition!"},
              {"kenji", "I prefer \"undocumented features\"."}},
             {{"margaret", "Anyone going to the meetup on Thursday?"},
              {"ada", "Yes, I am giving a lightning talk about mono-applications."},
              {"linus", "Wait, the server and the client in one process? That's cursed.", 1},
              {"ada", "It's how the demo mode works. You are using it right now 😉"}},
             {{"kenji", "This room allows anonymous posts, right? Testing…"},
              {"layla", "Confession: I still use tabs in my personal projects.", 0, nullptr, false, true},
              {"linus", "I knew it. One of you is a monster."},
              {"grace", "The server keeps the author for moderation, so be nice 😄", 0, nullptr, false, false},
              {"kenji", "Someone here reads the pinned messages before asking. Respect.", 0, nullptr, false, true}},
             {{"linus", "Friday music thread 🎶"},
              {"margaret", "Kraftwerk – Computer World. Fitting."},
              {"kenji", "YMCA (the Yellow Magic Orchestra, not the other one)"},
              {"grace", "Anything without lyrics while I review code."}},
         }},
        {QStringLiteral("help"),
         {
             {{"grace",
               "How to ask a good question here: what you did, what you expected, what happened, and the "
               "exact error message. Logs in ```code blocks``` please.",
               0, nullptr, true},
              {"layla", "Thanks, that helps."}},
             {{"layla", "How do I run the server on a different port?"},
              {"margaret", "`confab-server --port 9000`, or `CONFAB_PORT=9000` in the environment.", 1},
              {"layla", "And for a systemd install?"},
              {"margaret", "Put `port=9000` in `/etc/confab/server.ini` and restart the unit."},
              {"layla", "Worked, thank you! 🙏"}},
             {{"linus", "My client says \"reconnecting…\" every few minutes behind the corporate proxy."},
              {"ada", "Proxies often drop idle WebSockets. The server pings every 30 s; what does the client log say?"},
              {"linus", "`websocket closed: 1006` right after 60 s of silence", 1},
              {"ada", "Then the proxy timeout is 60 s. Lower the ping interval or ask IT to raise the timeout."},
              {"linus", "Lowered it, stable for an hour now. Thanks!", 0,
               "Lowered it, stable for a whole afternoon now. Thanks!"}},
             {{"layla", "Can I export all my data?"},
              {"grace",
               "Yes: `GET /v1/me/export` gives you everything as JSON. The desktop client has a button in "
               "Settings → Privacy.",
               1},
              {"layla", "Great, and deleting my account hands my rooms over to someone else?"},
              {"grace", "To the highest-ranking member left, so no room is left without an owner."}},
             {{"ada", "Where are the logs on Linux?"},
              {"margaret", "`journalctl -u confab-server` for the server; the client writes to "
                           "`~/.local/share/confab/confab/logs` (Help → Open log folder)."}},
         }},
        {QStringLiteral("core-team"),
         {
             {{kYou, "Welcome to the core team room. Release planning goes here until it is ready for #general."},
              {"ada", "Thanks for setting it up!"},
              {"grace", "Agenda for Thursday: 0.2 scope, packaging, who is on call for the release week."}},
             {{"linus", "Packaging: the .deb works, the Flatpak needs a keychain portal fix."},
              {kYou, "Can we ship 0.2 without the Flatpak?"},
              {"ada", "I'd say yes. Debian and the tarball first, Flatpak in 0.2.1.", 1},
              {"grace", "Agreed."}},
             {{"ada", "Security review notes are in the wiki. Two findings, both fixed: token in a log line, and a "
                      "missing membership check on pins."},
              {kYou, "Good catch on the pins one."},
              {"linus", "Added a test for every permission in the table, so that class of bug stays dead."}},
             {{"grace", "On-call for release week: me Monday-Wednesday, Linus Thursday-Friday?"},
              {"linus", "Fine by me 👍"},
              {kYou, "I'll take the weekend."}},
         }},
        {QStringLiteral("announcements"),
         {
             {{"margaret",
               "📣 **Confab 0.1** is out: rooms, messages, reactions, presence and typing over one "
               "WebSocket. Thank you everyone who tested it!",
               0, nullptr, true},
              {"grace", "🛠 Maintenance: the demo server restarts tonight at 22:00 UTC for about 5 minutes."}},
             {{"margaret", "🔒 Security: tokens are now stored hashed on the server. Everyone signed in keeps working; "
                           "nothing to do on your side."}},
             {{"grace", "📅 0.2 feature freeze is this Friday. Release planned for the week after."},
              {"margaret", "🎉 Welcome Layla and Kenji to the project!"}},
         }},
        {QStringLiteral("release-crew"),
         {
             {{"linus", "Made this group for the three of us, so we don't flood #general with release chores."},
              {"margaret", "Good idea."},
              {kYou, "👋"}},
             {{"margaret", "Checklist: changelog, version bump, tag, packages, announcement. Who does what?"},
              {"linus", "I take the packages."},
              {kYou, "Changelog and announcement are mine."},
              {"margaret", "Then I tag and bump. Done ✅", 1}},
             {{"linus", "The .deb for arm64 is building, ETA 20 minutes."},
              {"margaret", "Changelog looks good, one typo: \"recieve\" 🙈"},
              {kYou, "Fixed, thanks!", 1}},
         }},
        {QStringLiteral("dm-ada"),
         {
             {{"ada", "Hi! Welcome to Confab 👋 I'm Ada. Ping me if you want a tour."},
              {kYou, "Thanks! Where do I start?"},
              {"ada",
               "Try #general for project chat, #help for questions. Reactions: hover a message. Reply: "
               "right-click → Reply.",
               1},
              {kYou, "Got it."}},
             {{"ada", "By the way, everything you see here runs on a server inside this very app, on its own thread."},
              {kYou, "That's neat."},
              {"ada", "Close the window and it shuts down cleanly. No setup at all 😊"}},
         }},
        {QStringLiteral("dm-grace"),
         {
             {{kYou, "Hi Grace, do you have a minute for the release notes?"},
              {"grace", "Sure, send them over."},
              {kYou, "Draft: *faster history, reliable outbox, accessibility pass*. Anything missing?"},
              {"grace", "Mention the keyboard shortcuts, people love those.", 1},
              {kYou, "Added 👍"}},
             {{"grace",
               "\"It's easier to ask forgiveness than it is to get permission.\" Applies to merging docs fixes too 😉"},
              {kYou, "Noted!"}},
         }},
    };
    static const std::vector<ScriptThread> none;
    const auto it = scripts.constFind(QString::fromUtf8(roomKey));
    return it == scripts.constEnd() ? none : *it;
}

const std::vector<SharedFile> &sharedFiles()
{
    using media::DemoFileKind;
    static const std::vector<SharedFile> list{
        {"general", 9, "margaret", "Weekly active users since 0.1: up and to the right 📈 (the dip is the holiday week)",
         DemoFileKind::ActiveUsersChart},
        {"random", 6, "linus", "Sunset at the lake last night 🌅", DemoFileKind::Sunset},
        {"core-team", 0, "ada", "Notes from the planning call, as promised 📄", DemoFileKind::PlanningNotesPdf},
        {"core-team", 3, "grace", "Photo of the whiteboard from Thursday, before someone wipes it",
         DemoFileKind::Whiteboard},
        {"release-crew", 1, "margaret", "Stand-up log as a spreadsheet, if you want to sort it",
         DemoFileKind::StandupCsv},
    };
    return list;
}

const QStringList &fillers()
{
    static const QStringList list =
        utf8List({"👍", "+1", "nice!", "thanks!", "haha", "agreed", "on it", "👀", "makes sense", "same here", "🎉",
                  "good point", "lol", "TIL", "sounds good", "🙏"});
    return list;
}

const QStringList &chatter()
{
    static const QStringList list = utf8List({
        "Just pushed a fix for the scroll jump when older messages load.",
        "Coffee break ☕ back in 10",
        "Does anyone have the link to the design doc for search?",
        "The new `MessageStore` cache cut memory use by a third 🚀",
        "Reviewing PRs now, send them my way.",
        "Anyone else seeing the CI runner being slow today?",
        "I love how the unread counter updates the moment someone reads.",
        "Wrote a test that kills the server mid-send. Zero lost messages ✅",
        "Hot take: **dark theme** should be the default.",
        "Trying the quick switcher with `Ctrl+K`, it's so fast.",
        "Reminder: standup in 15 minutes.",
        "Here's the benchmark script: `scripts/bench.sh --rooms 50`",
        "The word filter caught its first spammer today 😅",
        "Documentation PR is up: https://example.org/confab/docs/pull/42",
        "Who owns the Flatpak manifest these days?",
        "Lunch? 🍜",
        "TIL SQLite FTS5 has a `snippet()` function. That's how search highlights work.",
        "I'm going to refactor the room list model, shout if you're in there.",
        "¡Hola a todos! The Spanish translation is 90% done 🇪🇸",
        "Bonne nouvelle : la traduction française est terminée 🇫🇷",
        "Presence looks right again after the reconnect fix.",
        "Anyone up for a quick review of the pins dialog?",
        "Let's keep messages under 5000 characters, the server insists 😄",
        "The release checklist is in the pinned messages.",
    });
    return list;
}

const QStringList &answers()
{
    static const QStringList list = utf8List({
        "Good point!",
        "Ha, I was just about to say that.",
        "Let me check and get back to you.",
        "Agreed 👍",
        "Interesting. Can you say more?",
        "Yes! That's exactly what I meant.",
        "Hmm, I'm not sure. Maybe ask in #help?",
        "Thanks, that helps a lot 🙏",
        "I'll add that to the agenda for Thursday.",
        "Nice to see you here 👋",
        "Oh, I hadn't thought of that.",
        "Totally. Want to pair on it later?",
        "😂",
        "Noted, thanks!",
    });
    return list;
}

const QStringList &mentions()
{
    static const QStringList list = utf8List({
        "%1 what do you think?",
        "%1 could you take a look at this when you have a minute?",
        "Thanks %1 for the review 🙌",
        "%1 are you joining the call later?",
        "Looping in %1 here.",
    });
    return list;
}

const QStringList &editSuffixes()
{
    static const QStringList list = utf8List({" (for 0.2, I mean)", " — see the pinned message 📌",
                                              " Details: https://example.org/confab/docs", " 🙂", " (thanks Ada!)"});
    return list;
}

const QStringList &customStatuses()
{
    static const QStringList list = utf8List({"In a meeting", "Reviewing PRs", "🍕 Lunch", "Deep work until 3",
                                              "On a train 🚆", "Debugging the outbox", "Writing docs", "🎧 Focus mode"});
    return list;
}

const QStringList &reactionEmoji()
{
    static const QStringList list = utf8List({"👍", "❤️", "😂", "🎉", "🚀", "👀", "🙏", "✅"});
    return list;
}

} // namespace confab::demo::content
