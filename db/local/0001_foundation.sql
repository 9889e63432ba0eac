-- HallDesk local store, version 1: the foundation.
-- Conventions: money in integer fen (*_fen); business dates as 'YYYY-MM-DD' in the hall's time zone;
-- timestamps as UTC ISO 8601 ('YYYY-MM-DDTHH:MM:SSZ'); codes as short stable text.

CREATE TABLE schema_version (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
);

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE halls (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    province    TEXT NOT NULL DEFAULT '',
    district    TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE terminals (
    id          INTEGER PRIMARY KEY,
    hall_id     INTEGER NOT NULL REFERENCES halls(id),
    code        TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    UNIQUE (hall_id, code)
);

CREATE TABLE roles (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO roles (code, name) VALUES
    ('clerk', 'Counter clerk'),
    ('supervisor', 'Supervisor'),
    ('collector', 'Collector'),
    ('admin', 'Administrator');

CREATE TABLE operators (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    hall_id         INTEGER REFERENCES halls(id),
    password_hash   TEXT NOT NULL,             -- libsodium crypto_pwhash_str (argon2id)
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,                      -- UTC; sign-in refused before this moment
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE operator_roles (
    operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    role        TEXT NOT NULL REFERENCES roles(code),
    PRIMARY KEY (operator_id, role)
) WITHOUT ROWID;

-- 台区: the low-voltage area behind one transformer; collectors are assigned per area.
CREATE TABLE transformer_areas (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    hall_id      INTEGER NOT NULL REFERENCES halls(id),
    collector_id INTEGER REFERENCES operators(id)
);

CREATE TABLE accounts (
    id              INTEGER PRIMARY KEY,
    account_no      TEXT NOT NULL UNIQUE,      -- 户号
    name            TEXT NOT NULL,
    customer_class  TEXT NOT NULL CHECK (customer_class IN ('residential', 'commercial', 'industrial', 'agricultural')),
    address         TEXT NOT NULL,
    hall_id         INTEGER NOT NULL REFERENCES halls(id),
    area_id         INTEGER REFERENCES transformer_areas(id),
    meter_no        TEXT NOT NULL,             -- 表号
    status          TEXT NOT NULL DEFAULT 'normal' CHECK (status IN ('normal', 'disconnected', 'closed')),
    risk_level      TEXT NOT NULL DEFAULT 'low' CHECK (risk_level IN ('low', 'medium', 'high')),
    collector_id    INTEGER REFERENCES operators(id),
    prepaid_fen     INTEGER NOT NULL DEFAULT 0 CHECK (prepaid_fen >= 0),
    id_card_no      TEXT NOT NULL DEFAULT '',  -- personal data: shown masked
    opened_on       TEXT,
    updated_at      TEXT NOT NULL
);

CREATE INDEX accounts_meter_no ON accounts (meter_no);
CREATE INDEX accounts_name ON accounts (name);
CREATE INDEX accounts_area ON accounts (area_id);
CREATE INDEX accounts_collector ON accounts (collector_id);

-- The account's contact card. Stale contacts are a main cause of arrears, hence updated_at.
CREATE TABLE contacts (
    account_id  INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    phone       TEXT NOT NULL DEFAULT '',      -- landline
    mobile      TEXT NOT NULL DEFAULT '',
    wechat      TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL
);

CREATE INDEX contacts_mobile ON contacts (mobile) WHERE mobile <> '';
CREATE INDEX contacts_mobile_tail ON contacts (substr(mobile, -4)) WHERE mobile <> '';
CREATE INDEX contacts_phone ON contacts (phone) WHERE phone <> '';

-- 集团户: accounts settled together (a family, a company with accounts in several districts).
CREATE TABLE payer_groups (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('family', 'company', 'other'))
);

CREATE TABLE payer_group_members (
    group_id    INTEGER NOT NULL REFERENCES payer_groups(id) ON DELETE CASCADE,
    account_id  INTEGER NOT NULL UNIQUE REFERENCES accounts(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, account_id)
) WITHOUT ROWID;

CREATE TABLE bills (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    period      TEXT NOT NULL,                 -- 'YYYY-MM'
    kwh         INTEGER NOT NULL CHECK (kwh >= 0),
    amount_fen  INTEGER NOT NULL CHECK (amount_fen >= 0),
    issue_date  TEXT NOT NULL,
    due_date    TEXT NOT NULL,
    paid_fen    INTEGER NOT NULL DEFAULT 0 CHECK (paid_fen >= 0 AND paid_fen <= amount_fen),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'partial', 'paid')),
    paid_on     TEXT,
    UNIQUE (account_id, period)
);

CREATE INDEX bills_unpaid_due ON bills (due_date) WHERE status <> 'paid';

-- Late-fee rules: a versioned policy per id, rates per customer class and year bucket, in millionths of the
-- outstanding principal per overdue day (1‰ = 1000). Data, never constants in code.
CREATE TABLE late_fee_policies (
    id              TEXT NOT NULL,
    version         INTEGER NOT NULL CHECK (version > 0),
    name            TEXT NOT NULL,
    effective_from  TEXT NOT NULL,
    minimum_fee_fen INTEGER NOT NULL CHECK (minimum_fee_fen >= 0),
    grace_days      INTEGER NOT NULL DEFAULT 0 CHECK (grace_days >= 0),
    allocation_order TEXT NOT NULL DEFAULT 'fee_first' CHECK (allocation_order IN ('fee_first', 'principal_first')),
    PRIMARY KEY (id, version)
) WITHOUT ROWID;

