-- HallDesk central database, version 3: sync.pull_rows, the typed form of sync.pull that terminals use.
--
-- sync.pull sends a page as one JSON document with an object per row: self-describing, handy in psql and for
-- tools, but building and parsing the objects costs more than the rows themselves (about 100,000 rows/s on the
-- server and less on the client). sync.pull_rows sends the same rows and tombstones, selected by the same rules
-- (the terminal's hall, above the watermark, at or below the fence, in row_version order), as an ordinary result
-- set of text columns that libpq hands over without any parsing. See docs/sync.md.

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

-- ---------------------------------------------------------------------------------------------------------
-- One view per cached table: hall_id (NULL for rows every hall caches), row_version, then the row's fields as
-- text, named as in sync.pull's objects. Booleans are 't'/'f', arrays PostgreSQL array literals, times UTC
-- ISO 8601. A tombstone's key fields come out in the columns of the same names.
-- ---------------------------------------------------------------------------------------------------------
CREATE VIEW central.rows_halls AS
SELECT h.hall_id, h.row_version, h.code, h.name, h.region, h.province, h.district, h.address, h.phone, h.timezone,
    h.late_fee_policy
FROM central.halls h;

CREATE VIEW central.rows_late_fee_policies AS
SELECT NULL::integer AS hall_id, p.row_version, p.id::text AS id, p.version::text AS version, p.name,
    p.effective_from::text AS effective_from, p.minimum_fee_fen::text AS minimum_fee_fen,
    p.grace_days::text AS grace_days, p.allocation_order
FROM central.late_fee_policies p;

CREATE VIEW central.rows_late_fee_rates AS
SELECT NULL::integer AS hall_id, r.row_version, r.policy_id::text AS policy_id,
    r.policy_version::text AS policy_version, r.customer_class, r.year_bucket::text AS year_bucket,
    r.rate_ppm::text AS rate_ppm
FROM central.late_fee_rates r;

-- An operator of every hall (hall_id NULL) goes to every hall: one row per hall, so the hall filter finds it.
-- sync.pull's view did not send them at all; it gets the same rule.
CREATE VIEW central.rows_operators AS
SELECT h.hall_id, o.row_version, o.code, o.name, oh.code AS hall_code, o.password_hash, o.roles::text AS roles,
    CASE WHEN o.active THEN 't' ELSE 'f' END AS active
FROM central.operators o
JOIN central.halls h ON o.hall_id IS NULL OR h.hall_id = o.hall_id
LEFT JOIN central.halls oh ON oh.hall_id = o.hall_id;

CREATE OR REPLACE VIEW central.pull_operators AS
SELECT h.hall_id, o.row_version, json_build_object('code', o.code, 'name', o.name, 'hall_code', oh.code,
    'password_hash', o.password_hash, 'roles', to_json(o.roles), 'active', o.active, 'row_version', o.row_version) AS row
FROM central.operators o
JOIN central.halls h ON o.hall_id IS NULL OR h.hall_id = o.hall_id
LEFT JOIN central.halls oh ON oh.hall_id = o.hall_id;

CREATE VIEW central.rows_terminals AS
SELECT t.hall_id, t.row_version, h.code AS hall_code, t.code, t.name, CASE WHEN t.active THEN 't' ELSE 'f' END AS active
FROM central.terminals t JOIN central.halls h USING (hall_id);

CREATE VIEW central.rows_transformer_areas AS
SELECT a.hall_id, a.row_version, a.code, a.name, h.code AS hall_code, a.collector_code
FROM central.transformer_areas a JOIN central.halls h USING (hall_id);

CREATE VIEW central.rows_accounts AS
SELECT a.hall_id, a.row_version, a.account_no, a.name, a.customer_class, a.address, h.code AS hall_code,
    a.area_code, a.meter_no, a.status, a.risk_level, a.collector_code, a.prepaid_fen::text AS prepaid_fen,
    a.id_card_no, a.opened_on::text AS opened_on,
    to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
FROM central.accounts a JOIN central.halls h USING (hall_id);

CREATE VIEW central.rows_contacts AS
SELECT c.hall_id, c.row_version, c.account_no, c.phone, c.mobile, c.wechat, c.email,
    to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
FROM central.contacts c;

CREATE VIEW central.rows_payer_groups AS
SELECT m.hall_id, g.row_version, g.code, g.name, g.kind
FROM central.payer_groups g JOIN (SELECT DISTINCT hall_id, group_code FROM central.payer_group_members) m
  ON m.group_code = g.code;

CREATE VIEW central.rows_payer_group_members AS
SELECT m.hall_id, m.row_version, m.group_code, m.account_no
FROM central.payer_group_members m;

CREATE VIEW central.rows_bills AS
SELECT b.hall_id, b.row_version, b.account_no, b.period, b.kwh::text AS kwh, b.amount_fen::text AS amount_fen,
    b.issue_date::text AS issue_date, b.due_date::text AS due_date, b.paid_fen::text AS paid_fen, b.status,
    b.paid_on::text AS paid_on, b.fee_through::text AS fee_through, b.fee_carried_fen::text AS fee_carried_fen
FROM central.bills b;

-- The view each table is read from in the typed form. A new cached table adds its rows_ view here too.
ALTER TABLE central.pull_tables ADD COLUMN rows_view name;
UPDATE central.pull_tables SET rows_view = 'rows_' || name;
ALTER TABLE central.pull_tables ALTER COLUMN rows_view SET NOT NULL;

-- One page of a cached table for this terminal's hall, as rows of (kind, row_version, c01 … c16):
--   the first row:  kind 'more' or 'last', row_version = the new watermark, c01… = the column names;
--   the second row: kind 'fence', row_version = the fence (how far this table goes now: for progress);
--   then kind 'row' (the fields in the named columns) or 'delete' (the key fields), in no particular order:
--   apply them in row_version order, so a row deleted and made again ends as the centre has it.
-- Apply the rows and store the watermark in one local transaction; call again while the first row says 'more'.
-- The selection is sync.pull's: this hall's rows and tombstones with row_version above p_after and at or below
-- the fence, at most p_page_size (capped at sync.max_rows_page) of them. Must run in READ COMMITTED.
CREATE FUNCTION sync.pull_rows(p_table text, p_after bigint, p_page_size integer)
RETURNS TABLE (kind text, row_version bigint, c01 text, c02 text, c03 text, c04 text, c05 text, c06 text,
    c07 text, c08 text, c09 text, c10 text, c11 text, c12 text, c13 text, c14 text, c15 text, c16 text)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, central
SET max_parallel_workers_per_gather = 0
SET work_mem = '64MB'
AS $$
DECLARE
    me record := central.terminal_of(session_user);
    t record;
    v_columns text[];
    v_values text;
    v_keys text;
    v_where text;
    v_fence bigint;
    v_page integer;
    v_count integer;
    v_last bigint;
    v_upper bigint;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION USING ERRCODE = 'HD003', MESSAGE = 'sync.pull_rows must run in READ COMMITTED';
    END IF;
    SELECT * INTO t FROM central.pull_tables WHERE name = p_table;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'HD003', MESSAGE = format('there is no table "%s" to pull', p_table);
    END IF;
    SELECT array_agg(a.attname::text ORDER BY a.attnum) INTO v_columns
      FROM pg_attribute a
     WHERE a.attrelid = format('central.%I', t.rows_view)::regclass AND a.attnum > 0 AND NOT a.attisdropped
       AND a.attname NOT IN ('hall_id', 'row_version');
    IF cardinality(v_columns) > 16 THEN
        RAISE EXCEPTION 'central.% has more than 16 columns', t.rows_view;
    END IF;
    SELECT string_agg(CASE WHEN i <= cardinality(v_columns) THEN format('v.%I', v_columns[i]) ELSE 'NULL' END, ', '),
           string_agg(CASE WHEN i <= cardinality(v_columns) THEN format('s.key ->> %L', v_columns[i]) ELSE 'NULL' END,
                      ', ')
      INTO v_values, v_keys
      FROM generate_series(1, 16) AS i;
    v_where := CASE WHEN t.everywhere THEN '' ELSE 'v.hall_id = $1 AND' END;
    v_page := least(greatest(coalesce(p_page_size, 1000), 1),
        (SELECT value::integer FROM central.settings WHERE key = 'sync.max_rows_page'));
    p_after := greatest(coalesce(p_after, 0), 0);
    -- first the fence (its own statement), then the rows (a later snapshot): see central.pull_fence
    v_fence := central.pull_fence();
    -- where this page ends: the page_size-th row_version of rows and tombstones together (index only)
    EXECUTE format(
        'SELECT count(*), max(u.row_version)
           FROM (SELECT x.row_version
                   FROM ((SELECT v.row_version FROM central.%I v
                           WHERE %s v.row_version > $2 AND v.row_version <= $3 ORDER BY v.row_version LIMIT $4)
                         UNION ALL
                         (SELECT s.row_version FROM central.tombstones s
                           WHERE s.table_name = $5 AND (s.hall_id = $1 OR s.hall_id IS NULL)
                             AND s.row_version > $2 AND s.row_version <= $3 ORDER BY s.row_version LIMIT $4)) x
                  ORDER BY x.row_version LIMIT $4) u',
        t.rows_view, v_where)
      INTO v_count, v_last
      USING me.hall_id, p_after, v_fence, v_page, p_table;
    -- a full page may have more behind it; otherwise everything up to the fence is in this page
    v_upper := CASE WHEN v_count >= v_page THEN v_last ELSE v_fence END;
    kind := CASE WHEN v_count >= v_page THEN 'more' ELSE 'last' END;
    row_version := greatest(p_after, v_upper);
    c01 := v_columns[1]; c02 := v_columns[2]; c03 := v_columns[3]; c04 := v_columns[4];
    c05 := v_columns[5]; c06 := v_columns[6]; c07 := v_columns[7]; c08 := v_columns[8];
    c09 := v_columns[9]; c10 := v_columns[10]; c11 := v_columns[11]; c12 := v_columns[12];
    c13 := v_columns[13]; c14 := v_columns[14]; c15 := v_columns[15]; c16 := v_columns[16];
    RETURN NEXT;
    kind := 'fence';
    row_version := v_fence;
    c01 := NULL; c02 := NULL; c03 := NULL; c04 := NULL; c05 := NULL; c06 := NULL; c07 := NULL; c08 := NULL;
    c09 := NULL; c10 := NULL; c11 := NULL; c12 := NULL; c13 := NULL; c14 := NULL; c15 := NULL; c16 := NULL;
    RETURN NEXT;
    RETURN QUERY EXECUTE format(
        'SELECT x.* FROM ((SELECT ''row''::text AS kind, v.row_version, %s FROM central.%I v
                            WHERE %s v.row_version > $2 AND v.row_version <= $3)
                          UNION ALL
                          (SELECT ''delete''::text, s.row_version, %s FROM central.tombstones s
                            WHERE s.table_name = $4 AND (s.hall_id = $1 OR s.hall_id IS NULL)
                              AND s.row_version > $2 AND s.row_version <= $3)) x',
        v_values, t.rows_view, v_where, v_keys)
      USING me.hall_id, p_after, v_upper, p_table;
END
$$;

-- The typed form is cheap per row, so its pages may be larger: fewer round trips for a first fill. Without the
-- merge sort of sync.pull, without parallel workers (a page is one index range scan) and with the page kept in
-- memory (work_mem), the server sends a page of 50,000 bills in about 110 ms.
INSERT INTO central.settings (key, value) VALUES ('sync.max_rows_page', '50000');

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA sync FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.pull_rows(text, bigint, integer) TO halldesk_terminal;

INSERT INTO central.schema_version (version, name) VALUES (3, 'pull_rows');
