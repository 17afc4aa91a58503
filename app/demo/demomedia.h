// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The demo's pictures and documents, made on the spot (nothing is downloaded or shipped): three
// pictures painted with QPainter, a PDF and a CSV file. Text on the pictures needs fonts, and
// fonts need a QGuiApplication: in the desktop's demo mode the pictures carry titles and labels,
// under `confab-server --demo` (QCoreApplication) they speak through shapes and their captions.

#include <QByteArray>
#include <QString>

namespace confab::demo::media {

struct GeneratedFile {
    QString fileName;
    QString mimeType; // what the bytes are (the server detects it again from them)
    QByteArray bytes;
};

enum class DemoFileKind { ActiveUsersChart, Sunset, Whiteboard, PlanningNotesPdf, StandupCsv };

// `seed` varies the picture (numbers, colours, shapes); 0 is the seeded history's version.
GeneratedFile activeUsersChart(quint32 seed = 0); // PNG
GeneratedFile sunsetLandscape(quint32 seed = 0);  // JPEG
GeneratedFile whiteboardSketch(quint32 seed = 0); // PNG
GeneratedFile planningNotesPdf();                 // PDF
GeneratedFile standupCsv();                       // CSV
GeneratedFile generate(DemoFileKind kind, quint32 seed = 0);

// A cast member's avatar: a square portrait-like picture (a face on a coloured background), the
// same for the same seed. PNG, 256 x 256, no text.
GeneratedFile avatarPicture(quint32 seed);

// What a cast member shares live now and then: a fresh picture and a line to go with it.
struct SharedPicture {
    GeneratedFile file;
    QString caption;
};
SharedPicture randomSharedPicture();

} // namespace confab::demo::media
