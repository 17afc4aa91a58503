// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servicecontext.h"

namespace confab::server {

// Avatars uploaded through the file store: a picture the user uploaded themselves, that the
// server recognised as an image and made a thumbnail of. The avatar is served as that
// thumbnail, to anyone signed in (like the name beside it).
class AvatarFile {
public:
    static constexpr qint64 kMaxBytes = 5 * 1024 * 1024;

    // The avatar URL for the file (relative to the server: "/v1/files/{fileId}/thumbnail"), or a
    // VALIDATION_FAILED naming `avatarFileId` and saying what is wrong with the file.
    static Result<QString> urlFor(ServiceContext &ctx, const Caller &caller, const QString &fileId);
    // The avatar URL a file id has when it is an avatar.
    static QString urlOf(const QString &fileId);
};

} // namespace confab::server
