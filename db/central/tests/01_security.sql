-- The migrated database and its walls: versions, privileges, terminal identity from session_user, hall scope in
-- sync.pull, and row-level security as the second wall.
\set ON_ERROR_STOP on
\i lib/fixture.psql

DO $$
BEGIN
    PERFORM t_expect((SELECT array_agg(version ORDER BY version) FROM central.schema_version) = '{1,2,3,4,5,6,7}', 'schema versions 1 to 7');
    -- the sync functions are SECURITY DEFINER with a pinned search_path, owned by halldesk_owner
    PERFORM t_expect(NOT EXISTS (
        SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'sync' AND (NOT p.prosecdef OR NOT ('search_path=pg_catalog, central' = ANY (p.proconfig))
               OR p.proowner <> 'halldesk_owner'::regrole)), 'every sync function is definer with pinned search_path');
    -- nobody but the owner has any privilege on a central table; PUBLIC executes no central or sync function
    PERFORM t_expect(NOT EXISTS (
        SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
         WHERE n.nspname = 'central' AND a.grantee <> c.relowner), 'no table privileges for anyone but the owner');
    PERFORM t_expect(NOT EXISTS (
        SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname IN ('central', 'sync') AND has_function_privilege('public', p.oid, 'EXECUTE')),
        'no EXECUTE for PUBLIC');
    PERFORM t_expect((SELECT count(*) FROM central.terminals) = 3, 'three terminals');
END
$$;
SELECT t_expect(pg_has_role(:'role_t11', 'halldesk_terminal', 'MEMBER'), 'the terminal role is in halldesk_terminal');

-- As terminal H01/T01.
\connect :t11
SELECT set_config('t.v', sync.hello('{"version": "test", "hall_code": "H02", "terminal_code": "T01"}')::text, false);
DO $$
DECLARE
    h jsonb := current_setting('t.v');
BEGIN
    -- identity comes from session_user, whatever the client says
    IF h ->> 'hall_code' <> 'H01' OR h ->> 'terminal_code' <> 'T01' OR (h ->> 'schema_version')::int < 7 THEN
        RAISE EXCEPTION 'hello: %', h;
    END IF;
END
$$;

-- No table can be read or written, no central function called; the outcome must be "permission denied".
DO $$
DECLARE
    t text;
    s text;
    denied integer := 0;
    tried integer := 0;
BEGIN
    FOR t IN SELECT unnest(ARRAY['halls', 'terminals', 'operators', 'accounts', 'contacts', 'payer_groups',
        'payer_group_members', 'bills', 'late_fee_policies', 'late_fee_rates', 'payments', 'payment_tenders',
        'payment_allocations', 'voids', 'prepaid_ledger', 'settlements', 'applied_events', 'rejected_events',
        'tombstones', 'schema_version', 'settings', 'event_types', 'pull_tables', 'pull_accounts', 'pull_bills',
        'rows_accounts', 'rows_bills'])
    LOOP
        FOREACH s IN ARRAY ARRAY[
            format('SELECT count(*) FROM central.%I', t),
            format('INSERT INTO central.%I DEFAULT VALUES', t),
            format('UPDATE central.%I SET row_version = 0', t),
            format('DELETE FROM central.%I', t),
            format('TRUNCATE central.%I', t)]
        LOOP
            tried := tried + 1;
            BEGIN
                EXECUTE s;
                RAISE EXCEPTION 'a terminal could run: %', s;
            EXCEPTION WHEN insufficient_privilege THEN
                denied := denied + 1;
            END;
        END LOOP;
    END LOOP;
    FOREACH s IN ARRAY ARRAY[
        'SELECT central.add_terminal(''H01'', ''T09'', ''long-enough-password'')',
        'SELECT central.record_external_payment(''1000000001'', 100, ''bank'', gen_random_uuid())',
        'SELECT central.allocate(1, gen_random_uuid(), ARRAY[''1000000001''], 100, current_date, ''[]'')',
        'SELECT central.late_fee_of(''1996'', ''residential'', 100, current_date, NULL, 0, 0, current_date)',
        'SELECT central.handle_payment_posted(1, 1, ''{}'')',
        'SELECT central.pull_fence()',
        'SELECT nextval(''central.row_version_seq'')']
    LOOP
        tried := tried + 1;
        BEGIN
            EXECUTE s;
            RAISE EXCEPTION 'a terminal could run: %', s;
        EXCEPTION WHEN insufficient_privilege THEN
            denied := denied + 1;
        END;
    END LOOP;
    RAISE NOTICE 'denied % of % statements', denied, tried;
END
$$;

