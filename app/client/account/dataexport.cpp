// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataexport.h"

#include "client/net/errortext.h"

#include "core/jsondocument.h"

#include <QNetworkReply>
#include <QSaveFile>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

namespace confab::client {

DataExport::DataExport(QUrl server, QString token, QObject *parent)
    : QObject(parent), m_server(std::move(server)), m_token(std::move(token))
{
}

DataExport::~DataExport() { cancel(); }

bool DataExport::start(Format format, const QString &destination)
{
    if (m_reply)
        return false;
    m_file = std::make_unique<QSaveFile>(destination);
    if (!m_file->open(QIODevice::WriteOnly)) {
        m_error = m_file->errorString();
        m_file.reset();
        return false;
    }
    m_received = 0;
    m_cancelled = false;
    QUrl url = m_server.resolved(QUrl(QStringLiteral("/v1/me/export")));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("format"),
                       format == Format::Zip ? QStringLiteral("zip") : QStringLiteral("json"));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    // The body is read as it comes (a large export must not pile up in memory here either).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    m_reply = m_nam.get(request);
    m_reply->setReadBufferSize(256 * 1024);
    connect(m_reply, &QIODevice::readyRead, this, &DataExport::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &DataExport::onFinished);
    return true;
}

void DataExport::cancel()
{
    if (!m_reply)
        return;
    m_cancelled = true;
    m_reply->abort(); // finished() follows at once: the file is dropped there
}

void DataExport::onReadyRead()
{
    if (!m_reply || !m_file)
        return;
    // An error answer is a small JSON envelope: keep it for the message, not in the file.
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return;
    const QByteArray chunk = m_reply->readAll();
    if (m_file->write(chunk) != chunk.size()) {
        m_error = m_file->errorString();
        m_reply->abort();
        return;
    }
    m_received += chunk.size();
    Q_EMIT progress(m_received);
}

void DataExport::onFinished()
{
    onReadyRead(); // anything left
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_cancelled || reply->error() != QNetworkReply::NoError || status != 200 || !m_error.isEmpty()) {
        m_file->cancelWriting();
        m_file.reset();
        if (m_cancelled)
            return;
        QString message = m_error;
        if (message.isEmpty() && status != 0 && status != 200) {
            // The server's refusal, in the user's words when the code is known.
            try {
                const nlohmann::json env = parseJsonDocument(reply->readAll(), 16);
                const QString code = QString::fromStdString(env.at("error").value("code", std::string()));
                ErrorCode known = ErrorCode::Internal;
                message = errorCodeFromName(code, known)
                              ? ErrorText::forCode(known)
                              : QString::fromStdString(env.at("error").value("message", std::string()));
            } catch (const std::exception &) {
                message = tr("The server answered %1.").arg(status);
            }
        }
        if (message.isEmpty())
            message = reply->errorString();
        Q_EMIT failed(message);
        return;
    }
    if (!m_file->commit()) {
        const QString why = m_file->errorString();
        m_file.reset();
        Q_EMIT failed(why);
        return;
    }
    const QString path = m_file->fileName();
    m_file.reset();
    Q_EMIT finished(path);
}

} // namespace confab::client
