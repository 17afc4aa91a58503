// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace confab::demo {

// A one-page A4 PDF with a title and lines of text, written by hand: QPdfWriter needs fonts, and
// fonts need a QGuiApplication, which `confab-server --demo` does not have. PDF's standard
// Helvetica needs no embedding. Text outside Latin-1 becomes '?'; a line starting with "• " is a
// bullet point.
QByteArray simpleTextPdf(const QString &title, const QStringList &lines);

} // namespace confab::demo
