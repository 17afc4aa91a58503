// SPDX-License-Identifier: GPL-3.0-or-later
#include "composer.h"

#include "core/limits.h"
#include "core/markdownpreview.h"
#include "core/validation.h"
#include "room/emojipicker.h"

#include <QAbstractTextDocumentLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QToolButton>

namespace confab::ui {

namespace {
constexpr int kEmojiButtonWidth = 30;

QString firstLine(const QString &text) { return markdownPreview(text, PreviewScope::FirstLine); }
} // namespace

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent), m_bar(new QWidget(this)), m_barLabel(new QLabel(m_bar)),
      m_barClose(new QToolButton(m_bar)), m_emojiButton(new QToolButton(this)), m_picker(new EmojiPicker(this))
{
    setAccessibleName(tr("Message"));
    setPlaceholderText(tr("Write a message… (%1)").arg(sendHint()));
    setTabChangesFocus(true); // Tab moves focus, it does not insert a tab
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    m_bar->setAccessibleName(tr("Reply or edit"));
    m_bar->setAutoFillBackground(true);
    m_bar->setBackgroundRole(QPalette::AlternateBase);
    m_barLabel->setTextFormat(Qt::PlainText); // names and text are other people's: never markup
    m_barLabel->setAccessibleName(tr("Replying to or editing"));
    m_barLabel->setForegroundRole(QPalette::PlaceholderText);
    // A long first line is elided to the width there is; it must not widen the window.
    m_barLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_barClose->setText(QStringLiteral("✕"));
    m_barClose->setAutoRaise(true);
    m_barClose->setFocusPolicy(Qt::NoFocus); // Esc does the same from the text
    auto *barLayout = new QHBoxLayout(m_bar);
    barLayout->setContentsMargins(8, 2, 2, 2);
    barLayout->addWidget(m_barLabel, 1);
    barLayout->addWidget(m_barClose);
    m_bar->hide();
    connect(m_barClose, &QToolButton::clicked, this, [this] {
        cancelMode();
        setFocus();
    });

    m_emojiButton->setText(QStringLiteral("🙂"));
    m_emojiButton->setFont(EmojiPicker::emojiFont(m_emojiButton->font()));
    m_emojiButton->setAutoRaise(true);
    m_emojiButton->setAccessibleName(tr("Insert emoji"));
    m_emojiButton->setToolTip(tr("Insert emoji (Ctrl+E)"));
    m_emojiButton->setFocusPolicy(Qt::TabFocus);
    connect(m_emojiButton, &QToolButton::clicked, this, &Composer::showEmojiPicker);
    connect(m_picker, &EmojiPicker::emojiChosen, this, &Composer::insertEmoji);

    // Taller with more lines (sizeHint()), and the emoji button out of the scroll bar's way.
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            [this] { updateGeometry(); });
    connect(document(), &QTextDocument::blockCountChanged, this, [this] { updateGeometry(); });
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &Composer::layoutChildren);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!document()->isEmpty() && m_mode != Mode::Edit && !m_restoringDraft)
            Q_EMIT typing();
    });
    layoutChildren();
}

int Composer::barHeight() const { return m_mode == Mode::Compose ? 0 : m_bar->sizeHint().height(); }

QSize Composer::sizeHint() const
{
    // Three lines, growing with the text up to eight: a longer message is seen whole while
    // written, without taking the timeline (then it scrolls).
    // (Lines laid out so far, or paragraphs: the new last one may not be laid out yet.)
    const int shown = qMax(int(document()->documentLayout()->documentSize().height()), document()->blockCount());
    const int lines = qBound(3, shown, 8);
    return {QPlainTextEdit::sizeHint().width(),
            fontMetrics().lineSpacing() * lines + 2 * (frameWidth() + int(document()->documentMargin())) + barHeight()};
}

QSize Composer::minimumSizeHint() const { return {QPlainTextEdit::minimumSizeHint().width(), sizeHint().height()}; }

void Composer::layoutChildren()
{
    const QRect r = contentsRect();
    const int bar = barHeight();
    setViewportMargins(0, bar, kEmojiButtonWidth, 0);
    m_bar->setGeometry(r.left(), r.top(), r.width(), bar);
    if (bar > 0) {
        m_bar->layout()->activate();
        m_barLabel->setText(
            m_barLabel->fontMetrics().elidedText(m_barText, Qt::ElideRight, qMax(0, m_barLabel->width())));
    }
    const int h = qMin(r.height() - bar, kEmojiButtonWidth);
    // Left of the scroll bar when there is one (the bar sits at the very right, past the margin).
    const int scrollBar = verticalScrollBar()->maximum() > 0 ? verticalScrollBar()->sizeHint().width() : 0;
    m_emojiButton->setGeometry(r.right() - kEmojiButtonWidth - scrollBar + 1, r.bottom() - h + 1, kEmojiButtonWidth, h);
}

void Composer::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    layoutChildren();
}

void Composer::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::EnabledChange || event->type() == QEvent::ReadOnlyChange)
        m_emojiButton->setEnabled(isEnabled() && !isReadOnly());
}

QString Composer::modeText() const { return m_mode == Mode::Compose ? QString() : m_barText; }

QWidget *Composer::modeBar() const { return m_bar; }

