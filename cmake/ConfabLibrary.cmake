# SPDX-License-Identifier: GPL-3.0-or-later
# confab_add_library(name sources...): one of the project's own libraries.
# Static by default, so each program is one self-contained binary. A test tree may make them
# shared (CONFAB_SHARED_LIBS): its ~100 test executables then share one copy of each library
# on disk instead of carrying ~200 MB each under ASan (a CI machine ran out of disk with static
# ones). Such a tree cannot be installed (packaging/CMakeLists.txt refuses).
function(confab_add_library name)
  if(CONFAB_SHARED_LIBS)
    add_library(${name} SHARED ${ARGN})
    # No <name>_EXPORTS define: the objects compile exactly as in a static tree, so ccache
    # hits across both kinds of tree. Default visibility exports everything on Linux.
    set_target_properties(${name} PROPERTIES DEFINE_SYMBOL "")
  else()
    add_library(${name} STATIC ${ARGN})
  endif()
endfunction()
