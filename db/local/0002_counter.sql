-- The payment counter: shifts, payments with tenders and allocation lines, the per-terminal receipt series,
-- the prepaid ledger, late-fee waivers, voids, prepaid refunds, the daily settlement, and the outbox of business
-- events that sync pushes to the centre. Money is integer fen everywhere.

-- A bill's late fee is counted on its outstanding principal. When a payment settles the fee of a bill in full,
-- fee_through becomes the payment day: later fees count only the days after it (on what principal is left), so
-- no day is charged twice. A fee only partly paid is carried in fee_carried_fen.
ALTER TABLE bills ADD COLUMN fee_through TEXT;
ALTER TABLE bills ADD COLUMN fee_carried_fen INTEGER NOT NULL DEFAULT 0 CHECK (fee_carried_fen >= 0);

-- One running number per terminal. The number is taken and the row advanced inside the payment's transaction,
-- so the series has no gaps and no repeats, with or without the network.
CREATE TABLE receipt_series (
    terminal_id INTEGER PRIMARY KEY REFERENCES terminals(id),
    next_seq    INTEGER NOT NULL DEFAULT 1 CHECK (next_seq > 0)
);

-- A clerk's shift: one operator at one terminal on one business date. Settled (日结) shifts take no payments,
-- voids or refunds.
CREATE TABLE shifts (
    id              INTEGER PRIMARY KEY,
    operator_id     INTEGER NOT NULL REFERENCES operators(id),
    terminal_id     INTEGER NOT NULL REFERENCES terminals(id),
    business_date   TEXT NOT NULL,
    opened_at       TEXT NOT NULL,              -- UTC
    settled_at      TEXT,                       -- UTC; set by the settlement
    UNIQUE (operator_id, terminal_id, business_date)
);

-- Money taken (kind 'payment') or paid out of prepaid balance (kind 'refund'). amount_fen is what went to
-- bills and balances (tenders minus change); a refund's amount is what left the drawer.
CREATE TABLE payments (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,       -- made where the payment was made; the idempotency key
    kind            TEXT NOT NULL DEFAULT 'payment' CHECK (kind IN ('payment', 'refund')),
    shift_id        INTEGER NOT NULL REFERENCES shifts(id),
    terminal_id     INTEGER NOT NULL REFERENCES terminals(id),
    operator_id     INTEGER NOT NULL REFERENCES operators(id),
    approver_id     INTEGER REFERENCES operators(id),  -- waivers and refunds
    business_date   TEXT NOT NULL,
    created_at      TEXT NOT NULL,              -- UTC
    amount_fen      INTEGER NOT NULL CHECK (amount_fen > 0),
    tendered_fen    INTEGER NOT NULL CHECK (tendered_fen >= 0),
    change_fen      INTEGER NOT NULL DEFAULT 0 CHECK (change_fen >= 0),
    receipt_mode    TEXT NOT NULL DEFAULT 'combined' CHECK (receipt_mode IN ('combined', 'per_account')),
    reason          TEXT NOT NULL DEFAULT '',   -- refunds
    voided          INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1))
);

CREATE INDEX payments_shift ON payments (shift_id);

-- How the customer paid. For cash, tendered_fen is what was handed over and change_fen what went back.
CREATE TABLE payment_tenders (
    id              INTEGER PRIMARY KEY,
    payment_id      INTEGER NOT NULL REFERENCES payments(id),
    method          TEXT NOT NULL CHECK (method IN ('cash', 'card', 'qr', 'transfer')),
    amount_fen      INTEGER NOT NULL CHECK (amount_fen > 0),
    tendered_fen    INTEGER NOT NULL CHECK (tendered_fen >= amount_fen),
    change_fen      INTEGER NOT NULL DEFAULT 0 CHECK (change_fen >= 0),
    reference       TEXT NOT NULL DEFAULT ''   -- POS trace, QR order number, transfer/cheque reference
);

CREATE INDEX payment_tenders_payment ON payment_tenders (payment_id);

-- Where the money went, line by line: a bill's principal and late fee (with the policy that computed the fee
-- and any waived part), or the prepaid balance (bill_id NULL).
CREATE TABLE payment_allocations (
    id                  INTEGER PRIMARY KEY,
    payment_id          INTEGER NOT NULL REFERENCES payments(id),
    account_id          INTEGER NOT NULL REFERENCES accounts(id),
    bill_id             INTEGER REFERENCES bills(id),
    principal_fen       INTEGER NOT NULL DEFAULT 0 CHECK (principal_fen >= 0),
    late_fee_fen        INTEGER NOT NULL DEFAULT 0 CHECK (late_fee_fen >= 0),
    late_fee_waived_fen INTEGER NOT NULL DEFAULT 0 CHECK (late_fee_waived_fen >= 0),
    late_fee_days       INTEGER NOT NULL DEFAULT 0,
    policy_id           TEXT,
    policy_version      INTEGER,
    -- prepaid lines (bill_id NULL): the change of the account's prepaid balance, negative when the balance paid
    -- bills; so bill lines' principal + late fee plus the prepaid deltas equal the payment's amount
    prepaid_delta_fen   INTEGER NOT NULL DEFAULT 0,
    -- the bill as it was before this line, so a void restores it exactly
    bill_paid_before    INTEGER,
    bill_status_before  TEXT,
    bill_paid_on_before TEXT,
    fee_through_before  TEXT,
    fee_carried_before  INTEGER
);

CREATE INDEX payment_allocations_payment ON payment_allocations (payment_id);
CREATE INDEX payment_allocations_bill ON payment_allocations (bill_id);

