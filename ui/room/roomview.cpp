// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomview.h"

#include "members/peerstatuslabel.h"
#include "moderation/moderationcontroller.h"
#include "room/anonymoustoggle.h"
#include "room/attachmentstrip.h"
#include "room/composer.h"
#include "room/composercompleter.h"
#include "room/composerdrafts.h"
#include "room/lengthcounter.h"
#include "room/messagecontroller.h"
#include "room/messagedelegate.h"
#include "room/messagejump.h"
#include "room/notificationbutton.h"
#include "room/pinsbutton.h"
#include "room/roomfiles.h"
#include "room/roompolls.h"
#include "room/timelineview.h"
#include "widgets/avatarimages.h"
#include "widgets/emptyhint.h"

#include "client/models/membermodel.h"
#include "client/models/messagemodel.h"
#include "client/models/receiptmodel.h"
#include "client/models/typingmodel.h"
#include "client/room/roomcontext.h"
#include "client/room/roomstanding.h"
#include "client/sync/chatengine.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace confab::ui {

RoomView::RoomView(QWidget *parent)
    : QWidget(parent), m_name(new QLabel(this)), m_description(new QLabel(this)), m_timeline(new TimelineView(this)),
      m_typing(new QLabel(this)), m_composer(new Composer(this))
{
    QFont big = m_name->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_name->setFont(big);
    m_name->setAccessibleName(tr("Room name"));
    m_description->setAccessibleName(tr("Room description"));
    m_description->setForegroundRole(QPalette::PlaceholderText);
    m_description->setTextFormat(Qt::PlainText);
    m_name->setTextFormat(Qt::PlainText);
    m_typing->setAccessibleName(tr("Who is typing"));
    m_typing->setForegroundRole(QPalette::PlaceholderText);
    m_typing->setTextFormat(Qt::PlainText);
    // Keep its line even when nobody types, so the composer does not jump.
    m_typing->setMinimumHeight(m_typing->fontMetrics().height());

    // Moderation (member panel, header buttons, posting state, removal notice): ModerationController.
    m_moderation = new ModerationController(this, m_composer);
    // One set of avatar pictures for the timeline and the member panel.
    m_avatars = new AvatarImages(this);
    m_timeline->messageDelegate()->setAvatarImages(m_avatars);
    m_moderation->memberPanel()->setAvatarImages(m_avatars);

    auto *header = new QVBoxLayout;
    header->setContentsMargins(12, 8, 12, 8);
    header->setSpacing(2);
    // The name with the pins button at the right.
    m_pins = new PinsButton(this);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_name, 1);
    titleRow->addWidget(m_pins);
    m_notify = new NotificationButton(this);
    titleRow->addWidget(m_notify);
    titleRow->addWidget(m_moderation->headerButtons());
    header->addLayout(titleRow);
    header->addWidget(m_description);
    m_peerStatus = new PeerStatusLabel(this);
    header->addWidget(m_peerStatus);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    // Moderation: the removal notice under the header, the member panel beside timeline and composer.
    layout->addWidget(m_moderation->removalNotice());
    auto *column = new QVBoxLayout;
    column->setSpacing(0);
    auto *body = new QHBoxLayout;
    body->setSpacing(0);
    body->addLayout(column, 1);
    body->addWidget(m_moderation->memberPanel());
    layout->addLayout(body, 1);
    column->addWidget(m_timeline, 1);
    auto *bottom = new QVBoxLayout;
    bottom->setContentsMargins(12, 2, 12, 10);
    bottom->setSpacing(2);
    bottom->addWidget(m_typing);
    bottom->addWidget(m_moderation->postingNotice());
    m_files = new RoomFiles(m_timeline, m_composer, this);
    bottom->addWidget(m_files->strip());
    m_anonymous = new AnonymousToggle(m_composer, this);
    bottom->addWidget(m_anonymous->notice());
    auto *composerRow = new QHBoxLayout;
    composerRow->setSpacing(4);
    composerRow->addWidget(m_files->attachButton(), 0, Qt::AlignBottom);
    composerRow->addWidget(m_anonymous, 0, Qt::AlignBottom);
    m_polls = new RoomPolls(m_timeline, m_composer, this);
    composerRow->addWidget(m_polls->createButton(), 0, Qt::AlignBottom);
    composerRow->addWidget(m_composer, 1);
    bottom->addLayout(composerRow);
    m_counter = new LengthCounter(m_composer, this);
    bottom->addWidget(m_counter);
    column->addLayout(bottom);

    new EmptyHint(m_timeline, [this] {
        return m_room && m_room->messages().isLatestLoaded() ? tr("No messages yet. Say hello!") : QString();
    });
    connect(m_composer, &Composer::submitted, this, &RoomView::send);
    connect(m_composer, &Composer::sendRefused, m_timeline, &TimelineView::showNotice);
    m_drafts = new ComposerDrafts(m_composer, this);
    m_completer = new ComposerCompleter(m_composer);
    connect(m_moderation, &ModerationController::currentRoomRemoved, this, &RoomView::clear);
    // Message actions: the timeline's menu and the composer's reply/edit modes, to the engine.
    m_actions = new MessageController(m_timeline, m_composer, this);
    m_jump = new MessageJump(m_timeline, this);
    connect(m_pins, &PinsButton::messageChosen, this, [this](const QString &messageId) {
        if (!m_timeline->showMessage(messageId))
            m_timeline->showNotice(tr("That pinned message is not loaded. Scroll up to find it."));
    });
    connect(m_composer, &Composer::typing, this, [this] {
        if (m_engine && !m_roomId.isEmpty())
            m_engine->userIsTyping(m_roomId);
    });
    clear();
}

