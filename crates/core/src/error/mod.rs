//! Typed errors of the core. Messages are in Chinese, the clerks' language; `code()` is
//! the stable identifier the UI and scripts switch on.

use chrono::NaiveDate;

mod params;
mod wording;

pub use params::Params;
pub use wording::field_label;
pub(crate) use wording::grouped;
use wording::{first_problem, plain_number, smallest_step};

pub type Result<T, E = LedgerError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("「{}」不能为负数（收到 {value}）", field_label(.field))]
    Negative { field: &'static str, value: f64 },

    #[error("「{}」最多允许 {decimals} 位小数（收到 {value}）", field_label(.field))]
    TooManyDecimals {
        field: &'static str,
        decimals: u8,
        value: f64,
    },

    #[error("「{}」不是有效数值：{value}", field_label(.field))]
    NotANumber { field: &'static str, value: String },

    #[error("「{}」{date} 超出合理范围：{reason}", field_label(.field))]
    DateOutOfRange {
        field: &'static str,
        date: NaiveDate,
        reason: String,
    },

    #[error("无法识别的日期「{0}」，请使用 2024-06-30 这样的格式")]
    BadDate(String),

    #[error("无法识别的季度「{0}」，请使用 2024Q2 这样的格式")]
    BadQuarter(String),

    #[error("起止日期颠倒：结束日期 {end} 早于开始日期 {start}")]
    PeriodReversed { start: NaiveDate, end: NaiveDate },

    #[error("「{}」{problem}", field_label(.field))]
    Invalid {
        field: &'static str,
        problem: String,
    },

    /// A field of an activity register, named by its own label.
    #[error("「{label}」{problem}")]
    BadField {
        key: String,
        label: String,
        problem: String,
    },

    #[error("找不到指标「{0}」")]
    UnknownIndicator(String),

    #[error("找不到责任单位「{0}」")]
    UnknownUnit(String),

    #[error("找不到行动「{0}」")]
    UnknownAction(String),

    #[error("找不到{what}「{id}」")]
    NotFound { what: &'static str, id: String },

    #[error("「{key}」匹配到多个{what}，请改用编码或 ID")]
    Ambiguous { what: &'static str, key: String },

    #[error("{what}「{key}」已存在")]
    Duplicate { what: &'static str, key: String },

    /// A duplicate found by one field of a form (an enterprise's name or its credit code):
    /// the same message and code as `Duplicate`, with the field that collides.
    #[error("{what}「{key}」已存在")]
    DuplicateField {
        what: &'static str,
        key: String,
        field: &'static str,
    },

    #[error("统一社会信用代码「{code}」有误：{problem}")]
    BadCreditCode { code: String, problem: String },

    #[error("「{indicator}」由台账自动统计，请在「{register}」中登记，不能直接录入完成值")]
    DerivedIndicator { indicator: String, register: String },

    #[error(
        "台账中已有录入的数据，示例数据会与之混在一起，因此没有加载（命令行可用 --force 强制加载）"
    )]
    SampleOverData,

    #[error("数据库由更新版本的台账创建（结构版本 {found}，本程序支持到 {supported}），请升级程序后再打开")]
    DatabaseNewer { found: i64, supported: i64 },

    #[error("数据库结构升级失败：{0}")]
    Migration(String),

    #[error("数据库错误：{0}")]
    Database(rusqlite::Error),

    /// The file exists but is not a Taizhang ledger (empty, another program's file, or a
    /// SQLite file without the ledger's tables); only `init` turns an empty file into one.
    #[error("「{path}」不是台账数据库文件（{why}）{advice}")]
    NotALedger {
        path: String,
        why: String,
        advice: String,
    },

    /// SQLite found the file damaged (malformed pages, a broken header).
    #[error("台账数据库文件已损坏（{detail}）{advice}")]
    LedgerDamaged { detail: String, advice: String },

    /// The file's tables do not match its schema version (a table dropped by hand, a
    /// user_version changed by hand).
    #[error("台账数据库的结构与其版本不符（{problem}）{advice}")]
    SchemaMismatch { problem: String, advice: String },

    /// The ledger was opened read-only (the file or its folder cannot be written).
    #[error("台账是以只读方式打开的（{why}），不能修改数据；请检查文件和所在文件夹的写入权限")]
    ReadOnly { why: String },

    #[error("备份失败：{0}")]
    BackupFailed(String),

    /// A file offered for restoring is not one; `code` says why (not_a_ledger,
    /// database_newer, ledger_damaged).
    #[error("不能用「{path}」恢复：{why}")]
    RestoreRefused {
        path: String,
        why: String,
        code: &'static str,
    },

    #[error("文件读写错误：{0}")]
    Io(#[from] std::io::Error),

    #[error("不支持导出为「{0}」格式，请以 .xlsx、.docx 或 .csv 作为文件扩展名")]
    UnsupportedFormat(String),

    #[error("无法写入文件「{path}」：{reason}")]
    WriteFile { path: String, reason: String },

    #[error("文件「{path}」已存在；确认替换后才会覆盖（命令行可加 --force）")]
    FileExists { path: String },

    #[error("生成{what}失败：{reason}")]
    ExportFailed { what: &'static str, reason: String },

    #[error("无法读取文件「{file}」：{reason}")]
    UnreadableFile { file: String, reason: String },

    #[error("不支持导入文件「{file}」：请使用 .xlsx、.xls、.ods 或 .csv 文件")]
    UnsupportedFile { file: String },

    #[error("生成导入模板失败：{0}")]
    TemplateFailed(String),

    /// A write or read outside the account's role or scope (auth::PERMISSIONS).
    #[error("{message}")]
    Forbidden { message: String },

    #[error("请先登录：此台账已启用账号，请以自己的账号登录后再操作")]
    LoginRequired,

    #[error("登录名或密码不正确{}", .attempts_left.map(|n| format!("，再错{n}次账号将被锁定5分钟")).unwrap_or_default())]
    BadLogin { attempts_left: Option<u32> },

    #[error("密码连续输错5次，账号已锁定至 {until}，请稍后再试或请管理员重置密码")]
    AccountLocked { until: String },

    #[error("账号「{login}」已停用，请联系管理员")]
    AccountDisabled { login: String },

    #[error("「{}」太简单：至少8个字符，须同时包含字母和数字", field_label(.field))]
    WeakPassword { field: &'static str },
    #[error("「{label}」含有不可见的控制字符（第{position}个字符），请删除后再保存")]
    ControlCharacter {
        field: String,
        label: String,
        position: usize,
    },

    #[error("「{label}」不能超过 {max} 个字符（现有 {length} 个）")]
    TooLong {
        field: String,
        label: String,
        max: usize,
        length: usize,
    },

    #[error("「{}」{} 超出该指标的合理上限 {}", field_label(.field), plain_number(*.value), grouped(*.ceiling))]
    ImplausibleValue {
        field: &'static str,
        value: f64,
        ceiling: f64,
    },

    #[error("「{}」{} 小于该指标的最小单位 {}，请检查是否输错", field_label(.field), plain_number(*.value), smallest_step(*.decimals))]
    TooSmall {
        field: &'static str,
        value: f64,
        decimals: u8,
    },

    #[error("该单位此指标已有 {start} 至 {end} 的目标（{value}），期间与新目标重叠；如新目标取代它，请确认替换（命令行加 --replace）")]
    TargetOverlap {
        start: NaiveDate,
        end: NaiveDate,
        value: f64,
    },

    #[error("「签约时间」{agreed_on} 早于结对时间 {signed_on}：合作项目不能早于它的结对关系")]
    ProjectBeforePairing {
        agreed_on: NaiveDate,
        signed_on: NaiveDate,
    },

    #[error("「{}」应为区县或功能区，「{unit}」是{kind}", field_label(.field))]
    NotACounty {
        field: &'static str,
        unit: String,
        kind: &'static str,
    },

    /// A write dated in a period whose round is locked (see `round::lock`).
    #[error("{label}已锁定（{locked_on} 由{locked_by}锁定），不能再修改{span}的数据；如需更正请联系管理员解锁")]
    PeriodLocked {
        /// 2024年第三季度
        label: String,
        locked_on: String,
        locked_by: String,
        /// 该季度 or 该月
        span: &'static str,
    },

    /// A step of a reporting round that the unit's state does not allow.
    #[error("{unit}{label}的报表当前为「{state}」，不能{step}")]
    RoundState {
        unit: String,
        label: String,
        state: &'static str,
        step: &'static str,
    },

    #[error("{label}还有 {} 个单位未审核通过，不能锁定：{}（确需锁定请使用 --force 并说明原因）", .units.len(), .units.join("、"))]
    RoundNotApproved { label: String, units: Vec<String> },
    #[error("「{file}」不是普通文件（是{what}），不能导入")]
    NotAFile { file: String, what: &'static str },

    #[error("「{file}」过大（{detail}），超出导入上限；请拆分成几个文件再导入")]
    FileTooLarge { file: String, detail: String },

    #[error("「{file}」超过 {limit} 行，超出导入上限；请拆分成几个文件再导入")]
    TooManyRows { file: String, limit: usize },

    #[error("「{file}」看起来已损坏或被人为构造（{reason}），为安全起见没有读取；请用 Excel 或 WPS 打开后另存为新文件再导入")]
    MalformedFile { file: String, reason: String },

    /// 佐证材料: not a regular file (a folder, a pipe, a device).
    #[error("「{file}」不是普通文件（是{what}），不能作为佐证材料")]
    EvidenceNotAFile { file: String, what: &'static str },

    #[error("文件超过20MB（{size}），佐证材料每个不超过20MB")]
    EvidenceTooLarge { file: String, size: String },

    /// The extension is not one of the kinds evidence may be.
    #[error("不支持的文件类型 {ext}：佐证材料只能是 PDF、JPG、PNG、Word(.docx)、Excel(.xlsx)")]
    EvidenceType { file: String, ext: String },

    /// The bytes are not what the extension says (a program renamed .pdf).
    #[error("文件内容不是{kind}（扩展名为{ext}）")]
    EvidenceContent {
        file: String,
        kind: &'static str,
        ext: String,
    },

    /// The stored file's SHA-256 is not the one the ledger recorded.
    #[error("佐证材料文件已被改动或损坏：「{file}」的内容与登记时不同（应为 SHA-256 {expected}…），请重新添加")]
    EvidenceAltered { file: String, expected: String },

    /// The stored file is gone from 佐证材料.
    #[error("佐证材料文件不见了：「{file}」应在「{path}」，请从备份中找回或重新添加")]
    EvidenceMissing { file: String, path: String },

    /// The system's viewer could not be started on a checked file.
    #[error("无法用系统程序打开「{path}」（{reason}）")]
    OpenFailed { path: String, reason: String },

    #[error("「{file}」有 {} 处问题，未导入任何数据。{}", .problems.len(), first_problem(.problems))]
    ImportRejected {
        file: String,
        problems: Vec<crate::import::ImportProblem>,
    },

    /// One unit's row of a write of several (the targets page saves all its rows at once):
    /// the row's own error, with the unit it is about; code, field and params are the row's.
    #[error("{unit_name}：{source}")]
    ForUnit {
        unit_id: String,
        unit_name: String,
        source: Box<LedgerError>,
    },

    /// A data-exchange package refused or not made (exchange/error.rs has the codes).
    #[error(transparent)]
    Exchange(#[from] crate::exchange::ExchangeError),
}

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
            Self::UnreadableFile { .. } => "unreadable_file",
            Self::UnsupportedFile { .. } => "unsupported_file",
            Self::TemplateFailed(_) => "template_failed",
            Self::NotAFile { .. } => "not_a_file",
            Self::FileTooLarge { .. } => "file_too_large",
            Self::TooManyRows { .. } => "too_many_rows",
            Self::MalformedFile { .. } => "file_malformed",
            Self::ImportRejected { .. } => "import_rejected",
            Self::EvidenceNotAFile { .. } => "not_a_file",
            Self::EvidenceTooLarge { .. } => "evidence_too_large",
            Self::EvidenceType { .. } => "evidence_type",
            Self::EvidenceContent { .. } => "evidence_content",
            Self::EvidenceAltered { .. } => "evidence_altered",
            Self::EvidenceMissing { .. } => "evidence_missing",
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
