// SPDX-License-Identifier: GPL-3.0-or-later
#include "lengthcounter.h"

#include "room/composer.h"

#include <QLocale>

namespace confab::ui {

LengthCounter::LengthCounter(Composer *composer, QWidget *parent) : StatusLabel(parent), m_composer(composer)
{
    setAccessibleName(tr("Message length"));
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    connect(m_composer, &Composer::textChanged, this, &LengthCounter::refresh);
}

void LengthCounter::refresh()
{
    const int max = Composer::maxLength();
    // Counting is cheap next to the layout the edit already did; the label changes only when it must.
    const int length = m_composer->length();
    if (length < int(max * kShowFrom)) {
        if (m_shown >= 0)
            clearStatus();
        m_shown = -1;
        return;
    }
    if (length == m_shown)
        return;
    m_shown = length;
    const QLocale locale;
    if (length > max)
        showError(tr("%1 / %2 characters: too long to send").arg(locale.toString(length), locale.toString(max)));
    else
        showInfo(tr("%1 / %2 characters").arg(locale.toString(length), locale.toString(max)));
}

} // namespace confab::ui
