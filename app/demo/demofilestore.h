// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demomedia.h"

#include "server/service/services.h"

namespace confab::demo {

// Stores a generated file as a demo user's upload through the server's file service (the same
// blobs, hashing, type detection and quotas as `POST /v1/files`), with its thumbnail, while the
// seeder writes the history on the storage thread.
class DemoFileStore {
public:
    explicit DemoFileStore(server::Services &services) : m_services(services) {}

    // False when the server keeps no files (no file store configured).
    bool enabled() const;
    server::Result<server::FileRecord> store(const server::Caller &uploader, const media::GeneratedFile &file);

private:
    server::Services &m_services;
};

} // namespace confab::demo
