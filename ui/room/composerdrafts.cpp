// SPDX-License-Identifier: GPL-3.0-or-later
#include "composerdrafts.h"

#include "room/composer.h"

#include "client/room/roomcontext.h"

namespace confab::ui {

namespace {
constexpr int kSaveDelayMs = 800;
}

ComposerDrafts::ComposerDrafts(Composer *composer, QObject *parent) : QObject(parent), m_composer(composer)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &ComposerDrafts::save);
    connect(m_composer, &Composer::textChanged, this, [this] {
        if (m_room)
            m_saveTimer.start();
    });
}

void ComposerDrafts::open(client::RoomContext *room)
{
    close();
    m_room = room;
    if (m_room)
        m_composer->setDraftText(m_room->draft());
    m_saveTimer.stop(); // what was just put there is what is stored
}

void ComposerDrafts::close()
{
    save();
    m_room = nullptr;
}

void ComposerDrafts::save()
{
    m_saveTimer.stop();
    if (m_room)
        m_room->saveDraft(m_composer->draftText());
}

} // namespace confab::ui
