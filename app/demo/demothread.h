// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QThread>
#include <QUrl>

namespace confab::demo {

// The demo server's own thread: run() creates the Server and the DemoCast, starts, seeds, runs
// the event loop, and destroys them again, so the server lives and dies on this thread (the shape
// of Quassel's mono-application). Used by DemoServer only.
class DemoThread : public QThread {
    Q_OBJECT
public:
    DemoThread(QString dataDir, double timeFactor, QObject *parent = nullptr);

Q_SIGNALS:
    void serverReady(const QUrl &serverUrl, const QString &token, const QString &userId);
    void serverFailed(const QString &reason);

protected:
    void run() override;

private:
    QString m_dataDir;
    double m_timeFactor;
};

} // namespace confab::demo
