// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilecard.h"

#include "members/membermenu.h"
#include "widgets/avatarpainter.h"

#include "client/models/lastseentext.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace confab::ui {

namespace {
// The member's picture or initials, large.
class AvatarView : public QWidget {
public:
    AvatarView(const Member &m, QWidget *parent) : QWidget(parent), m_id(m.userId), m_name(m.displayName)
    {
        setFixedSize(64, 64);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        paintAvatar(&p, rect(), m_id, m_name, true);
    }

private:
    QString m_id;
    QString m_name;
};

QString presenceWord(PresenceStatus s)
{
    switch (s) {
    case PresenceStatus::Online: return ProfileCard::tr("Online");
    case PresenceStatus::Away: return ProfileCard::tr("Away");
    case PresenceStatus::Busy: return ProfileCard::tr("Busy");
    case PresenceStatus::Offline: break;
    }
    return ProfileCard::tr("Offline");
}

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

ProfileCard::ProfileCard(const Member &member, const client::ModerationPolicy &policy, QWidget *parent)
    : QDialog(parent), m_member(member)
{
    setWindowTitle(tr("Profile of %1").arg(member.displayName));
    setAccessibleName(tr("Profile of %1").arg(member.displayName));

    if (!member.username.isEmpty())
        m_lines << QStringLiteral("@") + member.username;
    m_lines << tr("Role: %1").arg(client::ModerationPolicy::roleTitle(member.role));
    QString status = presenceWord(member.status);
    if (!member.customStatus.isEmpty())
        status += QStringLiteral(" · ") + member.customStatus;
    m_lines << status;
    if (member.status == PresenceStatus::Offline)
        m_lines << client::LastSeenText::of(member.lastSeen, QDateTime::currentMSecsSinceEpoch());

    auto *name = plainLabel(member.displayName, this);
    QFont big = name->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    name->setFont(big);
    name->setAccessibleName(tr("Display name"));
    auto *details = plainLabel(m_lines.join(QLatin1Char('\n')), this);
    details->setAccessibleName(tr("Details"));

    auto *head = new QHBoxLayout;
    head->addWidget(new AvatarView(member, this), 0, Qt::AlignTop);
    auto *text = new QVBoxLayout;
    text->addWidget(name);
    text->addWidget(details);
    text->addStretch(1);
    head->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (member.userId != policy.myUserId()) {
        m_message = buttons->addButton(tr("&Message"), QDialogButtonBox::ActionRole);
        m_message->setAccessibleName(tr("Send %1 a direct message").arg(member.displayName));
        connect(m_message, &QPushButton::clicked, this, [this] {
            Q_EMIT messageRequested(m_member);
            accept();
        });
    }
    // The moderation actions the viewer may take: the member menu, without the card itself.
    m_menu = new MemberMenu(policy, member, this);
    m_menu->setAttribute(Qt::WA_DeleteOnClose, false);
    for (const char *own : {"profile", "message"}) {
        if (QAction *a = m_menu->actionFor(QString::fromLatin1(own)))
            a->setVisible(false);
    }
    QStringList moderation = m_menu->enabledKeys();
    moderation.removeAll(QStringLiteral("profile"));
    moderation.removeAll(QStringLiteral("message"));
    if (!moderation.isEmpty()) {
        m_moderate = buttons->addButton(tr("M&oderate"), QDialogButtonBox::ActionRole);
        m_moderate->setAccessibleName(tr("Moderation actions for %1").arg(member.displayName));
        m_moderate->setMenu(m_menu);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(buttons);
    if (m_message)
        m_message->setFocus();
}

QStringList ProfileCard::detailLines() const { return m_lines; }

} // namespace confab::ui
