-- HallDesk central database, re-applied API: The sync API that terminals call: hello, push, pull, pull_rows,
-- rejected_events, my_hall_id.
-- `halldeskctl central migrate` runs every db/central/api/*.sql, in name order and in one transaction, after the
-- numbered migrations, each time (docs/sync.md "Functions and views"). This file holds the current definitions:
-- change a function or view here, never by copying it into a migration.

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

-- ---------------------------------------------------------------------------------------------------------
-- The sync API: all a terminal may call. SECURITY DEFINER (owner halldesk_owner), search_path pinned, the
-- terminal's identity from session_user. Nothing relies on session state (pgbouncer transaction pooling).
-- ---------------------------------------------------------------------------------------------------------

-- The hall of the connected terminal (NULL for anyone else): used by the row-level security policies.
CREATE OR REPLACE FUNCTION sync.my_hall_id()
RETURNS integer
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
    SELECT hall_id FROM central.terminals WHERE role_name = session_user AND active
$$;

-- Who am I, as the server knows it. p_client: anything the client wants to report (version, host); stored.
CREATE OR REPLACE FUNCTION sync.hello(p_client jsonb DEFAULT '{}')
RETURNS jsonb
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
DECLARE
    me record := central.terminal_of(session_user);
    h record;
BEGIN
    SELECT * INTO h FROM central.halls WHERE hall_id = me.hall_id;
    INSERT INTO central.terminal_contacts (terminal_id, last_hello_at, client_info)
    VALUES (me.terminal_id, now(), coalesce(p_client, '{}'))
    ON CONFLICT (terminal_id) DO UPDATE SET last_hello_at = excluded.last_hello_at, client_info = excluded.client_info;
    RETURN jsonb_build_object(
        'api_version', 1,
        'schema_version', (SELECT max(version) FROM central.schema_version),
        'hall_code', h.code, 'hall_name', h.name, 'timezone', h.timezone, 'late_fee_policy', h.late_fee_policy,
        'terminal_code', me.terminal_code, 'role', session_user::text,
        'server_time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'event_types', (SELECT jsonb_agg(type ORDER BY type) FROM central.event_types),
        'tables', (SELECT jsonb_agg(name ORDER BY ordinal) FROM central.pull_tables),
        'max_batch', (SELECT value::integer FROM central.settings WHERE key = 'sync.max_batch'),
        'max_page', (SELECT value::integer FROM central.settings WHERE key = 'sync.max_page'));
END
$$;

-- Apply a batch of outbox events in the calling transaction. Each event: {uuid, type, seq, terminal_code,
-- hall_code, created_at, payload}. Returns [{uuid, seq, result: accepted|duplicate|rejected, reason, note}], one per
-- event, in order. Each event runs in its own subtransaction: a rejected one leaves no trace but its rejection
-- row and does not stop the rest. A deadlock or serialization failure aborts the whole call (retry it: duplicates
-- change nothing). Every account the batch names is locked first, in account_no order, so that concurrent
-- batches naming the same accounts in other orders cannot deadlock (tests/sync/TestSyncConcurrent).
CREATE OR REPLACE FUNCTION sync.push(p_events jsonb)
RETURNS jsonb
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
DECLARE
    me record := central.terminal_of(session_user);
    ev jsonb;
    v_uuid_text text;
    v_uuid uuid;
    v_type text;
    v_seq bigint;
    v_handler text;
    v_owner integer;
    v_result text;
    v_reason text;
    v_note text;
    v_state text;
    results jsonb[] := '{}';
    v_handlers jsonb;
    v_open_rejections boolean;
BEGIN
    IF jsonb_typeof(p_events) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION USING ERRCODE = 'HD003', MESSAGE = 'sync.push takes a JSON array of events';
    END IF;
    IF jsonb_array_length(p_events) > (SELECT value::integer FROM central.settings WHERE key = 'sync.max_batch') THEN
        RAISE EXCEPTION USING ERRCODE = 'HD003', MESSAGE = format('a batch of %s events is more than sync.max_batch',
            jsonb_array_length(p_events));
    END IF;
    -- the registry, once per call: type -> the handler's quoted name
    SELECT jsonb_object_agg(e.type, format('%I.%I', n.nspname, p.proname)) INTO v_handlers
      FROM central.event_types e JOIN pg_proc p ON p.oid = e.handler::oid JOIN pg_namespace n ON n.oid = p.pronamespace;
    v_open_rejections := EXISTS (SELECT 1 FROM central.rejected_events
                                  WHERE terminal_id = me.terminal_id AND resolved_at IS NULL);
    -- Every account the batch can touch, locked at once in account_no order. The handlers lock their accounts in
    -- that order too, but a batch is one transaction: without this, the locks of its first events are held while a
    -- later event waits, and two terminals whose batches name the same accounts in another order deadlock.
    PERFORM 1 FROM central.accounts
     WHERE account_no IN (
            SELECT a.value ->> 0
              FROM jsonb_array_elements(p_events) e,
                   jsonb_array_elements(CASE WHEN jsonb_typeof(e.value -> 'payload' -> 'accounts') = 'array'
                                             THEN e.value -> 'payload' -> 'accounts' ELSE '[]' END) a
             WHERE jsonb_typeof(a.value) = 'string'
            UNION
            SELECT e.value -> 'payload' ->> 'account_no'
              FROM jsonb_array_elements(p_events) e
             WHERE jsonb_typeof(e.value -> 'payload') = 'object'
            UNION
            SELECT unnest(p.account_nos)
              FROM jsonb_array_elements(p_events) e
              JOIN central.payments p
                ON p.payment_uuid = CASE
                       WHEN (e.value -> 'payload' ->> 'payment_uuid') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                       THEN (e.value -> 'payload' ->> 'payment_uuid')::uuid END  -- a malformed uuid is its event's problem
             WHERE e.value ->> 'type' = 'payment.voided')
     ORDER BY account_no
       FOR UPDATE;
    FOR ev IN SELECT value FROM jsonb_array_elements(p_events) LOOP
        v_uuid_text := CASE WHEN jsonb_typeof(ev) = 'object' THEN ev ->> 'uuid' END;
        v_uuid := NULL;
        v_type := CASE WHEN jsonb_typeof(ev) = 'object' THEN ev ->> 'type' END;
        v_seq := NULL;
        v_note := '';
        v_reason := '';
        BEGIN
            IF jsonb_typeof(ev) IS DISTINCT FROM 'object' THEN
                PERFORM central.reject('an event must be a JSON object');
            END IF;
            IF v_uuid_text IS NULL OR v_uuid_text !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
                PERFORM central.reject(format('uuid "%s" is not a UUID', coalesce(v_uuid_text, '')));
            END IF;
            v_uuid := v_uuid_text::uuid;
            v_seq := central.req_int(ev, 'seq');
            -- identity: the event must be this connection's terminal, as the server knows it
            IF central.req_text(ev, 'terminal_code') IS DISTINCT FROM me.terminal_code
               OR central.req_text(ev, 'hall_code') IS DISTINCT FROM me.hall_code
               OR coalesce(ev -> 'payload' ->> 'terminal_code', me.terminal_code) IS DISTINCT FROM me.terminal_code
               OR coalesce(ev -> 'payload' ->> 'hall_code', me.hall_code) IS DISTINCT FROM me.hall_code THEN
                PERFORM central.reject(format('the event claims terminal %s of hall %s; this connection is terminal %s of hall %s',
                    coalesce(ev -> 'payload' ->> 'terminal_code', ev ->> 'terminal_code'),
                    coalesce(ev -> 'payload' ->> 'hall_code', ev ->> 'hall_code'), me.terminal_code, me.hall_code));
            END IF;
            v_handler := v_handlers ->> v_type;
            IF v_handler IS NULL THEN
                PERFORM central.reject(format('unknown event type "%s"', coalesce(v_type, '')));
            END IF;
            IF jsonb_typeof(ev -> 'payload') IS DISTINCT FROM 'object' THEN
                PERFORM central.reject('payload must be a JSON object');
            END IF;
            -- the idempotency record first: a concurrent push of the same event waits here, then sees a duplicate
            INSERT INTO central.applied_events (event_uuid, hall_id, terminal_id, local_seq, type, payload, created_at)
            VALUES (v_uuid, me.hall_id, me.terminal_id, v_seq, v_type, ev -> 'payload',
                CASE WHEN ev ? 'created_at' THEN central.req_time(ev, 'created_at') END)
            ON CONFLICT (event_uuid) DO NOTHING;
            IF NOT FOUND THEN
                SELECT terminal_id INTO v_owner FROM central.applied_events WHERE event_uuid = v_uuid;
                IF v_owner <> me.terminal_id THEN
                    PERFORM central.reject(format('uuid %s was already used by another terminal', v_uuid));
                END IF;
                v_result := 'duplicate';
            ELSE
                EXECUTE 'SELECT ' || v_handler || '($1, $2, $3)' INTO v_note USING me.hall_id, me.terminal_id, ev;
                v_note := coalesce(v_note, '');
                IF v_note <> '' THEN
                    UPDATE central.applied_events SET note = v_note WHERE event_uuid = v_uuid;
                END IF;
                IF v_open_rejections THEN
                    UPDATE central.rejected_events SET resolved_at = now(), resolved_note = 'accepted when pushed again'
                     WHERE terminal_id = me.terminal_id AND event_uuid = v_uuid AND resolved_at IS NULL;
                END IF;
                v_result := 'accepted';
            END IF;
        EXCEPTION
            WHEN deadlock_detected OR serialization_failure OR lock_not_available THEN
                RAISE;
            WHEN OTHERS THEN
                GET STACKED DIAGNOSTICS v_reason = MESSAGE_TEXT, v_state = RETURNED_SQLSTATE;
                IF v_state <> 'HD001' THEN
                    v_reason := format('%s (SQLSTATE %s)', v_reason, v_state);
                END IF;
                v_result := 'rejected';
        END;
        IF v_result = 'rejected' THEN
            INSERT INTO central.rejected_events (hall_id, event_uuid, terminal_id, local_seq, type, reason, envelope)
            VALUES (me.hall_id, v_uuid, me.terminal_id,
                CASE WHEN jsonb_typeof(ev -> 'seq') = 'number' AND (ev ->> 'seq') ~ '^[0-9]{1,18}$' THEN (ev ->> 'seq')::bigint END,
                left(v_type, 100), v_reason, ev)
            ON CONFLICT (terminal_id, event_uuid) WHERE event_uuid IS NOT NULL
            DO UPDATE SET reason = excluded.reason, envelope = excluded.envelope, attempts = central.rejected_events.attempts + 1,
                          last_at = now(), resolved_at = NULL, resolved_note = '';
        END IF;
        results := array_append(results, jsonb_build_object('uuid', v_uuid_text, 'seq', ev -> 'seq',
            'result', v_result, 'reason', v_reason, 'note', v_note));
    END LOOP;
    RETURN to_jsonb(results);
END
$$;

-- One page of a cached table for this terminal's hall: rows and deletions with row_version above p_after, in
-- row_version order, at most p_page_size of them together. Returns {table, rows, deleted, watermark, more}:
-- apply rows (upsert by natural key) and deleted (keys) and store watermark in one local transaction; call
-- again while more is true. Must run in READ COMMITTED (the default).
CREATE OR REPLACE FUNCTION sync.pull(p_table text, p_after bigint, p_page_size integer)
RETURNS json
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
DECLARE
    me record := central.terminal_of(session_user);
    t record;
    v_fence bigint;
    v_page integer;
    v_rows json;
    v_deleted json;
    v_count integer;
    v_last bigint;
    v_more boolean;
    v_watermark bigint;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION USING ERRCODE = 'HD003', MESSAGE = 'sync.pull must run in READ COMMITTED';
    END IF;
    SELECT * INTO t FROM central.pull_tables WHERE name = p_table;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'HD003', MESSAGE = format('there is no table "%s" to pull', p_table);
    END IF;
    v_page := least(greatest(coalesce(p_page_size, 1000), 1),
        (SELECT value::integer FROM central.settings WHERE key = 'sync.max_page'));
    p_after := greatest(coalesce(p_after, 0), 0);
    -- first the fence (its own statement), then the rows (a later snapshot): see central.pull_fence
    v_fence := central.pull_fence();
    -- rows and tombstones merged in row_version order; one more than a page is read to know whether more follow
    EXECUTE format(
        'SELECT coalesce(json_agg(u.row ORDER BY u.row_version) FILTER (WHERE u.row IS NOT NULL AND u.n <= $4), ''[]''),
                coalesce(json_agg(u.key ORDER BY u.row_version) FILTER (WHERE u.key IS NOT NULL AND u.n <= $4), ''[]''),
                count(*), max(u.row_version) FILTER (WHERE u.n <= $4)
           FROM (SELECT x.row_version, x.row, x.key, row_number() OVER (ORDER BY x.row_version) AS n
                   FROM ((SELECT v.row_version, v.row, NULL::json AS key FROM central.%I v
                           WHERE %s v.row_version > $2 AND v.row_version <= $3 ORDER BY v.row_version LIMIT $4 + 1)
                         UNION ALL
                         (SELECT s.row_version, NULL::json, s.key::json FROM central.tombstones s
                           WHERE s.table_name = $5 AND (s.hall_id = $1 OR s.hall_id IS NULL)
                             AND s.row_version > $2 AND s.row_version <= $3 ORDER BY s.row_version LIMIT $4 + 1)) x
                  ORDER BY x.row_version LIMIT $4 + 1) u',
        t.view_name, CASE WHEN t.everywhere THEN '' ELSE 'v.hall_id = $1 AND' END)
      INTO v_rows, v_deleted, v_count, v_last
      USING me.hall_id, p_after, v_fence, v_page, p_table;
    v_more := v_count > v_page;
    IF v_more THEN
        v_watermark := v_last;
    ELSE
        -- everything of this hall up to the fence was sent: the watermark may move to the fence
        v_watermark := greatest(p_after, v_fence);
    END IF;
    RETURN json_build_object('table', p_table, 'rows', v_rows, 'deleted', v_deleted, 'watermark', v_watermark,
        'more', v_more);
END
$$;

-- One page of a cached table for this terminal's hall, as rows of (kind, row_version, c01 … c16):
--   the first row:  kind 'more' or 'last', row_version = the new watermark, c01… = the column names;
--   the second row: kind 'fence', row_version = the fence (how far this table goes now: for progress);
--   then kind 'row' (the fields in the named columns) or 'delete' (the key fields), in no particular order:
--   apply them in row_version order, so a row deleted and made again ends as the centre has it.
-- Apply the rows and store the watermark in one local transaction; call again while the first row says 'more'.
-- The selection is sync.pull's: this hall's rows and tombstones with row_version above p_after and at or below
-- the fence, at most p_page_size (capped at sync.max_rows_page) of them. Must run in READ COMMITTED.
CREATE OR REPLACE FUNCTION sync.pull_rows(p_table text, p_after bigint, p_page_size integer)
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

-- For the supervisor screen: the rejected events of this terminal's hall (open ones, or all).
CREATE OR REPLACE FUNCTION sync.rejected_events(p_include_resolved boolean DEFAULT false, p_limit integer DEFAULT 500)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'uuid', r.event_uuid, 'terminal_code', t.code, 'seq', r.local_seq, 'type', r.type,
               'reason', r.reason, 'event', r.envelope, 'attempts', r.attempts,
               'first_at', to_char(r.first_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'last_at', to_char(r.last_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'resolved_at', to_char(r.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'resolved_note', r.resolved_note)
               ORDER BY r.last_at DESC, r.rejection_id DESC), '[]')
      FROM (SELECT * FROM central.rejected_events
             WHERE hall_id = (central.terminal_of(session_user)).hall_id
               AND (p_include_resolved OR resolved_at IS NULL)
             ORDER BY last_at DESC, rejection_id DESC
             LIMIT least(greatest(p_limit, 1), 5000)) r
      JOIN central.terminals t USING (terminal_id)
$$;
