//! 冲突 resolved by a person: the row takes the other version (ours: the ledger's row as it
//! was before the package; theirs: the sender's values), in one write with its trail. The
//! next package carries the result to the other side.

use rusqlite::types::Value as Sql;
use rusqlite::OptionalExtension;
use serde_json::{Map, Value};

use super::ExchangeError;
use crate::error::Result;
use crate::model::Actor;
use crate::{Ledger, LedgerError};

/// kind, table, row id, ours, theirs, stands.
type KeptConflict = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
);

impl Ledger {
    /// Makes the conflict's row hold `take` (`ours` or `theirs`).
    pub fn exchange_resolve(&mut self, actor: &Actor, conflict_id: &str, take: &str) -> Result<()> {
        let found: Option<KeptConflict> = self
            .conn()
            .query_row(
                "SELECT kind, tbl, row_id, ours, theirs, stands FROM exchange_conflict WHERE id = ?1",
                [conflict_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
            )
            .optional()?;
        let Some((kind, table, row_id, ours, theirs, stands)) = found else {
            return Err(LedgerError::NotFound {
                what: "冲突",
                id: conflict_id.into(),
            });
        };
        if kind != "conflict" || !matches!(take, "ours" | "theirs") {
            return Err(
                ExchangeError::WrongRole("只有两边都改过的行（冲突）可以选择版本".into()).into(),
            );
        }
        if take == stands {
            return Ok(());
        }
        let image = if take == "ours" { ours } else { theirs };
        let values: Option<Map<String, Value>> = image.and_then(|s| serde_json::from_str(&s).ok());
        let columns = super::apply::column_names(self.conn(), &[table.as_str()])?;
        let known = columns.get(&table).cloned().unwrap_or_default();
        let key = known.first().cloned().unwrap_or_else(|| "id".into());
        self.write(actor, |w| {
            w.set_reason(&format!("数据交换：冲突采用{}的版本", if take == "ours" { "本台账" } else { "对方" }));
            match &values {
                None => {
                    w.conn()
                        .execute(&format!("DELETE FROM main.\"{table}\" WHERE \"{key}\" = ?1"), [&row_id])?;
                }
                Some(v) => {
                    let cols: Vec<&String> = v.keys().filter(|c| known.contains(c) && **c != key).collect();
                    let exists: bool = w.conn().query_row(
                        &format!("SELECT EXISTS (SELECT 1 FROM main.\"{table}\" WHERE \"{key}\" = ?1)"),
                        [&row_id],
                        |r| r.get(0),
                    )?;
                    let params: Vec<Sql> = cols.iter().map(|c| sql_of(&v[*c])).collect();
                    let sql = if exists {
                        let sets: Vec<String> = cols.iter().enumerate().map(|(i, c)| format!("\"{c}\" = ?{}", i + 2)).collect();
                        format!("UPDATE main.\"{table}\" SET {} WHERE \"{key}\" = ?1", sets.join(", "))
                    } else {
                        let names: Vec<String> = cols.iter().map(|c| format!("\"{c}\"")).collect();
                        let marks: Vec<String> = (0..cols.len()).map(|i| format!("?{}", i + 2)).collect();
                        format!(
                            "INSERT INTO main.\"{table}\" (\"{key}\", {}) VALUES (?1, {})",
                            names.join(", "),
                            marks.join(", ")
                        )
                    };
                    let mut all = vec![Sql::Text(row_id.clone())];
                    all.extend(params);
                    w.conn().execute(&sql, rusqlite::params_from_iter(all))?;
                }
            }
            let (now, by) = (w.now().to_string(), w.actor().name.clone());
            w.conn().execute(
                "UPDATE exchange_conflict SET stands = ?2, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
                (conflict_id, take, now, by),
            )?;
            Ok(())
        })
    }
}

fn sql_of(v: &Value) -> Sql {
    match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => n
            .as_i64()
            .map(Sql::Integer)
            .unwrap_or_else(|| Sql::Real(n.as_f64().unwrap_or(0.0))),
        Value::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}
