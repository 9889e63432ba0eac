-- Audit anchors (0007): each terminal's audit heads, kept per terminal with the terminal taken from session_user;
-- a head that contradicts an earlier one is kept as a conflict; terminals read only their own.
\set ON_ERROR_STOP on
\i lib/fixture.psql

\connect :t11
DO $$
DECLARE
    a text := repeat('a', 64);
    b text := repeat('b', 64);
    c text := repeat('c', 64);
    r jsonb;
BEGIN
    r := sync.anchor_audit(3, a);
    IF r ->> 'result' <> 'anchored' THEN RAISE EXCEPTION 'first head: %', r; END IF;
    r := sync.anchor_audit(3, upper(a));          -- the same head again (hex in any case): a quiet round
    IF r ->> 'result' <> 'known' THEN RAISE EXCEPTION 'same head: %', r; END IF;
    r := sync.anchor_audit(5, b);
    IF r ->> 'result' <> 'anchored' THEN RAISE EXCEPTION 'longer log: %', r; END IF;
    r := sync.anchor_audit(4, c);                 -- fewer entries than anchored before: cut short
    IF r ->> 'result' <> 'conflict' OR r ->> 'reason' NOT LIKE '%5 entries%' THEN RAISE EXCEPTION 'shorter: %', r; END IF;
    r := sync.anchor_audit(4, c);                 -- and it stays a conflict when sent again
    IF r ->> 'result' <> 'conflict' THEN RAISE EXCEPTION 'shorter again: %', r; END IF;
    r := sync.anchor_audit(5, c);                 -- another hash at an anchored count: rewritten
    IF r ->> 'result' <> 'conflict' OR r ->> 'reason' NOT LIKE '%' || b || '%' THEN RAISE EXCEPTION 'rewritten: %', r; END IF;
    IF jsonb_array_length(sync.audit_anchors()) <> 4
       OR sync.audit_anchors() -> 0 ->> 'head_hash' <> a OR (sync.audit_anchors() -> 0 ->> 'times')::int <> 2 THEN
        RAISE EXCEPTION 'history: %', sync.audit_anchors();
    END IF;
    BEGIN
        PERFORM sync.anchor_audit(0, a);
        RAISE EXCEPTION 'an empty head was taken';
    EXCEPTION WHEN SQLSTATE 'HD003' THEN NULL;
    END;
    BEGIN
        PERFORM sync.anchor_audit(6, 'not a hash');
        RAISE EXCEPTION 'a malformed hash was taken';
    EXCEPTION WHEN SQLSTATE 'HD003' THEN NULL;
    END;
    BEGIN
        PERFORM count(*) FROM central.audit_anchors;
        RAISE EXCEPTION 'a terminal read the anchors table';
    EXCEPTION WHEN insufficient_privilege THEN NULL;
    END;
END
$$;

-- Another terminal of the same hall sees none of T01's heads and keeps its own history.
\connect :t12
DO $$
DECLARE
    r jsonb;
BEGIN
    IF sync.audit_anchors() <> '[]'::jsonb THEN RAISE EXCEPTION 'T02 sees %', sync.audit_anchors(); END IF;
    r := sync.anchor_audit(3, repeat('d', 64));
    IF r ->> 'result' <> 'anchored' THEN RAISE EXCEPTION 'T02 first head: %', r; END IF;
END
$$;

\connect :admin
SELECT t_expect((SELECT count(*) FROM central.audit_anchors a JOIN central.terminals t USING (terminal_id)
                  WHERE t.code = 'T01' AND t.hall_id = 1) = 4, 'four heads of H01/T01');
SELECT t_expect((SELECT count(*) FROM central.audit_anchors WHERE conflict <> '') = 2, 'two conflicts kept');
SELECT t_expect((SELECT count(*) FROM central.audit_anchors a JOIN central.terminals t USING (terminal_id)
                  WHERE t.code = 'T02') = 1, 'one head of H01/T02');
