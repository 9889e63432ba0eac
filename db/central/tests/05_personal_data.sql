-- Personal data (central version 6, docs/security.md): the centre keeps full ID numbers and sends halls masked ones
-- in both pull forms; sync.verify_id_card answers for the caller's hall only, records every answer with the number
-- masked, and refuses (HD005) past the terminal's hourly allowance.
\set ON_ERROR_STOP on
\i lib/fixture.psql

UPDATE central.accounts SET id_card_no = '33010219770123295X' WHERE account_no = '1000000001';
UPDATE central.accounts SET id_card_no = '330106198503124011' WHERE account_no = '2000000001';
UPDATE central.settings SET value = '3' WHERE key = 'sync.id_card_checks_per_hour';
SELECT t_expect(central.mask_id_card('330102197701232952') = '330102********2952', 'mask: 18 characters');
SELECT t_expect(central.mask_id_card('330102850312401') = '330102*****2401', 'mask: 15 digits');
SELECT t_expect(central.mask_id_card('330102********2952') = '330102********2952', 'mask: idempotent');
SELECT t_expect(central.mask_id_card('12345') = '*****' AND central.mask_id_card('') = '', 'mask: short values');

\connect :t11
-- (t_expect is the administrator's; as a terminal, a failed expectation raises from a DO block)
DO $$
BEGIN
    IF (SELECT r ->> 'id_card_no' FROM jsonb_array_elements(sync.pull('accounts', 0, 100)::jsonb -> 'rows') r
         WHERE r ->> 'account_no' = '1000000001') IS DISTINCT FROM '330102********295X' THEN
        RAISE EXCEPTION 'sync.pull sent an unmasked number';
    END IF;
    IF (SELECT c12 FROM sync.pull_rows('accounts', 0, 100) WHERE kind = 'row' AND c01 = '1000000001')
       IS DISTINCT FROM '330102********295X' THEN
        RAISE EXCEPTION 'sync.pull_rows sent an unmasked number';
    END IF;
    IF NOT sync.verify_id_card('1000000001', ' 33010219770123295x ') THEN
        RAISE EXCEPTION 'the right card (blanks and a small x) was refused';
    END IF;
    IF sync.verify_id_card('1000000001', '330102197801232952') THEN
        RAISE EXCEPTION 'a wrong card was accepted';
    END IF;
    IF sync.verify_id_card('2000000001', '330106198503124011') THEN
        RAISE EXCEPTION 'another hall''s account was checked';
    END IF;
END
$$;
DO $$
BEGIN
    PERFORM sync.verify_id_card('1000000001', '33010219770123295X');
    RAISE EXCEPTION 'a fourth check in the hour was answered';
EXCEPTION WHEN SQLSTATE 'HD005' THEN
    NULL;
END
$$;
DO $$
BEGIN
    PERFORM count(*) FROM central.id_card_checks;
    RAISE EXCEPTION 'a terminal read central.id_card_checks';
EXCEPTION WHEN insufficient_privilege THEN
    NULL;
END
$$;

-- another terminal of the hall has its own allowance
\connect :t12
DO $$
BEGIN
    IF NOT sync.verify_id_card('1000000001', '33010219770123295X') THEN
        RAISE EXCEPTION 'T02 was refused';
    END IF;
END
$$;

\connect :admin
SELECT t_expect((SELECT string_agg(t.code || ':' || c.account_no || ':' || c.account_found || ':' || c.matched || ':'
                                   || c.presented_masked, ',' ORDER BY c.check_id)
                   FROM central.id_card_checks c JOIN central.terminals t USING (terminal_id))
                = 'T01:1000000001:true:true:330102********295X,T01:1000000001:true:false:330102********2952,'
                  'T01:2000000001:false:false:330106********4011,T02:1000000001:true:true:330102********295X',
                'every answer recorded, the presented number masked');
SELECT t_expect((SELECT id_card_no FROM central.accounts WHERE account_no = '1000000001') = '33010219770123295X',
                'the centre keeps the full number');
