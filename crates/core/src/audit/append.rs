//! Appending records to the chain: each gets the next seq, the previous record's hash and
//! its own. Hashing is most of a long write's trail, so it runs beside the inserts: a
//! worker thread feeds each record's content to SM3 (everything but the previous hash,
//! which comes last, chain.rs) while this thread finishes the chain in order and inserts
//! the records, 64 a statement.

use std::sync::mpsc;

use rusqlite::{Connection, Statement};
use sm3::Sm3;

use super::chain::{finish, head, Record, COLUMNS};
use crate::error::Result;

/// Records inserted by one statement: the per-statement work (and the ephemeral table
/// SQLite builds for the `op IN (…)` check at every execution) is paid once per batch.
const BATCH: usize = 64;

/// Records hashed by the worker between two hand-overs.
const CHUNK: usize = 1024;

/// Columns every record of one write shares (one stamp): bound once per statement.
const SHARED: [usize; 6] = [1, 2, 3, 4, 5, 13]; // at, account, display_name, role, machine, reason

/// Appends records one after another, chaining each to the one before.
pub struct Appender {
    seq: i64,
    prev: String,
}

impl Appender {
    /// Continues the chain from its last record.
    pub fn new(conn: &Connection) -> Result<Self> {
        let (seq, prev) = head(conn)?;
        Ok(Self { seq, prev })
    }

    /// Fills in each record's seq, prev_hash and hash, and inserts them all.
    pub fn append_all(
        &mut self,
        conn: &Connection,
        records: impl IntoIterator<Item = Record>,
    ) -> Result<usize> {
        let mut records: Vec<Record> = records.into_iter().collect();
        for rec in &mut records {
            self.seq += 1;
            rec.seq = self.seq;
        }
        if records.len() <= CHUNK {
            let states: Vec<Sm3> = records.iter().map(Record::prefix_state).collect();
            return self.chain_and_insert(conn, &mut records, states);
        }
        // The worker takes the records chunk by chunk, hashes their contents and hands
        // each chunk over with its states; this thread chains and inserts them meanwhile.
        let (tx, rx) = mpsc::sync_channel::<(Vec<Record>, Vec<Sm3>)>(2);
        std::thread::scope(|s| {
            s.spawn(move || {
                let mut rest = records.into_iter().peekable();
                while rest.peek().is_some() {
                    let part: Vec<Record> = rest.by_ref().take(CHUNK).collect();
                    let states = part.iter().map(Record::prefix_state).collect();
                    if tx.send((part, states)).is_err() {
                        return; // the inserts stopped: nothing more to hash
                    }
                }
            });
            let mut written = 0;
            for (mut part, states) in rx.iter() {
                written += self.chain_and_insert(conn, &mut part, states)?;
            }
            Ok(written)
        })
    }

    /// Finishes the hashes of `records` in order (given their prefix states) and inserts them.
    fn chain_and_insert(
        &mut self,
        conn: &Connection,
        records: &mut [Record],
        states: Vec<Sm3>,
    ) -> Result<usize> {
        for (rec, state) in records.iter_mut().zip(states) {
            rec.prev_hash = std::mem::take(&mut self.prev);
            rec.hash = finish(state, &rec.prev_hash);
            self.prev.clone_from(&rec.hash);
        }
        for batch in records.chunks(BATCH) {
            insert(conn, batch)?;
        }
        Ok(records.len())
    }
}

/// `INSERT OR ROLLBACK INTO audit (…) VALUES (…), (…) …` for `rows` records whose shared
/// columns are bound once (?2 … for every row). A statement of several rows that may stop
/// half-way keeps a copy of every page it touches (a statement journal); one that rolls
/// the whole write back on a broken constraint needs none, and a write whose trail cannot
/// be written fails as a whole anyway.
fn insert_sql(rows: usize) -> String {
    let mut next = 16;
    let values: Vec<String> = (0..rows)
        .map(|row| {
            let cols: Vec<String> = (0..16)
                .map(|c| {
                    if row == 0 || SHARED.contains(&c) {
                        format!("?{}", c + 1)
                    } else {
                        next += 1;
                        format!("?{next}")
                    }
                })
                .collect();
            format!("({})", cols.join(", "))
        })
        .collect();
    format!(
        "INSERT OR ROLLBACK INTO audit ({COLUMNS}) VALUES {}",
        values.join(", ")
    )
}

