// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkAccessManager>
#include <QNetworkReply> // complete for QPointer
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QSaveFile;

namespace confab::client {

// Downloads the user's data export (GET /v1/me/export, JSON or a zip with their files) into a
// file: written as it arrives to a temporary file beside the destination, renamed over it only
// once the whole export came (QSaveFile), so a cancelled or broken download leaves nothing
// half-written behind. The server streams it, so its size is not known beforehand: progress
// counts the bytes received.
class DataExport : public QObject {
    Q_OBJECT
public:
    enum class Format { Json, Zip };

    DataExport(QUrl server, QString token, QObject *parent = nullptr);
    ~DataExport() override;

    // False (with failed() not emitted) when the destination cannot be written; the reason is
    // in errorString().
    bool start(Format format, const QString &destination);
    void cancel();
    bool isRunning() const { return m_reply != nullptr; }
    qint64 received() const { return m_received; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void progress(qint64 bytesReceived);
    void finished(const QString &path);
    void failed(const QString &message);

private:
    void onReadyRead();
    void onFinished();

    QUrl m_server;
    QString m_token;
    QNetworkAccessManager m_nam;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<QSaveFile> m_file;
    qint64 m_received = 0;
    QString m_error;
    bool m_cancelled = false;
};

} // namespace confab::client
