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
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
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

void PostingNotice::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFont small = badgeFont(font());
    const QFontMetrics sfm(small);
    const QString label = badge();
    const int bh = sfm.height() + 4;
    const QRect pill(0, (height() - bh) / 2, sfm.horizontalAdvance(label) + 14, bh);
    p.setPen(Qt::NoPen);
    p.setBrush(badgeColor(m_kind));
    p.drawRoundedRect(pill, bh / 2.0, bh / 2.0);
    p.setPen(Qt::white);
    p.setFont(small);
    p.drawText(pill, Qt::AlignCenter, label);

    p.setFont(font());
    p.setPen(palette().color(QPalette::WindowText));
    const QRect textRect(pill.right() + 8, 0, width() - pill.right() - 8, height());
    p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, fontMetrics().elidedText(m_text, Qt::ElideRight, textRect.width()));
}

} // namespace confab::ui
