// SPDX-License-Identifier: GPL-3.0-or-later
#include "websocketinputguard.h"

#include <QPointer>
#include <QTcpSocket>

namespace confab::server {

WebSocketFrameScanner::Found WebSocketFrameScanner::feed(const char *data, qsizetype size)
{
    qsizetype pos = 0;
    while (pos < size) {
        if (m_payloadLeft > 0) {
            const quint64 n = std::min<quint64>(m_payloadLeft, quint64(size - pos));
            m_payloadLeft -= n;
            pos += qsizetype(n);
            continue;
        }
        m_header[m_headerSize++] = static_cast<unsigned char>(data[pos++]);
        if (m_headerSize < 2)
            continue;
        const int lengthCode = m_header[1] & 0x7F;
        const bool masked = (m_header[1] & 0x80) != 0;
        const int lengthBytes = lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0;
        if (m_headerSize < 2 + lengthBytes + (masked ? 4 : 0))
            continue;
        quint64 length = quint64(lengthCode);
        if (lengthBytes > 0) {
            length = 0;
            for (int i = 0; i < lengthBytes; ++i)
                length = (length << 8) | m_header[2 + i];
        }
        const int opcode = m_header[0] & 0x0F;
        m_headerSize = 0;
        m_payloadLeft = length;
        if (!masked)
            return Found::UnmaskedFrame;
        if (opcode == 0x8 && m_lookForClose)
            return Found::CloseFrame;
        if (opcode == 0x9)
            m_pongBytes += 2 + qint64(length); // a pong echoes the ping's payload (at most 125 bytes)
    }
    return Found::Nothing;
}

WebSocketInputGuard::WebSocketInputGuard(QTcpSocket *socket)
    : QObject(socket), m_socket(socket), m_capture("ws", quintptr(socket))
{
    connect(m_socket, &QIODevice::readyRead, this, &WebSocketInputGuard::beforeQtReads);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { m_socket->abort(); });
}

void WebSocketInputGuard::holdUntilUpgraded()
{
    m_socket->blockSignals(true);
    // Queued behind the handshake reader QWebSocketServer has just queued for this socket.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_socket->blockSignals(false);
            // Replay what the blocked signals would have said: input first, then a disconnect.
            QPointer<QTcpSocket> socket = m_socket;
            if (m_socket->bytesAvailable() > 0)
                Q_EMIT m_socket->readyRead();
            if (socket && socket->state() == QAbstractSocket::UnconnectedState) {
                Q_EMIT socket->stateChanged(QAbstractSocket::UnconnectedState);
                Q_EMIT socket->disconnected();
            }
        },
        Qt::QueuedConnection);
}

void WebSocketInputGuard::start()
{
    m_started = true;
    m_scannedUnread = 0;
    // Behind Qt's reader, which the QWebSocket connected when it was created.
    connect(m_socket, &QIODevice::readyRead, this, &WebSocketInputGuard::afterQtRead);
}

WebSocketFrameScanner::Found WebSocketInputGuard::scanNewInput()
{
    const qint64 available = m_socket->bytesAvailable();
    const qint64 fresh = available - m_scannedUnread;
    if (fresh <= 0)
        return WebSocketFrameScanner::Found::Nothing;
    m_scannedUnread = available;
    if (m_capture.isOn())
        m_capture.append(m_socket->peek(available).right(fresh));
    // Inside a payload: nothing to look at, nothing to copy.
    if (m_scanner.payloadLeft() >= quint64(fresh)) {
        m_scanner.skipPayload(quint64(fresh));
        return WebSocketFrameScanner::Found::Nothing;
    }
    // The buffer holds at most the frame Qt is waiting to complete plus what just came.
    const QByteArray unread = m_socket->peek(available);
    const qsizetype from = unread.size() - fresh;
    return m_scanner.feed(unread.constData() + from, fresh);
}

void WebSocketInputGuard::beforeQtReads()
{
    if (!m_started || m_violated)
        return;
    if (scanNewInput() == WebSocketFrameScanner::Found::UnmaskedFrame) {
        m_violated = true;
        Q_EMIT unmaskedFrame(); // the owner closes, which stops Qt's reader (closeAfterDraining)
        return;
    }
    if (const qint64 pongBytes = m_scanner.takePongBytes())
        Q_EMIT pingsReceived(pongBytes); // the owner may close here too, before Qt answers them
}

void WebSocketInputGuard::afterQtRead() { m_scannedUnread = m_socket->bytesAvailable(); }

void WebSocketInputGuard::closeAfterDraining(int timeoutMs)
{
    if (m_draining)
        return;
    m_draining = true;
    // Qt's reader must not see another byte (it would answer pings, or the client's close with a
    // second close frame): everything connected to readyRead goes, the drain comes instead.
    QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    connect(m_socket, &QIODevice::readyRead, this, &WebSocketInputGuard::drain);
    m_scanner.lookForClose();
    m_deadline.start(timeoutMs);
    drain();
}

void WebSocketInputGuard::drain()
{
    bool peerClosed = false;
    // Without trusted framing (before the handshake was read, or after an unmasked frame) only the
    // end of stream or the deadline ends the wait.
    if (m_started && !m_violated) {
        const auto found = scanNewInput();
        m_violated = found == WebSocketFrameScanner::Found::UnmaskedFrame;
        peerClosed = found == WebSocketFrameScanner::Found::CloseFrame;
    }
    m_socket->skip(m_socket->bytesAvailable());
    m_scannedUnread = 0;
    if (peerClosed)
        finishClose();
}

void WebSocketInputGuard::finishClose()
{
    // The client has said all it will: close once our frames are out (the deadline still holds).
    disconnect(m_socket, &QIODevice::readyRead, this, &WebSocketInputGuard::drain);
    m_socket->disconnectFromHost();
}

} // namespace confab::server
