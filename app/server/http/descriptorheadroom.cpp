// SPDX-License-Identifier: GPL-3.0-or-later
#include "descriptorheadroom.h"

#include <algorithm>
#include <climits>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace confab::server {

namespace {
int ceilingFromLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return INT_MAX;
    const long long soft = static_cast<long long>(limit.rlim_cur);
    const long long reserve = std::clamp<long long>(soft / 4, 32, 256);
    return int(std::clamp<long long>(soft - reserve, 1, INT_MAX));
}
} // namespace

DescriptorHeadroom::DescriptorHeadroom() : m_ceiling(ceilingFromLimit()) {}

int DescriptorHeadroom::lowestFree(int anyOpen)
{
    const int fd = ::fcntl(anyOpen, F_DUPFD_CLOEXEC, 0);
    if (fd >= 0)
        ::close(fd);
    return fd;
}

} // namespace confab::server
