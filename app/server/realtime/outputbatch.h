// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace confab::server {

class WsSession;

// Holds back the frames sessions send while it is open, and writes each session's share with
// one system call when the outermost scope closes: the answers and fan-out of one group commit
// (many messages) reach each connection together instead of one write per message. Network
// thread only; a scope never spans an event-loop turn.
class OutputBatch {
public:
    class Scope {
    public:
        explicit Scope(OutputBatch &batch) : m_batch(batch) { ++m_batch.m_depth; }
        ~Scope()
        {
            if (--m_batch.m_depth == 0)
                m_batch.flush();
        }
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        OutputBatch &m_batch;
    };

    bool isOpen() const { return m_depth > 0; }
    // A session with frames held back; flushed when the batch closes.
    void enlist(WsSession *session) { m_sessions.push_back(session); }
    void forget(WsSession *session);

private:
    void flush();

    int m_depth = 0;
    std::vector<WsSession *> m_sessions;
};

} // namespace confab::server
