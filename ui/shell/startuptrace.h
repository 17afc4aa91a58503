// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView> // the room list: callers pass it without including it themselves
#include <QObject>

namespace confab::ui {

// Off unless the environment has CONFAB_TRACE_STARTUP: then one line on stderr right after
// `view` first paints rows, with the wall-clock time, so that bench/client can time a cold
// start of the real client from the outside.
class StartupTrace : public QObject {
public:
    static void installIfRequested(QAbstractItemView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit StartupTrace(QAbstractItemView *view);
    QAbstractItemView *m_view;
};

} // namespace confab::ui
