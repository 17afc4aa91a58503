// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "room/systemline.h"

#include <QHash>
#include <QObject>
#include <QSet>

class QListView;
class QModelIndex;

namespace confab::ui {

// Folds runs of consecutive system lines in a timeline ("Ana, Bo and 3 others joined"): the
// first line of a run of kMinRun or more shows the run's summary and the rest are hidden rows,
// so arrow keys skip them. Click or Enter on that line opens or closes the run. Runs are found
// again whenever rows come or go (the window is bounded, so a scan is cheap).
class SystemRuns : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinRun = 3;

    explicit SystemRuns(QListView *view);

    // The sentence a row shows: its own, or its run's summary while folded.
    QString textFor(const QModelIndex &index) const;
    SystemLine::Toggle toggleFor(int row) const;
    // Opens or closes the run that starts at this row; false if none does.
    bool toggle(int row);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    QString headId(int row) const;

    QListView *m_view;

    QObject *m_viewport = nullptr; // compared in eventFilter, never dereferenced there
    QHash<int, int> m_runs;        // first row -> length, for runs of kMinRun or more
    QSet<QString> m_opened;        // the first message of each run the user opened
    QSet<int> m_hiddenRows;        // what we hid, so we only ever unhide our own
};

} // namespace confab::ui
