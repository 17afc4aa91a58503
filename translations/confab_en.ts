<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MessagePreview</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::client::LastSeenText</name>
    <message numerus="yes">
        <source>Last seen %n min ago</source>
        <translation>
            <numerusform>Last seen %n min ago</numerusform>
            <numerusform>Last seen %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last seen %n h ago</source>
        <translation>
            <numerusform>Last seen %n h ago</numerusform>
            <numerusform>Last seen %n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last seen %n days ago</source>
        <translation>
            <numerusform>Last seen %n day ago</numerusform>
            <numerusform>Last seen %n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::client::PostingState</name>
    <message numerus="yes">
        <source>You can send again in %n s.</source>
        <translation>
            <numerusform>You can send again in %n s.</numerusform>
            <numerusform>You can send again in %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::client::RealtimeConnection</name>
    <message numerus="yes">
        <source>Connection lost. Retrying in %n s</source>
        <translation>
            <numerusform>Connection lost. Retrying in %n s</numerusform>
            <numerusform>Connection lost. Retrying in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::BrowseRoomsDialog</name>
    <message numerus="yes">
        <source>%1, %n members, %2</source>
        <translation>
            <numerusform>%1, %n member, %2</numerusform>
            <numerusform>%1, %n members, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n rooms; type to narrow the search.</source>
        <translation>
            <numerusform>Showing the first room; type to narrow the search.</numerusform>
            <numerusform>Showing the first %n rooms; type to narrow the search.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n room</numerusform>
            <numerusform>%n rooms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::ConnectionBanner</name>
    <message numerus="yes">
        <source>Offline — retrying in %n s</source>
        <translation>
            <numerusform>Offline — retrying in %n s</numerusform>
            <numerusform>Offline — retrying in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::MemberMenu</name>
    <message numerus="yes">
        <source>For %n second(s)</source>
        <translation>
            <numerusform>For %n second</numerusform>
            <numerusform>For %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::MemberPanel</name>
    <message numerus="yes">
        <source>Members · %n found</source>
        <translation>
            <numerusform>Members · %n found</numerusform>
            <numerusform>Members · %n found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::MessageAnnouncer</name>
    <message numerus="yes">
        <source>%n others</source>
        <translation>
            <numerusform>%n other</numerusform>
            <numerusform>%n others</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new messages from %1</source>
        <translation>
            <numerusform>%n new message from %1</numerusform>
            <numerusform>%n new messages from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::Notifier</name>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::PinsButton</name>
    <message numerus="yes">
        <source>%n pinned message(s)</source>
        <translation>
            <numerusform>%n pinned message</numerusform>
            <numerusform>%n pinned messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::RemovalDialog</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::RoomSectionModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::SearchDialog</name>
    <message numerus="yes">
        <source>%n message(s) found. Up and Down choose, Enter opens.</source>
        <translation>
            <numerusform>%n message found. Up and Down choose, Enter opens.</numerusform>
            <numerusform>%n messages found. Up and Down choose, Enter opens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::StatusMessageDialog</name>
    <message numerus="yes">
        <source>Up to %n character(s).</source>
        <translation>
            <numerusform>Up to %n character.</numerusform>
            <numerusform>Up to %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::TimelineView</name>
    <message numerus="yes">
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n new message ↓</numerusform>
            <numerusform>%n new messages ↓</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::TrayIcon</name>
    <message numerus="yes">
        <source>Confab — %n unread message(s)</source>
        <translation>
            <numerusform>Confab — %n unread message</numerusform>
            <numerusform>Confab — %n unread messages</numerusform>
        </translation>
    </message>
</context>
</TS>