void RoomView::openRoom(client::ChatEngine *engine, const QString &roomId, const QString &name,
                        const QString &description)
{
    if (engine == m_engine && roomId == m_roomId)
        return;
    clear();
    m_engine = engine;
    m_roomId = roomId;
    m_name->setText(name);
    m_description->setText(description);
    m_description->setVisible(!description.isEmpty());
    m_composer->setEnabled(true);
    m_composer->setPlaceholderText(tr("Message %1 (%2)").arg(name, m_composer->sendHint()));

    m_room = engine->openRoom(roomId, this);
    client::MessageModel *messages = &m_room->messages();
    m_timeline->setMessageModel(messages);
    m_timeline->setReadReceipts(&m_room->receipts(), &m_room->names());
    m_pins->setMessageModel(messages);
    m_notify->setRoom(&engine->rooms(), roomId);
    m_actions->setRoom(engine, roomId);
    m_drafts->open(m_room);
    m_completer->setMembers(&m_room->members());
    m_moderation->open(engine, m_room);
    if (m_room->standing().room().type == RoomType::Direct)
        m_peerStatus->setRoom(&m_room->members(), engine->me().userId);
    m_files->open(engine, roomId);
    m_avatars->setMedia(&engine->media());
    m_polls->open(engine, roomId);
    m_actions->setStanding(&m_room->standing());
    auto allowAnonymous = [this] { m_anonymous->setAllowed(m_room->standing().room().settings.allowAnonymous); };
    allowAnonymous();
    connect(&m_room->standing(), &client::RoomStanding::changed, m_anonymous, allowAnonymous);
    auto offerAssistant = [this] { m_completer->setAssistantEnabled(m_room->standing().room().settings.enableAI); };
    offerAssistant();
    connect(&m_room->standing(), &client::RoomStanding::changed, m_completer, offerAssistant);
    connect(&m_room->typing(), &client::TypingModel::summaryChanged, this,
            [this] { m_typing->setText(m_room->typing().summary()); });
    connect(messages, &client::MessageModel::latestLoaded, m_timeline->viewport(), qOverload<>(&QWidget::update));
    messages->load();
    m_room->receipts().load();
}

void RoomView::setSendKey(Composer::SendKey key)
{
    if (key == m_composer->sendKey())
        return;
    m_composer->setSendKey(key);
    // Unless a notice took the placeholder (muted, read-only room: the composer is read-only).
    if (!m_roomId.isEmpty() && !m_composer->isReadOnly())
        m_composer->setPlaceholderText(tr("Message %1 (%2)").arg(m_name->text(), m_composer->sendHint()));
}

void RoomView::clear()
{
    m_anonymous->setAllowed(false); // nobody carries anonymity into the next room by mistake
    m_actions->setStanding(nullptr);
    m_moderation->clear();
    m_peerStatus->setRoom(nullptr, {});
    m_actions->setRoom(nullptr, {}); // ends a reply or edit: the draft is back in the box
    m_drafts->close();
    m_completer->setMembers(nullptr);
    m_completer->setAssistantEnabled(false);
    m_files->clear();
    m_avatars->setMedia(nullptr); // the engine's cache goes with the engine
    m_polls->clear();
    m_pins->setMessageModel(nullptr);
    m_timeline->setReadReceipts(nullptr, nullptr);
    m_notify->setRoom(nullptr, {});
    m_timeline->setMessageModel(nullptr);
    delete m_room;
    m_room = nullptr;
    m_engine = nullptr;
    m_roomId.clear();
    m_name->setText(tr("No room open"));
    m_description->clear();
    m_description->hide();
    m_typing->clear();
    m_composer->clear();
    m_composer->setPlaceholderText({});
    m_composer->setEnabled(false);
}

void RoomView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Below this the timeline would be left a narrow strip beside the member panel.
    constexpr int kWidthForMembers = 640;
    m_moderation->setPanelFits(width() >= kWidthForMembers);
}

client::MessageModel *RoomView::messageModel() const { return m_room ? &m_room->messages() : nullptr; }

QString RoomView::typingText() const { return m_typing->text(); }

void RoomView::showMessageInContext(const QString &messageId) { m_jump->jumpTo(messageId); }

bool RoomView::focusComposer()
{
    if (m_roomId.isEmpty() || !m_composer->isEnabled() || m_composer->isReadOnly())
        return false;
    m_composer->setFocus(Qt::OtherFocusReason);
    return true;
}

void RoomView::send(const QString &text, const QString &replyTo)
{
    if (m_engine && !m_roomId.isEmpty()) {
        m_engine->userStoppedTyping(m_roomId);
        const bool anonymous = m_anonymous->isOn();
        if (!m_files->sendWith(text, replyTo, anonymous)) // with files, the text is their caption
            m_engine->sendMessage(m_roomId, text, replyTo, anonymous);
        m_moderation->noteSent();
        m_timeline->jumpToLatest(); // to see it go out
    }
}

} // namespace confab::ui
