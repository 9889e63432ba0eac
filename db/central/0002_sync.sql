-- HallDesk central database, version 2: money rules, the event handlers and their registry, the `sync` API for
-- terminals, administration (terminals, other payment channels), row-level security as a second wall.
-- See docs/sync.md for the contract.
--
-- search_path: every SECURITY DEFINER function and every event handler pins it (pg_catalog, central). The small
-- helpers called many times per event (req_*, late_fee, pay_bill, move_prepaid) and the row triggers do not: a
-- SET clause costs a configuration save/restore on every call and they are only reached from pinned functions
-- or by the administrator; their bodies qualify every central object. EXECUTE on them is not granted to anyone.

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

-- ---------------------------------------------------------------------------------------------------------
-- Reading event payloads. A malformed event is rejected with SQLSTATE HD001 and a reason a person understands.
-- ---------------------------------------------------------------------------------------------------------
CREATE FUNCTION central.reject(p_reason text) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'HD001', MESSAGE = p_reason;
END
$$;

CREATE FUNCTION central.req_text(p_object jsonb, p_key text) RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
    IF jsonb_typeof(p_object -> p_key) IS DISTINCT FROM 'string' THEN
        PERFORM central.reject(format('field "%s" must be a string', p_key));
    END IF;
    RETURN p_object ->> p_key;
END
$$;

CREATE FUNCTION central.opt_text(p_object jsonb, p_key text) RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
    IF p_object -> p_key IS NULL OR jsonb_typeof(p_object -> p_key) = 'null' THEN
        RETURN '';
    END IF;
    RETURN central.req_text(p_object, p_key);
END
$$;

CREATE FUNCTION central.req_int(p_object jsonb, p_key text) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    v numeric;
BEGIN
    IF jsonb_typeof(p_object -> p_key) IS DISTINCT FROM 'number' THEN
        PERFORM central.reject(format('field "%s" must be an integer', p_key));
    END IF;
    v := (p_object ->> p_key)::numeric;
    IF v <> trunc(v) OR v < -9223372036854775808 OR v > 9223372036854775807 THEN
        PERFORM central.reject(format('field "%s" must be an integer, not %s', p_key, v));
    END IF;
    RETURN v::bigint;
END
$$;

CREATE FUNCTION central.req_bool(p_object jsonb, p_key text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
    IF jsonb_typeof(p_object -> p_key) IS DISTINCT FROM 'boolean' THEN
        PERFORM central.reject(format('field "%s" must be true or false', p_key));
    END IF;
    RETURN (p_object ->> p_key)::boolean;
END
$$;

CREATE FUNCTION central.req_date(p_object jsonb, p_key text) RETURNS date
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    t text := central.req_text(p_object, p_key);
BEGIN
    IF t !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
        PERFORM central.reject(format('field "%s" must be a date YYYY-MM-DD, not "%s"', p_key, t));
    END IF;
    RETURN t::date;
EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
    PERFORM central.reject(format('field "%s" is not a valid date: "%s"', p_key, t));
    RETURN NULL;
END
$$;

CREATE FUNCTION central.req_time(p_object jsonb, p_key text) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    t text := central.req_text(p_object, p_key);
BEGIN
    IF t !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})$' THEN
        PERFORM central.reject(format('field "%s" must be a UTC time YYYY-MM-DDTHH:MM:SSZ, not "%s"', p_key, t));
    END IF;
    RETURN t::timestamptz;
EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
    PERFORM central.reject(format('field "%s" is not a valid time: "%s"', p_key, t));
    RETURN NULL;
END
$$;

