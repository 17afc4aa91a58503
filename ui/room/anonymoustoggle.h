// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QToolButton>

class QLabel;

namespace confab::ui {

class Composer;

// The composer's "post anonymously" switch (Ctrl+Shift+A), shown only in rooms that allow
// anonymous posts. While it is on, nobody can miss it: the composer gets a coloured frame and the
// placeholder "Posting anonymously…", and a line with a mask above it says the name is hidden.
// Turning the room's setting off, or switching rooms (reset()), turns it off.
class AnonymousToggle : public QToolButton {
    Q_OBJECT
public:
    AnonymousToggle(Composer *composer, QWidget *parent);

    bool isOn() const { return isChecked(); }
    // The line shown above the composer while on; the owner puts it in a layout.
    QLabel *notice() const { return m_notice; }
    // Shown only where the room allows it; hiding it turns it off.
    void setAllowed(bool allowed);
    void reset() { setChecked(false); }

private:
    void apply(bool on);

    Composer *m_composer;
    QLabel *m_notice;
    QString m_placeholder; // the composer's own, put back when turned off
};

} // namespace confab::ui
