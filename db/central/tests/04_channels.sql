-- Other channels: a bill paid online and at a counter (offline) becomes prepaid balance at the centre, never
-- lost, and the hall learns it on its next pull; an external payment is idempotent; a void after another channel
-- touched the same bill takes back only its own money; refunds of prepaid balance.
\set ON_ERROR_STOP on
\i lib/fixture.psql

-- 2000000001 (H02) owes 6600, due 2026-11-20. Paid online today (after the counter's payment of 2026-11-25,
-- which has not arrived yet: the counter was offline).
SELECT central.record_external_payment('2000000001', 6700, 'wechat', '00000000-0000-4000-8000-00000000e001') AS ext \gset
SELECT central.record_external_payment('2000000001', 6700, 'wechat', '00000000-0000-4000-8000-00000000e001') AS ext_again \gset
SELECT t_expect((:'ext'::jsonb) ->> 'result' = 'accepted' AND (:'ext_again'::jsonb) ->> 'result' = 'duplicate', 'external payment once: ' || :'ext');
SELECT t_expect((SELECT status FROM central.bills WHERE account_no = '2000000001') = 'paid', 'paid online');
SELECT t_expect((SELECT prepaid_fen FROM central.accounts WHERE account_no = '2000000001')
    = 6700 - 6600 - (SELECT late_fee_fen FROM central.payment_allocations WHERE payment_uuid = '00000000-0000-4000-8000-00000000e001' AND period IS NOT NULL),
    'online: the fee and the bill, any rest prepaid');
SELECT prepaid_fen AS prepaid_before FROM central.accounts WHERE account_no = '2000000001' \gset

-- The counter's payment of 2026-11-25 arrives: it paid 6600 + fee 100 (5 days, ¥1 minimum) at the counter.
SELECT jsonb_build_array(
    t_payment('00000000-0000-4000-8000-00000000c001', 1, 'H02', 'T01', '{2000000001}', 6700, '2026-11-25',
        '[{"account_no": "2000000001", "bill_id": 4, "period": "2026-10", "principal_fen": 6600, "late_fee_fen": 100,
           "late_fee_waived_fen": 0, "late_fee_days": 5, "policy_id": "1996", "policy_version": 1}]'),
    jsonb_build_object('uuid', '00000000-0000-4000-8000-00000000c002', 'type', 'prepaid.refunded', 'seq', 2,
        'terminal_code', 'T01', 'hall_code', 'H02', 'created_at', '2026-11-25T05:00:00Z',
        'payload', jsonb_build_object('payment_uuid', '00000000-0000-4000-8000-00000000c002', 'kind', 'refund',
            'account_no', '2000000001', 'amount_fen', 1000, 'prepaid_after_fen', 0, 'receipt_nos', '["H02T01-00000002"]'::jsonb,
            'reason', '客户要求退还预存', 'business_date', '2026-11-25', 'created_at', '2026-11-25T05:00:00Z',
            'operator_code', 'c201', 'approver_code', 's201', 'terminal_code', 'T01', 'hall_code', 'H02'))) AS batch \gset
\connect :t21
SELECT sync.push(:'batch') AS pushed \gset
SELECT sync.pull('accounts', 0, 100) AS accounts \gset
SELECT sync.pull('bills', 0, 100) AS bills \gset
\connect :admin
SELECT t_expect((SELECT bool_and(r ->> 'result' = 'accepted') FROM jsonb_array_elements(:'pushed'::jsonb) r), 'accepted: ' || :'pushed');
SELECT t_expect((:'pushed'::jsonb) -> 0 ->> 'note' LIKE 'the centre allocated differently%prepaid_delta_fen": 6700%', 'the terminal is told: ' || :'pushed');
SELECT t_expect((SELECT prepaid_fen FROM central.accounts WHERE account_no = '2000000001') = :prepaid_before + 6700 - 1000,
    'the counter''s money became prepaid (less the refund)');
