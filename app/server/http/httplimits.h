// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace confab::server {

// What one client may cost the server. Every limit ends in a JSON error and a closed connection.
struct HttpLimits {
    int maxHeaderBytes = 16 * 1024; // request line + headers -> 431 HEADERS_TOO_LARGE
    int maxUrlBytes = 8 * 1024;     // request target -> 400 BAD_REQUEST (there is no 414 code in the API)
    qint64 maxBodyBytes =
        256 * 1024; // JSON bodies -> 413 PAYLOAD_TOO_LARGE, from Content-Length before the body when given
    qint64 maxUploadBytes = 25 * 1024 * 1024;  // bodies for paths starting with "/v1/files"
    int headerTimeoutMs = 10000;               // slowloris: headers not complete in time -> 408 + close
    int bodyTimeoutMs = 30000;                 // body not complete this long after its headers -> 408 + close
    int idleTimeoutMs = 60000;                 // keep-alive connection with nothing to do is closed
    int maxPipelined = 16;                     // requests queued on one connection before we stop reading
    int maxConnections = 20000;                // accepting pauses at this many open connections (soft cap),
                                               // lowered at listen() to fit RLIMIT_NOFILE
    int acceptBackoffMs = 250;                 // accepting pauses this long when out of descriptors (EMFILE)
    qint64 maxWebSocketFrameBytes = 64 * 1024; // applied to upgraded sockets (frame and message size)
    // After an error response, unread input is drained this long before closing, so the kernel does
    // not answer the client's in-flight bytes with a reset that could destroy our response.
    int lingerMs = 2000;
};

} // namespace confab::server
