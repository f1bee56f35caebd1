# The test gln.knowledge_reference: runs the program into OUT and compares each file with the
# checked-in copy in DOCS. Usage: cmake -DPROGRAM=... -DDOCS=... -DOUT=... -P check.cmake
file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND "${PROGRAM}" "${OUT}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "gln_knowledge_reference failed (${status})")
endif()
set(stale "")
foreach(name IN ITEMS knowledge.md knowledge.json knowledge.svg)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUT}/${name}" "${DOCS}/${name}"
    RESULT_VARIABLE differs)
  if(NOT differs EQUAL 0)
    list(APPEND stale "docs/${name}")
  endif()
endforeach()
if(stale)
  string(REPLACE ";" ", " stale "${stale}")
  message(FATAL_ERROR "${stale}: not what the tables give (the program wrote ${OUT}). "
                      "Run scripts/knowledge-docs.sh and commit the result.")
endif()
message(STATUS "docs/knowledge.md, .json and .svg are what the tables give")
