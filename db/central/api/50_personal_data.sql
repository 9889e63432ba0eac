-- HallDesk central database, re-applied API: Personal data (docs/security.md): ID numbers masked for the halls; a
-- presented ID card checked here.
-- `halldeskctl central migrate` runs every db/central/api/*.sql, in name order and in one transaction, after the
-- numbered migrations, each time (docs/sync.md "Functions and views"). This file holds the current definitions:
-- change a function or view here, never by copying it into a migration.

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

-- The form of an ID number that may leave the centre: first six and last four characters, the rest '*'; a value
-- too short to keep anything (fewer than 11 characters) becomes all '*'. Idempotent: a masked value stays as is.
CREATE OR REPLACE FUNCTION central.mask_id_card(p_id text)
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

CREATE OR REPLACE FUNCTION sync.verify_id_card(p_account_no text, p_id_card text)
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
