-- HallDesk central database, re-applied API: Audit anchors (docs/sync.md "Audit anchors"): each terminal's audit heads.
-- `halldeskctl central migrate` runs every db/central/api/*.sql, in name order and in one transaction, after the
-- numbered migrations, each time (docs/sync.md "Functions and views"). This file holds the current definitions:
-- change a function or view here, never by copying it into a migration.

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

-- Records the calling terminal's audit head. Returns {result: anchored|known|conflict, entries, head_hash,
-- reason}: "known" when it is the head this terminal sent last (a round with no new entries; counted in `times`),
-- "conflict" when it contradicts an earlier head: fewer entries than anchored before, or another hash for an
-- anchored count. A contradicting head is kept all the same, and the earlier ones stay.
CREATE OR REPLACE FUNCTION sync.anchor_audit(p_entries bigint, p_head_hash text)
RETURNS jsonb
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
DECLARE
    me record := central.terminal_of(session_user);
    v_hash text := lower(coalesce(p_head_hash, ''));
    v_max bigint;
    v_same_count text;
    v_conflict text := '';
    v_result text;
    v_last record;
BEGIN
    IF p_entries IS NULL OR p_entries <= 0 OR v_hash !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION USING ERRCODE = 'HD003',
            MESSAGE = 'sync.anchor_audit takes a positive entry count and a SHA-256 hash in hex';
    END IF;
    -- one terminal's heads one at a time, so two rounds at once cannot both miss each other's head
    PERFORM 1 FROM central.terminals WHERE terminal_id = me.terminal_id FOR UPDATE;
    -- the same head as the last one sent: a round with no new entries
    SELECT anchor_id, entries, head_hash, conflict INTO v_last FROM central.audit_anchors
     WHERE terminal_id = me.terminal_id ORDER BY anchor_id DESC LIMIT 1;
    IF FOUND AND v_last.entries = p_entries AND v_last.head_hash = v_hash THEN
        UPDATE central.audit_anchors SET last_at = now(), times = times + 1 WHERE anchor_id = v_last.anchor_id;
        RETURN jsonb_build_object('result', CASE WHEN v_last.conflict = '' THEN 'known' ELSE 'conflict' END,
            'entries', p_entries, 'head_hash', v_hash, 'reason', v_last.conflict);
    END IF;
    SELECT max(entries) INTO v_max FROM central.audit_anchors WHERE terminal_id = me.terminal_id AND conflict = '';
    SELECT head_hash INTO v_same_count FROM central.audit_anchors
     WHERE terminal_id = me.terminal_id AND entries = p_entries AND conflict = '' ORDER BY anchor_id LIMIT 1;
    IF v_same_count IS NOT NULL AND v_same_count <> v_hash THEN
        v_conflict := format('entry %s was anchored with hash %s', p_entries, v_same_count);
    ELSIF v_max IS NOT NULL AND p_entries < v_max THEN
        v_conflict := format('the log had %s entries when anchored before, now %s', v_max, p_entries);
    END IF;
    INSERT INTO central.audit_anchors (hall_id, terminal_id, entries, head_hash, conflict)
    VALUES (me.hall_id, me.terminal_id, p_entries, v_hash, v_conflict);
    v_result := CASE WHEN v_conflict = '' THEN 'anchored' ELSE 'conflict' END;
    RETURN jsonb_build_object('result', v_result, 'entries', p_entries, 'head_hash', v_hash, 'reason', v_conflict);
END
$$;

-- The calling terminal's anchors, oldest count first: [{entries, head_hash, first_at, last_at, times, conflict}].
CREATE OR REPLACE FUNCTION sync.audit_anchors()
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'entries', a.entries, 'head_hash', a.head_hash,
               'first_at', to_char(a.first_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'last_at', to_char(a.last_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'times', a.times, 'conflict', a.conflict) ORDER BY a.entries, a.anchor_id), '[]'::jsonb)
      FROM central.audit_anchors a
     WHERE a.terminal_id = (central.terminal_of(session_user)).terminal_id
$$;
