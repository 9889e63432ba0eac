-- HallDesk central database, version 1: roles, the `central` schema, row versions and tombstones, the tables.
-- Applied by the migrator (halldeskctl central migrate) in one transaction, as a superuser or a role with
-- CREATEROLE that can SET ROLE halldesk_owner. See docs/sync.md.
--
-- Conventions: money in integer fen (bigint *_fen); business dates as `date` in the hall's time zone; timestamps
-- as timestamptz (UTC); codes as short stable text. Keys carry hall_id wherever a row belongs to one hall, so the
-- tables can later be partitioned (or distributed with Citus) by hall or region; see docs/sync.md "Scale".

-- Roles are cluster-wide: create them only once.
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'halldesk_owner') THEN
        -- owns every central object, runs the SECURITY DEFINER functions; not a superuser, never logs in
        CREATE ROLE halldesk_owner NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'halldesk_terminal') THEN
        -- the group of every terminal's login role: EXECUTE on the sync functions, nothing else
        CREATE ROLE halldesk_terminal NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
END
$roles$;

-- Only HallDesk's roles may connect to this database; nobody may create objects in `public`.
DO $db$
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO halldesk_terminal, halldesk_owner', current_database());
    EXECUTE format('GRANT CREATE ON DATABASE %I TO halldesk_owner', current_database());
END
$db$;
REVOKE ALL ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA central AUTHORIZATION halldesk_owner;
CREATE SCHEMA sync AUTHORIZATION halldesk_owner;
REVOKE ALL ON SCHEMA central FROM PUBLIC;
REVOKE ALL ON SCHEMA sync FROM PUBLIC;
GRANT USAGE ON SCHEMA sync TO halldesk_terminal;

-- PostgreSQL grants EXECUTE on every new function to PUBLIC: not for the owner's functions.
ALTER DEFAULT PRIVILEGES FOR ROLE halldesk_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE halldesk_owner REVOKE ALL ON TABLES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE halldesk_owner REVOKE ALL ON SEQUENCES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE halldesk_owner REVOKE USAGE ON TYPES FROM PUBLIC;

-- Everything below belongs to halldesk_owner.
SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

CREATE TABLE central.schema_version (
    version     integer PRIMARY KEY,
    name        text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

-- Settings of the centre (key/value, like the local `settings`).
CREATE TABLE central.settings (
    key         text PRIMARY KEY,
    value       text NOT NULL
);

INSERT INTO central.settings (key, value) VALUES
    ('company.name', '国网示范市供电公司'),
    ('late_fee.policy', '1996'),
    ('sync.max_batch', '5000'),
    ('sync.max_page', '10000');

-- ---------------------------------------------------------------------------------------------------------
-- Row versions and tombstones.
--
-- Every table that halls cache has row_version from ONE sequence, set by trigger on insert and update; a
-- deletion leaves a tombstone (with its own row_version from the same sequence). The sequence must keep CACHE 1:
-- values handed out per session in blocks would break the order the pull relies on.
--
-- A sequence value is taken before its transaction commits, so a row with a smaller row_version can become
-- visible after one with a larger. So that the pull never moves a watermark past a row that is still to
-- commit, every writing transaction first takes a shared transaction-level advisory lock keyed by the
-- sequence's last value (a lower bound of every row_version it will take); sync.pull only serves row versions
-- below the smallest such lock held and not above the sequence's last value when it looked (central.pull_fence).
-- ---------------------------------------------------------------------------------------------------------
CREATE SEQUENCE central.row_version_seq AS bigint CACHE 1;

CREATE FUNCTION central.next_row_version() RETURNS bigint
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
CREATE FUNCTION central.pull_fence() RETURNS bigint
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

CREATE FUNCTION central.stamp_row_version() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.row_version := central.next_row_version();
    RETURN NEW;
END
$$;

CREATE TABLE central.tombstones (
    row_version bigint PRIMARY KEY,
    table_name  text NOT NULL,
    hall_id     integer,                        -- NULL: a table every hall caches
    key         jsonb NOT NULL,                 -- the row's natural key, as the pull sends rows
    deleted_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tombstones_pull ON central.tombstones (table_name, hall_id, row_version);

-- Trigger arguments: the pull's table name, then the natural-key columns. A row that leaves a hall (an account
-- moved to another hall) leaves a tombstone in the old hall too.
CREATE FUNCTION central.leave_tombstone() RETURNS trigger
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

-- ---------------------------------------------------------------------------------------------------------
-- Halls, terminals, operators.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE central.halls (
    hall_id         integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
    code            text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9]{1,16}$'),
    name            text NOT NULL,
    region          text NOT NULL DEFAULT '',   -- the unit of distribution past one server
    province        text NOT NULL DEFAULT '',
    district        text NOT NULL DEFAULT '',
    address         text NOT NULL DEFAULT '',
    phone           text NOT NULL DEFAULT '',
    timezone        text NOT NULL DEFAULT 'Asia/Shanghai',
    late_fee_policy text NOT NULL DEFAULT '1996',
    row_version     bigint NOT NULL
);

