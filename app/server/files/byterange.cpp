// SPDX-License-Identifier: GPL-3.0-or-later
#include "byterange.h"

#include <QList>

namespace confab::server {

namespace {
bool number(const QByteArray &s, qint64 *out)
{
    if (s.isEmpty())
        return false;
    for (const char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    bool ok = false;
    *out = s.toLongLong(&ok);
    return ok;
}
} // namespace

ByteRange ByteRange::parse(const QByteArray &header, qint64 size)
{
    ByteRange r;
    const QByteArray h = header.trimmed();
    if (!h.startsWith("bytes=") || h.contains(','))
        return r;
    const QByteArray spec = h.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return r;
    const QByteArray a = spec.left(dash).trimmed();
    const QByteArray b = spec.mid(dash + 1).trimmed();
    qint64 first = 0, last = 0;
    if (a.isEmpty()) { // "-500": the last 500 bytes
        qint64 suffix = 0;
        if (!number(b, &suffix))
            return r;
        if (suffix == 0 || size == 0) {
            r.unsatisfiable = true;
            return r;
        }
        first = qMax<qint64>(0, size - suffix);
        last = size - 1;
    } else {
        if (!number(a, &first))
            return r;
        if (b.isEmpty())
            last = size - 1;
        else if (!number(b, &last) || last < first)
            return r; // invalid: ignored
        if (first >= size) {
            r.unsatisfiable = true;
            return r;
        }
        last = qMin(last, size - 1);
    }
    r.partial = true;
    r.first = first;
    r.last = last;
    return r;
}

} // namespace confab::server
