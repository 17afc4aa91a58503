// SPDX-License-Identifier: GPL-3.0-or-later
#include "anonymoustoggle.h"

#include "room/composer.h"
#include "room/emojipicker.h"

#include <QLabel>

namespace confab::ui {

namespace {
// A purple that reads as "not your usual self" on light and dark palettes alike.
constexpr auto kAnonymousColour = "#8e44ad";
} // namespace

AnonymousToggle::AnonymousToggle(Composer *composer, QWidget *parent)
    : QToolButton(parent), m_composer(composer), m_notice(new QLabel(parent))
{
    setCheckable(true);
    setAutoRaise(true);
    setText(QStringLiteral("🎭"));
    setFont(EmojiPicker::emojiFont(font()));
    setAccessibleName(tr("Post anonymously"));
    setToolTip(tr("Post anonymously (Ctrl+Shift+A)"));
    setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    setFocusPolicy(Qt::TabFocus);

    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setText(tr("🎭 Posting anonymously: your name is hidden from everyone. Ctrl+Shift+A turns it off."));
    m_notice->setAccessibleName(tr("Anonymous posting is on"));
    m_notice->setStyleSheet(QStringLiteral("QLabel { color: white; background: %1; padding: 2px 6px; }")
                                .arg(QLatin1String(kAnonymousColour)));
    // No emoji font here: the mask gets it by fallback, and as the first family it spaces words widely.
    m_notice->setWordWrap(true);
    m_notice->hide();

    setVisible(false);
    connect(this, &QToolButton::toggled, this, &AnonymousToggle::apply);
}

void AnonymousToggle::setAllowed(bool allowed)
{
    if (!allowed)
        reset();
    setVisible(allowed);
}

void AnonymousToggle::apply(bool on)
{
    m_notice->setVisible(on);
    if (on) {
        m_placeholder = m_composer->placeholderText();
        m_composer->setPlaceholderText(tr("Posting anonymously… (%1)").arg(m_composer->sendHint()));
        // Only the frame: the composer's children (emoji button, reply bar) keep their look.
        m_composer->setStyleSheet(QStringLiteral("QPlainTextEdit { border: 2px solid %1; border-radius: 3px; }")
                                      .arg(QLatin1String(kAnonymousColour)));
        m_composer->setAccessibleDescription(tr("Posting anonymously"));
        setStyleSheet(
            QStringLiteral("QToolButton { background: %1; border-radius: 3px; }").arg(QLatin1String(kAnonymousColour)));
    } else {
        setStyleSheet({});
        m_composer->setPlaceholderText(m_placeholder);
        m_composer->setStyleSheet({});
        m_composer->setAccessibleDescription({});
    }
}

} // namespace confab::ui
