//! `audit verify`: recompute the chain, then check that every audited table's rows are
//! exactly what the trail says they became. A value changed behind the app's back, a row
//! added or deleted by hand, a record deleted, edited or moved: each is named.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use super::chain::{sm3_hex, Record, COLUMNS, GENESIS};
use super::seal::parse;
use super::tables::{audited_tables, table_label};
use crate::error::Result;

/// The verdict of a verification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditVerdict {
    /// True when the chain holds and every audited row is what the trail says it became.
    pub ok: bool,
    /// Records in the trail.
    pub records: i64,
    /// When the last record was written.
    pub last_at: Option<String>,
    /// Who wrote the last record (display name, or login).
    pub last_by: Option<String>,
    /// The last record's hash: written down (or sent upward), it also catches a trail
    /// rewritten from the start.
    pub head: String,
    /// 「留痕完整：…」 or the first discrepancy, in Chinese.
    pub message: String,
}

/// What the trail says a row is now, per table and row id.
type Expected = HashMap<String, HashMap<String, Expect>>;

enum Expect {
    /// The SM3 digest of the row's image (the record's `row_digest`).
    Digest(String),
    /// The row's image is the record's `new`: an insert recorded without a `row_digest`
    /// (since migration 0011). Kept as a keyed hash of that text, drawn afresh at every
    /// verification, so the ledger's whole text need not be held; the text itself is
    /// covered by the record's SM3 hash in the chain.
    Image(u128),
    /// The trail says the row was deleted.
    Deleted,
}

/// A 128-bit hash of `text` under keys drawn for this verification.
struct Keyed(std::hash::RandomState, std::hash::RandomState);

impl Keyed {
    fn new() -> Self {
        Self(std::hash::RandomState::new(), std::hash::RandomState::new())
    }
    fn hash(&self, text: &str) -> u128 {
        use std::hash::BuildHasher;
        (u128::from(self.0.hash_one(text)) << 64) | u128::from(self.1.hash_one(text))
    }
}

pub fn verify(conn: &Connection) -> Result<AuditVerdict> {
    let keyed = Keyed::new();
    let mut expected: Expected = HashMap::new();
    let mut prev = GENESIS.to_string();
    let mut last: Option<Record> = None;
    let mut count = 0i64;
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM audit ORDER BY seq"))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let rec = Record::from_row(row)?;
        count += 1;
        let problem = if rec.seq != count {
            Some(format!(
                "留痕记录缺失：第{}条之后应为第{}条，实际为第{}条",
                count - 1,
                count,
                rec.seq
            ))
        } else if rec.prev_hash != prev {
            Some(format!(
                "留痕第{}条与上一条不衔接：上一条被删除、修改或调换了位置",
                rec.seq
            ))
        } else if rec.hash != rec.expected_hash() {
            Some(format!(
                "留痕第{}条的内容被改动（{} {} 的记录与其哈希不符）",
                rec.seq,
                table_label(&rec.tbl),
                rec.row_id
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            return Ok(failed(count, &prev, message));
        }
        let expect = match (&rec.row_digest, rec.op.as_str()) {
            (Some(d), _) => Expect::Digest(d.clone()),
            (None, "insert") => Expect::Image(keyed.hash(rec.new.as_deref().unwrap_or(""))),
            (None, _) => Expect::Deleted,
        };
        expected
            .entry(rec.tbl.clone())
            .or_default()
            .insert(rec.row_id.clone(), expect);
        prev = rec.hash.clone();
        last = Some(rec);
    }
    drop(rows);
    drop(stmt);

    for t in audited_tables(conn)? {
        let mut want = expected.remove(&t.name).unwrap_or_default();
        let mut stmt = conn.prepare(&t.select_images())?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let (id, image): (String, String) = (row.get(0)?, row.get(1)?);
            let same = match want.remove(&id) {
                Some(Expect::Digest(d)) => Some(d == sm3_hex(image.as_bytes())),
                Some(Expect::Image(h)) => Some(h == keyed.hash(&image)),
                Some(Expect::Deleted) => None,
                None => {
                    let message = format!(
                        "{}（{}）{}：这一行不在留痕中，是绕过本程序写入的",
                        table_label(&t.name),
                        t.name,
                        id
                    );
                    return Ok(failed(count, &prev, message));
                }
            };
            match same {
                Some(true) => {}
                Some(false) => {
                    let message = field_difference(conn, &t.name, &id, &image)?;
                    return Ok(failed(count, &prev, message));
                }
                None => {
                    let message = format!(
                        "{}（{}）{}：留痕记录它已被删除，数据库中却仍有这一行",
                        table_label(&t.name),
                        t.name,
                        id
                    );
                    return Ok(failed(count, &prev, message));
                }
            }
        }
        if let Some((id, _)) = want
            .into_iter()
            .find(|(_, e)| !matches!(e, Expect::Deleted))
        {
            let message = format!(
                "{}（{}）{}：留痕中这一行仍然存在，数据库中却已没有（绕过本程序删除）",
                table_label(&t.name),
                t.name,
                id
            );
            return Ok(failed(count, &prev, message));
        }
    }

    let (last_at, last_by) = last.map_or((None, None), |r| {
        let who = if r.display_name.is_empty() {
            r.account
        } else {
            r.display_name
        };
        (Some(r.at), Some(who))
    });
    let when = last_at.as_deref().map(local_minute).unwrap_or_default();
    let message = match &last_by {
        Some(who) => format!(
            "留痕完整：{}条记录，最近一条 {when} {who}",
            thousands(count)
        ),
        None => "留痕完整：尚无记录".to_string(),
    };
    Ok(AuditVerdict {
        ok: true,
        records: count,
        last_at,
        last_by,
        head: prev,
        message,
    })
}

