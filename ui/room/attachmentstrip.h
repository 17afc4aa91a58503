// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/sync/localstore.h" // OutgoingFile

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace confab::ui {

class ThumbnailCache;

// What is about to be sent, above the composer: each file as a thumbnail (images) or a chip with
// its name and size, with a remove button; Delete or Backspace removes the focused one. The
// composer's text becomes the caption. Hidden while empty.
class AttachmentStrip : public QWidget {
    Q_OBJECT
public:
    explicit AttachmentStrip(QWidget *parent = nullptr);

    void setThumbnails(ThumbnailCache *thumbnails);
    // Describes the local file (MIME type from its bytes, an image's size from its header) and
    // adds it; false, with a reason, when it cannot be read.
    bool addFile(const QString &path, QString *why = nullptr);
    void removeAt(int index);
    void clear();
    const std::vector<client::OutgoingFile> &files() const { return m_files; }
    bool isEmpty() const { return m_files.empty(); }
    // Takes the files out (the message goes to the outbox).
    std::vector<client::OutgoingFile> take();

    static constexpr int kMaxFiles = 10;

Q_SIGNALS:
    void changed();

private:
    void rebuild();
    void updatePreviews();

    std::vector<client::OutgoingFile> m_files;
    ThumbnailCache *m_thumbnails = nullptr;
    QHBoxLayout *m_layout;
    QList<QLabel *> m_previews; // per file; decoded off the GUI thread by the cache
};

} // namespace confab::ui
