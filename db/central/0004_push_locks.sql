-- HallDesk central database, version 4: sync.push locks every account a batch can touch before it applies the
-- first event. Found by tests/sync/TestSyncConcurrent: twenty terminals pushing at once, their batches naming the
-- same accounts in different orders, deadlocked each other (the handlers lock in account_no order, but a batch is
-- one transaction and keeps the locks of its earlier events while a later one waits). The function is 0002's with
-- that one statement added.

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

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

INSERT INTO central.schema_version (version, name) VALUES (4, 'push_locks');
