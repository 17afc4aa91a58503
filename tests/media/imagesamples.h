// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QColor>
#include <QSize>
#include <QString>

// Test images made on the spot (nothing downloaded, no binaries in the repository).
namespace confab::testimages {

// A photo-like JPEG (gradients, shapes) with a red square in its top-left corner, so that a
// rotation can be seen; with `icc` the Display P3 colour profile is embedded.
bool writePhotoJpeg(const QString &path, QSize size, bool icc = false);
// A PNG of that photo, optionally with a transparent background (an opaque square in the middle).
bool writePhotoPng(const QString &path, QSize size, bool transparent = false);
// A valid PNG that declares `size` pixels of `channels` x 8 bits, all zero: rows are deflated one by
// one, so huge sizes compress to a small file (a decompression bomb) without a big buffer here.
bool writeZeroPng(const QString &path, QSize size, int channels);
// An animated GIF: one solid-colour frame per colour.
bool writeAnimatedGif(const QString &path, QSize size, const QList<QColor> &frames);

// Runs exiftool with the arguments; its standard output, or a null array when it failed.
QByteArray exiftool(const QStringList &arguments);

} // namespace confab::testimages
