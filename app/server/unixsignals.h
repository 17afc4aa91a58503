// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSocketNotifier>

namespace confab::server {

// SIGTERM and SIGINT as a Qt signal, through a self-pipe: the handler only writes a byte, and the
// event loop does the rest (nothing else is safe inside a signal handler).
class UnixSignals : public QObject {
    Q_OBJECT
public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void terminate();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace confab::server
