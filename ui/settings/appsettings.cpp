// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include <QSettings>

namespace confab::ui {

namespace {
const QString kTheme = QStringLiteral("appearance/theme");
const QString kNotifications = QStringLiteral("notifications/enabled");
const QString kAutoAway = QStringLiteral("presence/autoAwayMinutes");
const QString kLanguage = QStringLiteral("appearance/language");
const QString kAnnounce = QStringLiteral("accessibility/announceMessages");
const QString kCtrlEnter = QStringLiteral("composer/sendWithCtrlEnter");
} // namespace

AppSettings::AppSettings(QObject *parent) : QObject(parent) {}

ThemeManager::Mode AppSettings::theme() const
{
    return ThemeManager::modeFromName(QSettings().value(kTheme).toString());
}

void AppSettings::store(const QString &key, const QVariant &value, bool differs)
{
    if (!differs)
        return;
    QSettings().setValue(key, value);
    Q_EMIT changed();
}

void AppSettings::setTheme(ThemeManager::Mode mode) { store(kTheme, ThemeManager::modeName(mode), mode != theme()); }

QString AppSettings::language() const
{
    const QString code = QSettings().value(kLanguage).toString();
    return languages().contains(code) ? code : QString();
}

void AppSettings::setLanguage(const QString &code)
{
    const QString known = languages().contains(code) ? code : QString();
    store(kLanguage, known, known != language());
}

bool AppSettings::notificationsEnabled() const { return QSettings().value(kNotifications, true).toBool(); }

void AppSettings::setNotificationsEnabled(bool enabled)
{
    store(kNotifications, enabled, enabled != notificationsEnabled());
}

bool AppSettings::announceMessages() const { return QSettings().value(kAnnounce, true).toBool(); }

void AppSettings::setAnnounceMessages(bool on) { store(kAnnounce, on, on != announceMessages()); }

bool AppSettings::sendWithCtrlEnter() const { return QSettings().value(kCtrlEnter, false).toBool(); }

void AppSettings::setSendWithCtrlEnter(bool on) { store(kCtrlEnter, on, on != sendWithCtrlEnter()); }

int AppSettings::autoAwayMinutes() const
{
    return qBound(0, QSettings().value(kAutoAway, kDefaultAutoAwayMinutes).toInt(), kMaxAutoAwayMinutes);
}

void AppSettings::setAutoAwayMinutes(int minutes)
{
    minutes = qBound(0, minutes, kMaxAutoAwayMinutes);
    store(kAutoAway, minutes, minutes != autoAwayMinutes());
}

} // namespace confab::ui
