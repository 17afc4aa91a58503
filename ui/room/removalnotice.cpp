// SPDX-License-Identifier: GPL-3.0-or-later
#include "removalnotice.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace confab::ui {

RemovalNotice::RemovalNotice(QWidget *parent)
    : QFrame(parent), m_title(new QLabel(this)), m_message(new QLabel(this)),
      m_dismiss(new QPushButton(tr("Dismiss"), this))
{
    setAccessibleName(tr("You are no longer in a room"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // A warm background that reads in light and dark palettes alike, with dark text on it.
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xfd, 0xe8, 0xe4));
    p.setColor(QPalette::WindowText, QColor(0x5c, 0x16, 0x0e));
    setPalette(p);

    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setAccessibleName(tr("What happened"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Why"));
    m_dismiss->setAccessibleName(tr("Dismiss this notice"));
    connect(m_dismiss, &QPushButton::clicked, this, &QWidget::hide);

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_message);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addLayout(text, 1);
    layout->addWidget(m_dismiss, 0, Qt::AlignVCenter);
    hide();
}

void RemovalNotice::showMessage(const QString &title, const QString &message)
{
    m_title->setText(title);
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    show();
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

QString RemovalNotice::title() const { return m_title->text(); }
QString RemovalNotice::message() const { return m_message->text(); }

} // namespace confab::ui
