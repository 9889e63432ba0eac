-- HallDesk store, version 5: a first fill from the centre builds the search tables and the secondary indexes of
-- accounts and contacts once at its end instead of row by row. A first pull of a hall writes hundreds of
-- thousands of accounts: the FTS5 trigram index and the name grams kept up per row cost five times what the rows
-- themselves cost, and the indexes on names, meter and phone numbers take their keys in random order.
--
-- While fill_deferred holds the row 'search', the search triggers do nothing; the other rows are indexes set
-- aside, with the SQL that makes them again. The pull that ends the fill rebuilds the search tables from
-- `accounts`, makes the indexes and empties the table in one transaction (app/sync/PullApplier.cpp). A fill cut
-- short keeps its rows, and the round that completes the fill does the rest.
CREATE TABLE fill_deferred (
    name    TEXT PRIMARY KEY,           -- 'search', or the name of an index set aside
    sql     TEXT NOT NULL DEFAULT '',   -- for an index: its CREATE INDEX statement
    since   TEXT NOT NULL               -- UTC
);

DROP TRIGGER accounts_search_insert;
DROP TRIGGER accounts_search_delete;
DROP TRIGGER accounts_search_update;
DROP TRIGGER accounts_grams_insert;
DROP TRIGGER accounts_grams_update;

CREATE TRIGGER accounts_search_insert AFTER INSERT ON accounts
WHEN NOT EXISTS (SELECT 1 FROM fill_deferred WHERE name = 'search')
BEGIN
    INSERT INTO account_search (rowid, name, address) VALUES (new.id, new.name, new.address);
END;

CREATE TRIGGER accounts_search_delete AFTER DELETE ON accounts
WHEN NOT EXISTS (SELECT 1 FROM fill_deferred WHERE name = 'search')
BEGIN
    INSERT INTO account_search (account_search, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
END;

CREATE TRIGGER accounts_search_update AFTER UPDATE OF name, address ON accounts
WHEN NOT EXISTS (SELECT 1 FROM fill_deferred WHERE name = 'search')
BEGIN
    INSERT INTO account_search (account_search, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
    INSERT INTO account_search (rowid, name, address) VALUES (new.id, new.name, new.address);
END;

CREATE TRIGGER accounts_grams_insert AFTER INSERT ON accounts
WHEN NOT EXISTS (SELECT 1 FROM fill_deferred WHERE name = 'search')
BEGIN
    INSERT OR IGNORE INTO name_grams (gram, account_id)
    SELECT substr(new.name, start, len), new.id FROM name_gram_slices WHERE start + len - 1 <= length(new.name);
END;

CREATE TRIGGER accounts_grams_update AFTER UPDATE OF name ON accounts
WHEN NOT EXISTS (SELECT 1 FROM fill_deferred WHERE name = 'search')
BEGIN
    DELETE FROM name_grams WHERE account_id = old.id;
    INSERT OR IGNORE INTO name_grams (gram, account_id)
    SELECT substr(new.name, start, len), new.id FROM name_gram_slices WHERE start + len - 1 <= length(new.name);
END;