-- sync.pull gives this hall's accounts only, whatever is asked.
SELECT set_config('t.v', sync.pull('accounts', 0, 100)::text, false);
DO $$
DECLARE
    p jsonb := current_setting('t.v');
BEGIN
    IF (SELECT array_agg(r ->> 'account_no' ORDER BY r ->> 'account_no') FROM jsonb_array_elements(p -> 'rows') r)
       <> ARRAY['1000000001', '1000000002', '1000000003'] THEN
        RAISE EXCEPTION 'H01 pulled %', p;
    END IF;
END
$$;
SELECT set_config('t.v', sync.pull('bills', 0, 100)::text, false);
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM jsonb_array_elements(current_setting('t.v')::jsonb -> 'rows') r WHERE r ->> 'account_no' LIKE '2%') THEN
        RAISE EXCEPTION 'H01 pulled a bill of H02';
    END IF;
END
$$;
-- an unknown table is an error, not an empty page
DO $$
BEGIN
    PERFORM sync.pull('pg_authid', 0, 10);
    RAISE EXCEPTION 'pulled pg_authid';
EXCEPTION WHEN SQLSTATE 'HD003' THEN
    NULL;
END
$$;
-- the typed form draws the same line
DO $$
BEGIN
    IF (SELECT array_agg(c01 ORDER BY c01) FROM sync.pull_rows('accounts', 0, 100) WHERE kind = 'row')
       <> ARRAY['1000000001', '1000000002', '1000000003'] THEN
        RAISE EXCEPTION 'H01 pulled other accounts through pull_rows';
    END IF;
    IF EXISTS (SELECT 1 FROM sync.pull_rows('bills', 0, 100) WHERE kind = 'row' AND c01 LIKE '2%') THEN
        RAISE EXCEPTION 'H01 pulled a bill of H02 through pull_rows';
    END IF;
    BEGIN
        PERFORM sync.pull_rows('pg_authid', 0, 10);
        RAISE EXCEPTION 'pulled pg_authid through pull_rows';
    EXCEPTION WHEN SQLSTATE 'HD003' THEN
        NULL;
    END;
END
$$;

-- As terminal H02/T01: its own hall.
\connect :t21
SELECT set_config('t.v', sync.pull('accounts', 0, 100)::text, false);
DO $$
BEGIN
    IF (SELECT array_agg(r ->> 'account_no') FROM jsonb_array_elements(current_setting('t.v')::jsonb -> 'rows') r) <> ARRAY['2000000001'] THEN
        RAISE EXCEPTION 'H02 pulled %', current_setting('t.v');
    END IF;
END
$$;

-- The second wall: a grant made by mistake still shows a terminal only its hall's rows (RLS).
\connect :admin
GRANT USAGE ON SCHEMA central TO halldesk_terminal;
GRANT SELECT ON central.accounts, central.bills TO halldesk_terminal;
\connect :t21
SELECT count(*) AS n, count(*) FILTER (WHERE hall_id <> 2) AS foreign FROM central.accounts \gset
SELECT count(*) AS nb FROM central.bills \gset
\connect :admin
SELECT t_expect(:n = 1 AND :foreign = 0 AND :nb = 1, format('RLS: H02 sees %s accounts (%s of other halls), %s bills', :n, :foreign, :nb));
-- and without RLS the same mistake would show every hall (so the policy is what holds)
ALTER TABLE central.accounts DISABLE ROW LEVEL SECURITY;
\connect :t21
SELECT count(*) AS n FROM central.accounts \gset
\connect :admin
ALTER TABLE central.accounts ENABLE ROW LEVEL SECURITY;
REVOKE SELECT ON central.accounts, central.bills FROM halldesk_terminal;
REVOKE USAGE ON SCHEMA central FROM halldesk_terminal;
SELECT t_expect(:n = 4, 'without RLS the mistaken grant shows all 4 accounts');

-- Only terminals may connect: a plain login role without the group cannot (CONNECT revoked from PUBLIC).
CREATE ROLE halldesk_test_outsider LOGIN PASSWORD 'outsider-secret';
SELECT has_database_privilege('halldesk_test_outsider', current_database(), 'CONNECT') AS outsider_can_connect \gset
DROP ROLE halldesk_test_outsider;
SELECT t_expect(NOT :'outsider_can_connect'::boolean, 'an outsider role cannot connect');

-- A deactivated terminal is refused by every sync function.
UPDATE central.terminals SET active = false WHERE code = 'T02';
\connect :t12
DO $$
BEGIN
    PERFORM sync.hello();
    RAISE EXCEPTION 'an inactive terminal said hello';
EXCEPTION WHEN SQLSTATE 'HD002' THEN NULL;
END
$$;