CREATE FUNCTION central.req_array(p_object jsonb, p_key text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
    IF jsonb_typeof(p_object -> p_key) IS DISTINCT FROM 'array' THEN
        PERFORM central.reject(format('field "%s" must be an array', p_key));
    END IF;
    RETURN p_object -> p_key;
END
$$;

CREATE FUNCTION central.opt_array(p_object jsonb, p_key text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
    IF p_object -> p_key IS NULL OR jsonb_typeof(p_object -> p_key) = 'null' THEN
        RETURN '[]';
    END IF;
    RETURN central.req_array(p_object, p_key);
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- The late fee (docs/counter.md, app/billing/LateFee.cpp): overdue days from the day after the due date (plus
-- grace days), or after fee_through, to the day of payment inclusive; days in the due date's calendar year at
-- the due-year rate, later days at the later-years rate; on the outstanding principal; rounded once, half up;
-- any fee owed at all is at least the policy's minimum; a fee carried from a partial payment is added.
-- ---------------------------------------------------------------------------------------------------------
CREATE FUNCTION central.late_fee(
    p_minimum_fen bigint, p_grace_days integer, p_due_year_ppm bigint, p_later_years_ppm bigint,
    p_outstanding_fen bigint, p_due date, p_fee_through date, p_carried_fen bigint, p_on date,
    OUT fee_fen bigint, OUT days integer)
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    first_day date := p_due + p_grace_days + 1;
    last_of_due_year date := make_date(extract(year FROM p_due)::integer, 12, 31);
    due_year_days integer;
    ppm_days numeric;
BEGIN
    fee_fen := coalesce(p_carried_fen, 0);
    days := 0;
    IF p_fee_through IS NOT NULL AND p_fee_through >= first_day THEN
        first_day := p_fee_through + 1;
    END IF;
    IF p_on < first_day THEN
        RETURN;
    END IF;
    days := p_on - first_day + 1;
    due_year_days := CASE WHEN first_day > last_of_due_year THEN 0 ELSE least(p_on, last_of_due_year) - first_day + 1 END;
    IF p_outstanding_fen <= 0 THEN
        RETURN;
    END IF;
    ppm_days := p_due_year_ppm::numeric * due_year_days + p_later_years_ppm::numeric * (days - due_year_days);
    IF ppm_days <= 0 THEN
        RETURN;
    END IF;
    fee_fen := fee_fen + greatest(div(p_outstanding_fen::numeric * ppm_days + 500000, 1000000)::bigint, p_minimum_fen);
END
$$;

-- Moves an account's prepaid balance, with its ledger line. The account row must be locked by the caller.
CREATE FUNCTION central.move_prepaid(p_account_no text, p_delta bigint, p_note text, p_payment uuid, p_void uuid)
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
CREATE FUNCTION central.allocate(p_hall_id integer, p_payment uuid, p_accounts text[], p_amount bigint, p_on date,
    p_waivers jsonb)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, central
AS $$
DECLARE
    n_accounts integer := coalesce(array_length(p_accounts, 1), 0);
    pol record;
    rates record;
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
        SELECT
            max(rate_ppm) FILTER (WHERE year_bucket = 'due_year') AS due_year,
            max(rate_ppm) FILTER (WHERE year_bucket = 'later_years') AS later_years
          INTO rates
          FROM central.late_fee_rates
         WHERE policy_id = pol.id AND policy_version = pol.version AND customer_class = acc.customer_class;
        IF rates.due_year IS NULL OR rates.later_years IS NULL THEN
            PERFORM central.reject(format('late-fee policy %s v%s has no rate for %s customers', pol.id, pol.version,
                acc.customer_class));
        END IF;
        FOR bill IN
            SELECT * FROM central.bills
             WHERE hall_id = acc.hall_id AND account_no = p_accounts[a] AND status <> 'paid'
             ORDER BY due_date, period
             FOR UPDATE
        LOOP
            i := coalesce(array_length(b_acc, 1), 0) + 1;
            lf := central.late_fee(pol.minimum_fee_fen, pol.grace_days, rates.due_year, rates.later_years,
                bill.amount_fen - bill.paid_fen, bill.due_date, bill.fee_through, bill.fee_carried_fen, p_on);
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
            bill_status_before, bill_paid_on_before, fee_through_before, fee_carried_before)
        VALUES (p_hall_id, p_payment, line, p_accounts[a], b_period[i], b_principal_paid[i], b_fee_paid[i],
            b_waived[i], b_days[i], pol.id, pol.version, b_paid[i], b_status[i], b_paid_on[i], b_fee_through[i],
            b_carried[i]);
        UPDATE central.bills
           SET paid_fen = paid_after, status = new_status,
               paid_on = CASE WHEN new_status = 'paid' THEN p_on ELSE b_paid_on[i] END,
               fee_through = CASE WHEN b_days[i] > 0 THEN p_on ELSE b_fee_through[i] END,
               fee_carried_fen = carried
         WHERE hall_id = b_hall[i] AND account_no = p_accounts[a] AND period = b_period[i];
        lines := lines || jsonb_build_object('account_no', p_accounts[a], 'period', b_period[i],
            'principal_fen', b_principal_paid[i], 'late_fee_fen', b_fee_paid[i], 'late_fee_waived_fen', b_waived[i],
            'late_fee_days', b_days[i], 'policy_id', pol.id, 'policy_version', pol.version);
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

-- The identity of the connected terminal, from session_user (never from anything the client sends).
CREATE FUNCTION central.terminal_of(p_role name,
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
CREATE FUNCTION central.handle_payment_posted(p_hall_id integer, p_terminal_id integer, p_event jsonb)
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

CREATE FUNCTION central.handle_payment_voided(p_hall_id integer, p_terminal_id integer, p_event jsonb)
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
                   fee_through = l.fee_through_before, fee_carried_fen = l.fee_carried_before
             WHERE hall_id = b.hall_id AND account_no = b.account_no AND period = b.period;
        ELSE
            -- a later payment (another channel) touched it: take back only this payment's money; its fee is owed again
            v_paid := b.paid_fen - l.principal_fen;
            v_carried := b.fee_carried_fen + l.late_fee_fen;
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

CREATE FUNCTION central.handle_settlement_closed(p_hall_id integer, p_terminal_id integer, p_event jsonb)
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

CREATE FUNCTION central.handle_prepaid_refunded(p_hall_id integer, p_terminal_id integer, p_event jsonb)
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

INSERT INTO central.event_types (type, handler, description, added_in) VALUES
    ('payment.posted', 'central.handle_payment_posted(integer, integer, jsonb)',
     'a counter payment; the centre re-derives its allocation', 2),
    ('payment.voided', 'central.handle_payment_voided(integer, integer, jsonb)',
     'a same-day void (冲正) of a counter payment; reversed exactly', 2),
    ('settlement.closed', 'central.handle_settlement_closed(integer, integer, jsonb)',
     'a shift''s daily settlement (日结), recorded with the centre''s own total', 2),
    ('prepaid.refunded', 'central.handle_prepaid_refunded(integer, integer, jsonb)',
     'cash paid out of a prepaid balance at the counter', 2);

-- ---------------------------------------------------------------------------------------------------------
-- What a terminal pulls: one view per cached table, (hall_id, row_version, row json), hall_id NULL for rows
-- every hall caches. json, not jsonb: a page is built once and sent as text, and json_agg is twice as fast. Rows are keyed by natural keys (codes, account numbers, periods), never by central ids.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE central.pull_tables (
    name        text PRIMARY KEY,
    view_name   name NOT NULL,
    everywhere  boolean NOT NULL,            -- every hall gets every row (rule tables)
    ordinal     integer NOT NULL UNIQUE      -- the order a client pulls in (parents before children)
);

CREATE VIEW central.pull_halls AS
SELECT h.hall_id, h.row_version, json_build_object('code', h.code, 'name', h.name, 'region', h.region,
    'province', h.province, 'district', h.district, 'address', h.address, 'phone', h.phone, 'timezone', h.timezone,
    'late_fee_policy', h.late_fee_policy, 'row_version', h.row_version) AS row
FROM central.halls h;

CREATE VIEW central.pull_terminals AS
SELECT t.hall_id, t.row_version, json_build_object('hall_code', h.code, 'code', t.code, 'name', t.name,
    'active', t.active, 'row_version', t.row_version) AS row
FROM central.terminals t JOIN central.halls h USING (hall_id);

CREATE VIEW central.pull_operators AS
SELECT o.hall_id, o.row_version, json_build_object('code', o.code, 'name', o.name, 'hall_code', h.code,
    'password_hash', o.password_hash, 'roles', to_json(o.roles), 'active', o.active, 'row_version', o.row_version) AS row
FROM central.operators o LEFT JOIN central.halls h USING (hall_id);

CREATE VIEW central.pull_transformer_areas AS
SELECT a.hall_id, a.row_version, json_build_object('code', a.code, 'name', a.name, 'hall_code', h.code,
    'collector_code', a.collector_code, 'row_version', a.row_version) AS row
FROM central.transformer_areas a JOIN central.halls h USING (hall_id);

CREATE VIEW central.pull_accounts AS
SELECT a.hall_id, a.row_version, json_build_object('account_no', a.account_no, 'name', a.name,
    'customer_class', a.customer_class, 'address', a.address, 'hall_code', h.code, 'area_code', a.area_code,
    'meter_no', a.meter_no, 'status', a.status, 'risk_level', a.risk_level, 'collector_code', a.collector_code,
    'prepaid_fen', a.prepaid_fen, 'id_card_no', a.id_card_no, 'opened_on', a.opened_on,
    'updated_at', to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'row_version', a.row_version) AS row
FROM central.accounts a JOIN central.halls h USING (hall_id);

CREATE VIEW central.pull_contacts AS
SELECT c.hall_id, c.row_version, json_build_object('account_no', c.account_no, 'phone', c.phone,
    'mobile', c.mobile, 'wechat', c.wechat, 'email', c.email,
    'updated_at', to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'row_version', c.row_version) AS row
FROM central.contacts c;

CREATE VIEW central.pull_payer_groups AS
SELECT m.hall_id, g.row_version, json_build_object('code', g.code, 'name', g.name, 'kind', g.kind,
    'row_version', g.row_version) AS row
FROM central.payer_groups g JOIN (SELECT DISTINCT hall_id, group_code FROM central.payer_group_members) m
  ON m.group_code = g.code;

CREATE VIEW central.pull_payer_group_members AS
SELECT m.hall_id, m.row_version, json_build_object('group_code', m.group_code, 'account_no', m.account_no,
    'row_version', m.row_version) AS row
FROM central.payer_group_members m;

CREATE VIEW central.pull_bills AS
SELECT b.hall_id, b.row_version, json_build_object('account_no', b.account_no, 'period', b.period, 'kwh', b.kwh,
    'amount_fen', b.amount_fen, 'issue_date', b.issue_date, 'due_date', b.due_date, 'paid_fen', b.paid_fen,
    'status', b.status, 'paid_on', b.paid_on, 'fee_through', b.fee_through, 'fee_carried_fen', b.fee_carried_fen,
    'row_version', b.row_version) AS row
FROM central.bills b;

CREATE VIEW central.pull_late_fee_policies AS
SELECT NULL::integer AS hall_id, p.row_version, json_build_object('id', p.id, 'version', p.version, 'name', p.name,
    'effective_from', p.effective_from, 'minimum_fee_fen', p.minimum_fee_fen, 'grace_days', p.grace_days,
    'allocation_order', p.allocation_order, 'row_version', p.row_version) AS row
FROM central.late_fee_policies p;

CREATE VIEW central.pull_late_fee_rates AS
SELECT NULL::integer AS hall_id, r.row_version, json_build_object('policy_id', r.policy_id,
    'policy_version', r.policy_version, 'customer_class', r.customer_class, 'year_bucket', r.year_bucket,
    'rate_ppm', r.rate_ppm, 'row_version', r.row_version) AS row
FROM central.late_fee_rates r;

INSERT INTO central.pull_tables (name, view_name, everywhere, ordinal) VALUES
    ('halls', 'pull_halls', false, 10),
    ('late_fee_policies', 'pull_late_fee_policies', true, 20),
    ('late_fee_rates', 'pull_late_fee_rates', true, 30),
    ('operators', 'pull_operators', false, 40),
    ('terminals', 'pull_terminals', false, 50),
    ('transformer_areas', 'pull_transformer_areas', false, 60),
    ('accounts', 'pull_accounts', false, 70),
    ('contacts', 'pull_contacts', false, 80),
    ('payer_groups', 'pull_payer_groups', false, 90),
    ('payer_group_members', 'pull_payer_group_members', false, 100),
    ('bills', 'pull_bills', false, 110);

-- ---------------------------------------------------------------------------------------------------------
-- The sync API: all a terminal may call. SECURITY DEFINER (owner halldesk_owner), search_path pinned, the
-- terminal's identity from session_user. Nothing relies on session state (pgbouncer transaction pooling).
-- ---------------------------------------------------------------------------------------------------------

-- Who am I, as the server knows it. p_client: anything the client wants to report (version, host); stored.
CREATE FUNCTION sync.hello(p_client jsonb DEFAULT '{}')
RETURNS jsonb
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
DECLARE
    me record := central.terminal_of(session_user);
    h record;
BEGIN
    SELECT * INTO h FROM central.halls WHERE hall_id = me.hall_id;
    INSERT INTO central.terminal_contacts (terminal_id, last_hello_at, client_info)
    VALUES (me.terminal_id, now(), coalesce(p_client, '{}'))
    ON CONFLICT (terminal_id) DO UPDATE SET last_hello_at = excluded.last_hello_at, client_info = excluded.client_info;
    RETURN jsonb_build_object(
        'api_version', 1,
        'schema_version', (SELECT max(version) FROM central.schema_version),
        'hall_code', h.code, 'hall_name', h.name, 'timezone', h.timezone, 'late_fee_policy', h.late_fee_policy,
        'terminal_code', me.terminal_code, 'role', session_user::text,
        'server_time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'event_types', (SELECT jsonb_agg(type ORDER BY type) FROM central.event_types),
        'tables', (SELECT jsonb_agg(name ORDER BY ordinal) FROM central.pull_tables),
        'max_batch', (SELECT value::integer FROM central.settings WHERE key = 'sync.max_batch'),
        'max_page', (SELECT value::integer FROM central.settings WHERE key = 'sync.max_page'));
END
$$;

-- Apply a batch of outbox events in the calling transaction. Each event: {uuid, type, seq, terminal_code,
-- hall_code, created_at, payload}. Returns [{uuid, seq, result: accepted|duplicate|rejected, reason, note}], one per
-- event, in order. Each event runs in its own subtransaction: a rejected one leaves no trace but its rejection
-- row and does not stop the rest. A deadlock or serialization failure aborts the whole call (retry it: duplicates
-- change nothing).
CREATE FUNCTION sync.push(p_events jsonb)
RETURNS jsonb
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
DECLARE
    me record := central.terminal_of(session_user);
    ev jsonb;
    v_uuid_text text;
    v_uuid uuid;
    v_type text;
    v_seq bigint;
    v_handler text;
    v_owner integer;
    v_result text;
    v_reason text;
    v_note text;
    v_state text;
    results jsonb[] := '{}';
    v_handlers jsonb;
    v_open_rejections boolean;
BEGIN
    IF jsonb_typeof(p_events) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION USING ERRCODE = 'HD003', MESSAGE = 'sync.push takes a JSON array of events';
    END IF;
    IF jsonb_array_length(p_events) > (SELECT value::integer FROM central.settings WHERE key = 'sync.max_batch') THEN
        RAISE EXCEPTION USING ERRCODE = 'HD003', MESSAGE = format('a batch of %s events is more than sync.max_batch',
            jsonb_array_length(p_events));
    END IF;
    -- the registry, once per call: type -> the handler's quoted name
    SELECT jsonb_object_agg(e.type, format('%I.%I', n.nspname, p.proname)) INTO v_handlers
      FROM central.event_types e JOIN pg_proc p ON p.oid = e.handler::oid JOIN pg_namespace n ON n.oid = p.pronamespace;
    v_open_rejections := EXISTS (SELECT 1 FROM central.rejected_events
                                  WHERE terminal_id = me.terminal_id AND resolved_at IS NULL);
    FOR ev IN SELECT value FROM jsonb_array_elements(p_events) LOOP
        v_uuid_text := CASE WHEN jsonb_typeof(ev) = 'object' THEN ev ->> 'uuid' END;
        v_uuid := NULL;
        v_type := CASE WHEN jsonb_typeof(ev) = 'object' THEN ev ->> 'type' END;
        v_seq := NULL;
        v_note := '';
        v_reason := '';
        BEGIN
            IF jsonb_typeof(ev) IS DISTINCT FROM 'object' THEN
                PERFORM central.reject('an event must be a JSON object');
            END IF;
            IF v_uuid_text IS NULL OR v_uuid_text !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
                PERFORM central.reject(format('uuid "%s" is not a UUID', coalesce(v_uuid_text, '')));
            END IF;
            v_uuid := v_uuid_text::uuid;
            v_seq := central.req_int(ev, 'seq');
            -- identity: the event must be this connection's terminal, as the server knows it
            IF central.req_text(ev, 'terminal_code') IS DISTINCT FROM me.terminal_code
               OR central.req_text(ev, 'hall_code') IS DISTINCT FROM me.hall_code
               OR coalesce(ev -> 'payload' ->> 'terminal_code', me.terminal_code) IS DISTINCT FROM me.terminal_code
               OR coalesce(ev -> 'payload' ->> 'hall_code', me.hall_code) IS DISTINCT FROM me.hall_code THEN
                PERFORM central.reject(format('the event claims terminal %s of hall %s; this connection is terminal %s of hall %s',
                    coalesce(ev -> 'payload' ->> 'terminal_code', ev ->> 'terminal_code'),
                    coalesce(ev -> 'payload' ->> 'hall_code', ev ->> 'hall_code'), me.terminal_code, me.hall_code));
            END IF;
            v_handler := v_handlers ->> v_type;
            IF v_handler IS NULL THEN
                PERFORM central.reject(format('unknown event type "%s"', coalesce(v_type, '')));
            END IF;
            IF jsonb_typeof(ev -> 'payload') IS DISTINCT FROM 'object' THEN
                PERFORM central.reject('payload must be a JSON object');
            END IF;
            -- the idempotency record first: a concurrent push of the same event waits here, then sees a duplicate
            INSERT INTO central.applied_events (event_uuid, hall_id, terminal_id, local_seq, type, payload, created_at)
            VALUES (v_uuid, me.hall_id, me.terminal_id, v_seq, v_type, ev -> 'payload',
                CASE WHEN ev ? 'created_at' THEN central.req_time(ev, 'created_at') END)
            ON CONFLICT (event_uuid) DO NOTHING;
            IF NOT FOUND THEN
                SELECT terminal_id INTO v_owner FROM central.applied_events WHERE event_uuid = v_uuid;
                IF v_owner <> me.terminal_id THEN
                    PERFORM central.reject(format('uuid %s was already used by another terminal', v_uuid));
                END IF;
                v_result := 'duplicate';
            ELSE
                EXECUTE 'SELECT ' || v_handler || '($1, $2, $3)' INTO v_note USING me.hall_id, me.terminal_id, ev;
                v_note := coalesce(v_note, '');
                IF v_note <> '' THEN
                    UPDATE central.applied_events SET note = v_note WHERE event_uuid = v_uuid;
                END IF;
                IF v_open_rejections THEN
                    UPDATE central.rejected_events SET resolved_at = now(), resolved_note = 'accepted when pushed again'
                     WHERE terminal_id = me.terminal_id AND event_uuid = v_uuid AND resolved_at IS NULL;
                END IF;
                v_result := 'accepted';
            END IF;
        EXCEPTION
            WHEN deadlock_detected OR serialization_failure OR lock_not_available THEN
                RAISE;
            WHEN OTHERS THEN
                GET STACKED DIAGNOSTICS v_reason = MESSAGE_TEXT, v_state = RETURNED_SQLSTATE;
                IF v_state <> 'HD001' THEN
                    v_reason := format('%s (SQLSTATE %s)', v_reason, v_state);
                END IF;
                v_result := 'rejected';
        END;
        IF v_result = 'rejected' THEN
            INSERT INTO central.rejected_events (hall_id, event_uuid, terminal_id, local_seq, type, reason, envelope)
            VALUES (me.hall_id, v_uuid, me.terminal_id,
                CASE WHEN jsonb_typeof(ev -> 'seq') = 'number' AND (ev ->> 'seq') ~ '^[0-9]{1,18}$' THEN (ev ->> 'seq')::bigint END,
                left(v_type, 100), v_reason, ev)
            ON CONFLICT (terminal_id, event_uuid) WHERE event_uuid IS NOT NULL
            DO UPDATE SET reason = excluded.reason, envelope = excluded.envelope, attempts = central.rejected_events.attempts + 1,
                          last_at = now(), resolved_at = NULL, resolved_note = '';
        END IF;
        results := array_append(results, jsonb_build_object('uuid', v_uuid_text, 'seq', ev -> 'seq',
            'result', v_result, 'reason', v_reason, 'note', v_note));
    END LOOP;
    RETURN to_jsonb(results);
END
$$;

-- One page of a cached table for this terminal's hall: rows and deletions with row_version above p_after, in
-- row_version order, at most p_page_size of them together. Returns {table, rows, deleted, watermark, more}:
-- apply rows (upsert by natural key) and deleted (keys) and store watermark in one local transaction; call
-- again while more is true. Must run in READ COMMITTED (the default).
CREATE FUNCTION sync.pull(p_table text, p_after bigint, p_page_size integer)
RETURNS json
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
DECLARE
    me record := central.terminal_of(session_user);
    t record;
    v_fence bigint;
    v_page integer;
    v_rows json;
    v_deleted json;
    v_count integer;
    v_last bigint;
    v_more boolean;
    v_watermark bigint;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION USING ERRCODE = 'HD003', MESSAGE = 'sync.pull must run in READ COMMITTED';
    END IF;
    SELECT * INTO t FROM central.pull_tables WHERE name = p_table;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'HD003', MESSAGE = format('there is no table "%s" to pull', p_table);
    END IF;
    v_page := least(greatest(coalesce(p_page_size, 1000), 1),
        (SELECT value::integer FROM central.settings WHERE key = 'sync.max_page'));
    p_after := greatest(coalesce(p_after, 0), 0);
    -- first the fence (its own statement), then the rows (a later snapshot): see central.pull_fence
    v_fence := central.pull_fence();
    -- rows and tombstones merged in row_version order; one more than a page is read to know whether more follow
    EXECUTE format(
        'SELECT coalesce(json_agg(u.row ORDER BY u.row_version) FILTER (WHERE u.row IS NOT NULL AND u.n <= $4), ''[]''),
                coalesce(json_agg(u.key ORDER BY u.row_version) FILTER (WHERE u.key IS NOT NULL AND u.n <= $4), ''[]''),
                count(*), max(u.row_version) FILTER (WHERE u.n <= $4)
           FROM (SELECT x.row_version, x.row, x.key, row_number() OVER (ORDER BY x.row_version) AS n
                   FROM ((SELECT v.row_version, v.row, NULL::json AS key FROM central.%I v
                           WHERE %s v.row_version > $2 AND v.row_version <= $3 ORDER BY v.row_version LIMIT $4 + 1)
                         UNION ALL
                         (SELECT s.row_version, NULL::json, s.key::json FROM central.tombstones s
                           WHERE s.table_name = $5 AND (s.hall_id = $1 OR s.hall_id IS NULL)
                             AND s.row_version > $2 AND s.row_version <= $3 ORDER BY s.row_version LIMIT $4 + 1)) x
                  ORDER BY x.row_version LIMIT $4 + 1) u',
        t.view_name, CASE WHEN t.everywhere THEN '' ELSE 'v.hall_id = $1 AND' END)
      INTO v_rows, v_deleted, v_count, v_last
      USING me.hall_id, p_after, v_fence, v_page, p_table;
    v_more := v_count > v_page;
    IF v_more THEN
        v_watermark := v_last;
    ELSE
        -- everything of this hall up to the fence was sent: the watermark may move to the fence
        v_watermark := greatest(p_after, v_fence);
    END IF;
    RETURN json_build_object('table', p_table, 'rows', v_rows, 'deleted', v_deleted, 'watermark', v_watermark,
        'more', v_more);
END
$$;

-- For the supervisor screen: the rejected events of this terminal's hall (open ones, or all).
CREATE FUNCTION sync.rejected_events(p_include_resolved boolean DEFAULT false, p_limit integer DEFAULT 500)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'uuid', r.event_uuid, 'terminal_code', t.code, 'seq', r.local_seq, 'type', r.type,
               'reason', r.reason, 'event', r.envelope, 'attempts', r.attempts,
               'first_at', to_char(r.first_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'last_at', to_char(r.last_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'resolved_at', to_char(r.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'resolved_note', r.resolved_note)
               ORDER BY r.last_at DESC, r.rejection_id DESC), '[]')
      FROM (SELECT * FROM central.rejected_events
             WHERE hall_id = (central.terminal_of(session_user)).hall_id
               AND (p_include_resolved OR resolved_at IS NULL)
             ORDER BY last_at DESC, rejection_id DESC
             LIMIT least(greatest(p_limit, 1), 5000)) r
      JOIN central.terminals t USING (terminal_id)
$$;

-- The hall of the connected terminal (NULL for anyone else): used by the row-level security policies.
CREATE FUNCTION sync.my_hall_id()
RETURNS integer
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
    SELECT hall_id FROM central.terminals WHERE role_name = session_user AND active
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Administration (not for terminals).
-- ---------------------------------------------------------------------------------------------------------

-- Create a terminal's login role (member of halldesk_terminal) and register it. Run as a role with CREATEROLE
-- (the administrator); the password is the terminal's secret, shown once by `halldeskctl central terminal add`.
-- Returns the role name.
CREATE FUNCTION central.add_terminal(p_hall_code text, p_terminal_code text, p_password text, p_name text DEFAULT '')
RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, central
AS $$
DECLARE
    v_hall integer;
    v_role text := lower(format('halldesk_%s_%s_%s', current_database(), p_hall_code, p_terminal_code));
BEGIN
    SELECT hall_id INTO v_hall FROM central.halls WHERE code = p_hall_code;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no hall %', p_hall_code;
    END IF;
    IF length(v_role) > 63 OR v_role !~ '^[a-z0-9_]+$' THEN
        RAISE EXCEPTION 'cannot make a role name from database %, hall % and terminal %', current_database(),
            p_hall_code, p_terminal_code;
    END IF;
    IF coalesce(length(p_password), 0) < 12 THEN
        RAISE EXCEPTION 'a terminal password needs at least 12 characters';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_role) THEN
        RAISE EXCEPTION 'role % exists already', v_role;
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT '
                   'CONNECTION LIMIT 8 PASSWORD %L IN ROLE halldesk_terminal', v_role, p_password);
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', v_role, '60s');
    EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', v_role, '120s');
    INSERT INTO central.terminals (hall_id, code, name, role_name) VALUES (v_hall, p_terminal_code, coalesce(p_name, ''), v_role);
    RETURN v_role;
