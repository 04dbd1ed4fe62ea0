-- why: the province's progress views (225 units, 1,000,000 entries) re-read every entry of
-- a window and could not beat one SQL aggregate over them (issue 13). `entry_rollup` keeps
-- each indicator's entries summed per year and unit, so a window is whole years read from
-- here, less (or plus) the few entries at its ragged ends read off `entry_by_indicator`
-- (progress/engine.rs). It is derived data, not a record: the trail does not capture it
-- (audit/tables.rs NOT_AUDITED) and no exchange package carries it (a receiver's triggers
-- make its own). Persistent triggers keep it in step in the writing statement's own
-- transaction, whoever writes — the app, an exchange package applied through SQLite's
-- session extension, sqlite3 by hand. `taizhang rollup check` compares it with the entries
-- and `taizhang rollup rebuild` makes it again from them (progress/rollup.rs).
-- A later migration that rebuilds `progress_entry` drops these triggers with it and must
-- create them again. `INSERT OR REPLACE` into `progress_entry` would delete a row without
-- firing the delete trigger (recursive_triggers is off): nothing may write it that way.
CREATE TABLE entry_rollup (
    indicator_id TEXT NOT NULL,
    year         INTEGER NOT NULL,          -- the year of the entries' occurred_on
    unit_id      TEXT NOT NULL,
    total        REAL NOT NULL,             -- SUM(value) of those entries
    n            INTEGER NOT NULL,          -- how many entries (a row goes when it reaches 0)
    PRIMARY KEY (indicator_id, year, unit_id)
) STRICT, WITHOUT ROWID;

INSERT INTO entry_rollup (indicator_id, year, unit_id, total, n)
SELECT indicator_id, CAST(substr(occurred_on, 1, 4) AS INTEGER), unit_id, SUM(value), COUNT(*)
FROM progress_entry
GROUP BY 1, 2, 3;

CREATE TRIGGER entry_rollup_insert AFTER INSERT ON progress_entry
BEGIN
    INSERT INTO entry_rollup (indicator_id, year, unit_id, total, n)
    VALUES (NEW.indicator_id, CAST(substr(NEW.occurred_on, 1, 4) AS INTEGER), NEW.unit_id, NEW.value, 1)
    ON CONFLICT (indicator_id, year, unit_id)
    DO UPDATE SET total = total + excluded.total, n = n + 1;
END;

CREATE TRIGGER entry_rollup_delete AFTER DELETE ON progress_entry
BEGIN
    UPDATE entry_rollup SET total = total - OLD.value, n = n - 1
    WHERE indicator_id = OLD.indicator_id
      AND year = CAST(substr(OLD.occurred_on, 1, 4) AS INTEGER)
      AND unit_id = OLD.unit_id;
    DELETE FROM entry_rollup
    WHERE indicator_id = OLD.indicator_id
      AND year = CAST(substr(OLD.occurred_on, 1, 4) AS INTEGER)
      AND unit_id = OLD.unit_id
      AND n <= 0;
END;

-- The new row is added before the old one is taken away, so a row whose key stays the
-- same never drops to 0 and back.
CREATE TRIGGER entry_rollup_update AFTER UPDATE OF indicator_id, unit_id, occurred_on, value
ON progress_entry
BEGIN
    INSERT INTO entry_rollup (indicator_id, year, unit_id, total, n)
    VALUES (NEW.indicator_id, CAST(substr(NEW.occurred_on, 1, 4) AS INTEGER), NEW.unit_id, NEW.value, 1)
    ON CONFLICT (indicator_id, year, unit_id)
    DO UPDATE SET total = total + excluded.total, n = n + 1;
    UPDATE entry_rollup SET total = total - OLD.value, n = n - 1
    WHERE indicator_id = OLD.indicator_id
      AND year = CAST(substr(OLD.occurred_on, 1, 4) AS INTEGER)
      AND unit_id = OLD.unit_id;
    DELETE FROM entry_rollup
    WHERE indicator_id = OLD.indicator_id
      AND year = CAST(substr(OLD.occurred_on, 1, 4) AS INTEGER)
      AND unit_id = OLD.unit_id
      AND n <= 0;
END;

-- The engine reads a scope's targets as it needs them (target_by_unit) and each one's
-- milestones by its id: without this index every such read scanned all the milestones.
CREATE INDEX target_milestone_by_target ON target_milestone(target_id, due_on);
