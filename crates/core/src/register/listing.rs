//! One page of a register: the conditions a filter sets, counted, then the page's keys
//! found on the smallest join the conditions need, then only those rows read in full.
//!
//! At 100,000 rows this is what keeps a page fast (`benches/registers.rs`): a condition
//! is added only when its filter is set, so SQLite plans each query for what it really
//! asks (`?1 IS NULL OR …` would defeat the indexes), and the page's 50 keys come off an
//! index in order — a deep page skips index entries, not joined rows.

use rusqlite::types::Value;
use rusqlite::{Connection, Row};

use super::Page;
use crate::error::Result;

pub(crate) struct Listing<'a> {
    /// The table the page walks, with its alias: `FROM pairing p`.
    base: &'a str,
    /// Its key, also what the full read selects by: `p.id`.
    key: &'a str,
    /// The order of the rows, unique: `p.signed_on DESC, p.id`.
    order: &'a str,
    conds: Vec<String>,
    params: Vec<Value>,
    /// Count and page in one pass (see [`in_one_pass`](Self::in_one_pass)).
    one_pass: bool,
}

impl<'a> Listing<'a> {
    pub(crate) fn new(base: &'a str, key: &'a str, order: &'a str) -> Self {
        Self {
            base,
            key,
            order,
            conds: Vec::new(),
            params: Vec::new(),
            one_pass: false,
        }
    }

    /// When the conditions read every row anyway (a search by part of a name) or pick few
    /// rows off another index (a unit's pairings), counting and paging in two passes
    /// reads them twice: then one pass counts the matches as it pages them.
    pub(crate) fn in_one_pass(&mut self, yes: bool) -> &mut Self {
        self.one_pass = yes;
        self
    }

    /// Adds `sql` (with a `?` for each use of the value) when the filter's value is set.
    pub(crate) fn when<T: Into<Value>>(&mut self, value: Option<T>, sql: &str) -> &mut Self {
        if let Some(v) = value {
            let v: Value = v.into();
            self.params
                .extend(std::iter::repeat_n(v, sql.matches('?').count()));
            self.conds.push(sql.to_string());
        }
        self
    }

    /// Adds `sql` with its `?`s taking `values` in turn, when they are set.
    pub(crate) fn when_all(&mut self, values: Option<Vec<Value>>, sql: &str) -> &mut Self {
        if let Some(v) = values {
            self.params.extend(v);
            self.conds.push(sql.to_string());
        }
        self
    }

    fn matching(&self) -> String {
        let mut sql = self.base.to_string();
        if !self.conds.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&self.conds.join(" AND "));
        }
        sql
    }

    /// The matching rows counted, then `limit` (default 100) of them from `offset`, read
    /// as `SELECT {columns} {from}` (which must name the base table by its alias).
    pub(crate) fn page<T>(
        &self,
        conn: &Connection,
        (columns, from): (&str, &str),
        (limit, offset): (Option<u32>, Option<u32>),
        mut row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Page<T>> {
        let matching = self.matching();
        let (limit, offset) = (limit.unwrap_or(100), offset.unwrap_or(0));
        let (key, order) = (self.key, self.order);
        let paged = || {
            let page = [Value::from(limit), Value::from(offset)];
            rusqlite::params_from_iter(self.params.iter().cloned().chain(page))
        };
        if self.one_pass && limit > 0 {
            let sql = format!(
                "SELECT {columns}, page.total {from}
                   JOIN (SELECT {key} AS k, COUNT(*) OVER () AS total {matching}
                         ORDER BY {order} LIMIT ? OFFSET ?) page ON page.k = {key}
                 ORDER BY {order}"
            );
            let mut total = None;
            let rows: Vec<T> = conn
                .prepare_cached(&sql)?
                .query_map(paged(), |r| {
                    total = Some(r.get::<_, i64>(r.as_ref().column_count() - 1)?);
                    row(r)
                })?
                .collect::<rusqlite::Result<_>>()?;
            if let Some(total) = total {
                return Ok(Page {
                    rows,
                    total: total as u64,
                });
            }
            // No row on this page (none match, or it lies past the last): count them.
        }
        let params = rusqlite::params_from_iter(self.params.iter());
        let total: i64 = conn
            .prepare_cached(&format!("SELECT COUNT(*) {matching}"))?
            .query_row(params, |r| r.get(0))?;
        if limit == 0 || offset as i64 >= total {
            return Ok(Page {
                rows: Vec::new(),
                total: total as u64,
            });
        }
        let sql = format!(
            "SELECT {columns} {from} WHERE {key} IN
               (SELECT {key} {matching} ORDER BY {order} LIMIT ? OFFSET ?)
             ORDER BY {order}"
        );
        let rows = conn
            .prepare_cached(&sql)?
            .query_map(paged(), &mut row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Page {
            rows,
            total: total as u64,
        })
    }
}
