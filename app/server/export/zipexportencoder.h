// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportencoder.h"
#include "zipwriter.h"

#include <QFile>
#include <QSet>

#include <deque>

namespace confab::server {

// The export as a zip archive: export.json (deflated as its pieces come), then every file the
// user uploaded under files/ by its original name (made unique: "a.png", "a (2).png"), read from
// the blob store a piece at a time. Quarantined or missing files are listed in the JSON only.
class ZipExportEncoder final : public ExportEncoder {
public:
    static constexpr qint64 kPieceBytes = 256 * 1024;

    // `blobRoot`: the server's blob store (empty when it stores no files).
    explicit ZipExportEncoder(QString blobRoot);

    QByteArray contentType() const override { return QByteArrayLiteral("application/zip"); }
    QByteArray fileName() const override { return QByteArrayLiteral("confab-export.zip"); }
    QByteArray addJson(const QByteArray &piece, std::vector<FileRecord> files) override;
    QByteArray next(bool *more) override;

    // "name.ext", or "name (2).ext" and so on when taken; never a path.
    static QString uniqueName(const QString &fileName, QSet<QString> &taken);

private:
    bool openNextFile(QByteArray &out);

    QString m_blobRoot;
    ZipWriter m_zip;
    bool m_jsonOpen = false;
    std::deque<FileRecord> m_files;
    QFile m_current; // the file being written, when one is open
    QSet<QString> m_names;
};

} // namespace confab::server
