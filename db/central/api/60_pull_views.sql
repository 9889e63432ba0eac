-- HallDesk central database, re-applied API: What a terminal pulls: per cached table a pull_* view (json, sync.pull)
-- and a rows_* view (text, sync.pull_rows).
-- `halldeskctl central migrate` runs every db/central/api/*.sql, in name order and in one transaction, after the
-- numbered migrations, each time (docs/sync.md "Functions and views"). This file holds the current definitions:
-- change a function or view here, never by copying it into a migration.

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

CREATE OR REPLACE VIEW central.pull_halls AS
SELECT h.hall_id, h.row_version, json_build_object('code', h.code, 'name', h.name, 'region', h.region,
    'province', h.province, 'district', h.district, 'address', h.address, 'phone', h.phone, 'timezone', h.timezone,
    'late_fee_policy', h.late_fee_policy, 'row_version', h.row_version) AS row
FROM central.halls h;

CREATE OR REPLACE VIEW central.pull_terminals AS
SELECT t.hall_id, t.row_version, json_build_object('hall_code', h.code, 'code', t.code, 'name', t.name,
    'active', t.active, 'row_version', t.row_version) AS row
FROM central.terminals t JOIN central.halls h USING (hall_id);

CREATE OR REPLACE VIEW central.pull_operators AS
SELECT h.hall_id, o.row_version, json_build_object('code', o.code, 'name', o.name, 'hall_code', oh.code,
    'password_hash', o.password_hash, 'roles', to_json(o.roles), 'active', o.active, 'row_version', o.row_version) AS row
FROM central.operators o
JOIN central.halls h ON o.hall_id IS NULL OR h.hall_id = o.hall_id
LEFT JOIN central.halls oh ON oh.hall_id = o.hall_id;

CREATE OR REPLACE VIEW central.pull_transformer_areas AS
SELECT a.hall_id, a.row_version, json_build_object('code', a.code, 'name', a.name, 'hall_code', h.code,
    'collector_code', a.collector_code, 'row_version', a.row_version) AS row
FROM central.transformer_areas a JOIN central.halls h USING (hall_id);

CREATE OR REPLACE VIEW central.pull_accounts AS
SELECT a.hall_id, a.row_version, json_build_object('account_no', a.account_no, 'name', a.name,
    'customer_class', a.customer_class, 'address', a.address, 'hall_code', h.code, 'area_code', a.area_code,
    'meter_no', a.meter_no, 'status', a.status, 'risk_level', a.risk_level, 'collector_code', a.collector_code,
    'prepaid_fen', a.prepaid_fen, 'id_card_no', central.mask_id_card(a.id_card_no), 'opened_on', a.opened_on,
    'updated_at', to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'row_version', a.row_version) AS row
FROM central.accounts a JOIN central.halls h USING (hall_id);

CREATE OR REPLACE VIEW central.pull_contacts AS
SELECT c.hall_id, c.row_version, json_build_object('account_no', c.account_no, 'phone', c.phone,
    'mobile', c.mobile, 'wechat', c.wechat, 'email', c.email,
    'updated_at', to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'row_version', c.row_version) AS row
FROM central.contacts c;

CREATE OR REPLACE VIEW central.pull_payer_groups AS
SELECT m.hall_id, g.row_version, json_build_object('code', g.code, 'name', g.name, 'kind', g.kind,
    'row_version', g.row_version) AS row
FROM central.payer_groups g JOIN (SELECT DISTINCT hall_id, group_code FROM central.payer_group_members) m
  ON m.group_code = g.code;

CREATE OR REPLACE VIEW central.pull_payer_group_members AS
SELECT m.hall_id, m.row_version, json_build_object('group_code', m.group_code, 'account_no', m.account_no,
    'row_version', m.row_version) AS row
FROM central.payer_group_members m;

CREATE OR REPLACE VIEW central.pull_bills AS
SELECT b.hall_id, b.row_version, json_build_object('account_no', b.account_no, 'period', b.period, 'kwh', b.kwh,
    'amount_fen', b.amount_fen, 'issue_date', b.issue_date, 'due_date', b.due_date, 'paid_fen', b.paid_fen,
    'status', b.status, 'paid_on', b.paid_on, 'fee_through', b.fee_through, 'fee_carried_fen', b.fee_carried_fen,
    'row_version', b.row_version, 'fee_counted_exact', b.fee_counted_exact) AS row
FROM central.bills b;

CREATE OR REPLACE VIEW central.pull_late_fee_policies AS
SELECT NULL::integer AS hall_id, p.row_version, json_build_object('id', p.id, 'version', p.version, 'name', p.name,
    'effective_from', p.effective_from, 'minimum_fee_fen', p.minimum_fee_fen, 'grace_days', p.grace_days,
    'allocation_order', p.allocation_order, 'row_version', p.row_version) AS row
FROM central.late_fee_policies p;

CREATE OR REPLACE VIEW central.pull_late_fee_rates AS
SELECT NULL::integer AS hall_id, r.row_version, json_build_object('policy_id', r.policy_id,
    'policy_version', r.policy_version, 'customer_class', r.customer_class, 'year_bucket', r.year_bucket,
    'rate_ppm', r.rate_ppm, 'row_version', r.row_version) AS row
FROM central.late_fee_rates r;

-- ---------------------------------------------------------------------------------------------------------
-- One view per cached table: hall_id (NULL for rows every hall caches), row_version, then the row's fields as
-- text, named as in sync.pull's objects. Booleans are 't'/'f', arrays PostgreSQL array literals, times UTC
-- ISO 8601. A tombstone's key fields come out in the columns of the same names.
-- ---------------------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW central.rows_halls AS
SELECT h.hall_id, h.row_version, h.code, h.name, h.region, h.province, h.district, h.address, h.phone, h.timezone,
    h.late_fee_policy
FROM central.halls h;

CREATE OR REPLACE VIEW central.rows_late_fee_policies AS
SELECT NULL::integer AS hall_id, p.row_version, p.id::text AS id, p.version::text AS version, p.name,
    p.effective_from::text AS effective_from, p.minimum_fee_fen::text AS minimum_fee_fen,
    p.grace_days::text AS grace_days, p.allocation_order
FROM central.late_fee_policies p;

CREATE OR REPLACE VIEW central.rows_late_fee_rates AS
SELECT NULL::integer AS hall_id, r.row_version, r.policy_id::text AS policy_id,
    r.policy_version::text AS policy_version, r.customer_class, r.year_bucket::text AS year_bucket,
    r.rate_ppm::text AS rate_ppm
FROM central.late_fee_rates r;

-- An operator of every hall (hall_id NULL) goes to every hall: one row per hall, so the hall filter finds it.
-- central.pull_operators follows the same rule.
CREATE OR REPLACE VIEW central.rows_operators AS
SELECT h.hall_id, o.row_version, o.code, o.name, oh.code AS hall_code, o.password_hash, o.roles::text AS roles,
    CASE WHEN o.active THEN 't' ELSE 'f' END AS active
FROM central.operators o
JOIN central.halls h ON o.hall_id IS NULL OR h.hall_id = o.hall_id
LEFT JOIN central.halls oh ON oh.hall_id = o.hall_id;

CREATE OR REPLACE VIEW central.rows_terminals AS
SELECT t.hall_id, t.row_version, h.code AS hall_code, t.code, t.name, CASE WHEN t.active THEN 't' ELSE 'f' END AS active
FROM central.terminals t JOIN central.halls h USING (hall_id);

CREATE OR REPLACE VIEW central.rows_transformer_areas AS
SELECT a.hall_id, a.row_version, a.code, a.name, h.code AS hall_code, a.collector_code
FROM central.transformer_areas a JOIN central.halls h USING (hall_id);

CREATE OR REPLACE VIEW central.rows_accounts AS
SELECT a.hall_id, a.row_version, a.account_no, a.name, a.customer_class, a.address, h.code AS hall_code,
    a.area_code, a.meter_no, a.status, a.risk_level, a.collector_code, a.prepaid_fen::text AS prepaid_fen,
    central.mask_id_card(a.id_card_no) AS id_card_no, a.opened_on::text AS opened_on,
    to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
FROM central.accounts a JOIN central.halls h USING (hall_id);

CREATE OR REPLACE VIEW central.rows_contacts AS
SELECT c.hall_id, c.row_version, c.account_no, c.phone, c.mobile, c.wechat, c.email,
    to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
FROM central.contacts c;

CREATE OR REPLACE VIEW central.rows_payer_groups AS
SELECT m.hall_id, g.row_version, g.code, g.name, g.kind
FROM central.payer_groups g JOIN (SELECT DISTINCT hall_id, group_code FROM central.payer_group_members) m
  ON m.group_code = g.code;

CREATE OR REPLACE VIEW central.rows_payer_group_members AS
SELECT m.hall_id, m.row_version, m.group_code, m.account_no
FROM central.payer_group_members m;

-- The halls cache the counted fee with the bill.
CREATE OR REPLACE VIEW central.rows_bills AS
SELECT b.hall_id, b.row_version, b.account_no, b.period, b.kwh::text AS kwh, b.amount_fen::text AS amount_fen,
    b.issue_date::text AS issue_date, b.due_date::text AS due_date, b.paid_fen::text AS paid_fen, b.status,
    b.paid_on::text AS paid_on, b.fee_through::text AS fee_through, b.fee_carried_fen::text AS fee_carried_fen,
    b.fee_counted_exact::text AS fee_counted_exact
FROM central.bills b;
