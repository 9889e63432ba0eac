#!/bin/sh
# The psql form of `halldeskctl central migrate` (db/CentralMigrator.cpp), for the psql tests and the benches:
# each numbered db/central/NNNN_*.sql above the database's version in its own transaction, then every
# db/central/api/*.sql, in name order, together in one transaction.
#
#   db/central/tests/lib/migrate.sh URL
set -eu
URL=$1
CENTRAL=$(cd "$(dirname "$0")/../.." && pwd)
PSQL="psql -X -q -v ON_ERROR_STOP=1"

current=0
if [ "$($PSQL "$URL" -At -c "SELECT to_regclass('central.schema_version') IS NOT NULL")" = t ]; then
    current=$($PSQL "$URL" -At -c "SELECT coalesce(max(version), 0) FROM central.schema_version")
fi
for m in "$CENTRAL"/[0-9][0-9][0-9][0-9]_*.sql; do
    version=$(expr "$(basename "$m" | cut -c1-4)" + 0)
    [ "$version" -gt "$current" ] || continue
    $PSQL "$URL" -1 -f "$m" >/dev/null
done
set --
for a in "$CENTRAL"/api/*.sql; do set -- "$@" -f "$a"; done
$PSQL "$URL" -1 "$@" >/dev/null
