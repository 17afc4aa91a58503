// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QAction;
class QTreeWidget;

namespace confab::ui {

// Help > Keyboard shortcuts: every menu command that has one, read from the actions themselves
// so the list cannot go stale, plus the few keys that are not menu commands.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction *> &actions, const QList<QPair<QString, QString>> &extra,
                    QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }

private:
    QTreeWidget *m_list;
};

} // namespace confab::ui
