-- Push: a batch applied once (a second push is all duplicates and changes nothing), the centre's allocation,
-- void and settlement; malformed events and events claiming another identity rejected with a reason without
-- stopping the rest; the rejected events listed for the hall's supervisor; a fixed event accepted when pushed again.
\set ON_ERROR_STOP on
\i lib/fixture.psql

-- Batch A on 2026-11-25 at H01/T01:
--   P1 pays both bills of 1000000001 in full: 8700 + fee 313 (36 days x 1‰, 313.2 rounded) and 9100 + fee 100
--      (5 days x 1‰ = 45.5 -> 46, raised to the ¥1 minimum); the terminal's own allocation is sent and agrees.
--   P2 pays 100000 of 1000000002's commercial bill (fee 5 days x 2‰ of 450000 = 4500 first, then 95500).
--   P3 puts 5000 on 1000000003, which owes nothing (prepaid), and V3 voids it. S1 settles the shift.
SELECT jsonb_build_array(
    t_payment('00000000-0000-4000-8000-000000000001', 1, 'H01', 'T01', '{1000000001}', 18213, '2026-11-25',
        '[{"account_no": "1000000001", "bill_id": 1, "period": "2026-09", "principal_fen": 8700, "late_fee_fen": 313,
           "late_fee_waived_fen": 0, "late_fee_days": 36, "policy_id": "1996", "policy_version": 1},
          {"account_no": "1000000001", "bill_id": 2, "period": "2026-10", "principal_fen": 9100, "late_fee_fen": 100,
           "late_fee_waived_fen": 0, "late_fee_days": 5, "policy_id": "1996", "policy_version": 1}]'),
    t_payment('00000000-0000-4000-8000-000000000002', 2, 'H01', 'T01', '{1000000002}', 100000, '2026-11-25'),
    t_payment('00000000-0000-4000-8000-000000000003', 3, 'H01', 'T01', '{1000000003}', 5000, '2026-11-25'),
    t_void('00000000-0000-4000-8000-0000000000a3', 4, 'H01', 'T01', '00000000-0000-4000-8000-000000000003', 5000, '2026-11-25'),
    t_settlement('00000000-0000-4000-8000-0000000000b1', 5, 'H01', 'T01', '2026-11-25', 118213, 2)) AS batch_a \gset

\connect :t11
SELECT sync.push(:'batch_a') AS first \gset
SELECT max(x) AS watermark_before FROM (SELECT (sync.pull(t, 0, 10000) ->> 'watermark')::bigint FROM unnest(ARRAY['bills', 'accounts']) t) v(x) \gset
SELECT sync.push(:'batch_a') AS second \gset

\connect :admin
SELECT t_expect((SELECT bool_and(r ->> 'result' = 'accepted') FROM jsonb_array_elements(:'first'::jsonb) r), 'first push: all accepted: ' || :'first');
SELECT t_expect((SELECT bool_and(r ->> 'result' = 'duplicate') AND count(*) = 5 FROM jsonb_array_elements(:'second'::jsonb) r), 'second push: all duplicates: ' || :'second');
SELECT t_expect((SELECT count(*) FROM central.applied_events) = 5, 'five applied events');
SELECT t_expect((SELECT count(*) FROM central.payments) = 3 AND (SELECT count(*) FROM central.voids) = 1
    AND (SELECT count(*) FROM central.settlements) = 1, 'each record once');
-- P1: both bills paid, nothing differs from the terminal's allocation
SELECT t_expect((SELECT array_agg(status || ':' || paid_fen || ':' || fee_carried_fen || ':' || fee_through ORDER BY period)
                   FROM central.bills WHERE account_no = '1000000001') = '{paid:8700:0:2026-11-25,paid:9100:0:2026-11-25}', 'P1 paid both bills');
SELECT t_expect((SELECT differs_note FROM central.payments WHERE payment_uuid = '00000000-0000-4000-8000-000000000001') = '', 'P1 agrees with the terminal');
SELECT t_expect((:'first'::jsonb) -> 0 ->> 'note' = '', 'P1 has no note');
-- P2: fee first, then principal; the terminal sent no allocation, so the centre says what it did
SELECT t_expect((SELECT status = 'partial' AND paid_fen = 95500 AND fee_through = '2026-11-25' AND fee_carried_fen = 0
                   FROM central.bills WHERE account_no = '1000000002'), 'P2 partial 95500');
SELECT t_expect((SELECT late_fee_fen = 4500 AND principal_fen = 95500 AND late_fee_days = 5 FROM central.payment_allocations
                  WHERE payment_uuid = '00000000-0000-4000-8000-000000000002'), 'P2 allocation line');
