// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

class QLabel;
class QToolButton;

namespace confab::ui {

class EmojiPicker;

// The message input: Enter sends, Shift+Enter breaks the line (or, with SendKey::CtrlEnter,
// Ctrl+Enter sends and Enter breaks the line), Esc cancels a reply or edit (never clears the
// text), Tab leaves, Up in an empty box asks to edit my last message, Ctrl+E opens the emoji
// picker. Replying and editing show a bar above the text (inside the frame) naming what is
// replied to or edited; the emoji button sits at the right edge.
//
// Extending: other states (read-only, slow mode) can use setReadOnly()/setPlaceholderText();
// the emoji button follows isReadOnly() and isEnabled().
class Composer : public QPlainTextEdit {
    Q_OBJECT
public:
    enum class Mode { Compose, Reply, Edit };
    Q_ENUM(Mode)
    enum class SendKey { Enter, CtrlEnter };
    Q_ENUM(SendKey)

    explicit Composer(QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    SendKey sendKey() const { return m_sendKey; }
    void setSendKey(SendKey key);
    // "Enter sends, Shift+Enter for a new line", or the Ctrl+Enter one: for placeholders.
    QString sendHint() const;
    // The message replied to or edited; empty while composing.
    QString targetMessageId() const { return m_target; }
    // The bar's text ("Replying to Alice: first line", "Editing your message"), empty while composing.
    QString modeText() const;
    QWidget *modeBar() const;
    QToolButton *emojiButton() const { return m_emojiButton; }
    EmojiPicker *emojiPicker() const { return m_picker; }

    // Replying keeps what was typed; editing puts the message's text in the box and brings
    // the draft back afterwards.
    void startReply(const QString &messageId, const QString &author, const QString &text);
    void startEdit(const QString &messageId, const QString &text);
    void cancelMode();
    // The draft: what was typed for a new message (while editing, the text put aside).
    QString draftText() const;
    // Replaces the text with a draft kept elsewhere (a room's), back in compose mode; not typing.
    void setDraftText(const QString &text);
    void showEmojiPicker();
    void insertEmoji(const QString &emoji);
    // Core's content limit, in characters (code points of the trimmed text, as the server counts).
    static int maxLength();
    int length() const;
    bool isTooLong() const { return length() > maxLength(); }

    // Held (slow mode): Enter keeps a new message in the box; edits still go. The holder says why.
    void setSendingHeld(bool held) { m_sendingHeld = held; }
    // Enter sends an empty text too (files wait to be sent; the text is their caption).
    void setAcceptsEmpty(bool accepts) { m_acceptsEmpty = accepts; }
    bool isSendingHeld() const { return m_sendingHeld; }

Q_SIGNALS:
    // The trimmed text, not empty, and the message it replies to (or empty); the composer is
    // already cleared.
    void submitted(const QString &text, const QString &replyTo);
    // Enter in edit mode with changed text.
    void editSubmitted(const QString &messageId, const QString &text);
    // Up in an empty composer: whoever knows the timeline calls startEdit() with my last message.
    void editLastRequested();
    // Enter with more text than the server takes: nothing was sent or saved; says why.
    void sendRefused(const QString &why);
    void modeChanged(confab::ui::Composer::Mode mode);
    // On every edit that leaves text in the box (not while editing a sent message): for typing
    // notifications, which the engine debounces.
    void typing();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    QString editBarText() const;
    void setMode(Mode mode, const QString &target, const QString &barText);
    void submit();
    void layoutChildren();
    int barHeight() const;

    Mode m_mode = Mode::Compose;
    QString m_target;
    QString m_editOriginal; // the text being edited, to tell whether it changed
    QString m_draft;        // what was typed before an edit started
    bool m_restoringDraft = false;
    bool m_sendingHeld = false;
    bool m_acceptsEmpty = false;
    SendKey m_sendKey = SendKey::Enter;
    QWidget *m_bar;
    QLabel *m_barLabel;
    QString m_barText; // the label shows it elided
    QToolButton *m_barClose;
    QToolButton *m_emojiButton;
    EmojiPicker *m_picker;
};

} // namespace confab::ui
