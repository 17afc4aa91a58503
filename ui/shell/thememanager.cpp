// SPDX-License-Identifier: GPL-3.0-or-later
#include "thememanager.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>

namespace confab::ui {

namespace {

struct Colors {
    QColor window, windowText, base, alternateBase, text, button, light, midlight, mid, dark, shadow, highlight,
        highlightedText, link, linkVisited, placeholder, toolTipBase, toolTipText, disabledText, disabledHighlight;
};

QPalette build(const Colors &c)
{
    QPalette p;
    for (const QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool off = g == QPalette::Disabled;
        p.setColor(g, QPalette::Window, c.window);
        p.setColor(g, QPalette::WindowText, off ? c.disabledText : c.windowText);
        p.setColor(g, QPalette::Base, off ? c.window : c.base);
        p.setColor(g, QPalette::AlternateBase, c.alternateBase);
        p.setColor(g, QPalette::Text, off ? c.disabledText : c.text);
        p.setColor(g, QPalette::Button, c.button);
        p.setColor(g, QPalette::ButtonText, off ? c.disabledText : c.windowText);
        p.setColor(g, QPalette::BrightText, Qt::white);
        p.setColor(g, QPalette::Light, c.light);
        p.setColor(g, QPalette::Midlight, c.midlight);
        p.setColor(g, QPalette::Mid, c.mid);
        p.setColor(g, QPalette::Dark, c.dark);
        p.setColor(g, QPalette::Shadow, c.shadow);
        p.setColor(g, QPalette::Highlight, off ? c.disabledHighlight : c.highlight);
        p.setColor(g, QPalette::HighlightedText, c.highlightedText);
        p.setColor(g, QPalette::Link, c.link);
        p.setColor(g, QPalette::LinkVisited, c.linkVisited);
        p.setColor(g, QPalette::PlaceholderText, c.placeholder);
        p.setColor(g, QPalette::ToolTipBase, c.toolTipBase);
        p.setColor(g, QPalette::ToolTipText, c.toolTipText);
    }
    return p;
}

} // namespace

ThemeManager::ThemeManager(QObject *parent) : QObject(parent) { qApp->installEventFilter(this); }

ThemeManager::~ThemeManager()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

QPalette ThemeManager::lightPalette()
{
    return build({QColor(0xef, 0xf0, 0xf1),
                  QColor(0x1d, 0x1d, 0x1f),
                  Qt::white,
                  QColor(0xf6, 0xf7, 0xf8),
                  QColor(0x1d, 0x1d, 0x1f),
                  QColor(0xf4, 0xf5, 0xf6),
                  Qt::white,
                  QColor(0xe3, 0xe4, 0xe6),
                  QColor(0xb9, 0xbb, 0xbf),
                  QColor(0x9c, 0x9e, 0xa2),
                  QColor(0x6f, 0x71, 0x75),
                  QColor(0x2f, 0x6f, 0xd0),
                  Qt::white,
                  QColor(0x1a, 0x5f, 0xb4),
                  QColor(0x6a, 0x3f, 0xb0),
                  QColor(0x6e, 0x6e, 0x73),
                  QColor(0xff, 0xff, 0xe1),
                  Qt::black,
                  QColor(0x9a, 0x9a, 0x9e),
                  QColor(0xa8, 0xb8, 0xd0)});
}

QPalette ThemeManager::darkPalette()
{
    return build({QColor(0x2b, 0x2d, 0x31),
                  QColor(0xe6, 0xe6, 0xe8),
                  QColor(0x1e, 0x1f, 0x22),
                  QColor(0x26, 0x28, 0x2c),
                  QColor(0xe6, 0xe6, 0xe8),
                  QColor(0x36, 0x38, 0x3d),
                  QColor(0x4a, 0x4c, 0x52),
                  QColor(0x3c, 0x3e, 0x43),
                  QColor(0x55, 0x57, 0x5c),
                  QColor(0x18, 0x19, 0x1b),
                  QColor(0x0b, 0x0b, 0x0c),
                  QColor(0x3d, 0x7e, 0xd6),
                  Qt::white,
                  QColor(0x6c, 0xa8, 0xf0),
                  QColor(0xb3, 0x92, 0xf0),
                  QColor(0x8c, 0x8f, 0x94),
                  QColor(0x1e, 0x1f, 0x22),
                  QColor(0xe6, 0xe6, 0xe8),
                  QColor(0x6d, 0x70, 0x76),
                  QColor(0x3a, 0x4a, 0x60)});
}

QPalette ThemeManager::highContrastPalette()
{
    const QColor black(Qt::black), white(Qt::white), yellow(0xff, 0xff, 0x00), grey(0xc0, 0xc0, 0xc0);
    QPalette p = build({black,
                        white,
                        black,
                        QColor(0x14, 0x14, 0x14),
                        white,
                        black,
                        white,
                        grey,
                        grey,
                        grey,
                        grey,
                        yellow,
                        black,
                        QColor(0x00, 0xff, 0xff),
                        QColor(0xff, 0x99, 0xff),
                        grey,
                        black,
                        white,
                        QColor(0xa6, 0xa6, 0xa6),
                        QColor(0x80, 0x80, 0x00)});
    // Disabled text on the disabled highlight stays readable too.
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, black);
    return p;
}

