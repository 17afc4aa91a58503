// SPDX-License-Identifier: GPL-3.0-or-later
#include "pinsbutton.h"

#include "client/models/messagemodel.h"
#include "core/markdownpreview.h"

#include <QMenu>

namespace confab::ui {

PinsButton::PinsButton(QWidget *parent) : QToolButton(parent), m_menu(new QMenu(this))
{
    setAccessibleName(tr("Pinned messages"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_menu->setAccessibleName(tr("Pinned messages"));
    connect(this, &QToolButton::clicked, this, &PinsButton::showPins);
    refresh();
}

void PinsButton::setMessageModel(client::MessageModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model)
        connect(model, &client::MessageModel::pinsChanged, this, &PinsButton::refresh);
    m_menu->hide();
    refresh();
}

int PinsButton::count() const { return m_model ? int(m_model->pinnedMessages().size()) : 0; }

void PinsButton::refresh()
{
    const int n = count();
    setText(QStringLiteral("📌 %1").arg(n));
    setToolTip(tr("%n pinned message(s)", nullptr, n));
    setVisible(n > 0);
    if (m_menu->isVisible())
        rebuildMenu();
}

void PinsButton::rebuildMenu()
{
    m_menu->clear();
    if (!m_model)
        return;
    const QFontMetrics fm(m_menu->font());
    // Newest pin last in the server's list: show it first.
    const auto &pins = m_model->pinnedMessages();
    for (auto it = pins.rbegin(); it != pins.rend(); ++it) {
        const QString author = it->isAnonymous ? it->anonymousName : it->authorName;
        const QString line =
            it->isDeleted ? tr("This message was deleted.") : markdownPreview(it->content, PreviewScope::FirstLine);
        QString text = fm.elidedText(tr("%1: %2").arg(author, line), Qt::ElideRight, 420);
        text.replace(QLatin1Char('&'), QLatin1String("&&")); // no mnemonics from message text
        const QString id = it->messageId;
        m_menu->addAction(text, this, [this, id] { Q_EMIT messageChosen(id); });
    }
}

void PinsButton::showPins()
{
    rebuildMenu();
    if (m_menu->isEmpty())
        return;
    m_menu->popup(mapToGlobal(QPoint(width() - m_menu->sizeHint().width(), height())));
}

} // namespace confab::ui
