#!/usr/bin/env bash
# The server as the editors under test start it: the real copydesk binary, with
# its stderr and exit status kept in COPYDESK_TEST_LOGS for the test's report.
# An exit status of 0 means the editor sent `shutdown` before it went away.
"$COPYDESK_TEST_BIN" "$@" 2>>"$COPYDESK_TEST_LOGS/server-stderr.log"
status=$?
echo "$status" >>"$COPYDESK_TEST_LOGS/server-exit"
exit "$status"