END
$$;

-- A payment made outside the halls (bank withholding, WeChat, Alipay, online): applied to the account's bills
-- like a counter payment (oldest first, fee then principal, the rest prepaid). Idempotent by p_uuid: the same
-- uuid again returns the recorded result with "result": "duplicate".
CREATE FUNCTION central.record_external_payment(p_account_no text, p_amount_fen bigint, p_channel text, p_uuid uuid)
RETURNS jsonb
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, central
AS $$
DECLARE
    acc record;
    prior record;
    v_on date;
    v_result jsonb;
BEGIN
    IF p_channel NOT IN ('bank', 'wechat', 'alipay', 'online') THEN
        RAISE EXCEPTION 'unknown channel % (bank, wechat, alipay, online)', p_channel;
    END IF;
    IF p_amount_fen IS NULL OR p_amount_fen <= 0 THEN
        RAISE EXCEPTION 'the amount must be more than zero';
    END IF;
    SELECT * INTO prior FROM central.payments WHERE payment_uuid = p_uuid;
    IF FOUND THEN
        IF prior.account_nos <> ARRAY[p_account_no] OR prior.amount_fen <> p_amount_fen OR prior.channel <> p_channel THEN
            RAISE EXCEPTION 'payment % exists with other details', p_uuid;
        END IF;
        RETURN jsonb_build_object('uuid', p_uuid, 'result', 'duplicate', 'account_no', p_account_no,
            'amount_fen', p_amount_fen);
    END IF;
    SELECT a.hall_id, h.timezone INTO acc FROM central.accounts a JOIN central.halls h USING (hall_id)
     WHERE a.account_no = p_account_no;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no account %', p_account_no;
    END IF;
    v_on := (now() AT TIME ZONE acc.timezone)::date;
    INSERT INTO central.payments (hall_id, payment_uuid, kind, channel, business_date, created_at, account_nos,
        amount_fen, tendered_fen)
    VALUES (acc.hall_id, p_uuid, 'payment', p_channel, v_on, now(), ARRAY[p_account_no], p_amount_fen, p_amount_fen);
    INSERT INTO central.payment_tenders (hall_id, payment_uuid, line_no, method, amount_fen, tendered_fen)
    VALUES (acc.hall_id, p_uuid, 1, p_channel, p_amount_fen, p_amount_fen);
    v_result := central.allocate(acc.hall_id, p_uuid, ARRAY[p_account_no], p_amount_fen, v_on, '[]');
    RETURN jsonb_build_object('uuid', p_uuid, 'result', 'accepted', 'account_no', p_account_no,
        'amount_fen', p_amount_fen, 'business_date', v_on) || v_result;
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Row-level security, the second wall. Terminals have no table privileges at all (the first wall); should one
-- ever be granted by mistake, these policies still limit a terminal to its own hall's rows. The owner (which
-- runs the sync functions) and superusers are not subject to them.
-- ---------------------------------------------------------------------------------------------------------
DO $rls$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['terminals', 'operators', 'transformer_areas', 'accounts', 'contacts',
        'payer_group_members', 'bills', 'payments', 'payment_tenders', 'payment_allocations', 'late_fee_waivers',
        'voids', 'prepaid_ledger', 'settlements', 'settlement_lines', 'settlement_cash_counts', 'applied_events',
        'rejected_events']
    LOOP
        EXECUTE format('ALTER TABLE central.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY hall_slice ON central.%I TO halldesk_terminal '
                       'USING (hall_id = sync.my_hall_id()) WITH CHECK (hall_id = sync.my_hall_id())', t);
    END LOOP;
END
$rls$;

-- Privileges: terminals execute the sync API and nothing else.
REVOKE ALL ON ALL TABLES IN SCHEMA central FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA central FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA sync FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.hello(jsonb), sync.push(jsonb), sync.pull(text, bigint, integer),
    sync.rejected_events(boolean, integer), sync.my_hall_id() TO halldesk_terminal;

INSERT INTO central.schema_version (version, name) VALUES (2, 'sync');
