-- why: a quarterly summary must say, for every indicator behind pace, why it lags and what
-- is being done about it (滞后原因、整改措施). The figures cannot say that, so a person
-- writes it once per indicator, responsible unit and quarter, and every export of that
-- quarter (Excel, Word, CSV) shows it; a behind indicator without a note is shown as
-- 「（待填写）」 so that the gap is visible before the report goes upward.

CREATE TABLE lag_note (
    id           TEXT PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES indicator(id),
    unit_id      TEXT NOT NULL REFERENCES unit(id),
    quarter      TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),   -- e.g. 2024Q2
    reason       TEXT NOT NULL DEFAULT '',   -- 滞后原因
    measures     TEXT NOT NULL DEFAULT '',   -- 整改措施
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    CHECK (reason <> '' OR measures <> ''),
    UNIQUE (indicator_id, unit_id, quarter)
) STRICT;
CREATE INDEX lag_note_by_quarter ON lag_note(quarter, unit_id);
