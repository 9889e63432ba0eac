-- HallDesk central database, re-applied API: Row versions, the pull fence and tombstones: the trigger functions of the
-- tables halls cache.
-- `halldeskctl central migrate` runs every db/central/api/*.sql, in name order and in one transaction, after the
-- numbered migrations, each time (docs/sync.md "Functions and views"). This file holds the current definitions:
-- change a function or view here, never by copying it into a migration.

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

CREATE OR REPLACE FUNCTION central.next_row_version() RETURNS bigint
LANGUAGE plpgsql
AS $$
BEGIN
    IF current_setting('halldesk.rv_fence', true) IS DISTINCT FROM 'on' THEN
        PERFORM pg_advisory_xact_lock_shared((SELECT last_value FROM central.row_version_seq));
        PERFORM set_config('halldesk.rv_fence', 'on', true);
    END IF;
    RETURN nextval('central.row_version_seq');
END
$$;

-- The highest row_version the pull may serve now: every row at or below it is committed (or will never be).
-- Call in its own statement before reading rows, in READ COMMITTED (the reading statement takes a later snapshot).
CREATE OR REPLACE FUNCTION central.pull_fence() RETURNS bigint
LANGUAGE sql STABLE
SET search_path = pg_catalog, central
AS $$
    SELECT least(
        (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM central.row_version_seq),
        (SELECT min((l.classid::bigint << 32) | l.objid::bigint) - 1
           FROM pg_locks l
          WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())))
$$;

CREATE OR REPLACE FUNCTION central.stamp_row_version() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.row_version := central.next_row_version();
    RETURN NEW;
END
$$;

-- Trigger arguments: the pull's table name, then the natural-key columns. A row that leaves a hall (an account
-- moved to another hall) leaves a tombstone in the old hall too.
CREATE OR REPLACE FUNCTION central.leave_tombstone() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    old_row jsonb := to_jsonb(OLD);
    key jsonb := '{}';
    i integer;
BEGIN
    IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) -> 'hall_id') IS NOT DISTINCT FROM (old_row -> 'hall_id') THEN
        RETURN NEW;
    END IF;
    FOR i IN 1 .. TG_NARGS - 1 LOOP
        key := key || jsonb_build_object(TG_ARGV[i], old_row -> TG_ARGV[i]);
    END LOOP;
    INSERT INTO central.tombstones (row_version, table_name, hall_id, key)
    VALUES (central.next_row_version(), TG_ARGV[0], (old_row ->> 'hall_id')::integer, key);
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;

-- A group becomes visible to a hall with its first member there: touch the group so that the pull sends it.
CREATE OR REPLACE FUNCTION central.touch_payer_group() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE central.payer_groups SET code = code WHERE code = NEW.group_code;
    RETURN NEW;
END
$$;
