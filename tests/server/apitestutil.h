// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the server's integration tests (tst_rest, tst_realtime, tst_durability):
// accounts with their own REST client, rooms, messages, and failure messages that show what
// the server answered.

#include "restclient.h"
#include "testserver.h"
#include "wsclient.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <memory>

namespace confab::test {

using nlohmann::json;

inline std::string ss(const QString &s) { return s.toStdString(); }

// "expected 201, got 422: {...}" for QVERIFY2.
inline QByteArray describe(const RestReply &r, int expected)
{
    return "expected HTTP " + QByteArray::number(expected) + ", got " + QByteArray::number(r.status) + ": " +
           r.raw.left(600);
}

inline QByteArray dumpJson(const json &j)
{
    const std::string s = j.dump();
    return QByteArray(s.data(), qsizetype(s.size())).left(800);
}

// A registered user with their own REST client (and token).
struct Account {
    std::unique_ptr<RestClient> rest;
    QString id;
    QString username;
    QString displayName;
    json user;

    RestClient *operator->() const { return rest.get(); }
    QString token() const { return rest->token(); }
};

// Registers `username` on the server (logs in if it exists). `id` is empty on failure.
inline Account makeAccount(const TestServer &server, const QString &username, const QString &displayName = {})
{
    Account a;
    a.rest = std::make_unique<RestClient>(server.httpUrl());
    a.username = username;
    a.displayName = displayName.isEmpty() ? username : displayName;
    a.user = a.rest->signUp(username, QStringLiteral("correct horse"), a.displayName);
    if (a.user.is_object())
        a.id = qs(a.user["userId"]);
    else
        qWarning("could not sign up %s", qPrintable(username));
    return a;
}

// DELETE /v1/me with the account's password (erasure asks for it).
inline RestReply eraseAccount(const Account &a, const QString &password = QStringLiteral("correct horse"))
{
    return a->send("DELETE", QStringLiteral("/v1/me"),
                   QByteArray::fromStdString(json{{"password", ss(password)}}.dump()));
}

// Creates a room and returns it (null on failure, with the answer in the log).
inline json createRoom(const Account &owner, const QString &name, const QString &type, const QStringList &members = {},
                       const json &extra = json::object())
{
    json body = extra;
    body["name"] = ss(name);
    body["type"] = ss(type);
    if (!members.isEmpty()) {
        json list = json::array();
        for (const QString &m : members)
            list.push_back(ss(m));
        body["members"] = list;
    }
    const RestReply r = owner->post(QStringLiteral("/v1/chat/rooms"), body);
    if (r.status != 201) {
        qWarning("creating room %s failed: %s", qPrintable(name), describe(r, 201).constData());
        return nullptr;
    }
    return r.data();
}

inline QString roomPath(const QString &roomId, const QString &rest = {})
{
    return QStringLiteral("/v1/chat/rooms/") + roomId + rest;
}

// Posts a message and returns it (null on failure).
inline json postMessage(const Account &author, const QString &roomId, const QString &content,
                        const json &extra = json::object())
{
    json body = extra;
    body["content"] = ss(content);
    const RestReply r = author->post(roomPath(roomId, QStringLiteral("/messages")), body);
    if (r.status != 201) {
        qWarning("sending to %s failed: %s", qPrintable(roomId), describe(r, 201).constData());
        return nullptr;
    }
    return r.data();
}

// The messages people wrote: without the server's system lines (joins, room changes, ...).
inline json withoutSystemLines(const json &messages)
{
    json out = json::array();
    for (const json &m : messages) {
        if (m.value("type", std::string()) != "system")
            out.push_back(m);
    }
    return out;
}

// How many messages people wrote on a history page (GET .../messages).
inline std::size_t writtenCount(const RestReply &page) { return withoutSystemLines(page.data()["messages"]).size(); }

// All messages of a room, oldest first, read page by page with `after`; the server's system
// lines only when asked for.
inline std::vector<json> fullHistory(const Account &reader, const QString &roomId, bool *ok = nullptr,
                                     bool withSystemLines = false)
{
    std::vector<json> all;
    if (ok)
        *ok = false;
    // The first page: the oldest messages come from walking `before` back from the newest.
    RestReply r = reader->get(roomPath(roomId, QStringLiteral("/messages?limit=100")));
    if (r.status != 200)
        return all;
    json page = r.data();
    std::vector<json> newestFirstPages{page};
    while (page["pagination"].value("hasMore", false)) {
        const QString before = qs(page["messages"].front()["messageId"]);
        r = reader->get(roomPath(roomId, QStringLiteral("/messages?limit=100&before=") + before));
        if (r.status != 200)
            return all;
        page = r.data();
        newestFirstPages.push_back(page);
    }
    for (auto it = newestFirstPages.rbegin(); it != newestFirstPages.rend(); ++it) {
        for (const json &m : (*it)["messages"]) {
            if (withSystemLines || m.value("type", std::string()) != "system")
                all.push_back(m);
        }
    }
    if (ok)
        *ok = true;
    return all;
}

// An authenticated WebSocket connection for an account.
inline std::unique_ptr<WsClient> connectWs(const TestServer &server, const Account &a)
{
    auto ws = std::make_unique<WsClient>();
    if (!ws->open(server.wsUrl(a.token()))) {
        qWarning("WebSocket for %s did not open", qPrintable(a.username));
        return nullptr;
    }
    return ws;
}

inline auto ofType(const std::string &type)
{
    return [type](const json &f) { return f.value("type", std::string()) == type; };
}

inline auto ofTypeInRoom(const std::string &type, const QString &roomId)
{
    const std::string room = ss(roomId);
    return [type, room](const json &f) {
        if (f.value("type", std::string()) != type)
            return false;
        if (f.contains("roomId") && f["roomId"].is_string())
            return f["roomId"].get<std::string>() == room;
        if (f.contains("message") && f["message"].is_object())
            return f["message"].value("roomId", std::string()) == room;
        if (f.contains("room") && f["room"].is_object())
            return f["room"].value("roomId", std::string()) == room;
        return false;
    };
}

// The value of a gauge or counter in the Prometheus text of /metrics, or -1.
inline double metricValue(const TestServer &server, const QByteArray &name)
{
    RestClient c(server.httpUrl());
    const RestReply r = c.get(QStringLiteral("/metrics"));
    const QByteArray prefix = name + ' ';
    for (const QByteArray &line : r.raw.split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(name.size() + 1).trimmed().toDouble();
    }
    return -1;
}

} // namespace confab::test

// Checks an HTTP status and shows the answer when it differs.
#define CHECK_STATUS(reply, expected)                                                                                  \
    do {                                                                                                               \
        const auto &reply_ = (reply);                                                                                  \
        QVERIFY2(reply_.status == (expected), confab::test::describe(reply_, (expected)).constData());                 \
    } while (false)

// Checks status, error code and (if not empty) the field named in details.
#define CHECK_ERROR(reply, expectedStatus, code, field)                                                                \
    do {                                                                                                               \
        const auto &replyE_ = (reply);                                                                                 \
        CHECK_STATUS(replyE_, expectedStatus);                                                                         \
        QCOMPARE(replyE_.errorCode(), QStringLiteral(code));                                                           \
        if (!QStringLiteral(field).isEmpty())                                                                          \
            QCOMPARE(replyE_.errorField(), QStringLiteral(field));                                                     \
    } while (false)
