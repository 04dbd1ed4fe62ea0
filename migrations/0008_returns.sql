-- why: a unit's return (报表) for a period is one thing. Importing it writes one entry per
-- indicator for the period; a corrected return must replace exactly those entries and
-- nothing a clerk typed by hand, and the office must see which file came in, when and from
-- whom. So each return is a row (one per unit and period), and its entries are linked to it.

CREATE TABLE unit_return (
    id           TEXT PRIMARY KEY,
    unit_id      TEXT NOT NULL REFERENCES unit(id),
    period       TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'
                                   OR period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),  -- 2024Q3 (a month later: 2024-09)
    round_id     TEXT,                      -- the round a sent table carried, when it did
    source       TEXT NOT NULL CHECK (source IN ('sent_table', 'county_table')),
    file_name    TEXT NOT NULL,
    file_sha256  TEXT NOT NULL,             -- lowercase hex of the imported file's bytes
    imported_at  TEXT NOT NULL,
    imported_by  TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    UNIQUE (unit_id, period)
) STRICT;
CREATE INDEX unit_return_by_period ON unit_return(period);

-- The entries a return wrote; an entry deleted by hand drops out of its return.
CREATE TABLE unit_return_entry (
    entry_id     TEXT PRIMARY KEY REFERENCES progress_entry(id) ON DELETE CASCADE,
    return_id    TEXT NOT NULL REFERENCES unit_return(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX unit_return_entry_by_return ON unit_return_entry(return_id);
