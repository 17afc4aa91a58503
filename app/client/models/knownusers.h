// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace confab::client {

class LocalStore;
class MemberModel;

// Display names for user ids that may no longer be members of a room (a kicked user in the audit
// log, a banned one in the ban list): everyone who was in the member list while this lived, the
// authors of the room's cached messages, and whatever a caller teaches it (audit actor names).
class KnownUsers : public QObject {
    Q_OBJECT
public:
    KnownUsers(const QString &roomId, const LocalStore &store, const MemberModel *members, QObject *parent = nullptr);

    void learn(const QString &userId, const QString &name);
    // The name, or empty when nobody told us.
    QString nameOf(const QString &userId) const { return m_names.value(userId); }
    // The name, or a readable stand-in naming the id.
    QString displayName(const QString &userId) const;

private:
    void learnMembers(int first, int last);

    const MemberModel *m_members;
    QHash<QString, QString> m_names;
};

} // namespace confab::client
