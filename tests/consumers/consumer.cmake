# gln_add_consumer(<gln target> <version it must report>): the consumer program
# (consumer.cpp), built against gln as the route under test provides it.
set(gln_consumer_source "${CMAKE_CURRENT_LIST_DIR}/consumer.cpp")
function(gln_add_consumer gln_target version)
  add_executable(consumer "${gln_consumer_source}")
  target_link_libraries(consumer PRIVATE ${gln_target})
  target_compile_features(consumer PRIVATE cxx_std_17)
  target_compile_definitions(consumer PRIVATE GLN_EXPECTED_VERSION="${version}")
endfunction()
