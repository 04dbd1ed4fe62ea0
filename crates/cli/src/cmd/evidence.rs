//! `attach add|list|open|remove|orphaned`: 佐证材料. The core checks the file (type, bytes, size),
//! the permission table and the lock, and verifies a file's SHA-256 before it is opened;
//! these only parse, delegate and print.

use taizhang_core::evidence::{open_with_system, AttachedTo, Evidence, EvidenceTarget};
use taizhang_core::Ledger;

use crate::args::{
    AttachAddArgs, AttachIdArgs, AttachListArgs, AttachOpenArgs, AttachOrphanedArgs,
    AttachTargetArgs, Cli, Format,
};
use crate::db::{self, Create};
use crate::failure::{CliResult, Failure};
use crate::output::emit;
use crate::table::{left, right, Table};

/// The row the flags name (`--return` with `--quarter`: the unit's return of that period).
fn target(
    ledger: &Ledger,
    args: &AttachTargetArgs,
    quarter: Option<&str>,
) -> CliResult<EvidenceTarget> {
    let one = |kind, id: &String| EvidenceTarget {
        kind,
        id: id.clone(),
    };
    let t = match args {
        AttachTargetArgs {
            entry: Some(id), ..
        } => one(AttachedTo::Entry, id),
        AttachTargetArgs {
            pairing: Some(id), ..
        } => one(AttachedTo::Pairing, id),
        AttachTargetArgs {
            project: Some(id), ..
        } => one(AttachedTo::Project, id),
        AttachTargetArgs { row: Some(id), .. } => one(AttachedTo::RegisterRow, id),
        AttachTargetArgs {
            unit_return: Some(unit),
            ..
        } => {
            let quarter = quarter.ok_or_else(|| {
                Failure::new("usage", "--return 需要同时给出 --quarter（如 2024Q3）")
            })?;
            ledger.return_evidence_target(unit, quarter)?
        }
        _ => {
            return Err(Failure::new(
                "usage",
                "请用 --entry、--pairing、--project、--row 或 --return 指明附在哪一条上",
            ))
        }
    };
    Ok(t)
}

/// 1.2 MB / 35 KB.
fn size(bytes: i64) -> String {
    let bytes = bytes.max(0) as u64;
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / (1 << 20) as f64)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn state(e: &Evidence) -> &'static str {
    match (e.exists, e.intact) {
        (_, true) => "完好",
        (true, false) => "已被改动",
        (false, _) => "文件缺失",
    }
}

pub fn add(cli: &Cli, args: &AttachAddArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let t = target(&ledger, &args.target, args.quarter.as_deref())?;
    let e = ledger.attach_evidence(&db::actor(), &t, &args.file, &args.note)?;
    Ok(format!(
        "已添加佐证材料「{}」（{}，{}）到{}；SHA-256 {}\n编号 {}\n",
        e.file_name,
        e.media_type,
        size(e.size_bytes),
        t.kind.label(),
        e.sha256,
        e.id
    ))
}

pub fn list(cli: &Cli, args: &AttachListArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let t = target(&ledger, &args.target, args.quarter.as_deref())?;
    let list = ledger.evidence_list(&t)?;
    emit(args.format, &list, || table(&list, false))
}

/// 已删除记录的佐证: attachments whose row was deleted, kept until someone removes them.
pub fn orphaned(cli: &Cli, args: &AttachOrphanedArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let list = ledger.orphaned_evidence()?;
    if list.is_empty() && args.format != Format::Json {
        return Ok("没有已删除记录的佐证材料。\n".into());
    }
    emit(args.format, &list, || table(&list, true))
}

/// The attachments, one a line; `deleted_row`: with what they were attached to (a row
/// deleted since).
fn table(list: &[Evidence], deleted_row: bool) -> Table {
    let mut columns = vec![
        left("文件名", "file_name"),
        left("类型", "media_type"),
        right("大小", "size_bytes"),
        left("添加人", "added_by"),
        left("添加时间", "added_at"),
        left("文件", "state"),
        left("说明", "note"),
        left("编号", "id"),
    ];
    if deleted_row {
        columns.insert(0, left("原所附记录（已删除）", "attached_to"));
    }
    let mut table = Table::new(columns);
    for e in list {
        let mut line = vec![
            e.file_name.clone(),
            e.media_type.clone(),
            size(e.size_bytes),
            e.added_by.clone(),
            e.added_at
                .chars()
                .take(16)
                .collect::<String>()
                .replace('T', " "),
            state(e).to_string(),
            e.note.clone(),
            e.id.clone(),
        ];
        if deleted_row {
            line.insert(0, format!("{} {}", e.attached_to.label(), e.attached_id));
        }
        table.push(line);
    }
    table
}

pub fn open(cli: &Cli, args: &AttachOpenArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let path = ledger.evidence_path_for_open(&args.id)?;
    if !args.print {
        if let Err(why) = open_with_system(&path) {
            eprintln!("注意：{why}；请按下面的路径手动打开");
        }
    }
    Ok(format!("{}\n", path.display()))
}

pub fn remove(cli: &Cli, args: &AttachIdArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let e = ledger.remove_evidence(&db::actor(), &args.id)?;
    Ok(format!(
        "已移除佐证材料「{}」（文件仍保留在佐证材料文件夹中）\n",
        e.file_name
    ))
}
