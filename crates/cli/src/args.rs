//! The command line, as clap reads it. Dates, values and ids stay text here: the core
//! parses and checks them, so a mistake gets the same Chinese message as in the window.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod accounts;
mod backup;
mod evidence;
mod exchange;
mod registers;
mod report;
mod rounds;
pub use accounts::*;
pub use backup::*;
pub use evidence::*;
pub use exchange::*;
pub use registers::*;
pub use report::*;
pub use rounds::*;

#[derive(Debug, Parser)]
#[command(
    name = "taizhang",
    version,
    about = "台账：目标、完成情况与序时进度（命令行） / Taizhang ledger from the terminal",
    after_help = "编号可写 UUID、编码或完整名称；日期可写 2024-06-30、2024/6/30、2024年6月30日。\n\
                  IDs may be a UUID, a code or an exact name. Exit status: 0 ok, 1 error, 2 usage."
)]
pub struct Cli {
    /// 数据库文件（默认与桌面程序共用） / the ledger file (default: the desktop app's)
    #[arg(long, global = true, env = "TAIZHANG_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// 把“今天”固定为某日，用于可重复的脚本和测试 / pin today's date
    #[arg(long, global = true, value_name = "DATE")]
    pub today: Option<String>,

    /// 以此账号登录（密码取自 TAIZHANG_PASSWORD 或在终端输入） / sign in as this account
    #[arg(long, global = true, env = "TAIZHANG_USER", value_name = "NAME")]
    pub user: Option<String>,

    /// 修改的原因，记入留痕 / why: recorded with this command's changes in the audit trail
    #[arg(long, global = true, value_name = "TEXT")]
    pub reason: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 新建或升级数据库 / create or upgrade the ledger file
    Init,
    /// 加载（或 --remove 删除）示例数据 / load or remove the sample data
    Sample(SampleArgs),
    /// 列出行动 / list the actions
    Actions(FormatArgs),
    /// 列出指标 / list the indicators
    Indicators(IndicatorsArgs),
    /// 责任单位树 / the tree of responsible units
    Units(FormatArgs),
    /// 设置或列出目标 / set or list targets
    #[command(subcommand)]
    Target(TargetCommand),
    /// 登记一条完成情况 / record one progress entry
    Record(RecordArgs),
    /// 列出完成情况 / list progress entries
    Entries(EntriesArgs),
    /// 进度：目标、完成、完成率、序时进度、状态 / progress against targets
    Progress(ProgressArgs),
    /// 单位排名（按序时完成情况） / ranking of units by pace
    Ranking(RankingArgs),
    /// 从 Excel/CSV 导入（--dry-run 只预览） / import rows from .xlsx/.xls/.ods/.csv
    Import(ImportArgs),
    /// 生成导入模板（.xlsx） / write an import template
    Template(TemplateArgs),
    /// 结对共建台账：列出、登记、结束 / enterprise–village pairings
    #[command(subcommand)]
    Pairings(PairingsCommand),
    /// 村企合作项目：列出、登记 / cooperation projects of pairings
    #[command(subcommand)]
    Projects(ProjectsCommand),
    /// 已登记的企业 / registered enterprises
    #[command(subcommand)]
    Enterprises(EnterprisesCommand),
    /// 已登记的行政村（社区） / registered villages
    #[command(subcommand)]
    Villages(VillagesCommand),
    /// 活动台账：类型、记录、登记 / activity registers
    #[command(subcommand)]
    Register(RegisterCommand),
    /// 导出季度汇总（.xlsx、.docx、.csv） / export the quarterly summary
    Report(ReportArgs),
    /// 填写滞后指标的滞后原因和整改措施 / write why an indicator lags and what is done
    LagNote(LagNoteArgs),
    /// 账号：新建、列出、修改、停用、密码 / accounts
    #[command(subcommand)]
    User(UserCommand),
    /// 留痕：校验、列出操作记录 / the audit trail
    #[command(subcommand)]
    Audit(AuditCommand),
    /// 填报轮次：开启、下发、进度、催报、提交、锁定 / reporting rounds
    #[command(subcommand)]
    Round(RoundCommand),
    /// 审核报表：通过、退回、更正 / review the returns
    #[command(subcommand)]
    Review(ReviewCommand),
    /// 立即备份（或 backup list 列出备份） / back the ledger up now, or list the backups
    Backup(BackupArgs),
    /// 从备份恢复（先自动备份当前台账） / restore a backup (the current state is backed up first)
    Restore(RestoreArgs),
    /// 佐证材料：添加、列出、打开、移除 / evidence files of entries, register rows and returns
    #[command(subcommand)]
    Attach(AttachCommand),
    /// 数据交换：导出、导入、密钥、信任、状态 / signed packages between installations
    #[command(subcommand)]
    Exchange(ExchangeCommand),
    /// 完成情况汇总表：核对、重建 / the roll-up of the entries the progress views read
    #[command(subcommand)]
    Rollup(RollupCommand),
}

