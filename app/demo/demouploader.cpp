// SPDX-License-Identifier: GPL-3.0-or-later
#include "demouploader.h"

#include "core/jsondocument.h"

#include <QNetworkReply>
#include <QNetworkRequest>

#include <nlohmann/json.hpp>

namespace confab::demo {

DemoUploader::DemoUploader(QUrl serverUrl, QObject *parent) : QObject(parent), m_filesUrl(std::move(serverUrl))
{
    m_filesUrl.setPath(QStringLiteral("/v1/files"));
}

void DemoUploader::upload(const QString &token, const media::GeneratedFile &file, Done done)
{
    QNetworkRequest request(m_filesUrl);
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, file.mimeType);
    request.setRawHeader("X-Filename", QUrl::toPercentEncoding(file.fileName));
    QNetworkReply *reply = m_network.post(request, file.bytes);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const QByteArray body = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        try {
            const nlohmann::json answer = parseJsonDocument(body, 16);
            if (status == 201 && answer.value("success", false))
                return done(QString::fromStdString(answer.at("data").at("fileId").get<std::string>()), {});
            const std::string message =
                answer.contains("error") ? answer["error"].value("message", std::string()) : std::string();
            done({}, QStringLiteral("upload refused (%1): %2").arg(status).arg(QString::fromStdString(message)));
        } catch (const std::exception &) {
            done({}, QStringLiteral("upload failed (%1): %2").arg(status).arg(reply->errorString()));
        }
    });
}

} // namespace confab::demo
