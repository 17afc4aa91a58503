// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace confab::server {

// The assistant's settings (the --assistant-* flags). No URL and no offline demo: the assistant
// is off and says so. The API key is read from a file or CONFAB_ASSISTANT_KEY, never from a flag
// or the INI file, and is never logged or echoed.
struct AssistantConfig {
    QString url; // base URL ending in /v1; requests go to <url>/chat/completions
    QString model = QStringLiteral("default");
    QString keyFile;                  // --assistant-key-file
    QString apiKey;                   // loaded by loadKey()
    int stallTimeoutMs = 30000;       // longest wait for the next streamed chunk
    int maxContextTokens = 4096;      // estimated tokens of the prompt
    int maxAnswerChars = 8000;        // an answer is cut (and ends done) there
    int userPerMinute = 5;            // answers a user may ask for per minute; 0: no limit
    int roomPerMinute = 10;           // answers per room per minute; 0: no limit
    qint64 userDailyTokens = 200000;  // tokens in + out per user per UTC day; 0: no limit
    qint64 roomDailyTokens = 1000000; // per room per UTC day; 0: no limit
    bool offlineDemo = false;         // the demo's built-in extractive assistant (when url is empty)

    bool enabled() const { return !url.isEmpty() || offlineDemo; }
    // Reads the key from keyFile (its first line) or else CONFAB_ASSISTANT_KEY. False with a
    // message naming the file (never its content) when the file cannot be read or is empty.
    bool loadKey(const QProcessEnvironment &env, QString *error);
};

} // namespace confab::server
