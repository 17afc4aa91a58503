// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shell/thememanager.h"

#include <QObject>

namespace confab::ui {

// The desktop client's preferences, kept in QSettings; changed() tells whoever applies them.
class AppSettings : public QObject {
    Q_OBJECT
public:
    explicit AppSettings(QObject *parent = nullptr);

    ThemeManager::Mode theme() const;
    void setTheme(ThemeManager::Mode mode);
    // The language of the interface: "" follows the system, else "en", "es" or "fr". Read at start
    // (a change applies after a restart, which the settings dialog offers).
    QString language() const;
    void setLanguage(const QString &code);
    static QStringList languages() { return {QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("fr")}; }
    // Mentions and direct messages while the window is not in front.
    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);
    // New messages in the open room read out by screen readers (MessageAnnouncer).
    bool announceMessages() const;
    void setAnnounceMessages(bool on);
    // Ctrl+Enter sends and Enter starts a new line (for long messages); off: Enter sends.
    bool sendWithCtrlEnter() const;
    void setSendWithCtrlEnter(bool on);
    // Away after this many minutes without input; 0: never.
    int autoAwayMinutes() const;
    void setAutoAwayMinutes(int minutes);

    static constexpr int kDefaultAutoAwayMinutes = 10;
    static constexpr int kMaxAutoAwayMinutes = 240;

Q_SIGNALS:
    void changed();

private:
    // Writes the value and tells changed(), if it differs from what is stored.
    void store(const QString &key, const QVariant &value, bool differs);
};

} // namespace confab::ui
