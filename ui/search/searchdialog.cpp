// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchdialog.h"

#include "search/searchresultdelegate.h"

#include "client/models/searchresultsmodel.h"
#include "client/sync/chatengine.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace confab::ui {

using client::SearchResultsModel;

namespace {

constexpr int kDebounceMs = 250;

// Screen readers hear the whole row (room, author, time, text), not only the snippet.
class AccessibleResults : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::AccessibleTextRole)
            return QIdentityProxyModel::data(index, role);
        return SearchDialog::tr("%1: %2").arg(SearchResultDelegate::headerText(index),
                                              index.data(SearchResultsModel::SnippetRole).toString());
    }
};

} // namespace

SearchDialog::SearchDialog(client::ChatEngine &engine, const QString &roomId, const QString &roomName, bool allRooms,
                           QWidget *parent)
    : QDialog(parent), m_roomId(roomId), m_results(engine.createSearchModel(this)), m_query(new QLineEdit(this)),
      m_scope(new QComboBox(this)), m_sort(new QComboBox(this)), m_list(new QListView(this)),
      m_status(new QLabel(this)), m_debounce(new QTimer(this))
{
    setWindowTitle(tr("Search messages"));
    setAccessibleName(tr("Search messages"));
    resize(620, 460);

    m_query->setAccessibleName(tr("Search for"));
    m_query->setPlaceholderText(tr("Words, from:user, in:room, before:/after:YYYY-MM-DD, has:file"));
    m_query->setClearButtonEnabled(true);
    m_scope->setAccessibleName(tr("Where to search"));
    m_scope->addItem(tr("All rooms"));
    if (!roomId.isEmpty()) {
        m_scope->addItem(tr("In %1").arg(roomName));
        m_scope->setCurrentIndex(allRooms ? 0 : 1);
    }
    m_sort->setAccessibleName(tr("Sort results"));
    m_sort->addItem(tr("Newest first"));
    m_sort->addItem(tr("Best match"));

    auto *proxy = new AccessibleResults(this);
    proxy->setSourceModel(m_results);
    m_list->setModel(proxy);
    m_list->setItemDelegate(new SearchResultDelegate(m_list));
    m_list->setAccessibleName(tr("Search results"));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_status->setAccessibleName(tr("Search status"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *options = new QHBoxLayout;
    options->addWidget(m_scope, 1);
    options->addWidget(m_sort);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addLayout(options);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SearchDialog::runSearch);
    connect(m_query, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_scope, &QComboBox::currentIndexChanged, this, &SearchDialog::runSearch);
    connect(m_sort, &QComboBox::currentIndexChanged, this, &SearchDialog::runSearch);
    connect(m_results, &SearchResultsModel::finished, this, &SearchDialog::showOutcome);
    connect(m_list, &QListView::activated, this, &SearchDialog::chooseCurrent);
    m_query->installEventFilter(this);
    m_query->setFocus();
}

void SearchDialog::runSearch()
{
    m_debounce->stop();
    const QString text = m_query->text();
    const bool inRoom = m_scope->currentIndex() == 1;
    m_results->search(text, inRoom ? m_roomId : QString(), m_sort->currentIndex() == 1);
    m_status->setText(text.trimmed().isEmpty() ? QString() : tr("Searching…"));
    if (text.trimmed().isEmpty())
        m_openWhenReady = false;
}

void SearchDialog::showOutcome()
{
    if (!m_results->errorText().isEmpty())
        m_status->setText(m_results->errorText());
    else if (m_query->text().trimmed().isEmpty())
        m_status->clear();
    else if (m_results->rowCount() == 0)
        m_status->setText(tr("No messages found."));
    else
        m_status->setText(tr("%n message(s) found. Up and Down choose, Enter opens.", nullptr, m_results->rowCount()));
    if (m_results->rowCount() > 0)
        m_list->setCurrentIndex(m_list->model()->index(0, 0));
    if (std::exchange(m_openWhenReady, false))
        chooseCurrent();
}

void SearchDialog::moveSelection(int delta)
{
    const int rows = m_list->model()->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_list->currentIndex();
    const int row = current.isValid() ? qBound(0, current.row() + delta, rows - 1) : 0;
    m_list->setCurrentIndex(m_list->model()->index(row, 0));
}

void SearchDialog::chooseCurrent()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    const QString roomId = current.data(SearchResultsModel::RoomIdRole).toString();
    const QString messageId = current.data(SearchResultsModel::MessageIdRole).toString();
    accept();
    Q_EMIT messageChosen(roomId, messageId);
}

bool SearchDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down: moveSelection(key->key() == Qt::Key_Up ? -1 : 1); return true;
        case Qt::Key_PageUp:
        case Qt::Key_PageDown: moveSelection(key->key() == Qt::Key_PageUp ? -5 : 5); return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_debounce->isActive() || m_results->isSearching()) {
                // Typed faster than the results came: open the first of the newest results.
                if (m_debounce->isActive())
                    runSearch();
                m_openWhenReady = true;
            } else {
                chooseCurrent();
            }
            return true;
        default: break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace confab::ui
