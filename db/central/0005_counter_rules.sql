-- reserved: counter rules (issue 15), replaced on merge
-- (the central migrator checks that each file records its own version, so the placeholder records it too)
INSERT INTO central.schema_version (version, name) VALUES (5, 'counter_rules');
