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

void AppSettings::store(const QString &key, const QVariant &value, bool differs)
{
    if (!differs)
        return;
    QSettings().setValue(key, value);
    Q_EMIT changed();
}

void AppSettings::setTheme(ThemeManager::Mode mode) { store(kTheme, ThemeManager::modeName(mode), mode != theme()); }

bool AppSettings::notificationsEnabled() const { return QSettings().value(kNotifications, true).toBool(); }

void AppSettings::setNotificationsEnabled(bool enabled)
{
    store(kNotifications, enabled, enabled != notificationsEnabled());
}

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
