-- HallDesk central database, re-applied API: Administration: terminals' login roles, payments through other channels.
-- For the administrator only.
-- `halldeskctl central migrate` runs every db/central/api/*.sql, in name order and in one transaction, after the
-- numbered migrations, each time (docs/sync.md "Functions and views"). This file holds the current definitions:
-- change a function or view here, never by copying it into a migration.

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

-- ---------------------------------------------------------------------------------------------------------
-- Administration (not for terminals).
-- ---------------------------------------------------------------------------------------------------------

-- Create a terminal's login role (member of halldesk_terminal) and register it. Run as a role with CREATEROLE
-- (the administrator); the password is the terminal's secret, shown once by `halldeskctl central terminal add`.
-- Returns the role name.
CREATE OR REPLACE FUNCTION central.add_terminal(p_hall_code text, p_terminal_code text, p_password text, p_name text DEFAULT '')
RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, central
AS $$
DECLARE
    v_hall integer;
    v_role text := lower(format('halldesk_%s_%s_%s', current_database(), p_hall_code, p_terminal_code));
BEGIN
    SELECT hall_id INTO v_hall FROM central.halls WHERE code = p_hall_code;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no hall %', p_hall_code;
    END IF;
    IF length(v_role) > 63 OR v_role !~ '^[a-z0-9_]+$' THEN
        RAISE EXCEPTION 'cannot make a role name from database %, hall % and terminal %', current_database(),
            p_hall_code, p_terminal_code;
    END IF;
    IF coalesce(length(p_password), 0) < 12 THEN
        RAISE EXCEPTION 'a terminal password needs at least 12 characters';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_role) THEN
        RAISE EXCEPTION 'role % exists already', v_role;
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT '
                   'CONNECTION LIMIT 8 PASSWORD %L IN ROLE halldesk_terminal', v_role, p_password);
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', v_role, '60s');
    EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', v_role, '120s');
    INSERT INTO central.terminals (hall_id, code, name, role_name) VALUES (v_hall, p_terminal_code, coalesce(p_name, ''), v_role);
    RETURN v_role;
END
$$;

-- A payment made outside the halls (bank withholding, WeChat, Alipay, online): applied to the account's bills
-- like a counter payment (oldest first, fee then principal, the rest prepaid). Idempotent by p_uuid: the same
-- uuid again returns the recorded result with "result": "duplicate".
CREATE OR REPLACE FUNCTION central.record_external_payment(p_account_no text, p_amount_fen bigint, p_channel text, p_uuid uuid)
RETURNS jsonb
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
DECLARE
    acc record;
    prior record;
    v_on date;
    v_result jsonb;
BEGIN
    IF p_channel NOT IN ('bank', 'wechat', 'alipay', 'online') THEN
        RAISE EXCEPTION 'unknown channel % (bank, wechat, alipay, online)', p_channel;
    END IF;
    IF p_amount_fen IS NULL OR p_amount_fen <= 0 THEN
        RAISE EXCEPTION 'the amount must be more than zero';
    END IF;
    SELECT * INTO prior FROM central.payments WHERE payment_uuid = p_uuid;
    IF FOUND THEN
        IF prior.account_nos <> ARRAY[p_account_no] OR prior.amount_fen <> p_amount_fen OR prior.channel <> p_channel THEN
            RAISE EXCEPTION 'payment % exists with other details', p_uuid;
        END IF;
        RETURN jsonb_build_object('uuid', p_uuid, 'result', 'duplicate', 'account_no', p_account_no,
            'amount_fen', p_amount_fen);
    END IF;
    SELECT a.hall_id, h.timezone INTO acc FROM central.accounts a JOIN central.halls h USING (hall_id)
     WHERE a.account_no = p_account_no;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no account %', p_account_no;
    END IF;
    v_on := (now() AT TIME ZONE acc.timezone)::date;
    INSERT INTO central.payments (hall_id, payment_uuid, kind, channel, business_date, created_at, account_nos,
        amount_fen, tendered_fen)
    VALUES (acc.hall_id, p_uuid, 'payment', p_channel, v_on, now(), ARRAY[p_account_no], p_amount_fen, p_amount_fen);
    INSERT INTO central.payment_tenders (hall_id, payment_uuid, line_no, method, amount_fen, tendered_fen)
    VALUES (acc.hall_id, p_uuid, 1, p_channel, p_amount_fen, p_amount_fen);
    v_result := central.allocate(acc.hall_id, p_uuid, ARRAY[p_account_no], p_amount_fen, v_on, '[]');
    RETURN jsonb_build_object('uuid', p_uuid, 'result', 'accepted', 'account_no', p_account_no,
        'amount_fen', p_amount_fen, 'business_date', v_on) || v_result;
END
$$;
