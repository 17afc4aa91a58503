// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/exiv2setup.h"

#include <exiv2/exiv2.hpp>

#include <mutex>

namespace confab::media {
namespace {

// Exiv2's XMP toolkit registers namespaces in global tables; this lock serialises that across
// the worker threads.
std::mutex xmpMutex;

void lockXmp(void *, bool lock)
{
    if (lock)
        xmpMutex.lock();
    else
        xmpMutex.unlock();
}

} // namespace

void ensureExiv2Ready()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
        Exiv2::XmpParser::initialize(lockXmp, nullptr);
    });
}

} // namespace confab::media
