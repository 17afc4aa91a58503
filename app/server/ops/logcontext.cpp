// SPDX-License-Identifier: GPL-3.0-or-later
#include "logcontext.h"

namespace confab::server {

namespace {
thread_local const LogContext *t_current = nullptr;
}

const LogContext *LogContext::current() { return t_current; }

LogContextScope::LogContextScope(LogContext context) : m_context(std::move(context)), m_previous(t_current)
{
    t_current = &m_context;
}

LogContextScope::~LogContextScope() { t_current = m_previous; }

} // namespace confab::server
