# Gicdesc.cmake - regenerate firmware descriptions as a normal build step.
#
#   find_package(gicdesc 0.1 REQUIRED)       # or: include(/path/to/Gicdesc.cmake)
#   gicdesc_generate(board_irq
#     DESCRIPTION ${CMAKE_CURRENT_SOURCE_DIR}/board.yaml
#     OUTPUT_DIR  ${CMAKE_CURRENT_BINARY_DIR}/firmware
#     [FORMATS dts dtb iort madt ...]          # default: gicdesc's default formats
#     [BASE board.dtb]                         # generate --base
#     [WAIVERS waivers.yaml]                   # generate --waivers
#     [IORT_REVISION 0|3|5] [MADT_REVISION 3|4|5|6]
#     [FORCE])                                 # generate --force
#
# Defines a custom target board_irq (built by ALL) whose outputs are rebuilt
# whenever a file they are made from changes: the description, the BASE DTB
# and the WAIVERS file, as `gicdesc generate -d` lists them in a depfile
# (add_custom_command DEPFILE: Ninja, and Makefiles since CMake 3.20). Sets
# board_irq_OUTPUTS (in the caller's scope) to the files it writes, so other
# rules can depend on them (a DTB packed into a FIT image, tables linked into
# EDK2's AcpiTables, ...). The output names come from
# `gicdesc generate --list-outputs` at configure time; CMake configures again
# when the description changes, as a new platform name renames them.
# GICDESC_EXECUTABLE is the gicdesc that runs: find_package(gicdesc) sets it
# to the imported target gicdesc::gicdesc; otherwise set it, or it is looked
# up on PATH.
include_guard(GLOBAL)

if(NOT GICDESC_EXECUTABLE)
  find_program(GICDESC_EXECUTABLE gicdesc REQUIRED)
endif()

function(gicdesc_generate target)
  cmake_parse_arguments(G "FORCE"
                        "DESCRIPTION;OUTPUT_DIR;BASE;WAIVERS;IORT_REVISION;MADT_REVISION"
                        "FORMATS" ${ARGN})
  if(NOT G_DESCRIPTION OR NOT G_OUTPUT_DIR)
    message(FATAL_ERROR "gicdesc_generate(${target}): DESCRIPTION and OUTPUT_DIR are required")
  endif()
  if(G_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "gicdesc_generate(${target}): unknown arguments ${G_UNPARSED_ARGUMENTS}")
  endif()
  # Paths as the user wrote them are relative to the caller's source folder, the
  # output folder to its build folder.
  get_filename_component(description ${G_DESCRIPTION} ABSOLUTE)
  get_filename_component(output_dir ${G_OUTPUT_DIR} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_BINARY_DIR})
  set(depfile ${CMAKE_CURRENT_BINARY_DIR}/${target}.d)

  set(args -o ${output_dir})
  if(G_FORMATS)
    list(JOIN G_FORMATS "," format_list)
    list(APPEND args --format ${format_list})
  endif()
  if(G_BASE)
    get_filename_component(base ${G_BASE} ABSOLUTE)
    list(APPEND args --base ${base})
  endif()
  if(G_WAIVERS)
    get_filename_component(waivers ${G_WAIVERS} ABSOLUTE)
    list(APPEND args --waivers ${waivers})
  endif()
  if(DEFINED G_IORT_REVISION)
    list(APPEND args --iort-revision ${G_IORT_REVISION})
  endif()
  if(DEFINED G_MADT_REVISION)
    list(APPEND args --madt-revision ${G_MADT_REVISION})
  endif()
  if(G_FORCE)
    list(APPEND args --force)
  endif()

  execute_process(
    COMMAND ${GICDESC_EXECUTABLE} generate --list-outputs ${args} ${description}
    OUTPUT_VARIABLE listed ERROR_VARIABLE errors RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gicdesc_generate(${target}): gicdesc generate --list-outputs "
                        "failed (${rc}):\n${errors}")
  endif()
  string(STRIP "${listed}" listed)
  string(REPLACE "\n" ";" outputs "${listed}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${description})

  add_custom_command(OUTPUT ${outputs}
    COMMAND ${GICDESC_EXECUTABLE} generate -q -d ${depfile} ${args} ${description}
    DEPENDS ${description} ${GICDESC_EXECUTABLE}
    DEPFILE ${depfile}
    COMMENT "gicdesc: ${G_DESCRIPTION} -> ${G_OUTPUT_DIR}"
    VERBATIM)
  add_custom_target(${target} ALL DEPENDS ${outputs})
  set(${target}_OUTPUTS ${outputs} PARENT_SCOPE)
endfunction()
