// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Length limits shared by the codecs, the validators and the server's defaults.
namespace confab::limits {

constexpr int kIdMax = 64;
constexpr int kUsernameMin = 3;
constexpr int kUsernameMax = 32;
constexpr int kPasswordMin = 8;
constexpr int kPasswordMax = 1024;
constexpr int kDisplayNameMax = 64;
constexpr int kRoomNameMax = 100;
constexpr int kDescriptionMax = 1000;
constexpr int kUrlMax = 2048;
constexpr int kContentMax = 5000;       // API.md's default; the server may configure less
constexpr int kContentHardMax = 100000; // what the decoder accepts before the configured check
constexpr int kCustomStatusMax = 100;
constexpr int kEmojiMax = 32;
constexpr int kReasonMax = 500;
constexpr int kAttachmentsMax = 10;
constexpr int kAllowedFileTypesMax = 50; // room setting allowedFileTypes
constexpr int kMimeTypeMax = 255;
constexpr int kGroupMembersMax = 50;
constexpr int kJsonDepthMax = 32;
constexpr int kSyncRoomsMax = 1000;
constexpr int kWordFilterMax = 200; // words per room
constexpr int kWordFilterWordMax = 64;

} // namespace confab::limits
