//! A copy of the sample ledger per test, and helpers to run, count and refuse.
#![allow(unused_imports)]

pub use std::path::{Path, PathBuf};
pub use std::sync::OnceLock;

pub use crate::support::{json, run_raw, Run, Workspace};
pub use taizhang_core::register::credit_code;

/// A ledger with the sample, made once per test process; every test gets its own copy.
pub fn sample() -> Workspace {
    Workspace::with_sample()
}

/// `total` of a listing's JSON page.
pub fn total(ws: &Workspace, args: &[&str]) -> u64 {
    let mut full = args.to_vec();
    full.extend(["--limit", "1", "--format", "json"]);
    let out = ws.run(&full).ok(&args.join(" "));
    json(&out.stdout)["total"]
        .as_u64()
        .unwrap_or_else(|| panic!("{args:?}: no total in {}", out.stdout))
}

/// The city's completed value of an indicator as of today (2024-07-15).
pub fn completed(ws: &Workspace, indicator: &str) -> f64 {
    let out = ws
        .run(&["progress", "--indicator", indicator, "--format", "json"])
        .ok("progress");
    json(&out.stdout)[0]["completed"]
        .as_f64()
        .unwrap_or_else(|| panic!("{indicator}: no completed value in {}", out.stdout))
}

/// (pairings, enterprises, villages, projects) in the ledger.
pub fn counts(ws: &Workspace) -> [u64; 4] {
    [
        total(ws, &["pairings", "list"]),
        total(ws, &["enterprises", "list"]),
        total(ws, &["villages", "list"]),
        total(ws, &["projects", "list"]),
    ]
}

pub fn add_pairing(ws: &Workspace, enterprise: &str, extra: &[&str], village: &str) -> Run {
    let base = [
        "pairings",
        "add",
        "--enterprise",
        enterprise,
        "--village",
        village,
        "--township",
        "马厂湖镇",
        "--county",
        "兰山区",
        "--date",
        "2024-07-01",
    ];
    ws.run(&merged(&base, extra))
}

/// `base` with the options of `extra` replacing its own of the same name.
pub fn merged<'a>(base: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < base.len() {
        if base[i].starts_with("--") && extra.contains(&base[i]) {
            i += 2;
            continue;
        }
        out.push(base[i]);
        i += 1;
    }
    out.extend_from_slice(extra);
    out
}

/// The id on the "编号：…" line of `pairings add`.
pub fn new_id(out: &Run) -> String {
    out.stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("编号："))
        .unwrap_or_else(|| panic!("no id in:\n{}", out.stdout))
        .to_string()
}

pub fn assert_refused(case: &str, out: &Run, code: &str, says: &str) {
    assert_eq!(out.code, 1, "{case}: exit status, stderr:\n{}", out.stderr);
    assert!(
        out.stderr.starts_with("错误：") && out.stderr.contains(says),
        "{case}: want 错误：… mentioning {says:?}, got:\n{}",
        out.stderr
    );
    assert!(
        out.stderr.trim_end().ends_with(&format!("[{code}]")),
        "{case}: want code [{code}], got:\n{}",
        out.stderr
    );
    assert!(out.stdout.is_empty(), "{case}: stdout:\n{}", out.stdout);
}
