//! `import KIND FILE [--dry-run]` and `template KIND --out FILE.xlsx`.

use std::io::IsTerminal;

use taizhang_core::import::{self, ColumnMapping, ImportKind, ImportPreview};

use super::import_answer::{self, commit_failure, problem_lines, SHOWN_PROBLEMS};
use crate::args::{Cli, Format, ImportArgs, TemplateArgs};
use crate::db::{self, Create};
use crate::failure::{CliResult, Failure};
use crate::output::json;
use crate::table::{left, Table};

/// How many rows of the preview a terminal shows.
const SHOWN_ROWS: usize = 20;

pub fn run(cli: &Cli, args: &ImportArgs) -> CliResult<String> {
    if super::return_import::is_return(&args.kind) {
        return super::return_import::run(cli, args);
    }
    let kind = match kind(&args.kind, args.register.as_deref())? {
        ImportKind::CountyPairings { .. } => ImportKind::CountyPairings {
            county: args.county.clone(),
        },
        other => other,
    };
    let mapping: Option<ColumnMapping> = args
        .mapping
        .as_deref()
        .map(|path| import_answer::read_mapping(path, "列对应文件"))
        .transpose()?;
    if args.dry_run {
        let ledger = db::open_read(cli)?;
        let preview = import::preview(&ledger, &kind, &args.file, mapping.as_ref())?;
        return import_answer::dry_run(
            args.format,
            &preview,
            &preview.file,
            &preview.problems,
            || describe(&preview),
        );
    }
    let mut ledger = db::open(cli, Create::Refused)?;
    let show_progress = std::io::stderr().is_terminal();
    let mut progress = |done: usize, total: usize| {
        if show_progress && total >= 5000 {
            eprint!("\r导入中：{done}/{total}");
            if done == total {
                eprintln!();
            }
        }
    };
    let report = import::commit(
        &mut ledger,
        &db::actor(),
        &kind,
        &args.file,
        mapping.as_ref(),
        &mut progress,
    )
    .map_err(commit_failure)?;
    if args.format == Format::Json {
        return json(&report);
    }
    let mut text = format!("已导入{}：写入 {} 行", kind.label_zh(), report.written);
    if report.new_enterprises + report.new_villages > 0 {
        text += &format!(
            "（新建企业 {} 家、行政村 {} 个）",
            report.new_enterprises, report.new_villages
        );
    }
    text += &format!(
        "；重复 {} 行未导入；跳过 {} 行（空行、合计行、示例行）。\n",
        report.duplicates, report.skipped
    );
    Ok(text)
}

pub fn template(cli: &Cli, args: &TemplateArgs) -> CliResult<String> {
    let kind = kind(&args.kind, args.register.as_deref())?;
    taizhang_core::export::refuse_existing(&args.out, args.force)?;
    let ledger = db::open_read(cli)?;
    // Beside the target first, then renamed into place: a failed write keeps the old file.
    import::template_to_file_checked(&kind, &ledger, &args.out, args.force)?;
    Ok(format!(
        "已生成{}导入模板：{}\n",
        kind.label_zh(),
        args.out.display()
    ))
}

fn kind(text: &str, register: Option<&str>) -> CliResult<ImportKind> {
    let kind = ImportKind::parse(text).ok_or_else(|| {
        Failure::new(
            "bad_kind",
            format!("不认识的导入类型「{text}」：可用 entries、targets、enterprises、villages、pairings、projects、activity、return、county-pairings"),
        )
    })?;
    match (kind, register) {
        (ImportKind::Activity { register: r }, given) if r.is_empty() => match given {
            Some(code) => Ok(ImportKind::Activity {
                register: code.to_string(),
            }),
            None => Err(Failure::new(
                "missing_register",
                "导入台账记录需用 --register 指明台账类型编码",
            )),
        },
        (kind, _) => Ok(kind),
    }
}

/// The preview for a terminal: each sheet's mapping, the counts, the first rows, the
/// duplicates and the problems.
fn describe(p: &ImportPreview) -> String {
    let mut out = format!("预览：导入{}「{}」\n", p.kind.label_zh(), p.file);
    for s in &p.mapping.sheets {
        let Some(row) = s.header_row else { continue };
        let cols: Vec<String> = s
            .columns
            .iter()
            .map(|c| {
                let field = c
                    .field
                    .as_deref()
                    .and_then(|f| p.fields.iter().find(|x| x.key == f));
                match field {
                    Some(f) => format!("{}列「{}」→{}", c.letter, c.header, f.label),
                    None => format!("{}列「{}」→（不导入）", c.letter, c.header),
                }
            })
            .collect();
        out += &format!(
            "工作表「{}」表头在第{row}行：{}\n",
            s.sheet,
            cols.join("，")
        );
    }
    for note in &p.notes {
        out += &format!("注意：{note}\n");
    }
    out += &format!(
        "将写入 {} 行；重复 {} 行（不再导入）；跳过 {} 行；问题 {} 处。\n",
        p.row_count,
        p.duplicate_count,
        p.skipped,
        p.problems.len()
    );
    if p.new_enterprises + p.new_villages > 0 {
        out += &format!(
            "将新建企业 {} 家、行政村 {} 个。\n",
            p.new_enterprises, p.new_villages
        );
    }
    if !p.rows.is_empty() {
        let mut columns = vec![left("行", "row")];
        for f in &p.fields {
            columns.push(left(Box::leak(f.label.clone().into_boxed_str()), "field"));
        }
        let mut t = Table::new(columns);
        for r in p.rows.iter().take(SHOWN_ROWS) {
            let mut cells = vec![r.row.to_string()];
            cells.extend(r.values.iter().cloned());
            t.push(cells);
        }
        out += "\n";
        out += &t.render();
        if p.row_count as usize > SHOWN_ROWS {
            out += &format!("……另有 {} 行\n", p.row_count as usize - SHOWN_ROWS);
        }
    }
    if !p.duplicates.is_empty() {
        out += "\n重复：\n";
        for d in p.duplicates.iter().take(SHOWN_ROWS) {
            out += &format!("  {}\n", d.message);
        }
        if p.duplicate_count as usize > SHOWN_ROWS {
            out += &format!("  ……另有 {} 行\n", p.duplicate_count as usize - SHOWN_ROWS);
        }
    }
    out + &problem_lines(&p.problems, SHOWN_PROBLEMS)
}
