// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QAbstractItemView;

namespace confab::ui {

// A line of text in the middle of an item view with no rows ("No rooms yet", "No messages yet",
// "No room matches"), so an empty list says why instead of looking broken. The text is asked for
// at each paint; an empty text shows nothing.
class EmptyHint : public QObject {
    Q_OBJECT
public:
    EmptyHint(QAbstractItemView *view, std::function<QString()> text);

    // What is shown now (empty while the view has rows).
    QString text() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QAbstractItemView> m_view;
    std::function<QString()> m_text;
};

} // namespace confab::ui
