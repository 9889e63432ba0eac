#!/bin/sh
# Runs the central database's psql tests: for each db/central/tests/[0-9]*.sql a fresh database in a throwaway
# cluster, migrated as the C++ migrator does (lib/migrate.sh: the numbered migrations, then the api files), then
# the test; with no arguments also concurrent.sh (8 terminals pushing at once).
#
#   db/central/tests/run.sh [TEST.sql ...]
#
# HALLDESK_CENTRAL_CLUSTER=DIR reuses (and leaves running) a cluster made by scripts/central-cluster.sh; without
# it a cluster is made in a temporary folder and removed at the end. A test fails by an error (ON_ERROR_STOP);
# the script exits non-zero if any test failed.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
CLUSTER="$ROOT/scripts/central-cluster.sh"

if [ -n "${HALLDESK_CENTRAL_CLUSTER:-}" ]; then
    DIR=$HALLDESK_CENTRAL_CLUSTER; OWN=0
else
    DIR=$(mktemp -d /tmp/halldesk-central-test.XXXXXX); OWN=1
fi
cleanup() { if [ "$OWN" -eq 1 ]; then "$CLUSTER" stop "$DIR" >/dev/null 2>&1 || true; rm -rf "$DIR"; fi; }
trap cleanup EXIT INT TERM
URL=$("$CLUSTER" start "$DIR")
PORT=$(cat "$DIR/port")
PASSWORD=$(cat "$DIR/admin.password")
PSQL="psql -X -q -v ON_ERROR_STOP=1"

ALL=0
[ $# -gt 0 ] || { ALL=1; set -- "$HERE"/[0-9]*.sql; }
failed=0
for test in "$@"; do
    test=$(cd "$(dirname "$test")" && pwd)/$(basename "$test")
    name=$(basename "$test" .sql)
    db="hdt_$(echo "$name" | tr -c 'a-z0-9\n' '_')_$$"
    $PSQL "$URL" -c "CREATE DATABASE $db" >/dev/null
    dburl="postgresql://halldesk_admin:$PASSWORD@127.0.0.1:$PORT/$db"
    ok=1
    "$HERE/lib/migrate.sh" "$dburl" || ok=0
    if [ $ok -eq 1 ]; then
        ( cd "$HERE" && $PSQL "$dburl" -v admin="$dburl" -v host=127.0.0.1 -v port="$PORT" -v db="$db" -f "$test" ) \
            >"$DIR/$name.out" 2>&1 || ok=0
    fi
    if [ $ok -eq 1 ]; then echo "PASS $name"; else echo "FAIL $name"; cat "$DIR/$name.out"; failed=1; fi
    # the database and the terminal roles made for it
    roles=$($PSQL "$URL" -At -c "SELECT rolname FROM pg_roles WHERE rolname LIKE 'halldesk\\_${db}\\_%'")
    $PSQL "$URL" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
    for r in $roles; do $PSQL "$URL" -c "DROP ROLE IF EXISTS \"$r\"" >/dev/null; done
done
# with no arguments, also the concurrency test (parallel terminals; its own database in the same cluster)
if [ $ALL -eq 1 ]; then
    HALLDESK_CENTRAL_CLUSTER=$DIR "$HERE/concurrent.sh" 8 100 >"$DIR/concurrent.out" 2>&1 && tail -n 1 "$DIR/concurrent.out" \
        || { echo "FAIL concurrent"; cat "$DIR/concurrent.out"; failed=1; }
fi
exit $failed
