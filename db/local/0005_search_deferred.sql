-- HallDesk store, version 5: the search tables may be built once after a first fill from the centre instead of
-- row by row. A first pull of a hall's accounts writes hundreds of thousands of rows; the FTS5 trigram index and
-- the name grams kept up per row cost five times what the rows themselves cost. While search_deferred holds its
-- row, the search triggers do nothing; the pull that ends the fill rebuilds both tables from `accounts` and
-- deletes the row in the same transaction (app/sync/PullApplier.cpp). A fill cut short keeps the row, and the
-- next round finishes the fill and the rebuild.
CREATE TABLE search_deferred (
    only    INTEGER PRIMARY KEY CHECK (only = 1),
    since   TEXT NOT NULL               -- UTC
);

DROP TRIGGER accounts_search_insert;
DROP TRIGGER accounts_search_delete;
DROP TRIGGER accounts_search_update;
DROP TRIGGER accounts_grams_insert;
DROP TRIGGER accounts_grams_update;

CREATE TRIGGER accounts_search_insert AFTER INSERT ON accounts
WHEN NOT EXISTS (SELECT 1 FROM search_deferred)
BEGIN
    INSERT INTO account_search (rowid, name, address) VALUES (new.id, new.name, new.address);
END;

CREATE TRIGGER accounts_search_delete AFTER DELETE ON accounts
WHEN NOT EXISTS (SELECT 1 FROM search_deferred)
BEGIN
    INSERT INTO account_search (account_search, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
END;

CREATE TRIGGER accounts_search_update AFTER UPDATE OF name, address ON accounts
WHEN NOT EXISTS (SELECT 1 FROM search_deferred)
BEGIN
    INSERT INTO account_search (account_search, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
    INSERT INTO account_search (rowid, name, address) VALUES (new.id, new.name, new.address);
END;

CREATE TRIGGER accounts_grams_insert AFTER INSERT ON accounts
WHEN NOT EXISTS (SELECT 1 FROM search_deferred)
BEGIN
    INSERT OR IGNORE INTO name_grams (gram, account_id)
    SELECT substr(new.name, start, len), new.id FROM name_gram_slices WHERE start + len - 1 <= length(new.name);
END;

CREATE TRIGGER accounts_grams_update AFTER UPDATE OF name ON accounts
WHEN NOT EXISTS (SELECT 1 FROM search_deferred)
BEGIN
    DELETE FROM name_grams WHERE account_id = old.id;
    INSERT OR IGNORE INTO name_grams (gram, account_id)
    SELECT substr(new.name, start, len), new.id FROM name_gram_slices WHERE start + len - 1 <= length(new.name);
END;
