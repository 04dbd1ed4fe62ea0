//! Reading SQLite session changesets (the format `sqlite3session_changeset` writes): their
//! changes one by one with their values, counts per table, and a copy without some changes
//! (rows the receiver does not apply), made with SQLite's own changegroup.

use std::collections::BTreeMap;

use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
use rusqlite::ffi;
use rusqlite::session::{ChangesetItem, ChangesetIter};
use rusqlite::types::ValueRef;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Insert,
    Update,
    Delete,
}

/// One change: its table, operation, key, and the values before and after (None where the
/// changeset leaves a column undefined: an update's unchanged columns).
#[derive(Debug, Clone)]
pub struct Change {
    pub table: String,
    pub op: Op,
    pub key: String,
    pub old: Vec<Option<Value>>,
    pub new: Vec<Option<Value>>,
}

/// Inserts, updates and deletes of one table in a package.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct TableCounts {
    /// Rows inserted.
    #[ts(type = "number")]
    pub insert: u64,
    /// Rows updated.
    #[ts(type = "number")]
    pub update: u64,
    /// Rows deleted.
    #[ts(type = "number")]
    pub delete: u64,
}

/// Every change of `bytes`, in the changeset's order.
pub fn changes(bytes: &[u8]) -> Result<Vec<Change>> {
    let mut input: &[u8] = bytes;
    let reader: &mut dyn std::io::Read = &mut input;
    let mut iter = ChangesetIter::start_strm(&reader)?;
    let mut out = Vec::new();
    while let Some(item) = iter.next()? {
        out.push(read_item(item)?);
    }
    Ok(out)
}

fn read_item(item: &ChangesetItem) -> Result<Change> {
    let op = item.op()?;
    let table = op.table_name().to_string();
    let n = op.number_of_columns() as usize;
    let code = match op.code() {
        rusqlite::hooks::Action::SQLITE_INSERT => Op::Insert,
        rusqlite::hooks::Action::SQLITE_DELETE => Op::Delete,
        _ => Op::Update,
    };
    let pk: Vec<bool> = item.pk()?.iter().map(|b| *b != 0).collect();
    let old: Vec<Option<Value>> = if code == Op::Insert {
        vec![None; n]
    } else {
        (0..n)
            .map(|i| item.old_value(i).ok().map(json_of))
            .collect()
    };
    let new: Vec<Option<Value>> = if code == Op::Delete {
        vec![None; n]
    } else {
        (0..n)
            .map(|i| item.new_value(i).ok().map(json_of))
            .collect()
    };
    let key_col = pk.iter().position(|p| *p).unwrap_or(0);
    let key = match old
        .get(key_col)
        .cloned()
        .flatten()
        .or_else(|| new.get(key_col).cloned().flatten())
    {
        Some(Value::String(s)) => s,
        Some(v) => v.to_string(),
        None => String::new(),
    };
    Ok(Change {
        table,
        op: code,
        key,
        old,
        new,
    })
}

/// A value as JSON: text, numbers and NULL as themselves, a blob as hex.
pub fn json_of(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::String(super::keys::hex(b)),
    }
}

/// Counts per table.
pub fn counts(changes: &[Change]) -> BTreeMap<String, TableCounts> {
    let mut out: BTreeMap<String, TableCounts> = BTreeMap::new();
    for c in changes {
        let e = out.entry(c.table.clone()).or_default();
        match c.op {
            Op::Insert => e.insert += 1,
            Op::Update => e.update += 1,
            Op::Delete => e.delete += 1,
        }
    }
    out
}

/// The changeset without the changes whose `keep` is false (same order as [`changes`]).
pub fn keep_only(bytes: &[u8], keep: &[bool]) -> Result<Vec<u8>> {
    // SAFETY: the iterator reads `bytes`, which outlive it; the changegroup copies each
    // change it is given; every object made here is finalised or deleted before return,
    // and the output buffer is copied then freed with sqlite3_free.
    unsafe {
        let mut group: *mut ffi::sqlite3_changegroup = std::ptr::null_mut();
        check(ffi::sqlite3changegroup_new(&mut group))?;
        let mut iter: *mut ffi::sqlite3_changeset_iter = std::ptr::null_mut();
        let rc = ffi::sqlite3changeset_start(
            &mut iter,
            bytes.len() as i32,
            bytes.as_ptr() as *mut std::ffi::c_void,
        );
        if rc != ffi::SQLITE_OK {
            ffi::sqlite3changegroup_delete(group);
            return Err(code_error(rc));
        }
        let mut i = 0;
        let mut rc = ffi::SQLITE_OK;
        loop {
            let step = ffi::sqlite3changeset_next(iter);
            if step != ffi::SQLITE_ROW {
                if step != ffi::SQLITE_DONE {
                    rc = step;
                }
                break;
            }
            if keep.get(i).copied().unwrap_or(false) {
                rc = ffi::sqlite3changegroup_add_change(group, iter);
                if rc != ffi::SQLITE_OK {
                    break;
                }
            }
            i += 1;
        }
        ffi::sqlite3changeset_finalize(iter);
        if rc != ffi::SQLITE_OK {
            ffi::sqlite3changegroup_delete(group);
            return Err(code_error(rc));
        }
        let mut n = 0;
        let mut out: *mut std::ffi::c_void = std::ptr::null_mut();
        let rc = ffi::sqlite3changegroup_output(group, &mut n, &mut out);
        ffi::sqlite3changegroup_delete(group);
        check(rc)?;
        let copy = if out.is_null() || n <= 0 {
            Vec::new()
        } else {
            std::slice::from_raw_parts(out as *const u8, n as usize).to_vec()
        };
        ffi::sqlite3_free(out);
        Ok(copy)
    }
}

fn check(rc: i32) -> Result<()> {
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(code_error(rc))
    }
}

fn code_error(rc: i32) -> crate::LedgerError {
    rusqlite::Error::SqliteFailure(ffi::Error::new(rc), None).into()
}
