//! The registers' subcommands: pairings (结对), cooperation projects (合作项目),
//! enterprises, villages and the typed activity registers (台账).

use clap::{Args, Subcommand};

use super::FormatArgs;

/// Paging and output of a register listing.
#[derive(Debug, Args)]
pub struct ListOutput {
    /// 最多显示多少条，0 表示全部 / at most this many, 0 for all
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: u32,
    #[command(flatten)]
    pub output: FormatArgs,
}

#[derive(Debug, Subcommand)]
pub enum PairingsCommand {
    /// 列出结对关系（最新在前） / list pairings, newest first
    List(PairingListArgs),
    /// 登记结对：企业、行政村已登记则沿用，否则一并新建 / add a pairing
    Add(PairingAddArgs),
    /// 结束结对（不再计入结对企业、结对村数） / mark a pairing ended
    End(IdArg),
    /// 修改结对：只改给出的项；规则与登记时相同 / change a pairing (only what is given)
    Edit(PairingEditArgs),
}

#[derive(Debug, Args)]
pub struct IdArg {
    /// 结对编号（UUID，见 pairings list） / the pairing's id
    #[arg(value_name = "ID")]
    pub id: String,
}

#[derive(Debug, Args)]
pub struct PairingListArgs {
    /// 企业、行政村、乡镇名称或信用代码中的文字 / part of a name or credit code
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// 责任单位（含下级单位） / responsible unit and its sub-units
    #[arg(long, value_name = "ID")]
    pub unit: Option<String>,
    /// active 结对中 或 ended 已结束 / active or ended
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// 结对时间不早于 / signed on or after
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// 结对时间不晚于 / signed on or before
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    #[command(flatten)]
    pub list: ListOutput,
}

#[derive(Debug, Args)]
pub struct PairingAddArgs {
    /// 企业名称 / the enterprise's name
    #[arg(long, value_name = "NAME")]
    pub enterprise: String,
    /// 统一社会信用代码（18 位，核对校验位） / unified social credit code
    #[arg(long, value_name = "CODE")]
    pub credit_code: Option<String>,
    /// 新登记企业的所属区县 / county of a new enterprise
    #[arg(long, value_name = "ID")]
    pub enterprise_county: Option<String>,
    /// 行政村（社区）名称 / the village's name
    #[arg(long, value_name = "NAME")]
    pub village: String,
    /// 乡镇（街道） / township
    #[arg(long, value_name = "NAME")]
    pub township: String,
    /// 行政村所属区县 / the village's county
    #[arg(long, value_name = "ID")]
    pub county: String,
    /// 结对时间 / signed on
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// 责任单位（默认为行政村所属区县） / responsible unit (default: the village's county)
    #[arg(long, value_name = "ID")]
    pub unit: Option<String>,
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub note: String,
}

#[derive(Debug, Subcommand)]
pub enum ProjectsCommand {
    /// 列出合作项目（最新在前） / list cooperation projects, newest first
    List(ProjectListArgs),
    /// 登记合作项目 / add a cooperation project to a pairing
    Add(ProjectAddArgs),
    /// 修改合作项目：只改给出的项 / change a project (only what is given)
    Edit(ProjectEditArgs),
}

#[derive(Debug, Args)]
pub struct ProjectListArgs {
    /// 项目、企业或行政村名称中的文字 / part of a name
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// 结对的责任单位（含下级单位） / the pairing's responsible unit and its sub-units
    #[arg(long, value_name = "ID")]
    pub unit: Option<String>,
    /// 只列某个结对的项目 / only this pairing's projects
    #[arg(long, value_name = "ID")]
    pub pairing: Option<String>,
    /// 产业、就业、消费、公益、人才、其他 / kind
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// 已签约、实施中、已完成（或 agreed、in_progress、completed） / status
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    #[command(flatten)]
    pub list: ListOutput,
}

