# SPDX-License-Identifier: GPL-3.0-or-later
# Warnings, hardening, sanitizers and ccache for every target of the project.

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()

add_compile_options(-Wall -Wextra -Wpedantic)
if(CONFAB_WERROR)
  add_compile_options(-Werror)
endif()

# Hardening (also what lintian expects of packaged binaries).
add_compile_options(-fstack-protector-strong -fstack-clash-protection -fcf-protection)
add_compile_definitions($<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
add_link_options(-Wl,-z,relro -Wl,-z,now)
# Debug sections compressed in linked binaries (gdb, addr2line and the sanitizers' symbolizer
# read them): a RelWithDebInfo test binary is ~100 MB of which ~95 MB is DWARF. Objects stay
# uncompressed, so ccache entries are shared with older trees.
add_link_options(-Wl,--compress-debug-sections=zlib)

# Qt string hygiene: no implicit conversions from const char* or to QUrl.
add_compile_definitions(QT_NO_CAST_FROM_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_CAST_TO_ASCII
                        QT_NO_FOREACH QT_NO_KEYWORDS QT_USE_QSTRINGBUILDER)

if(CONFAB_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
