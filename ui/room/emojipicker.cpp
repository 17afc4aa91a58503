// SPDX-License-Identifier: GPL-3.0-or-later
#include "emojipicker.h"

#include "room/emojitable.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QTabBar>
#include <QVBoxLayout>

namespace confab::ui {

namespace {
// The ones people use most in chats, roughly by frequency: "Frequently used" before anything is.
const char *const kFavourites[] = {"👍", "❤️", "😂",    "🎉",      "😮",    "😢",    "🙏",    "👀", "😀",    "😊",
                                   "😉", "😍",      "🤔", "😅",      "🙂", "😎",    "🥳", "😴", "🤯", "😡",
                                   "👎", "👏",      "🙌",    "👋",      "💪",    "🤝", "🔥",    "💯", "✅",    "❌",
                                   "⭐", "🚀",      "💡",    "⚠️", "❓",    "☕",    "🍕",    "🐛", "📌",    "➕"};
constexpr int kColumns = 9;
constexpr int kRows = 7;
constexpr int kRecentMax = 18;
constexpr int kFrequentMax = 45;
const QString kRecentKey = QStringLiteral("emoji/recent");

struct Category {
    const char *group; // Unicode's group name
    const char *icon;
    const char *label;
};
// Unicode's groups in its order, as tabs; "Component" (bare skin tones, hair) is not a category.
const Category kCategories[] = {
    {"Smileys & Emotion", "😀", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "Smileys and emotion")},
    {"People & Body", "👋", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "People and body")},
    {"Animals & Nature", "🐻", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "Animals and nature")},
    {"Food & Drink", "🍔", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "Food and drink")},
    {"Travel & Places", "✈️", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "Travel and places")},
    {"Activities", "⚽", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "Activities")},
    {"Objects", "💡", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "Objects")},
    {"Symbols", "🔣", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "Symbols")},
    {"Flags", "🏁", QT_TRANSLATE_NOOP("confab::ui::EmojiPicker", "Flags")},
};
} // namespace

QStringList EmojiPicker::emoji()
{
    QStringList out = QSettings().value(kRecentKey).toStringList();
    for (const char *e : kFavourites) {
        const QString s = QString::fromUtf8(e);
        if (!out.contains(s))
            out << s;
    }
    return out.mid(0, kFrequentMax);
}

void EmojiPicker::noteUsed(const QString &emoji)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(emoji);
    recent.prepend(emoji);
    settings.setValue(kRecentKey, recent.mid(0, kRecentMax));
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

EmojiPicker::EmojiPicker(QWidget *parent)
    : QFrame(parent, Qt::Popup), m_search(new QLineEdit(this)), m_tabs(new QTabBar(this)), m_grid(new QListWidget(this))
{
    setAccessibleName(tr("Emoji picker"));
    setFrameShape(QFrame::StyledPanel);

    m_search->setAccessibleName(tr("Search emoji"));
    m_search->setPlaceholderText(tr("Search emoji by name or keyword"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);

    m_tabs->setAccessibleName(tr("Emoji categories"));
    m_tabs->setFont(emojiFont(m_tabs->font()));
    m_tabs->setDrawBase(false);
    m_tabs->setExpanding(false);
    m_tabs->setUsesScrollButtons(false);
    m_tabs->setFocusPolicy(Qt::TabFocus);
    auto addTab = [this](const QString &icon, const QString &label) {
        const int i = m_tabs->addTab(icon);
        m_tabs->setTabToolTip(i, label);
        m_tabs->setAccessibleTabName(i, label);
    };
    addTab(QStringLiteral("🕘"), tr("Frequently used"));
    const QStringList groups = EmojiTable::instance().groupNames();
    for (const Category &c : kCategories) {
        const int group = int(groups.indexOf(QString::fromUtf8(c.group)));
        if (group < 0)
            continue; // a Unicode version without it
        m_tabGroups << group;
        addTab(QString::fromUtf8(c.icon), tr(c.label));
    }

    m_grid->setAccessibleName(tr("Emoji"));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setMovement(QListView::Static);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setWrapping(true);
    m_grid->setUniformItemSizes(true);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn); // its width is always counted
    m_grid->setFrameShape(QFrame::NoFrame);
    QFont big = emojiFont(m_grid->font());
    big.setPointSizeF(big.pointSizeF() * 1.5);
    m_grid->setFont(big);
    m_grid->setTextElideMode(Qt::ElideNone); // a wide glyph is drawn whole, never as "…"
    m_cell = QFontMetrics(big).height() + 16;
    m_grid->setGridSize(QSize(m_cell, m_cell));
    m_grid->setFixedSize(m_cell * kColumns + m_grid->verticalScrollBar()->sizeHint().width() + 4, m_cell * kRows + 4);
    m_grid->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addWidget(m_tabs);
    layout->addWidget(m_grid);
    setTabOrder(m_search, m_tabs);
    setTabOrder(m_tabs, m_grid);

    auto *next = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown), this);
    next->setContext(Qt::WidgetWithChildrenShortcut);
    connect(next, &QShortcut::activated, this, [this] { stepCategory(1); });
    auto *previous = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp), this);
    previous->setContext(Qt::WidgetWithChildrenShortcut);
    connect(previous, &QShortcut::activated, this, [this] { stepCategory(-1); });

    connect(m_tabs, &QTabBar::currentChanged, this, [this](int tab) {
        if (!m_search->text().isEmpty())
            m_search->clear(); // back to the category (showSearch with "" shows it)
        else
            showCategory(tab);
    });
    connect(m_search, &QLineEdit::textChanged, this, &EmojiPicker::showSearch);
    // Activation is Enter, and a click on styles that activate on single click; a click is
    // enough everywhere. choose() ignores the second of the two.
    connect(m_grid, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { choose(m_grid->row(item)); });
    connect(m_grid, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { choose(m_grid->row(item)); });
}

