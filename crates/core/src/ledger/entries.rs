//! 完成情况: record, change, delete and list progress entries.

use rusqlite::{Connection, OptionalExtension};

use super::{lookup, new_id, rows, Ledger, Writer};
use crate::error::{LedgerError, Result};
use crate::model::{Entry, EntryChange, EntryFilter, EntrySum, NewEntry};
use crate::validate::{check_entry_date, check_value_within};

impl Ledger {
    /// Entries matching the filter, newest first.
    pub fn entries(&self, filter: &EntryFilter) -> Result<Vec<Entry>> {
        let filter = &self.scoped(filter)?;
        let (clause, params) = where_clause(self.conn(), filter)?;
        let sql = format!(
            "SELECT {} FROM progress_entry e {clause} ORDER BY e.occurred_on DESC, e.created_at DESC LIMIT ?{} OFFSET ?{}",
            rows::ENTRY_COLS,
            params.len() + 1,
            params.len() + 2
        );
        let mut all: Vec<Box<dyn rusqlite::ToSql>> = params;
        all.push(Box::new(i64::from(filter.limit.unwrap_or(10_000))));
        all.push(Box::new(i64::from(filter.offset.unwrap_or(0))));
        let mut stmt = self.conn().prepare(&sql)?;
        let out = stmt
            .query_map(
                rusqlite::params_from_iter(all.iter().map(|b| b.as_ref())),
                rows::entry,
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(out)
    }

    /// How many entries match the filter (ignoring limit and offset).
    pub fn count_entries(&self, filter: &EntryFilter) -> Result<u64> {
        let filter = &self.scoped(filter)?;
        let (clause, params) = where_clause(self.conn(), filter)?;
        let sql = format!("SELECT COUNT(*) FROM progress_entry e {clause}");
        let n: i64 = self.conn().query_row(
            &sql,
            rusqlite::params_from_iter(params.iter().map(|b| b.as_ref())),
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// Per indicator and unit, the sum of the entries matching the filter (its limit and
    /// offset ignored), in the reader's scope: what the quarter grid shows as recorded.
    pub fn entry_sums(&self, filter: &EntryFilter) -> Result<Vec<EntrySum>> {
        let filter = &self.scoped(filter)?;
        let (clause, params) = where_clause(self.conn(), filter)?;
        let sql = format!(
            "SELECT e.indicator_id, e.unit_id, SUM(e.value), COUNT(*) FROM progress_entry e {clause}
             GROUP BY e.indicator_id, e.unit_id ORDER BY e.indicator_id, e.unit_id"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let out = stmt
            .query_map(
                rusqlite::params_from_iter(params.iter().map(|b| b.as_ref())),
                |r| {
                    Ok(EntrySum {
                        indicator_id: r.get(0)?,
                        unit_id: r.get(1)?,
                        value: r.get(2)?,
                        entries: r.get(3)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(out)
    }

    /// The filter limited to the reader's scope (its unit asked for, or the scope's root).
    fn scoped(&self, filter: &EntryFilter) -> Result<EntryFilter> {
        let asked = filter.unit.is_some();
        let unit = self.clamp_unit(filter.unit.as_deref())?;
        Ok(EntryFilter {
            include_subunits: if asked {
                filter.include_subunits
            } else {
                Some(true)
            },
            unit,
            ..filter.clone()
        })
    }

    /// One entry, by its id.
    pub fn entry(&self, id: &str) -> Result<Entry> {
        by_id(self.conn(), id)
    }

    /// Checks an entry against every rule without writing it (validation as the clerk types).
    pub fn check_entry(&self, new: &NewEntry) -> Result<()> {
        checked(self.conn(), new, self.today()).map(|_| ())
    }
}

/// The rules of a new entry; returns the resolved indicator id, unit id and trimmed note.
fn checked(
    conn: &Connection,
    new: &NewEntry,
    today: chrono::NaiveDate,
) -> Result<(String, String, String)> {
    let ind = lookup::indicator(conn, &new.indicator)?;
    if let Some(d) = crate::register::derive::read(conn, &ind.id)? {
        return Err(LedgerError::DerivedIndicator {
            indicator: ind.name,
            register: d.register_label(conn),
        });
    }
    let unit = lookup::unit(conn, &new.unit)?;
    check_value_within("value", new.value, ind.decimals, ind.max_value)?;
    check_entry_date(new.occurred_on, today)?;
    let note = check_note(&new.note)?;
    Ok((ind.id, unit.id, note))
}

fn by_id(conn: &Connection, id: &str) -> Result<Entry> {
    let sql = format!(
        "SELECT {} FROM progress_entry e WHERE e.id = ?1",
        rows::ENTRY_COLS
    );
    conn.query_row(&sql, [id], rows::entry)
        .optional()?
        .ok_or_else(|| LedgerError::NotFound {
            what: "完成情况",
            id: id.to_string(),
        })
}

type Params = Vec<Box<dyn rusqlite::ToSql>>;

fn where_clause(conn: &Connection, f: &EntryFilter) -> Result<(String, Params)> {
    let mut conds: Vec<String> = Vec::new();
    let mut params: Params = Vec::new();
    if let Some(k) = &f.indicator {
        params.push(Box::new(lookup::indicator(conn, k)?.id));
        conds.push(format!("e.indicator_id = ?{}", params.len()));
    }
    if let Some(k) = &f.unit {
        params.push(Box::new(lookup::unit(conn, k)?.id));
        let n = params.len();
        if f.include_subunits.unwrap_or(true) {
            conds.push(format!(
                "e.unit_id IN (WITH RECURSIVE sub(id) AS (SELECT ?{n} UNION ALL SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub)"
            ));
        } else {
            conds.push(format!("e.unit_id = ?{n}"));
        }
    }
    if let Some(d) = f.from {
        params.push(Box::new(d));
        conds.push(format!("e.occurred_on >= ?{}", params.len()));
    }
    if let Some(d) = f.to {
        params.push(Box::new(d));
        conds.push(format!("e.occurred_on <= ?{}", params.len()));
    }
    let clause = if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    };
    Ok((clause, params))
}

impl Writer<'_> {
    /// Records one increment of work. The value must fit the indicator (non-negative, no
    /// more decimals than it has) and the date must not be in the future.
    pub fn record_entry(&mut self, new: NewEntry) -> Result<Entry> {
        let id = self.insert_entry(&new_id(), &new, false)?;
        by_id(self.conn(), &id)
    }

    /// The one insert path for entries; sample data passes its own deterministic id.
    pub(crate) fn insert_entry(
        &mut self,
        id: &str,
        new: &NewEntry,
        is_sample: bool,
    ) -> Result<String> {
        let (indicator_id, unit_id, note) = checked(self.conn(), new, self.today)?;
        self.ensure_open(new.occurred_on)?;
        self.tx.execute(
            "INSERT INTO progress_entry (id, indicator_id, unit_id, occurred_on, value, note, is_sample,
                                         created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9)",
            rusqlite::params![id, indicator_id, unit_id, new.occurred_on, new.value, note, is_sample, self.now, self.actor.name],
        )?;
        Ok(id.to_string())
    }

    /// The bulk path of imports: the indicator and unit are already resolved by the
    /// caller, who has also refused derived indicators; the value, date and note rules
    /// apply here exactly as in `record_entry`. The statement is prepared once.
    pub(crate) fn insert_resolved_entry(
        &mut self,
        indicator_id: &str,
        (decimals, max_value): (u8, f64),
        unit_id: &str,
        occurred_on: chrono::NaiveDate,
        value: f64,
        note: &str,
    ) -> Result<String> {
        check_value_within("value", value, decimals, max_value)?;
        check_entry_date(occurred_on, self.today)?;
        self.ensure_open(occurred_on)?;
        let note = check_note(note)?;
        let id = new_id();
        self.tx
            .prepare_cached(
                "INSERT INTO progress_entry (id, indicator_id, unit_id, occurred_on, value, note, is_sample,
                                             created_at, created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8, ?7, ?8)",
            )?
            .execute(rusqlite::params![
                id, indicator_id, unit_id, occurred_on, value, note, self.now, self.actor.name
            ])?;
        Ok(id)
    }

    /// Changes an entry's fields (those given), refused when its old or new date is in a locked period.
    pub fn update_entry(&mut self, id: &str, change: EntryChange) -> Result<Entry> {
        let old = by_id(self.conn(), id)?;
        self.ensure_open(old.occurred_on)?;
        let ind = lookup::indicator(self.conn(), &old.indicator_id)?;
        let unit_id = match &change.unit {
            Some(k) => lookup::unit(self.conn(), k)?.id,
            None => old.unit_id.clone(),
        };
        let value = change.value.unwrap_or(old.value);
        check_value_within("value", value, ind.decimals, ind.max_value)?;
        let date = change.occurred_on.unwrap_or(old.occurred_on);
        check_entry_date(date, self.today)?;
        self.ensure_open(date)?;
        let note = match &change.note {
            Some(n) => check_note(n)?,
            None => old.note.clone(),
        };
        self.tx.execute(
            "UPDATE progress_entry SET unit_id = ?2, occurred_on = ?3, value = ?4, note = ?5, is_sample = 0,
                    updated_at = ?6, updated_by = ?7 WHERE id = ?1",
            rusqlite::params![id, unit_id, date, value, note, self.now, self.actor.name],
        )?;
        by_id(self.conn(), id)
    }

    /// An entry by id, inside the write.
    pub(crate) fn entry_by_id(&self, id: &str) -> Result<Entry> {
        by_id(self.conn(), id)
    }

    /// Deletes an entry, refused when it is dated in a locked period.
    pub fn delete_entry(&mut self, id: &str) -> Result<()> {
        if let Ok(old) = by_id(self.conn(), id) {
            self.ensure_open(old.occurred_on)?;
        }
        let n = self
            .tx
            .execute("DELETE FROM progress_entry WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(LedgerError::NotFound {
                what: "完成情况",
                id: id.to_string(),
            });
        }
        Ok(())
    }
}

fn check_note(note: &str) -> Result<String> {
    crate::text::optional("note", note, crate::text::TextKind::Note)
}
