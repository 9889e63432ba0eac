-- HallDesk central database, re-applied API: The late fee and the allocation of a payment (docs/counter.md), the same
-- rules as app/billing.
-- `halldeskctl central migrate` runs every db/central/api/*.sql, in name order and in one transaction, after the
-- numbered migrations, each time (docs/sync.md "Functions and views"). This file holds the current definitions:
-- change a function or view here, never by copying it into a migration.

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

-- What a bill's late fee comes to when p_counted (millionths of a fen) has been counted on it in all.
CREATE OR REPLACE FUNCTION central.assessed_late_fee(p_counted numeric, p_minimum_fen bigint)
RETURNS bigint
LANGUAGE sql IMMUTABLE
AS $$
    SELECT CASE WHEN p_counted <= 0 THEN 0::bigint
                ELSE greatest(div(p_counted + 500000, 1000000)::bigint, p_minimum_fen) END
$$;

-- A bill's late fee as of p_on (app/billing/LateFee.h billLateFee): the fee carried plus what the overdue days
-- after fee_through (the due date plus the due date's version's grace days when unset) add to the bill's fee.
CREATE OR REPLACE FUNCTION central.late_fee_of(p_policy text, p_class text, p_outstanding_fen bigint, p_due date,
    p_fee_through date, p_carried_fen bigint, p_counted_exact bigint, p_on date,
    OUT fee_fen bigint, OUT assessed_fen bigint, OUT counted_exact bigint, OUT days integer,
    OUT policy_version integer, OUT spans jsonb)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, central
AS $$
DECLARE
    base record;
    v_version integer;
    first_day date;
    last_of_due_year date := make_date(extract(year FROM p_due)::integer, 12, 31);
    d date;
    v_last date;
    v_later boolean;
    v_rate bigint;
    n integer;
    ppm_days numeric := 0;
    v_exact numeric;
BEGIN
    fee_fen := coalesce(p_carried_fen, 0);
    assessed_fen := 0;
    counted_exact := 0;
    days := 0;
    spans := '[]';
    SELECT * INTO base FROM central.late_fee_policies
     WHERE id = p_policy AND effective_from <= p_due ORDER BY effective_from DESC, version DESC LIMIT 1;
    IF NOT FOUND THEN
        -- a bill due before the policy's first version: that version's rules stand for the time before it
        SELECT * INTO base FROM central.late_fee_policies WHERE id = p_policy ORDER BY effective_from, version LIMIT 1;
        IF NOT FOUND THEN
            PERFORM central.reject(format('there is no late-fee policy %s', p_policy));
        END IF;
    END IF;
    policy_version := base.version;
    first_day := p_due + base.grace_days + 1;
    IF p_fee_through IS NOT NULL AND p_fee_through >= first_day THEN
        first_day := p_fee_through + 1;
    END IF;
    d := first_day;
    WHILE d <= p_on LOOP
        SELECT p.version INTO v_version FROM central.late_fee_policies p
         WHERE p.id = p_policy AND p.effective_from <= d ORDER BY p.effective_from DESC, p.version DESC LIMIT 1;
        IF NOT FOUND THEN
            SELECT p.version INTO v_version FROM central.late_fee_policies p
             WHERE p.id = p_policy ORDER BY p.effective_from, p.version LIMIT 1;
        END IF;
        SELECT least(p_on, min(p.effective_from) - 1) INTO v_last FROM central.late_fee_policies p
         WHERE p.id = p_policy AND p.effective_from > d;
        v_later := d > last_of_due_year;
        IF NOT v_later AND last_of_due_year < v_last THEN
            v_last := last_of_due_year;
        END IF;
        SELECT r.rate_ppm INTO v_rate FROM central.late_fee_rates r
         WHERE r.policy_id = p_policy AND r.policy_version = v_version AND r.customer_class = p_class
           AND r.year_bucket = CASE WHEN v_later THEN 'later_years' ELSE 'due_year' END;
        IF NOT FOUND THEN
            PERFORM central.reject(format('late-fee policy %s v%s has no rate for %s customers', p_policy, v_version,
                p_class));
        END IF;
        n := v_last - d + 1;
        spans := spans || jsonb_build_object('policy_version', v_version,
            'year_bucket', CASE WHEN v_later THEN 'later_years' ELSE 'due_year' END,
            'first_day', d, 'last_day', v_last, 'days', n, 'rate_ppm', v_rate);
        days := days + n;
        ppm_days := ppm_days + v_rate::numeric * n;
        d := v_last + 1;
    END LOOP;
    IF p_outstanding_fen <= 0 OR ppm_days <= 0 THEN
        RETURN;
    END IF;
    v_exact := p_outstanding_fen::numeric * ppm_days;
    counted_exact := v_exact::bigint;
    assessed_fen := central.assessed_late_fee(v_exact + coalesce(p_counted_exact, 0), base.minimum_fee_fen)
        - central.assessed_late_fee(coalesce(p_counted_exact, 0), base.minimum_fee_fen);
    fee_fen := fee_fen + assessed_fen;
END
$$;

-- Moves an account's prepaid balance, with its ledger line. The account row must be locked by the caller.
CREATE OR REPLACE FUNCTION central.move_prepaid(p_account_no text, p_delta bigint, p_note text, p_payment uuid, p_void uuid)
RETURNS bigint
LANGUAGE plpgsql
AS $$
DECLARE
    v_hall integer;
    v_after bigint;
BEGIN
    UPDATE central.accounts SET prepaid_fen = prepaid_fen + p_delta, updated_at = now()
     WHERE account_no = p_account_no
    RETURNING hall_id, prepaid_fen INTO v_hall, v_after;
    INSERT INTO central.prepaid_ledger (hall_id, account_no, payment_uuid, void_uuid, delta_fen, balance_after, note)
    VALUES (v_hall, p_account_no, p_payment, p_void, p_delta, v_after, p_note);
    RETURN v_after;
EXCEPTION WHEN check_violation THEN
    PERFORM central.reject(format('the prepaid balance of %s would fall below zero', p_account_no));
    RETURN NULL;
END
$$;

-- The centre's allocation of a payment that is already in central.payments (docs/counter.md "What is due"):
-- each account's prepaid balance pays its own open bills first (oldest due date first); then the money pays the
-- open bills of all the accounts oldest due date first (ties in the order the accounts were given), each bill's
-- late fee before its principal (policy 1996: fee_first); what is left becomes prepaid balance of the first
-- account. Computed on the centre's bills as they are now: a bill meanwhile paid through another channel takes
-- nothing, so the money becomes prepaid balance, never lost. p_waivers: [{account_no, period, charged_fen}], the
-- most the terminal's supervisor approved charging as that bill's fee. Returns the lines in the payload format.
CREATE OR REPLACE FUNCTION central.allocate(p_hall_id integer, p_payment uuid, p_accounts text[], p_amount bigint, p_on date,
    p_waivers jsonb)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, central
AS $$
DECLARE
    n_accounts integer := coalesce(array_length(p_accounts, 1), 0);
    pol record;
    acc record;
    bill record;
    a integer;
    i integer;
    line integer := 0;
    money bigint;
    avail bigint;
    fee_part bigint;
    principal_part bigint;
    fee_first boolean;
    lf record;
    charged bigint;
    paid_after bigint;
    carried bigint;
    new_status text;
    acc_class text[] := '{}';
    acc_prepaid bigint[] := '{}';
    acc_delta bigint[] := '{}';
    b_acc integer[] := '{}';
    b_hall integer[] := '{}';
    b_period text[] := '{}';
    b_due date[] := '{}';
    b_amount bigint[] := '{}';
    b_paid bigint[] := '{}';
    b_status text[] := '{}';
    b_paid_on date[] := '{}';
    b_fee_through date[] := '{}';
    b_carried bigint[] := '{}';
    b_fee_due bigint[] := '{}';
    b_fee_paid bigint[] := '{}';
    b_principal_paid bigint[] := '{}';
    b_waived bigint[] := '{}';
    b_days integer[] := '{}';
    b_counted bigint[] := '{}';
    b_counted_exact bigint[] := '{}';
    b_assessed bigint[] := '{}';
    b_base_version integer[] := '{}';
    b_spans jsonb[] := '{}';
    v_span jsonb;
    by_age integer[];
    lines jsonb := '[]';
    after_json jsonb := '[]';
BEGIN
    IF n_accounts = 0 THEN
        PERFORM central.reject('a payment needs at least one account');
    END IF;
    IF n_accounts > 1 AND (SELECT count(DISTINCT x) FROM unnest(p_accounts) x) <> n_accounts THEN
        PERFORM central.reject('an account is named twice in one payment');
    END IF;
    SELECT p.* INTO pol
      FROM central.halls h
      JOIN central.late_fee_policies p ON p.id = h.late_fee_policy AND p.effective_from <= p_on
     WHERE h.hall_id = p_hall_id
     ORDER BY p.version DESC LIMIT 1;
    IF NOT FOUND THEN
        PERFORM central.reject(format('no late-fee policy is in force on %s for this hall', p_on));
    END IF;
    fee_first := pol.allocation_order = 'fee_first';
    IF p_waivers = '[]'::jsonb THEN
        p_waivers := NULL;
    END IF;

    -- Lock the accounts in one order (account_no) so that concurrent payments on shared accounts never deadlock.
    IF n_accounts > 1 THEN
        PERFORM 1 FROM central.accounts WHERE account_no = ANY (p_accounts) ORDER BY account_no FOR UPDATE;
    END IF;
    FOR a IN 1 .. n_accounts LOOP
        SELECT hall_id, customer_class, prepaid_fen INTO acc FROM central.accounts WHERE account_no = p_accounts[a]
           FOR UPDATE;
        IF NOT FOUND THEN
            PERFORM central.reject(format('account %s is not known at the centre', p_accounts[a]));
        END IF;
        acc_class[a] := acc.customer_class;
        acc_prepaid[a] := acc.prepaid_fen;
        acc_delta[a] := 0;
        FOR bill IN
            SELECT * FROM central.bills
             WHERE hall_id = acc.hall_id AND account_no = p_accounts[a] AND status <> 'paid'
             ORDER BY due_date, period
             FOR UPDATE
        LOOP
            i := coalesce(array_length(b_acc, 1), 0) + 1;
            lf := central.late_fee_of(pol.id, acc.customer_class, bill.amount_fen - bill.paid_fen, bill.due_date,
                bill.fee_through, bill.fee_carried_fen, bill.fee_counted_exact, p_on);
            b_acc[i] := a;
            b_hall[i] := bill.hall_id;
            b_period[i] := bill.period;
            b_due[i] := bill.due_date;
            b_amount[i] := bill.amount_fen;
            b_paid[i] := bill.paid_fen;
            b_status[i] := bill.status;
            b_paid_on[i] := bill.paid_on;
            b_fee_through[i] := bill.fee_through;
            b_carried[i] := bill.fee_carried_fen;
            b_fee_due[i] := lf.fee_fen;
            b_days[i] := lf.days;
            b_counted[i] := bill.fee_counted_exact;
            b_counted_exact[i] := lf.counted_exact;
            b_assessed[i] := lf.assessed_fen;
            b_base_version[i] := lf.policy_version;
            b_spans[i] := lf.spans;
            b_fee_paid[i] := 0;
            b_principal_paid[i] := 0;
            b_waived[i] := 0;
            -- an approved waiver caps the fee at what the supervisor allowed
            charged := NULL;
            IF p_waivers IS NOT NULL THEN
                SELECT (w ->> 'charged_fen')::bigint INTO charged
                  FROM jsonb_array_elements(p_waivers) w
                 WHERE w ->> 'account_no' = p_accounts[a] AND w ->> 'period' = bill.period;
            END IF;
            IF charged IS NOT NULL AND charged >= 0 AND charged < lf.fee_fen THEN
                b_waived[i] := lf.fee_fen - charged;
                b_fee_due[i] := charged;
            END IF;
        END LOOP;
    END LOOP;

    -- Each account's prepaid balance pays its own bills first.
    FOR i IN 1 .. coalesce(array_length(b_acc, 1), 0) LOOP
        a := b_acc[i];
        avail := acc_prepaid[a] + acc_delta[a];
        CONTINUE WHEN avail = 0;
        IF fee_first THEN
            fee_part := least(avail, b_fee_due[i] - b_fee_paid[i]);
            principal_part := least(avail - fee_part, b_amount[i] - b_paid[i] - b_principal_paid[i]);
        ELSE
            principal_part := least(avail, b_amount[i] - b_paid[i] - b_principal_paid[i]);
            fee_part := least(avail - principal_part, b_fee_due[i] - b_fee_paid[i]);
        END IF;
        b_fee_paid[i] := b_fee_paid[i] + fee_part;
        b_principal_paid[i] := b_principal_paid[i] + principal_part;
        acc_delta[a] := acc_delta[a] - fee_part - principal_part;
    END LOOP;
    -- Then the money, oldest due date first across the accounts.
    IF coalesce(array_length(b_acc, 1), 0) <= 1 THEN
        by_age := CASE WHEN array_length(b_acc, 1) = 1 THEN ARRAY[1] ELSE '{}' END;
    ELSE
        by_age := ARRAY(SELECT s FROM generate_subscripts(b_due, 1) s ORDER BY b_due[s], s);
    END IF;
    money := p_amount;
    FOREACH i IN ARRAY by_age LOOP
        EXIT WHEN money = 0;
        IF fee_first THEN
            fee_part := least(money, b_fee_due[i] - b_fee_paid[i]);
            principal_part := least(money - fee_part, b_amount[i] - b_paid[i] - b_principal_paid[i]);
        ELSE
            principal_part := least(money, b_amount[i] - b_paid[i] - b_principal_paid[i]);
            fee_part := least(money - principal_part, b_fee_due[i] - b_fee_paid[i]);
        END IF;
        b_fee_paid[i] := b_fee_paid[i] + fee_part;
        b_principal_paid[i] := b_principal_paid[i] + principal_part;
        money := money - fee_part - principal_part;
    END LOOP;
    acc_delta[1] := acc_delta[1] + money;

    -- Write it.
    FOR i IN 1 .. coalesce(array_length(b_acc, 1), 0) LOOP
        CONTINUE WHEN b_fee_paid[i] = 0 AND b_principal_paid[i] = 0 AND b_waived[i] = 0;
        a := b_acc[i];
        paid_after := b_paid[i] + b_principal_paid[i];
        carried := b_fee_due[i] - b_fee_paid[i];
        new_status := CASE WHEN paid_after = b_amount[i] AND carried = 0 THEN 'paid'
                           WHEN paid_after > 0 THEN 'partial' ELSE 'open' END;
        line := line + 1;
        INSERT INTO central.payment_allocations (hall_id, payment_uuid, line_no, account_no, period, principal_fen,
            late_fee_fen, late_fee_waived_fen, late_fee_days, policy_id, policy_version, bill_paid_before,
            bill_status_before, bill_paid_on_before, fee_through_before, fee_carried_before, fee_counted_before,
            late_fee_counted_exact, late_fee_assessed_fen)
        VALUES (p_hall_id, p_payment, line, p_accounts[a], b_period[i], b_principal_paid[i], b_fee_paid[i],
            b_waived[i], b_days[i], pol.id, b_base_version[i], b_paid[i], b_status[i], b_paid_on[i], b_fee_through[i],
            b_carried[i], b_counted[i], b_counted_exact[i], b_assessed[i]);
        FOR v_span IN SELECT value FROM jsonb_array_elements(b_spans[i]) LOOP
            INSERT INTO central.late_fee_spans (hall_id, payment_uuid, line_no, policy_id, policy_version, year_bucket,
                first_day, last_day, days, rate_ppm)
            VALUES (p_hall_id, p_payment, line, pol.id, (v_span ->> 'policy_version')::integer,
                v_span ->> 'year_bucket', (v_span ->> 'first_day')::date, (v_span ->> 'last_day')::date,
                (v_span ->> 'days')::integer, (v_span ->> 'rate_ppm')::bigint);
        END LOOP;
        UPDATE central.bills
           SET paid_fen = paid_after, status = new_status,
               paid_on = CASE WHEN new_status = 'paid' THEN p_on ELSE b_paid_on[i] END,
               fee_through = CASE WHEN b_days[i] > 0 THEN p_on ELSE b_fee_through[i] END,
               fee_carried_fen = carried,
               fee_counted_exact = b_counted[i] + CASE WHEN b_days[i] > 0 THEN b_counted_exact[i] ELSE 0 END
         WHERE hall_id = b_hall[i] AND account_no = p_accounts[a] AND period = b_period[i];
        lines := lines || jsonb_build_object('account_no', p_accounts[a], 'period', b_period[i],
            'principal_fen', b_principal_paid[i], 'late_fee_fen', b_fee_paid[i], 'late_fee_waived_fen', b_waived[i],
            'late_fee_days', b_days[i], 'policy_id', pol.id, 'policy_version', b_base_version[i]);
    END LOOP;
    FOR a IN 1 .. n_accounts LOOP
        IF acc_delta[a] <> 0 THEN
            line := line + 1;
            INSERT INTO central.payment_allocations (hall_id, payment_uuid, line_no, account_no, prepaid_delta_fen)
            VALUES (p_hall_id, p_payment, line, p_accounts[a], acc_delta[a]);
            PERFORM central.move_prepaid(p_accounts[a], acc_delta[a], 'payment', p_payment, NULL);
            lines := lines || jsonb_build_object('account_no', p_accounts[a], 'prepaid_delta_fen', acc_delta[a]);
        END IF;
        after_json := after_json || jsonb_build_object('account_no', p_accounts[a],
            'prepaid_after_fen', acc_prepaid[a] + acc_delta[a]);
    END LOOP;
    RETURN jsonb_build_object('allocations', lines, 'prepaid_after', after_json);
END
$$;
