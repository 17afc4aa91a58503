// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <vector>

namespace confab::bench {

struct BenchUser {
    User user;
    QString password;
    QString token;
};

// Everything a measuring process needs to reach the benchmark's server and data: written by
// the orchestrator to a file, read back by each child.
struct BenchContext {
    QUrl server;
    std::vector<BenchUser> users; // [0] reads (the client under test); all three write
    QString historyRoom;          // the room with the long history
    QStringList rooms;            // the rooms of the 10 x 10k case
    int historyMessages = 0;
    int roomMessages = 0;
    QString workDir;

    nlohmann::json toJson() const;
    static BenchContext fromJson(const nlohmann::json &j);
    bool save(const QString &path) const;
    static BenchContext load(const QString &path); // throws std::runtime_error
};

// Over the REST API of a running server: three users, the history room and `roomCount` more
// rooms made by users[0], which the others join. Throws std::runtime_error on any failure.
BenchContext setUpOverApi(const QUrl &server, int roomCount);

// With the server stopped: `count` messages straight into its SQLite file, as the server would
// have stored them (messages, their room_events, reactions, rooms.last_seq; the FTS index by
// the schema's own trigger). A mix: short lines, long wrapped paragraphs, Markdown, code,
// replies, edited messages, reactions on one message in five; three authors taking turns in
// runs of four, 20 s apart, the newest an hour old. Throws std::runtime_error on failure.
void seedMessages(const QString &databasePath, const BenchContext &ctx, const QString &roomId, const QString &idTag,
                  int count);

// Which of the mixed kinds this content is (for per-kind figures): "markdown", "long", "short".
QString contentKind(const QString &content);

std::string str(const QString &s);
QString qstr(const nlohmann::json &j);

} // namespace confab::bench
