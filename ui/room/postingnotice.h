// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace confab::ui {

// A line above the composer saying why it cannot send now: a coloured badge ("Muted", "Read
// only", "Slow mode") and the sentence ("You are muted in this room until 14:05.").
class PostingNotice : public QWidget {
    Q_OBJECT
public:
    enum class Kind { Muted, ReadOnly, SlowMode };

    explicit PostingNotice(QWidget *parent = nullptr);

    // Hides the notice when text is empty.
    void showNotice(Kind kind, const QString &text);
    void clearNotice();
    QString text() const { return m_text; }
    QString badge() const;
    Kind kind() const { return m_kind; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // A long reason wraps onto more lines rather than being cut off.
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int badgeWidth() const;
    QRect textRect(int width) const;

    Kind m_kind = Kind::ReadOnly;
    QString m_text;
};

} // namespace confab::ui
