-- Pull: pages above a watermark, the hall's slice only, tombstones for deletions and for rows that left the hall,
-- payer groups across halls, and the fence that keeps a watermark from passing a row still being written.
\set ON_ERROR_STOP on
\i lib/fixture.psql
CREATE EXTENSION dblink;

-- 24 more (paid) bills of 1000000001: 28 bills in H01 in all.
INSERT INTO central.bills (hall_id, account_no, period, kwh, amount_fen, issue_date, due_date, paid_fen, status, paid_on)
SELECT 1, '1000000001', to_char(d, 'YYYY-MM'), 100, 5000, d + 35, d + 50, 5000, 'paid', d + 40
  FROM generate_series('2024-01-01'::date, '2025-12-01', '1 month') g, LATERAL (SELECT g::date AS d) x;

-- A helper table on the admin side to collect what a terminal pulled, page by page.
CREATE TABLE public.pulled (terminal text, tbl text, page integer, result jsonb);

\connect :t11
-- Pull bills in pages of 10 until done; every page's rows and watermark go back to the admin via psql variables.
SELECT sync.pull('bills', 0, 10) AS p1 \gset
SELECT sync.pull('bills', (:'p1'::jsonb ->> 'watermark')::bigint, 10) AS p2 \gset
SELECT sync.pull('bills', (:'p2'::jsonb ->> 'watermark')::bigint, 10) AS p3 \gset
SELECT sync.pull('bills', (:'p3'::jsonb ->> 'watermark')::bigint, 10) AS p4 \gset
SELECT sync.pull('payer_groups', 0, 100) AS g11 \gset
SELECT sync.pull('payer_group_members', 0, 100) AS m11 \gset
SELECT sync.pull('accounts', 0, 100) AS a11 \gset
SELECT sync.pull('late_fee_rates', 0, 3) AS r11 \gset
\connect :t21
SELECT sync.pull('payer_groups', 0, 100) AS g21 \gset
SELECT sync.pull('payer_group_members', 0, 100) AS m21 \gset
SELECT sync.pull('accounts', 0, 100) AS a21 \gset
\connect :admin
INSERT INTO pulled VALUES ('t11', 'bills', 1, :'p1'), ('t11', 'bills', 2, :'p2'), ('t11', 'bills', 3, :'p3'), ('t11', 'bills', 4, :'p4');
SELECT t_expect((SELECT array_agg(jsonb_array_length(result -> 'rows') ORDER BY page) FROM pulled) = '{10,10,8,0}', 'pages 10, 10, 8, 0');
SELECT t_expect((SELECT array_agg((result ->> 'more')::boolean ORDER BY page) FROM pulled) = '{t,t,f,f}', 'more flags');
SELECT t_expect((SELECT count(DISTINCT (r ->> 'account_no', r ->> 'period')) FROM pulled, jsonb_array_elements(result -> 'rows') r) = 28, '28 distinct bills, no repeats');
SELECT t_expect(NOT EXISTS (SELECT 1 FROM pulled, jsonb_array_elements(result -> 'rows') r WHERE r ->> 'account_no' LIKE '2%'), 'no bill of H02');
-- watermarks never go back, and every row of a page lies above the previous watermark
SELECT t_expect(NOT EXISTS (SELECT 1 FROM pulled a JOIN pulled b ON b.page = a.page + 1
    WHERE (b.result ->> 'watermark')::bigint < (a.result ->> 'watermark')::bigint
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(b.result -> 'rows') r WHERE (r ->> 'row_version')::bigint <= (a.result ->> 'watermark')::bigint)),
    'watermarks move forward');
