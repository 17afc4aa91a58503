// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demomedia.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

namespace confab::demo {

// Uploads a generated file as a demo user through the REST API (`POST /v1/files`), like any
// client would, and hands back the new file's id (or why it failed).
class DemoUploader : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const QString &fileId, const QString &error)>;

    // serverUrl: http://127.0.0.1:PORT
    explicit DemoUploader(QUrl serverUrl, QObject *parent = nullptr);

    // `done` runs on this object's thread, never after the uploader is gone.
    void upload(const QString &token, const media::GeneratedFile &file, Done done);

private:
    QUrl m_filesUrl;
    QNetworkAccessManager m_network;
};

} // namespace confab::demo
