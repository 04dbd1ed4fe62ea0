//! Why a command failed, in words for the person at the terminal. main prints it as
//! `错误：<message> [code]` on stderr and exits with status 1.

use taizhang_core::LedgerError;

#[derive(Debug)]
pub struct Failure {
    /// Stable identifier (the core's `code()` where the error comes from the core).
    pub code: &'static str,
    /// Chinese, one line.
    pub message: String,
}

pub type CliResult<T> = Result<T, Failure>;

impl Failure {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl From<LedgerError> for Failure {
    fn from(e: LedgerError) -> Self {
        Self {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

impl From<csv::Error> for Failure {
    fn from(e: csv::Error) -> Self {
        Self::new("output", format!("生成 CSV 失败：{e}"))
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Self {
        Self::new("output", format!("生成 JSON 失败：{e}"))
    }
}
