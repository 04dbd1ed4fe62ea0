//! `exchange export|import|key|trust|status`. The core checks, signs, applies and refuses;
//! this opens the right ledger and prints. An import into a file that does not exist yet
//! makes a new ledger only for the city's bootstrap package.

use taizhang_core::exchange::{self, Conflict, ExportTarget, ImportReport, Role, TableCounts};

use crate::args::{
    Cli, ExchangeExportArgs, ExchangeImportArgs, ExchangeResolveArgs, ExchangeTrustArgs, Format,
    FormatArgs,
};
use crate::db::{self, Create};
use crate::failure::{CliResult, Failure};
use crate::output::json;
use crate::table::{left, right, Table};

pub fn export(cli: &Cli, args: &ExchangeExportArgs) -> CliResult<String> {
    taizhang_core::export::refuse_existing(&args.out, args.force)?;
    let mut ledger = db::open(cli, Create::Refused)?;
    let target = match &args.for_unit {
        Some(u) => ExportTarget::ForUnit(u.clone()),
        None => ExportTarget::ToCity,
    };
    let r = ledger.exchange_export(&db::actor(), &target, &args.out)?;
    let kind = if r.bootstrap {
        "初始包"
    } else {
        "数据交换包"
    };
    let mut text = format!(
        "已导出给{}的第{}号{}：{}（{} 处变动）\n",
        r.to, r.seq, kind, r.path, r.changes
    );
    text += &counts_text(&r.counts);
    if r.bootstrap {
        text += "请把此文件交给对方，在对方电脑上运行：taizhang --db 单位台账.db exchange import 此文件\n";
    }
    Ok(text)
}

pub fn import(cli: &Cli, args: &ExchangeImportArgs) -> CliResult<String> {
    let path = db::path(cli);
    let create = if path.exists() {
        Create::Refused
    } else {
        let manifest = exchange::peek(&args.file)?;
        if !manifest.bootstrap || args.dry_run {
            Create::Refused
        } else {
            Create::Allowed
        }
    };
    let mut ledger = db::open(cli, create)?;
    let report = ledger.exchange_import(&db::actor(), &args.file, args.dry_run);
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            drop(ledger);
            if create == Create::Allowed {
                remove_new_ledger(&path);
            }
            return Err(e.into());
        }
    };
    if args.output.format == Format::Json {
        return json(&report);
    }
    Ok(import_text(&report))
}

/// A ledger file this command made for a bootstrap that was then refused.
fn remove_new_ledger(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(std::path::PathBuf::from(p));
    }
}

fn import_text(r: &ImportReport) -> String {
    let verb = if r.dry_run {
        "预览（未写入）"
    } else {
        "已导入"
    };
    let kind = if r.bootstrap {
        "初始包"
    } else {
        "数据交换包"
    };
    let mut text = format!(
        "{verb}：{}的第{}号{}，{} 处变动；冲突 {} 处，未导入 {} 行\n",
        r.from,
        r.seq,
        kind,
        r.changes,
        r.conflicts.len(),
        r.refused.len()
    );
    text += &counts_text(&r.counts);
    for c in r.conflicts.iter().chain(&r.refused) {
        text += &format!("  {}\n", conflict_line(c));
    }
    if !r.marked_submitted.is_empty() {
        text += &format!(
            "{}的报表已标为已报：{}\n",
            r.from,
            r.marked_submitted.join("、")
        );
    }
    if r.bootstrap && !r.dry_run {
        text += &format!(
            "本台账已成为单位台账。市级密钥指纹：{}（请与市里电话核对）\n请运行 taizhang exchange key，把本机指纹报给市里信任。\n",
            r.sender_fingerprint
        );
    }
    text
}

fn conflict_line(c: &Conflict) -> String {
    let what = match c.kind.as_str() {
        "conflict" if c.stands == "ours" => "冲突，保留本台账的版本",
        "conflict" => "冲突，采用对方的版本",
        "outside" => "不属于发送单位，未导入",
        _ => "与本台账约束冲突，未导入",
    };
    format!(
        "{}（{}）{}：{}{}",
        taizhang_core::audit::table_label(&c.table),
        c.table,
        c.row_id,
        what,
        if c.detail.is_empty() {
            String::new()
        } else {
            format!("（{}）", c.detail)
        }
    )
}

