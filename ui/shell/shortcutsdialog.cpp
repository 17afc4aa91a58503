// SPDX-License-Identifier: GPL-3.0-or-later
#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace confab::ui {

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, const QList<QPair<QString, QString>> &extra,
                                 QWidget *parent)
    : QDialog(parent), m_list(new QTreeWidget)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Command"), tr("Keys")});
    m_list->setRootIsDecorated(false);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    auto add = [this](const QString &command, const QString &keys) {
        auto *item = new QTreeWidgetItem(m_list, {command, keys});
        item->setData(0, Qt::AccessibleTextRole, tr("%1: %2").arg(command, keys));
    };
    for (const QAction *a : actions) {
        if (a->shortcut().isEmpty())
            continue;
        add(a->text().remove(QLatin1Char('&')).remove(QChar(0x2026)), a->shortcut().toString(QKeySequence::NativeText));
    }
    for (const auto &[command, keys] : extra)
        add(command, keys);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(460, 420);
    m_list->setFocus();
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
}

} // namespace confab::ui
