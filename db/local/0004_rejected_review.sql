-- HallDesk store, version 4: a supervisor's handling of the events the centre rejected (docs/sync.md, "Rejected
-- events"). A rejected event stays rejected until it is sent again: "send again" puts it back to 'pending' and counts
-- it here; "mark reviewed" keeps it rejected, off the open list, with who, when and a note. Sending again clears the
-- review, so an event the centre rejects once more is open again.
ALTER TABLE outbox ADD COLUMN reviewed_at TEXT;                                 -- UTC; NULL: open
ALTER TABLE outbox ADD COLUMN reviewed_by INTEGER REFERENCES operators(id);
ALTER TABLE outbox ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN resent_count INTEGER NOT NULL DEFAULT 0 CHECK (resent_count >= 0);
ALTER TABLE outbox ADD COLUMN resent_at TEXT;                                   -- UTC, the last "send again"
ALTER TABLE outbox ADD COLUMN resent_by INTEGER REFERENCES operators(id);

CREATE INDEX outbox_rejected ON outbox (id) WHERE state = 'rejected';
