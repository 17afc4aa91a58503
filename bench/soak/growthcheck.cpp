// SPDX-License-Identifier: GPL-3.0-or-later
#include "growthcheck.h"

#include <algorithm>

namespace bench::soak {

namespace {
template<typename Get> double median(const std::vector<ServerSample> &s, size_t from, size_t to, Get get)
{
    std::vector<double> v;
    for (size_t i = from; i < to; ++i)
        v.push_back(get(s[i]));
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
} // namespace

GrowthVerdict checkGrowth(const std::vector<ServerSample> &samples)
{
    GrowthVerdict g;
    const size_t n = samples.size();
    if (n < 6)
        return g;
    g.judged = true;
    const size_t a = n / 3, b = 2 * n / 3;
    const auto rss = [](const ServerSample &s) { return s.rssMiB; };
    const auto fds = [](const ServerSample &s) { return double(s.fds); };
    const auto at = [](const ServerSample &s) { return s.seconds; };
    g.rssMiddleMiB = median(samples, a, b, rss);
    g.rssLastMiB = median(samples, b, n, rss);
    g.rssAllowedMiB = g.rssMiddleMiB + std::max(0.05 * g.rssMiddleMiB, 4.0);
    g.fdsMiddle = median(samples, a, b, fds);
    g.fdsLast = median(samples, b, n, fds);
    g.fdsAllowed = g.fdsMiddle + 8;
    const double hours = (median(samples, b, n, at) - median(samples, a, b, at)) / 3600.0;
    g.rssMiBPerHour = hours > 0 ? (g.rssLastMiB - g.rssMiddleMiB) / hours : 0;
    g.rssOk = g.rssLastMiB <= g.rssAllowedMiB;
    g.fdsOk = g.fdsLast <= g.fdsAllowed;
    return g;
}

} // namespace bench::soak
