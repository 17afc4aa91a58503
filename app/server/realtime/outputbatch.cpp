// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputbatch.h"

#include "wssession.h"

#include <algorithm>

namespace confab::server {

void OutputBatch::forget(WsSession *session)
{
    m_sessions.erase(std::remove(m_sessions.begin(), m_sessions.end(), session), m_sessions.end());
}

void OutputBatch::flush()
{
    // Writing may close a session (a dead peer), which may enlist nothing new: the batch is closed.
    const std::vector<WsSession *> sessions = std::move(m_sessions);
    m_sessions.clear();
    for (WsSession *s : sessions)
        s->flushHeldFrames();
}

} // namespace confab::server
