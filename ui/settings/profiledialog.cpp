// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiledialog.h"

#include "widgets/avatarcropper.h"
#include "widgets/avatarpainter.h"
#include "widgets/statuslabel.h"

#include "client/account/session.h"
#include "client/net/apiclient.h"
#include "client/net/uploadclient.h"

#include "core/limits.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QTemporaryFile>
#include <QVBoxLayout>

namespace confab::ui {

namespace {
constexpr int kPreview = 72;
constexpr qint64 kMaxPixels = 100LL * 1000 * 1000; // pictures larger than this are not decoded
} // namespace

ProfileDialog::ProfileDialog(client::Session &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_me(session.me())
{
    setWindowTitle(tr("Your profile"));
    setAccessibleName(tr("Your profile"));
    auto *layout = new QVBoxLayout(this);

    // ---- name and picture
    auto *profile = new QGroupBox(tr("Name and picture"), this);
    auto *profileLayout = new QVBoxLayout(profile);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(m_me.displayName, profile);
    m_name->setMaxLength(limits::kDisplayNameMax);
    m_name->setAccessibleName(tr("Display name"));
    auto *nameLabel = new QLabel(tr("Display &name:"), profile);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);
    profileLayout->addLayout(form);

    auto *pictureRow = new QHBoxLayout;
    m_preview = new QLabel(profile);
    m_preview->setFixedSize(kPreview, kPreview);
    m_preview->setAccessibleName(tr("Your picture"));
    pictureRow->addWidget(m_preview, 0, Qt::AlignTop);
    auto *pictureButtons = new QVBoxLayout;
    m_choose = new QPushButton(tr("&Choose picture…"), profile);
    m_choose->setAccessibleName(tr("Choose picture"));
    m_remove = new QPushButton(tr("&Remove picture"), profile);
    m_remove->setAccessibleName(tr("Remove picture"));
    pictureButtons->addWidget(m_choose);
    pictureButtons->addWidget(m_remove);
    pictureButtons->addStretch();
    pictureRow->addLayout(pictureButtons);
    m_cropper = new AvatarCropper(profile);
    m_cropper->setVisible(false);
    pictureRow->addWidget(m_cropper, 1);
    profileLayout->addLayout(pictureRow);
    m_status = new StatusLabel(profile);
    profileLayout->addWidget(m_status);
    m_save = new QPushButton(tr("&Save profile"), profile);
    m_save->setAccessibleName(tr("Save profile"));
    profileLayout->addWidget(m_save, 0, Qt::AlignRight);
    layout->addWidget(profile);

    // ---- password
    auto *password = new QGroupBox(tr("Password"), this);
    auto *passwordLayout = new QVBoxLayout(password);
    auto *passwordForm = new QFormLayout;
    auto passwordField = [&](const QString &label, const QString &name) {
        auto *edit = new QLineEdit(password);
        edit->setEchoMode(QLineEdit::Password);
        edit->setMaxLength(limits::kPasswordMax);
        edit->setAccessibleName(name);
        auto *l = new QLabel(label, password);
        l->setBuddy(edit);
        passwordForm->addRow(l, edit);
        return edit;
    };
    m_oldPassword = passwordField(tr("C&urrent password:"), tr("Current password"));
    m_newPassword = passwordField(tr("N&ew password:"), tr("New password"));
    m_repeatPassword = passwordField(tr("Re&peat new password:"), tr("Repeat new password"));
    passwordLayout->addLayout(passwordForm);
    auto *note = new QLabel(tr("Changing your password signs out every other device."), password);
    note->setWordWrap(true);
    passwordLayout->addWidget(note);
    m_passwordStatus = new StatusLabel(password);
    passwordLayout->addWidget(m_passwordStatus);
    m_changePassword = new QPushButton(tr("Change &password"), password);
    m_changePassword->setAccessibleName(tr("Change password"));
    passwordLayout->addWidget(m_changePassword, 0, Qt::AlignRight);
    layout->addWidget(password);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false); // Enter in a field never closes
    layout->addWidget(buttons);

    // Enter in a field does what its section is for, never closes the dialog.
    for (QPushButton *b : {m_choose, m_remove, m_save, m_changePassword})
        b->setAutoDefault(false);
    connect(m_name, &QLineEdit::returnPressed, this, &ProfileDialog::save);
    for (QLineEdit *e : {m_oldPassword, m_newPassword, m_repeatPassword})
        connect(e, &QLineEdit::returnPressed, this, &ProfileDialog::changePassword);
    connect(m_choose, &QPushButton::clicked, this, &ProfileDialog::askForPicture);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        m_removePicture = true;
        m_cropper->setImage({});
        m_cropper->setVisible(false);
        refreshPreview();
        m_status->showInfo(tr("The picture goes when you save the profile."));
    });
    connect(m_cropper, &AvatarCropper::selectionChanged, this, &ProfileDialog::refreshPreview);
    connect(m_save, &QPushButton::clicked, this, &ProfileDialog::save);
    connect(m_changePassword, &QPushButton::clicked, this, &ProfileDialog::changePassword);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    setTabOrder(m_name, m_choose);
    setTabOrder(m_choose, m_remove);
    setTabOrder(m_remove, m_cropper);
    setTabOrder(m_cropper, m_save);
    setTabOrder(m_save, m_oldPassword);
    refreshPreview();
    m_name->setFocus();
}

ProfileDialog::~ProfileDialog()
{
    if (m_upload)
        m_upload->cancel();
}

void ProfileDialog::askForPicture()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a picture"), {},
                                                      tr("Pictures (*.png *.jpg *.jpeg *.gif *.webp)"));
    if (!path.isEmpty())
        choosePicture(path);
}

