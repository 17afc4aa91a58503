// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelprovider.h"

#include <QTimer>

namespace confab::server {

// The demo's assistant with no model at all: "summarize" gets an extractive summary of the
// room (who said what, the most-reacted messages), anything else a note that it is an offline
// demo. The answer streams in small pieces over a second or two, as a real model's would.
class OfflineDemoModel final : public ModelProvider {
public:
    static QString displayName() { return QStringLiteral("Demo assistant (offline)"); }
    QString modelName() const override { return QStringLiteral("offline-demo"); }
    ModelStream *start(const ModelPrompt &prompt, QObject *parent) override;

    // The whole answer (what the stream sends piece by piece).
    static QString answerFor(const ModelPrompt &prompt);
};

class OfflineDemoStream final : public ModelStream {
    Q_OBJECT
public:
    OfflineDemoStream(QString answer, QObject *parent);
    void abort() override { m_timer.stop(); }

private:
    void next();

    QString m_answer;
    qsizetype m_sent = 0;
    QTimer m_timer;
};

} // namespace confab::server
