// SPDX-License-Identifier: GPL-3.0-or-later
#include "framewriter.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QtEndian>

#include <algorithm>
#include <cerrno>

#include <sys/socket.h>
#include <sys/uio.h>

namespace confab::server {

QByteArray webSocketTextFrame(QByteArrayView payload)
{
    const qsizetype n = payload.size();
    QByteArray frame;
    frame.reserve(n + 10);
    frame.append(char(0x81)); // FIN + text
    if (n < 126) {
        frame.append(char(n));
    } else if (n <= 0xFFFF) {
        frame.append(char(126));
        const quint16 len = qToBigEndian(quint16(n));
        frame.append(reinterpret_cast<const char *>(&len), sizeof len);
    } else {
        frame.append(char(127));
        const quint64 len = qToBigEndian(quint64(n));
        frame.append(reinterpret_cast<const char *>(&len), sizeof len);
    }
    frame.append(payload);
    return frame;
}

QByteArray webSocketCloseFrame(quint16 code, QStringView reason)
{
    QByteArray utf8 = reason.toUtf8();
    if (utf8.size() > 123) {
        qsizetype cut = 123;
        while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80)
            --cut; // not inside a character
        utf8.truncate(cut);
    }
    QByteArray frame;
    frame.reserve(4 + utf8.size());
    frame.append(char(0x88)); // FIN + close
    frame.append(char(2 + utf8.size()));
    frame.append(char(code >> 8));
    frame.append(char(code & 0xFF));
    frame.append(utf8);
    return frame;
}

FrameWriter::FrameWriter(QTcpSocket *socket)
    : m_socket(socket), m_direct(qobject_cast<QSslSocket *>(socket) == nullptr),
      m_connected(socket->state() == QAbstractSocket::ConnectedState)
{
}

qint64 FrameWriter::queuedBytes() const
{
    if (m_direct && !m_mayHaveQueued)
        return 0;
    qint64 n = m_socket->bytesToWrite();
    // A TLS socket's bytesToWrite() counts only what is not encrypted yet.
    if (!m_direct)
        n += static_cast<QSslSocket *>(m_socket)->encryptedBytesToWrite();
    m_mayHaveQueued = n > 0;
    return n;
}

bool FrameWriter::qtHasQueued() const { return queuedBytes() > 0; }

bool FrameWriter::flush() { return m_socket->flush(); }

void FrameWriter::write(const QByteArray *frames, qsizetype count)
{
    qsizetype done = 0;
    if (m_direct && m_connected && !qtHasQueued())
        done = writeDirect(frames, count);
    // Behind bytes already queued (or on TLS): Qt's buffer keeps the order and its write
    // notifier sends them. QIODevice::write(QByteArray) shares the frame's data, no copy.
    if (done < count)
        m_mayHaveQueued = true;
    for (qsizetype i = done; i < count; ++i)
        m_socket->write(frames[i]);
}

qsizetype FrameWriter::writeDirect(const QByteArray *frames, qsizetype count)
{
    // Connected (checked by the caller), so the descriptor is the one seen first.
    if (m_fd < 0)
        m_fd = int(m_socket->socketDescriptor());
    const int fd = m_fd;
    if (fd < 0)
        return 0;
    constexpr qsizetype kMaxIov = 256; // of IOV_MAX (1024)
    qsizetype i = 0;
    while (i < count) {
        iovec iov[kMaxIov];
        const qsizetype n = std::min(kMaxIov, count - i);
        for (qsizetype k = 0; k < n; ++k)
            iov[k] = iovec{const_cast<char *>(frames[i + k].constData()), size_t(frames[i + k].size())};
        msghdr msg{};
        msg.msg_iov = iov;
        msg.msg_iovlen = size_t(n);
        ssize_t sent;
        do {
            // MSG_NOSIGNAL: a peer that left gives EPIPE, not SIGPIPE (as in Qt's own socket engine).
            sent = ::sendmsg(fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
        } while (sent < 0 && errno == EINTR);
        // Full (EAGAIN) or failed: the rest goes through Qt, which reports a failure as an error
        // and a disconnect like any other.
        qint64 left = sent < 0 ? 0 : qint64(sent);
        qsizetype k = 0;
        while (k < n && left >= frames[i + k].size())
            left -= frames[i + k++].size();
        if (k < n) {
            const QByteArray &partial = frames[i + k];
            m_mayHaveQueued = true;
            if (left == 0)
                m_socket->write(partial);
            else
                m_socket->write(partial.constData() + left, partial.size() - left);
            return i + k + 1;
        }
        i += n;
    }
    return count;
}

} // namespace confab::server
