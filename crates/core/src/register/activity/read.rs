//! Reading register types and activity rows.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};

use super::{RegisterFilter, RegisterRow, RegisterType};
use crate::error::{LedgerError, Result};
use crate::ledger::Ledger;
use crate::register::{subtree_json, Listing, Page};

fn type_row(r: &Row<'_>) -> rusqlite::Result<RegisterType> {
    let fields: String = r.get(5)?;
    let statuses: String = r.get(6)?;
    Ok(RegisterType {
        id: r.get(0)?,
        code: r.get(1)?,
        action_code: r.get(2)?,
        name: r.get(3)?,
        name_en: r.get(4)?,
        fields: serde_json::from_str(&fields).unwrap_or_default(),
        statuses: serde_json::from_str(&statuses).unwrap_or_default(),
    })
}

const TYPE_SELECT: &str = "SELECT t.id, t.code, a.code, t.name, t.name_en, t.fields, t.statuses
     FROM register_type t JOIN action a ON a.id = t.action_id";

pub(crate) fn type_by_key(conn: &Connection, key: &str) -> Result<RegisterType> {
    conn.prepare_cached(&format!("{TYPE_SELECT} WHERE t.id = ?1 OR t.code = ?1"))?
        .query_row([key.trim()], type_row)
        .optional()?
        .ok_or_else(|| LedgerError::NotFound {
            what: "台账类型",
            id: key.to_string(),
        })
}

const ROW_COLUMNS: &str =
    "r.id, t.code, r.occurred_on, r.unit_id, u.name, r.title, r.status, r.data, r.is_sample";
const ROW_FROM: &str =
    "FROM register_row r JOIN register_type t ON t.id = r.type_id JOIN unit u ON u.id = r.unit_id";

pub(super) fn row_by_id(conn: &Connection, id: &str) -> Result<RegisterRow> {
    conn.prepare_cached(&format!("SELECT {ROW_COLUMNS} {ROW_FROM} WHERE r.id = ?1"))?
        .query_row([id], row)
        .optional()?
        .ok_or_else(|| LedgerError::NotFound {
            what: "台账记录",
            id: id.to_string(),
        })
}

fn row(r: &Row<'_>) -> rusqlite::Result<RegisterRow> {
    let data: String = r.get(7)?;
    Ok(RegisterRow {
        id: r.get(0)?,
        type_code: r.get(1)?,
        occurred_on: r.get(2)?,
        unit_id: r.get(3)?,
        unit: r.get(4)?,
        title: r.get(5)?,
        status: r.get(6)?,
        data: serde_json::from_str(&data).unwrap_or_default(),
        is_sample: r.get(8)?,
    })
}

impl Ledger {
    /// The ledger's register types that are not archived, in their actions' order.
    pub fn register_types(&self) -> Result<Vec<RegisterType>> {
        let mut stmt = self.conn().prepare(&format!(
            "{TYPE_SELECT} WHERE t.archived = 0 ORDER BY a.sort_order, t.code"
        ))?;
        let out = stmt
            .query_map([], type_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(out)
    }

    /// One register type, by its id or code.
    pub fn register_type(&self, key: &str) -> Result<RegisterType> {
        type_by_key(self.conn(), key)
    }

    /// One page of an activity register's rows, newest first, within the reader's scope.
    pub fn register_rows(&self, f: &RegisterFilter) -> Result<Page<RegisterRow>> {
        let t = type_by_key(self.conn(), &f.register)?;
        let unit = self.clamp_unit(f.unit.as_deref())?;
        let units = unit
            .as_deref()
            .map(|k| subtree_json(self.conn(), k))
            .transpose()?;
        let like = f.search.as_deref().map(|s| format!("%{}%", s.trim()));
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
        // A field's value: the stored JSON is compact (`"key":"value"`), so a LIKE on the
        // text finds the candidates without parsing every row, and json_extract decides.
        let matching = f.match_field.as_deref().map(|k| {
            let text =
                serde_json::to_string(&serde_json::json!({ k: f.match_value })).unwrap_or_default();
            let inner = text.trim_start_matches('{').trim_end_matches('}');
            vec![
                format!("%{inner}%").into(),
                format!("$.{k}").into(),
                f.match_value.clone().into(),
            ]
        });
        // A search or a field's value reads every row of the register anyway: then walking
        // the table beats looking each row up from the type's index (`+` keeps it off it).
        let by_type = if like.is_some() || matching.is_some() {
            "+r.type_id = ?"
        } else {
            "r.type_id = ?"
        };
        Listing::new("FROM register_row r", "r.id", "r.occurred_on DESC, r.id")
            .in_one_pass(like.is_some() || matching.is_some())
            .when(Some(t.id), by_type)
            .when(like, "(r.title LIKE ? OR r.data LIKE ?)")
            .when(units, "r.unit_id IN (SELECT value FROM json_each(?))")
            .when(f.status.clone(), "r.status = ?")
            .when(date(f.from), "r.occurred_on >= ?")
            .when(date(f.to), "r.occurred_on <= ?")
            .when_all(matching, "r.data LIKE ? AND json_extract(r.data, ?) = ?")
            .page(
                self.conn(),
                (ROW_COLUMNS, ROW_FROM),
                (f.limit, f.offset),
                row,
            )
    }

    /// One activity register row, by its id.
    pub fn register_row(&self, id: &str) -> Result<RegisterRow> {
        row_by_id(self.conn(), id)
    }
}
