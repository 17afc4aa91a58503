// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QDialog>
#include <QImage>
#include <QNetworkAccessManager>
#include <QPointer>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTemporaryFile;

namespace confab::client {
class Session;
class FileUpload;
} // namespace confab::client

namespace confab::ui {

class AvatarCropper;
class StatusLabel;

// "Your profile": the display name, the picture (chosen from a file, cropped to a square in an
// AvatarCropper, uploaded through the file store and set with PATCH /v1/me avatarFileId; or
// removed), and the password (the current one, the new one twice; the server signs out every
// other device). Everyone who shares a room sees a new name or picture at once (user_updated).
class ProfileDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kAvatarSide = 512; // pixels of the uploaded square

    ProfileDialog(client::Session &session, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    // Loads a picture into the cropper (what "Choose picture…" does after its file dialog).
    bool choosePicture(const QString &path);

    QLineEdit *nameField() const { return m_name; }
    AvatarCropper *cropper() const { return m_cropper; }
    QPushButton *chooseButton() const { return m_choose; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *saveButton() const { return m_save; }
    QLineEdit *currentPasswordField() const { return m_oldPassword; }
    QLineEdit *newPasswordField() const { return m_newPassword; }
    QLineEdit *repeatPasswordField() const { return m_repeatPassword; }
    QPushButton *passwordButton() const { return m_changePassword; }
    StatusLabel *status() const { return m_status; }
    StatusLabel *passwordStatus() const { return m_passwordStatus; }

Q_SIGNALS:
    // The server took the new profile (name and picture).
    void profileSaved(const confab::User &user);
    void passwordChanged();

private:
    void askForPicture();
    void save();
    void uploadPicture();
    void sendProfile(const std::optional<QString> &avatarFileId);
    void changePassword();
    void refreshPreview();
    void setBusy(bool busy);

    client::Session &m_session;
    User m_me;
    QLineEdit *m_name;
    QLabel *m_preview;
    AvatarCropper *m_cropper;
    QPushButton *m_choose;
    QPushButton *m_remove;
    QPushButton *m_save;
    StatusLabel *m_status;
    QLineEdit *m_oldPassword;
    QLineEdit *m_newPassword;
    QLineEdit *m_repeatPassword;
    QPushButton *m_changePassword;
    StatusLabel *m_passwordStatus;
    bool m_removePicture = false; // "Remove picture" was chosen and not saved yet
    QNetworkAccessManager m_nam;
    QPointer<client::FileUpload> m_upload;
    std::unique_ptr<QTemporaryFile> m_pictureFile;
};

} // namespace confab::ui
