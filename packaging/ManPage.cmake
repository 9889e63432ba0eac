# Writes the COMMANDS section of halldeskctl.1 for help2man: each command of `halldeskctl --help` with its own
# `halldeskctl COMMAND --help`.   cmake -DPROGRAM=path/halldeskctl -DOUTPUT=file.h2m -P ManPage.cmake
execute_process(COMMAND "${PROGRAM}" --help OUTPUT_VARIABLE usage COMMAND_ERROR_IS_FATAL ANY)
string(REGEX MATCHALL "\n  [a-z]+ " names "${usage}")
set(section "[COMMANDS]\n")
foreach(name IN LISTS names)
    string(STRIP "${name}" name)
    execute_process(COMMAND "${PROGRAM}" ${name} --help OUTPUT_VARIABLE help ERROR_VARIABLE help)
    # QCommandLineParser names the program as it was called: the build's path, without the command
    string(REPLACE "Usage: ${PROGRAM} ${name} " "Usage: halldeskctl ${name} " help "${help}")
    string(REPLACE "Usage: ${PROGRAM} " "Usage: halldeskctl ${name} " help "${help}")
    string(REPLACE "${PROGRAM}" "halldeskctl" help "${help}")
    # roff: a backslash is \e; a line starting with . or ' would be a request
    string(REPLACE "\\" "\\e" help "${help}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
    string(APPEND section ".SS ${name}\n.nf\n${help}\n.fi\n")
endforeach()
file(WRITE "${OUTPUT}" "${section}")
