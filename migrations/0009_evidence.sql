-- why: a figure or a register row is believed when its evidence (佐证材料: the signed
-- agreement, the meeting's photo, the county's scanned return) can be shown. Files are kept
-- beside the ledger under their SHA-256 (佐证材料/ab/abcd….pdf), so the same file attached
-- twice is stored once and a file changed on disk is caught; the ledger keeps one row per
-- attachment with the hash, what it is attached to and the unit it belongs to (so the
-- permission table and the trail treat it like its parent's rows). An attachment taken
-- away is marked removed (who and when), never deleted: the trail and the file stay.

CREATE TABLE evidence (
    id           TEXT PRIMARY KEY,
    attached_to  TEXT NOT NULL CHECK (attached_to IN ('entry', 'pairing', 'project', 'register_row', 'unit_return')),
    attached_id  TEXT NOT NULL,            -- progress_entry, pairing, coop_project, register_row or unit_return id
    unit_id      TEXT NOT NULL REFERENCES unit(id),   -- the parent's unit (a project's: its pairing's)
    file_name    TEXT NOT NULL,            -- the name it had when attached
    media_type   TEXT NOT NULL,            -- application/pdf, image/png …
    size_bytes   INTEGER NOT NULL CHECK (size_bytes >= 0 AND size_bytes <= 20971520),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),   -- lowercase hex
    note         TEXT NOT NULL DEFAULT '',
    added_at     TEXT NOT NULL,
    added_by     TEXT NOT NULL,
    removed_at   TEXT,
    removed_by   TEXT,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
) STRICT;
CREATE INDEX evidence_by_target ON evidence(attached_to, attached_id);
CREATE INDEX evidence_by_sha256 ON evidence(sha256);