-- A terminal logs in as its own role (role_name), a member of halldesk_terminal; see central.add_terminal.
CREATE TABLE central.terminals (
    terminal_id     integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
    hall_id         integer NOT NULL REFERENCES central.halls,
    code            text NOT NULL CHECK (code ~ '^[A-Za-z0-9]{1,16}$'),
    name            text NOT NULL DEFAULT '',
    role_name       name NOT NULL UNIQUE,
    active          boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    row_version     bigint NOT NULL,
    UNIQUE (hall_id, code)
);

-- What a terminal last said in sync.hello (not cached by halls, so no row_version).
CREATE TABLE central.terminal_contacts (
    terminal_id     integer PRIMARY KEY REFERENCES central.terminals,
    last_hello_at   timestamptz NOT NULL,
    client_info     jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE central.operators (
    hall_id         integer REFERENCES central.halls,   -- NULL: works in every hall (administrators)
    code            text NOT NULL PRIMARY KEY,
    name            text NOT NULL,
    password_hash   text NOT NULL,                      -- libsodium crypto_pwhash_str (argon2id), as locally
    roles           text[] NOT NULL DEFAULT '{clerk}'
                    CHECK (roles <@ ARRAY['clerk', 'supervisor', 'collector', 'admin']),
    active          boolean NOT NULL DEFAULT true,
    row_version     bigint NOT NULL
);
CREATE INDEX operators_pull ON central.operators (hall_id, row_version);

CREATE TABLE central.transformer_areas (
    hall_id         integer NOT NULL REFERENCES central.halls,
    code            text NOT NULL UNIQUE,
    name            text NOT NULL,
    collector_code  text REFERENCES central.operators (code),
    row_version     bigint NOT NULL,
    PRIMARY KEY (hall_id, code)
);

-- ---------------------------------------------------------------------------------------------------------
-- Accounts, contacts, payer groups, bills, late-fee rules.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE central.accounts (
    hall_id         integer NOT NULL REFERENCES central.halls,
    account_no      text NOT NULL,                      -- 户号
    name            text NOT NULL,
    customer_class  text NOT NULL CHECK (customer_class IN ('residential', 'commercial', 'industrial', 'agricultural')),
    address         text NOT NULL DEFAULT '',
    area_code       text,
    meter_no        text NOT NULL DEFAULT '',
    status          text NOT NULL DEFAULT 'normal' CHECK (status IN ('normal', 'disconnected', 'closed')),
    risk_level      text NOT NULL DEFAULT 'low' CHECK (risk_level IN ('low', 'medium', 'high')),
    collector_code  text,
    prepaid_fen     bigint NOT NULL DEFAULT 0 CHECK (prepaid_fen >= 0),
    id_card_no      text NOT NULL DEFAULT '',
    opened_on       date,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    row_version     bigint NOT NULL,
    PRIMARY KEY (hall_id, account_no),
    -- one server: account numbers are unique in the province. Distributed by hall this becomes a lookup
    -- table account_no -> hall_id (see docs/sync.md).
    UNIQUE (account_no)
);
CREATE INDEX accounts_pull ON central.accounts (hall_id, row_version);

CREATE TABLE central.contacts (
    hall_id         integer NOT NULL,
    account_no      text NOT NULL,
    phone           text NOT NULL DEFAULT '',
    mobile          text NOT NULL DEFAULT '',
    wechat          text NOT NULL DEFAULT '',
    email           text NOT NULL DEFAULT '',
    updated_at      timestamptz NOT NULL DEFAULT now(),
    row_version     bigint NOT NULL,
    PRIMARY KEY (hall_id, account_no),
    FOREIGN KEY (hall_id, account_no) REFERENCES central.accounts ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX contacts_pull ON central.contacts (hall_id, row_version);

-- A payer group may span halls (a company with accounts in four districts); a hall caches the groups that have
-- a member in it, and those members.
CREATE TABLE central.payer_groups (
    code            text PRIMARY KEY,
    name            text NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('family', 'company', 'other')),
    row_version     bigint NOT NULL
);

CREATE TABLE central.payer_group_members (
    hall_id         integer NOT NULL,                   -- the member account's hall
    group_code      text NOT NULL REFERENCES central.payer_groups ON DELETE CASCADE,
    account_no      text NOT NULL UNIQUE,
    row_version     bigint NOT NULL,
    PRIMARY KEY (hall_id, group_code, account_no),
    FOREIGN KEY (hall_id, account_no) REFERENCES central.accounts ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX payer_group_members_pull ON central.payer_group_members (hall_id, row_version);
CREATE INDEX payer_group_members_group ON central.payer_group_members (group_code);

-- A group becomes visible to a hall with its first member there: touch the group so that the pull sends it.
CREATE FUNCTION central.touch_payer_group() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE central.payer_groups SET code = code WHERE code = NEW.group_code;
    RETURN NEW;
END
$$;

CREATE TABLE central.bills (
    hall_id         integer NOT NULL,
    account_no      text NOT NULL,
    period          text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),   -- 'YYYY-MM'
    kwh             bigint NOT NULL CHECK (kwh >= 0),
    amount_fen      bigint NOT NULL CHECK (amount_fen >= 0),
    issue_date      date NOT NULL,
    due_date        date NOT NULL,
    paid_fen        bigint NOT NULL DEFAULT 0 CHECK (paid_fen >= 0 AND paid_fen <= amount_fen),
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'partial', 'paid')),
    paid_on         date,
    fee_through     date,                               -- the late fee is counted (paid, waived or carried) through this day
    fee_carried_fen bigint NOT NULL DEFAULT 0 CHECK (fee_carried_fen >= 0),   -- a fee paid only in part
    row_version     bigint NOT NULL,
    PRIMARY KEY (hall_id, account_no, period),
    FOREIGN KEY (hall_id, account_no) REFERENCES central.accounts ON UPDATE CASCADE
);
CREATE INDEX bills_pull ON central.bills (hall_id, row_version);
CREATE INDEX bills_open ON central.bills (account_no, due_date) WHERE status <> 'paid';

