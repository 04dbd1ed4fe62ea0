//! What both `import` commands (a list and a unit's return) answer: the dry run's preview
//! and verdict, a refused import's problems, and reading a mapping file.

use std::io::Write;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Serialize;
use taizhang_core::import::ImportProblem;
use taizhang_core::LedgerError;

use crate::args::Format;
use crate::failure::{CliResult, Failure};
use crate::output::json;

/// How many problems an error lists.
pub(super) const SHOWN_PROBLEMS: usize = 50;

/// A dry run's answer: the preview (JSON, or `describe` and a line saying nothing was
/// written); with problems, the preview goes to stdout and the verdict to stderr and the
/// exit status.
pub(super) fn dry_run(
    format: Format,
    preview: &impl Serialize,
    file: &str,
    problems: &[ImportProblem],
    describe: impl FnOnce() -> String,
) -> CliResult<String> {
    let text = match format {
        Format::Json => json(preview)?,
        _ => describe() + "未写入任何数据（--dry-run）。\n",
    };
    if problems.is_empty() {
        return Ok(text);
    }
    print!("{text}");
    let _ = std::io::stdout().flush();
    Err(rejected(file, problems))
}

/// A failed commit: a refused import lists its problems, any other error stays as it is.
pub(super) fn commit_failure(e: LedgerError) -> Failure {
    match e {
        LedgerError::ImportRejected { file, problems } => rejected(&file, &problems),
        other => Failure::from(other),
    }
}

/// Every problem, one per line (the first 50), as the error of a refused import.
pub(crate) fn rejected(file: &str, problems: &[ImportProblem]) -> Failure {
    let several_sheets = problems.iter().any(|p| p.sheet != problems[0].sheet);
    let mut message = format!("「{file}」有 {} 处问题，未导入任何数据：", problems.len());
    for p in problems.iter().take(SHOWN_PROBLEMS) {
        let sheet = if several_sheets && !p.sheet.is_empty() {
            format!("工作表「{}」", p.sheet)
        } else {
            String::new()
        };
        message += &format!("\n  {sheet}{}", p.message);
    }
    if problems.len() > SHOWN_PROBLEMS {
        message += &format!("\n  ……另有 {} 处", problems.len() - SHOWN_PROBLEMS);
    }
    Failure::new("import_rejected", message)
}

/// The preview's closing block: at most `shown` problems, one per line.
pub(super) fn problem_lines(problems: &[ImportProblem], shown: usize) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let mut out = "\n问题：\n".to_string();
    for x in problems.iter().take(shown) {
        out += &format!("  {}\n", x.message);
    }
    out
}

/// A JSON mapping file; `what` names it in the messages (列对应文件, 对应关系文件).
pub(super) fn read_mapping<T: DeserializeOwned>(path: &Path, what: &str) -> CliResult<T> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Failure::new(
            "unreadable_file",
            format!("无法读取{what}「{}」：{e}", path.display()),
        )
    })?;
    serde_json::from_str(&text).map_err(|e| {
        Failure::new(
            "bad_mapping",
            format!("{what}「{}」格式有误：{e}", path.display()),
        )
    })
}
