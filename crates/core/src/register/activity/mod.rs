//! Activity registers: typed lists of the other actions' events and records (visits,
//! trainings, reports, stations, roadshows …). A register type defines its fields.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{subtree_json, Listing, Page};
use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_action, lookup_unit, Ledger, Writer};
use crate::text::{labelled, optional, TextKind};
use crate::validate::{check_entry_date, check_text, check_value};

/// An activity row's text field is a note: at most 500 characters, lines allowed.
pub const TEXT_FIELD: TextKind = TextKind::Note;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    /// A whole number of people, times …
    Count,
    /// An amount with up to two decimals (万元 …).
    Amount,
    /// One of `options`.
    Choice,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldDef {
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub label_en: String,
    pub kind: FieldKind,
    #[serde(default)]
    pub options: Vec<String>,
    #[serde(default)]
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StatusDef {
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub label_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegisterType {
    pub id: String,
    pub code: String,
    pub action_code: String,
    pub name: String,
    pub name_en: String,
    pub fields: Vec<FieldDef>,
    pub statuses: Vec<StatusDef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewRegisterType {
    pub code: String,
    /// Action id or code.
    pub action: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    pub fields: Vec<FieldDef>,
    #[serde(default)]
    pub statuses: Vec<StatusDef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegisterRow {
    pub id: String,
    pub type_code: String,
    pub occurred_on: NaiveDate,
    pub unit_id: String,
    pub unit: String,
    pub title: String,
    pub status: Option<String>,
    #[ts(type = "Record<string, string | number>")]
    pub data: BTreeMap<String, serde_json::Value>,
    pub is_sample: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewRegisterRow {
    /// Register type code.
    pub register: String,
    pub occurred_on: NaiveDate,
    /// Unit id, code or name.
    pub unit: String,
    pub title: String,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    #[ts(type = "Record<string, string | number>")]
    pub data: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RegisterFilter {
    pub register: String,
    pub search: Option<String>,
    pub unit: Option<String>,
    pub status: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only rows whose data field `match_field` equals `match_value`.
    pub match_field: Option<String>,
    pub match_value: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

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

fn row_by_id(conn: &Connection, id: &str) -> Result<RegisterRow> {
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
    pub fn register_types(&self) -> Result<Vec<RegisterType>> {
        let mut stmt = self.conn().prepare(&format!(
            "{TYPE_SELECT} WHERE t.archived = 0 ORDER BY a.sort_order, t.code"
        ))?;
        let out = stmt
            .query_map([], type_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(out)
    }

    pub fn register_type(&self, key: &str) -> Result<RegisterType> {
        type_by_key(self.conn(), key)
    }

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

    pub fn register_row(&self, id: &str) -> Result<RegisterRow> {
        row_by_id(self.conn(), id)
    }
}

/// Whether `key` may name a register's field or status: ASCII letters, digits and `_`,
/// starting with a letter, at most 40 characters. Keys end up in JSON paths (`$.key`), so
/// nothing else may reach them.
pub fn is_valid_key(key: &str) -> bool {
    key.len() <= 40
        && key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Every field and status key valid and used once in its list.
fn check_keys(fields: &[FieldDef], statuses: &[StatusDef]) -> Result<()> {
    let keys = [
        (
            "fields",
            "字段",
            fields
                .iter()
                .map(|f| (&f.key, &f.label))
                .collect::<Vec<_>>(),
        ),
        (
            "statuses",
            "状态",
            statuses.iter().map(|s| (&s.key, &s.label)).collect(),
        ),
    ];
    for (field, what, list) in keys {
        let mut seen = std::collections::HashSet::new();
        for (key, label) in list {
            let problem = if !is_valid_key(key) {
                format!(
                    "中{what}「{label}」的键「{key}」无效：只能由英文字母、数字和下划线组成，以字母开头，不超过 40 个字符"
                )
            } else if !seen.insert(key.as_str()) {
                format!("中{what}的键「{key}」重复")
            } else {
                continue;
            };
            return Err(LedgerError::Invalid { field, problem });
        }
    }
    Ok(())
}

impl Writer<'_> {
    pub fn add_register_type(&mut self, new: NewRegisterType) -> Result<RegisterType> {
        let code = crate::ledger::check_code(&new.code)?;
        let action = lookup_action(self.conn(), &new.action)?;
        let name = check_text("name", &new.name, 40)?;
        let name_en = optional("name_en", &new.name_en, TextKind::Name)?;
        check_type_texts(&new)?;
        check_keys(&new.fields, &new.statuses)?;
        if type_by_key(self.conn(), &code).is_ok() {
            return Err(LedgerError::Duplicate {
                what: "台账类型",
                key: code,
            });
        }
        let id = self.id_for(|| format!("register_type/{code}"));
        self.conn().execute(
            "INSERT INTO register_type (id, code, action_id, name, name_en, fields, statuses, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9)",
            rusqlite::params![
                id,
                code,
                action.id,
                name,
                name_en,
                serde_json::to_string(&new.fields).unwrap_or_default(),
                serde_json::to_string(&new.statuses).unwrap_or_default(),
                self.now(),
                self.actor().name
            ],
        )?;
        type_by_key(self.conn(), &id)
    }

    pub fn add_register_row(&mut self, new: NewRegisterRow) -> Result<RegisterRow> {
        self.add_register_row_marked(new, false, None)
    }

    pub(crate) fn add_register_row_marked(
        &mut self,
        new: NewRegisterRow,
        is_sample: bool,
        key: Option<String>,
    ) -> Result<RegisterRow> {
        let (t, unit, title, data) = check_row(self.conn(), &new, self.today())?;
        self.ensure_open(new.occurred_on)?;
        let id = match key {
            Some(k) => self.id_for(|| k),
            None => crate::ledger::new_id(),
        };
        self.conn().execute(
            "INSERT INTO register_row (id, type_id, occurred_on, unit_id, title, status, data, is_sample,
                                       created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
            rusqlite::params![
                id,
                t.id,
                new.occurred_on,
                unit.id,
                title,
                new.status,
                serde_json::to_string(&data).unwrap_or_default(),
                is_sample,
                self.now(),
                self.actor().name
            ],
        )?;
        row_by_id(self.conn(), &id)
    }

    /// Changes every field of an activity row under the rules of adding one; the row stays
    /// in its register (`register` must be its type).
    pub fn update_register_row(&mut self, id: &str, change: NewRegisterRow) -> Result<RegisterRow> {
        let old = row_by_id(self.conn(), id)?;
        let (t, unit, title, data) = check_row(self.conn(), &change, self.today())?;
        self.ensure_open(old.occurred_on)?;
        self.ensure_open(change.occurred_on)?;
        if t.code != old.type_code {
            return Err(LedgerError::Invalid {
                field: "register",
                problem: format!("不能把「{}」的记录改到「{}」", old.type_code, t.name),
            });
        }
        self.conn().execute(
            "UPDATE register_row SET occurred_on = ?2, unit_id = ?3, title = ?4, status = ?5, data = ?6,
                                     updated_at = ?7, updated_by = ?8
             WHERE id = ?1",
            rusqlite::params![
                old.id,
                change.occurred_on,
                unit.id,
                title,
                change.status,
                serde_json::to_string(&data).unwrap_or_default(),
                self.now(),
                self.actor().name
            ],
        )?;
        row_by_id(self.conn(), &old.id)
    }

    pub fn delete_register_row(&mut self, id: &str) -> Result<()> {
        if let Ok(old) = row_by_id(self.conn(), id) {
            self.ensure_open(old.occurred_on)?;
        }
        let n = self
            .conn()
            .execute("DELETE FROM register_row WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(LedgerError::NotFound {
                what: "台账记录",
                id: id.to_string(),
            });
        }
        Ok(())
    }
}

/// The labels, English labels and options of a type's fields and statuses are names:
/// one line, no control characters, at most 100 characters.
fn check_type_texts(new: &NewRegisterType) -> Result<()> {
    let name = |t: &str| optional("label", t, TextKind::Name).map(|_| ());
    for f in &new.fields {
        name(&f.label)?;
        name(&f.label_en)?;
        for o in &f.options {
            name(o)?;
        }
    }
    for s in &new.statuses {
        name(&s.label)?;
        name(&s.label_en)?;
    }
    Ok(())
}

/// A new or changed row's type, unit, clean title and checked data.
type CheckedRow = (
    RegisterType,
    crate::model::Unit,
    String,
    BTreeMap<String, serde_json::Value>,
);

fn check_row(conn: &Connection, new: &NewRegisterRow, today: NaiveDate) -> Result<CheckedRow> {
    let t = type_by_key(conn, &new.register)?;
    let unit = lookup_unit(conn, &new.unit)?;
    let title = check_text("title", &new.title, crate::text::NAME_CHARS)?;
    check_entry_date(new.occurred_on, today)?;
    check_status(&t, new.status.as_deref())?;
    let data = check_data(&t, &new.data)?;
    Ok((t, unit, title, data))
}

fn check_status(t: &RegisterType, status: Option<&str>) -> Result<()> {
    match status {
        None if t.statuses.is_empty() => Ok(()),
        None => Err(LedgerError::Invalid {
            field: "status",
            problem: "不能为空".into(),
        }),
        Some(s) if t.statuses.iter().any(|d| d.key == s) => Ok(()),
        Some(s) => Err(LedgerError::Invalid {
            field: "status",
            problem: format!(
                "「{s}」不是可选状态（{}）",
                t.statuses
                    .iter()
                    .map(|d| d.label.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            ),
        }),
    }
}

/// Every key is a field of the type; counts are whole and non-negative, amounts have at
/// most two decimals, choices are among the options, required fields are present.
fn check_data(
    t: &RegisterType,
    data: &BTreeMap<String, serde_json::Value>,
) -> Result<BTreeMap<String, serde_json::Value>> {
    let mut out = BTreeMap::new();
    for (k, v) in data {
        let Some(def) = t.fields.iter().find(|f| &f.key == k) else {
            return Err(LedgerError::BadField {
                key: k.clone(),
                label: k.clone(),
                problem: format!("不是「{}」的字段", t.name),
            });
        };
        let bad = |problem: String| LedgerError::BadField {
            key: def.key.clone(),
            label: def.label.clone(),
            problem,
        };
        let value = match def.kind {
            FieldKind::Text | FieldKind::Choice => {
                let s = v
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.to_string());
                let s = labelled(&def.key, &def.label, &s, TEXT_FIELD, TEXT_FIELD.limit())?;
                if def.kind == FieldKind::Choice && !def.options.contains(&s) {
                    return Err(bad(format!("应为 {} 之一", def.options.join("、"))));
                }
                serde_json::Value::String(s)
            }
            FieldKind::Count | FieldKind::Amount => {
                let n = v
                    .as_f64()
                    .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()));
                let n = n.ok_or_else(|| bad(format!("不是数字：{v}")))?;
                let decimals = if def.kind == FieldKind::Count { 0 } else { 2 };
                check_value("value", n, decimals)
                    .map_err(|e| bad(e.to_string().replace("「数值」", "")))?;
                if decimals == 0 {
                    serde_json::json!(n as i64)
                } else {
                    serde_json::json!(n)
                }
            }
        };
        out.insert(k.clone(), value);
    }
    if let Some(missing) = t
        .fields
        .iter()
        .find(|f| f.required && !out.contains_key(&f.key))
    {
        return Err(LedgerError::BadField {
            key: missing.key.clone(),
            label: missing.label.clone(),
            problem: "是必填项，不能为空".into(),
        });
    }
    Ok(out)
}
