//! The chain: each record stores the SM3 hash of the previous record's hash and its own
//! content, so a record deleted, edited or moved breaks every hash after it.

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OptionalExtension};
use sm3::{Digest, Sm3};

use crate::error::Result;

/// The hash before the first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Lower-case hex SM3 of `bytes`.
pub fn sm3_hex(bytes: &[u8]) -> String {
    let digest = Sm3::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// `tz_sm3(text)`: the digest, for images that must not carry a secret (password hashes).
pub(crate) fn register_sm3(conn: &Connection) -> Result<()> {
    conn.create_scalar_function(
        "tz_sm3",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let v: Option<String> = ctx.get(0)?;
            Ok(v.map(|s| sm3_hex(s.as_bytes())))
        },
    )?;
    Ok(())
}

/// One record of the trail, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub seq: i64,
    pub at: String,
    pub account: String,
    pub display_name: String,
    pub role: String,
    pub machine: String,
    pub op: String,
    pub tbl: String,
    pub row_id: String,
    pub unit_id: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
    pub row_digest: Option<String>,
    pub reason: String,
    pub prev_hash: String,
    pub hash: String,
}

pub const COLUMNS: &str = "seq, at, account, display_name, role, machine, op, tbl, row_id, unit_id, old, new, row_digest, reason, prev_hash, hash";

impl Record {
    /// The hash this record must carry: SM3 over its content and the previous hash.
    pub fn expected_hash(&self) -> String {
        let content = serde_json::json!([
            self.seq,
            self.at,
            self.account,
            self.display_name,
            self.role,
            self.machine,
            self.op,
            self.tbl,
            self.row_id,
            self.unit_id,
            self.old,
            self.new,
            self.row_digest,
            self.reason,
            self.prev_hash,
        ]);
        sm3_hex(content.to_string().as_bytes())
    }

    pub fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            seq: r.get(0)?,
            at: r.get(1)?,
            account: r.get(2)?,
            display_name: r.get(3)?,
            role: r.get(4)?,
            machine: r.get(5)?,
            op: r.get(6)?,
            tbl: r.get(7)?,
            row_id: r.get(8)?,
            unit_id: r.get(9)?,
            old: r.get(10)?,
            new: r.get(11)?,
            row_digest: r.get(12)?,
            reason: r.get(13)?,
            prev_hash: r.get(14)?,
            hash: r.get(15)?,
        })
    }
}

/// The last record's sequence number and hash (0 and [`GENESIS`] for an empty trail).
pub fn head(conn: &Connection) -> Result<(i64, String)> {
    Ok(conn
        .query_row(
            "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((0, GENESIS.to_string())))
}

/// Appends records one after another, chaining each to the one before.
pub struct Appender {
    seq: i64,
    prev: String,
}

impl Appender {
    pub fn new(conn: &Connection) -> Result<Self> {
        let (seq, prev) = head(conn)?;
        Ok(Self { seq, prev })
    }

    /// Fills in the record's seq, prev_hash and hash, and inserts it.
    pub fn append(&mut self, conn: &Connection, mut rec: Record) -> Result<()> {
        self.seq += 1;
        rec.seq = self.seq;
        rec.prev_hash = std::mem::take(&mut self.prev);
        rec.hash = rec.expected_hash();
        let mut stmt = conn.prepare_cached(&format!(
            "INSERT INTO audit ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
        ))?;
        stmt.execute(rusqlite::params![
            rec.seq,
            rec.at,
            rec.account,
            rec.display_name,
            rec.role,
            rec.machine,
            rec.op,
            rec.tbl,
            rec.row_id,
            rec.unit_id,
            rec.old,
            rec.new,
            rec.row_digest,
            rec.reason,
            rec.prev_hash,
            rec.hash,
        ])?;
        self.prev = rec.hash;
        Ok(())
    }
}
