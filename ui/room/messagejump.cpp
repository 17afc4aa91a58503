// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagejump.h"

#include "room/timelineview.h"

#include "client/models/messagemodel.h"

#include <QTimer>

namespace confab::ui {

namespace {
constexpr int kHighlightMs = 2500;
} // namespace

MessageJump::MessageJump(TimelineView *timeline, QObject *parent)
    : QObject(parent), m_timeline(timeline), m_fade(new QTimer(this))
{
    m_fade->setSingleShot(true);
    connect(m_fade, &QTimer::timeout, this, [this] {
        if (client::MessageModel *model = m_timeline->messageModel())
            model->setHighlighted({});
    });
}

void MessageJump::jumpTo(const QString &messageId)
{
    disconnect(m_opened);
    disconnect(m_failed);
    m_pending.clear();
    client::MessageModel *model = m_timeline->messageModel();
    if (!model || messageId.isEmpty())
        return;
    if (model->rowOfMessage(messageId) >= 0) {
        land(messageId);
        return;
    }
    m_pending = messageId;
    // Only this model's answer: a room switch meanwhile detaches it from the timeline.
    m_opened = connect(model, &client::MessageModel::openedAt, this, [this, model](const QString &id) {
        if (id != m_pending || m_timeline->messageModel() != model)
            return;
        disconnect(m_opened);
        disconnect(m_failed);
        land(id);
    });
    m_failed = connect(model, &client::MessageModel::loadFailed, this, [this](const QString &why) {
        disconnect(m_opened);
        disconnect(m_failed);
        m_pending.clear();
        m_timeline->showNotice(tr("That message could not be opened: %1").arg(why));
    });
    model->openAt(messageId);
}

void MessageJump::land(const QString &messageId)
{
    m_pending.clear();
    client::MessageModel *model = m_timeline->messageModel();
    model->setHighlighted(messageId);
    m_timeline->showMessage(messageId);
    m_fade->start(kHighlightMs);
    Q_EMIT landed(messageId);
}

} // namespace confab::ui
