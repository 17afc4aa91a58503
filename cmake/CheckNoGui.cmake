# SPDX-License-Identifier: GPL-3.0-or-later
# Fails the configure step if a target links what it must not, directly or through its
# dependencies: confab_check_no_gui (core, client engine, confab-cli: no Qt Gui at all) and
# confab_check_headless (the server: Qt Gui for QImage only, run under QCoreApplication, never a
# window, so no Widgets, OpenGL or Quick).
function(_confab_collect_links target out)
  set(seen ${${out}})
  get_target_property(links ${target} LINK_LIBRARIES)
  get_target_property(ilinks ${target} INTERFACE_LINK_LIBRARIES)
  foreach(lib IN LISTS links ilinks)
    if(NOT lib OR lib IN_LIST seen)
      continue()
    endif()
    list(APPEND seen ${lib})
    if(TARGET ${lib})
      get_target_property(aliased ${lib} ALIASED_TARGET)
      if(aliased)
        list(APPEND seen ${aliased})
        _confab_collect_links(${aliased} seen)
      else()
        _confab_collect_links(${lib} seen)
      endif()
    endif()
  endforeach()
  set(${out} ${seen} PARENT_SCOPE)
endfunction()

function(_confab_check_links target pattern why)
  set(all "")
  _confab_collect_links(${target} all)
  foreach(lib IN LISTS all)
    if(lib MATCHES "${pattern}")
      message(FATAL_ERROR "${target} must not link ${lib}: ${why}")
    endif()
  endforeach()
endfunction()

function(confab_check_no_gui target)
  _confab_check_links(${target} "Qt6?::(Gui|Widgets|OpenGL|Quick)" "it runs without a GUI")
endfunction()

function(confab_check_headless target)
  _confab_check_links(${target} "Qt6?::(Widgets|OpenGL|OpenGLWidgets|Quick)"
    "the server may use Qt Gui for images only, never a window")
endfunction()
