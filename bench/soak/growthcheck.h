// SPDX-License-Identifier: GPL-3.0-or-later
// The soak's rule for "memory and descriptors did not grow without bound". The first third of
// the run is warm-up (caches fill, the allocator settles); the median of the last third may
// exceed the median of the middle third by at most
//   RSS:          5 % of the middle third's median, but at least 4 MiB;
//   descriptors:  8 (a few connections of the action mix may be open at any one sample).
// A leak of steady size per action shows as the last third above the middle one; medians keep a
// single busy sample from deciding. Runs with fewer than 6 samples are not judged. SQLite's page
// cache (16 MiB) fills as the database grows, for about 15 minutes at the default rates: judge
// memory on runs of 30 minutes or more.
#pragma once

#include "serversampler.h"

#include <string>
#include <vector>

namespace bench::soak {

struct GrowthVerdict {
    bool judged = false;
    double rssMiddleMiB = 0, rssLastMiB = 0, rssAllowedMiB = 0;
    double fdsMiddle = 0, fdsLast = 0, fdsAllowed = 0;
    double rssMiBPerHour = 0; // between the two medians, for the report
    bool rssOk = true, fdsOk = true;
    bool ok() const { return rssOk && fdsOk; }
};

GrowthVerdict checkGrowth(const std::vector<ServerSample> &samples);

} // namespace bench::soak
