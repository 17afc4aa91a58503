#pragma once

#include <QPlainTextEdit>

namespace confab::ui {

// The message input: Enter sends, Shift+Enter breaks the line, Esc clears, Tab leaves.
class Composer : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

Q_SIGNALS:
    // The trimmed text, not empty; the composer is already cleared.
    void submitted(const QString &text);
    // On every edit that leaves text in the box: for typing notifications.
    void typing();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    QSize sizeHint() const override;
};

} // namespace confab::ui
