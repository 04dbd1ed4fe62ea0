//! Running the built `taizhang` binary on a ledger file in a temporary directory.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use taizhang_core::{Actor, Ledger, NewIndicator, NewUnit, Pacing, UnitKind};
use tempfile::TempDir;

/// "Today" for every run unless a test says otherwise: after the sample's last day.
pub const TODAY: &str = "2024-07-15";

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Panics with both streams when the command did not succeed.
    pub fn ok(self, what: &str) -> Self {
        assert_eq!(
            self.code, 0,
            "{what}: exit status {}, stderr:\n{}\nstdout:\n{}",
            self.code, self.stderr, self.stdout
        );
        self
    }
}

pub struct Workspace {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Workspace {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("taizhang.db");
        Self { dir, db }
    }

    /// `taizhang --db <file> --today 2024-07-15 <args>`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut full = vec![
            "--db",
            self.db.to_str().expect("utf-8 path"),
            "--today",
            TODAY,
        ];
        full.extend_from_slice(args);
        run_raw(&full, &[])
    }

    /// A small ledger of its own, made through the core: a city with two counties and a
    /// department; indicators CNT (家, 0 decimals) and AMT (万元, 2 decimals) of action
    /// prosperity.
    pub fn with_small_ledger() -> Self {
        let ws = Self::new();
        let mut ledger = Ledger::open(&ws.db).expect("open");
        ledger
            .write(&Actor::named("test"), |w| {
                let unit = |code: &str, name: &str, kind, parent: Option<&str>| NewUnit {
                    code: code.into(),
                    name: name.into(),
                    name_en: String::new(),
                    kind,
                    parent: parent.map(Into::into),
                };
                w.add_unit(unit("CITY", "示范市", UnitKind::City, None))?;
                w.add_unit(unit("A", "甲区", UnitKind::County, Some("CITY")))?;
                w.add_unit(unit("B", "乙县", UnitKind::County, Some("CITY")))?;
                w.add_unit(unit("D", "市直部门", UnitKind::Department, Some("CITY")))?;
                let ind = |code: &str, name: &str, measure: &str, decimals| NewIndicator {
                    action: "prosperity".into(),
                    code: code.into(),
                    name: name.into(),
                    name_en: String::new(),
                    measure: measure.into(),
                    headline: false,
                    decimals,
                    pacing: Pacing::Linear,
                };
                w.add_indicator(ind("CNT", "结对企业", "家", 0))?;
                w.add_indicator(ind("AMT", "帮扶资金", "万元", 2))?;
                Ok(())
            })
            .expect("small ledger");
        ws
    }

    /// A ledger with the sample, in a folder of its own: a copy of everything `taizhang
    /// sample` left in its folder (the ledger, its log), run once per test process (loading
    /// takes seconds in a debug build).
    pub fn with_sample() -> Self {
        let ws = Self::new();
        for (name, bytes) in &sample_ledger().files {
            let path = ws.dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("in the folder")).expect("folder");
            std::fs::write(path, bytes).expect("copy of the sample ledger");
        }
        ws
    }

    pub fn path(&self) -> &Path {
        &self.db
    }
}

/// What `taizhang sample` made on a new file, run once per test process.
pub struct SampleLedger {
    /// What the command printed.
    pub stdout: String,
    /// Every file the command left in its folder, by path within it: the ledger (and its
    /// write-ahead log, if one was left), the log folder.
    files: Vec<(PathBuf, Vec<u8>)>,
}

/// `taizhang --db <new file> --today 2024-07-15 sample`, run at the first call.
pub fn sample_ledger() -> &'static SampleLedger {
    static SAMPLE: OnceLock<SampleLedger> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let ws = Workspace::new();
        let out = ws.run(&["sample"]).ok("taizhang sample");
        let mut files = Vec::new();
        let mut folders = vec![ws.dir.path().to_path_buf()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("the sample's folder") {
                let path = entry.expect("a file of the sample").path();
                if path.is_dir() {
                    folders.push(path);
                } else if !path.to_string_lossy().ends_with("-shm") {
                    let name = path
                        .strip_prefix(ws.dir.path())
                        .expect("inside")
                        .to_path_buf();
                    files.push((name, std::fs::read(&path).expect("read the sample's file")));
                }
            }
        }
        SampleLedger {
            stdout: out.stdout,
            files,
        }
    })
}

/// Runs the binary with exactly these arguments and extra environment variables;
/// TAIZHANG_DB from the caller's environment is removed.
pub fn run_raw(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_taizhang"));
    cmd.args(args)
        .env_remove("TAIZHANG_DB")
        .env("USER", "tester")
        .env("RUST_BACKTRACE", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run taizhang");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// Every table of the ledger file (SQLite's own left out), by name.
pub fn table_names(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open the ledger file");
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .expect("list tables");
    let names = stmt
        .query_map([], |r| r.get(0))
        .expect("list tables")
        .collect::<rusqlite::Result<_>>()
        .expect("list tables");
    names
}

/// Rows in each of `tables`, read through a connection of its own.
pub fn row_counts<T: AsRef<str>>(db: &Path, tables: &[T]) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(db).expect("open the ledger file");
    tables
        .iter()
        .map(|t| {
            let t = t.as_ref();
            let n = conn
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .expect("count rows");
            (t.to_string(), n)
        })
        .collect()
}