#[derive(Debug, Subcommand)]
pub enum RollupCommand {
    /// 按完成情况重新计算并核对汇总表，指出第一处不一致 / recompute and compare, naming the first difference
    Check,
    /// 按完成情况重建汇总表（一次写入） / make the roll-up again from the entries, in one write
    Rebuild,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// 对齐的表格 / aligned table
    Table,
    /// JSON 数组 / JSON array
    Json,
    /// CSV（英文列名） / CSV with English headers
    Csv,
}

#[derive(Debug, Args)]
pub struct FormatArgs {
    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct SampleArgs {
    /// 已有示例数据或用户数据时仍重新加载（用户数据保留） / reload even over existing data
    #[arg(long, conflicts_with = "remove")]
    pub force: bool,
    /// 删除示例数据（保留单位、指标和用户录入的数据） / remove the sample data
    #[arg(long)]
    pub remove: bool,
}

#[derive(Debug, Args)]
pub struct IndicatorsArgs {
    /// 只列某个行动的指标 / only this action's indicators
    #[arg(long, value_name = "CODE")]
    pub action: Option<String>,
    #[command(flatten)]
    pub output: FormatArgs,
}

#[derive(Debug, Subcommand)]
pub enum TargetCommand {
    /// 设置目标（同一期间已有目标则更新） / set a target
    Set(TargetSetArgs),
    /// 列出目标 / list targets
    List(TargetListArgs),
}

#[derive(Debug, Args)]
pub struct TargetSetArgs {
    #[arg(long, value_name = "ID")]
    pub indicator: String,
    #[arg(long, value_name = "ID")]
    pub unit: String,
    /// 开始日期 / first day
    #[arg(
        long,
        value_name = "DATE",
        required_unless_present = "year",
        requires = "to"
    )]
    pub from: Option<String>,
    /// 结束日期 / last day
    #[arg(long, value_name = "DATE", requires = "from")]
    pub to: Option<String>,
    /// 整年目标，等同 --from YEAR-01-01 --to YEAR-12-31 / a calendar year's target
    #[arg(long, value_name = "YEAR", conflicts_with_all = ["from", "to"])]
    pub year: Option<i32>,
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub value: String,
    /// 取代期间与之重叠的已有目标（旧目标截止到新目标开始前一天，被完全覆盖的删除） /
    /// replace overlapping targets (ended the day before this one starts, or removed)
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, Args)]
pub struct TargetListArgs {
    #[arg(long, value_name = "ID")]
    pub indicator: Option<String>,
    #[arg(long, value_name = "ID")]
    pub unit: Option<String>,
    #[command(flatten)]
    pub output: FormatArgs,
}

#[derive(Debug, Args)]
pub struct RecordArgs {
    #[arg(long, value_name = "ID")]
    pub indicator: String,
    #[arg(long, value_name = "ID")]
    pub unit: String,
    /// 发生日期 / the day the work happened
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// 本次完成的增量 / the increment done
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub value: String,
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub note: String,
}

