# SPDX-License-Identifier: GPL-3.0-or-later
# -DCONFAB_FUZZ=ON: a build folder of libFuzzer targets (tests/fuzz, scripts/fuzz.sh). Everything
# is compiled with coverage instrumentation for libFuzzer plus ASan and UBSan; only the targets
# link libFuzzer's main.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "CONFAB_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                    -fno-sanitize-recover=undefined)
add_link_options(-fsanitize=address,undefined)
