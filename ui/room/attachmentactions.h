// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include "client/models/mediacache.h" // complete for QPointer

class QWidget;

namespace confab::ui {

// "Open" and "Save as…" for any attachment: Open downloads the original once into the account's
// media cache (under its own name, so the desktop picks the right program) and hands it to
// QDesktopServices; Save as asks where and streams the download there. Errors come back as
// failed(), for the view's notice line. A pending message's local file opens as it is.
class AttachmentActions : public QObject {
    Q_OBJECT
public:
    explicit AttachmentActions(QWidget *window, QObject *parent = nullptr);

    void setMedia(client::MediaCache *media);
    client::MediaCache *media() const { return m_media; }
    void open(const Attachment &a);
    void saveAs(const Attachment &a);
    // Saves without asking (tests, and "Save as…" after the dialog).
    void saveTo(const Attachment &a, const QString &path);

Q_SIGNALS:
    void opened(const QString &localPath);
    void saved(const QString &path);
    void failed(const QString &message);

private:
    QWidget *m_window;
    QPointer<client::MediaCache> m_media;
    QHash<QString, QString> m_toOpen; // fileId -> its name, opened when downloaded
};

} // namespace confab::ui
