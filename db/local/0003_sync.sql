-- HallDesk store, version 3: sync with the central server (docs/sync.md). One watermark per pulled table: the
-- highest central row_version this store has applied. A page of rows and its new watermark are written in one
-- transaction, so a store never holds rows above its watermark that it would not pull again, nor misses any.
CREATE TABLE sync_watermarks (
    table_name  TEXT PRIMARY KEY,
    watermark   INTEGER NOT NULL DEFAULT 0 CHECK (watermark >= 0),
    pulled_at   TEXT NOT NULL               -- UTC
);
