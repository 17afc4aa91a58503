#include "appsettings.h"

#include <QSettings>

namespace confab::ui {

namespace {
const QString kTheme = QStringLiteral("appearance/theme");
const QString kNotifications = QStringLiteral("notifications/enabled");
const QString kAutoAway = QStringLiteral("presence/autoAwayMinutes");
const QString kCtrlEnter = QStringLiteral("composer/sendWithCtrlEnter");
} // namespace

AppSettings::AppSettings(QObject *parent) : QObject(parent) {}

ThemeManager::Mode AppSettings::theme() const
{
    return ThemeManager::modeFromName(QSettings().value(kTheme).toString());
}

void AppSettings::setTheme(ThemeManager::Mode mode)
{
    if (mode == theme())
        return;
    QSettings().setValue(kTheme, ThemeManager::modeName(mode));
    Q_EMIT changed();
}

bool AppSettings::notificationsEnabled() const { return QSettings().value(kNotifications, true).toBool(); }

void AppSettings::setNotificationsEnabled(bool enabled)
{
    if (enabled == notificationsEnabled())
        return;
    QSettings().setValue(kNotifications, enabled);
    Q_EMIT changed();
}

bool AppSettings::sendWithCtrlEnter() const { return QSettings().value(kCtrlEnter, false).toBool(); }

void AppSettings::setSendWithCtrlEnter(bool on)
{
    if (on == sendWithCtrlEnter())
        return;
    QSettings().setValue(kCtrlEnter, on);
    Q_EMIT changed();
}

int AppSettings::autoAwayMinutes() const
{
    return qBound(0, QSettings().value(kAutoAway, kDefaultAutoAwayMinutes).toInt(), kMaxAutoAwayMinutes);
}

void AppSettings::setAutoAwayMinutes(int minutes)
{
    minutes = qBound(0, minutes, kMaxAutoAwayMinutes);
    if (minutes == autoAwayMinutes())
        return;
    QSettings().setValue(kAutoAway, minutes);
    Q_EMIT changed();
}

} // namespace confab::ui
