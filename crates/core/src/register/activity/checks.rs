//! The rules a register type and an activity row must meet before they are written.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::read::type_by_key;
use super::{
    FieldDef, FieldKind, NewRegisterRow, NewRegisterType, RegisterType, StatusDef, TEXT_FIELD,
};
use crate::error::{LedgerError, Result};
use crate::ledger::lookup_unit;
use crate::text::{labelled, optional, TextKind};
use crate::validate::{check_entry_date, check_text, check_value};

/// Whether `key` may name a register's field or status: ASCII letters, digits and `_`,
/// starting with a letter, at most 40 characters. Keys end up in JSON paths (`$.key`), so
/// nothing else may reach them.
pub fn is_valid_key(key: &str) -> bool {
    key.len() <= 40
        && key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Every field and status key valid and used once in its list.
pub(super) fn check_keys(fields: &[FieldDef], statuses: &[StatusDef]) -> Result<()> {
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

/// The labels, English labels and options of a type's fields and statuses are names:
/// one line, no control characters, at most 100 characters.
pub(super) fn check_type_texts(new: &NewRegisterType) -> Result<()> {
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
pub(super) type CheckedRow = (
    RegisterType,
    crate::model::Unit,
    String,
    BTreeMap<String, serde_json::Value>,
);

pub(super) fn check_row(
    conn: &Connection,
    new: &NewRegisterRow,
    today: NaiveDate,
) -> Result<CheckedRow> {
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
