// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuslabel.h"

#include "shell/thememanager.h"

#include <QAccessible>
#include <QEvent>

namespace confab::ui {

void showPanelStatus(QLabel *label, const QPalette &base, const QString &text, bool isError)
{
    label->setText(text);
    QPalette p = base;
    if (isError)
        p.setColor(QPalette::WindowText, QColor(0xd0, 0x3a, 0x2f));
    label->setPalette(p);
    label->setVisible(!text.isEmpty());
    QAccessibleEvent alert(label, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

StatusLabel::StatusLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void StatusLabel::showBusy(const QString &message) { display(message, false); }
void StatusLabel::showInfo(const QString &message) { display(message, false); }
void StatusLabel::showError(const QString &message) { display(message, true); }

void StatusLabel::clearStatus()
{
    clear();
    hide();
}

void StatusLabel::display(const QString &message, bool error)
{
    m_error = error;
    setText(message);
    restyle();
    setVisible(true);
    // Screen readers hear errors without moving focus away from the field at fault.
    if (error) {
        QAccessibleEvent alert(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void StatusLabel::restyle()
{
    m_restyling = true;
    if (m_error) {
        QPalette only; // just the text colour; the rest stays inherited
        only.setColor(QPalette::WindowText, attentionColor(palette()));
        setPalette(only);
    } else {
        setPalette(QPalette()); // all inherited
    }
    m_restyling = false;
}

void StatusLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_restyling)
        restyle();
}

} // namespace confab::ui