void Composer::setMode(Mode mode, const QString &target, const QString &barText)
{
    m_mode = mode;
    m_target = target;
    m_barText = barText;
    m_barLabel->setAccessibleDescription(barText);
    m_barClose->setAccessibleName(mode == Mode::Edit ? tr("Cancel editing") : tr("Cancel reply"));
    m_barClose->setToolTip(tr("%1 (Esc)").arg(m_barClose->accessibleName()));
    m_bar->setVisible(mode != Mode::Compose);
    layoutChildren();
    updateGeometry();
    Q_EMIT modeChanged(mode);
}

void Composer::startReply(const QString &messageId, const QString &author, const QString &text)
{
    if (m_mode == Mode::Edit)
        cancelMode();
    QString line = firstLine(text);
    const QString who = author.isEmpty() ? tr("a message") : author;
    setMode(Mode::Reply, messageId,
            line.isEmpty() ? tr("↩ Replying to %1").arg(who) : tr("↩ Replying to %1: %2").arg(who, line));
    m_barLabel->setToolTip(text);
}

void Composer::startEdit(const QString &messageId, const QString &text)
{
    if (m_mode != Mode::Edit)
        m_draft = toPlainText();
    m_editOriginal = text;
    setMode(Mode::Edit, messageId, editBarText());
    m_barLabel->setToolTip({});
    setPlainText(text);
    moveCursor(QTextCursor::End);
}

void Composer::cancelMode()
{
    if (m_mode == Mode::Compose)
        return;
    const bool wasEdit = m_mode == Mode::Edit;
    setMode(Mode::Compose, {}, {});
    if (wasEdit) {
        m_restoringDraft = true; // the draft coming back is not typing
        setPlainText(m_draft);
        m_restoringDraft = false;
        moveCursor(QTextCursor::End);
        m_draft.clear();
        m_editOriginal.clear();
    }
}

QString Composer::draftText() const { return m_mode == Mode::Edit ? m_draft : toPlainText(); }

void Composer::setDraftText(const QString &text)
{
    cancelMode();
    m_restoringDraft = true; // a draft coming back is not typing
    setPlainText(text);
    m_restoringDraft = false;
    moveCursor(QTextCursor::End);
}

void Composer::showEmojiPicker()
{
    if (!isEnabled() || isReadOnly())
        return;
    m_picker->popUpAt(m_emojiButton);
}

void Composer::insertEmoji(const QString &emoji)
{
    if (isReadOnly())
        return;
    insertPlainText(emoji);
    setFocus(Qt::OtherFocusReason);
}

int Composer::maxLength() { return limits::kContentMax; }

int Composer::length() const { return int(codePointCount(toPlainText().trimmed())); }

void Composer::submit()
{
    const QString text = toPlainText().trimmed();
    if (isTooLong()) {
        // The server would refuse it for good: keep it here, where it can be shortened.
        Q_EMIT sendRefused(
            tr("Not sent: this message has %1 characters, more than the %2 allowed. Shorten it to send it.")
                .arg(QLocale().toString(length()), QLocale().toString(maxLength())));
        return;
    }
    if (m_mode == Mode::Edit) {
        if (text.isEmpty())
            return; // deleting is its own action; an empty edit would be refused
        const QString id = m_target;
        const bool changed = text != m_editOriginal.trimmed();
        cancelMode(); // brings the draft back
        if (changed)
            Q_EMIT editSubmitted(id, text);
        return;
    }
    if ((text.isEmpty() && !m_acceptsEmpty) || m_sendingHeld)
        return;
    const QString replyTo = m_mode == Mode::Reply ? m_target : QString();
    clear();
    if (m_mode != Mode::Compose)
        setMode(Mode::Compose, {}, {});
    Q_EMIT submitted(text, replyTo);
}

void Composer::setSendKey(SendKey key)
{
    if (key == m_sendKey)
        return;
    m_sendKey = key;
    if (m_mode == Mode::Edit) // the bar names the key
        setMode(Mode::Edit, m_target, editBarText());
}

QString Composer::editBarText() const
{
    return m_sendKey == SendKey::CtrlEnter ? tr("✎ Editing your message (Ctrl+Enter saves, Esc cancels)")
                                           : tr("✎ Editing your message (Enter saves, Esc cancels)");
}

QString Composer::sendHint() const
{
    return m_sendKey == SendKey::CtrlEnter ? tr("Ctrl+Enter sends, Enter for a new line")
                                           : tr("Enter sends, Shift+Enter for a new line");
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    const bool sends =
        enter && (m_sendKey == SendKey::CtrlEnter ? mods == Qt::ControlModifier : !(mods & Qt::ShiftModifier));
    if (sends) {
        if (!isReadOnly())
            submit();
        event->accept();
        return;
    }

    // Esc cancels a reply or an edit; it never throws away what was typed (there is no undo).
    if (event->key() == Qt::Key_Escape && m_mode != Mode::Compose) {
        cancelMode();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier && m_mode == Mode::Compose &&
        document()->isEmpty() && !isReadOnly()) {
        Q_EMIT editLastRequested();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_E && event->modifiers() == Qt::ControlModifier) {
        showEmojiPicker();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace confab::ui
