// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/storageworker.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QTcpSocket;

namespace confab::server {

class AccountExport;
class ExportEncoder;

// Sends one data export over a socket handed over by HttpResponder::stream(), as a chunked body.
// The next page is asked of the storage thread only once the socket has drained below
// kLowWaterBytes and no step is on its way, so the server holds at most one page plus the
// socket's buffer however large the account and however slowly the client reads. Deletes
// itself when the export is sent or the client is gone; `finished` runs then, either way.
class ExportStream : public QObject {
public:
    static constexpr qint64 kLowWaterBytes = 256 * 1024;
    // How long a finished export may take to drain to a client that stopped reading.
    static constexpr int kLingerMs = 60 * 1000;

    ExportStream(StorageWorker &worker, std::shared_ptr<AccountExport> source, std::unique_ptr<ExportEncoder> encoder,
                 QTcpSocket *socket, std::function<void()> finished, QObject *parent = nullptr);
    ~ExportStream() override;

    void start();

private:
    void pump();
    void encode(std::function<QByteArray(ExportEncoder &, bool *more)> step);
    void writeChunk(const QByteArray &bytes);
    void end(bool complete);
    void release();

    StorageWorker &m_worker;
    std::shared_ptr<AccountExport> m_source;
    std::shared_ptr<ExportEncoder> m_encoder; // shared with the pool task encoding the current step
    QPointer<QTcpSocket> m_socket;
    std::function<void()> m_finished;
    bool m_busy = false;     // a step (storage page, encoding) is on its way
    bool m_jsonDone = false; // every page of the document was read
    bool m_ended = false;
};

} // namespace confab::server
