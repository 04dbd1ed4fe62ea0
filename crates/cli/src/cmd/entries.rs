//! `record` (one progress entry) and `entries` (listing them).

use std::collections::HashMap;

use serde::Serialize;
use taizhang_core::round::Correction;
use taizhang_core::{validate, Entry, EntryFilter, NewEntry};

use super::input;
use crate::args::{Cli, EntriesArgs, Format, RecordArgs};
use crate::db::{self, Create};
use crate::failure::CliResult;
use crate::figures;
use crate::output::emit;
use crate::table::{left, right, Table};

pub fn record(cli: &Cli, args: &RecordArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let new = NewEntry {
        indicator: args.indicator.clone(),
        unit: args.unit.clone(),
        occurred_on: validate::parse_date(&args.date)?,
        value: input::number("value", &args.value)?,
        note: args.note.clone(),
    };
    let entry = ledger.write(&db::actor(), |w| w.record_entry(new))?;
    let indicator = ledger.indicator(&entry.indicator_id)?;
    let unit = ledger.unit(&entry.unit_id)?;
    Ok(format!(
        "已登记：{} · {} · {} · {}{}（编号 {}）\n",
        indicator.name,
        unit.name,
        entry.occurred_on,
        figures::value(entry.value, indicator.decimals),
        indicator.measure,
        entry.id
    ))
}

pub fn list(cli: &Cli, args: &EntriesArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let filter = EntryFilter {
        indicator: args.indicator.clone(),
        unit: args.unit.clone(),
        include_subunits: Some(!args.no_subunits),
        from: args.from.as_deref().map(validate::parse_date).transpose()?,
        to: args.to.as_deref().map(validate::parse_date).transpose()?,
        limit: Some(if args.limit == 0 {
            u32::MAX
        } else {
            args.limit
        }),
        offset: None,
    };
    let entries = ledger.entries(&filter)?;
    let indicators: HashMap<String, _> = ledger
        .indicators(None, true)?
        .into_iter()
        .map(|i| (i.id.clone(), i))
        .collect();
    let units: HashMap<String, String> = ledger
        .units(true)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let ids: Vec<String> = entries.iter().map(|e| e.id.clone()).collect();
    let corrections = ledger.corrections(&ids)?;
    let lines: Vec<EntryLine<'_>> = entries
        .iter()
        .map(|e| EntryLine {
            entry: e,
            reported: corrections
                .get(&e.id)
                .and_then(|c| c.first())
                .map(|c| c.reported),
            corrections: corrections.get(&e.id).map(Vec::as_slice).unwrap_or(&[]),
        })
        .collect();
    let mut out = emit(args.output.format, &lines, || {
        let mut t = Table::new(vec![
            left("日期", "occurred_on"),
            left("指标", "indicator"),
            left("责任单位", "unit"),
            right("数值", "value"),
            left("计量", "measure"),
            left("备注", "note"),
            left("更正", "correction"),
            left("录入人", "created_by"),
            left("ID", "id"),
        ]);
        for line in &lines {
            let e = line.entry;
            let ind = indicators.get(&e.indicator_id);
            let decimals = ind.map_or(0, |i| i.decimals);
            t.push(vec![
                e.occurred_on.to_string(),
                ind.map(|i| i.name.clone()).unwrap_or_default(),
                units.get(&e.unit_id).cloned().unwrap_or_default(),
                figures::value(e.value, ind.map_or(0, |i| i.decimals)),
                ind.map(|i| i.measure.clone()).unwrap_or_default(),
                e.note.clone(),
                line.reported.map_or_else(String::new, |r| {
                    format!(
                        "原报 {} → 更正为 {}",
                        figures::value(r, decimals),
                        figures::value(e.value, decimals)
                    )
                }),
                e.created_by.clone(),
                e.id.clone(),
            ]);
        }
        t
    })?;
    if args.output.format == Format::Table {
        let total = ledger.count_entries(&filter)?;
        if total > entries.len() as u64 {
            out.push_str(&format!(
                "共 {total} 条，显示最新的 {} 条（--limit 0 显示全部）\n",
                entries.len()
            ));
        } else {
            out.push_str(&format!("共 {total} 条\n"));
        }
    }
    Ok(out)
}

/// An entry as `entries` prints it: the record, and when a reviewer corrected it, the
/// value as reported and every correction ("as reported 12 / as corrected 10").
#[derive(Serialize)]
struct EntryLine<'a> {
    #[serde(flatten)]
    entry: &'a Entry,
    /// The value as the unit reported it, when corrected since.
    #[serde(skip_serializing_if = "Option::is_none")]
    reported: Option<f64>,
    #[serde(skip_serializing_if = "none")]
    corrections: &'a [Correction],
}

fn none(corrections: &&[Correction]) -> bool {
    corrections.is_empty()
}
