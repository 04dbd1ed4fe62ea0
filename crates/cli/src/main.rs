//! `taizhang`: the ledger from a terminal or a script. The same core as the desktop app,
//! so every rule and figure is the same; this binary only parses, delegates and prints.

mod args;
mod cmd;
mod db;
mod failure;
mod figures;
mod output;
mod table;

use std::io::Write;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::Parser;

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    taizhang_core::logfile::init(&taizhang_core::logfile::dir_for(&db::path(&cli)));
    let name = cmd::name(&cli.command);
    let started = std::time::Instant::now();
    let result = cmd::run(&cli);
    let ms = started.elapsed().as_millis() as u64;
    match &result {
        Ok(_) => {
            tracing::info!(target: "taizhang::cli", command = %name, ms, code = "ok", "command")
        }
        Err(f) => {
            tracing::warn!(target: "taizhang::cli", command = %name, ms, code = f.code, "command failed")
        }
    }
    match result {
        Ok(text) => print(&text),
        Err(failure) => {
            // The bracketed code is stable, for scripts; the message is for people.
            let message = failure::visible(&failure.message);
            eprintln!("错误：{message} [{}]", failure.code);
            ExitCode::from(1)
        }
    }
}

/// Help and version go to stdout as clap renders them; a mistake in the arguments gets a
/// Chinese first line, then clap's own explanation and usage, and exit status 2.
fn usage_error(e: clap::Error) -> ExitCode {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        return print(&e.render().to_string());
    }
    let what = match e.kind() {
        ErrorKind::InvalidSubcommand => "没有这个子命令",
        ErrorKind::UnknownArgument => "不认识的参数",
        ErrorKind::MissingRequiredArgument => "缺少必填参数",
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "缺少子命令"
        }
        ErrorKind::ArgumentConflict => "参数不能同时使用",
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => "参数值无效",
        _ => "命令行参数有误",
    };
    eprintln!("错误：{what}（用 taizhang --help 查看用法）");
    eprint!("{}", e.render());
    ExitCode::from(2)
}

/// Writes to stdout; a reader that went away early (`taizhang entries | head`) is not an error.
fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("错误：无法输出结果：{e}");
            ExitCode::from(1)
        }
    }
}
