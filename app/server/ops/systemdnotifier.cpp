// SPDX-License-Identifier: GPL-3.0-or-later
#include "systemdnotifier.h"

#include <QByteArray>
#include <QString>

#ifdef CONFAB_WITH_SYSTEMD
#include <systemd/sd-daemon.h>
#else
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

namespace confab::server {

#ifdef CONFAB_WITH_SYSTEMD

bool SystemdNotifier::notify(const char *state) { return sd_notify(0, state) > 0; }

qint64 SystemdNotifier::watchdogIntervalUs()
{
    uint64_t usec = 0;
    return sd_watchdog_enabled(0, &usec) > 0 ? qint64(usec) : 0;
}

#else

bool SystemdNotifier::notify(const char *state)
{
    const QByteArray path = qgetenv("NOTIFY_SOCKET");
    sockaddr_un address{};
    if (path.isEmpty() || std::size_t(path.size()) >= sizeof(address.sun_path))
        return false;
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), std::size_t(path.size()));
    if (address.sun_path[0] == '@')
        address.sun_path[0] = '\0'; // an abstract socket
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const socklen_t length = socklen_t(offsetof(sockaddr_un, sun_path) + std::size_t(path.size()));
    const bool sent = ::sendto(fd, state, std::strlen(state), MSG_NOSIGNAL | MSG_DONTWAIT,
                               reinterpret_cast<sockaddr *>(&address), length) >= 0;
    ::close(fd);
    return sent;
}

qint64 SystemdNotifier::watchdogIntervalUs()
{
    bool ok = false;
    const qint64 usec = qEnvironmentVariable("WATCHDOG_USEC").toLongLong(&ok);
    if (!ok || usec <= 0)
        return 0;
    const QByteArray pid = qgetenv("WATCHDOG_PID");
    if (!pid.isEmpty() && pid.toLongLong() != qint64(::getpid()))
        return 0; // meant for another process
    return usec;
}

#endif

} // namespace confab::server
