// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/storage.h"

#include <QByteArray>

#include <vector>

namespace confab::server {

// Turns the pieces of an export's JSON document into the bytes of the response body. Called
// by one thread at a time, off the network thread (a zip deflates and reads files).
class ExportEncoder {
public:
    virtual ~ExportEncoder() = default;
    virtual QByteArray contentType() const = 0;
    virtual QByteArray fileName() const = 0;
    // Body bytes for the next piece of the JSON document and the files that piece listed.
    virtual QByteArray addJson(const QByteArray &piece, std::vector<FileRecord> files) = 0;
    // After the last JSON piece: the next bytes of the body; *more is false with the last ones.
    virtual QByteArray next(bool *more) = 0;
};

// The JSON document as it is.
class JsonExportEncoder final : public ExportEncoder {
public:
    QByteArray contentType() const override { return QByteArrayLiteral("application/json"); }
    QByteArray fileName() const override { return QByteArrayLiteral("confab-export.json"); }
    QByteArray addJson(const QByteArray &piece, std::vector<FileRecord>) override { return piece; }
    QByteArray next(bool *more) override
    {
        *more = false;
        return {};
    }
};

} // namespace confab::server
