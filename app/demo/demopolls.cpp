// SPDX-License-Identifier: GPL-3.0-or-later
#include "demopolls.h"

#include "demobot.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace confab::demo {

namespace {

struct DemoQuestion {
    const char *question;
    std::vector<const char *> options;
    bool multipleChoice;
    bool anonymous;
};

const std::vector<DemoQuestion> &questions()
{
    static const std::vector<DemoQuestion> list{
        {"Lunch today?", {"Pizza", "Sushi", "Salad bar", "Tacos"}, false, false},
        {"Which day works for the retro?", {"Monday", "Wednesday", "Friday"}, true, false},
        {"How was this sprint, honestly?", {"Great", "Fine", "Rough"}, false, true},
        {"Tabs or spaces?", {"Tabs", "Spaces", "Whatever clang-format says"}, false, false},
    };
    return list;
}

int randomBetween(int lo, int hi) { return lo + QRandomGenerator::global()->bounded(hi - lo + 1); }

} // namespace

DemoPolls::DemoPolls(std::function<int(int)> scaled, QObject *parent) : QObject(parent), m_scaled(std::move(scaled)) {}

void DemoPolls::ask(DemoBot *bot, const QString &roomId)
{
    const auto &all = questions();
    const DemoQuestion &q = all.at(size_t(QRandomGenerator::global()->bounded(int(all.size()))));
    SendMessageFrame f;
    f.roomId = roomId;
    f.messageType = MessageType::Poll;
    f.clientMsgId = bot->nextClientMsgId();
    NewPoll poll;
    poll.question = QString::fromUtf8(q.question);
    for (const char *o : q.options)
        poll.options << QString::fromUtf8(o);
    poll.multipleChoice = q.multipleChoice;
    poll.anonymous = q.anonymous;
    f.poll = poll;
    bot->send(f);
}

void DemoPolls::pollSeen(const Message &m, const std::vector<DemoBot *> &voters)
{
    if (!m.poll || m.poll->options.empty())
        return;
    const Poll poll = *m.poll;
    for (DemoBot *bot : voters) {
        if (QRandomGenerator::global()->bounded(100) < 20)
            continue; // not everyone votes
        const int delay = m_scaled(randomBetween(3000, 60000));
        QTimer::singleShot(
            delay, this, [bot = QPointer<DemoBot>(bot), roomId = m.roomId, messageId = m.messageId, poll] {
                if (!bot)
                    return;
                // The first options are a little more popular, so a leader shows.
                const int n = int(poll.options.size());
                const int first =
                    std::min(QRandomGenerator::global()->bounded(n), QRandomGenerator::global()->bounded(n));
                QStringList choice{poll.options[size_t(first)].optionId};
                if (poll.multipleChoice && QRandomGenerator::global()->bounded(2) == 0) {
                    const QString second = poll.options[size_t(QRandomGenerator::global()->bounded(n))].optionId;
                    if (!choice.contains(second))
                        choice << second;
                }
                bot->send(PollVoteFrame{roomId, messageId, choice, {}});
            });
    }
}

} // namespace confab::demo
