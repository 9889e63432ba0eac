-- HallDesk central database, version 7: the audit chain's head of every terminal, anchored outside the terminal's
-- file (docs/sync.md, "Audit anchors"). Each sync round sends the terminal's head: how many entries its local
-- audit_log holds and the hash of the last one. The centre keeps every head it was sent, so `halldeskctl audit
-- verify --url` can compare the local chain with each of them: a chain cut short or rewritten with every later
-- hash recomputed no longer has the anchored hash at the anchored position.
--
-- The centre cannot see the entries themselves, so it can only tell at once what contradicts an earlier head on
-- its face: fewer entries than already anchored, or another hash for a count it already holds. Such a head is
-- kept too, with the contradiction in `conflict`, and the first head for a count stays the one verify trusts.

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

CREATE TABLE central.audit_anchors (
    anchor_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hall_id         integer NOT NULL REFERENCES central.halls (hall_id),
    terminal_id     integer NOT NULL REFERENCES central.terminals (terminal_id),
    entries         bigint NOT NULL CHECK (entries > 0),
    head_hash       text NOT NULL CHECK (head_hash ~ '^[0-9a-f]{64}$'),
    first_at        timestamptz NOT NULL DEFAULT now(),
    last_at         timestamptz NOT NULL DEFAULT now(),
    times           integer NOT NULL DEFAULT 1,
    conflict        text NOT NULL DEFAULT ''        -- '' or what this head contradicts
);

CREATE INDEX audit_anchors_terminal ON central.audit_anchors (terminal_id, entries);

ALTER TABLE central.audit_anchors ENABLE ROW LEVEL SECURITY;
CREATE POLICY hall_slice ON central.audit_anchors TO halldesk_terminal
    USING (hall_id = sync.my_hall_id()) WITH CHECK (hall_id = sync.my_hall_id());

-- Records the calling terminal's audit head. Returns {result: anchored|known|conflict, entries, head_hash,
-- reason}: "known" when it is the head this terminal sent last (a round with no new entries; counted in `times`),
-- "conflict" when it contradicts an earlier head: fewer entries than anchored before, or another hash for an
-- anchored count. A contradicting head is kept all the same, and the earlier ones stay.
CREATE FUNCTION sync.anchor_audit(p_entries bigint, p_head_hash text)
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
CREATE FUNCTION sync.audit_anchors()
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

REVOKE ALL ON ALL TABLES IN SCHEMA central FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA central FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA sync FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.anchor_audit(bigint, text), sync.audit_anchors() TO halldesk_terminal;

INSERT INTO central.schema_version (version, name) VALUES (7, 'audit_anchors');
