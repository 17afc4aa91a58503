// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the fuzz targets: turning the fuzzer's bytes into Qt types and into the
// chunks a socket might deliver them in.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace confab::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Splits input into the pieces a stream would deliver, at boundaries the fuzzer chooses (as
// uWebSockets' fuzzing helpers do): the input's last byte says how many chunk lengths follow it,
// read backwards, each byte a chunk length (0 = the rest); the bytes before are the stream. So a
// mutation of the tail moves the boundaries without touching the stream, and an input without a
// tail is one chunk.
struct ChunkedStream {
    QByteArray stream;
    std::vector<qsizetype> chunks; // lengths; their sum is stream.size()

    static ChunkedStream split(const uint8_t *data, size_t size)
    {
        ChunkedStream s;
        size_t count = size > 0 ? data[size - 1] % 16 : 0;
        if (count + 1 > size)
            count = 0;
        const size_t streamSize = count > 0 ? size - 1 - count : size;
        s.stream = bytes(data, streamSize);
        qsizetype pos = 0;
        for (size_t i = 0; i < count && pos < s.stream.size(); ++i) {
            const qsizetype want = data[size - 2 - i];
            const qsizetype n = want == 0 ? s.stream.size() - pos : qMin(want, s.stream.size() - pos);
            s.chunks.push_back(n);
            pos += n;
        }
        if (pos < s.stream.size())
            s.chunks.push_back(s.stream.size() - pos);
        return s;
    }
};

} // namespace confab::fuzz