SELECT t_expect((:'g11'::jsonb) -> 'rows' -> 0 ->> 'code' = 'G1' AND (:'g21'::jsonb) -> 'rows' -> 0 ->> 'code' = 'G1', 'both halls see G1');
SELECT t_expect((SELECT array_agg(r ->> 'account_no') FROM jsonb_array_elements((:'m11'::jsonb) -> 'rows') r) = '{1000000001}', 'H01 sees its member only');
SELECT t_expect((SELECT array_agg(r ->> 'account_no') FROM jsonb_array_elements((:'m21'::jsonb) -> 'rows') r) = '{2000000001}', 'H02 sees its member only');
SELECT t_expect(jsonb_array_length((:'r11'::jsonb) -> 'rows') = 3 AND ((:'r11'::jsonb) ->> 'more')::boolean, 'rule tables for every hall, paged');

-- Changes: a bill deleted, one updated, account 1000000002 moved to H02 (its bill follows), a member removed.
DELETE FROM central.bills WHERE account_no = '1000000001' AND period = '2024-01';
UPDATE central.bills SET kwh = 101 WHERE account_no = '1000000001' AND period = '2024-02';
UPDATE central.accounts SET hall_id = 2 WHERE account_no = '1000000002';
DELETE FROM central.payer_group_members WHERE account_no = '2000000001';

\connect :t11
SELECT sync.pull('bills', (:'p4'::jsonb ->> 'watermark')::bigint, 100) AS b11 \gset
SELECT sync.pull('accounts', (:'a11'::jsonb ->> 'watermark')::bigint, 100) AS a11b \gset
\connect :t21
SELECT sync.pull('bills', 0, 100) AS b21 \gset
SELECT sync.pull('accounts', (:'a21'::jsonb ->> 'watermark')::bigint, 100) AS a21b \gset
SELECT sync.pull('payer_group_members', (:'m21'::jsonb ->> 'watermark')::bigint, 100) AS m21b \gset
\connect :admin
SELECT t_expect((SELECT array_agg(r ->> 'period') FROM jsonb_array_elements((:'b11'::jsonb) -> 'rows') r) = '{2024-02}', 'H01 gets the updated bill: ' || :'b11');
SELECT t_expect((:'b11'::jsonb) -> 'deleted' @> '[{"account_no": "1000000001", "period": "2024-01"}, {"account_no": "1000000002", "period": "2026-10"}]'
    AND jsonb_array_length((:'b11'::jsonb) -> 'deleted') = 2, 'H01 gets the deleted bill and the bill that moved away: ' || :'b11');
SELECT t_expect((:'a11b'::jsonb) -> 'deleted' = '[{"account_no": "1000000002"}]' AND jsonb_array_length((:'a11b'::jsonb) -> 'rows') = 0, 'H01: the account left: ' || :'a11b');
SELECT t_expect((SELECT array_agg(r ->> 'account_no') FROM jsonb_array_elements((:'a21b'::jsonb) -> 'rows') r) = '{1000000002}', 'H02: the account arrived');
SELECT t_expect((SELECT count(*) FROM jsonb_array_elements((:'b21'::jsonb) -> 'rows') r WHERE r ->> 'account_no' = '1000000002') = 1, 'H02: its bill too');
SELECT t_expect((:'m21b'::jsonb) -> 'deleted' = '[{"account_no": "2000000001", "group_code": "G1"}]', 'H02: member removed: ' || :'m21b');

-- The fence. Another session starts writing (takes a row version) and stays open; this session then writes and
-- commits a later row version. The terminal must not get a watermark past the open write, or it would never
-- see that row. (psql holds one connection: the writer and the terminal run through dblink.)
SELECT (:'b11'::jsonb ->> 'watermark')::bigint AS before \gset
SELECT dblink_connect('slow', :'admin');
SELECT dblink_exec('slow', 'BEGIN');
SELECT dblink_exec('slow', 'UPDATE central.bills SET kwh = 777 WHERE account_no = ''1000000001'' AND period = ''2024-03''');
UPDATE central.bills SET kwh = 888 WHERE account_no = '1000000001' AND period = '2024-04';
SELECT r AS f1 FROM dblink(:'t11', format('SELECT sync.pull(''bills'', %s, 100)', :before)) AS x(r jsonb) \gset
SELECT t_expect(jsonb_array_length((:'f1'::jsonb) -> 'rows') = 0, 'nothing served past an open write: ' || :'f1');
SELECT t_expect(((:'f1'::jsonb) ->> 'watermark')::bigint < (SELECT row_version FROM central.bills WHERE account_no = '1000000001' AND period = '2024-04'),
    'the watermark stays below the open write');
