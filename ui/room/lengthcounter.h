// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/statuslabel.h"

namespace confab::ui {

class Composer;

// Near the composer from 90 % of the content limit on: "4,512 / 5,000 characters"; over the
// limit, in the attention colour, that the message is too long to send. Hidden below that.
class LengthCounter : public StatusLabel {
    Q_OBJECT
public:
    explicit LengthCounter(Composer *composer, QWidget *parent = nullptr);

    // From this share of the limit on, the counter shows.
    static constexpr double kShowFrom = 0.9;

private:
    void refresh();

    Composer *m_composer;
    int m_shown = -1; // the length on display, -1 when hidden
};

} // namespace confab::ui