SELECT t_expect((:'first'::jsonb) -> 1 ->> 'note' LIKE 'the centre allocated differently%', 'P2 note');
-- P3 and its void: the prepaid balance went to 5000 and back to 0, with ledger lines
SELECT t_expect((SELECT prepaid_fen FROM central.accounts WHERE account_no = '1000000003') = 0, 'P3 voided: prepaid 0');
SELECT t_expect((SELECT array_agg(delta_fen ORDER BY entry_id) FROM central.prepaid_ledger WHERE account_no = '1000000003') = '{5000,-5000}', 'P3 ledger');
SELECT t_expect((SELECT voided FROM central.payments WHERE payment_uuid = '00000000-0000-4000-8000-000000000003'), 'P3 marked voided');
-- S1: the centre's own total for the shift agrees
SELECT t_expect((SELECT centre_total_fen = 118213 AND variance_fen = 0 FROM central.settlements), 'settlement total');
SELECT t_expect((:'first'::jsonb) -> 4 ->> 'note' = '', 'settlement has no note');
-- the duplicate push changed nothing the halls could see
SELECT t_expect((SELECT max(row_version) FROM central.bills) <= :watermark_before
            AND (SELECT max(row_version) FROM central.accounts) <= :watermark_before, 'the duplicate push wrote no row');
-- every balance equals its ledger; every bill's paid_fen equals its unvoided allocation lines
SELECT t_expect(NOT EXISTS (SELECT 1 FROM central.accounts a WHERE prepaid_fen <> (SELECT coalesce(sum(delta_fen), 0)
    FROM central.prepaid_ledger l WHERE l.account_no = a.account_no)), 'prepaid = ledger');

-- Batch B: good events among bad ones.
SELECT jsonb_build_array(
    t_payment('00000000-0000-4000-8000-000000000006', 6, 'H01', 'T01', '{1000000002}', 1000, '2026-11-25'),
    t_payment('00000000-0000-4000-8000-000000000007', 7, 'H01', 'T01', '{1000000002}', 1000, '2026-11-25') || '{"uuid": "not-a-uuid"}',
    jsonb_set(t_payment('00000000-0000-4000-8000-000000000008', 8, 'H01', 'T01', '{1000000002}', 1000, '2026-11-25'),
              '{payload,amount_fen}', '"ten yuan"'),
    jsonb_set(t_payment('00000000-0000-4000-8000-000000000009', 9, 'H01', 'T01', '{1000000002}', 1000, '2026-11-25'),
              '{payload,tenders,0,amount_fen}', '900'),
    '42'::jsonb,
    t_payment('00000000-0000-4000-8000-000000000011', 11, 'H01', 'T01', '{1000000002}', 1000, '2026-11-25') || '{"type": "queue.called"}',
    t_payment('00000000-0000-4000-8000-000000000012', 12, 'H01', 'T02', '{1000000002}', 1000, '2026-11-25'),
    jsonb_set(t_payment('00000000-0000-4000-8000-000000000013', 13, 'H01', 'T01', '{1000000002}', 1000, '2026-11-25'),
              '{payload,hall_code}', '"H02"'),
    t_payment('00000000-0000-4000-8000-000000000014', 14, 'H01', 'T01', '{9999999999}', 1000, '2026-11-25'),
    t_payment('00000000-0000-4000-8000-000000000015', 15, 'H01', 'T01', '{1000000002}', 500, '2026-11-25')) AS batch_b \gset
\connect :t11
SELECT sync.push(:'batch_b') AS pushed_b \gset
SELECT sync.rejected_events() AS rejected_h01 \gset
\connect :t21
-- T01 of H02 pushes an event with a uuid that H01/T01 already used
SELECT sync.push(jsonb_build_array(jsonb_build_object('uuid', '00000000-0000-4000-8000-000000000001', 'type', 'payment.posted',
    'seq', 1, 'terminal_code', 'T01', 'hall_code', 'H02', 'payload', '{}'::jsonb))) AS stolen \gset
SELECT sync.rejected_events(true) AS rejected_h02 \gset

\connect :admin
SELECT r ->> 'seq' AS seq, r ->> 'result' AS result, r ->> 'reason' AS reason FROM jsonb_array_elements(:'pushed_b'::jsonb) r;
SELECT t_expect((SELECT array_agg(r ->> 'result' ORDER BY ord) FROM jsonb_array_elements(:'pushed_b'::jsonb) WITH ORDINALITY x(r, ord))
    = '{accepted,rejected,rejected,rejected,rejected,rejected,rejected,rejected,rejected,accepted}', 'batch B results: ' || :'pushed_b');
