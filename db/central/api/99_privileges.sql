-- HallDesk central database, re-applied API: who may run what, stated again after every definition.
-- `halldeskctl central migrate` runs every db/central/api/*.sql, in name order and in one transaction, after the
-- numbered migrations, each time (docs/sync.md "Functions and views"). CREATE OR REPLACE keeps a function's or
-- view's owner and privileges; a function made new (a new one, or one a migration dropped to change its
-- arguments) gets none from PUBLIC through the owner's default privileges (0001), and this file grants it.

SET LOCAL ROLE halldesk_owner;
SET LOCAL search_path = pg_catalog, central;

-- Terminals execute the sync API and nothing else; nobody but the owner reads a table or view (docs/sync.md
-- "Security model"). A sync function that terminals may call is named here.
REVOKE ALL ON ALL TABLES IN SCHEMA central FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA central FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA sync FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    sync.hello(jsonb),
    sync.push(jsonb),
    sync.pull(text, bigint, integer),
    sync.pull_rows(text, bigint, integer),
    sync.rejected_events(boolean, integer),
    sync.my_hall_id(),
    sync.verify_id_card(text, text),
    sync.anchor_audit(bigint, text),
    sync.audit_anchors()
TO halldesk_terminal;