SELECT dblink_exec('slow', 'COMMIT');
SELECT dblink_disconnect('slow');
SELECT r AS f2 FROM dblink(:'t11', format('SELECT sync.pull(''bills'', %s, 100)', (:'f1'::jsonb ->> 'watermark')::bigint)) AS x(r jsonb) \gset
SELECT t_expect((SELECT array_agg(r ->> 'kwh' ORDER BY r ->> 'period') FROM jsonb_array_elements((:'f2'::jsonb) -> 'rows') r) = '{777,888}',
    'after the commit both rows arrive: ' || :'f2');

-- pull refuses REPEATABLE READ (its snapshot would be older than the fence)
\connect :t11
BEGIN ISOLATION LEVEL REPEATABLE READ;
DO $$
BEGIN
    PERFORM sync.pull('bills', 0, 10);
    RAISE EXCEPTION 'pulled in repeatable read';
EXCEPTION WHEN SQLSTATE 'HD003' THEN NULL;
END
$$;
ROLLBACK;

-- The typed form (sync.pull_rows) serves what sync.pull serves: for every table, from watermark 0 and from the
-- middle, the same row versions, the same deletions, the same watermark; pages end at the same place.
\connect :t11
DO $$
DECLARE
    t text;
    j jsonb;
    typed_rows bigint[];
    typed_deleted integer;
    typed_watermark bigint;
    typed_kind text;
    after bigint;
BEGIN
    FOR t IN SELECT jsonb_array_elements_text(sync.hello() -> 'tables') LOOP
        FOREACH after IN ARRAY ARRAY[0, 40] LOOP
            j := sync.pull(t, after, 7)::jsonb;
            SELECT array_agg(row_version ORDER BY row_version) FILTER (WHERE kind = 'row'),
                   count(*) FILTER (WHERE kind = 'delete'),
                   max(row_version) FILTER (WHERE kind IN ('more', 'last')),
                   max(kind) FILTER (WHERE kind IN ('more', 'last'))
              INTO typed_rows, typed_deleted, typed_watermark, typed_kind
              FROM sync.pull_rows(t, after, 7);
            IF (SELECT array_agg((r ->> 'row_version')::bigint ORDER BY (r ->> 'row_version')::bigint)
                  FROM jsonb_array_elements(j -> 'rows') r) IS DISTINCT FROM typed_rows
               OR jsonb_array_length(j -> 'deleted') <> typed_deleted
               OR (j ->> 'watermark')::bigint <> typed_watermark
               OR (j ->> 'more')::boolean <> (typed_kind = 'more') THEN
                RAISE EXCEPTION 'pull_rows(%, %) differs from pull: % / % % % %', t, after, j, typed_rows,
                    typed_deleted, typed_watermark, typed_kind;
            END IF;
        END LOOP;
    END LOOP;
END
$$;
-- its columns are named in the header row, and a deletion carries its key in the key's columns
DO $$
BEGIN
    IF (SELECT ARRAY[c01, c02, c03] FROM sync.pull_rows('bills', 0, 1) WHERE kind IN ('more', 'last'))
       <> ARRAY['account_no', 'period', 'kwh'] THEN
        RAISE EXCEPTION 'pull_rows header: %', (SELECT row_to_json(r) FROM sync.pull_rows('bills', 0, 1) r LIMIT 1);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM sync.pull_rows('bills', 0, 1000) WHERE kind = 'delete' AND c01 IS NOT NULL
                   AND c02 ~ '^[0-9]{4}-[0-9]{2}$') THEN
        RAISE EXCEPTION 'pull_rows sent no bill tombstone with its key';
    END IF;
END
$$;
