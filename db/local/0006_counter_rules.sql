-- HallDesk store, version 6: the counter's rules as an auditor holds us to them (docs/counter.md).

-- A payment keeps the accounts it was asked for, in order: the same UUID with other accounts is refused, not
-- replayed. Payments recorded before take them from their outbox event, or else from their allocation lines.
ALTER TABLE payments ADD COLUMN account_nos TEXT;
UPDATE payments SET account_nos = (SELECT json_extract(o.payload, '$.accounts') FROM outbox o WHERE o.uuid = payments.uuid)
 WHERE kind = 'payment';
UPDATE payments SET account_nos = (
    SELECT json_group_array(account_no) FROM (
        SELECT ac.account_no FROM payment_allocations a JOIN accounts ac ON ac.id = a.account_id
         WHERE a.payment_id = payments.id GROUP BY ac.account_no ORDER BY min(a.id)))
 WHERE kind = 'payment' AND account_nos IS NULL;

-- The late fee counted on a bill so far, exact, in millionths of a fen, before rounding and the minimum: a bill's
-- whole late fee is rounded once and the minimum (1996: a total under 1.00 is charged as 1.00) applies once to
-- it, across all its partial payments (app/billing/LateFee.h). Bills touched before count what was charged on
-- them (paid, waived or carried).
ALTER TABLE bills ADD COLUMN fee_counted_exact INTEGER NOT NULL DEFAULT 0 CHECK (fee_counted_exact >= 0);
UPDATE bills SET fee_counted_exact = 1000000 * (fee_carried_fen + coalesce((
    SELECT sum(a.late_fee_fen + a.late_fee_waived_fen) FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
     WHERE a.bill_id = bills.id AND p.voided = 0), 0));

-- Each bill line keeps its stretch of days: what it counted (exact), what it assessed (what the stretch added to
-- the bill's fee, in fen), and the bill's counted fee before it, so a void restores it.
ALTER TABLE payment_allocations ADD COLUMN fee_counted_before INTEGER;
ALTER TABLE payment_allocations ADD COLUMN late_fee_counted_exact INTEGER;
ALTER TABLE payment_allocations ADD COLUMN late_fee_assessed_fen INTEGER;

-- The stretch of overdue days a bill line charged, one span per policy version and year bucket: each overdue day
-- is charged at the rate of the policy version in force on that day.
CREATE TABLE late_fee_spans (
    id              INTEGER PRIMARY KEY,
    allocation_id   INTEGER NOT NULL REFERENCES payment_allocations(id),
    policy_id       TEXT NOT NULL,
    policy_version  INTEGER NOT NULL,
    year_bucket     TEXT NOT NULL CHECK (year_bucket IN ('due_year', 'later_years')),
    first_day       TEXT NOT NULL,
    last_day        TEXT NOT NULL,
    days            INTEGER NOT NULL CHECK (days > 0),
    rate_ppm        INTEGER NOT NULL CHECK (rate_ppm >= 0)
);
CREATE INDEX late_fee_spans_allocation ON late_fee_spans (allocation_id);

-- A bill this store took money for, changed by a pull (paid through another channel or at another counter, or a
-- void there): the change, so `check` reads a bill's paid amount as before + local lines + elsewhere lines. The
-- pull's connection records them (app/sync/PullApplier.cpp).
CREATE TABLE bill_changes_elsewhere (
    id                  INTEGER PRIMARY KEY,
    bill_id             INTEGER NOT NULL REFERENCES bills(id),
    pulled_at           TEXT NOT NULL,
    paid_before         INTEGER NOT NULL,
    paid_after          INTEGER NOT NULL,
    fee_through_before  TEXT,
    fee_through_after   TEXT,
    fee_carried_before  INTEGER NOT NULL,
    fee_carried_after   INTEGER NOT NULL,
    fee_counted_before  INTEGER NOT NULL,        -- exact, millionths of a fen
    fee_counted_after   INTEGER NOT NULL,
    -- where it stands among this store's own movements: after these (check reads the bill's history in order)
    last_allocation_id  INTEGER,
    last_void_id        INTEGER
);
CREATE INDEX bill_changes_elsewhere_bill ON bill_changes_elsewhere (bill_id);
