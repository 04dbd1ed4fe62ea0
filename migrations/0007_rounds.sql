-- why: the task force works in quarterly rounds (填报轮次): the office opens a round for a
-- period with a due date and the units that must report, each unit's return goes
-- 未报 → 已报 → 退回 (with a reason) → 已审, and the period is locked once reviewed, so
-- that nothing dated in it changes afterwards. Lateness (逾期) is computed from the due
-- date and today, never stored. Every step is kept as a history row (round_event) with
-- who and when; a reviewer's correction of a reported value keeps both figures
-- (correction), so "as reported 12 / as corrected 10" stays visible.

CREATE TABLE round (
    id           TEXT PRIMARY KEY,
    label        TEXT NOT NULL UNIQUE,          -- 2024Q3, or 2024-08 for a month's round
    period_start TEXT NOT NULL,                 -- ISO date, inclusive
    period_end   TEXT NOT NULL,                 -- ISO date, inclusive
    due_on       TEXT NOT NULL,                 -- 报送截止日期
    locked_on    TEXT,                          -- the ledger's date of the lock; NULL: open
    locked_by    TEXT,
    lock_reason  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    CHECK (period_end >= period_start)
) STRICT;
-- Every dated write asks whether a locked round covers its date.
CREATE INDEX round_by_lock ON round(locked_on, period_start, period_end);

CREATE TABLE round_unit (
    id           TEXT PRIMARY KEY,
    round_id     TEXT NOT NULL REFERENCES round(id) ON DELETE CASCADE,
    unit_id      TEXT NOT NULL REFERENCES unit(id),
    state        TEXT NOT NULL DEFAULT 'not_started'
                 CHECK (state IN ('not_started', 'submitted', 'returned', 'approved')),
    submitted_at TEXT,
    submitted_by TEXT,
    reviewed_at  TEXT,
    reviewed_by  TEXT,
    reason       TEXT NOT NULL DEFAULT '',      -- 退回原因 of the last return
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    UNIQUE (round_id, unit_id)
) STRICT;

CREATE TABLE round_event (
    id          TEXT PRIMARY KEY,
    round_id    TEXT NOT NULL REFERENCES round(id) ON DELETE CASCADE,
    unit_id     TEXT REFERENCES unit(id),       -- NULL for the round's own steps
    kind        TEXT NOT NULL
                CHECK (kind IN ('open', 'send', 'submit', 'return', 'approve', 'correct', 'lock', 'unlock')),
    reason      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
) STRICT;
CREATE INDEX round_event_by_round ON round_event(round_id, created_at);

CREATE TABLE correction (
    id          TEXT PRIMARY KEY,
    entry_id    TEXT NOT NULL REFERENCES progress_entry(id) ON DELETE CASCADE,
    reported    REAL NOT NULL,                  -- the value as reported
    corrected   REAL NOT NULL CHECK (corrected >= 0),
    reason      TEXT NOT NULL CHECK (reason <> ''),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
) STRICT;
CREATE INDEX correction_by_entry ON correction(entry_id, created_at);
