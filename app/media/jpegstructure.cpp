// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/jpegstructure.h"

#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace confab::media {
namespace {

// Byte-at-a-time reading over a 64 KiB window, with a fast search for the next 0xFF.
class ByteStream {
public:
    explicit ByteStream(QIODevice &in) : m_in(in) {}

    // The next byte, or -1 at the end of the data.
    int next()
    {
        if (m_pos == m_len && !refill())
            return -1;
        return static_cast<unsigned char>(m_buf[m_pos++]);
    }

    bool skip(qint64 count)
    {
        while (count > 0) {
            if (m_pos == m_len && !refill())
                return false;
            const qint64 step = std::min<qint64>(count, m_len - m_pos);
            m_pos += step;
            count -= step;
        }
        return true;
    }

    // Consumes bytes up to and including the next 0xFF; false at the end of the data.
    bool skipPastFF()
    {
        for (;;) {
            if (m_pos == m_len && !refill())
                return false;
            const void *hit = std::memchr(m_buf + m_pos, 0xFF, static_cast<size_t>(m_len - m_pos));
            if (hit) {
                m_pos = static_cast<const char *>(hit) - m_buf + 1;
                return true;
            }
            m_pos = m_len;
        }
    }

private:
    bool refill()
    {
        m_len = m_in.read(m_buf, sizeof m_buf);
        m_pos = 0;
        return m_len > 0;
    }

    QIODevice &m_in;
    char m_buf[64 * 1024];
    qint64 m_pos = 0;
    qint64 m_len = 0;
};

constexpr int kSoi = 0xD8, kEoi = 0xD9, kSos = 0xDA, kTem = 0x01;

bool isRestart(int marker) { return marker >= 0xD0 && marker <= 0xD7; }

// After a 0xFF: skips fill bytes and returns the marker code (-1 at the end).
int markerAfterFF(ByteStream &s)
{
    int code = s.next();
    while (code == 0xFF)
        code = s.next();
    return code;
}

// Skips entropy-coded data (where 0xFF is followed by a stuffed 0x00 or a restart marker) and
// returns the marker that ends it, or -1 at the end of the data.
int markerAfterScan(ByteStream &s)
{
    for (;;) {
        if (!s.skipPastFF())
            return -1;
        const int code = markerAfterFF(s);
        if (code != 0x00 && !isRestart(code))
            return code;
    }
}

} // namespace

bool hasJpegSignature(QIODevice &in)
{
    char head[3];
    if (in.peek(head, 3) != 3)
        return false;
    return head[0] == '\xFF' && head[1] == '\xD8' && head[2] == '\xFF';
}

bool jpegIsComplete(QIODevice &in)
{
    ByteStream s(in);
    if (s.next() != 0xFF || s.next() != kSoi || s.next() != 0xFF)
        return false;
    int marker = markerAfterFF(s);
    for (;;) {
        if (marker < 0)
            return false;
        if (marker == kEoi)
            return true;
        if (marker != kTem && !isRestart(marker)) {
            const int hi = s.next();
            const int lo = s.next();
            if (lo < 0 || (hi << 8 | lo) < 2 || !s.skip((hi << 8 | lo) - 2))
                return false;
        }
        if (marker == kSos) {
            marker = markerAfterScan(s);
            continue;
        }
        if (s.next() != 0xFF)
            return false;
        marker = markerAfterFF(s);
    }
}

} // namespace confab::media
