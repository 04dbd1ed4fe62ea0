//! `exchange export|import|key|trust|status`: signed packages between the city's ledger and
//! units' own ledgers (数据交换).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::FormatArgs;

#[derive(Debug, Subcommand)]
pub enum ExchangeCommand {
    /// 导出数据交换包：市级 --for 单位（首个为初始包），单位 --to-city / write the next package
    Export(ExchangeExportArgs),
    /// 导入数据交换包（--dry-run 只预览）；空台账导入初始包即成为单位台账 / apply a package
    Import(ExchangeImportArgs),
    /// 本台账的密钥指纹（最后一行），用于电话核对 / this installation's key fingerprint
    Key,
    /// 市级台账信任某单位的密钥（指纹须与对方电话核对） / trust a unit's key by its fingerprint
    Trust(ExchangeTrustArgs),
    /// 交换状态：本机、对方、收发的包、冲突 / peers, packages sent and received, conflicts
    Status(FormatArgs),
    /// 列出冲突和未导入的行（两个版本） / the conflicts and listed rows, both versions
    Conflicts(FormatArgs),
    /// 冲突采用某一版本：--take ours（本台账）或 theirs（对方） / take one version of a conflict
    Resolve(ExchangeResolveArgs),
}

#[derive(Debug, Args)]
pub struct ExchangeResolveArgs {
    /// 冲突的 ID（见 exchange conflicts） / the conflict's id
    #[arg(value_name = "ID")]
    pub id: String,
    /// ours 或 theirs / which version the row takes
    #[arg(long, value_parser = ["ours", "theirs"])]
    pub take: String,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("whom").required(true).args(["for_unit", "to_city"])))]
pub struct ExchangeExportArgs {
    /// 为这个单位导出（市级台账） / at the city: the unit the package is for
    #[arg(long = "for", value_name = "UNIT")]
    pub for_unit: Option<String>,
    /// 导出给市级台账（单位台账） / at a unit: the package for the city
    #[arg(long)]
    pub to_city: bool,
    /// 写到这个文件（.tzp） / the package file to write
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// 文件已存在时覆盖 / replace an existing file
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ExchangeImportArgs {
    /// 数据交换包（.tzp） / the package file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// 只预览：来自谁、序号、各表数量、冲突、不导入的行；不写入 / preview only
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub output: FormatArgs,
}

#[derive(Debug, Args)]
pub struct ExchangeTrustArgs {
    /// 单位（ID、编码或名称） / the unit
    #[arg(long, value_name = "UNIT")]
    pub unit: String,
    /// 对方 exchange key 显示的指纹（可带空格） / the fingerprint the unit read out
    #[arg(long, value_name = "FP")]
    pub fingerprint: String,
}
