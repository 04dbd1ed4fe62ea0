//! The chain: each record stores the SM3 hash of the previous record's hash and its own
//! content, so a record deleted, edited or moved breaks every hash after it.

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OptionalExtension};

pub use super::append::Appender;
use sm3::{Digest, Sm3};

use crate::error::Result;

/// The hash before the first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Lower-case hex SM3 of `bytes`.
pub fn sm3_hex(bytes: &[u8]) -> String {
    hex(&Sm3::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(digest.len() * 2);
    for b in digest {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
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
    /// The hash this record must carry: SM3 over its content and the previous hash, the
    /// content being the compact JSON array of its fields in column order.
    pub fn expected_hash(&self) -> String {
        finish(self.prefix_state(), &self.prev_hash)
    }

    /// SM3 fed with the JSON array up to the previous hash, which comes last: `[seq,…,
    /// "reason",`. Everything but the last few bytes of a record's hash can so be computed
    /// before the record before it is hashed, and all records of a write at once.
    pub(super) fn prefix_state(&self) -> Sm3 {
        let content = (
            self.seq,
            &self.at,
            &self.account,
            &self.display_name,
            &self.role,
            &self.machine,
            &self.op,
            &self.tbl,
            &self.row_id,
            &self.unit_id,
            &self.old,
            &self.new,
            &self.row_digest,
            &self.reason,
        );
        // Serialised into one buffer, then digested at once: fed to the digest piece by
        // piece (serde writes each escape separately), the pieces cost more than the hashing.
        let mut text = Vec::with_capacity(1024);
        serde_json::to_writer(&mut text, &content).expect("a Vec accepts every byte");
        text.pop(); // the array's closing bracket: the previous hash follows
        text.push(b',');
        let mut state = Sm3::new();
        state.update(&text);
        state
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

/// Ends a record's hash: the previous hash as the array's last element, then the bracket.
pub(super) fn finish(mut state: Sm3, prev_hash: &str) -> String {
    let mut tail = Vec::with_capacity(prev_hash.len() + 4);
    serde_json::to_writer(&mut tail, prev_hash).expect("a Vec accepts every byte");
    tail.push(b']');
    state.update(&tail);
    hex(&state.finalize())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn record(old: Option<&str>, unit: Option<&str>) -> Record {
        Record {
            seq: 42,
            at: "2024-07-10T01:12:00Z".into(),
            account: "wang".into(),
            display_name: "王某某".into(),
            role: "clerk".into(),
            machine: "办公室-PC".into(),
            op: "update".into(),
            tbl: "progress_entry".into(),
            row_id: "c90d213c".into(),
            unit_id: unit.map(str::to_string),
            old: old.map(str::to_string),
            new: Some(r#"{"note":"换行\n与\"引号\"","value":12.5}"#.into()),
            row_digest: Some(sm3_hex(b"row")),
            reason: "更正\t".into(),
            prev_hash: GENESIS.into(),
            hash: String::new(),
        }
    }

    /// The hash of a record is SM3 over `serde_json::json!([...]).to_string()`: ledgers
    /// hashed that way must keep verifying, so the buffered form must give the same bytes.
    #[test]
    fn the_hash_is_the_sm3_of_the_json_array() {
        for r in [
            record(Some(r#"{"value":10}"#), Some("u1")),
            record(None, None),
        ] {
            let text = serde_json::json!([
                r.seq,
                r.at,
                r.account,
                r.display_name,
                r.role,
                r.machine,
                r.op,
                r.tbl,
                r.row_id,
                r.unit_id,
                r.old,
                r.new,
                r.row_digest,
                r.reason,
                r.prev_hash,
            ])
            .to_string();
            assert_eq!(r.expected_hash(), sm3_hex(text.as_bytes()));
        }
    }

    #[test]
    fn hex_is_lower_case_and_two_digits_a_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
        // SM3 of "abc", the standard's first example.
        assert_eq!(
            sm3_hex(b"abc"),
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
        );
    }
}
