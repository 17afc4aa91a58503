// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitepollstore.h"

#include "sqlitevalues.h"
#include "storage/sqldatabase.h"

#include "core/jsondocument.h"

#include <nlohmann/json.hpp>

#include <QSet>

namespace confab::server {

namespace {
using nlohmann::json;

// Options are stored as a JSON array of their texts; their ids are their positions (o1..).
QString optionsToText(const Poll &poll)
{
    json list = json::array();
    for (const PollOption &o : poll.options)
        list.push_back(o.text.toStdString());
    return QString::fromUtf8(toJsonBytes(list));
}

std::vector<PollOption> optionsFromText(const QString &text)
{
    const json list = parseStoredJson(text, QLatin1String("polls.options"));
    if (!list.is_array())
        throwStorageError(QStringLiteral("polls.options is not an array"));
    std::vector<PollOption> out;
    int i = 0;
    for (const json &item : list) {
        if (!item.is_string())
            throwStorageError(QStringLiteral("polls.options holds a non-string"));
        out.push_back(
            PollOption{QStringLiteral("o%1").arg(++i), QString::fromStdString(item.get<std::string>()), 0, {}});
    }
    return out;
}
} // namespace

void SqlitePollStore::insertPoll(const QString &messageId, const Poll &poll)
{
    Statement(m_db,
              QStringLiteral("INSERT INTO polls (message_id, question, options, multiple_choice, anonymous, closes_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)"),
              {sqlText(messageId), sqlText(poll.question), optionsToText(poll), sqlBool(poll.multipleChoice),
               sqlBool(poll.anonymous), qlonglong(poll.closesAt)});
}

bool SqlitePollStore::setPollVotes(const QString &messageId, const QString &userId, const QStringList &optionIds,
                                   qint64 at)
{
    const std::map<QString, QStringList> before = pollVotesOf(userId, {messageId});
    const QStringList had = before.count(messageId) ? before.at(messageId) : QStringList{};
    if (QSet<QString>(had.begin(), had.end()) == QSet<QString>(optionIds.begin(), optionIds.end()))
        return false;
    Statement(m_db, QStringLiteral("DELETE FROM poll_votes WHERE message_id = ? AND user_id = ?"),
              {sqlText(messageId), sqlText(userId)});
    for (const QString &option : optionIds) {
        Statement(
            m_db,
            QStringLiteral("INSERT INTO poll_votes (message_id, user_id, option_id, voted_at) VALUES (?, ?, ?, ?)"),
            {sqlText(messageId), sqlText(userId), sqlText(option), qlonglong(at)});
    }
    return true;
}

void SqlitePollStore::closePoll(const QString &messageId, const QString &byUserId, qint64 at)
{
    Statement(m_db,
              QStringLiteral("UPDATE polls SET closed_at = ?, closed_by = ? WHERE message_id = ? AND closed_at = 0"),
              {qlonglong(at), sqlText(byUserId), sqlText(messageId)});
}

std::map<QString, QStringList> SqlitePollStore::pollVotesOf(const QString &userId,
                                                            const std::vector<QString> &messageIds)
{
    std::map<QString, QStringList> out;
    if (messageIds.empty())
        return out;
    Statement s(m_db,
                QStringLiteral("SELECT message_id, option_id FROM poll_votes WHERE user_id = ? AND message_id IN "
                               "(") +
                    m_db.dialect().idListSubquery() + QStringLiteral(") ORDER BY message_id, option_id"),
                {sqlText(userId), idListJson(messageIds)});
    while (s.next())
        out[s.text(0)].append(s.text(1));
    return out;
}

void SqlitePollStore::attachPolls(SqlDatabase &db, std::vector<Message> &messages)
{
    std::vector<QString> ids;
    std::map<QString, Message *> byId;
    for (Message &m : messages) {
        if (m.type == MessageType::Poll && !m.isDeleted) {
            ids.push_back(m.messageId);
            byId[m.messageId] = &m;
        }
    }
    if (ids.empty())
        return;
    const QString idList = idListJson(ids);
    {
        Statement s(db,
                    QStringLiteral("SELECT message_id, question, options, multiple_choice, anonymous, closes_at, "
                                   "closed_at, closed_by FROM polls WHERE message_id IN (") +
                        db.dialect().idListSubquery() + QLatin1Char(')'),
                    {idList});
        while (s.next()) {
            Poll p;
            p.question = s.text(1);
            p.options = optionsFromText(s.text(2));
            p.multipleChoice = s.boolean(3);
            p.anonymous = s.boolean(4);
            p.closesAt = s.integer(5);
            p.closedAt = s.integer(6);
            p.closedBy = s.text(7);
            byId.at(s.text(0))->poll = std::move(p);
        }
    }
    // Voters are read only for polls that are not anonymous: an anonymous poll's voters never
    // reach a Message, so no code path can show them.
    Statement s(
        db,
        QStringLiteral("SELECT v.message_id, v.option_id, CASE WHEN p.anonymous <> 0 THEN NULL ELSE v.user_id END, "
                       "v.user_id FROM poll_votes v JOIN polls p ON p.message_id = v.message_id "
                       "WHERE v.message_id IN (") +
            db.dialect().idListSubquery() + QStringLiteral(") ORDER BY v.voted_at, v.rowid"),
        {idList});
    std::map<QString, QSet<QString>> votersOf;
    while (s.next()) {
        Message *m = byId.at(s.text(0));
        if (!m->poll)
            continue;
        votersOf[m->messageId].insert(s.text(3));
        for (PollOption &o : m->poll->options) {
            if (o.optionId == s.text(1)) {
                ++o.votes;
                if (!s.value(2).isNull())
                    o.voters.append(s.text(2));
            }
        }
    }
    for (const auto &[id, voters] : votersOf) {
        if (Message *m = byId.at(id); m->poll)
            m->poll->voterCount = int(voters.size());
    }
}

} // namespace confab::server
