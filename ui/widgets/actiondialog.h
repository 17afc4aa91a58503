// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/net/apitypes.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QPushButton;
class QSpacerItem;
class QVBoxLayout;

namespace confab::client {
class ChatEngine;
class RoomActions;
} // namespace confab::client

namespace confab::ui {

class StatusLabel;

// The frame of the shell's small dialogs: a form, a status line and OK/Cancel. The OK button
// starts one request; while it runs the form is disabled; an error from the server is shown in
// its own words (focus goes to the field it names) and the form can be fixed and sent again.
class ActionDialog : public QDialog {
    Q_OBJECT
public:
    ActionDialog(client::ChatEngine &engine, const QString &okText, QWidget *parent = nullptr);

    QPushButton *okButton() const { return m_ok; }
    StatusLabel *status() const { return m_status; }
    // The error shown, or empty.
    QString errorText() const;

protected:
    // Put the form here, above the status line.
    QVBoxLayout *formLayout() const { return m_form; }
    client::RoomActions &actions() const { return *m_actions; }
    client::ChatEngine *engine() const;
    // Called by OK.
    virtual void submit() = 0;
    // Where an error about this field ("name", "members", "username", ...) should put the focus.
    virtual QWidget *fieldWidget(const QString &field) const;
    virtual QString fieldLabel(const QString &field) const;

    void setBusy(const QString &message);
    void showError(const QString &message, const QString &field = {});
    // The error's message (a sentence in the user's language, see client::ErrorText); the focus
    // goes to the field it names.
    void showError(const confab::ApiError &error);
    void setOkEnabled(bool enabled);
    // The form takes the dialog's spare height (a list), instead of staying at the top.
    void letFormGrow();
    // The request worked and the dialog stays open for another (the form is enabled again).
    void showDone(const QString &message);
    QPushButton *cancelButton() const;

private:
    void setFormEnabled(bool enabled);
    void presentError(const QString &text, const QString &field);
    void growToFit();

    QPointer<client::ChatEngine> m_engine;
    client::RoomActions *m_actions;
    QWidget *m_formBox; // disabled while a request runs
    QVBoxLayout *m_form;
    StatusLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_ok;
    QSpacerItem *m_spacer;
    bool m_okEnabled = true;
};

} // namespace confab::ui
