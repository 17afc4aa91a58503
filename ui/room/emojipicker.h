#pragma once

#include <QFrame>

class QListWidget;

namespace confab::ui {

// A small popup grid of common emoji: arrow keys move, Enter or a click picks one, Esc closes.
// Used by the composer (inserts at the cursor) and by the timeline (reacts with it).
class EmojiPicker : public QFrame {
    Q_OBJECT
public:
    explicit EmojiPicker(QWidget *parent = nullptr);

    // Opens above (or, without room, below) the anchor, right edges aligned, focus on the grid.
    void popUpAt(QWidget *anchor);
    void popUpAt(const QRect &globalAnchor);
    QListWidget *grid() const { return m_grid; }
    // Every emoji offered, in grid order.
    static QStringList emoji();
    // `base` with a colour emoji font first: text fonts that have a few emoji in black and
    // white (DejaVu has ❤ and 😂) would otherwise win over it.
    static QFont emojiFont(const QFont &base);

Q_SIGNALS:
    void emojiChosen(const QString &emoji);

private:
    void choose(int row);

    QListWidget *m_grid;
};

} // namespace confab::ui
