// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/actiondialog.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace confab::ui {

// A new room: name, description, type (public, private, group, announcement; direct rooms have
// their own dialog), people to add by username, and the settings that take effect today
// (who may add people, anonymous posts, slow mode, member limit).
class CreateRoomDialog : public ActionDialog {
    Q_OBJECT
public:
    explicit CreateRoomDialog(client::ChatEngine &engine, QWidget *parent = nullptr);

    QLineEdit *nameField() const { return m_name; }
    QPlainTextEdit *descriptionField() const { return m_description; }
    QComboBox *typeField() const { return m_type; }
    QLineEdit *peopleField() const { return m_people; }
    QCheckBox *allowAnonymousField() const { return m_allowAnonymous; }
    QSpinBox *slowModeField() const { return m_slowMode; }
    QSpinBox *maxMembersField() const { return m_maxMembers; }
    // Chooses the type by its API name ("public", "private", "group", "announcement").
    void setType(const QString &type);

    // "alice, @bob carol" -> alice, bob, carol
    static QStringList usernamesIn(const QString &text);

Q_SIGNALS:
    void roomCreated(const QString &roomId);

protected:
    void submit() override;
    QWidget *fieldWidget(const QString &field) const override;
    QString fieldLabel(const QString &field) const override;

private:
    void typeChanged();
    RoomType selectedType() const;

    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QComboBox *m_type;
    QLabel *m_typeHelp;
    QLineEdit *m_people;
    QCheckBox *m_allowInvites;
    QCheckBox *m_allowAnonymous;
    QSpinBox *m_slowMode;
    QSpinBox *m_maxMembers;
};

} // namespace confab::ui
