// SPDX-License-Identifier: GPL-3.0-or-later
#include "zipexportencoder.h"

#include "files/blobstore.h"

#include <QFileInfo>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcExport)

namespace confab::server {

ZipExportEncoder::ZipExportEncoder(QString blobRoot) : m_blobRoot(std::move(blobRoot)) {}

QString ZipExportEncoder::uniqueName(const QString &fileName, QSet<QString> &taken)
{
    QString name = fileName;
    name.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String(".."))
        name = QStringLiteral("file");
    const QFileInfo info(name);
    const QString base = info.completeBaseName().isEmpty() ? name : info.completeBaseName();
    const QString suffix =
        info.completeBaseName().isEmpty() || info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    QString candidate = name;
    for (int n = 2; taken.contains(candidate.toCaseFolded()); ++n)
        candidate = QStringLiteral("%1 (%2)%3").arg(base, QString::number(n), suffix);
    taken.insert(candidate.toCaseFolded());
    return candidate;
}

QByteArray ZipExportEncoder::addJson(const QByteArray &piece, std::vector<FileRecord> files)
{
    QByteArray out;
    if (!m_jsonOpen) {
        out += m_zip.beginEntry(QStringLiteral("export.json"));
        m_jsonOpen = true;
    }
    out += m_zip.write(piece);
    for (FileRecord &f : files) {
        if (!f.quarantined && !m_blobRoot.isEmpty())
            m_files.push_back(std::move(f));
    }
    return out;
}

// Opens the next file that can be read and begins its entry; false when none is left.
bool ZipExportEncoder::openNextFile(QByteArray &out)
{
    const BlobStore blobs(m_blobRoot);
    while (!m_files.empty()) {
        const FileRecord f = std::move(m_files.front());
        m_files.pop_front();
        m_current.setFileName(blobs.blobPath(f.sha256));
        if (!m_current.open(QIODevice::ReadOnly)) {
            qCWarning(lcExport) << "export: file" << f.fileId << "has no readable blob; listed only";
            continue;
        }
        if (!m_zip.fits(m_current.size())) {
            qCWarning(lcExport) << "export: the archive reached the zip size limit; file" << f.fileId << "listed only";
            m_current.close();
            continue;
        }
        out += m_zip.beginEntry(QStringLiteral("files/") + uniqueName(f.fileName, m_names));
        return true;
    }
    return false;
}

QByteArray ZipExportEncoder::next(bool *more)
{
    QByteArray out;
    *more = true;
    if (m_jsonOpen) {
        out += m_zip.endEntry();
        m_jsonOpen = false;
        return out;
    }
    if (!m_current.isOpen() && !openNextFile(out)) {
        out += m_zip.finish();
        *more = false;
        return out;
    }
    const QByteArray piece = m_current.read(kPieceBytes);
    out += m_zip.write(piece);
    if (piece.size() < kPieceBytes) {
        m_current.close();
        out += m_zip.endEntry();
    }
    return out;
}

} // namespace confab::server
