// SPDX-License-Identifier: GPL-3.0-or-later
#include "standingenforcer.h"

#include "connectionregistry.h"
#include "realtimesession.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcStanding, "confab.realtime.standing")

namespace confab::server {

StandingEnforcer::StandingEnforcer(StorageWorker &worker, ConnectionRegistry &registry, int intervalMs, QObject *parent)
    : QObject(parent), m_worker(worker), m_registry(registry)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
    m_timer.start();
}

QString StandingEnforcer::closeReason(StandingChangeKind kind)
{
    switch (kind) {
    case StandingChangeKind::SignedOut: return QStringLiteral("signed out");
    case StandingChangeKind::PasswordReset: return QStringLiteral("signed out: password reset");
    case StandingChangeKind::PasswordChanged: return QStringLiteral("signed out: password changed");
    case StandingChangeKind::Disabled: return QStringLiteral("account disabled");
    case StandingChangeKind::Banned: return QStringLiteral("banned from the server");
    case StandingChangeKind::Erased: return QStringLiteral("account erased");
    case StandingChangeKind::RoleChanged:
    case StandingChangeKind::Enabled: break;
    }
    return {};
}

void StandingEnforcer::poll()
{
    if (m_polling)
        return;
    m_polling = true;
    m_worker.run<std::vector<StandingChange>>(
        this,
        [](Services &s, Effects &) -> Result<std::vector<StandingChange>> {
            s.context.standing.poll(s.context.storage);
            return s.context.standing.takeUnannounced();
        },
        [this](Result<std::vector<StandingChange>> r) {
            m_polling = false;
            if (r)
                apply(r.value);
        });
}

void StandingEnforcer::apply(const std::vector<StandingChange> &changes)
{
    for (const StandingChange &change : changes) {
        const QString reason = closeReason(change.kind);
        // A copy: closing a session removes it from the registry.
        const QList<RealtimeSession *> sessions = m_registry.sessionsOf(change.userId);
        for (RealtimeSession *s : sessions) {
            // A password change keeps the session that made it; the other kinds name the one they end.
            const bool keeps = change.kind == StandingChangeKind::PasswordChanged;
            if (!change.tokenHash.isEmpty() && (s->caller().tokenHash == change.tokenHash) == keeps)
                continue;
            if (reason.isEmpty()) {
                recheck(s);
                continue;
            }
            qCInfo(lcStanding) << "closing session" << s->id() << "of" << change.userId << "-" << reason;
            s->revoke(reason);
        }
    }
}

void StandingEnforcer::recheck(RealtimeSession *session)
{
    const Caller caller = session->caller();
    m_worker.run<Caller>(
        session, [caller](Services &s, Effects &) { return s.auth.recheck(caller); },
        [this, session](Result<Caller> r) {
            if (!m_registry.sessionsOf(session->caller().userId).contains(session))
                return; // closed meanwhile
            if (!r) {
                session->revoke(r.error->message);
                return;
            }
            session->setCaller(r.value); // same user: its place in the registry stays right
        });
}

} // namespace confab::server
