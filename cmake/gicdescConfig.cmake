# gicdescConfig.cmake - find_package(gicdesc) of an installed gicdesc: the
# imported executable gicdesc::gicdesc and gicdesc_generate() (Gicdesc.cmake).
include(${CMAKE_CURRENT_LIST_DIR}/gicdescTargets.cmake)
if(NOT GICDESC_EXECUTABLE)
  get_target_property(GICDESC_EXECUTABLE gicdesc::gicdesc LOCATION)
endif()
include(${CMAKE_CURRENT_LIST_DIR}/Gicdesc.cmake)
