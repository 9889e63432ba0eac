-- HallDesk central database, re-applied API: Reading an event's payload: central.reject and the req_*/opt_* readers.
-- `halldeskctl central migrate` runs every db/central/api/*.sql, in name order and in one transaction, after the
-- numbered migrations, each time (docs/sync.md "Functions and views"). This file holds the current definitions:
-- change a function or view here, never by copying it into a migration.

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

-- ---------------------------------------------------------------------------------------------------------
-- Reading event payloads. A malformed event is rejected with SQLSTATE HD001 and a reason a person understands.
-- ---------------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION central.reject(p_reason text) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'HD001', MESSAGE = p_reason;
END
$$;

CREATE OR REPLACE FUNCTION central.req_text(p_object jsonb, p_key text) RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
    IF jsonb_typeof(p_object -> p_key) IS DISTINCT FROM 'string' THEN
        PERFORM central.reject(format('field "%s" must be a string', p_key));
    END IF;
    RETURN p_object ->> p_key;
END
$$;

CREATE OR REPLACE FUNCTION central.opt_text(p_object jsonb, p_key text) RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
    IF p_object -> p_key IS NULL OR jsonb_typeof(p_object -> p_key) = 'null' THEN
        RETURN '';
    END IF;
    RETURN central.req_text(p_object, p_key);
END
$$;

CREATE OR REPLACE FUNCTION central.req_int(p_object jsonb, p_key text) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    v numeric;
BEGIN
    IF jsonb_typeof(p_object -> p_key) IS DISTINCT FROM 'number' THEN
        PERFORM central.reject(format('field "%s" must be an integer', p_key));
    END IF;
    v := (p_object ->> p_key)::numeric;
    IF v <> trunc(v) OR v < -9223372036854775808 OR v > 9223372036854775807 THEN
        PERFORM central.reject(format('field "%s" must be an integer, not %s', p_key, v));
    END IF;
    RETURN v::bigint;
END
$$;

CREATE OR REPLACE FUNCTION central.req_bool(p_object jsonb, p_key text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
    IF jsonb_typeof(p_object -> p_key) IS DISTINCT FROM 'boolean' THEN
        PERFORM central.reject(format('field "%s" must be true or false', p_key));
    END IF;
    RETURN (p_object ->> p_key)::boolean;
END
$$;

CREATE OR REPLACE FUNCTION central.req_date(p_object jsonb, p_key text) RETURNS date
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    t text := central.req_text(p_object, p_key);
BEGIN
    IF t !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
        PERFORM central.reject(format('field "%s" must be a date YYYY-MM-DD, not "%s"', p_key, t));
    END IF;
    RETURN t::date;
EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
    PERFORM central.reject(format('field "%s" is not a valid date: "%s"', p_key, t));
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION central.req_time(p_object jsonb, p_key text) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    t text := central.req_text(p_object, p_key);
BEGIN
    IF t !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})$' THEN
        PERFORM central.reject(format('field "%s" must be a UTC time YYYY-MM-DDTHH:MM:SSZ, not "%s"', p_key, t));
    END IF;
    RETURN t::timestamptz;
EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
    PERFORM central.reject(format('field "%s" is not a valid time: "%s"', p_key, t));
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION central.req_array(p_object jsonb, p_key text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
    IF jsonb_typeof(p_object -> p_key) IS DISTINCT FROM 'array' THEN
        PERFORM central.reject(format('field "%s" must be an array', p_key));
    END IF;
    RETURN p_object -> p_key;
END
$$;

CREATE OR REPLACE FUNCTION central.opt_array(p_object jsonb, p_key text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
    IF p_object -> p_key IS NULL OR jsonb_typeof(p_object -> p_key) = 'null' THEN
        RETURN '[]';
    END IF;
    RETURN central.req_array(p_object, p_key);
END
$$;
