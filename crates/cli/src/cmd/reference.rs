//! `actions`, `indicators`, `units`: the ledger's reference data.

use std::collections::HashMap;

use taizhang_core::{Pacing, Unit};

use crate::args::{Cli, Format, FormatArgs, IndicatorsArgs};
use crate::db;
use crate::failure::CliResult;
use crate::output::{emit, json};
use crate::table::{left, right, Table};

pub fn actions(cli: &Cli, args: &FormatArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let actions = ledger.actions(false)?;
    let indicators = ledger.indicators(None, false)?;
    emit(args.format, &actions, || {
        let mut t = Table::new(vec![
            left("编码", "code"),
            left("名称", "name"),
            right("指标数", "indicators"),
            left("英文名", "name_en"),
            left("说明", "description"),
        ]);
        for a in &actions {
            let n = indicators.iter().filter(|i| i.action_id == a.id).count();
            t.push(vec![
                a.code.clone(),
                a.name.clone(),
                n.to_string(),
                a.name_en.clone(),
                a.description.clone(),
            ]);
        }
        t
    })
}

pub fn indicators(cli: &Cli, args: &IndicatorsArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let indicators = ledger.indicators(args.action.as_deref(), false)?;
    let action_names: HashMap<String, String> = ledger
        .actions(true)?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    emit(args.output.format, &indicators, || {
        let mut t = Table::new(vec![
            left("编码", "code"),
            left("行动", "action_name"),
            left("指标", "name"),
            left("计量", "measure"),
            right("小数位", "decimals"),
            left("序时曲线", "pacing"),
            left("重点", "headline"),
        ]);
        for i in &indicators {
            let pacing = match i.pacing {
                Pacing::Linear => "按日均匀",
                Pacing::Quarterly => "按季度",
            };
            t.push(vec![
                i.code.clone(),
                action_names.get(&i.action_id).cloned().unwrap_or_default(),
                i.name.clone(),
                i.measure.clone(),
                i.decimals.to_string(),
                pacing.into(),
                if i.headline { "是" } else { "" }.into(),
            ]);
        }
        t
    })
}

pub fn units(cli: &Cli, args: &FormatArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let units = ledger.units(false)?;
    match args.format {
        Format::Json => json(&units),
        Format::Table => Ok(tree_table(&units).render()),
        Format::Csv => Ok(flat_table(&units).to_csv()?),
    }
}

/// Names indented by their depth in the tree.
fn tree_table(units: &[Unit]) -> Table {
    let mut t = Table::new(vec![
        left("名称", "name"),
        left("编码", "code"),
        left("类别", "kind"),
        left("英文名", "name_en"),
    ]);
    for (u, depth) in units.iter().zip(depths(units)) {
        let indented = format!("{}{}", "  ".repeat(depth), u.name);
        t.push(vec![
            indented,
            u.code.clone(),
            u.kind.label_zh().into(),
            u.name_en.clone(),
        ]);
    }
    t
}

/// For scripts: the parent named by code instead of indentation.
fn flat_table(units: &[Unit]) -> Table {
    let codes: HashMap<&str, &str> = units
        .iter()
        .map(|u| (u.id.as_str(), u.code.as_str()))
        .collect();
    let mut t = Table::new(vec![
        left("编码", "code"),
        left("名称", "name"),
        left("类别", "kind"),
        left("上级编码", "parent_code"),
        left("英文名", "name_en"),
        left("ID", "id"),
    ]);
    for u in units {
        let parent = u
            .parent_id
            .as_deref()
            .and_then(|p| codes.get(p))
            .copied()
            .unwrap_or("");
        t.push(vec![
            u.code.clone(),
            u.name.clone(),
            u.kind.as_str().into(),
            parent.into(),
            u.name_en.clone(),
            u.id.clone(),
        ]);
    }
    t
}

/// How deep each unit sits in the tree (the city is 0). `units` is in tree order, so a
/// parent's depth is known before its children's.
fn depths(units: &[Unit]) -> Vec<usize> {
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    units
        .iter()
        .map(|u| {
            let d = u
                .parent_id
                .as_deref()
                .and_then(|p| by_id.get(p))
                .map_or(0, |d| d + 1);
            by_id.insert(&u.id, d);
            d
        })
        .collect()
}
