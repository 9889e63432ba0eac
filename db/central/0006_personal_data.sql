-- HallDesk central database, version 6: halls get resident ID numbers only masked, and checking a presented ID
-- card against an account is a call to the centre (PIPL arts. 6, 28, 51; docs/security.md).
--
-- The centre keeps the full numbers in central.accounts.id_card_no: it is the one place that must answer "is this
-- the customer's card?". What leaves it for a hall is central.mask_id_card(): the six-digit region code and the
-- last four characters, the eight digits between (the birth date) replaced by '*'. Masking happens in the views
-- that both forms of the pull read (pull_accounts for sync.pull, rows_accounts for sync.pull_rows), so no page a
-- terminal can ask for carries a full number. The views are 0002's and 0003's with that one expression changed.
--
-- sync.verify_id_card(account_no, id_card) answers true or false for an account of the caller's hall, records
-- every answer in central.id_card_checks (who asked, when, for which account, the presented number masked, the
-- answer) and allows a terminal at most sync.id_card_checks_per_hour answers in any hour: more would let a
-- terminal search the birth dates behind a masked number. A refusal is SQLSTATE HD005; it is logged by the server
-- as an ERROR naming the terminal (it cannot be a table row: the refusal rolls the call back).

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

-- The form of an ID number that may leave the centre: first six and last four characters, the rest '*'; a value
-- too short to keep anything (fewer than 11 characters) becomes all '*'. Idempotent: a masked value stays as is.
CREATE FUNCTION central.mask_id_card(p_id text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE
        WHEN p_id IS NULL THEN NULL
        WHEN length(btrim(p_id)) >= 11
            THEN left(btrim(p_id), 6) || repeat('*', length(btrim(p_id)) - 10) || right(btrim(p_id), 4)
        ELSE repeat('*', length(btrim(p_id)))
    END
$$;

CREATE OR REPLACE VIEW central.pull_accounts AS
SELECT a.hall_id, a.row_version, json_build_object('account_no', a.account_no, 'name', a.name,
    'customer_class', a.customer_class, 'address', a.address, 'hall_code', h.code, 'area_code', a.area_code,
    'meter_no', a.meter_no, 'status', a.status, 'risk_level', a.risk_level, 'collector_code', a.collector_code,
    'prepaid_fen', a.prepaid_fen, 'id_card_no', central.mask_id_card(a.id_card_no), 'opened_on', a.opened_on,
    'updated_at', to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'row_version', a.row_version) AS row
FROM central.accounts a JOIN central.halls h USING (hall_id);

CREATE OR REPLACE VIEW central.rows_accounts AS
SELECT a.hall_id, a.row_version, a.account_no, a.name, a.customer_class, a.address, h.code AS hall_code,
    a.area_code, a.meter_no, a.status, a.risk_level, a.collector_code, a.prepaid_fen::text AS prepaid_fen,
    central.mask_id_card(a.id_card_no) AS id_card_no, a.opened_on::text AS opened_on,
    to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
FROM central.accounts a JOIN central.halls h USING (hall_id);

-- Every answer sync.verify_id_card gave. The presented number is kept masked: when it was wrong it may be
-- somebody else's. Terminals cannot read this table.
CREATE TABLE central.id_card_checks (
    check_id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hall_id             integer NOT NULL REFERENCES central.halls,
    terminal_id         integer NOT NULL REFERENCES central.terminals,
    role_name           text NOT NULL,
    account_no          text NOT NULL,
    account_found       boolean NOT NULL,
    presented_masked    text NOT NULL,
    matched             boolean NOT NULL,
    checked_at          timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX id_card_checks_terminal ON central.id_card_checks (terminal_id, checked_at);

INSERT INTO central.settings (key, value) VALUES ('sync.id_card_checks_per_hour', '30');

CREATE FUNCTION sync.verify_id_card(p_account_no text, p_id_card text)
RETURNS boolean
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
DECLARE
    me record := central.terminal_of(session_user);
    v_limit integer;
    v_used integer;
    v_stored text;
    v_presented text := upper(regexp_replace(coalesce(p_id_card, ''), '\s', '', 'g'));
    v_match boolean;
BEGIN
    -- one terminal's checks one after the other, so two at once cannot both take the last one of the hour
    PERFORM pg_advisory_xact_lock(1212434756, me.terminal_id);
    SELECT value::integer INTO v_limit FROM central.settings WHERE key = 'sync.id_card_checks_per_hour';
    v_limit := coalesce(v_limit, 30);
    SELECT count(*) INTO v_used FROM central.id_card_checks
     WHERE terminal_id = me.terminal_id AND checked_at > clock_timestamp() - interval '1 hour';
    IF v_used >= v_limit THEN
        RAISE EXCEPTION USING ERRCODE = 'HD005',
            MESSAGE = format('verify_id_card: terminal %s/%s has used its %s ID card checks of the last hour',
                             me.hall_code, me.terminal_code, v_limit);
    END IF;
    SELECT upper(btrim(a.id_card_no)) INTO v_stored
      FROM central.accounts a
     WHERE a.account_no = btrim(coalesce(p_account_no, '')) AND a.hall_id = me.hall_id;
    v_match := v_stored IS NOT NULL AND v_stored <> '' AND v_presented <> '' AND v_stored = v_presented;
    INSERT INTO central.id_card_checks (hall_id, terminal_id, role_name, account_no, account_found,
        presented_masked, matched)
    VALUES (me.hall_id, me.terminal_id, session_user, btrim(coalesce(p_account_no, '')), v_stored IS NOT NULL,
        central.mask_id_card(v_presented), v_match);
    RETURN v_match;
END
$$;

REVOKE ALL ON TABLE central.id_card_checks FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION central.mask_id_card(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sync.verify_id_card(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.verify_id_card(text, text) TO halldesk_terminal;

INSERT INTO central.schema_version (version, name) VALUES (6, 'personal_data');
