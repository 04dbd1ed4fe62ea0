-- why: the core ledger. Actions group indicators; responsible units form a tree; targets
-- and progress entries are the numbers. Every row carries a UUID (stable across machines,
-- so county packages can later be merged by id) and created/updated stamps with the actor,
-- so an audit trail and permission checks can be added in the core without reshaping data.
-- Values are REAL: integers up to 2^53 sum exactly and decimals are rounded to the
-- indicator's places when shown.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE setting (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
) STRICT;

CREATE TABLE action (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    name_en     TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    sort_order  INTEGER NOT NULL DEFAULT 0,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
) STRICT;

CREATE TABLE unit (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    name_en     TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL CHECK (kind IN ('city', 'county', 'zone', 'department', 'party', 'other')),
    parent_id   TEXT REFERENCES unit(id),
    sort_order  INTEGER NOT NULL DEFAULT 0,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
CREATE INDEX unit_by_parent ON unit(parent_id);

CREATE TABLE indicator (
    id          TEXT PRIMARY KEY,
    action_id   TEXT NOT NULL REFERENCES action(id),
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    name_en     TEXT NOT NULL DEFAULT '',
    measure     TEXT NOT NULL,              -- the unit of measure: 处, 名, 条, 篇, 家, 个, 场次, 人次, 万元 ...
    headline    INTEGER NOT NULL DEFAULT 0 CHECK (headline IN (0, 1)),
    decimals    INTEGER NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 4),
    pacing      TEXT NOT NULL DEFAULT 'linear' CHECK (pacing IN ('linear', 'quarterly')),
    sort_order  INTEGER NOT NULL DEFAULT 0,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
) STRICT;
CREATE INDEX indicator_by_action ON indicator(action_id, sort_order);

CREATE TABLE target (
    id           TEXT PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES indicator(id),
    unit_id      TEXT NOT NULL REFERENCES unit(id),
    period_start TEXT NOT NULL,             -- ISO date, inclusive
    period_end   TEXT NOT NULL,             -- ISO date, inclusive
    value        REAL NOT NULL CHECK (value >= 0),
    is_sample    INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    CHECK (period_end >= period_start),
    UNIQUE (indicator_id, unit_id, period_start, period_end)
) STRICT;
CREATE INDEX target_by_unit ON target(unit_id, indicator_id);

-- Optional cumulative milestones of a target, for the quarterly-steps curve.
CREATE TABLE target_milestone (
    id         TEXT PRIMARY KEY,
    target_id  TEXT NOT NULL REFERENCES target(id) ON DELETE CASCADE,
    due_on     TEXT NOT NULL,               -- ISO date, usually a quarter end
    value      REAL NOT NULL CHECK (value >= 0),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    UNIQUE (target_id, due_on)
) STRICT;

CREATE TABLE progress_entry (
    id           TEXT PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES indicator(id),
    unit_id      TEXT NOT NULL REFERENCES unit(id),
    occurred_on  TEXT NOT NULL,             -- ISO date the work happened
    value        REAL NOT NULL CHECK (value >= 0),
    note         TEXT NOT NULL DEFAULT '',
    is_sample    INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
) STRICT;
-- City-wide sums scan one indicator's date range; unit drill-down reads one unit's rows.
CREATE INDEX entry_by_indicator ON progress_entry(indicator_id, occurred_on, unit_id, value);
CREATE INDEX entry_by_unit ON progress_entry(unit_id, indicator_id, occurred_on);