SELECT t_expect((SELECT bool_and(r ->> 'reason' <> '') FROM jsonb_array_elements(:'pushed_b'::jsonb) r WHERE r ->> 'result' = 'rejected'), 'every rejection has a reason');
SELECT t_expect((:'pushed_b'::jsonb) -> 2 ->> 'reason' = 'field "amount_fen" must be an integer', 'reason for a bad amount');
SELECT t_expect((:'pushed_b'::jsonb) -> 3 ->> 'reason' LIKE 'the tenders (900 fen) do not add up%', 'reason for bad tenders');
SELECT t_expect((:'pushed_b'::jsonb) -> 6 ->> 'reason' LIKE 'the event claims terminal T02 of hall H01%', 'reason for another terminal');
SELECT t_expect((:'pushed_b'::jsonb) -> 7 ->> 'reason' LIKE 'the event claims terminal T01 of hall H02%', 'reason for another hall');
SELECT t_expect((:'pushed_b'::jsonb) -> 8 ->> 'reason' = 'account 9999999999 is not known at the centre', 'reason for an unknown account');
-- a rejected event left nothing behind (its subtransaction rolled back) but its rejection
SELECT t_expect(NOT EXISTS (SELECT 1 FROM central.payments WHERE payment_uuid IN ('00000000-0000-4000-8000-000000000009',
    '00000000-0000-4000-8000-000000000014', '00000000-0000-4000-8000-000000000012')), 'no payment from a rejected event');
SELECT t_expect(NOT EXISTS (SELECT 1 FROM central.payment_tenders WHERE payment_uuid = '00000000-0000-4000-8000-000000000009'), 'no tender from a rejected event');
SELECT t_expect((SELECT paid_fen FROM central.bills WHERE account_no = '1000000002') = 95500 + 1000 + 500, 'the good events applied');
SELECT t_expect((SELECT count(*) FROM central.rejected_events) = 9, 'nine rejections kept (8 + the stolen uuid)');
SELECT t_expect((SELECT count(*) FROM central.rejected_events WHERE envelope IS NOT NULL AND reason <> '') = 9, 'with reason and envelope');
SELECT t_expect(jsonb_array_length(:'rejected_h01'::jsonb) = 8, 'H01 supervisor sees 8: ' || :'rejected_h01');
SELECT t_expect((SELECT bool_and(e ? 'event' AND e ? 'reason') FROM jsonb_array_elements(:'rejected_h01'::jsonb) e), 'with the original event');
SELECT t_expect(jsonb_array_length(:'rejected_h02'::jsonb) = 1, 'H02 supervisor sees only its own rejection');
SELECT t_expect((:'stolen'::jsonb) -> 0 ->> 'reason' LIKE '%already used by another terminal', 'a uuid of another terminal is rejected: ' || :'stolen');

-- The bad amount fixed and pushed again: accepted, and its rejection marked resolved.
SELECT jsonb_build_array(t_payment('00000000-0000-4000-8000-000000000008', 8, 'H01', 'T01', '{1000000002}', 1000, '2026-11-25')) AS batch_c \gset
\connect :t11
SELECT sync.push(:'batch_c') AS pushed_c \gset
SELECT sync.rejected_events() AS open_h01 \gset
\connect :admin
SELECT t_expect((:'pushed_c'::jsonb) -> 0 ->> 'result' = 'accepted', 'fixed event accepted');
SELECT t_expect(jsonb_array_length(:'open_h01'::jsonb) = 7, 'seven rejections still open');
SELECT t_expect((SELECT resolved_at IS NOT NULL FROM central.rejected_events WHERE event_uuid = '00000000-0000-4000-8000-000000000008'), 'resolved');

-- Not an array, or too many events: the whole call fails (nothing to apply).
\connect :t11
DO $$
BEGIN
    PERFORM sync.push('{"uuid": "x"}');
    RAISE EXCEPTION 'pushed an object';
EXCEPTION WHEN SQLSTATE 'HD003' THEN NULL;
END
$$;

-- Void rules: a payment of another terminal cannot be voided here; a voided payment not again.
\connect :admin
SELECT jsonb_build_array(
    t_void('00000000-0000-4000-8000-0000000000a1', 1, 'H02', 'T01', '00000000-0000-4000-8000-000000000001', 18213, '2026-11-25')) AS batch_d \gset
SELECT jsonb_build_array(
    t_void('00000000-0000-4000-8000-0000000000a4', 16, 'H01', 'T01', '00000000-0000-4000-8000-000000000003', 5000, '2026-11-25')) AS batch_e \gset
\connect :t21
SELECT sync.push(:'batch_d') AS pushed_d \gset
\connect :t11
SELECT sync.push(:'batch_e') AS pushed_e \gset
\connect :admin
SELECT t_expect((:'pushed_d'::jsonb) -> 0 ->> 'reason' LIKE '%was not taken at this terminal', 'void from another terminal: ' || :'pushed_d');
SELECT t_expect((:'pushed_e'::jsonb) -> 0 ->> 'reason' LIKE '%is already voided', 'second void: ' || :'pushed_e');
SELECT t_expect((SELECT voided = false FROM central.payments WHERE payment_uuid = '00000000-0000-4000-8000-000000000001'), 'P1 untouched');
