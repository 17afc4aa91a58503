#include "emojipicker.h"

#include <QGuiApplication>
#include <QListWidget>
#include <QScreen>
#include <QVBoxLayout>

namespace confab::ui {

namespace {
struct Entry {
    const char *emoji; // UTF-8
    const char *name;  // for screen readers and tooltips
};

// The ones people use most in chats, roughly by frequency.
constexpr Entry kEmoji[] = {
    {"👍", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "thumbs up")},
    {"❤️", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "red heart")},
    {"😂", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "face with tears of joy")},
    {"🎉", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "party popper")},
    {"😮", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "face with open mouth")},
    {"😢", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "crying face")},
    {"🙏", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "folded hands")},
    {"👀", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "eyes")},
    {"😀", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "grinning face")},
    {"😊", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "smiling face")},
    {"😉", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "winking face")},
    {"😍", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "smiling face with heart-eyes")},
    {"🤔", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "thinking face")},
    {"😅", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "grinning face with sweat")},
    {"🙂", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "slightly smiling face")},
    {"😎", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "smiling face with sunglasses")},
    {"🥳", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "partying face")},
    {"😴", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "sleeping face")},
    {"🤯", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "exploding head")},
    {"😡", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "angry face")},
    {"👎", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "thumbs down")},
    {"👏", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "clapping hands")},
    {"🙌", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "raising hands")},
    {"👋", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "waving hand")},
    {"💪", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "flexed biceps")},
    {"🤝", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "handshake")},
    {"🔥", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "fire")},
    {"💯", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "hundred points")},
    {"✅", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "check mark")},
    {"❌", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "cross mark")},
    {"⭐", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "star")},
    {"🚀", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "rocket")},
    {"💡", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "light bulb")},
    {"⚠️", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "warning")},
    {"❓", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "question mark")},
    {"☕", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "hot beverage")},
    {"🍕", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "pizza")},
    {"🐛", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "bug")},
    {"📌", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "pushpin")},
    {"➕", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "plus")},
};
constexpr int kColumns = 8;
} // namespace

QStringList EmojiPicker::emoji()
{
    QStringList out;
    for (const Entry &e : kEmoji)
        out << QString::fromUtf8(e.emoji);
    return out;
}

QFont EmojiPicker::emojiFont(const QFont &base)
{
    QStringList families = base.families();
    if (families.isEmpty())
        families << base.family();
    QFont f = base;
    f.setFamilies(QStringList{QStringLiteral("Noto Color Emoji"), QStringLiteral("Apple Color Emoji"),
                              QStringLiteral("Segoe UI Emoji")} +
                  families);
    return f;
}

EmojiPicker::EmojiPicker(QWidget *parent) : QFrame(parent, Qt::Popup), m_grid(new QListWidget(this))
{
    setAccessibleName(tr("Emoji picker"));
    setFrameShape(QFrame::StyledPanel);
    m_grid->setAccessibleName(tr("Emoji"));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setMovement(QListView::Static);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setWrapping(true);
    m_grid->setUniformItemSizes(true);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->setFrameShape(QFrame::NoFrame);
    QFont big = emojiFont(m_grid->font());
    big.setPointSizeF(big.pointSizeF() * 1.5);
    m_grid->setFont(big);
    m_grid->setTextElideMode(Qt::ElideNone); // a wide glyph is drawn whole, never as "…"
    const int cell = QFontMetrics(big).height() + 16;
    m_grid->setGridSize(QSize(cell, cell));
    for (const Entry &e : kEmoji) {
        auto *item = new QListWidgetItem(QString::fromUtf8(e.emoji), m_grid);
        const QString name = tr(e.name);
        item->setToolTip(name);
        item->setData(Qt::AccessibleTextRole, name);
        item->setTextAlignment(Qt::AlignCenter);
        item->setSizeHint(QSize(cell, cell));
    }
    const int rows = (m_grid->count() + kColumns - 1) / kColumns;
    m_grid->setFixedSize(cell * kColumns + 4, cell * rows + 4);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_grid);

    // Activation is Enter, and a click on styles that activate on single click; a click is
    // enough everywhere. choose() ignores the second of the two.
    connect(m_grid, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { choose(m_grid->row(item)); });
    connect(m_grid, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { choose(m_grid->row(item)); });
}

void EmojiPicker::popUpAt(QWidget *anchor) { popUpAt(QRect(anchor->mapToGlobal(QPoint(0, 0)), anchor->size())); }

void EmojiPicker::popUpAt(const QRect &a)
{
    adjustSize();
    QPoint at(a.right() - width() + 1, a.top() - height());
    if (const QScreen *screen = QGuiApplication::screenAt(a.center())) {
        const QRect avail = screen->availableGeometry();
        if (at.y() < avail.top())
            at.setY(a.bottom() + 1);
        at.setX(qBound(avail.left(), at.x(), qMax(avail.left(), avail.right() - width())));
    }
    move(at);
    m_grid->setCurrentRow(0);
    show();
    m_grid->setFocus(Qt::PopupFocusReason);
}

void EmojiPicker::choose(int row)
{
    if (!isVisible() || row < 0 || row >= m_grid->count())
        return;
    hide();
    Q_EMIT emojiChosen(m_grid->item(row)->text());
}

} // namespace confab::ui
