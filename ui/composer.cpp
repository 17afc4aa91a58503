#include "composer.h"

#include <QKeyEvent>

namespace confab::ui {

Composer::Composer(QWidget *parent) : QPlainTextEdit(parent)
{
    setAccessibleName(tr("Message"));
    setPlaceholderText(tr("Write a message… (Enter sends, Shift+Enter for a new line)"));
    setTabChangesFocus(true); // Tab moves focus, it does not insert a tab
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!document()->isEmpty())
            Q_EMIT typing();
    });
}

QSize Composer::sizeHint() const
{
    // About three lines: enough to see a short multi-line message without taking the timeline.
    const int lines = 3;
    return {QPlainTextEdit::sizeHint().width(),
            fontMetrics().lineSpacing() * lines + 2 * (frameWidth() + int(document()->documentMargin()))};
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        const QString text = toPlainText().trimmed();
        if (!text.isEmpty()) {
            clear();
            Q_EMIT submitted(text);
        }
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && !document()->isEmpty()) {
        clear();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace confab::ui
