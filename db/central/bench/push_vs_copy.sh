#!/bin/sh
# Benchmark: push 10,000 payment.posted events through sync.push (as a terminal, over TCP, in batches) against
# COPY of the same rows into the same server. Prints one JSON line per run.
#
#   db/central/bench/push_vs_copy.sh [EVENTS] [BATCH ...]      defaults: 10000 and batches 5000 1000 100
#
# HALLDESK_CENTRAL_CLUSTER=DIR reuses a cluster made by scripts/central-cluster.sh (else a temporary one).
# Each batch size runs in a fresh database: migrations, one hall, one terminal, EVENTS accounts with one open bill
# each, EVENTS events (one per account, paying bill + late fee as the counter would). The COPY reference loads,
# in the same database, (a) the same events as rows (uuid, type, seq, payload jsonb) into a table with a uuid key,
# and (b) the payments, tenders and allocation lines the push produced, into empty copies of those tables with
# the same indexes.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
CLUSTER="$ROOT/scripts/central-cluster.sh"
N=${1:-10000}; [ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- 5000 1000 100
if [ -n "${HALLDESK_CENTRAL_CLUSTER:-}" ]; then DIR=$HALLDESK_CENTRAL_CLUSTER; OWN=0; else DIR=$(mktemp -d /tmp/halldesk-bench.XXXXXX); OWN=1; fi
WORK=$(mktemp -d /tmp/halldesk-bench-work.XXXXXX)
chmod 755 "$WORK"
cleanup() { rm -rf "$WORK"; if [ "$OWN" -eq 1 ]; then "$CLUSTER" stop "$DIR" >/dev/null 2>&1 || true; rm -rf "$DIR"; fi; }
trap cleanup EXIT INT TERM
URL=$("$CLUSTER" start "$DIR")
PORT=$(cat "$DIR/port"); PW=$(cat "$DIR/admin.password")
PSQL="psql -X -q -v ON_ERROR_STOP=1"
ms() { date +%s%3N; }

for BATCH in "$@"; do
    db="hdbench_$$_$BATCH"
    $PSQL "$URL" -c "CREATE DATABASE $db" >/dev/null
    A="postgresql://halldesk_admin:$PW@127.0.0.1:$PORT/$db"
    "$ROOT/db/central/tests/lib/migrate.sh" "$A"
    $PSQL "$A" -v n="$N" -v batch="$BATCH" >/dev/null <<'SQL'
INSERT INTO central.halls (code, name) VALUES ('H01', 'bench');
SELECT central.add_terminal('H01', 'T01', 'bench-terminal-secret');
UPDATE central.settings SET value = '10000' WHERE key = 'sync.max_batch';
INSERT INTO central.accounts (hall_id, account_no, name, customer_class, address, meter_no)
SELECT 1, (1000000000 + i)::text, '用户' || i, 'residential', '路' || i || '号', 'M' || i FROM generate_series(1, :n) i;
INSERT INTO central.bills (hall_id, account_no, period, kwh, amount_fen, issue_date, due_date)
SELECT 1, (1000000000 + i)::text, '2026-10', 100 + i % 300, 5000 + (i * 7919) % 10000, '2026-11-05', '2026-11-20'
  FROM generate_series(1, :n) i;
CREATE TABLE public.bench_events AS
SELECT i AS seq, ((i - 1) / :batch) AS batch_no, jsonb_build_object(
    'uuid', u, 'type', 'payment.posted', 'seq', i, 'terminal_code', 'T01', 'hall_code', 'H01',
    'created_at', '2026-11-25T02:00:00Z',
    'payload', jsonb_build_object('payment_uuid', u, 'kind', 'payment', 'business_date', '2026-11-25',
        'created_at', '2026-11-25T02:00:00Z', 'operator_code', 'c101', 'terminal_code', 'T01', 'hall_code', 'H01',
        'receipt_nos', jsonb_build_array('H01T01-' || lpad(i::text, 8, '0')), 'accounts', jsonb_build_array(acc),
        'amount_fen', amt + 100, 'tendered_fen', amt + 100, 'change_fen', 0,
        'allocations', jsonb_build_array(jsonb_build_object('account_no', acc, 'bill_id', i, 'period', '2026-10',
            'principal_fen', amt, 'late_fee_fen', 100, 'late_fee_waived_fen', 0, 'late_fee_days', 5,
            'policy_id', '1996', 'policy_version', 1)),
        'tenders', jsonb_build_array(jsonb_build_object('method', 'cash', 'amount_fen', amt + 100,
            'tendered_fen', amt + 100, 'change_fen', 0, 'reference', '')),
        'waivers', '[]'::jsonb,
        'prepaid_after', jsonb_build_array(jsonb_build_object('account_no', acc, 'prepaid_after_fen', 0)))) AS event
  FROM (SELECT i, gen_random_uuid() AS u, (1000000000 + i)::text AS acc, 5000 + (i * 7919) % 10000 AS amt
          FROM generate_series(1, :n) i) x;
SQL
    # one file per batch (a JSON array), and the events as COPY rows
    nb=$(( (N + BATCH - 1) / BATCH ))
    b=0
    while [ $b -lt $nb ]; do
        $PSQL "$A" -At -c "SELECT jsonb_agg(event ORDER BY seq) FROM bench_events WHERE batch_no = $b" > "$WORK/batch_$b.json"
        b=$(( b + 1 ))
    done
    $PSQL "$A" -c "\\copy (SELECT event ->> 'uuid', event ->> 'type', seq, event FROM bench_events ORDER BY seq) TO '$WORK/events.copy'"
    # the push: one terminal connection, the batches one after another, each in its own transaction
    T="postgresql://halldesk_${db}_h01_t01:bench-terminal-secret@127.0.0.1:$PORT/$db"
    {
        b=0
        while [ $b -lt $nb ]; do
            echo "\\set b \`cat $WORK/batch_$b.json\`"
            echo "SELECT count(*) FILTER (WHERE r ->> 'result' = 'accepted') FROM jsonb_array_elements(sync.push(:'b')) r;"
            b=$(( b + 1 ))
        done
    } > "$WORK/push.psql"
    t0=$(ms)
    accepted=$($PSQL "$T" -At -f "$WORK/push.psql" | awk '{s += $1} END {print s}')
    t1=$(ms)
    # the same batches again: all duplicates
    t2=$(ms)
    $PSQL "$T" -At -f "$WORK/push.psql" >/dev/null
    t3=$(ms)
    # COPY references, same server, same database
    $PSQL "$A" -c "CREATE TABLE public.copy_events (uuid uuid PRIMARY KEY, type text NOT NULL, seq bigint NOT NULL, payload jsonb NOT NULL)" >/dev/null
    t4=$(ms)
    $PSQL "$A" -c "\\copy public.copy_events FROM '$WORK/events.copy'"
    t5=$(ms)
    for t in payments payment_tenders payment_allocations; do
        $PSQL "$A" -c "\\copy (SELECT * FROM central.$t) TO '$WORK/$t.copy'"
        $PSQL "$A" -c "CREATE TABLE public.copy_$t (LIKE central.$t INCLUDING DEFAULTS INCLUDING INDEXES)" >/dev/null
    done
    t6=$(ms)
    $PSQL "$A" >/dev/null <<SQL
BEGIN;
\\copy public.copy_payments FROM '$WORK/payments.copy'
\\copy public.copy_payment_tenders FROM '$WORK/payment_tenders.copy'
\\copy public.copy_payment_allocations FROM '$WORK/payment_allocations.copy'
COMMIT;
SQL
    t7=$(ms)
    rows=$($PSQL "$A" -At -c "SELECT (SELECT count(*) FROM central.payments) || ' payments, ' || (SELECT count(*) FROM central.payment_allocations) || ' allocation lines, ' || (SELECT count(*) FROM central.bills WHERE status = 'paid') || ' bills paid'")
    push=$((t1 - t0)); dup=$((t3 - t2)); ce=$((t5 - t4)); cr=$((t7 - t6))
    printf '{"events": %s, "batch": %s, "accepted": %s, "push_ms": %s, "push_again_duplicates_ms": %s, "copy_events_ms": %s, "copy_rows_ms": %s, "ratio_push_to_copy_events": %s, "ratio_push_to_copy_rows": %s, "result": "%s"}\n' \
        "$N" "$BATCH" "$accepted" "$push" "$dup" "$ce" "$cr" \
        "$(echo "scale=1; $push / $ce" | bc)" "$(echo "scale=1; $push / $cr" | bc)" "$rows"
    if [ -z "${HALLDESK_BENCH_KEEP:-}" ]; then
        $PSQL "$URL" -c "DROP DATABASE $db WITH (FORCE)" >/dev/null 2>&1
        $PSQL "$URL" -c "DROP ROLE halldesk_${db}_h01_t01" >/dev/null
    fi
done
