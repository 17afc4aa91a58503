// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trafficcapture.h"

#include <QObject>
#include <QTimer>

#include <utility>

class QTcpSocket;

namespace confab::server {

// Follows the frame headers in a client's byte stream without copying payloads (RFC 6455, 5.2).
class WebSocketFrameScanner {
public:
    enum class Found { Nothing, UnmaskedFrame, CloseFrame };

    // Reads the next bytes of the stream; stops at the first unmasked frame, or close frame if
    // asked to look for one (the rest of `data` is then not scanned).
    Found feed(const char *data, qsizetype size);
    void lookForClose() { m_lookForClose = true; }
    // Payload bytes still to come in the current frame: that many bytes need no look.
    quint64 payloadLeft() const { return m_payloadLeft; }
    void skipPayload(quint64 n) { m_payloadLeft -= n; }
    // Bytes of the pongs Qt will write for the pings scanned since the last call.
    qint64 takePongBytes() { return std::exchange(m_pongBytes, 0); }

private:
    unsigned char m_header[14] = {};
    int m_headerSize = 0; // bytes of the current header read so far
    quint64 m_payloadLeft = 0;
    bool m_lookForClose = false;
    qint64 m_pongBytes = 0;
};

// Watches what a WebSocket client sends below Qt WebSockets, for what Qt does not do itself:
// - Every frame from a client must be masked (RFC 6455, 5.1); Qt reads unmasked ones as if they
//   were. The first unmasked frame is reported before Qt reads it (unmaskedFrame()).
// - After the server's close frame, Qt closes the TCP socket at once. With unread input (a
//   client still sending) the kernel then answers with a reset, which can make the client lose
//   what it had not read yet, the close frame included. closeAfterDraining() instead reads
//   and discards the input until the client's own close frame, its end of stream or a timeout,
//   and only then closes.
// - Qt answers pings by itself, writing pongs the owner does not see: pingsReceived() tells,
//   before Qt reads them, how many bytes of pongs they will cost.
// - Qt processes bytes that came in the same read as the handshake before anyone can listen to
//   the new QWebSocket, and they are lost. The guard holds the socket's signals from the hand-over
//   until the QWebSocket is set up (holdUntilUpgraded()), then replays what they said.
//
// It is created as the socket's child before the socket is handed to QWebSocketServer, so its
// slot runs before Qt's on every readyRead().
class WebSocketInputGuard : public QObject {
    Q_OBJECT
public:
    explicit WebSocketInputGuard(QTcpSocket *socket);

    // Right after QWebSocketServer::handleConnection(): the socket's signals stay blocked until
    // Qt has read the handshake (an event-loop turn later), then what they said is replayed.
    void holdUntilUpgraded();
    // The handshake was read: from here on the socket holds only frames. Call before anything
    // listens to the QWebSocket's frames; it connects behind Qt's reader.
    void start();
    // The server's close frame is written: read and discard the input, then close.
    void closeAfterDraining(int timeoutMs);
    bool isDraining() const { return m_draining; }

Q_SIGNALS:
    void unmaskedFrame();
    void pingsReceived(qint64 pongBytes);

private:
    WebSocketFrameScanner::Found scanNewInput();
    void beforeQtReads();
    void afterQtRead();
    void drain();
    void finishClose();

    QTcpSocket *m_socket;
    WebSocketFrameScanner m_scanner;
    qint64 m_scannedUnread = 0; // bytes at the front of the socket's buffer already scanned
    bool m_started = false;
    bool m_draining = false;
    bool m_violated = false;
    QTimer m_deadline;
    TrafficCapture m_capture; // off unless CONFAB_CAPTURE_DIR is set (fuzzing seeds)
};

} // namespace confab::server
