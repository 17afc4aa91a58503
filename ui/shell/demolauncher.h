// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <functional>

class QObject;

namespace confab::ui {

// The bundled demo server as the desktop shell sees it. The program implements it with app/demo's
// DemoServer, so the UI itself never starts a server or talks to the network.
class DemoLauncher {
public:
    using Ready = std::function<void(const QUrl &server, const QString &token)>;
    using Failed = std::function<void(const QString &reason)>;

    virtual ~DemoLauncher() = default;
    // Starts the demo server afresh (one already running stops first: signing out of it revoked
    // its token). ready or failed follows later on this thread, unless context is gone by then.
    virtual void start(QObject *context, Ready ready, Failed failed) = 0;
};

} // namespace confab::ui
