# SPDX-License-Identifier: GPL-3.0-or-later
# CPack pre-build script (packaging/CMakeLists.txt): removes the .comment and .note sections from
# the staged programs, as dh_strip does (lintian: binary-has-unneeded-section). CPack has already
# stripped them (CPACK_STRIP_FILES).
file(GLOB_RECURSE _programs LIST_DIRECTORIES false "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/usr/bin/*")
foreach(program IN LISTS _programs)
  execute_process(COMMAND strip --remove-section=.comment --remove-section=.note "${program}"
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "strip-notes: strip failed on ${program}")
  endif()
endforeach()