fn failed(records: i64, head: &str, message: String) -> AuditVerdict {
    AuditVerdict {
        ok: false,
        records,
        last_at: None,
        last_by: None,
        head: head.to_string(),
        message,
    }
}

/// The row as the trail says it became, folded from its records.
pub(crate) fn state_by_trail(
    conn: &Connection,
    table: &str,
    id: &str,
) -> Result<Option<Map<String, Value>>> {
    let mut stmt = conn
        .prepare_cached("SELECT op, new FROM audit WHERE tbl = ?1 AND row_id = ?2 ORDER BY seq")?;
    let mut rows = stmt.query((table, id))?;
    let mut state: Option<Map<String, Value>> = None;
    while let Some(r) = rows.next()? {
        let (op, new): (String, Option<String>) = (r.get(0)?, r.get(1)?);
        match op.as_str() {
            "delete" => state = None,
            "update" => {
                let s = state.get_or_insert_with(Map::new);
                for (k, v) in parse(new.as_deref()) {
                    s.insert(k, v);
                }
            }
            _ => state = Some(parse(new.as_deref())),
        }
    }
    Ok(state)
}

fn field_difference(conn: &Connection, table: &str, id: &str, image: &str) -> Result<String> {
    let found = parse(Some(image));
    let want = state_by_trail(conn, table, id)?.unwrap_or_default();
    let mut keys: Vec<&String> = found.keys().chain(want.keys()).collect();
    keys.sort();
    keys.dedup();
    let field = keys.into_iter().find(|k| found.get(*k) != want.get(*k));
    Ok(match field {
        Some(f) => format!(
            "{}（{}）{}：字段「{}」现为 {}，留痕应为 {}",
            table_label(table),
            table,
            id,
            f,
            show(found.get(f)),
            show(want.get(f))
        ),
        None => format!("{}（{}）{}：与留痕不符", table_label(table), table, id),
    })
}

fn show(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "（空）".into(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// 2024-07-10 09:12 in the machine's time zone.
pub(crate) fn local_minute(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| at.to_string())
}

/// 12,345
fn thousands(n: i64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
