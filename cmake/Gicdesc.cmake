# Gicdesc.cmake - regenerate firmware descriptions as a normal build step.
#
#   list(APPEND CMAKE_MODULE_PATH /path/to/gicdesc/cmake)
#   include(Gicdesc)
#   gicdesc_generate(board_irq
#     DESCRIPTION ${CMAKE_CURRENT_SOURCE_DIR}/board.yaml
#     OUTPUT_DIR  ${CMAKE_CURRENT_BINARY_DIR}/firmware
#     [FORMATS dts dtb iort madt ...]          # default: all
#     [IORT_REVISION 0|3|5] [MADT_REVISION 3|4|5|6]
#     [NAME stem])                             # platform.name of the description
#
# Defines a custom target board_irq whose outputs are rebuilt whenever the
# description changes, and sets board_irq_OUTPUTS (in the caller's scope) to the
# list of files it writes, so other rules can depend on them (a DTB packed into
# a FIT image, tables linked into EDK2's AcpiTables, ...). Set GICDESC_EXECUTABLE
# to use a particular gicdesc; otherwise it is looked up on PATH.
include_guard(GLOBAL)

if(NOT GICDESC_EXECUTABLE)
  find_program(GICDESC_EXECUTABLE gicdesc REQUIRED)
endif()

function(gicdesc_generate target)
  cmake_parse_arguments(G "" "DESCRIPTION;OUTPUT_DIR;IORT_REVISION;MADT_REVISION;NAME"
                        "FORMATS" ${ARGN})
  if(NOT G_DESCRIPTION OR NOT G_OUTPUT_DIR)
    message(FATAL_ERROR "gicdesc_generate(${target}): DESCRIPTION and OUTPUT_DIR are required")
  endif()
  if(NOT G_FORMATS)
    set(G_FORMATS dts dtsi dtb iort iort-dsl madt madt-dsl)
  endif()
  if(NOT G_NAME)
    # The output stem is platform.name of the description.
    file(STRINGS ${G_DESCRIPTION} name_line REGEX "^  name:")
    string(REGEX REPLACE "^  name:[ ]*\"?([A-Za-z0-9._-]+)\"?.*" "\\1" G_NAME "${name_line}")
  endif()

  set(file_of_dts "${G_NAME}.dts")
  set(file_of_dtsi "${G_NAME}-gic.dtsi")
  set(file_of_dtb "${G_NAME}.dtb")
  set(file_of_iort "iort.aml")
  set(file_of_iort-dsl "iort.dsl")
  set(file_of_madt "madt.aml")
  set(file_of_madt-dsl "madt.dsl")
  set(outputs "")
  foreach(f ${G_FORMATS})
    if(NOT DEFINED file_of_${f})
      message(FATAL_ERROR "gicdesc_generate(${target}): unknown format '${f}'")
    endif()
    list(APPEND outputs "${G_OUTPUT_DIR}/${file_of_${f}}")
  endforeach()

  list(JOIN G_FORMATS "," format_list)
  set(args generate -q -o ${G_OUTPUT_DIR} --format ${format_list})
  if(G_IORT_REVISION)
    list(APPEND args --iort-revision ${G_IORT_REVISION})
  endif()
  if(G_MADT_REVISION)
    list(APPEND args --madt-revision ${G_MADT_REVISION})
  endif()

  add_custom_command(OUTPUT ${outputs}
    COMMAND ${GICDESC_EXECUTABLE} ${args} ${G_DESCRIPTION}
    DEPENDS ${G_DESCRIPTION} ${GICDESC_EXECUTABLE}
    COMMENT "gicdesc: ${G_DESCRIPTION} -> ${format_list}"
    VERBATIM)
  add_custom_target(${target} ALL DEPENDS ${outputs})
  set(${target}_OUTPUTS ${outputs} PARENT_SCOPE)
endfunction()
