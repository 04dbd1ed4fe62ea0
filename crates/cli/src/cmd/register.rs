//! `register types|list|add`: the typed activity registers (visits, trainings, reports,
//! stations, roadshows …). Field names and statuses may be typed as their keys or as
//! their Chinese labels; the core checks the values.

use std::collections::{BTreeMap, HashMap};

use taizhang_core::register::activity::{
    FieldDef, FieldKind, NewRegisterRow, RegisterFilter, RegisterRow, RegisterType,
};
use taizhang_core::validate;

use super::listing;
use crate::args::{Cli, FormatArgs, RegisterAddArgs, RegisterListArgs};
use crate::db::{self, Create};
use crate::failure::{CliResult, Failure};
use crate::output::emit;
use crate::table::{left, Align, Column, Table};

pub fn types(cli: &Cli, args: &FormatArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let types = ledger.register_types()?;
    let actions: HashMap<String, String> = ledger
        .actions(true)?
        .into_iter()
        .map(|a| (a.code, a.name))
        .collect();
    emit(args.format, &types, || {
        let mut t = Table::new(vec![
            left("编码", "code"),
            left("名称", "name"),
            left("行动", "action"),
            left("字段（* 为必填）", "fields"),
            left("状态", "statuses"),
        ]);
        for r in &types {
            let fields: Vec<String> = r.fields.iter().map(describe_field).collect();
            let statuses: Vec<String> = r
                .statuses
                .iter()
                .map(|s| format!("{} {}", s.key, s.label))
                .collect();
            t.push(vec![
                r.code.clone(),
                r.name.clone(),
                actions.get(&r.action_code).cloned().unwrap_or_default(),
                fields.join("；"),
                statuses.join("；"),
            ]);
        }
        t
    })
}

/// "target_kind 走访对象*（企业/商会）"
fn describe_field(f: &FieldDef) -> String {
    let required = if f.required { "*" } else { "" };
    let options = if f.options.is_empty() {
        String::new()
    } else {
        format!("（{}）", f.options.join("/"))
    };
    format!("{} {}{required}{options}", f.key, f.label)
}

/// The key of a field named by its key or its label.
pub(crate) fn field_key(t: &RegisterType, name: &str) -> CliResult<String> {
    t.fields
        .iter()
        .find(|f| f.key == name || f.label == name)
        .map(|f| f.key.clone())
        .ok_or_else(|| {
            let all: Vec<String> = t
                .fields
                .iter()
                .map(|f| format!("{} {}", f.key, f.label))
                .collect();
            Failure::new(
                "invalid",
                format!(
                    "「{}」没有字段「{name}」；可用字段：{}",
                    t.name,
                    all.join("、")
                ),
            )
        })
}

/// The key of a status named by its key or label; anything else goes to the core as
/// typed, which says which statuses there are.
pub(crate) fn status_key(t: &RegisterType, text: &str) -> String {
    let text = text.trim();
    t.statuses
        .iter()
        .find(|s| s.key == text || s.label == text)
        .map_or_else(|| text.to_string(), |s| s.key.clone())
}

pub(crate) fn pair(text: &str) -> CliResult<(&str, &str)> {
    listing::key_value(text).ok_or_else(|| {
        Failure::new(
            "invalid",
            format!("「{text}」应写作 字段=值，如 participants=35"),
        )
    })
}

pub fn list(cli: &Cli, args: &RegisterListArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let t = ledger.register_type(&args.register)?;
    let (match_field, match_value) = match args.matching.as_deref() {
        Some(m) => {
            let (k, v) = pair(m)?;
            (Some(field_key(&t, k)?), Some(v.to_string()))
        }
        None => (None, None),
    };
    let filter = RegisterFilter {
        register: t.code.clone(),
        search: args.search.clone(),
        unit: args.unit.clone(),
        status: args.status.as_deref().map(|s| status_key(&t, s)),
        from: listing::date(args.from.as_deref())?,
        to: listing::date(args.to.as_deref())?,
        match_field,
        match_value,
        limit: listing::limit(&args.list),
        offset: None,
    };
    let page = ledger.register_rows(&filter)?;
    let raw = listing::raw(&args.list);
    listing::print(&args.list, &page, || rows_table(&t, &page.rows, raw))
}

/// Date, unit, title, status (when the type has statuses; its key when `raw`), one column
/// per field, id.
fn rows_table(t: &RegisterType, rows: &[RegisterRow], raw: bool) -> Table {
    let mut columns = vec![
        left("日期", "occurred_on"),
        left("责任单位", "unit"),
        left("事项", "title"),
    ];
    if !t.statuses.is_empty() {
        columns.push(left("状态", "status"));
    }
    columns.extend(t.fields.iter().map(|f| Column {
        title: leak(&f.label),
        key: leak(&f.key),
        align: match f.kind {
            FieldKind::Count | FieldKind::Amount => Align::Right,
            FieldKind::Text | FieldKind::Choice => Align::Left,
        },
    }));
    columns.push(left("ID", "id"));
    let mut table = Table::new(columns);
    let labels: HashMap<&str, &str> = t
        .statuses
        .iter()
        .map(|s| (s.key.as_str(), s.label.as_str()))
        .collect();
    for r in rows {
        let mut cells = vec![r.occurred_on.to_string(), r.unit.clone(), r.title.clone()];
        if !t.statuses.is_empty() {
            let s = r.status.as_deref().unwrap_or_default();
            let label = if raw { None } else { labels.get(s).copied() };
            cells.push(label.unwrap_or(s).to_string());
        }
        for f in &t.fields {
            cells.push(match r.data.get(&f.key) {
                None => String::new(),
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
            });
        }
        cells.push(r.id.clone());
        table.push(cells);
    }
    table
}

/// A register's own column titles. Table columns hold `&'static str`; these few labels
/// are leaked, which costs nothing in a process that prints once and exits.
fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

pub fn add(cli: &Cli, args: &RegisterAddArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let t = ledger.register_type(&args.register)?;
    let mut data = BTreeMap::new();
    for text in &args.fields {
        let (k, v) = pair(text)?;
        data.insert(field_key(&t, k)?, serde_json::Value::String(v.to_string()));
    }
    let new = NewRegisterRow {
        register: t.code.clone(),
        occurred_on: validate::parse_date(&args.date)?,
        unit: args.unit.clone(),
        title: args.title.clone(),
        status: args.status.as_deref().map(|s| status_key(&t, s)),
        data,
    };
    let row = ledger.write(&db::actor(), |w| w.add_register_row(new))?;
    let mut out = format!(
        "已登记「{}」：{} · {} · {}",
        t.name, row.occurred_on, row.unit, row.title
    );
    if let Some(s) = &row.status {
        let label = t
            .statuses
            .iter()
            .find(|d| &d.key == s)
            .map_or(s.as_str(), |d| d.label.as_str());
        out.push_str(&format!(" · {label}"));
    }
    out.push_str(&format!("（编号 {}）\n", row.id));
    Ok(out)
}