-- Late-fee rules: the same data as db/local/0001_foundation.sql (rates in millionths per overdue day).
CREATE TABLE central.late_fee_policies (
    id               text NOT NULL,
    version          integer NOT NULL CHECK (version > 0),
    name             text NOT NULL,
    effective_from   date NOT NULL,
    minimum_fee_fen  bigint NOT NULL CHECK (minimum_fee_fen >= 0),
    grace_days       integer NOT NULL DEFAULT 0 CHECK (grace_days >= 0),
    allocation_order text NOT NULL DEFAULT 'fee_first' CHECK (allocation_order IN ('fee_first', 'principal_first')),
    row_version      bigint NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE central.late_fee_rates (
    policy_id       text NOT NULL,
    policy_version  integer NOT NULL,
    customer_class  text NOT NULL CHECK (customer_class IN ('residential', 'commercial', 'industrial', 'agricultural')),
    year_bucket     text NOT NULL CHECK (year_bucket IN ('due_year', 'later_years')),
    rate_ppm        bigint NOT NULL CHECK (rate_ppm >= 0),
    row_version     bigint NOT NULL,
    PRIMARY KEY (policy_id, policy_version, customer_class, year_bucket),
    FOREIGN KEY (policy_id, policy_version) REFERENCES central.late_fee_policies (id, version)
);

-- ---------------------------------------------------------------------------------------------------------
-- Money: payments (from the counters and from other channels), tenders, allocation lines, voids, the prepaid
-- ledger, settlements. Keyed by the UUID made where the record was made, with the hall that took it.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE central.payments (
    hall_id         integer NOT NULL REFERENCES central.halls,   -- the hall that took it (for other channels: the account's)
    payment_uuid    uuid NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('payment', 'refund')),
    channel         text NOT NULL CHECK (channel IN ('counter', 'bank', 'wechat', 'alipay', 'online')),
    terminal_id     integer REFERENCES central.terminals,        -- NULL for other channels
    operator_code   text NOT NULL DEFAULT '',
    approver_code   text NOT NULL DEFAULT '',
    business_date   date NOT NULL,
    created_at      timestamptz NOT NULL,                        -- when it was taken (the terminal's clock)
    received_at     timestamptz NOT NULL DEFAULT now(),
    account_nos     text[] NOT NULL,                             -- in the order they were loaded
    amount_fen      bigint NOT NULL CHECK (amount_fen > 0),
    tendered_fen    bigint NOT NULL DEFAULT 0,
    change_fen      bigint NOT NULL DEFAULT 0,
    receipt_nos     text[] NOT NULL DEFAULT '{}',
    reason          text NOT NULL DEFAULT '',
    -- the centre's allocation differs from the terminal's (a bill paid meanwhile elsewhere): what changed
    differs_note    text NOT NULL DEFAULT '',
    voided          boolean NOT NULL DEFAULT false,
    PRIMARY KEY (hall_id, payment_uuid),
    UNIQUE (payment_uuid)                                        -- one server; see docs/sync.md
);
CREATE INDEX payments_terminal_day ON central.payments (terminal_id, business_date);

CREATE TABLE central.payment_tenders (
    hall_id         integer NOT NULL,
    payment_uuid    uuid NOT NULL,
    line_no         integer NOT NULL,
    method          text NOT NULL CHECK (method IN ('cash', 'card', 'qr', 'transfer', 'bank', 'wechat', 'alipay', 'online')),
    amount_fen      bigint NOT NULL CHECK (amount_fen > 0),
    tendered_fen    bigint NOT NULL CHECK (tendered_fen >= amount_fen),
    change_fen      bigint NOT NULL DEFAULT 0 CHECK (change_fen >= 0),
    reference       text NOT NULL DEFAULT '',
    PRIMARY KEY (hall_id, payment_uuid, line_no),
    FOREIGN KEY (hall_id, payment_uuid) REFERENCES central.payments
);

-- The centre's own allocation (re-derived from its bills), line by line. Bill lines carry the bill as it was
-- before the line, so a void restores it exactly; prepaid lines (period NULL) carry the balance change.
CREATE TABLE central.payment_allocations (
    hall_id             integer NOT NULL,               -- the payment's hall
    payment_uuid        uuid NOT NULL,
    line_no             integer NOT NULL,
    seq                 bigint NOT NULL GENERATED ALWAYS AS IDENTITY,   -- global order: later lines come later
    account_no          text NOT NULL,
    period              text,
    principal_fen       bigint NOT NULL DEFAULT 0 CHECK (principal_fen >= 0),
    late_fee_fen        bigint NOT NULL DEFAULT 0 CHECK (late_fee_fen >= 0),
    late_fee_waived_fen bigint NOT NULL DEFAULT 0 CHECK (late_fee_waived_fen >= 0),
    late_fee_days       integer NOT NULL DEFAULT 0,
    policy_id           text,
    policy_version      integer,
    prepaid_delta_fen   bigint NOT NULL DEFAULT 0,
    bill_paid_before    bigint,
    bill_status_before  text,
    bill_paid_on_before date,
    fee_through_before  date,
    fee_carried_before  bigint,
    PRIMARY KEY (hall_id, payment_uuid, line_no),
    FOREIGN KEY (hall_id, payment_uuid) REFERENCES central.payments
);
CREATE INDEX payment_allocations_bill ON central.payment_allocations (account_no, period, seq);

CREATE TABLE central.late_fee_waivers (
    hall_id         integer NOT NULL,
    payment_uuid    uuid NOT NULL,
    account_no      text NOT NULL,
    period          text NOT NULL,
    computed_fen    bigint NOT NULL,                    -- as the terminal computed it
    charged_fen     bigint NOT NULL,                    -- the most the terminal's approval lets be charged
    reason          text NOT NULL,
    approver_code   text NOT NULL DEFAULT '',
    PRIMARY KEY (hall_id, payment_uuid, account_no, period),
    FOREIGN KEY (hall_id, payment_uuid) REFERENCES central.payments
);

CREATE TABLE central.voids (
    hall_id         integer NOT NULL,
    void_uuid       uuid NOT NULL,
    payment_uuid    uuid NOT NULL UNIQUE,               -- never voided twice
    terminal_id     integer REFERENCES central.terminals,
    operator_code   text NOT NULL DEFAULT '',
    approver_code   text NOT NULL DEFAULT '',
    reason          text NOT NULL,
    business_date   date NOT NULL,
    created_at      timestamptz NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    amount_fen      bigint NOT NULL,
    receipt_nos     text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (hall_id, void_uuid),
    UNIQUE (void_uuid),
    FOREIGN KEY (hall_id, payment_uuid) REFERENCES central.payments
);

-- Every change of a prepaid balance; accounts.prepaid_fen equals the sum of an account's lines.
CREATE TABLE central.prepaid_ledger (
    hall_id         integer NOT NULL,                   -- the account's hall
    entry_id        bigint NOT NULL GENERATED ALWAYS AS IDENTITY,
    account_no      text NOT NULL,
    payment_uuid    uuid,
    void_uuid       uuid,
    delta_fen       bigint NOT NULL,
    balance_after   bigint NOT NULL CHECK (balance_after >= 0),
    note            text NOT NULL,                      -- 'opening', 'payment', 'refund', 'void', 'external', 'adjustment'
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (hall_id, entry_id)
);
CREATE INDEX prepaid_ledger_account ON central.prepaid_ledger (account_no);

CREATE TABLE central.settlements (
    hall_id         integer NOT NULL,
    settlement_uuid uuid NOT NULL,
    terminal_id     integer NOT NULL REFERENCES central.terminals,
    operator_code   text NOT NULL,
    approver_code   text NOT NULL DEFAULT '',
    reason          text NOT NULL DEFAULT '',
    blind           boolean NOT NULL DEFAULT false,
    business_date   date NOT NULL,
    created_at      timestamptz NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    payment_count   integer NOT NULL,
    void_count      integer NOT NULL,
    refund_count    integer NOT NULL,
    first_receipt   text NOT NULL DEFAULT '',
    last_receipt    text NOT NULL DEFAULT '',
    variance_fen    bigint NOT NULL,
    -- what the centre itself counts for that terminal, operator and day (unvoided counter payments, net of refunds)
    centre_total_fen bigint NOT NULL,
    PRIMARY KEY (hall_id, settlement_uuid),
    UNIQUE (settlement_uuid)
);

CREATE TABLE central.settlement_lines (
    hall_id         integer NOT NULL,
    settlement_uuid uuid NOT NULL,
    method          text NOT NULL CHECK (method IN ('cash', 'card', 'qr', 'transfer')),
    expected_fen    bigint NOT NULL,
    counted_fen     bigint NOT NULL,
    PRIMARY KEY (hall_id, settlement_uuid, method),
    FOREIGN KEY (hall_id, settlement_uuid) REFERENCES central.settlements
);

CREATE TABLE central.settlement_cash_counts (
    hall_id          integer NOT NULL,
    settlement_uuid  uuid NOT NULL,
    denomination_fen bigint NOT NULL CHECK (denomination_fen > 0),
    count            integer NOT NULL CHECK (count >= 0),
    PRIMARY KEY (hall_id, settlement_uuid, denomination_fen),
    FOREIGN KEY (hall_id, settlement_uuid) REFERENCES central.settlements
);

-- ---------------------------------------------------------------------------------------------------------
-- Events: which were applied (the idempotency record), which were rejected (for a supervisor), and the
-- registry of event types (a new type = one handler function + one migration inserting its row).
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE central.event_types (
    type            text PRIMARY KEY,
    handler         regprocedure NOT NULL,   -- (p_hall_id integer, p_terminal_id integer, p_event jsonb) RETURNS text
    description     text NOT NULL DEFAULT '',
    added_in        integer NOT NULL         -- schema version
);

CREATE TABLE central.applied_events (
    event_uuid      uuid PRIMARY KEY,
    hall_id         integer NOT NULL,
    terminal_id     integer NOT NULL REFERENCES central.terminals,
    local_seq       bigint,
    type            text NOT NULL,
    result          text NOT NULL DEFAULT 'accepted' CHECK (result IN ('accepted')),
    note            text NOT NULL DEFAULT '',
    payload         jsonb NOT NULL,
    created_at      timestamptz,            -- the terminal's clock
    received_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX applied_events_terminal ON central.applied_events (terminal_id, local_seq);

CREATE TABLE central.rejected_events (
    hall_id         integer NOT NULL,
    rejection_id    bigint NOT NULL GENERATED ALWAYS AS IDENTITY,
    event_uuid      uuid,                   -- NULL when the event had no readable uuid
    terminal_id     integer NOT NULL REFERENCES central.terminals,
    local_seq       bigint,
    type            text,
    reason          text NOT NULL,
    envelope        jsonb NOT NULL,          -- the event exactly as it was pushed
    attempts        integer NOT NULL DEFAULT 1,
    first_at        timestamptz NOT NULL DEFAULT now(),
    last_at         timestamptz NOT NULL DEFAULT now(),
    resolved_at     timestamptz,
    resolved_note   text NOT NULL DEFAULT '',
    PRIMARY KEY (hall_id, rejection_id)
);
CREATE UNIQUE INDEX rejected_events_uuid ON central.rejected_events (terminal_id, event_uuid) WHERE event_uuid IS NOT NULL;
CREATE INDEX rejected_events_open ON central.rejected_events (hall_id, last_at) WHERE resolved_at IS NULL;

-- ---------------------------------------------------------------------------------------------------------
-- Row-version and tombstone triggers on every cached table.
-- ---------------------------------------------------------------------------------------------------------
DO $triggers$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
            ('halls', 'halls', ARRAY['code']),
            ('terminals', 'terminals', ARRAY['code']),
            ('operators', 'operators', ARRAY['code']),
            ('transformer_areas', 'transformer_areas', ARRAY['code']),
            ('accounts', 'accounts', ARRAY['account_no']),
            ('contacts', 'contacts', ARRAY['account_no']),
            ('payer_groups', 'payer_groups', ARRAY['code']),
            ('payer_group_members', 'payer_group_members', ARRAY['group_code', 'account_no']),
            ('bills', 'bills', ARRAY['account_no', 'period']),
            ('late_fee_policies', 'late_fee_policies', ARRAY['id', 'version']),
            ('late_fee_rates', 'late_fee_rates', ARRAY['policy_id', 'policy_version', 'customer_class', 'year_bucket'])
        ) AS v (tbl, pull_name, key_columns)
    LOOP
        EXECUTE format('CREATE TRIGGER row_version BEFORE INSERT OR UPDATE ON central.%I '
                       'FOR EACH ROW EXECUTE FUNCTION central.stamp_row_version()', t.tbl);
        EXECUTE format('CREATE TRIGGER tombstone AFTER DELETE ON central.%I '
                       'FOR EACH ROW EXECUTE FUNCTION central.leave_tombstone(%s)', t.tbl,
                       (SELECT string_agg(quote_literal(a), ', ') FROM unnest(t.pull_name || t.key_columns) a));
        IF t.tbl IN ('terminals', 'operators', 'transformer_areas', 'accounts', 'contacts', 'payer_group_members', 'bills') THEN
            EXECUTE format('CREATE TRIGGER tombstone_moved AFTER UPDATE OF hall_id ON central.%I '
                           'FOR EACH ROW EXECUTE FUNCTION central.leave_tombstone(%s)', t.tbl,
                           (SELECT string_agg(quote_literal(a), ', ') FROM unnest(t.pull_name || t.key_columns) a));
        END IF;
    END LOOP;
END
$triggers$;

CREATE TRIGGER touch_group AFTER INSERT OR UPDATE OF hall_id ON central.payer_group_members
    FOR EACH ROW EXECUTE FUNCTION central.touch_payer_group();

-- 供电营业规则 (1996) Art. 98, the same numbers as the local store.
INSERT INTO central.late_fee_policies (id, version, name, effective_from, minimum_fee_fen, grace_days, allocation_order)
VALUES ('1996', 1, '供电营业规则 (1996) 第九十八条', '1996-10-08', 100, 0, 'fee_first');

INSERT INTO central.late_fee_rates (policy_id, policy_version, customer_class, year_bucket, rate_ppm) VALUES
    ('1996', 1, 'residential', 'due_year', 1000),
    ('1996', 1, 'residential', 'later_years', 1000),
    ('1996', 1, 'commercial', 'due_year', 2000),
    ('1996', 1, 'commercial', 'later_years', 3000),
    ('1996', 1, 'industrial', 'due_year', 2000),
    ('1996', 1, 'industrial', 'later_years', 3000),
    ('1996', 1, 'agricultural', 'due_year', 2000),
    ('1996', 1, 'agricultural', 'later_years', 3000);

-- Nothing here for PUBLIC (the default privileges above cover objects created by halldesk_owner; this is the
-- explicit belt to those braces).
REVOKE ALL ON ALL TABLES IN SCHEMA central FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA central FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA central FROM PUBLIC;

INSERT INTO central.schema_version (version, name) VALUES (1, 'central');
