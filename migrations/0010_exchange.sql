-- why: some units keep their own ledger on machines outside the city's network and exchange
-- signed packages with the city on USB sticks or as OA attachments (issue 11). A ledger
-- must know what it is (the city's, or one unit's), its own SM2 key (the private half is a
-- file beside the ledger, never a row), which keys of the other side it trusts (a person
-- confirmed the fingerprint), which packages went out and came in (their sequence numbers
-- refuse a gap or a replay), and the rows both sides changed since the last exchange
-- (冲突): both versions are kept, the owner's stands until a person takes the other.
-- Rows a unit's package carried outside that unit's subtree are kept here too, listed and
-- not applied.

CREATE TABLE exchange_installation (
    id          TEXT PRIMARY KEY CHECK (id = 'self'),   -- one row
    role        TEXT NOT NULL CHECK (role IN ('city', 'unit')),
    unit_id     TEXT REFERENCES unit(id),                -- the unit of a unit ledger; NULL at the city
    public_key  TEXT NOT NULL,                           -- SEC1 uncompressed point, lowercase hex
    fingerprint TEXT NOT NULL,                           -- SM3 of the public key, uppercase hex
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    CHECK ((role = 'unit') = (unit_id IS NOT NULL))
) STRICT;

-- The other side of each exchange: at the city, one row per unit installation; at a unit,
-- one row for the city (unit_id NULL). A key is trusted once trusted_at is set: at the
-- city by `exchange trust` (the fingerprint compared by phone), at a unit by importing the
-- city's bootstrap package. public_key is known from the first package that carried it.
CREATE TABLE exchange_peer (
    id          TEXT PRIMARY KEY,
    unit_id     TEXT UNIQUE REFERENCES unit(id),         -- NULL: the city
    fingerprint TEXT NOT NULL,
    public_key  TEXT,
    trusted_at  TEXT,
    trusted_by  TEXT,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
) STRICT;

-- Packages written and applied. `channel` names the unit installation of the pair (the
-- same at both ends), `seq` counts per channel and direction from 1 (the bootstrap).
CREATE TABLE exchange_package (
    id          TEXT PRIMARY KEY,
    direction   TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
    channel     TEXT NOT NULL REFERENCES unit(id),
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    made_at     TEXT NOT NULL,                           -- when the sender wrote it
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,                           -- of the package file, lowercase hex
    counts      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counts)),  -- table → {insert, update, delete}
    changes     INTEGER NOT NULL DEFAULT 0,
    conflicts   INTEGER NOT NULL DEFAULT 0,
    refused     INTEGER NOT NULL DEFAULT 0,              -- rows listed, not applied
    state       TEXT NOT NULL CHECK (state IN ('written', 'applied')),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    UNIQUE (channel, direction, seq)
) STRICT;

-- A row both sides changed (kind 'conflict'), or one a package carried that the receiver
-- does not apply (kind 'outside': another unit's row; 'refused': a constraint refused it).
-- `stands` says whose version the ledger holds now.
CREATE TABLE exchange_conflict (
    id          TEXT PRIMARY KEY,
    package_id  TEXT NOT NULL REFERENCES exchange_package(id),
    kind        TEXT NOT NULL CHECK (kind IN ('conflict', 'outside', 'refused')),
    tbl         TEXT NOT NULL,
    row_id      TEXT NOT NULL,
    unit_id     TEXT,                                    -- the row's unit, when it has one
    ours        TEXT CHECK (ours IS NULL OR json_valid(ours)),     -- NULL: not in this ledger
    theirs      TEXT CHECK (theirs IS NULL OR json_valid(theirs)), -- NULL: deleted by the sender
    stands      TEXT NOT NULL CHECK (stands IN ('ours', 'theirs')),
    detail      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
) STRICT;
CREATE INDEX exchange_conflict_by_package ON exchange_conflict(package_id);
