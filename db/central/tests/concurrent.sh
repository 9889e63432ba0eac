#!/bin/sh
# Concurrency: TERMINALS terminals of one hall push payments at once on the same accounts (single accounts and
# two-account payments named in both orders, as a payer group would), while another channel pays the same
# accounts. A push call that fails (deadlock, serialization) is retried as the client would; duplicates are
# expected then. Afterwards every event is applied exactly once and the money adds up.
#
#   db/central/tests/concurrent.sh [TERMINALS] [EVENTS_PER_TERMINAL]      defaults: 8 200
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
CLUSTER="$ROOT/scripts/central-cluster.sh"
K=${1:-8}; E=${2:-200}
if [ -n "${HALLDESK_CENTRAL_CLUSTER:-}" ]; then DIR=$HALLDESK_CENTRAL_CLUSTER; OWN=0; else DIR=$(mktemp -d /tmp/halldesk-central-test.XXXXXX); OWN=1; fi
WORK=$(mktemp -d /tmp/halldesk-conc.XXXXXX); chmod 755 "$WORK"
db="hdconc_$$"
URL=$("$CLUSTER" start "$DIR")
cleanup() {
    psql -X -q "$URL" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
    for r in $(psql -X -At "$URL" -c "SELECT rolname FROM pg_roles WHERE rolname LIKE 'halldesk\\_${db}\\_%'" 2>/dev/null); do
        psql -X -q "$URL" -c "DROP ROLE \"$r\"" >/dev/null 2>&1 || true
    done
    rm -rf "$WORK"
    if [ "$OWN" -eq 1 ]; then "$CLUSTER" stop "$DIR" >/dev/null 2>&1 || true; rm -rf "$DIR"; fi
}
trap cleanup EXIT INT TERM
PORT=$(cat "$DIR/port"); PW=$(cat "$DIR/admin.password")
PSQL="psql -X -q -v ON_ERROR_STOP=1"
$PSQL "$URL" -c "CREATE DATABASE $db" >/dev/null
A="postgresql://halldesk_admin:$PW@127.0.0.1:$PORT/$db"
"$ROOT/db/central/tests/lib/migrate.sh" "$A"
( cd "$HERE" && $PSQL "$A" -v admin="$A" -v host=127.0.0.1 -v port="$PORT" -v db="$db" -f lib/fixture.psql >/dev/null )
# K terminals in H01, each with its batches of events in files (batches of 20)
$PSQL "$A" -v k="$K" -v e="$E" >/dev/null <<'SQL'
SELECT central.add_terminal('H01', 'C' || i, 'concurrent-secret') FROM generate_series(1, :k) i;
-- plenty of bills so that payments keep landing on open bills
INSERT INTO central.bills (hall_id, account_no, period, kwh, amount_fen, issue_date, due_date)
SELECT 1, a, to_char(d, 'YYYY-MM'), 100, 3000, d::date + 35, d::date + 50
  FROM unnest(ARRAY['1000000001', '1000000002']) a, generate_series('2023-01-01'::date, '2024-12-01', '1 month') d;
CREATE TABLE public.conc_events AS
SELECT t, i, (i - 1) / 20 AS batch_no,
       t_payment(gen_random_uuid(), i, 'H01', 'C' || t,
           CASE i % 3 WHEN 0 THEN '{1000000001}' WHEN 1 THEN '{1000000001,1000000002}' ELSE '{1000000002,1000000001}' END::text[],
           100 + (i * 37) % 2000, '2026-11-25') AS event
  FROM generate_series(1, :k) t, generate_series(1, :e) i;
SQL
t=1
while [ "$t" -le "$K" ]; do
    b=0
    while [ $b -lt $(( (E + 19) / 20 )) ]; do
        $PSQL "$A" -At -c "SELECT jsonb_agg(event ORDER BY i) FROM conc_events WHERE t = $t AND batch_no = $b" > "$WORK/t${t}_b$b.json"
        b=$((b + 1))
    done
    t=$((t + 1))
done
# the pushers, all at once; a failed call is retried
push() {
    T="postgresql://halldesk_${db}_h01_c$1:concurrent-secret@127.0.0.1:$PORT/$db"
    for f in "$WORK"/t$1_b*.json; do
        n=0
        until printf '%s\n' "\\set b \`cat $f\`" "SELECT r ->> 'result' FROM jsonb_array_elements(sync.push(:'b')) r;" \
                | $PSQL "$T" -At >> "$WORK/results_$1" 2>>"$WORK/errors_$1"; do
            n=$((n + 1)); [ $n -lt 20 ] || { echo "terminal $1 gave up on $f" >&2; return 1; }
        done
    done
}
external() {
    i=0
    while [ $i -lt 100 ]; do
        $PSQL "$A" -At -c "SELECT central.record_external_payment(CASE WHEN $i % 2 = 0 THEN '1000000001' ELSE '1000000002' END, 500, 'alipay', gen_random_uuid())" >/dev/null
        i=$((i + 1))
    done
}
start=$(date +%s%3N)
t=1; pids=""
while [ "$t" -le "$K" ]; do push "$t" & pids="$pids $!"; t=$((t + 1)); done
external & pids="$pids $!"
failed=0
for p in $pids; do wait "$p" || failed=1; done
end=$(date +%s%3N)
[ $failed -eq 0 ] || { echo "FAIL concurrent: a pusher failed"; sort "$WORK"/errors_* | uniq -c | head; exit 1; }
retries=$(cat "$WORK"/errors_* 2>/dev/null | grep -c ERROR || true)
accepted=$(cat "$WORK"/results_* | grep -c '^accepted$' || true)
duplicates=$(cat "$WORK"/results_* | grep -c '^duplicate$' || true)
rejected=$(cat "$WORK"/results_* | grep -c '^rejected$' || true)
$PSQL "$A" -v total=$((K * E)) <<'SQL'
\set ON_ERROR_STOP on
SELECT t_expect((SELECT count(*) FROM central.applied_events) = :total, 'each event applied once');
SELECT t_expect((SELECT count(*) FROM central.payments WHERE channel = 'counter') = :total, 'each payment once');
SELECT t_expect((SELECT count(*) FROM central.payments WHERE channel = 'alipay') = 100, 'the other channel');
SELECT t_expect((SELECT sum(amount_fen) FROM central.payments) = (SELECT sum(principal_fen + late_fee_fen + prepaid_delta_fen) FROM central.payment_allocations), 'every fen placed');
SELECT t_expect((SELECT sum((event -> 'payload' ->> 'amount_fen')::bigint) FROM conc_events)
              = (SELECT sum(amount_fen) FROM central.payments WHERE channel = 'counter'), 'centre total = the terminals'' total');
SELECT t_expect(NOT EXISTS (SELECT 1 FROM central.bills b WHERE b.account_no <> '1000000003' AND b.paid_fen <> (
    SELECT coalesce(sum(a.principal_fen), 0) FROM central.payment_allocations a WHERE a.account_no = b.account_no AND a.period = b.period)), 'bills = allocations');
SELECT t_expect(NOT EXISTS (SELECT 1 FROM central.accounts a WHERE prepaid_fen <> (SELECT coalesce(sum(delta_fen), 0)
    FROM central.prepaid_ledger l WHERE l.account_no = a.account_no)), 'prepaid = ledger');
SQL
echo "PASS concurrent: $K terminals x $E events + 100 external in $((end - start)) ms; accepted $accepted, duplicates $duplicates (after $retries failed calls retried), rejected $rejected"
[ "$rejected" -eq 0 ]
