#include "composerdrafts.h"

#include "room/composer.h"

#include "client/sync/chatengine.h"
#include "client/sync/localstore.h"

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
        if (m_engine && !m_roomId.isEmpty())
            m_saveTimer.start();
    });
}

QString ComposerDrafts::storeKey(const QString &roomId) { return QStringLiteral("draft/") + roomId; }

void ComposerDrafts::open(client::ChatEngine *engine, const QString &roomId)
{
    close();
    m_engine = engine;
    m_roomId = roomId;
    if (m_engine && !m_roomId.isEmpty())
        m_composer->setDraftText(m_engine->store().value(storeKey(m_roomId)));
    m_saveTimer.stop(); // what was just put there is what is stored
}

void ComposerDrafts::close()
{
    save();
    m_engine = nullptr;
    m_roomId.clear();
}

void ComposerDrafts::save()
{
    m_saveTimer.stop();
    if (!m_engine || m_roomId.isEmpty())
        return;
    const QString key = storeKey(m_roomId);
    const QString draft = m_composer->draftText();
    if (m_engine->store().value(key) != draft)
        m_engine->store().setValue(key, draft);
}

} // namespace confab::ui
