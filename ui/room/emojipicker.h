// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLineEdit;
class QListWidget;
class QTabBar;

namespace confab::ui {

// A popup of every Unicode emoji (EmojiTable): a search field (name or keyword, "thumbs up"),
// category tabs with "Frequently used" (recently picked first) at the left, and a grid. Arrow keys
// move in the grid, Enter or a click picks, Esc closes; Ctrl+PageDown/PageUp (or the arrows on the
// tabs) switch category; typing a letter in the grid searches.
// Used by the composer (inserts at the cursor) and by the timeline (reacts with it).
class EmojiPicker : public QFrame {
    Q_OBJECT
public:
    explicit EmojiPicker(QWidget *parent = nullptr);

    // Opens above (or, without room, below) the anchor, right edges aligned, on "Frequently used",
    // focus on the grid.
    void popUpAt(QWidget *anchor);
    void popUpAt(const QRect &globalAnchor);
    QListWidget *grid() const { return m_grid; }
    QLineEdit *searchField() const { return m_search; }
    QTabBar *categories() const { return m_tabs; }
    // The "Frequently used" tab: recently picked ones first, then the usual favourites.
    static QStringList emoji();
    // Remembers a picked emoji (for "Frequently used"; kept in the settings).
    static void noteUsed(const QString &emoji);
    // `base` with a colour emoji font first: text fonts that have a few emoji in black and
    // white (DejaVu has ❤ and 😂) would otherwise win over it.
    static QFont emojiFont(const QFont &base);

Q_SIGNALS:
    void emojiChosen(const QString &emoji);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showCategory(int tab);
    void showSearch(const QString &query);
    void fill(const QStringList &emoji);
    void choose(int row);
    void stepCategory(int delta);

    QLineEdit *m_search;
    QTabBar *m_tabs;
    QListWidget *m_grid;
    QList<int> m_tabGroups; // the table group of each tab after "Frequently used"
    int m_cell = 0;
};

} // namespace confab::ui
