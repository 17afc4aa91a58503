// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

namespace confab::server {

// Writes a zip archive as a stream, entry by entry, without seeking back: each entry is deflated
// as its bytes come and followed by a data descriptor with its CRC-32 and sizes, and the central
// directory comes last. No zip64: finish() says when the archive would outgrow the classic format
// (4 GiB, 65535 entries), and fits() lets a caller stop adding before that.
class ZipWriter {
public:
    explicit ZipWriter(QDateTime modified = QDateTime::currentDateTime());
    ~ZipWriter();
    ZipWriter(const ZipWriter &) = delete;
    ZipWriter &operator=(const ZipWriter &) = delete;

    // Local header of a new entry (the previous one must be ended). `name` is stored as UTF-8.
    QByteArray beginEntry(const QString &name);
    // Compressed bytes for more of the entry's data (possibly none yet: deflate buffers).
    QByteArray write(const QByteArray &data);
    // The rest of the compressed data and the data descriptor.
    QByteArray endEntry();
    // The central directory and its end record.
    QByteArray finish();

    // Whether an entry of about `size` bytes still fits in the classic format.
    bool fits(qint64 size) const;
    qint64 offset() const { return m_offset; }

private:
    struct Entry {
        QByteArray name;
        quint32 crc = 0;
        quint32 compressedSize = 0;
        quint32 size = 0;
        quint32 localHeaderOffset = 0;
    };
    struct Deflater;

    QByteArray deflate(const QByteArray &data, bool finish);

    quint16 m_dosTime = 0;
    quint16 m_dosDate = 0;
    qint64 m_offset = 0; // bytes of the archive written so far
    std::vector<Entry> m_entries;
    std::unique_ptr<Deflater> m_deflater; // of the open entry
    qint64 m_entrySize = 0;
    qint64 m_entryCompressed = 0;
};

} // namespace confab::server
