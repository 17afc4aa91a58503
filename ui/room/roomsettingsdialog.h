// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/net/apitypes.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace confab::client {
class ModerationActions;
class RoomStanding;
} // namespace confab::client

namespace confab::ui {

// The open room's name, description and the settings that take effect (slow mode, member cap,
// who may add people, anonymous posts, the word filter), editable by those whose role allows
// it (core's permission table) and read-only with the reason for everyone else; below, apart,
// the danger zone: deleting the room, for the owner, after a confirmation.
class RoomSettingsDialog : public QDialog {
    Q_OBJECT
public:
    RoomSettingsDialog(client::RoomStanding &standing, client::ModerationActions &actions, QWidget *parent = nullptr);

    bool isEditable() const { return m_editable; }
    QString readOnlyReason() const;
    QString errorText() const;

    QLineEdit *nameField() const { return m_name; }
    QPlainTextEdit *descriptionField() const { return m_description; }
    QSpinBox *slowModeField() const { return m_slowMode; }
    QSpinBox *memberCapField() const { return m_memberCap; }
    QCheckBox *allowInvitesBox() const { return m_allowInvites; }
    QCheckBox *allowAnonymousBox() const { return m_allowAnonymous; }
    // enableAI: shown only to those who may change the settings.
    QCheckBox *allowAssistantBox() const { return m_allowAssistant; }
    QPlainTextEdit *wordFilterField() const { return m_wordFilter; }
    QComboBox *wordFilterActionBox() const { return m_wordFilterAction; }
    QPushButton *saveButton() const { return m_save; }
    QGroupBox *dangerZone() const { return m_danger; }
    QPushButton *deleteButton() const { return m_delete; }
    // The delete confirmation while it is open.
    QDialog *confirmation() const { return m_confirmation; }

    // What Save would send (only what differs from the room); nullopt with the reason when an
    // input is wrong.
    std::optional<client::RoomChange> change(QString *error) const;

private:
    void fill(const Room &room);
    void save();
    void confirmDelete();
    void showError(const QString &text);

    client::RoomStanding &m_standing;
    client::ModerationActions &m_actions;
    Room m_shown; // the room as the dialog was filled: Save sends only what the user changed
    bool m_editable = false;
    QLabel *m_readOnly;
    QLabel *m_error;
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QLabel *m_type;
    QSpinBox *m_slowMode;
    QSpinBox *m_memberCap;
    QCheckBox *m_allowInvites;
    QCheckBox *m_allowAnonymous;
    QCheckBox *m_allowAssistant;
    QPlainTextEdit *m_wordFilter;
    QComboBox *m_wordFilterAction;
    QPushButton *m_save;
    QPushButton *m_close;
    QGroupBox *m_danger;
    QPushButton *m_delete;
    QLabel *m_deleteWhy;
    QPointer<QDialog> m_confirmation;
    bool m_busy = false; // a save or delete is on its way: its answer closes the dialog
};

} // namespace confab::ui
