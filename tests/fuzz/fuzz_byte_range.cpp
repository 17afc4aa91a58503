// SPDX-License-Identifier: GPL-3.0-or-later
// The Range header of file downloads (ByteRange::parse). The first 4 bytes give the file size.
// A satisfiable range always lies inside the file.

#include "fuzzinput.h"

#include "files/byterange.h"

#include <cstdlib>

using namespace confab::server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    const qint64 fileSize = qint64(data[0]) << 24 | qint64(data[1]) << 16 | qint64(data[2]) << 8 | data[3];
    const ByteRange range = ByteRange::parse(confab::fuzz::bytes(data + 4, size - 4), fileSize);
    if (range.partial && range.unsatisfiable)
        std::abort();
    if (range.partial && (range.first < 0 || range.first > range.last || range.last >= fileSize))
        std::abort();
    return 0;
}
