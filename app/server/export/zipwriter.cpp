// SPDX-License-Identifier: GPL-3.0-or-later
#include "zipwriter.h"

#include <QtEndian>

#include <stdexcept>

#include <zlib.h>

namespace confab::server {

namespace {

constexpr quint16 kVersionNeeded = 20;      // 2.0: deflate, data descriptors
constexpr quint16 kFlags = 0x0008 | 0x0800; // sizes in a data descriptor; UTF-8 names
constexpr quint16 kDeflated = 8;
constexpr qint64 kClassicLimit = 0xFFFFFFFFLL - 1; // past this, offsets and sizes need zip64
constexpr int kMaxEntries = 0xFFFF - 1;

void put16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

void put32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

} // namespace

struct ZipWriter::Deflater {
    z_stream z{};
    quint32 crc = 0;
    Deflater()
    {
        // Raw deflate (negative window bits): the zip entry has its own header and CRC.
        if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            throw std::runtime_error("deflateInit2 failed");
        crc = quint32(crc32(0L, Z_NULL, 0));
    }
    ~Deflater() { deflateEnd(&z); }
};

ZipWriter::ZipWriter(QDateTime modified)
{
    const QDate d = modified.date();
    const QTime t = modified.time();
    m_dosDate = quint16(((qMax(d.year(), 1980) - 1980) << 9) | (d.month() << 5) | d.day());
    m_dosTime = quint16((t.hour() << 11) | (t.minute() << 5) | (t.second() / 2));
}

ZipWriter::~ZipWriter() = default;

bool ZipWriter::fits(qint64 size) const
{
    // Deflate can grow incompressible data a little; headers and the directory need room too.
    return int(m_entries.size()) < kMaxEntries && m_offset + size + size / 100 + 64 * 1024 < kClassicLimit;
}

QByteArray ZipWriter::beginEntry(const QString &name)
{
    Entry e;
    e.name = name.toUtf8();
    e.localHeaderOffset = quint32(m_offset);
    QByteArray out;
    put32(out, 0x04034b50);
    put16(out, kVersionNeeded);
    put16(out, kFlags);
    put16(out, kDeflated);
    put16(out, m_dosTime);
    put16(out, m_dosDate);
    put32(out, 0); // CRC-32 and sizes follow the data, in the descriptor
    put32(out, 0);
    put32(out, 0);
    put16(out, quint16(e.name.size()));
    put16(out, 0);
    out += e.name;
    m_entries.push_back(std::move(e));
    m_deflater = std::make_unique<Deflater>();
    m_entrySize = 0;
    m_entryCompressed = 0;
    m_offset += out.size();
    return out;
}

QByteArray ZipWriter::deflate(const QByteArray &data, bool finish)
{
    z_stream &z = m_deflater->z;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    QByteArray out;
    char buffer[64 * 1024];
    int rc = Z_OK;
    do {
        z.next_out = reinterpret_cast<Bytef *>(buffer);
        z.avail_out = sizeof buffer;
        rc = ::deflate(&z, finish ? Z_FINISH : Z_NO_FLUSH);
        if (rc == Z_STREAM_ERROR)
            throw std::runtime_error("deflate failed");
        out.append(buffer, qsizetype(sizeof buffer - z.avail_out));
    } while (z.avail_out == 0 || (finish && rc != Z_STREAM_END));
    return out;
}

QByteArray ZipWriter::write(const QByteArray &data)
{
    if (data.isEmpty())
        return {};
    m_deflater->crc =
        quint32(crc32(m_deflater->crc, reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
    m_entrySize += data.size();
    QByteArray out = deflate(data, false);
    m_entryCompressed += out.size();
    m_offset += out.size();
    return out;
}

QByteArray ZipWriter::endEntry()
{
    QByteArray out = deflate({}, true);
    m_entryCompressed += out.size();
    Entry &e = m_entries.back();
    e.crc = m_deflater->crc;
    e.size = quint32(m_entrySize);
    e.compressedSize = quint32(m_entryCompressed);
    m_deflater.reset();
    put32(out, 0x08074b50);
    put32(out, e.crc);
    put32(out, e.compressedSize);
    put32(out, e.size);
    m_offset += out.size();
    return out;
}

QByteArray ZipWriter::finish()
{
    QByteArray out;
    const qint64 directoryStart = m_offset;
    for (const Entry &e : m_entries) {
        put32(out, 0x02014b50);
        put16(out, kVersionNeeded); // made by: 2.0
        put16(out, kVersionNeeded);
        put16(out, kFlags);
        put16(out, kDeflated);
        put16(out, m_dosTime);
        put16(out, m_dosDate);
        put32(out, e.crc);
        put32(out, e.compressedSize);
        put32(out, e.size);
        put16(out, quint16(e.name.size()));
        put16(out, 0); // extra
        put16(out, 0); // comment
        put16(out, 0); // disk
        put16(out, 0); // internal attributes
        put32(out, 0); // external attributes
        put32(out, e.localHeaderOffset);
        out += e.name;
    }
    const qint64 directorySize = out.size();
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, quint16(m_entries.size()));
    put16(out, quint16(m_entries.size()));
    put32(out, quint32(directorySize));
    put32(out, quint32(directoryStart));
    put16(out, 0);
    m_offset += out.size();
    return out;
}

} // namespace confab::server
