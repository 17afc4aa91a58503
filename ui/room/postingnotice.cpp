// SPDX-License-Identifier: GPL-3.0-or-later
#include "postingnotice.h"

#include <QAccessible>
#include <QPainter>

namespace confab::ui {

namespace {
QColor badgeColor(PostingNotice::Kind kind)
{
    switch (kind) {
    case PostingNotice::Kind::Muted: return QColor(0xc0, 0x39, 0x2b);
    case PostingNotice::Kind::SlowMode: return QColor(0xb7, 0x79, 0x00);
    case PostingNotice::Kind::ReadOnly: return QColor(0x5a, 0x6b, 0x7d);
    }
    return Qt::gray;
}

QFont badgeFont(const QFont &base)
{
    QFont f = base;
    f.setBold(true);
    f.setPointSizeF(base.pointSizeF() * 0.8);
    return f;
}
} // namespace

PostingNotice::PostingNotice(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Why you cannot send"));
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    hide();
}

QString PostingNotice::badge() const
{
    switch (m_kind) {
    case Kind::Muted: return tr("Muted");
    case Kind::SlowMode: return tr("Slow mode");
    case Kind::ReadOnly: return tr("Read only");
    }
    return {};
}

void PostingNotice::showNotice(Kind kind, const QString &text)
{
    if (text.isEmpty()) {
        clearNotice();
        return;
    }
    const bool announce = !isVisible() || kind != m_kind; // not every second of a countdown
    m_kind = kind;
    m_text = text;
    setAccessibleDescription(text);
    setToolTip(text);
    show();
    updateGeometry();
    update();
    if (announce) {
        QAccessibleEvent alert(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void PostingNotice::clearNotice()
{
    m_text.clear();
    hide();
}

QSize PostingNotice::sizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.horizontalAdvance(m_text) + 120, fm.height() + 10};
}

QSize PostingNotice::minimumSizeHint() const { return {60, QFontMetrics(font()).height() + 10}; }

int PostingNotice::badgeWidth() const { return QFontMetrics(badgeFont(font())).horizontalAdvance(badge()) + 14; }

QRect PostingNotice::textRect(int width) const
{
    const int left = badgeWidth() + 8;
    return fontMetrics().boundingRect(QRect(left, 0, qMax(40, width - left), 10000), Qt::TextWordWrap, m_text);
}

int PostingNotice::heightForWidth(int width) const
{
    return qMax(QFontMetrics(badgeFont(font())).height() + 4, textRect(width).height()) + 10;
}

void PostingNotice::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFont small = badgeFont(font());
    const QFontMetrics sfm(small);
    const QString label = badge();
    const int bh = sfm.height() + 4;
    const QRect pill(0, 5, badgeWidth(), bh);
    p.setPen(Qt::NoPen);
    p.setBrush(badgeColor(m_kind));
    p.drawRoundedRect(pill, bh / 2.0, bh / 2.0);
    p.setPen(Qt::white);
    p.setFont(small);
    p.drawText(pill, Qt::AlignCenter, label);

    p.setFont(font());
    p.setPen(palette().color(QPalette::WindowText));
    const QRect text(pill.right() + 8, 5, width() - pill.right() - 8, height() - 5);
    p.drawText(text, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_text);
}

} // namespace confab::ui
