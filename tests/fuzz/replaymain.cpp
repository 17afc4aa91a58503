// SPDX-License-Identifier: GPL-3.0-or-later
// Runs one fuzz target's entry point over every file in the folders given, without libFuzzer,
// so the ordinary (GCC, sanitized) test suite replays past findings and the seed corpora:
//   test_fuzz_replay TARGET DIR...
// A finding aborts (the targets' own checks or a sanitizer); otherwise it prints what it ran.

#include <QDir>
#include <QFile>
#include <QTextStream>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>

using Entry = int (*)(const uint8_t *, size_t);

#define CONFAB_FUZZ_ENTRY(name) extern "C" int confabFuzz_##name(const uint8_t *, size_t);
#define CONFAB_FUZZ_TARGETS(X)                                                                                         \
    X(http_parser)                                                                                                     \
    X(http_connection)                                                                                                 \
    X(websocket_frames)                                                                                                \
    X(frames)                                                                                                          \
    X(rest_bodies)                                                                                                     \
    X(search_syntax)                                                                                                   \
    X(markdown_preview)                                                                                                \
    X(event_cursor)                                                                                                    \
    X(byte_range)                                                                                                      \
    X(media)
CONFAB_FUZZ_TARGETS(CONFAB_FUZZ_ENTRY)

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s TARGET DIR...\n", argv[0]);
        return 2;
    }
#define CONFAB_FUZZ_TABLE_ROW(name) {#name, &confabFuzz_##name},
    const std::map<std::string, Entry> entries = {CONFAB_FUZZ_TARGETS(CONFAB_FUZZ_TABLE_ROW)};
    const auto entry = entries.find(argv[1]);
    if (entry == entries.end()) {
        std::fprintf(stderr, "unknown fuzz target: %s\n", argv[1]);
        return 2;
    }
    int ran = 0;
    for (int i = 2; i < argc; ++i) {
        const QDir dir(QFile::decodeName(argv[i]));
        // A target without findings has no regressions folder: nothing to replay there.
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(file.fileName()));
                return 1;
            }
            const QByteArray data = file.readAll();
            std::fprintf(stderr, "%s: %s\n", argv[1], qPrintable(file.fileName()));
            entry->second(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()));
            ++ran;
        }
    }
    std::printf("%s: replayed %d inputs\n", argv[1], ran);
    return ran > 0 ? 0 : 1; // no input at all means a wrong folder, not a pass
}
