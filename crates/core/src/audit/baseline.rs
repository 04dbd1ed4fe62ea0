//! Baselines: a table the trail has not seen in its current shape (a ledger made before the
//! trail existed, or a table a migration reshaped) gets one `baseline` record per row, so
//! that `audit verify` holds from then on.

use rusqlite::{Connection, OptionalExtension};

use super::chain::{sm3_hex, Appender, Record};
use super::tables::audited_tables;
use crate::error::Result;

/// Whether some audited table has not been baselined in its current shape (checked
/// without a write lock, so that opening a ledger for reading never waits for a writer).
pub fn needed(conn: &Connection) -> Result<bool> {
    for t in audited_tables(conn)? {
        let recorded: Option<String> = conn
            .query_row(
                "SELECT shape FROM audit_shape WHERE tbl = ?1",
                [&t.name],
                |r| r.get(0),
            )
            .optional()?;
        if recorded.as_deref() != Some(sm3_hex(t.shape.as_bytes()).as_str()) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Baselines every audited table whose shape differs from the one recorded; returns how
/// many records were written. Runs in the caller's transaction.
pub fn ensure(conn: &Connection, at: &str, machine: &str) -> Result<usize> {
    let mut appender: Option<Appender> = None;
    let mut written = 0;
    for t in audited_tables(conn)? {
        let recorded: Option<String> = conn
            .query_row(
                "SELECT shape FROM audit_shape WHERE tbl = ?1",
                [&t.name],
                |r| r.get(0),
            )
            .optional()?;
        let shape = sm3_hex(t.shape.as_bytes());
        if recorded.as_deref() == Some(shape.as_str()) {
            continue;
        }
        let reason = match recorded {
            None => "基线：开始留痕时已有的数据".to_string(),
            Some(_) => "基线：数据结构升级".to_string(),
        };
        let appender = match &mut appender {
            Some(a) => a,
            None => appender.insert(Appender::new(conn)?),
        };
        let mut stmt = conn.prepare(&t.select_images())?;
        let rows: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let records = rows.into_iter().map(|(row_id, image)| {
            let m = super::seal::parse(Some(&image));
            let unit_id = ["unit_id", "county_id"]
                .iter()
                .find_map(|k| m.get(*k).and_then(|v| v.as_str()).map(str::to_string));
            Record {
                seq: 0,
                at: at.to_string(),
                account: "system".into(),
                display_name: String::new(),
                role: "admin".into(),
                machine: machine.to_string(),
                op: "baseline".into(),
                tbl: t.name.clone(),
                row_id,
                unit_id,
                old: None,
                row_digest: Some(sm3_hex(image.as_bytes())),
                new: Some(image),
                reason: reason.clone(),
                prev_hash: String::new(),
                hash: String::new(),
            }
        });
        written += appender.append_all(conn, records)?;
        conn.execute(
            "INSERT INTO audit_shape(tbl, shape) VALUES (?1, ?2) ON CONFLICT(tbl) DO UPDATE SET shape = excluded.shape",
            (&t.name, &shape),
        )?;
    }
    Ok(written)
}
