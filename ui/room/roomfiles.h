// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include "viewer/imageviewer.h" // complete for QPointer

class QAction;
class QMenu;
class QModelIndex;
class QToolButton;

namespace confab {
struct Attachment;
}
namespace confab::client {
class ChatEngine;
}

namespace confab::ui {

class AttachmentActions;
class AttachmentStrip;
class Composer;
class ImageViewer;
class ThumbnailCache;
class TimelineView;

// Files in one room view. Sending: the attach button and Ctrl+U (a file dialog), files dropped on
// the timeline or the composer, an image pasted into the composer (saved as PNG off the GUI
// thread) all go to the strip above the composer; Enter sends them with the text as caption.
// Receiving: the timeline's images and file chips open on click or Enter (images in the viewer,
// other files in their program), and every file has "Open" and "Save as…" in the message menu and
// on keys; a pending message's upload can be cancelled.
class RoomFiles : public QObject {
    Q_OBJECT
public:
    RoomFiles(TimelineView *timeline, Composer *composer, QObject *parent);

    void open(client::ChatEngine *engine, const QString &roomId);
    void clear();

    AttachmentStrip *strip() const { return m_strip; }
    QToolButton *attachButton() const { return m_attachButton; }
    QAction *attachAction() const { return m_attach; }
    QAction *openAction() const { return m_open; }
    QAction *saveAction() const { return m_save; }
    QAction *cancelUploadAction() const { return m_cancelUpload; }
    ThumbnailCache *thumbnails() const { return m_thumbnails; }
    AttachmentActions *actions() const { return m_actions; }
    ImageViewer *viewer() const { return m_viewer; }

    // What the attach button does after its dialog: adds the files to the strip.
    void attachFiles(const QStringList &paths);
    // Saves a pasted image as PNG (off the GUI thread) and attaches it.
    void attachImage(const QImage &image);
    // Sends the strip's files with `caption`; false when there are none.
    bool sendWith(const QString &caption, const QString &replyTo, bool anonymous = false);
    // Opens the viewer on an image of the message at `row` (proxy row of the timeline).
    void openImage(const QModelIndex &index, int attachment);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseFiles();
    void activate(const QModelIndex &index, int attachment);
    void addMenuEntries(QMenu *menu, const QModelIndex &index);
    void updateActions();

    TimelineView *m_timeline;
    Composer *m_composer;
    QPointer<client::ChatEngine> m_engine;
    QString m_roomId;
    AttachmentStrip *m_strip;
    ThumbnailCache *m_thumbnails;
    AttachmentActions *m_actions;
    QToolButton *m_attachButton;
    QAction *m_attach;
    QAction *m_open;
    QAction *m_save;
    QAction *m_cancelUpload;
    QPointer<ImageViewer> m_viewer;
};

} // namespace confab::ui