/// Inserts a batch: a full one by one statement when its records share the stamp, else one
/// record a statement.
fn insert(conn: &Connection, batch: &[Record]) -> Result<()> {
    static FULL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    static ONE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let first = &batch[0];
    let shared = batch.iter().all(|r| {
        (
            &r.at,
            &r.account,
            &r.display_name,
            &r.role,
            &r.machine,
            &r.reason,
        ) == (
            &first.at,
            &first.account,
            &first.display_name,
            &first.role,
            &first.machine,
            &first.reason,
        )
    });
    if batch.len() == BATCH && shared {
        let mut stmt = conn.prepare_cached(FULL.get_or_init(|| insert_sql(BATCH)))?;
        bind_all(&mut stmt, 0, first)?;
        for (i, rec) in batch.iter().enumerate().skip(1) {
            bind_own(&mut stmt, 16 + (i - 1) * 10, rec)?;
        }
        stmt.raw_execute()?;
        return Ok(());
    }
    let mut stmt = conn.prepare_cached(ONE.get_or_init(|| insert_sql(1)))?;
    for rec in batch {
        bind_all(&mut stmt, 0, rec)?;
        stmt.raw_execute()?;
    }
    Ok(())
}

fn bind_all(stmt: &mut Statement<'_>, at: usize, rec: &Record) -> rusqlite::Result<()> {
    stmt.raw_bind_parameter(at + 2, &rec.at)?;
    stmt.raw_bind_parameter(at + 3, &rec.account)?;
    stmt.raw_bind_parameter(at + 4, &rec.display_name)?;
    stmt.raw_bind_parameter(at + 5, &rec.role)?;
    stmt.raw_bind_parameter(at + 6, &rec.machine)?;
    stmt.raw_bind_parameter(at + 14, &rec.reason)?;
    stmt.raw_bind_parameter(at + 1, rec.seq)?;
    stmt.raw_bind_parameter(at + 7, &rec.op)?;
    stmt.raw_bind_parameter(at + 8, &rec.tbl)?;
    stmt.raw_bind_parameter(at + 9, &rec.row_id)?;
    stmt.raw_bind_parameter(at + 10, &rec.unit_id)?;
    stmt.raw_bind_parameter(at + 11, &rec.old)?;
    stmt.raw_bind_parameter(at + 12, &rec.new)?;
    stmt.raw_bind_parameter(at + 13, &rec.row_digest)?;
    stmt.raw_bind_parameter(at + 15, &rec.prev_hash)?;
    stmt.raw_bind_parameter(at + 16, &rec.hash)?;
    Ok(())
}

/// Binds the ten columns of a record that are its own, from parameter `at + 1` on, in
/// column order (seq, op, tbl, row_id, unit_id, old, new, row_digest, prev_hash, hash).
fn bind_own(stmt: &mut Statement<'_>, at: usize, rec: &Record) -> rusqlite::Result<()> {
    stmt.raw_bind_parameter(at + 1, rec.seq)?;
    stmt.raw_bind_parameter(at + 2, &rec.op)?;
    stmt.raw_bind_parameter(at + 3, &rec.tbl)?;
    stmt.raw_bind_parameter(at + 4, &rec.row_id)?;
    stmt.raw_bind_parameter(at + 5, &rec.unit_id)?;
    stmt.raw_bind_parameter(at + 6, &rec.old)?;
    stmt.raw_bind_parameter(at + 7, &rec.new)?;
    stmt.raw_bind_parameter(at + 8, &rec.row_digest)?;
    stmt.raw_bind_parameter(at + 9, &rec.prev_hash)?;
    stmt.raw_bind_parameter(at + 10, &rec.hash)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of the batched statement names the shared columns by the first row's
    /// numbers and its own ten by new ones, in column order.
    #[test]
    fn the_batched_insert_shares_the_stamps_columns() {
        let sql = insert_sql(3);
        let values = sql.split(" VALUES ").nth(1).unwrap();
        assert_eq!(
            values,
            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16), \
             (?17, ?2, ?3, ?4, ?5, ?6, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?14, ?25, ?26), \
             (?27, ?2, ?3, ?4, ?5, ?6, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?14, ?35, ?36)"
        );
    }
}
