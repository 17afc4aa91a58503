// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProxyStyle>

namespace confab::ui {

// The platform's style, with the two things Fusion draws from its palette too faintly on a dark
// one: the border of an unchecked check box or radio button (a shade of the window colour,
// nearly black on black) and the clear icon of line edits (a fixed dark grey). Both take the
// text colour instead.
class ContrastStyle : public QProxyStyle {
    Q_OBJECT
public:
    using QProxyStyle::QProxyStyle;

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
    QIcon standardIcon(StandardPixmap icon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};

} // namespace confab::ui
