//! Backup file names carry when and why: `taizhang-20241010-091200-导入前.db`, so the folder
//! reads well in a file manager and sorts by time.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// The window's first start of the day.
    Startup,
    /// Before an import is written.
    BeforeImport,
    /// Before a backup is restored over the ledger.
    BeforeRestore,
    /// Before an older ledger's schema is upgraded.
    BeforeMigration,
    /// Asked for (立即备份, `taizhang backup`).
    Manual,
}

impl BackupReason {
    /// Every reason a backup can be made for.
    pub const ALL: [Self; 5] = [
        Self::Startup,
        Self::BeforeImport,
        Self::BeforeRestore,
        Self::BeforeMigration,
        Self::Manual,
    ];

    /// The word in the file name and the CLI's list.
    pub fn label(self) -> &'static str {
        match self {
            Self::Startup => "启动",
            Self::BeforeImport => "导入前",
            Self::BeforeRestore => "恢复前",
            Self::BeforeMigration => "升级前",
            Self::Manual => "手动",
        }
    }

    fn from_label(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.label() == text)
    }
}

const PREFIX: &str = "taizhang-";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// `taizhang-20241010-091200-导入前.db`; `n` > 1 for a second backup in the same second.
pub fn file_name(at: NaiveDateTime, reason: BackupReason, n: u32) -> String {
    let stamp = at.format(STAMP);
    match n {
        0 | 1 => format!("{PREFIX}{stamp}-{}.db", reason.label()),
        n => format!("{PREFIX}{stamp}-{}-{n}.db", reason.label()),
    }
}

/// When and why, read back from a name [`file_name`] made; None for any other file.
pub fn parse(name: &str) -> Option<(NaiveDateTime, BackupReason)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(".db")?;
    let stamp = rest.get(..15)?;
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    let label = rest.get(15..)?.strip_prefix('-')?;
    let label = match label.rsplit_once('-') {
        Some((word, n)) if n.chars().all(|c| c.is_ascii_digit()) => word,
        _ => label,
    };
    Some((at, BackupReason::from_label(label)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_the_time_and_reason_they_were_made_with() {
        let at = NaiveDateTime::parse_from_str("2024-10-10 09:12:00", "%Y-%m-%d %H:%M:%S")
            .expect("time");
        for reason in BackupReason::ALL {
            for n in [1, 2, 13] {
                let name = file_name(at, reason, n);
                assert_eq!(parse(&name), Some((at, reason)), "{name}");
            }
        }
        assert_eq!(
            file_name(at, BackupReason::BeforeImport, 1),
            "taizhang-20241010-091200-导入前.db"
        );
        for other in [
            "taizhang.db",
            "taizhang-2024-导入前.db",
            "x-20241010-091200-手动.db",
        ] {
            assert_eq!(parse(other), None, "{other} is not a backup name");
        }
    }
}