#[derive(Debug, Args)]
pub struct EntriesArgs {
    #[arg(long, value_name = "ID")]
    pub indicator: Option<String>,
    /// 责任单位（含下级单位） / a unit and its sub-units
    #[arg(long, value_name = "ID")]
    pub unit: Option<String>,
    /// 不含下级单位 / only the unit itself
    #[arg(long, requires = "unit")]
    pub no_subunits: bool,
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// 最多显示多少条，0 表示全部 / at most this many, 0 for all
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: u32,
    #[command(flatten)]
    pub output: FormatArgs,
}

/// The date figures are computed as of (the end of that day).
#[derive(Debug, Args)]
pub struct AsOfArgs {
    /// 截至日期（默认今天） / as of the end of this day (default today)
    #[arg(long, value_name = "DATE", conflicts_with = "quarter")]
    pub as_of: Option<String>,
    /// 截至某季度末，如 2024Q2 / as of a quarter's last day
    #[arg(long, value_name = "QUARTER")]
    pub quarter: Option<String>,
}

#[derive(Debug, Args)]
pub struct ProgressArgs {
    #[command(flatten)]
    pub as_of: AsOfArgs,
    /// 责任单位及其下级（默认全市） / a unit and its subtree (default: the whole city)
    #[arg(long, value_name = "ID")]
    pub unit: Option<String>,
    #[arg(long, value_name = "CODE")]
    pub action: Option<String>,
    #[arg(long, value_name = "ID")]
    pub indicator: Option<String>,
    /// 按直属下级单位分行 / one row per direct sub-unit and indicator
    #[arg(long)]
    pub by_unit: bool,
    #[command(flatten)]
    pub output: FormatArgs,
}

#[derive(Debug, Args)]
pub struct RankingArgs {
    #[command(flatten)]
    pub as_of: AsOfArgs,
    /// 排名哪个单位的直属下级（默认全市） / rank the sub-units of this unit
    #[arg(long, value_name = "ID")]
    pub parent: Option<String>,
    #[arg(long, value_name = "CODE")]
    pub action: Option<String>,
    /// 只排同类单位：county 区县、zone 功能区、department 部门、party 党派团体
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    #[command(flatten)]
    pub output: FormatArgs,
}

/// KIND: entries 完成情况, targets 目标, enterprises 企业, villages 行政村, pairings 结对,
/// projects 合作项目, activity 台账记录 (with --register CODE), return 报表 (a unit's
/// return for a quarter, with --unit/--quarter unless it is a table Taizhang sent),
/// county-pairings 区县结对台账 (pairings with their projects below, with --county).
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// 导入什么：entries、targets、enterprises、villages、pairings、projects、activity、return、county-pairings
    #[arg(value_name = "KIND")]
    pub kind: String,
    /// .xlsx、.xls、.ods 或 .csv 文件 / the file to import
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// 台账类型编码（KIND 为 activity 时） / register type code for activity rows
    #[arg(long, value_name = "CODE")]
    pub register: Option<String>,
    /// 只预览，不写入 / show what would be imported and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// 列对应关系（JSON，格式同预览输出的 mapping） / a corrected column mapping (JSON)
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// 预览的输出格式：table 或 json / preview output: table or json
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// 报送单位（KIND 为 return 时） / the reporting unit of a return
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// 报送期，如 2024Q3，按月轮次如 2024-08（KIND 为 return 时） / the period of a return
    #[arg(long, value_name = "QUARTER")]
    pub quarter: Option<String>,
    /// 区县（KIND 为 county-pairings 时，标题中没有写明区县时） / the county of a register
    #[arg(long, value_name = "COUNTY")]
    pub county: Option<String>,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// 模板类型，同 import 的 KIND / the kind, as for import
    #[arg(value_name = "KIND")]
    pub kind: String,
    #[arg(long, value_name = "CODE")]
    pub register: Option<String>,
    /// 保存为（.xlsx） / where to write the template
    #[arg(long, value_name = "FILE.xlsx")]
    pub out: PathBuf,
    /// 文件已存在时覆盖 / replace an existing file
    #[arg(long)]
    pub force: bool,
}