fn counts_text(counts: &std::collections::BTreeMap<String, TableCounts>) -> String {
    counts
        .iter()
        .map(|(t, c)| {
            format!(
                "  {}：新增 {}，修改 {}，删除 {}\n",
                taizhang_core::audit::table_label(t),
                c.insert,
                c.update,
                c.delete
            )
        })
        .collect()
}

pub fn key(cli: &Cli) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let k = ledger.exchange_key(&db::actor())?;
    let role = match (k.role, &k.unit) {
        (Role::City, _) => "市级台账".to_string(),
        (Role::Unit, Some(u)) => format!("{u}的单位台账"),
        (Role::Unit, None) => "单位台账".to_string(),
    };
    Ok(format!(
        "本台账：{role}\n私钥文件：{}（只有本人可读，请勿外传；随台账一起备份）\n指纹：\n{}\n",
        k.key_file, k.fingerprint
    ))
}

pub fn trust(cli: &Cli, args: &ExchangeTrustArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let p = ledger.exchange_trust(&db::actor(), &args.unit, &args.fingerprint)?;
    Ok(format!(
        "已信任{}的密钥，指纹 {}。此后{}发来的数据交换包可以导入。\n",
        p.name, p.fingerprint, p.name
    ))
}

pub fn status(cli: &Cli, args: &FormatArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let s = ledger.exchange_status()?;
    if args.format == Format::Json {
        return json(&s);
    }
    if args.format == Format::Csv {
        return Err(Failure::new(
            "usage",
            "exchange status 只支持 --format table 或 json",
        ));
    }
    let mut text = match (s.role, &s.unit) {
        (None, _) => "本台账尚未参与数据交换（市级台账：exchange key 或 export --for；单位台账：导入初始包）。\n".to_string(),
        (Some(Role::City), _) => "本台账：市级台账\n".to_string(),
        (Some(Role::Unit), u) => format!("本台账：{}的单位台账\n", u.clone().unwrap_or_default()),
    };
    if let Some(fp) = &s.fingerprint {
        text += &format!("本机指纹：{fp}\n");
    }
    let mut peers = Table::new(vec![
        left("对方", "name"),
        left("信任", "trusted"),
        right("已发", "last_sent"),
        right("已收", "last_received"),
        left("指纹", "fingerprint"),
    ]);
    for p in &s.peers {
        peers.push(vec![
            p.name.clone(),
            if p.trusted { "已信任" } else { "未信任" }.into(),
            p.last_sent.to_string(),
            p.last_received.to_string(),
            p.fingerprint.clone(),
        ]);
    }
    text += &peers.render();
    let mut packages = Table::new(vec![
        left("方向", "direction"),
        left("单位", "unit"),
        right("序号", "seq"),
        left("时间", "recorded_at"),
        right("变动", "changes"),
        right("冲突", "conflicts"),
        right("未导入", "refused"),
        left("文件", "file_name"),
    ]);
    for p in &s.packages {
        packages.push(vec![
            if p.direction == "sent" {
                "发出"
            } else {
                "收到"
            }
            .into(),
            p.unit.clone(),
            p.seq.to_string(),
            p.recorded_at.clone(),
            p.changes.to_string(),
            p.conflicts.to_string(),
            p.refused.to_string(),
            p.file_name.clone(),
        ]);
    }
    text += &packages.render();
    text += &format!("冲突与未导入的行：{} 条（两个版本都已保留）\n", s.conflicts);
    Ok(text)
}

pub fn conflicts(cli: &Cli, args: &FormatArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let list = ledger.exchange_conflicts()?;
    if args.format == Format::Json {
        return json(&list);
    }
    if list.is_empty() {
        return Ok("没有冲突，也没有未导入的行。\n".into());
    }
    let mut text = String::new();
    for c in &list {
        let show = |v: &Option<serde_json::Value>| {
            v.as_ref().map_or("（无）".to_string(), |v| v.to_string())
        };
        text += &format!(
            "{}  {}\n  本台账：{}\n  对方：{}\n",
            c.id,
            conflict_line(c),
            show(&c.ours),
            show(&c.theirs)
        );
    }
    Ok(text)
}

pub fn resolve(cli: &Cli, args: &ExchangeResolveArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    ledger.exchange_resolve(&db::actor(), &args.id, &args.take)?;
    let which = if args.take == "ours" {
        "本台账"
    } else {
        "对方"
    };
    Ok(format!(
        "已采用{which}的版本；下一个数据交换包会把它带给对方。\n"
    ))
}
