// SPDX-License-Identifier: GPL-3.0-or-later
#include "composercompleter.h"

#include "room/composer.h"
#include "room/emojipicker.h"
#include "room/emojitable.h"

#include "client/models/membermodel.h"

#include <QAbstractItemModel>
#include <QKeyEvent>
#include <QListWidget>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

#include <algorithm>

namespace confab::ui {

namespace {
constexpr int kMaxOffers = 8;
constexpr int kEmojiMinLetters = 2; // ":)" and "10:30" must not pop anything up
constexpr int kInsertRole = Qt::UserRole;

bool partOfToken(QChar c, QChar trigger)
{
    if (c.isLetterOrNumber() || c == QLatin1Char('_'))
        return true;
    return trigger == QLatin1Char('@') ? (c == QLatin1Char('.') || c == QLatin1Char('-'))
                                       : (c == QLatin1Char('+') || c == QLatin1Char('-'));
}
} // namespace

ComposerCompleter::ComposerCompleter(Composer *composer)
    : QObject(composer), m_composer(composer), m_popup(new QListWidget(composer))
{
    // A tool-tip window: shown over the composer without taking the focus from it.
    m_popup->setWindowFlags(Qt::ToolTip | Qt::FramelessWindowHint);
    m_popup->setAttribute(Qt::WA_ShowWithoutActivating);
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setAccessibleName(tr("Suggestions"));
    m_popup->setFont(EmojiPicker::emojiFont(composer->font()));
    m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_popup->setUniformItemSizes(true);
    m_popup->hide();
    connect(m_popup, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { accept(m_popup->row(item)); });

    composer->installEventFilter(this);
    connect(composer, &QPlainTextEdit::textChanged, this, &ComposerCompleter::refresh);
    connect(composer, &QPlainTextEdit::cursorPositionChanged, this, &ComposerCompleter::refresh);
}

ComposerCompleter::~ComposerCompleter() = default;

void ComposerCompleter::setMembers(const QAbstractItemModel *members)
{
    m_members = members;
    close();
}

bool ComposerCompleter::isOpen() const { return m_popup->isVisible(); }

ComposerCompleter::Token ComposerCompleter::tokenAtCursor() const
{
    const QTextCursor cursor = m_composer->textCursor();
    if (cursor.hasSelection())
        return {};
    const QString line = cursor.block().text();
    const int column = cursor.positionInBlock();
    int i = column;
    while (i > 0 && line.at(i - 1) != QLatin1Char('@') && line.at(i - 1) != QLatin1Char(':') &&
           !line.at(i - 1).isSpace())
        --i;
    if (i == 0 || line.at(i - 1).isSpace())
        return {};
    const QChar trigger = line.at(i - 1);
    // Only at a word's start: "mail@host" and "10:30" are no completions.
    if (i - 1 > 0 && !line.at(i - 2).isSpace())
        return {};
    const QString typed = line.mid(i, column - i);
    for (const QChar c : typed)
        if (!partOfToken(c, trigger))
            return {};
    return {cursor.block().position() + i - 1, trigger, typed};
}

void ComposerCompleter::refresh()
{
    if (m_inserting)
        return;
    m_token = m_composer->isReadOnly() ? Token{} : tokenAtCursor();
    if (m_token.start < 0 || m_token.start == m_dismissedAt) {
        if (m_token.start < 0)
            m_dismissedAt = -1;
        m_popup->hide();
        return;
    }
    if (m_token.trigger == QLatin1Char('@'))
        offerMembers(m_token.text);
    else
        offerEmoji(m_token.text);
}

void ComposerCompleter::offerMembers(const QString &typed)
{
    m_popup->clear();
    if (m_assistant) {
        // The assistant's two names first: what it answers to, not a member to mention.
        for (const QString &name : {QStringLiteral("ai"), QStringLiteral("assistant")}) {
            if (!name.startsWith(typed, Qt::CaseInsensitive))
                continue;
            auto *item = new QListWidgetItem(tr("@%1 — ask the assistant").arg(name), m_popup);
            item->setData(kInsertRole, QString(QLatin1Char('@') + name + QLatin1Char(' ')));
        }
    }
    if (!m_members) {
        showPopup(); // hides itself when there is nothing to offer
        return;
    }
    // Offers show the display name; the text gets "@username", which is what mentions match
    // (a display name may hold spaces and need not be unique).
    struct Offer {
        int rank; // 0: a name starts with it, 1: contains it
        QString name, username;
    };
    QList<Offer> found;
    for (int row = 0; row < m_members->rowCount(); ++row) {
        const QModelIndex index = m_members->index(row, 0);
        const QString name = index.data(client::MemberModel::DisplayNameRole).toString();
        const QString username = index.data(client::MemberModel::UsernameRole).toString();
        if (username.isEmpty() || index.data(client::MemberModel::UserIdRole).toString().isEmpty())
            continue;
        if (name.startsWith(typed, Qt::CaseInsensitive) || username.startsWith(typed, Qt::CaseInsensitive))
            found.append({0, name, username});
        else if (name.contains(typed, Qt::CaseInsensitive) || username.contains(typed, Qt::CaseInsensitive))
            found.append({1, name, username});
    }
    std::stable_sort(found.begin(), found.end(), [](const Offer &a, const Offer &b) { return a.rank < b.rank; });
    for (const Offer &o : found.mid(0, kMaxOffers)) {
        const QString shown =
            o.name.isEmpty() || o.name == o.username
                ? QStringLiteral("@") + o.username
                : tr("%1 (@%2)", "member suggestion: display name (@username)").arg(o.name, o.username);
        auto *item = new QListWidgetItem(shown, m_popup);
        item->setData(kInsertRole, QString(QStringLiteral("@") + o.username + QLatin1Char(' ')));
    }
    showPopup();
}

void ComposerCompleter::offerEmoji(const QString &typed)
{
    m_popup->clear();
    if (typed.size() < kEmojiMinLetters) {
        m_popup->hide();
        return;
    }
    const EmojiTable &table = EmojiTable::instance();
    for (const int i : table.completeShortcode(typed, kMaxOffers)) {
        const EmojiTable::Emoji &e = table.at(i);
        auto *item = new QListWidgetItem(QStringLiteral("%1  :%2:").arg(e.text, e.shortcode), m_popup);
        item->setData(kInsertRole, e.text);
        item->setData(Qt::AccessibleTextRole, e.name);
        item->setToolTip(e.name);
    }
    showPopup();
}

void ComposerCompleter::showPopup()
{
    if (m_popup->count() == 0) {
        m_popup->hide();
        return;
    }
    m_popup->setCurrentRow(0);
    const int rowHeight = m_popup->sizeHintForRow(0);
    const int width = qMax(220, m_popup->sizeHintForColumn(0) + 24);
    const int height = rowHeight * m_popup->count() + 2 * m_popup->frameWidth();
    m_popup->resize(width, height);
    // Above the line being typed: the composer sits at the bottom of the window.
    const QRect cursor = m_composer->cursorRect();
    const QPoint at = m_composer->viewport()->mapToGlobal(cursor.topLeft());
    m_popup->move(at.x(), at.y() - height - 2);
    m_popup->show();
}

void ComposerCompleter::accept(int row)
{
    QListWidgetItem *item = m_popup->item(row);
    if (!item || m_token.start < 0)
        return;
    const QString insert = item->data(kInsertRole).toString();
    QTextCursor cursor = m_composer->textCursor();
    m_inserting = true;
    cursor.setPosition(m_token.start);
    cursor.setPosition(m_token.start + 1 + int(m_token.text.size()), QTextCursor::KeepAnchor);
    cursor.insertText(insert);
    m_composer->setTextCursor(cursor);
    m_inserting = false;
    close();
}

void ComposerCompleter::close()
{
    m_popup->hide();
    m_token = {};
}

bool ComposerCompleter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_composer || !isOpen())
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::FocusOut) {
        close();
    } else if (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool plain = (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
        const int k = key->key();
        const bool ours = plain && (k == Qt::Key_Up || k == Qt::Key_Down || k == Qt::Key_Return || k == Qt::Key_Enter ||
                                    k == Qt::Key_Tab || k == Qt::Key_Escape);
        if (!ours)
            return QObject::eventFilter(watched, event);
        event->accept(); // a shortcut (Esc somewhere, Tab's focus change) must not take it
        if (event->type() == QEvent::ShortcutOverride)
            return true;
        const int row = m_popup->currentRow();
        if (k == Qt::Key_Up)
            m_popup->setCurrentRow((row - 1 + m_popup->count()) % m_popup->count());
        else if (k == Qt::Key_Down)
            m_popup->setCurrentRow((row + 1) % m_popup->count());
        else if (k == Qt::Key_Escape) {
            m_dismissedAt = m_token.start; // stays closed until another "@" or ":" is typed
            close();
        } else
            accept(row);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace confab::ui
