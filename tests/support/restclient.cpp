// SPDX-License-Identifier: GPL-3.0-or-later
#include "restclient.h"

#include <QNetworkReply>
#include <QSignalSpy>

namespace confab::test {

QString RestReply::errorCode() const
{
    if (!body.is_object() || !body.contains("error"))
        return {};
    return QString::fromStdString(body["error"].value("code", std::string()));
}

QString RestReply::errorField() const
{
    if (!body.is_object() || !body.contains("error") || !body["error"].contains("details"))
        return {};
    return QString::fromStdString(body["error"]["details"].value("field", std::string()));
}

QByteArray RestReply::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

RestReply RestClient::get(const QString &path) { return send("GET", path, {}); }
RestReply RestClient::del(const QString &path) { return send("DELETE", path, {}); }
RestReply RestClient::post(const QString &path, const nlohmann::json &body)
{
    const std::string s = body.dump();
    return send("POST", path, QByteArray(s.data(), qsizetype(s.size())));
}
RestReply RestClient::patch(const QString &path, const nlohmann::json &body)
{
    const std::string s = body.dump();
    return send("PATCH", path, QByteArray(s.data(), qsizetype(s.size())));
}
RestReply RestClient::put(const QString &path, const nlohmann::json &body)
{
    const std::string s = body.dump();
    return send("PUT", path, QByteArray(s.data(), qsizetype(s.size())));
}

RestReply RestClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                           const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    QUrl url = m_base;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    if (!body.isEmpty() || method == "POST" || method == "PATCH" || method == "PUT")
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    for (const auto &[k, v] : extraHeaders)
        request.setRawHeader(k, v);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30000);
    RestReply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.raw = reply->readAll();
    out.headers = reply->rawHeaderPairs();
    out.body = nlohmann::json::parse(out.raw.constData(), out.raw.constData() + out.raw.size(), nullptr, false);
    if (out.body.is_discarded())
        out.body = nullptr;
    reply->deleteLater();
    return out;
}

nlohmann::json RestClient::signUp(const QString &username, const QString &password, const QString &displayName)
{
    nlohmann::json body{{"username", username.toStdString()},
                        {"password", password.toStdString()},
                        {"displayName", (displayName.isEmpty() ? username : displayName).toStdString()}};
    RestReply r = post(QStringLiteral("/v1/auth/register"), body);
    if (r.status == 409)
        r = post(QStringLiteral("/v1/auth/login"), {{"username", body["username"]}, {"password", body["password"]}});
    if (!r.ok())
        return nullptr;
    m_token = QString::fromStdString(r.data()["token"].get<std::string>());
    return r.data()["user"];
}

} // namespace confab::test
