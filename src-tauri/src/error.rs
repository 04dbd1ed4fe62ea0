//! The one error object that crosses IPC: `{code, message, field, params}`. The UI switches
//! on `code`, shows `message` (Chinese, from the core) or words `code` + `params` in English,
//! and highlights `field` when there is one.

use std::collections::BTreeMap;

use serde::Serialize;
use taizhang_core::LedgerError;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IpcError {
    /// Stable machine-readable code, e.g. `negative_value`, `not_found`.
    pub code: String,
    /// What went wrong and what to do, in Chinese.
    pub message: String,
    /// The input field the error is about (`value`, `occurred_on` …), if any.
    pub field: Option<String>,
    /// The message's parts by name (`LedgerError::params`), so the window can word it in
    /// English; empty for the shell's own failures.
    pub params: BTreeMap<String, String>,
}

impl IpcError {
    /// A failure of the shell itself rather than of a ledger rule.
    pub fn internal(message: impl Into<String>) -> Self {
        Self {
            code: "internal".into(),
            message: message.into(),
            field: None,
            params: BTreeMap::new(),
        }
    }
}

impl From<LedgerError> for IpcError {
    fn from(e: LedgerError) -> Self {
        Self {
            code: e.code().into(),
            message: e.to_string(),
            field: e.field().map(Into::into),
            params: e
                .params()
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for IpcError {}
