// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPalette>

#include "core/enums.h"

namespace confab::ui {

// Light, dark and high contrast: follows the system unless the user forces one. Qt 6.4 has no colour-scheme
// query, so "dark" is read from the palette (a dark window colour). Forcing sets the whole
// application palette; System gives the platform's palette back. Everything painted by hand
// takes its colours from the palette, plus the few signal colours below.
class ThemeManager : public QObject {
    Q_OBJECT
public:
    enum class Mode { System, Light, Dark, HighContrast };
    Q_ENUM(Mode)

    explicit ThemeManager(QObject *parent = nullptr);
    ~ThemeManager() override;

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // Whether the palette in use is dark.
    bool isDark() const;

    static QPalette lightPalette();
    static QPalette darkPalette();
    // White on black, yellow selection and focus: every text pair at least 7:1 (WCAG AAA).
    static QPalette highContrastPalette();
    static bool isDark(const QPalette &palette);
    static QString modeName(Mode mode);            // "system", "light", "dark", "high-contrast" (settings)
    static Mode modeFromName(const QString &name); // System for anything unknown

Q_SIGNALS:
    // The palette in use changed: forced by us, or the system's (theme or palette change).
    void paletteChanged(bool dark);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply();
    void announceSoon();

    Mode m_mode = Mode::System;
    bool m_applying = false;
    bool m_announcePending = false;
};

// Colours with a meaning the palette has no role for; readable on the palette's Base.
QColor presenceColor(PresenceStatus status);
QColor attentionColor(const QPalette &palette); // mentions, errors

} // namespace confab::ui
