// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/servicecontext.h"

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace confab::server {

// The data export of one user (GET /v1/me/export) as one JSON document, produced a bounded page
// at a time on the storage thread: each next() reads one page from storage and returns its text,
// so no thread ever holds the whole export, however many messages the user wrote.
//   {"format", "exportedAt", "profile", "rooms": [...], "messages": [...], "reactions": [...],
//    "files": [...]}
class AccountExport {
public:
    static constexpr int kPageRows = 500;

    explicit AccountExport(QString userId) : m_userId(std::move(userId)) {}

    // The next piece of the document; empty once done().
    QByteArray next(ServiceContext &ctx);
    bool done() const { return m_section == Section::Done; }
    // The files listed by the pieces returned so far that were not taken yet (for the zip).
    std::vector<FileRecord> takeFiles() { return std::exchange(m_newFiles, {}); }

private:
    enum class Section { Head, Messages, Reactions, Files, Done };

    QByteArray head(ServiceContext &ctx);
    QByteArray messages(ServiceContext &ctx);
    QByteArray reactions(ServiceContext &ctx);
    QByteArray files(ServiceContext &ctx);
    // Appends one array element, with the comma the previous one needs.
    void appendElement(QByteArray &out, const QByteArray &element);

    QString m_userId;
    Section m_section = Section::Head;
    qint64 m_key = 0;    // where the current section's next page starts
    bool m_first = true; // no element written yet in the current array
    std::vector<FileRecord> m_newFiles;
};

} // namespace confab::server
