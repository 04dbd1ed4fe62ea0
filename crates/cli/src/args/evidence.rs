//! `attach add|list|open|remove|orphaned`: 佐证材料 (evidence files) of an entry, a pairing, a
//! project, an activity register row or a unit's return.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::Format;

#[derive(Debug, Subcommand)]
pub enum AttachCommand {
    /// 添加佐证材料（PDF、JPG、PNG、.docx、.xlsx，每个不超过20MB） / attach a file
    Add(AttachAddArgs),
    /// 列出佐证材料（并核对文件是否完好） / list the attachments, each file checked
    List(AttachListArgs),
    /// 核对后打开佐证材料（--print 只显示路径） / check a file's SHA-256 and open it
    Open(AttachOpenArgs),
    /// 移除佐证材料（文件保留，留痕记录移除人） / remove an attachment (the file is kept)
    Remove(AttachIdArgs),
    /// 已删除记录的佐证：所附记录已删除、尚未移除的佐证材料 / attachments of deleted rows
    Orphaned(AttachOrphanedArgs),
}

/// What the attachment hangs on: exactly one of these.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct AttachTargetArgs {
    /// 完成情况的 ID / an entry's id
    #[arg(long, value_name = "ID")]
    pub entry: Option<String>,
    /// 结对关系的 ID / a pairing's id
    #[arg(long, value_name = "ID")]
    pub pairing: Option<String>,
    /// 合作项目的 ID / a cooperation project's id
    #[arg(long, value_name = "ID")]
    pub project: Option<String>,
    /// 活动台账记录的 ID / an activity register row's id
    #[arg(long, value_name = "ID")]
    pub row: Option<String>,
    /// 单位报表：单位（与 --quarter 一起） / a unit's return (with --quarter)
    #[arg(long = "return", value_name = "UNIT", requires = "quarter")]
    pub unit_return: Option<String>,
}

#[derive(Debug, Args)]
pub struct AttachAddArgs {
    /// 要添加的文件 / the file to attach
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[command(flatten)]
    pub target: AttachTargetArgs,
    /// 报表的季度（2024Q3） / the return's quarter
    #[arg(long, value_name = "QUARTER")]
    pub quarter: Option<String>,
    /// 说明 / a note
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub note: String,
}

#[derive(Debug, Args)]
pub struct AttachListArgs {
    #[command(flatten)]
    pub target: AttachTargetArgs,
    #[arg(long, value_name = "QUARTER")]
    pub quarter: Option<String>,
    /// 输出格式：table 或 json / output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct AttachOpenArgs {
    /// 佐证材料的 ID（attach list 显示） / the attachment's id
    #[arg(value_name = "ID")]
    pub id: String,
    /// 只显示核对过的文件路径，不打开 / print the checked path, do not open it
    #[arg(long)]
    pub print: bool,
}

#[derive(Debug, Args)]
pub struct AttachIdArgs {
    #[arg(value_name = "ID")]
    pub id: String,
}

#[derive(Debug, Args)]
pub struct AttachOrphanedArgs {
    /// 输出格式：table 或 json / output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}