-- Each printed paper: one combined receipt per payment, or one per account. receipt_no is hall code +
-- terminal code + the terminal's running number.
CREATE TABLE receipts (
    id              INTEGER PRIMARY KEY,
    receipt_no      TEXT NOT NULL UNIQUE,
    terminal_id     INTEGER NOT NULL REFERENCES terminals(id),
    seq             INTEGER NOT NULL,
    payment_id      INTEGER NOT NULL REFERENCES payments(id),
    account_id      INTEGER REFERENCES accounts(id),  -- NULL: combined receipt for every account of the payment
    output_count    INTEGER NOT NULL DEFAULT 0,       -- printed or written as PDF; after the first: 重打
    UNIQUE (terminal_id, seq)
);

CREATE INDEX receipts_payment ON receipts (payment_id);

-- A late fee reduced or waived (违约金减免), approved by a supervisor with a reason.
CREATE TABLE late_fee_waivers (
    id              INTEGER PRIMARY KEY,
    payment_id      INTEGER NOT NULL REFERENCES payments(id),
    bill_id         INTEGER NOT NULL REFERENCES bills(id),
    computed_fen    INTEGER NOT NULL CHECK (computed_fen >= 0),
    charged_fen     INTEGER NOT NULL CHECK (charged_fen >= 0 AND charged_fen < computed_fen),
    reason          TEXT NOT NULL CHECK (reason <> ''),
    operator_id     INTEGER NOT NULL REFERENCES operators(id),
    approver_id     INTEGER NOT NULL REFERENCES operators(id)
);

-- The reverse entry of a voided payment (冲正). The payment stays on record with voided = 1.
CREATE TABLE voids (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    payment_id      INTEGER NOT NULL UNIQUE REFERENCES payments(id),  -- never voided twice
    shift_id        INTEGER NOT NULL REFERENCES shifts(id),
    operator_id     INTEGER NOT NULL REFERENCES operators(id),
    approver_id     INTEGER NOT NULL REFERENCES operators(id),
    reason          TEXT NOT NULL CHECK (reason <> ''),
    created_at      TEXT NOT NULL
);

-- Every change of a prepaid balance; accounts.prepaid_fen always equals the sum of its lines.
CREATE TABLE prepaid_ledger (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts(id),
    payment_id      INTEGER REFERENCES payments(id),
    void_id         INTEGER REFERENCES voids(id),
    delta_fen       INTEGER NOT NULL,
    balance_after   INTEGER NOT NULL CHECK (balance_after >= 0),
    created_at      TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT ''    -- 'opening', 'payment', 'refund', 'void', 'sync'
);

CREATE INDEX prepaid_ledger_account ON prepaid_ledger (account_id);

-- Balances that existed before the ledger (demo data, an initial pull) enter it as an opening line.
INSERT INTO prepaid_ledger (account_id, delta_fen, balance_after, created_at, note)
SELECT id, prepaid_fen, prepaid_fen, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'opening'
FROM accounts WHERE prepaid_fen <> 0;

-- The daily settlement (日结) of one shift.
CREATE TABLE settlements (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    shift_id        INTEGER NOT NULL UNIQUE REFERENCES shifts(id),
    operator_id     INTEGER NOT NULL REFERENCES operators(id),
    approver_id     INTEGER REFERENCES operators(id),  -- required when there is a variance
    reason          TEXT NOT NULL DEFAULT '',
    blind           INTEGER NOT NULL DEFAULT 0 CHECK (blind IN (0, 1)),
    payment_count   INTEGER NOT NULL,
    void_count      INTEGER NOT NULL,
    refund_count    INTEGER NOT NULL,
    first_receipt   TEXT,
    last_receipt    TEXT,
    variance_fen    INTEGER NOT NULL,           -- counted minus expected, over all tenders
    created_at      TEXT NOT NULL
);

-- Expected and counted per tender method.
CREATE TABLE settlement_lines (
    settlement_id   INTEGER NOT NULL REFERENCES settlements(id),
    method          TEXT NOT NULL CHECK (method IN ('cash', 'card', 'qr', 'transfer')),
    expected_fen    INTEGER NOT NULL,
    counted_fen     INTEGER NOT NULL,
    PRIMARY KEY (settlement_id, method)
) WITHOUT ROWID;

-- The cash count by denomination (in fen: 10000, 5000, 2000, 1000, 500, 100, 50, 10).
CREATE TABLE settlement_cash_counts (
    settlement_id   INTEGER NOT NULL REFERENCES settlements(id),
    denomination_fen INTEGER NOT NULL CHECK (denomination_fen > 0),
    count           INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (settlement_id, denomination_fen)
) WITHOUT ROWID;

-- Business events for the centre, written in the transaction of the change they describe. The id is the
-- terminal's local sequence; sync pushes pending events in that order.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    type            TEXT NOT NULL,              -- 'payment.posted', 'payment.voided', 'settlement.closed', …
    terminal_code   TEXT NOT NULL,
    hall_code       TEXT NOT NULL,
    payload         TEXT NOT NULL,              -- JSON
    created_at      TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'duplicate', 'rejected')),
    state_reason    TEXT NOT NULL DEFAULT '',
    pushed_at       TEXT
);

CREATE INDEX outbox_pending ON outbox (id) WHERE state = 'pending';

INSERT INTO settings (key, value, updated_at) VALUES
    ('counter.receipt_digits', '8', '1970-01-01T00:00:00Z'),
    ('counter.cash_denominations_fen', '10000,5000,2000,1000,500,100,50,10', '1970-01-01T00:00:00Z');
