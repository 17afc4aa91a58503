// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QFile>

#include <memory>

namespace confab::server {

// A test aid for the fuzz targets' seed corpora (docs/testing.md): with the environment variable
// CONFAB_CAPTURE_DIR set, each connection's input as the server read it (requests, and the
// handshake of a WebSocket upgrade) is appended to <dir>/<pid>-<id>.<kind> ("http", or "ws" for
// the frames that follow an upgrade). Unset (always in production), it costs one check per
// connection and nothing per read.
class TrafficCapture {
public:
    TrafficCapture(const char *kind, quint64 id);
    bool isOn() const { return m_file != nullptr; }
    void append(QByteArrayView bytes);

private:
    std::unique_ptr<QFile> m_file;
};

} // namespace confab::server
