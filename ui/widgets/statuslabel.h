// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace confab::ui {

// The line under a form: what is going on ("Creating the room…"), or what went wrong, in the
// attention colour of the current theme (kept right when the theme changes). Plain text only:
// server messages may quote what the user typed.
class StatusLabel : public QLabel {
    Q_OBJECT
public:
    explicit StatusLabel(QWidget *parent = nullptr);

    void showBusy(const QString &message);
    void showError(const QString &message);
    void showInfo(const QString &message);
    void clearStatus();
    bool isError() const { return m_error && isVisible(); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void display(const QString &message, bool error);
    void restyle();

    bool m_error = false;
    bool m_restyling = false;
};

// A panel's one-line status in a plain QLabel (the member and moderation panels): hidden when
// empty, in red when an error (else in `base`, the panel's palette), always announced to screen
// readers.
void showPanelStatus(QLabel *label, const QPalette &base, const QString &text, bool isError);

} // namespace confab::ui
