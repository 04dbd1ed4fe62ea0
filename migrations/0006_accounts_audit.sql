-- why: the task force is some 24 reporting units, a reviewer and the leaders working in one
-- ledger, and a government record must show who changed what (留痕). Accounts give each
-- person a role and a unit whose subtree is their scope (the permission table lives in the
-- core, crates/core/src/auth/permissions.rs). The audit trail keeps one record per changed
-- row — old and new values, who, when, from which machine, why — chained by SM3 hashes so
-- that a record deleted, edited or reordered breaks the chain, and with the digest of each
-- row's state after it, so that a value changed behind the app's back no longer matches.
-- The records are written by the core at the end of every write (audit/seal.rs) from
-- changes captured by per-connection TEMP triggers: a tool that bypasses the app writes no
-- record, which is exactly what `audit verify` then finds. Existing rows of a ledger made
-- before this change get a baseline record when it is first opened (audit/baseline.rs).

CREATE TABLE account (
    id                  TEXT PRIMARY KEY,
    login               TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name        TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'clerk', 'viewer')),
    unit_id             TEXT REFERENCES unit(id),       -- the scope's root; NULL = the whole tree
    password_hash       TEXT NOT NULL,                  -- argon2id PHC string
    password_changed_at TEXT NOT NULL,
    disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),  -- never deleted: the trail names it
    created_at          TEXT NOT NULL,
    created_by          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    updated_by          TEXT NOT NULL
) STRICT;

-- Failed sign-ins and the lock they cause change with every attempt and are not data: kept
-- apart so that the trail records changes to accounts, not typing mistakes.
CREATE TABLE account_login (
    account_id     TEXT PRIMARY KEY REFERENCES account(id),
    failures       INTEGER NOT NULL DEFAULT 0,
    locked_until   TEXT,                                 -- RFC 3339 UTC
    last_signed_in TEXT
) STRICT;

CREATE TABLE audit (
    seq          INTEGER PRIMARY KEY,      -- 1, 2, 3 … without gaps
    at           TEXT NOT NULL,            -- RFC 3339 UTC
    account      TEXT NOT NULL,            -- login name, or desktop:<user> / cli:<user> / system
    display_name TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL,
    machine      TEXT NOT NULL,
    op           TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'baseline')),
    tbl          TEXT NOT NULL,
    row_id       TEXT NOT NULL,
    unit_id      TEXT,                     -- the row's unit, for filtering by unit
    old          TEXT,                     -- JSON: the changed fields before (update), the row (delete)
    new          TEXT,                     -- JSON: the changed fields after (update), the row (insert, baseline)
    row_digest   TEXT,                     -- SM3 of the row's full image after this record; NULL after a delete
    reason       TEXT NOT NULL DEFAULT '',
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL             -- SM3 of prev_hash and this record's content
) STRICT;
CREATE INDEX audit_by_row ON audit(tbl, row_id, seq);
CREATE INDEX audit_by_account ON audit(account, seq);

-- The shape (CREATE TABLE text) of each audited table when it was last baselined: a
-- migration that reshapes a table makes the core baseline its rows again.
CREATE TABLE audit_shape (
    tbl   TEXT PRIMARY KEY,
    shape TEXT NOT NULL
) STRICT;
