# A test build honours HALLDESK_TEST_NOW, which moves the hall's business date: such a build is never a package.
if(CPACK_HALLDESK_TEST_CLOCK)
    message(FATAL_ERROR "This build sets its clock from HALLDESK_TEST_NOW (HALLDESK_TEST_CLOCK=ON): pack a production "
                        "build instead (bash scripts/package.sh, or configure with -DHALLDESK_TEST_CLOCK=OFF).")
endif()

# Read by cpack when it runs: the package takes the version of the build it packs (packaging/Version.cmake),
# not the one known when CMake last configured.
if(EXISTS "${CPACK_HALLDESK_VERSION_FILE}")
    file(STRINGS "${CPACK_HALLDESK_VERSION_FILE}" halldeskVersion LIMIT_COUNT 1)
    set(CPACK_PACKAGE_VERSION "${halldeskVersion}")
    set(CPACK_DEBIAN_PACKAGE_VERSION "${halldeskVersion}")
else()
    message(FATAL_ERROR "${CPACK_HALLDESK_VERSION_FILE} is missing: build the project before packing it.")
endif()
