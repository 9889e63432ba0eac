-- HallDesk central database, re-applied API: The handlers of the pushed event types, and the registry
-- central.event_types that names them.
-- `halldeskctl central migrate` runs every db/central/api/*.sql, in name order and in one transaction, after the
-- numbered migrations, each time (docs/sync.md "Functions and views"). This file holds the current definitions:
-- change a function or view here, never by copying it into a migration.

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

-- The identity of the connected terminal, from session_user (never from anything the client sends).
CREATE OR REPLACE FUNCTION central.terminal_of(p_role name,
    OUT hall_id integer, OUT terminal_id integer, OUT hall_code text, OUT terminal_code text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, central
AS $$
BEGIN
    SELECT t.hall_id, t.terminal_id, h.code, t.code INTO hall_id, terminal_id, hall_code, terminal_code
      FROM central.terminals t JOIN central.halls h USING (hall_id)
     WHERE t.role_name = p_role AND t.active;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'HD002', MESSAGE = format('role %s is not an active HallDesk terminal', p_role);
    END IF;
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Event handlers: (p_hall_id, p_terminal_id, p_event) -> a note for the terminal ('' when nothing to say).
-- p_event is the whole envelope; identity is already checked; a rejection raises HD001.
-- ---------------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION central.handle_payment_posted(p_hall_id integer, p_terminal_id integer, p_event jsonb)
RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, central
AS $$
DECLARE
    p jsonb := p_event -> 'payload';
    v_uuid uuid := (p_event ->> 'uuid')::uuid;
    v_accounts text[];
    v_amount bigint := central.req_int(p, 'amount_fen');
    v_on date := central.req_date(p, 'business_date');
    v_tenders jsonb := central.req_array(p, 'tenders');
    v_waivers jsonb := central.opt_array(p, 'waivers');
    t jsonb;
    w jsonb;
    n integer := 0;
    v_sum bigint := 0;
    v_result jsonb;
    v_mine jsonb;
    v_theirs jsonb;
    v_note text := '';
BEGIN
    IF central.req_text(p, 'payment_uuid') IS DISTINCT FROM p_event ->> 'uuid' THEN
        PERFORM central.reject('payload payment_uuid differs from the event uuid');
    END IF;
    IF coalesce(p ->> 'kind', 'payment') <> 'payment' THEN
        PERFORM central.reject(format('payment.posted with kind "%s"', p ->> 'kind'));
    END IF;
    IF v_amount <= 0 THEN
        PERFORM central.reject('amount_fen must be more than zero');
    END IF;
    IF jsonb_array_length(central.req_array(p, 'accounts')) = 0
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(p -> 'accounts') x WHERE jsonb_typeof(x) <> 'string') THEN
        PERFORM central.reject('accounts must be a non-empty array of account numbers');
    END IF;
    v_accounts := ARRAY(SELECT jsonb_array_elements_text(p -> 'accounts'));

    INSERT INTO central.payments (hall_id, payment_uuid, kind, channel, terminal_id, operator_code, approver_code,
        business_date, created_at, account_nos, amount_fen, tendered_fen, change_fen, receipt_nos)
    VALUES (p_hall_id, v_uuid, 'payment', 'counter', p_terminal_id, central.req_text(p, 'operator_code'),
        coalesce((SELECT w0 ->> 'approver_code' FROM jsonb_array_elements(v_waivers) w0 LIMIT 1), ''),
        v_on, central.req_time(p, 'created_at'), v_accounts, v_amount,
        central.req_int(p, 'tendered_fen'), central.req_int(p, 'change_fen'),
        ARRAY(SELECT jsonb_array_elements_text(central.opt_array(p, 'receipt_nos'))));

    FOR t IN SELECT value FROM jsonb_array_elements(v_tenders) LOOP
        n := n + 1;
        IF central.req_text(t, 'method') NOT IN ('cash', 'card', 'qr', 'transfer') THEN
            PERFORM central.reject(format('tender %s: unknown method "%s"', n, t ->> 'method'));
        END IF;
        IF central.req_int(t, 'amount_fen') <= 0 OR central.req_int(t, 'tendered_fen') < central.req_int(t, 'amount_fen') THEN
            PERFORM central.reject(format('tender %s: amount must be positive and not above the tendered sum', n));
        END IF;
        INSERT INTO central.payment_tenders (hall_id, payment_uuid, line_no, method, amount_fen, tendered_fen,
            change_fen, reference)
        VALUES (p_hall_id, v_uuid, n, t ->> 'method', central.req_int(t, 'amount_fen'),
            central.req_int(t, 'tendered_fen'), coalesce(central.req_int(t, 'change_fen'), 0),
            central.opt_text(t, 'reference'));
        v_sum := v_sum + central.req_int(t, 'amount_fen');
    END LOOP;
    IF n = 0 OR v_sum <> v_amount THEN
        PERFORM central.reject(format('the tenders (%s fen) do not add up to amount_fen (%s fen)', v_sum, v_amount));
    END IF;

    FOR w IN SELECT value FROM jsonb_array_elements(v_waivers) LOOP
        INSERT INTO central.late_fee_waivers (hall_id, payment_uuid, account_no, period, computed_fen, charged_fen,
            reason, approver_code)
        VALUES (p_hall_id, v_uuid, central.req_text(w, 'account_no'), central.req_text(w, 'period'),
            central.req_int(w, 'computed_fen'), central.req_int(w, 'charged_fen'), central.req_text(w, 'reason'),
            central.opt_text(w, 'approver_code'));
    END LOOP;

    v_result := central.allocate(p_hall_id, v_uuid, v_accounts, v_amount, v_on, v_waivers);

    -- Did the centre allocate as the terminal did? If not (a bill paid meanwhile through another channel), say so.
    SELECT coalesce(jsonb_agg(x ORDER BY x::text), '[]') INTO v_mine
      FROM jsonb_array_elements(v_result -> 'allocations') x;
    SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
               'account_no', x -> 'account_no', 'period', x -> 'period', 'principal_fen', x -> 'principal_fen',
               'late_fee_fen', x -> 'late_fee_fen', 'late_fee_waived_fen', x -> 'late_fee_waived_fen',
               'late_fee_days', x -> 'late_fee_days', 'policy_id', x -> 'policy_id',
               'policy_version', x -> 'policy_version', 'prepaid_delta_fen', x -> 'prepaid_delta_fen'))
               ORDER BY jsonb_strip_nulls(jsonb_build_object(
               'account_no', x -> 'account_no', 'period', x -> 'period', 'principal_fen', x -> 'principal_fen',
               'late_fee_fen', x -> 'late_fee_fen', 'late_fee_waived_fen', x -> 'late_fee_waived_fen',
               'late_fee_days', x -> 'late_fee_days', 'policy_id', x -> 'policy_id',
               'policy_version', x -> 'policy_version', 'prepaid_delta_fen', x -> 'prepaid_delta_fen'))::text), '[]')
      INTO v_theirs
      FROM jsonb_array_elements(central.opt_array(p, 'allocations')) x;
    IF v_mine IS DISTINCT FROM v_theirs THEN
        v_note := 'the centre allocated differently: ' || (v_result -> 'allocations')::text;
        UPDATE central.payments SET differs_note = v_note WHERE hall_id = p_hall_id AND payment_uuid = v_uuid;
    END IF;
    RETURN v_note;
END
$$;

-- payment.voided (docs/sync.md "The event contract"): each allocation line reversed, last first; a bill no later
-- payment touched gets its exact earlier state back, otherwise only this payment's principal is taken back and the
-- fee it waived is owed again.
CREATE OR REPLACE FUNCTION central.handle_payment_voided(p_hall_id integer, p_terminal_id integer, p_event jsonb)
RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, central
AS $$
DECLARE
    p jsonb := p_event -> 'payload';
    v_void uuid := (p_event ->> 'uuid')::uuid;
    v_payment_text text := central.req_text(p, 'payment_uuid');
    v_payment uuid;
    pay record;
    l record;
    b record;
    v_later boolean;
    v_paid bigint;
    v_carried bigint;
BEGIN
    IF central.req_text(p, 'void_uuid') IS DISTINCT FROM p_event ->> 'uuid' THEN
        PERFORM central.reject('payload void_uuid differs from the event uuid');
    END IF;
    IF v_payment_text !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        PERFORM central.reject(format('payment_uuid "%s" is not a UUID', v_payment_text));
    END IF;
    v_payment := v_payment_text::uuid;
    IF central.req_text(p, 'reason') = '' THEN
        PERFORM central.reject('a void needs a reason');
    END IF;
    SELECT * INTO pay FROM central.payments WHERE payment_uuid = v_payment FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM central.reject(format('payment %s is not known at the centre', v_payment));
    END IF;
    IF pay.hall_id <> p_hall_id OR pay.terminal_id IS DISTINCT FROM p_terminal_id THEN
        PERFORM central.reject(format('payment %s was not taken at this terminal', v_payment));
    END IF;
    IF pay.kind <> 'payment' THEN
        PERFORM central.reject(format('%s is a %s, not a payment', v_payment, pay.kind));
    END IF;
    IF pay.voided THEN
        PERFORM central.reject(format('payment %s is already voided', v_payment));
    END IF;
    IF central.req_int(p, 'amount_fen') <> pay.amount_fen THEN
        PERFORM central.reject(format('the void is for %s fen but the payment was %s fen', p ->> 'amount_fen',
            pay.amount_fen));
    END IF;

    -- Lock the accounts touched, in account_no order, then reverse line by line, last line first.
    PERFORM 1 FROM central.accounts
     WHERE account_no IN (SELECT account_no FROM central.payment_allocations
                           WHERE hall_id = pay.hall_id AND payment_uuid = v_payment)
     ORDER BY account_no FOR UPDATE;
    FOR l IN SELECT * FROM central.payment_allocations WHERE hall_id = pay.hall_id AND payment_uuid = v_payment
              ORDER BY line_no DESC
    LOOP
        IF l.period IS NULL THEN
            PERFORM central.move_prepaid(l.account_no, -l.prepaid_delta_fen, 'void', v_payment, v_void);
            CONTINUE;
        END IF;
        SELECT * INTO b FROM central.bills WHERE account_no = l.account_no AND period = l.period FOR UPDATE;
        v_later := EXISTS (
            SELECT 1 FROM central.payment_allocations x JOIN central.payments y USING (hall_id, payment_uuid)
             WHERE x.account_no = l.account_no AND x.period = l.period AND x.seq > l.seq AND NOT y.voided);
        IF NOT v_later THEN
            -- nothing touched the bill since: restore it exactly
            UPDATE central.bills
               SET paid_fen = l.bill_paid_before, status = l.bill_status_before, paid_on = l.bill_paid_on_before,
                   fee_through = l.fee_through_before, fee_carried_fen = l.fee_carried_before,
                   fee_counted_exact = coalesce(l.fee_counted_before, b.fee_counted_exact)
             WHERE hall_id = b.hall_id AND account_no = b.account_no AND period = b.period;
        ELSE
            -- a later payment (another channel) touched it: take back only this payment's money; the fee it paid or
            -- waived is owed again (the waiver was part of the payment voided)
            v_paid := b.paid_fen - l.principal_fen;
            v_carried := b.fee_carried_fen + l.late_fee_fen + l.late_fee_waived_fen;
            UPDATE central.bills
               SET paid_fen = v_paid, fee_carried_fen = v_carried,
                   status = CASE WHEN v_paid = b.amount_fen AND v_carried = 0 THEN 'paid'
                                 WHEN v_paid > 0 THEN 'partial' ELSE 'open' END,
                   paid_on = CASE WHEN v_paid = b.amount_fen AND v_carried = 0 THEN b.paid_on END
             WHERE hall_id = b.hall_id AND account_no = b.account_no AND period = b.period;
        END IF;
    END LOOP;
    UPDATE central.payments SET voided = true WHERE hall_id = pay.hall_id AND payment_uuid = v_payment;
    INSERT INTO central.voids (hall_id, void_uuid, payment_uuid, terminal_id, operator_code, approver_code, reason,
        business_date, created_at, amount_fen, receipt_nos)
    VALUES (pay.hall_id, v_void, v_payment, p_terminal_id, central.req_text(p, 'operator_code'),
        central.opt_text(p, 'approver_code'), p ->> 'reason', central.req_date(p, 'business_date'),
        central.req_time(p, 'created_at'), pay.amount_fen,
        ARRAY(SELECT jsonb_array_elements_text(central.opt_array(p, 'receipt_nos'))));
    RETURN '';
END
$$;

CREATE OR REPLACE FUNCTION central.handle_settlement_closed(p_hall_id integer, p_terminal_id integer, p_event jsonb)
RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, central
AS $$
DECLARE
    p jsonb := p_event -> 'payload';
    v_uuid uuid := (p_event ->> 'uuid')::uuid;
    v_on date := central.req_date(p, 'business_date');
    v_operator text := central.req_text(p, 'operator_code');
    v_centre bigint;
    v_expected bigint := 0;
    l jsonb;
BEGIN
    IF central.req_text(p, 'settlement_uuid') IS DISTINCT FROM p_event ->> 'uuid' THEN
        PERFORM central.reject('payload settlement_uuid differs from the event uuid');
    END IF;
    SELECT coalesce(sum(CASE kind WHEN 'refund' THEN -amount_fen ELSE amount_fen END), 0) INTO v_centre
      FROM central.payments
     WHERE terminal_id = p_terminal_id AND operator_code = v_operator AND business_date = v_on AND NOT voided;
    INSERT INTO central.settlements (hall_id, settlement_uuid, terminal_id, operator_code, approver_code, reason,
        blind, business_date, created_at, payment_count, void_count, refund_count, first_receipt, last_receipt,
        variance_fen, centre_total_fen)
    VALUES (p_hall_id, v_uuid, p_terminal_id, v_operator, central.opt_text(p, 'approver_code'),
        central.opt_text(p, 'reason'), coalesce((p ->> 'blind')::boolean, false), v_on,
        central.req_time(p, 'created_at'), central.req_int(p, 'payment_count'), central.req_int(p, 'void_count'),
        central.req_int(p, 'refund_count'), central.opt_text(p, 'first_receipt'), central.opt_text(p, 'last_receipt'),
        central.req_int(p, 'variance_fen'), v_centre);
    FOR l IN SELECT value FROM jsonb_array_elements(central.req_array(p, 'lines')) LOOP
        INSERT INTO central.settlement_lines (hall_id, settlement_uuid, method, expected_fen, counted_fen)
        VALUES (p_hall_id, v_uuid, central.req_text(l, 'method'), central.req_int(l, 'expected_fen'),
            central.req_int(l, 'counted_fen'));
        v_expected := v_expected + (l ->> 'expected_fen')::bigint;
    END LOOP;
    FOR l IN SELECT value FROM jsonb_array_elements(central.opt_array(p, 'cash_counts')) LOOP
        INSERT INTO central.settlement_cash_counts (hall_id, settlement_uuid, denomination_fen, count)
        VALUES (p_hall_id, v_uuid, central.req_int(l, 'denomination_fen'), central.req_int(l, 'count'));
    END LOOP;
    IF v_expected <> v_centre THEN
        RETURN format('the terminal expected %s fen, the centre has %s fen of payments for this shift', v_expected,
            v_centre);
    END IF;
    RETURN '';
END
$$;

CREATE OR REPLACE FUNCTION central.handle_prepaid_refunded(p_hall_id integer, p_terminal_id integer, p_event jsonb)
RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, central
AS $$
DECLARE
    p jsonb := p_event -> 'payload';
    v_uuid uuid := (p_event ->> 'uuid')::uuid;
    v_account text := central.req_text(p, 'account_no');
    v_amount bigint := central.req_int(p, 'amount_fen');
BEGIN
    IF central.req_text(p, 'payment_uuid') IS DISTINCT FROM p_event ->> 'uuid' THEN
        PERFORM central.reject('payload payment_uuid differs from the event uuid');
    END IF;
    IF v_amount <= 0 THEN
        PERFORM central.reject('amount_fen must be more than zero');
    END IF;
    IF central.req_text(p, 'reason') = '' THEN
        PERFORM central.reject('a refund needs a reason');
    END IF;
    PERFORM 1 FROM central.accounts WHERE account_no = v_account FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM central.reject(format('account %s is not known at the centre', v_account));
    END IF;
    INSERT INTO central.payments (hall_id, payment_uuid, kind, channel, terminal_id, operator_code, approver_code,
        business_date, created_at, account_nos, amount_fen, receipt_nos, reason)
    VALUES (p_hall_id, v_uuid, 'refund', 'counter', p_terminal_id, central.req_text(p, 'operator_code'),
        central.opt_text(p, 'approver_code'), central.req_date(p, 'business_date'), central.req_time(p, 'created_at'),
        ARRAY[v_account], v_amount, ARRAY(SELECT jsonb_array_elements_text(central.opt_array(p, 'receipt_nos'))),
        p ->> 'reason');
    INSERT INTO central.payment_allocations (hall_id, payment_uuid, line_no, account_no, prepaid_delta_fen)
    VALUES (p_hall_id, v_uuid, 1, v_account, -v_amount);
    PERFORM central.move_prepaid(v_account, -v_amount, 'refund', v_uuid, NULL);
    RETURN '';
END
$$;

-- The registry: each pushed type and its handler. Kept here with the handlers because event_types.handler holds
-- the function's oid: a handler whose arguments change is dropped by a migration and made anew here, and this
-- statement points its type at the new function. added_in (the schema version that brought the type) is kept
-- for a type already known. Writes nothing when the registry already says this.
INSERT INTO central.event_types AS e (type, handler, description, added_in) VALUES
    ('payment.posted', 'central.handle_payment_posted(integer, integer, jsonb)',
     'a counter payment; the centre re-derives its allocation', 2),
    ('payment.voided', 'central.handle_payment_voided(integer, integer, jsonb)',
     'a same-day void (冲正) of a counter payment; reversed exactly', 2),
    ('settlement.closed', 'central.handle_settlement_closed(integer, integer, jsonb)',
     'a shift''s daily settlement (日结), recorded with the centre''s own total', 2),
    ('prepaid.refunded', 'central.handle_prepaid_refunded(integer, integer, jsonb)',
     'cash paid out of a prepaid balance at the counter', 2)
ON CONFLICT (type) DO UPDATE SET handler = excluded.handler, description = excluded.description
WHERE (e.handler, e.description) IS DISTINCT FROM (excluded.handler, excluded.description);
