// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace confab::test {

struct RestReply {
    int status = 0;      // 0 when no HTTP answer came
    nlohmann::json body; // parsed JSON (null when not JSON)
    QByteArray raw;
    QList<QPair<QByteArray, QByteArray>> headers;

    bool ok() const { return status >= 200 && status < 300 && body.value("success", false); }
    nlohmann::json data() const { return body.contains("data") ? body["data"] : nlohmann::json(); }
    QString errorCode() const;
    QString errorField() const;
    QByteArray header(const QByteArray &name) const;
};

// Calls the server's REST API and waits for the answer while running the event loop (client and
// server may share a thread, so no blocking socket waits).
class RestClient {
public:
    explicit RestClient(QUrl base) : m_base(std::move(base)) {}
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }

    RestReply get(const QString &path);
    RestReply del(const QString &path);
    RestReply post(const QString &path, const nlohmann::json &body = nlohmann::json::object());
    RestReply patch(const QString &path, const nlohmann::json &body);
    RestReply put(const QString &path, const nlohmann::json &body);
    RestReply send(const QByteArray &method, const QString &path, const QByteArray &body,
                   const QByteArray &contentType = "application/json",
                   const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});

    // Registers (or logs in if the name is taken) and keeps the token. Returns the user JSON.
    nlohmann::json signUp(const QString &username, const QString &password = QStringLiteral("correct horse"),
                          const QString &displayName = {});

private:
    QUrl m_base;
    QString m_token;
    QNetworkAccessManager m_nam;
};

// A JSON string as a QString (empty when it is not a string).
inline QString qs(const nlohmann::json &j)
{
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
}

} // namespace confab::test
