// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

class QTcpSocket;

namespace confab::server {

// A complete server-to-client WebSocket text frame: FIN, opcode 1, payload length, payload.
// Servers never mask (RFC 6455, 5.1), so the same bytes serve every recipient of an event: the
// frame is built once per event, not once per connection.
QByteArray webSocketTextFrame(QByteArrayView payload);
// A close frame: the code and as much of the reason as fits a control frame (123 bytes of UTF-8,
// cut at a character boundary).
QByteArray webSocketCloseFrame(quint16 code, QStringView reason);

// Writes complete WebSocket frames to the TCP socket under a QWebSocket.
//
// Ordering with the frames Qt writes to that socket itself (pings, pongs, close): QWebSocket
// appends each of those to the socket synchronously, whole, on this same thread, and so does
// this writer, so frames never interleave; and bytes go to the descriptor directly only while
// the socket's own buffer is empty, so nothing written here overtakes bytes queued in Qt.
//
// Why not QWebSocket::sendTextMessage per recipient: it converts the text to UTF-8, builds a
// header and copies both into the socket's buffer, which switches the socket's write notifier
// on and off around one event-loop turn per message. Here a frame the kernel takes at once costs
// one sendmsg() for any number of frames and no copy; only what the kernel refuses is queued in
// the QTcpSocket (TLS sockets always go through QSslSocket::write, which must encrypt).
class FrameWriter {
public:
    explicit FrameWriter(QTcpSocket *socket);

    // Writes `count` frames in order.
    void write(const QByteArray *frames, qsizetype count);
    void write(const QByteArray &frame) { write(&frame, 1); }

    // Kept up to date by the owner from the socket's stateChanged(): while false, nothing is
    // written to the descriptor directly.
    void setConnected(bool connected) { m_connected = connected; }

    // Bytes accepted but not yet handed to the kernel.
    qint64 queuedBytes() const;
    // Qt wrote to the socket behind this writer's back (a pong): queuedBytes() must ask it.
    void noteOtherWrites() { m_mayHaveQueued = true; }
    // Hands the kernel what it will take of the queue now (false if nothing could be written).
    bool flush();

private:
    qsizetype writeDirect(const QByteArray *frames, qsizetype count);
    bool qtHasQueued() const;

    QTcpSocket *m_socket;
    bool m_direct; // plain TCP: the descriptor may be written directly
    bool m_connected;
    int m_fd = -1; // the socket's descriptor while it is connected
    // Whether bytes handed to the QTcpSocket may still wait there. Starts true (the handshake
    // answer went through Qt); asking the socket costs a cache miss per recipient, so it is asked
    // only after this writer queued something, until it finds the queue empty. QWebSocket's own
    // control frames (pings, pongs) may wait there unseen: a data frame passing one is harmless.
    mutable bool m_mayHaveQueued = true;
};

} // namespace confab::server