bool ThemeManager::isDark(const QPalette &palette) { return palette.color(QPalette::Window).lightness() < 128; }

bool ThemeManager::isDark() const { return isDark(QApplication::palette()); }

QString ThemeManager::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Light: return QStringLiteral("light");
    case Mode::Dark: return QStringLiteral("dark");
    case Mode::HighContrast: return QStringLiteral("high-contrast");
    case Mode::System: break;
    }
    return QStringLiteral("system");
}

ThemeManager::Mode ThemeManager::modeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Mode::Light;
    if (name == QLatin1String("dark"))
        return Mode::Dark;
    if (name == QLatin1String("high-contrast"))
        return Mode::HighContrast;
    return Mode::System;
}

void ThemeManager::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    apply();
}

void ThemeManager::apply()
{
    m_applying = true;
    switch (m_mode) {
    case Mode::Light: QApplication::setPalette(lightPalette()); break;
    case Mode::Dark: QApplication::setPalette(darkPalette()); break;
    case Mode::HighContrast: QApplication::setPalette(highContrastPalette()); break;
    case Mode::System:
        // An empty palette resolves to the platform's (or the style's) again, and keeps
        // following it when the system theme changes.
        QApplication::setPalette(QPalette());
        break;
    }
    m_applying = false;
    announceSoon();
}

void ThemeManager::announceSoon()
{
    // One palette change reaches every widget, and a theme change every window: say it once.
    if (m_announcePending)
        return;
    m_announcePending = true;
    QTimer::singleShot(0, this, [this] {
        m_announcePending = false;
        Q_EMIT paletteChanged(isDark());
    });
}

bool ThemeManager::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ThemeChange && watched->isWindowType() && !m_applying) {
        // The system theme changed: a forced palette stays forced; System follows it already.
        if (m_mode != Mode::System)
            apply();
        else
            announceSoon();
    } else if (event->type() == QEvent::ApplicationPaletteChange && watched == qApp && !m_applying) {
        announceSoon();
    }
    return QObject::eventFilter(watched, event);
}

QColor presenceColor(PresenceStatus status)
{
    switch (status) {
    case PresenceStatus::Online: return QColor(0x2f, 0xa8, 0x4f);
    case PresenceStatus::Away: return QColor(0xe0, 0xa0, 0x00);
    case PresenceStatus::Busy: return QColor(0xd9, 0x3b, 0x3b);
    case PresenceStatus::Offline: break;
    }
    return QColor(0x8c, 0x8f, 0x94);
}

QColor attentionColor(const QPalette &palette)
{
    return ThemeManager::isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
}

} // namespace confab::ui
