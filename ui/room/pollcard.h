// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/poll.h"

#include <QCoreApplication>
#include <QFont>
#include <QPalette>
#include <QRect>

class QPainter;

namespace confab::ui {

// A poll as the timeline paints it: the question, a line saying what kind of poll it is and
// whether it is closed, one bar per option (its share of the votes, the count, a check on the
// reader's own choice) and the number of voters. Painted, not a widget, like the rest of a
// message (MessageDelegate calls it); the same geometry answers which option is at a point.
class PollCard {
    Q_DECLARE_TR_FUNCTIONS(PollCard)
public:
    static constexpr int kMaxWidth = 440;

    static int height(const Poll &poll, const QFont &font, int width);
    static void paint(QPainter *painter, const QRect &rect, const Poll &poll, const QFont &font,
                      const QPalette &palette, qint64 nowMs);
    // The option whose bar is at `pos` (same coordinates as rect), or empty.
    static QString optionAt(const QRect &rect, const Poll &poll, const QFont &font, const QPoint &pos);

    // "Single choice · anonymous · closes Friday 14:00", or "Closed".
    static QString kindText(const Poll &poll, qint64 nowMs);
    // "3 votes"
    static QString votesText(int votes);
    static QString votersText(int voters); // "3 voters"
    // What a screen reader hears: "Poll: Lunch? Pizza 3 votes, Sushi 1 vote. You voted Pizza. Closed."
    static QString accessibleText(const Poll &poll, qint64 nowMs);

private:
    struct Geometry {
        QRect question;
        QRect kind;
        QList<QRect> options;
        QRect footer;
        int height = 0;
    };
    static Geometry geometry(const QRect &rect, const Poll &poll, const QFont &font);
};

} // namespace confab::ui
