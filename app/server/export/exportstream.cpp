// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportstream.h"

#include "accountexport.h"
#include "exportencoder.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QThreadPool>
#include <QTimer>

Q_LOGGING_CATEGORY(lcExport, "confab.export")

namespace confab::server {

namespace {

struct ExportPage {
    QByteArray json;
    std::vector<FileRecord> files;
    bool last = false;
};

} // namespace

ExportStream::ExportStream(StorageWorker &worker, std::shared_ptr<AccountExport> source,
                           std::unique_ptr<ExportEncoder> encoder, QTcpSocket *socket, std::function<void()> finished,
                           QObject *parent)
    : QObject(parent), m_worker(worker), m_source(std::move(source)), m_encoder(std::move(encoder)), m_socket(socket),
      m_finished(std::move(finished))
{
    socket->setParent(this);
    connect(socket, &QAbstractSocket::disconnected, this, [this] { end(false); });
    connect(socket, &QIODevice::bytesWritten, this, [this] { pump(); });
    // Nothing to read on this request any more; what the client sends anyway is dropped.
    connect(socket, &QIODevice::readyRead, this, [socket] { socket->skip(socket->bytesAvailable()); });
}

ExportStream::~ExportStream()
{
    if (m_finished)
        m_finished();
}

void ExportStream::start() { pump(); }

// Produces the next bytes when the socket wants them: a page from storage, then encoded on the
// pool (a zip deflates), then written. One step at a time, so the encoder is never shared.
void ExportStream::pump()
{
    if (m_ended || m_busy || !m_socket || m_socket->bytesToWrite() > kLowWaterBytes)
        return;
    m_busy = true;
    if (!m_jsonDone) {
        std::shared_ptr<AccountExport> source = m_source;
        m_worker.run<ExportPage>(
            this,
            [source](Services &s, Effects &) -> Result<ExportPage> {
                ExportPage page;
                page.json = source->next(s.context);
                page.files = source->takeFiles();
                page.last = source->done();
                return page;
            },
            [this](Result<ExportPage> page) {
                m_busy = false;
                if (m_ended) {
                    release();
                    return;
                }
                if (!page) {
                    qCWarning(lcExport) << "export page failed:" << page.error->message;
                    end(false);
                    return;
                }
                m_jsonDone = page.value.last;
                m_busy = true;
                encode([json = std::move(page.value.json), files = std::move(page.value.files)](ExportEncoder &e,
                                                                                                bool *more) mutable {
                    *more = true;
                    return e.addJson(json, std::move(files));
                });
            });
    } else {
        encode([](ExportEncoder &e, bool *more) { return e.next(more); });
    }
}

void ExportStream::encode(std::function<QByteArray(ExportEncoder &, bool *more)> step)
{
    QPointer<ExportStream> self(this);
    std::shared_ptr<ExportEncoder> encoder = m_encoder;
    QThreadPool::globalInstance()->start([self, encoder, step = std::move(step)]() mutable {
        bool more = true;
        QByteArray bytes = step(*encoder, &more);
        QMetaObject::invokeMethod(
            self.data(),
            [self, bytes = std::move(bytes), more] {
                if (!self)
                    return;
                self->m_busy = false;
                if (self->m_ended) {
                    self->release();
                    return;
                }
                if (!bytes.isEmpty())
                    self->writeChunk(bytes);
                if (!more)
                    self->end(true);
                else
                    self->pump();
            },
            Qt::QueuedConnection);
    });
}

void ExportStream::writeChunk(const QByteArray &bytes)
{
    if (!m_socket)
        return;
    m_socket->write(QByteArray::number(bytes.size(), 16) + "\r\n");
    m_socket->write(bytes);
    m_socket->write("\r\n");
}

void ExportStream::end(bool complete)
{
    if (m_ended)
        return;
    m_ended = true;
    if (m_socket) {
        m_socket->disconnect(this);
        if (complete) {
            m_socket->write("0\r\n\r\n");   // the chunked body's end: a cut-off export is never taken as whole
            m_socket->disconnectFromHost(); // after what is queued
        } else {
            qCInfo(lcExport) << "export cut short: the client went away";
            m_socket->abort();
        }
    }
    release();
}

// Goes once nothing refers to it any more: no step on the pool (whose answer is queued to this
// object) and the socket, its child, done sending what is queued (or given up on after a while).
void ExportStream::release()
{
    if (m_busy)
        return; // the step's answer calls this again
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState) {
        connect(m_socket, &QAbstractSocket::disconnected, this, &QObject::deleteLater);
        QTimer::singleShot(kLingerMs, this, &QObject::deleteLater);
        return;
    }
    deleteLater();
}

} // namespace confab::server