SELECT t_expect((SELECT (r ->> 'prepaid_fen')::bigint FROM jsonb_array_elements((:'accounts'::jsonb) -> 'rows') r) = :prepaid_before + 6700 - 1000,
    'the hall pulls the prepaid balance');
SELECT t_expect((SELECT r ->> 'status' FROM jsonb_array_elements((:'bills'::jsonb) -> 'rows') r) = 'paid', 'the hall pulls the bill paid');
SELECT t_expect((SELECT differs_note <> '' FROM central.payments WHERE payment_uuid = '00000000-0000-4000-8000-00000000c001'), 'the difference is on record');

-- A counter payment at H01 pays part of 1000000001's oldest bill; then a bank payment pays more of it; then the
-- counter voids its payment. The void takes back only its own money; the bank's stays, the fee is owed again.
SELECT jsonb_build_array(t_payment('00000000-0000-4000-8000-00000000c101', 1, 'H01', 'T01', '{1000000001}', 5000, '2026-11-25')) AS b1 \gset
SELECT jsonb_build_array(t_void('00000000-0000-4000-8000-00000000c1a1', 2, 'H01', 'T01', '00000000-0000-4000-8000-00000000c101', 5000, '2026-11-25')) AS b2 \gset
\connect :t11
SELECT sync.push(:'b1') AS pushed1 \gset
\connect :admin
SELECT t_expect((SELECT paid_fen = 4687 AND fee_carried_fen = 0 AND status = 'partial' FROM central.bills
                  WHERE account_no = '1000000001' AND period = '2026-09'), 'counter: fee 313 then 4687');
SELECT central.record_external_payment('1000000001', 2000, 'bank', '00000000-0000-4000-8000-00000000e101') AS bank \gset
SELECT paid_fen AS paid_after_bank, fee_carried_fen AS carried_after_bank FROM central.bills WHERE account_no = '1000000001' AND period = '2026-09' \gset
\connect :t11
SELECT sync.push(:'b2') AS pushed2 \gset
\connect :admin
SELECT t_expect((:'pushed2'::jsonb) -> 0 ->> 'result' = 'accepted', 'void accepted: ' || :'pushed2');
SELECT t_expect((SELECT paid_fen = :paid_after_bank - 4687 AND fee_carried_fen = :carried_after_bank + 313 FROM central.bills
                  WHERE account_no = '1000000001' AND period = '2026-09'), 'void took back 4687 and re-owes the fee 313');

-- Invariants over everything: a bill's paid_fen is the principal of its unvoided allocation lines (bills that
-- were paid before the centre kept lines aside); a balance is the sum of its ledger.
SELECT t_expect(NOT EXISTS (
    SELECT 1 FROM central.bills b
     WHERE b.account_no <> '1000000003'
       AND b.paid_fen <> (SELECT coalesce(sum(a.principal_fen), 0) FROM central.payment_allocations a
                            JOIN central.payments p USING (hall_id, payment_uuid)
                           WHERE a.account_no = b.account_no AND a.period = b.period AND NOT p.voided)), 'bills = allocations');
SELECT t_expect(NOT EXISTS (SELECT 1 FROM central.accounts a WHERE prepaid_fen <> (SELECT coalesce(sum(delta_fen), 0)
    FROM central.prepaid_ledger l WHERE l.account_no = a.account_no)), 'prepaid = ledger');
-- money in = money placed: every payment's amount equals its bill lines plus its prepaid lines
SELECT t_expect(NOT EXISTS (
    SELECT 1 FROM central.payments p
     WHERE p.kind = 'payment' AND p.amount_fen <> (SELECT sum(principal_fen + late_fee_fen + prepaid_delta_fen)
                                                     FROM central.payment_allocations a
                                                    WHERE a.hall_id = p.hall_id AND a.payment_uuid = p.payment_uuid)), 'every fen placed');
