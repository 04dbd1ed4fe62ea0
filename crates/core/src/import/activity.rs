//! Activity register rows of one type: date, unit, title, status (when the type has
//! statuses) and the type's own fields, read by their labels. The same type, date, unit
//! and title is a duplicate.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::catalog::Catalog;
use super::plan::{Item, Parsed, RowKind};
use super::rows::RowReader;
use crate::error::Result;
use crate::register::activity::{type_by_key, FieldKind, NewRegisterRow, RegisterType};
use crate::register::clean_name;
use crate::validate::{check_text, check_value};

pub(crate) struct Activity {
    catalog: Catalog,
    today: NaiveDate,
    register: RegisterType,
    existing: HashSet<String>,
}

fn key(date: NaiveDate, unit_id: &str, title: &str) -> String {
    format!("{date}|{unit_id}|{}", clean_name(title))
}

impl Activity {
    pub(crate) fn new(conn: &Connection, today: NaiveDate, register: &str) -> Result<Self> {
        let register = type_by_key(conn, register)?;
        let mut stmt = conn
            .prepare("SELECT occurred_on, unit_id, title FROM register_row WHERE type_id = ?1")?;
        let existing = stmt
            .query_map([&register.id], |r| {
                Ok(key(
                    r.get(0)?,
                    &r.get::<_, String>(1)?,
                    &r.get::<_, String>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Self {
            catalog: Catalog::read(conn)?,
            today,
            register,
            existing,
        })
    }

    /// The status key of a label or key the clerk wrote.
    fn status(&self, r: &mut RowReader<'_>) -> Option<String> {
        if self.register.statuses.is_empty() {
            return None;
        }
        let t = r.required("status")?;
        let found = self
            .register
            .statuses
            .iter()
            .find(|s| s.key == t || s.label == t)
            .map(|s| s.key.clone());
        if found.is_none() {
            let all: Vec<&str> = self
                .register
                .statuses
                .iter()
                .map(|s| s.label.as_str())
                .collect();
            r.problem(
                "status",
                format!("「{t}」不是可选状态（{}）", all.join("、")),
            );
        }
        found
    }

    /// The type's own fields, checked as the register checks them.
    fn data(&self, r: &mut RowReader<'_>) -> BTreeMap<String, serde_json::Value> {
        let mut out = BTreeMap::new();
        for f in &self.register.fields {
            let column = format!("data.{}", f.key);
            let value = match f.kind {
                FieldKind::Text | FieldKind::Choice => {
                    let Some(t) = r.text(&column) else {
                        if f.required {
                            r.problem(&column, "不能为空".into());
                        }
                        continue;
                    };
                    if f.kind == FieldKind::Text {
                        let kind = crate::register::activity::TEXT_FIELD;
                        if let Err(e) =
                            crate::text::labelled(&column, &f.label, &t, kind, kind.limit())
                        {
                            r.rule(&column, &e);
                            continue;
                        }
                    }
                    if f.kind == FieldKind::Choice && !f.options.contains(&t) {
                        r.problem(
                            &column,
                            format!("「{t}」不是可选项（{}）", f.options.join("、")),
                        );
                        continue;
                    }
                    serde_json::Value::String(t)
                }
                FieldKind::Count | FieldKind::Amount => {
                    let n = if f.required {
                        r.required_number(&column)
                    } else {
                        r.number(&column).ok().flatten()
                    };
                    let Some(n) = n else { continue };
                    let decimals = if f.kind == FieldKind::Count { 0 } else { 2 };
                    if let Err(e) = check_value("value", n, decimals) {
                        r.rule(&column, &e);
                        continue;
                    }
                    if decimals == 0 {
                        serde_json::json!(n as i64)
                    } else {
                        serde_json::json!(super::entries::round_to(n, 2))
                    }
                }
            };
            out.insert(f.key.clone(), value);
        }
        out
    }
}

impl RowKind for Activity {
    fn read(&mut self, r: &mut RowReader<'_>) -> Result<Option<Parsed>> {
        let date = r.required_entry_date("occurred_on", self.today);
        let unit = r.required("unit").and_then(|k| {
            let found = self.catalog.unit(&k).map_err(|e| r.rule("unit", &e));
            found.ok()
        });
        if let Some(u) = unit {
            r.show("unit", u.name.clone());
        }
        let title = r.required("title").and_then(|t| {
            let checked =
                check_text("title", &t, crate::text::NAME_CHARS).map_err(|e| r.rule("title", &e));
            checked.ok()
        });
        let status = self.status(r);
        let data = self.data(r);
        let (Some(date), Some(unit), Some(title)) = (date, unit, title) else {
            return Ok(None);
        };
        if !r.ok() {
            return Ok(None);
        }
        let key = key(date, &unit.id, &title);
        let existing = self.existing.contains(&key).then(|| {
            format!(
                "「{}」中已有同日、同单位、同事项的记录，不再导入",
                self.register.name
            )
        });
        Ok(Some(Parsed {
            key,
            item: Item::Activity(Box::new(NewRegisterRow {
                register: self.register.id.clone(),
                occurred_on: date,
                unit: unit.id.clone(),
                title,
                status,
                data,
            })),
            existing,
            creates: Vec::new(),
        }))
    }
}
