// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountbutton.h"

#include "shell/statusmessagedialog.h"

#include "shell/autoaway.h"
#include "shell/thememanager.h"
#include "widgets/avatarimages.h"
#include "widgets/avatarpainter.h"

#include "client/models/presencemodel.h"
#include "client/net/realtimeconnection.h"
#include "client/sync/chatengine.h"

#include <QActionGroup>
#include <QEvent>
#include <QMenu>
#include <QPainter>
#include <QStyleOptionToolButton>
#include <QStylePainter>

namespace confab::ui {

namespace {
constexpr int kCustomStatusMax = 100; // the server's limit
constexpr int kAvatar = 32;
} // namespace

AccountButton::AccountButton(AutoAway &presence, QWidget *parent)
    : QToolButton(parent), m_presence(presence), m_statuses(new QActionGroup(this)), m_avatars(new AvatarImages(this))
{
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setPopupMode(QToolButton::InstantPopup);
    setAutoRaise(true);
    setIconSize(QSize(kAvatar, kAvatar));
    // The width comes from the pane, not from the text (which is elided to fit it).
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setMinimumWidth(120);
    setFocusPolicy(Qt::StrongFocus);

    auto *menu = new QMenu(this);
    menu->setAccessibleName(tr("Status menu"));
    m_statuses->setExclusive(true);
    for (const PresenceStatus s :
         {PresenceStatus::Online, PresenceStatus::Away, PresenceStatus::Busy, PresenceStatus::Offline}) {
        QAction *a = menu->addAction(statusName(s));
        a->setCheckable(true);
        a->setData(int(s));
        QPixmap dot(12, 12);
        dot.fill(Qt::transparent);
        QPainter p(&dot);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(s == PresenceStatus::Offline ? QPen(presenceColor(s), 2) : Qt::NoPen);
        p.setBrush(s == PresenceStatus::Offline ? QBrush(Qt::NoBrush) : QBrush(presenceColor(s)));
        p.drawEllipse(QRectF(1.5, 1.5, 9, 9));
        p.end();
        a->setIcon(QIcon(dot));
        m_statuses->addAction(a);
        connect(a, &QAction::triggered, this, [this, s] { m_presence.choose(s, m_presence.customStatus()); });
    }
    menu->addSeparator();
    m_setCustom = menu->addAction(tr("Set a status &message…"), this, &AccountButton::askForCustomStatus);
    m_clearCustom = menu->addAction(tr("C&lear the status message"), this,
                                    [this] { m_presence.choose(m_presence.chosenStatus(), QString()); });
    menu->addSeparator();
    setMenu(menu);

    connect(m_avatars, &AvatarImages::changed, this, &AccountButton::refresh);
    connect(&m_presence, &AutoAway::chosenChanged, this, &AccountButton::refresh);
    connect(&m_presence, &AutoAway::autoAwayChanged, this, &AccountButton::refresh);
    refresh();
}

QString AccountButton::statusName(PresenceStatus status)
{
    switch (status) {
    case PresenceStatus::Online: return tr("Online");
    case PresenceStatus::Away: return tr("Away");
    case PresenceStatus::Busy: return tr("Busy");
    case PresenceStatus::Offline: break;
    }
    return tr("Invisible");
}

void AccountButton::addTrailingActions(const QList<QAction *> &actions) { menu()->addActions(actions); }

QAction *AccountButton::statusAction(PresenceStatus status) const
{
    for (QAction *a : m_statuses->actions()) {
        if (a->data().toInt() == int(status))
            return a;
    }
    return nullptr;
}

void AccountButton::setEngine(client::ChatEngine *engine)
{
    if (m_engine) {
        disconnect(m_engine, nullptr, this, nullptr);
        disconnect(&m_engine->presence(), nullptr, this, nullptr);
        disconnect(&m_engine->connection(), nullptr, this, nullptr);
    }
    m_engine = engine;
    if (engine) {
        connect(&engine->presence(), &QAbstractItemModel::dataChanged, this, &AccountButton::refresh);
        connect(&engine->presence(), &QAbstractItemModel::rowsInserted, this, &AccountButton::refresh);
        connect(&engine->connection(), &client::RealtimeConnection::stateChanged, this, &AccountButton::refresh);
        connect(engine, &client::ChatEngine::meChanged, this, &AccountButton::refresh);
    }
    m_avatars->setMedia(engine ? &engine->media() : nullptr);
    setEnabled(engine != nullptr);
    refresh();
}

void AccountButton::askForCustomStatus()
{
    auto *dialog = new StatusMessageDialog(kCustomStatusMax, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setStatus(m_presence.customStatus());
    connect(dialog, &StatusMessageDialog::statusChosen, this,
            [this](const QString &status) { m_presence.choose(m_presence.chosenStatus(), status); });
    dialog->open();
}

void AccountButton::refresh()
{
    if (!m_engine) {
        setText(tr("Signed out"));
        setAccessibleName(tr("Account: signed out"));
        setIcon({});
        return;
    }
    const User &me = m_engine->me();
    // The server's word when it has spoken, else what we asked for; offline while disconnected.
    PresenceStatus status = m_presence.isAutoAway() ? PresenceStatus::Away : m_presence.chosenStatus();
    QString custom = m_presence.customStatus();
    if (const auto p = m_engine->presence().presence(me.userId)) {
        status = p->status;
        custom = p->customStatus;
    }
    if (m_engine->connection().state() != client::RealtimeConnection::State::Online)
        status = PresenceStatus::Offline;
    m_shown = status;
    m_shownCustom = custom;

    const QString name = me.displayName.isEmpty() ? me.username : me.displayName;
    const QString state = m_engine->connection().state() != client::RealtimeConnection::State::Online
                              ? tr("Offline")
                              : statusName(status);
    const QString line2 = custom.isEmpty() ? state : tr("%1 — %2").arg(state, custom);
    const int textWidth = qMax(60, width() - kAvatar - 28);
    // Two lines; '&' would be read as a mnemonic marker.
    const QString text = fontMetrics().elidedText(name, Qt::ElideRight, textWidth) + QLatin1Char('\n') +
                         fontMetrics().elidedText(line2, Qt::ElideRight, textWidth);
    setText(QString(text).replace(QLatin1Char('&'), QStringLiteral("&&")));
    setToolTip(custom.isEmpty() ? tr("%1 (%2)").arg(name, state) : tr("%1 (%2): %3").arg(name, state, custom));
    setAccessibleName(tr("Your status: %1. Opens the status menu.").arg(line2));

    const qreal dpr = devicePixelRatioF();
    QPixmap pm(QSize(kAvatar, kAvatar) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    paintAvatar(&p, QRect(0, 0, kAvatar, kAvatar), me.userId, name, true,
                m_avatars->picture(me.avatar, QSize(kAvatar, kAvatar) * dpr));
    const QRectF dot(kAvatar - 12.5, kAvatar - 12.5, 11, 11);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(palette().color(QPalette::Window), 2));
    p.setBrush(status == PresenceStatus::Offline ? palette().color(QPalette::Window) : presenceColor(status));
    p.drawEllipse(dot);
    if (status == PresenceStatus::Offline) {
        p.setPen(QPen(presenceColor(status), 2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(dot.adjusted(2, 2, -2, -2));
    }
    p.end();
    setIcon(QIcon(pm));

    if (QAction *a = statusAction(m_presence.chosenStatus()))
        a->setChecked(true);
    m_clearCustom->setEnabled(!m_presence.customStatus().isEmpty());
}

void AccountButton::paintEvent(QPaintEvent *)
{
    QStylePainter p(this);
    QStyleOptionToolButton opt;
    initStyleOption(&opt);
    // The whole button opens the menu: no small arrow far off in a corner.
    opt.features &= ~QStyleOptionToolButton::HasMenu;
    p.drawComplexControl(QStyle::CC_ToolButton, opt);
}

void AccountButton::resizeEvent(QResizeEvent *event)
{
    QToolButton::resizeEvent(event);
    refresh(); // the text is elided to the width
}

void AccountButton::changeEvent(QEvent *event)
{
    QToolButton::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        refresh();
}

} // namespace confab::ui
