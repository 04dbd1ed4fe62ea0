//! Typed errors of the core. Messages are in Chinese, the clerks' language; `code()` is
//! the stable identifier the UI and scripts switch on.

use chrono::NaiveDate;

mod codes;
mod file;
mod params;
mod wording;

pub use file::FileError;
pub use params::Params;
pub use wording::field_label;
pub(crate) use wording::grouped;
use wording::{first_problem, plain_number, smallest_step};

/// The result of a core operation, failing with a [`LedgerError`] unless told otherwise.
pub type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// Every way a core operation can fail, each with a Chinese message and a stable `code()`.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// A figure that must be zero or more was negative.
    #[error("「{}」不能为负数（收到 {value}）", field_label(.field))]
    Negative {
        /// The input field holding the figure (worded by `field_label`).
        field: &'static str,
        /// The negative figure received.
        value: f64,
    },

    /// A figure has more decimal places than its indicator allows.
    #[error("「{}」最多允许 {decimals} 位小数（收到 {value}）", field_label(.field))]
    TooManyDecimals {
        /// The input field holding the figure.
        field: &'static str,
        /// How many decimal places the indicator allows.
        decimals: u8,
        /// The figure received.
        value: f64,
    },

    /// A text meant to be a figure could not be read as one.
    #[error("「{}」不是有效数值：{value}", field_label(.field))]
    NotANumber {
        /// The input field holding the text.
        field: &'static str,
        /// The text as it was typed.
        value: String,
    },

    /// A date outside the range a field accepts (before 2000, a completion after today, a target ending over ten years ahead).
    #[error("「{}」{date} 超出合理范围：{reason}", field_label(.field))]
    DateOutOfRange {
        /// The input field holding the date.
        field: &'static str,
        /// The date refused.
        date: NaiveDate,
        /// Why the date is out of range, in Chinese.
        reason: String,
    },

    /// A text that the date parser could not read as a date.
    #[error("无法识别的日期「{0}」，请使用 2024-06-30 这样的格式")]
    BadDate(String),

    /// A text that is not a quarter like `2024Q2`, or a quarter outside 1–4 or 1900–2999.
    #[error("无法识别的季度「{0}」，请使用 2024Q2 这样的格式")]
    BadQuarter(String),

    /// A period whose end date is before its start date.
    #[error("起止日期颠倒：结束日期 {end} 早于开始日期 {start}")]
    PeriodReversed {
        /// The period's first day as given.
        start: NaiveDate,
        /// The period's last day as given, earlier than `start`.
        end: NaiveDate,
    },

    /// A field's value breaks one of the write rules; `problem` says which.
    #[error("「{}」{problem}", field_label(.field))]
    Invalid {
        /// The input field at fault.
        field: &'static str,
        /// What is wrong with it, in Chinese, following the field's label.
        problem: String,
    },

    /// A field of an activity register, named by its own label.
    #[error("「{label}」{problem}")]
    BadField {
        /// The field's key in the activity type's definition.
        key: String,
        /// The field's label as the activity type names it.
        label: String,
        /// What is wrong with its value, in Chinese.
        problem: String,
    },

    /// No indicator (指标) matches what was typed (UUID, code or name).
    #[error("找不到指标「{0}」")]
    UnknownIndicator(String),

    /// No responsible unit (责任单位) matches what was typed.
    #[error("找不到责任单位「{0}」")]
    UnknownUnit(String),

    /// No action (行动) matches what was typed.
    #[error("找不到行动「{0}」")]
    UnknownAction(String),

    /// A record of some kind was looked up by id and is not in the ledger.
    #[error("找不到{what}「{id}」")]
    NotFound {
        /// The kind of record, in Chinese (企业, 结对关系 …).
        what: &'static str,
        /// The id or key that was looked up.
        id: String,
    },

    /// What was typed matches more than one record, so the code or id must be used.
    #[error("「{key}」匹配到多个{what}，请改用编码或 ID")]
    Ambiguous {
        /// The kind of record, in Chinese.
        what: &'static str,
        /// The text that matched several records.
        key: String,
    },

    /// A record with the same natural key is already in the ledger.
    #[error("{what}「{key}」已存在")]
    Duplicate {
        /// The kind of record, in Chinese.
        what: &'static str,
        /// The natural key that is already taken.
        key: String,
    },

    /// A duplicate found by one field of a form (an enterprise's name or its credit code):
    /// the same message and code as `Duplicate`, with the field that collides.
    #[error("{what}「{key}」已存在")]
    DuplicateField {
        /// The kind of record, in Chinese.
        what: &'static str,
        /// The value that is already taken.
        key: String,
        /// The form field whose value collides.
        field: &'static str,
    },

    /// A 统一社会信用代码 of the wrong shape or with a wrong check character.
    #[error("统一社会信用代码「{code}」有误：{problem}")]
    BadCreditCode {
        /// The code as typed.
        code: String,
        /// What is wrong with it, in Chinese.
        problem: String,
    },

    /// A completion typed for an indicator whose value the registers compute.
    #[error("「{indicator}」由台账自动统计，请在「{register}」中登记，不能直接录入完成值")]
    DerivedIndicator {
        /// The derived indicator's name.
        indicator: String,
        /// The register (台账) whose rows produce its value.
        register: String,
    },

    /// Loading the sample data was refused because the ledger already holds entries.
    #[error(
        "台账中已有录入的数据，示例数据会与之混在一起，因此没有加载（命令行可用 --force 强制加载）"
    )]
    SampleOverData,

    /// The file's schema version is newer than this program's migrations.
    #[error("数据库由更新版本的台账创建（结构版本 {found}，本程序支持到 {supported}），请升级程序后再打开")]
    DatabaseNewer {
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this program knows.
        supported: i64,
    },

    /// A migration failed while the file was being brought up to date.
    #[error("数据库结构升级失败：{0}")]
    Migration(String),

    /// Any other SQLite error.
    #[error("数据库错误：{0}")]
    Database(rusqlite::Error),

    /// The file exists but is not a Taizhang ledger (empty, another program's file, or a
    /// SQLite file without the ledger's tables); only `init` turns an empty file into one.
    #[error("「{path}」不是台账数据库文件（{why}）{advice}")]
    NotALedger {
        /// The file that was opened.
        path: String,
        /// Why it is not a ledger, in Chinese.
        why: String,
        /// What to do next, naming the latest backup when there is one.
        advice: String,
    },

    /// SQLite found the file damaged (malformed pages, a broken header).
    #[error("台账数据库文件已损坏（{detail}）{advice}")]
    LedgerDamaged {
        /// SQLite's or `integrity_check`'s own account of the damage.
        detail: String,
        /// What to do next, naming the latest backup when there is one.
        advice: String,
    },

    /// The file's tables do not match its schema version (a table dropped by hand, a
    /// user_version changed by hand).
    #[error("台账数据库的结构与其版本不符（{problem}）{advice}")]
    SchemaMismatch {
        /// Which table or version does not match, in Chinese.
        problem: String,
        /// What to do next, naming the latest backup when there is one.
        advice: String,
    },

    /// The ledger was opened read-only (the file or its folder cannot be written).
    #[error("台账是以只读方式打开的（{why}），不能修改数据；请检查文件和所在文件夹的写入权限")]
    ReadOnly {
        /// Why the ledger is read-only, in Chinese.
        why: String,
    },

    /// A backup could not be made or failed its integrity check.
    #[error("备份失败：{0}")]
    BackupFailed(String),

    /// A file offered for restoring is not one; `code` says why (not_a_ledger,
    /// database_newer, ledger_damaged).
    #[error("不能用「{path}」恢复：{why}")]
    RestoreRefused {
        /// The file offered for restoring.
        path: String,
        /// Why it was refused, in Chinese.
        why: String,
        /// The code of the underlying refusal, returned by `code()`.
        code: &'static str,
    },

    /// A file could not be read or written by the operating system.
    #[error("文件读写错误：{0}")]
    Io(#[from] std::io::Error),

    /// An export was asked for with an extension other than .xlsx, .docx or .csv.
    #[error("不支持导出为「{0}」格式，请以 .xlsx、.docx 或 .csv 作为文件扩展名")]
    UnsupportedFormat(String),

    /// A file the program writes (an export, a template, a copy) could not be written.
    #[error("无法写入文件「{path}」：{reason}")]
    WriteFile {
        /// The file that could not be written.
        path: String,
        /// The operating system's or writer's reason.
        reason: String,
    },

    /// The file to write already exists and replacing it was not confirmed.
    #[error("文件「{path}」已存在；确认替换后才会覆盖（命令行可加 --force）")]
    FileExists {
        /// The existing file.
        path: String,
    },

    /// A writer (xlsx, docx, csv) failed while laying out an export.
    #[error("生成{what}失败：{reason}")]
    ExportFailed {
        /// What was being made, in Chinese (e.g. the kind of file).
        what: &'static str,
        /// The writer's reason.
        reason: String,
    },

    /// An import template (.xlsx) could not be generated.
    #[error("生成导入模板失败：{0}")]
    TemplateFailed(String),

    /// A write or read outside the account's role or scope (auth::PERMISSIONS).
    #[error("{message}")]
    Forbidden {
        /// The whole refusal in Chinese: who, what area and which unit.
        message: String,
    },

    /// The ledger has accounts and no one is signed in.
    #[error("请先登录：此台账已启用账号，请以自己的账号登录后再操作")]
    LoginRequired,

    /// A sign-in with an unknown login or a wrong password.
    #[error("登录名或密码不正确{}", .attempts_left.map(|n| format!("，再错{n}次账号将被锁定5分钟")).unwrap_or_default())]
    BadLogin {
        /// Wrong passwords left before the account locks, when the login exists.
        attempts_left: Option<u32>,
    },

    /// A sign-in to an account locked after 5 wrong passwords.
    #[error("密码连续输错5次，账号已锁定至 {until}，请稍后再试或请管理员重置密码")]
    AccountLocked {
        /// When the lock ends, as shown to the person.
        until: String,
    },

    /// A sign-in to an account an administrator has disabled.
    #[error("账号「{login}」已停用，请联系管理员")]
    AccountDisabled {
        /// The disabled account's login name.
        login: String,
    },

    /// A new password shorter than 8 characters or without both letters and digits.
    #[error("「{}」太简单：至少8个字符，须同时包含字母和数字", field_label(.field))]
    WeakPassword {
        /// The password field at fault.
        field: &'static str,
    },
    /// A free text containing a control character (text.rs's check).
    #[error("「{label}」含有不可见的控制字符（第{position}个字符），请删除后再保存")]
    ControlCharacter {
        /// The input field holding the text.
        field: String,
        /// The field's label as shown to the person.
        label: String,
        /// The 1-based position of the first control character.
        position: usize,
    },

    /// A free text longer than its field allows.
    #[error("「{label}」不能超过 {max} 个字符（现有 {length} 个）")]
    TooLong {
        /// The input field holding the text.
        field: String,
        /// The field's label as shown to the person.
        label: String,
        /// The most characters the field allows.
        max: usize,
        /// How many characters the text has.
        length: usize,
    },

    /// A value above its indicator's plausibility ceiling (`Indicator::max_value`).
    #[error("「{}」{} 超出该指标的合理上限 {}", field_label(.field), plain_number(*.value), grouped(*.ceiling))]
    ImplausibleValue {
        /// The input field holding the value.
        field: &'static str,
        /// The value refused.
        value: f64,
        /// The indicator's ceiling.
        ceiling: f64,
    },

    /// A value that is not zero but below its indicator's last decimal place.
    #[error("「{}」{} 小于该指标的最小单位 {}，请检查是否输错", field_label(.field), plain_number(*.value), smallest_step(*.decimals))]
    TooSmall {
        /// The input field holding the value.
        field: &'static str,
        /// The value refused.
        value: f64,
        /// How many decimal places the indicator has.
        decimals: u8,
    },

    /// A target (目标) whose period overlaps another of the same indicator and unit.
    #[error("该单位此指标已有 {start} 至 {end} 的目标（{value}），期间与新目标重叠；如新目标取代它，请确认替换（命令行加 --replace）")]
    TargetOverlap {
        /// The first day of the existing target's period.
        start: NaiveDate,
        /// The last day of the existing target's period.
        end: NaiveDate,
        /// The existing target's value.
        value: f64,
    },

    /// A cooperation project agreed before the signing of the pairing it belongs to.
    #[error("「签约时间」{agreed_on} 早于结对时间 {signed_on}：合作项目不能早于它的结对关系")]
    ProjectBeforePairing {
        /// The project's 签约时间.
        agreed_on: NaiveDate,
        /// The pairing's signed date.
        signed_on: NaiveDate,
    },

    /// A unit given where a county or functional zone is required (`require_county`).
    #[error("「{}」应为区县或功能区，「{unit}」是{kind}", field_label(.field))]
    NotACounty {
        /// The input field naming the unit.
        field: &'static str,
        /// The unit's name.
        unit: String,
        /// What kind of unit it is instead, in Chinese.
        kind: &'static str,
    },

    /// A write dated in a period whose round is locked (see `round::lock`).
    #[error("{label}已锁定（{locked_on} 由{locked_by}锁定），不能再修改{span}的数据；如需更正请联系管理员解锁")]
    PeriodLocked {
        /// 2024年第三季度
        label: String,
        /// When the round was locked, as shown to the person.
        locked_on: String,
        /// Who locked the round.
        locked_by: String,
        /// 该季度 or 该月
        span: &'static str,
    },

    /// A step of a reporting round that the unit's state does not allow.
    #[error("{unit}{label}的报表当前为「{state}」，不能{step}")]
    RoundState {
        /// The unit's name.
        unit: String,
        /// The round's label (2024年第三季度 …).
        label: String,
        /// The unit's current state in the round, in Chinese.
        state: &'static str,
        /// The step that was refused, in Chinese (提交, 审核通过 …).
        step: &'static str,
    },

    /// A round locked while some units' returns are not yet approved.
    #[error("{label}还有 {} 个单位未审核通过，不能锁定：{}（确需锁定请使用 --force 并说明原因）", .units.len(), .units.join("、"))]
    RoundNotApproved {
        /// The round's label.
        label: String,
        /// The names of the units not yet approved.
        units: Vec<String>,
    },
    /// The system's viewer could not be started on a checked file.
    #[error("无法用系统程序打开「{path}」（{reason}）")]
    OpenFailed {
        /// The file that was to be opened.
        path: String,
        /// The operating system's reason.
        reason: String,
    },

    /// An import with problems, so nothing of the file was written.
    #[error("「{file}」有 {} 处问题，未导入任何数据。{}", .problems.len(), first_problem(.problems))]
    ImportRejected {
        /// The file's name.
        file: String,
        /// Every problem found, each at its row and column.
        problems: Vec<crate::import::ImportProblem>,
    },

    /// One unit's row of a write of several (the targets page saves all its rows at once):
    /// the row's own error, with the unit it is about; code, field and params are the row's.
    #[error("{unit_name}：{source}")]
    ForUnit {
        /// The id of the unit whose row was refused.
        unit_id: String,
        /// The unit's name, which starts the message.
        unit_name: String,
        /// The row's own error.
        source: Box<LedgerError>,
    },

    /// A data-exchange package refused or not made (exchange/error.rs has the codes).
    #[error(transparent)]
    Exchange(#[from] crate::exchange::ExchangeError),

    /// A file to read that cannot be read, or may not be (error/file.rs).
    #[error(transparent)]
    File(#[from] FileError),

    /// A file refused as 佐证材料, or a stored one that cannot be used (evidence/error.rs).
    #[error(transparent)]
    Evidence(#[from] crate::evidence::EvidenceError),
}
