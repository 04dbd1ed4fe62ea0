//! `backup` (into the `备份` folder beside the ledger, or `--out FILE`), `backup list`, and
//! `restore FILE`. The core makes, checks, rotates and restores; this only prints.

use taizhang_core::backup::{BackupInfo, BackupReason};

use crate::args::{BackupArgs, BackupCommand, Cli, RestoreArgs};
use crate::db::{self, Create};
use crate::failure::CliResult;
use crate::output::emit;
use crate::table::{left, right, Table};

pub fn backup(cli: &Cli, args: &BackupArgs) -> CliResult<String> {
    if let Some(BackupCommand::List(format)) = &args.list {
        let ledger = db::open_read(cli)?;
        let backups = ledger.backups()?;
        if backups.is_empty() && format.format == crate::args::Format::Table {
            return Ok("还没有备份。\n".into());
        }
        return emit(format.format, &backups, || table(&backups));
    }
    let ledger = db::open_read(cli)?;
    let figures = ledger.figures()?;
    let (path, bytes) = match &args.out {
        Some(out) => (out.display().to_string(), ledger.backup_to(out)?),
        None => {
            let info = ledger
                .backup_before(BackupReason::Manual)?
                .expect("a ledger opened from a file");
            (info.path, info.bytes)
        }
    };
    Ok(format!(
        "已备份：{path}（{}；完成情况 {} 条，结对 {} 个）\n",
        size(bytes),
        figures.entries,
        figures.pairings
    ))
}

pub fn restore(cli: &Cli, args: &RestoreArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let report = ledger.restore(&args.file)?;
    let mut text = format!(
        "已从「{}」恢复：台账现有完成情况 {} 条，结对 {} 个（结构版本 {}）。\n",
        report.restored_from,
        report.figures.entries,
        report.figures.pairings,
        report.figures.schema_version
    );
    if let Some(previous) = &report.backup_of_previous {
        text += &format!("恢复前的台账已备份为：{}\n", previous.path);
    }
    Ok(text)
}

fn table(backups: &[BackupInfo]) -> Table {
    let mut t = Table::new(vec![
        left("时间", "made_at"),
        left("原因", "reason"),
        right("大小", "bytes"),
        right("完成情况", "entries"),
        right("结对", "pairings"),
        left("文件", "file"),
    ]);
    for b in backups {
        let (entries, pairings) = match &b.figures {
            Some(f) => (f.entries.to_string(), f.pairings.to_string()),
            None => ("无法读取".into(), String::new()),
        };
        t.push(vec![
            b.made_at.clone(),
            b.reason.label().into(),
            size(b.bytes),
            entries,
            pairings,
            b.file_name.clone(),
        ]);
    }
    t
}

/// 12.3 MB, 512 KB.
fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / (1 << 20) as f64)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