CREATE TABLE late_fee_rates (
    policy_id       TEXT NOT NULL,
    policy_version  INTEGER NOT NULL,
    customer_class  TEXT NOT NULL CHECK (customer_class IN ('residential', 'commercial', 'industrial', 'agricultural')),
    year_bucket     TEXT NOT NULL CHECK (year_bucket IN ('due_year', 'later_years')),
    rate_ppm        INTEGER NOT NULL CHECK (rate_ppm >= 0),
    PRIMARY KEY (policy_id, policy_version, customer_class, year_bucket),
    FOREIGN KEY (policy_id, policy_version) REFERENCES late_fee_policies (id, version)
) WITHOUT ROWID;

-- 供电营业规则 (1996) Art. 98: residential 1‰ a day; other classes 2‰ a day within the due date's year and
-- 3‰ a day for days in later years; a fee under ¥1 is charged as ¥1.
INSERT INTO late_fee_policies (id, version, name, effective_from, minimum_fee_fen, grace_days, allocation_order)
VALUES ('1996', 1, '供电营业规则 (1996) 第九十八条', '1996-10-08', 100, 0, 'fee_first');

INSERT INTO late_fee_rates (policy_id, policy_version, customer_class, year_bucket, rate_ppm) VALUES
    ('1996', 1, 'residential', 'due_year', 1000),
    ('1996', 1, 'residential', 'later_years', 1000),
    ('1996', 1, 'commercial', 'due_year', 2000),
    ('1996', 1, 'commercial', 'later_years', 3000),
    ('1996', 1, 'industrial', 'due_year', 2000),
    ('1996', 1, 'industrial', 'later_years', 3000),
    ('1996', 1, 'agricultural', 'due_year', 2000),
    ('1996', 1, 'agricultural', 'later_years', 3000);

-- Append-only, hash-chained: hash = SHA-256 over prev_hash and this entry's fields (see app/audit/AuditLog.cpp).
CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY,
    at_utc          TEXT NOT NULL,
    operator_id     INTEGER REFERENCES operators(id),
    approver_id     INTEGER REFERENCES operators(id),
    terminal_code   TEXT NOT NULL DEFAULT '',
    action          TEXT NOT NULL,
    entity          TEXT NOT NULL DEFAULT '',
    entity_key      TEXT NOT NULL DEFAULT '',
    details         TEXT NOT NULL DEFAULT '{}',
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Search (see docs/lookup.md): FTS5 trigram over name and address for fragments of three characters or more;
-- name_grams (filled by triggers) for one- and two-character name queries (a surname, a given name) without a
-- table scan.
CREATE VIRTUAL TABLE account_search USING fts5 (
    name, address, content = 'accounts', content_rowid = 'id', tokenize = 'trigram'
);

CREATE TRIGGER accounts_search_insert AFTER INSERT ON accounts
BEGIN
    INSERT INTO account_search (rowid, name, address) VALUES (new.id, new.name, new.address);
END;

CREATE TRIGGER accounts_search_delete AFTER DELETE ON accounts
BEGIN
    INSERT INTO account_search (account_search, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
END;

CREATE TRIGGER accounts_search_update AFTER UPDATE OF name, address ON accounts
BEGIN
    INSERT INTO account_search (account_search, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
    INSERT INTO account_search (rowid, name, address) VALUES (new.id, new.name, new.address);
END;

CREATE TABLE name_grams (
    gram        TEXT NOT NULL,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    PRIMARY KEY (gram, account_id)
) WITHOUT ROWID;

CREATE INDEX name_grams_account ON name_grams (account_id);

-- Which one- and two-character slices of a name are indexed: every position of the first twelve characters
-- (whole person names; the start of a company's name; longer fragments go through account_search).
CREATE TABLE name_gram_slices (
    start   INTEGER NOT NULL,
    len     INTEGER NOT NULL CHECK (len IN (1, 2)),
    PRIMARY KEY (start, len)
) WITHOUT ROWID;

INSERT INTO name_gram_slices (start, len) VALUES
    (1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (6, 1), (7, 1), (8, 1), (9, 1), (10, 1), (11, 1), (12, 1),
    (1, 2), (2, 2), (3, 2), (4, 2), (5, 2), (6, 2), (7, 2), (8, 2), (9, 2), (10, 2), (11, 2);

CREATE TRIGGER accounts_grams_insert AFTER INSERT ON accounts
BEGIN
    INSERT OR IGNORE INTO name_grams (gram, account_id)
    SELECT substr(new.name, start, len), new.id FROM name_gram_slices WHERE start + len - 1 <= length(new.name);
END;

CREATE TRIGGER accounts_grams_update AFTER UPDATE OF name ON accounts
BEGIN
    DELETE FROM name_grams WHERE account_id = old.id;
    INSERT OR IGNORE INTO name_grams (gram, account_id)
    SELECT substr(new.name, start, len), new.id FROM name_gram_slices WHERE start + len - 1 <= length(new.name);
END;

INSERT INTO settings (key, value, updated_at) VALUES
    ('company.name', '国网示范市供电公司', '1970-01-01T00:00:00Z'),
    ('hall.timezone', 'Asia/Shanghai', '1970-01-01T00:00:00Z'),
    ('late_fee.policy', '1996', '1970-01-01T00:00:00Z'),
    ('auth.max_failures', '5', '1970-01-01T00:00:00Z'),
    ('auth.lock_minutes', '15', '1970-01-01T00:00:00Z'),
    ('contacts.stale_days', '365', '1970-01-01T00:00:00Z'),
    ('account_no.length', '10', '1970-01-01T00:00:00Z');
