//! What code and field each error has (the UI and scripts switch on `code()`), and how
//! SQLite's own errors become typed ones.

use super::LedgerError;

impl LedgerError {
    /// A stable, machine-readable code; the UI switches on it.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Negative { .. } => "negative_value",
            Self::TooManyDecimals { .. } => "too_many_decimals",
            Self::NotANumber { .. } => "not_a_number",
            Self::DateOutOfRange { .. } => "date_out_of_range",
            Self::BadDate(_) => "bad_date",
            Self::BadQuarter(_) => "bad_quarter",
            Self::PeriodReversed { .. } => "period_reversed",
            Self::Invalid { .. } => "invalid",
            Self::BadField { .. } => "invalid_field",
            Self::UnknownIndicator(_) => "unknown_indicator",
            Self::UnknownUnit(_) => "unknown_unit",
            Self::UnknownAction(_) => "unknown_action",
            Self::NotFound { .. } => "not_found",
            Self::Ambiguous { .. } => "ambiguous",
            Self::Duplicate { .. } | Self::DuplicateField { .. } => "duplicate",
            Self::BadCreditCode { .. } => "bad_credit_code",
            Self::DerivedIndicator { .. } => "derived_indicator",
            Self::SampleOverData => "sample_over_data",
            Self::DatabaseNewer { .. } => "database_newer",
            Self::Migration(_) => "migration_failed",
            Self::Database(_) => "database",
            Self::NotALedger { .. } => "not_a_ledger",
            Self::LedgerDamaged { .. } => "ledger_damaged",
            Self::SchemaMismatch { .. } => "schema_mismatch",
            Self::ReadOnly { .. } => "read_only",
            Self::BackupFailed(_) => "backup_failed",
            Self::RestoreRefused { code, .. } => code,
            Self::Io(_) => "io",
            Self::UnsupportedFormat(_) => "unsupported_format",
            Self::WriteFile { .. } => "write_failed",
            Self::FileExists { .. } => "file_exists",
            Self::ExportFailed { .. } => "export_failed",
            Self::TemplateFailed(_) => "template_failed",
            Self::ImportRejected { .. } => "import_rejected",
            Self::OpenFailed { .. } => "open_failed",
            Self::Forbidden { .. } => "forbidden",
            Self::LoginRequired => "login_required",
            Self::BadLogin { .. } => "bad_login",
            Self::AccountLocked { .. } => "account_locked",
            Self::AccountDisabled { .. } => "account_disabled",
            Self::WeakPassword { .. } => "weak_password",
            Self::ControlCharacter { .. } => "control_character",
            Self::TooLong { .. } => "too_long",
            Self::ImplausibleValue { .. } => "implausible_value",
            Self::TooSmall { .. } => "too_small",
            Self::TargetOverlap { .. } => "target_overlap",
            Self::ProjectBeforePairing { .. } => "project_before_pairing",
            Self::NotACounty { .. } => "not_a_county",
            Self::PeriodLocked { .. } => "period_locked",
            Self::RoundState { .. } => "round_state",
            Self::RoundNotApproved { .. } => "round_not_approved",
            Self::Exchange(e) => e.code(),
            Self::File(e) => e.code(),
            Self::Evidence(e) => e.code(),
            Self::ForUnit { source, .. } => source.code(),
        }
    }

    /// The input field the error is about, when there is one (for highlighting a form field).
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::Negative { field, .. }
            | Self::TooManyDecimals { field, .. }
            | Self::NotANumber { field, .. }
            | Self::DateOutOfRange { field, .. }
            | Self::Invalid { field, .. }
            | Self::WeakPassword { field } => Some(field),
            Self::BadLogin { .. } => Some("password"),
            Self::ImplausibleValue { field, .. }
            | Self::TooSmall { field, .. }
            | Self::NotACounty { field, .. } => Some(field),
            Self::ControlCharacter { field, .. } | Self::TooLong { field, .. } => Some(field),
            Self::TargetOverlap { .. } => Some("period_start"),
            Self::ProjectBeforePairing { .. } => Some("agreed_on"),
            Self::BadField { key, .. } => Some(key),
            Self::UnknownIndicator(_) => Some("indicator"),
            Self::UnknownUnit(_) => Some("unit"),
            Self::UnknownAction(_) => Some("action"),
            Self::PeriodReversed { .. } => Some("period_end"),
            Self::BadCreditCode { .. } => Some("credit_code"),
            Self::DuplicateField { field, .. } => Some(field),
            Self::DerivedIndicator { .. } => Some("indicator"),
            Self::ForUnit { source, .. } => source.field(),
            _ => None,
        }
    }
}

/// SQLite's own errors, with the three a person must act on made typed: a damaged file, a
/// file that is not a database, and a write to a ledger opened read-only.
impl From<rusqlite::Error> for LedgerError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DatabaseCorrupt | C::NotADatabase) => Self::LedgerDamaged {
                detail: e.to_string(),
                advice: crate::backup::GENERIC_ADVICE.to_string(),
            },
            Some(C::ReadOnly) => Self::ReadOnly {
                why: "文件或文件夹不可写".into(),
            },
            _ => Self::Database(e),
        }
    }
}