void EmojiPicker::fill(const QStringList &list)
{
    const EmojiTable &table = EmojiTable::instance();
    m_grid->clear();
    for (const QString &e : list) {
        auto *item = new QListWidgetItem(e, m_grid);
        const int i = table.indexOf(e);
        const QString name = i < 0 ? e : table.at(i).name;
        item->setToolTip(i < 0 ? name : QStringLiteral("%1  :%2:").arg(name, table.at(i).shortcode));
        item->setData(Qt::AccessibleTextRole, name);
        item->setTextAlignment(Qt::AlignCenter);
        item->setSizeHint(QSize(m_cell, m_cell));
    }
    m_grid->setCurrentRow(0);
}

void EmojiPicker::showCategory(int tab)
{
    if (tab <= 0) {
        m_grid->setAccessibleName(tr("Frequently used"));
        fill(emoji());
        return;
    }
    const EmojiTable &table = EmojiTable::instance();
    QStringList list;
    for (const int i : table.inGroup(m_tabGroups.value(tab - 1)))
        list << table.at(i).text;
    m_grid->setAccessibleName(m_tabs->accessibleTabName(tab));
    fill(list);
}

void EmojiPicker::showSearch(const QString &query)
{
    if (query.trimmed().isEmpty()) {
        showCategory(m_tabs->currentIndex());
        return;
    }
    const EmojiTable &table = EmojiTable::instance();
    QStringList list;
    for (const int i : table.search(query))
        list << table.at(i).text;
    m_grid->setAccessibleName(tr("Emoji matching “%1”").arg(query.trimmed()));
    fill(list);
}

void EmojiPicker::stepCategory(int delta)
{
    const int n = m_tabs->count();
    m_tabs->setCurrentIndex((m_tabs->currentIndex() + delta + n) % n);
}

bool EmojiPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_search) {
        // Down goes to the results; Enter picks the first (or the one chosen with the arrows).
        if (key->key() == Qt::Key_Down && m_grid->count() > 0) {
            m_grid->setFocus(Qt::OtherFocusReason);
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            choose(qMax(0, m_grid->currentRow()));
            return true;
        }
    } else if (watched == m_grid) {
        // Typing a letter in the grid searches.
        const QString text = key->text();
        if (!text.isEmpty() && text.at(0).isLetter() && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            m_search->setFocus(Qt::OtherFocusReason);
            m_search->insert(text);
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void EmojiPicker::popUpAt(QWidget *anchor) { popUpAt(QRect(anchor->mapToGlobal(QPoint(0, 0)), anchor->size())); }

void EmojiPicker::popUpAt(const QRect &a)
{
    {
        const QSignalBlocker quiet(m_search);
        m_search->clear();
    }
    if (m_tabs->currentIndex() == 0)
        showCategory(0); // the recent ones may have changed
    else
        m_tabs->setCurrentIndex(0);
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
    const QString picked = m_grid->item(row)->text();
    hide();
    noteUsed(picked);
    Q_EMIT emojiChosen(picked);
}

} // namespace confab::ui
