// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace confab::server {

// One byte range from a Range header (RFC 9110 14.2) against a file of `size` bytes. Anything
// but a single "bytes=" range (several ranges, other units, nonsense) is ignored: the whole file
// is sent, which the RFC allows.
struct ByteRange {
    bool partial = false;       // send first..last with 206
    bool unsatisfiable = false; // 416: the range starts past the end
    qint64 first = 0;
    qint64 last = 0; // inclusive

    static ByteRange parse(const QByteArray &header, qint64 size);
};

} // namespace confab::server