#[derive(Debug, Args)]
pub struct ProjectAddArgs {
    /// 结对编号 / the pairing's id
    #[arg(long, value_name = "ID")]
    pub pairing: String,
    /// 项目名称 / the project's name
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// 产业、就业、消费、公益、人才、其他 / kind
    #[arg(long, value_name = "KIND")]
    pub kind: String,
    /// 签约时间 / agreed on
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// 投资金额（万元，最多四位小数） / investment in 万元
    #[arg(long, value_name = "万元", allow_hyphen_values = true)]
    pub investment: Option<String>,
    /// 已签约（默认）、实施中、已完成 / status (default agreed)
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// 受益人数 / people who benefit
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub beneficiaries: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum EnterprisesCommand {
    /// 列出已登记的企业 / list registered enterprises
    List(CatalogListArgs),
}

#[derive(Debug, Subcommand)]
pub enum VillagesCommand {
    /// 列出已登记的行政村（社区） / list registered villages
    List(CatalogListArgs),
}

#[derive(Debug, Args)]
pub struct CatalogListArgs {
    /// 名称（企业还可用信用代码、行政村还可用乡镇）中的文字 / part of a name
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// 所属区县 / county
    #[arg(long, value_name = "ID")]
    pub county: Option<String>,
    #[command(flatten)]
    pub list: ListOutput,
}

#[derive(Debug, Subcommand)]
pub enum RegisterCommand {
    /// 列出台账类型及其字段 / the register types and their fields
    Types(FormatArgs),
    /// 列出某类台账的记录（最新在前） / list a register's rows, newest first
    List(RegisterListArgs),
    /// 登记一条台账记录 / add a row to a register
    Add(RegisterAddArgs),
    /// 修改一条台账记录：只改给出的项 / change a row (only what is given)
    Edit(RegisterEditArgs),
}

#[derive(Debug, Args)]
pub struct RegisterListArgs {
    /// 台账类型编码（见 register types） / register type code
    #[arg(long = "type", value_name = "CODE")]
    pub register: String,
    /// 事项或字段中的文字 / part of the title or a field
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// 责任单位（含下级单位） / unit and its sub-units
    #[arg(long, value_name = "ID")]
    pub unit: Option<String>,
    /// 状态（编码或名称，如 adopted 或 已采用） / status key or label
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// 只列某字段等于某值的记录，如 走访对象=企业 / only rows whose field has this value
    #[arg(long = "match", value_name = "FIELD=VALUE")]
    pub matching: Option<String>,
    #[command(flatten)]
    pub list: ListOutput,
}

#[derive(Debug, Args)]
pub struct RegisterAddArgs {
    /// 台账类型编码 / register type code
    #[arg(long = "type", value_name = "CODE")]
    pub register: String,
    /// 发生日期 / the day it happened
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// 责任单位 / responsible unit
    #[arg(long, value_name = "ID")]
    pub unit: String,
    /// 事项 / what happened
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    /// 状态（有状态的台账必填；编码或名称） / status key or label
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// 字段值，可重复，如 --field participants=35 或 --field 培训人次=35 / a field's value
    #[arg(long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,
}

#[derive(Debug, Args)]
pub struct PairingEditArgs {
    /// 结对编号 / the pairing's id
    #[arg(value_name = "ID")]
    pub id: String,
    /// 改为另一企业（已登记则沿用，否则新登记） / pair another enterprise
    #[arg(long, value_name = "NAME")]
    pub enterprise: Option<String>,
    /// 该企业的统一社会信用代码 / that enterprise's credit code
    #[arg(long, value_name = "CODE", requires = "enterprise")]
    pub credit_code: Option<String>,
    /// 改为另一行政村（需同时给出 --township 和 --county） / pair another village
    #[arg(long, value_name = "NAME", requires_all = ["township", "county"])]
    pub village: Option<String>,
    #[arg(long, value_name = "NAME", requires = "village")]
    pub township: Option<String>,
    #[arg(long, value_name = "ID", requires = "village")]
    pub county: Option<String>,
    /// 结对时间 / signed on
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// 责任单位 / responsible unit
    #[arg(long, value_name = "ID")]
    pub unit: Option<String>,
    /// active 结对中 或 ended 已结束 / active or ended
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct ProjectEditArgs {
    /// 项目编号 / the project's id
    #[arg(value_name = "ID")]
    pub id: String,
    /// 改挂到另一结对 / move to another pairing
    #[arg(long, value_name = "ID")]
    pub pairing: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// 产业、就业、消费、公益、人才、其他 / kind
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// 签约时间 / agreed on
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// 投资金额（万元） / investment in 万元
    #[arg(long, value_name = "万元", allow_hyphen_values = true)]
    pub investment: Option<String>,
    /// 已签约、实施中、已完成 / status
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// 受益人数 / people who benefit
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub beneficiaries: Option<String>,
}

#[derive(Debug, Args)]
pub struct RegisterEditArgs {
    /// 记录编号（见 register list） / the row's id
    #[arg(value_name = "ID")]
    pub id: String,
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[arg(long, value_name = "ID")]
    pub unit: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// 要改的字段值，可重复，如 --field 培训人次=40 / a field's new value
    #[arg(long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,
}
