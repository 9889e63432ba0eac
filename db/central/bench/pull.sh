#!/bin/sh
# Benchmark: the server side of an initial pull. ACCOUNTS accounts with 13 monthly bills each in one hall (and as
# many in a second hall, which the terminal must not get), loaded with COPY; then a terminal pulls accounts and
# bills from watermark 0 in pages of PAGE over TCP, each page fetched as the client would (one call per page).
#
#   db/central/bench/pull.sh [ACCOUNTS] [PAGE]        defaults: 100000 10000
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
CLUSTER="$ROOT/scripts/central-cluster.sh"
N=${1:-100000}; PAGE=${2:-10000}
if [ -n "${HALLDESK_CENTRAL_CLUSTER:-}" ]; then DIR=$HALLDESK_CENTRAL_CLUSTER; OWN=0; else DIR=$(mktemp -d /tmp/halldesk-bench.XXXXXX); OWN=1; fi
cleanup() { if [ "$OWN" -eq 1 ]; then "$CLUSTER" stop "$DIR" >/dev/null 2>&1 || true; rm -rf "$DIR"; fi; }
trap cleanup EXIT INT TERM
URL=$("$CLUSTER" start "$DIR")
PORT=$(cat "$DIR/port"); PW=$(cat "$DIR/admin.password")
PSQL="psql -X -q -v ON_ERROR_STOP=1"
ms() { date +%s%3N; }
db="hdpull_$$"
$PSQL "$URL" -c "CREATE DATABASE $db" >/dev/null
A="postgresql://halldesk_admin:$PW@127.0.0.1:$PORT/$db"
"$ROOT/db/central/tests/lib/migrate.sh" "$A"
t0=$(ms)
$PSQL "$A" >/dev/null <<SQL
INSERT INTO central.halls (code, name) VALUES ('H01', 'one'), ('H02', 'two');
SELECT central.add_terminal('H01', 'T01', 'bench-terminal-secret');
\\copy central.accounts (hall_id, account_no, name, customer_class, address, meter_no) FROM PROGRAM 'seq 1 $((N * 2)) | awk ''{printf "%d\\t%d\\t用户%d\\tresidential\\t某路%d号\\tM%d\\n", (\$1 % 2) + 1, 1000000000 + \$1, \$1, \$1, \$1}'''
SQL
# bills: 13 months per account
$PSQL "$A" -c "\\copy central.bills (hall_id, account_no, period, kwh, amount_fen, issue_date, due_date, paid_fen, status) FROM PROGRAM 'seq 1 $((N * 2)) | awk ''{for (m = 0; m < 13; m++) { y = 2025 + int((m + 10) / 12); mo = (m + 10) % 12 + 1; printf \"%d\t%d\t%04d-%02d\t%d\t%d\t%04d-%02d-05\t%04d-%02d-20\t0\topen\n\", (\$1 % 2) + 1, 1000000000 + \$1, y, mo, 100 + \$1 % 300, 5000 + (\$1 * 7919) % 10000, y, mo, y, mo } }'''"
$PSQL "$A" -c "ANALYZE" >/dev/null
t1=$(ms)
T="postgresql://halldesk_${db}_h01_t01:bench-terminal-secret@127.0.0.1:$PORT/$db"
# the client loop: pull until "more" is false, per table; print rows pulled
t2=$(ms)
# one call per page, as the client does; the shell loop stands in for the client
total=0
for t in accounts bills; do
    wm=0; more=t
    while [ "$more" = t ]; do
        out=$($PSQL "$T" -At -F ' ' -c "SELECT x ->> 'watermark', (x ->> 'more')::boolean, json_array_length(x -> 'rows'), length(x::text) FROM sync.pull('$t', $wm, $PAGE) x")
        set -- $out
        wm=$1; more=$2; total=$((total + $3))
    done
done
t3=$(ms)
printf '{"accounts_per_hall": %s, "bills_per_hall": %s, "load_copy_ms": %s, "page": %s, "rows_pulled": %s, "pull_ms": %s}\n' \
    "$N" "$((N * 13))" "$((t1 - t0))" "$PAGE" "$total" "$((t3 - t2))"
if [ -z "${HALLDESK_BENCH_KEEP:-}" ]; then
    $PSQL "$URL" -c "DROP DATABASE $db WITH (FORCE)" >/dev/null 2>&1
    $PSQL "$URL" -c "DROP ROLE halldesk_${db}_h01_t01" >/dev/null
fi
