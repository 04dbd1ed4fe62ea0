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

/// Text as the terminal should show it: a control character that reached a message or a
/// cell (an ANSI escape in a name typed into a lookup, a note written before the core
/// refused them) is shown as `\u{1b}`, never sent to the terminal to act on.
pub fn visible(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
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
