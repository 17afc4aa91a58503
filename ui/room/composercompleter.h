// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QAbstractItemModel;
class QListWidget;

namespace confab::ui {

class Composer;

// Completes while typing in the composer: "@" plus letters lists the room's members (by display
// name, starting or containing) and, in rooms that allow the assistant, @ai and @assistant, ":" plus two letters lists emoji by shortcode or keyword
// (":smi" → 😄 🙂 …). The list pops up over the cursor without taking the focus; Up/Down choose,
// Enter or Tab inserts ("@Ana " or the emoji), Esc closes it and leaves the text as it is.
class ComposerCompleter : public QObject {
    Q_OBJECT
public:
    explicit ComposerCompleter(Composer *composer);
    ~ComposerCompleter() override;

    // The members to offer (a MemberModel: UserIdRole and DisplayNameRole); null offers none.
    void setMembers(const QAbstractItemModel *members);
    // Whether "@" offers the assistant (@ai, @assistant): the room's enableAI.
    void setAssistantEnabled(bool enabled) { m_assistant = enabled; }
    bool isAssistantEnabled() const { return m_assistant; }
    QListWidget *popup() const { return m_popup; }
    bool isOpen() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Token {
        int start = -1; // position of the "@" or ":" in the document
        QChar trigger;
        QString text; // what follows it, up to the cursor
    };
    Token tokenAtCursor() const;
    void refresh();
    void offerMembers(const QString &typed);
    void offerEmoji(const QString &typed);
    void showPopup();
    void accept(int row);
    void close();

    Composer *m_composer;
    QListWidget *m_popup;
    QPointer<const QAbstractItemModel> m_members;
    Token m_token;
    int m_dismissedAt = -1; // Esc closed the list for the token starting here
    bool m_inserting = false;
    bool m_assistant = false;
};

} // namespace confab::ui
