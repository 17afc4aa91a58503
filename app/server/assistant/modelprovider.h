// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelprompt.h"

#include <QObject>

namespace confab::server {

// One answer being written by a model. Emits text as it comes, then finished exactly once
// (unless aborted, after which it emits nothing). Network thread.
class ModelStream : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    // Stops the answer; no signal follows.
    virtual void abort() = 0;

Q_SIGNALS:
    void textArrived(const QString &text);
    void finished(const confab::server::ModelOutcome &outcome);
};

// Where answers come from: the HTTP client of an OpenAI-compatible server, or the offline demo.
class ModelProvider {
public:
    virtual ~ModelProvider() = default;
    virtual QString modelName() const = 0;
    // Starts an answer; the stream belongs to `parent`.
    virtual ModelStream *start(const ModelPrompt &prompt, QObject *parent) = 0;
};

} // namespace confab::server