bool ProfileDialog::choosePicture(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && qint64(size.width()) * size.height() > kMaxPixels) {
        m_status->showError(tr("This picture is too large to open."));
        return false;
    }
    const QImage image = reader.read();
    if (image.isNull()) {
        m_status->showError(tr("This file is not a picture this program can read."));
        return false;
    }
    m_removePicture = false;
    m_cropper->setImage(image);
    m_cropper->setVisible(true);
    m_cropper->setFocus();
    m_status->showInfo(tr("Move the square to the part you want, then save the profile."));
    refreshPreview();
    return true;
}

void ProfileDialog::refreshPreview()
{
    const qreal dpr = devicePixelRatioF();
    QPixmap pm(QSize(kPreview, kPreview) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    const QImage picture = m_cropper->image().isNull() ? QImage() : m_cropper->cropped(int(kPreview * dpr));
    paintAvatar(&p, QRect(0, 0, kPreview, kPreview), m_me.userId,
                m_name->text().isEmpty() ? m_me.username : m_name->text(), true, picture);
    p.end();
    m_preview->setPixmap(pm);
    m_remove->setEnabled(!m_removePicture && (!m_me.avatar.isEmpty() || !m_cropper->image().isNull()));
}

void ProfileDialog::setBusy(bool busy)
{
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_choose),
                       static_cast<QWidget *>(m_remove), static_cast<QWidget *>(m_save)})
        w->setEnabled(!busy);
    if (!busy)
        refreshPreview();
}

void ProfileDialog::save()
{
    if (m_name->text().trimmed().isEmpty()) {
        m_status->showError(tr("Your display name cannot be empty."));
        m_name->setFocus();
        return;
    }
    setBusy(true);
    if (!m_cropper->image().isNull()) {
        uploadPicture();
        return;
    }
    sendProfile(std::nullopt);
}

// The square goes to the server as a PNG file first; its file id then becomes the avatar.
void ProfileDialog::uploadPicture()
{
    m_status->showBusy(tr("Uploading your picture…"));
    m_pictureFile = std::make_unique<QTemporaryFile>();
    m_pictureFile->setFileTemplate(QDir::tempPath() + QStringLiteral("/confab-avatar-XXXXXX.png"));
    if (!m_pictureFile->open() || !m_cropper->cropped(kAvatarSide).save(m_pictureFile.get(), "PNG")) {
        setBusy(false);
        m_status->showError(tr("The picture could not be prepared for upload."));
        return;
    }
    m_pictureFile->flush();
    client::UploadRequest request;
    request.path = m_pictureFile->fileName();
    request.fileName = QStringLiteral("avatar.png");
    request.fileSize = m_pictureFile->size();
    request.mimeType = QStringLiteral("image/png");
    m_upload = new client::FileUpload(m_nam, m_session.api(), request, this);
    connect(m_upload, &client::FileUpload::finished, this, [this](const Attachment &file) {
        m_upload->deleteLater();
        sendProfile(file.fileId);
    });
    connect(m_upload, &client::FileUpload::failed, this, [this](const ApiError &error, bool) {
        m_upload->deleteLater();
        setBusy(false);
        m_status->showError(tr("Your picture was not uploaded: %1").arg(error.message));
    });
    m_upload->start();
}

void ProfileDialog::sendProfile(const std::optional<QString> &avatarFileId)
{
    ProfileChange change;
    change.displayName = m_name->text().trimmed();
    if (avatarFileId)
        change.avatarFileId = avatarFileId;
    else if (m_removePicture)
        change.avatar = QString();
    m_status->showBusy(tr("Saving your profile…"));
    m_session.api().updateProfile(change, this, [this](const client::ApiResult<User> &r) {
        setBusy(false);
        if (!r.ok()) {
            m_status->showError(tr("Your profile was not saved: %1").arg(r.error->message));
            return;
        }
        m_me = r.value;
        m_removePicture = false;
        m_cropper->setImage({});
        m_cropper->setVisible(false);
        refreshPreview();
        m_status->showInfo(tr("Your profile was saved. Everyone in your rooms sees it now."));
        Q_EMIT profileSaved(r.value);
    });
}

void ProfileDialog::changePassword()
{
    const QString current = m_oldPassword->text(), next = m_newPassword->text();
    if (current.isEmpty()) {
        m_passwordStatus->showError(tr("Type your current password."));
        m_oldPassword->setFocus();
        return;
    }
    if (next.size() < limits::kPasswordMin) {
        m_passwordStatus->showError(tr("The new password needs at least %1 characters.").arg(limits::kPasswordMin));
        m_newPassword->setFocus();
        return;
    }
    if (next != m_repeatPassword->text()) {
        m_passwordStatus->showError(tr("The two new passwords are not the same."));
        m_repeatPassword->selectAll();
        m_repeatPassword->setFocus();
        return;
    }
    m_changePassword->setEnabled(false);
    m_passwordStatus->showBusy(tr("Changing your password…"));
    m_session.api().changePassword(current, next, this, [this](const client::ApiResult<Done> &r) {
        m_changePassword->setEnabled(true);
        if (!r.ok()) {
            if (r.httpStatus == 403) {
                m_passwordStatus->showError(tr("The current password is wrong. Nothing was changed."));
                m_oldPassword->selectAll();
                m_oldPassword->setFocus();
            } else {
                m_passwordStatus->showError(tr("Your password was not changed: %1").arg(r.error->message));
            }
            return;
        }
        for (QLineEdit *e : {m_oldPassword, m_newPassword, m_repeatPassword})
            e->clear();
        m_passwordStatus->showInfo(tr("Your password was changed. Your other devices were signed out."));
        Q_EMIT passwordChanged();
    });
}

} // namespace confab::ui
