//! The reporting round's subcommands (`round …`) and the review of returns (`review …`).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{Format, FormatArgs};

#[derive(Debug, Subcommand)]
pub enum RoundCommand {
    /// 开启填报轮次 / open a round for a quarter (or a month)
    Open(RoundOpenArgs),
    /// 下发：为每个单位生成统计表（.xlsx） / write each unit's table into a folder
    Send(RoundSendArgs),
    /// 填报进度 / the board: each unit's state, who submitted when, days late
    Status(RoundStatusArgs),
    /// 催报：未报和退回单位的提醒文字（可另存 .xlsx） / reminders of the late units
    Remind(RoundRemindArgs),
    /// 提交某单位的报表 / mark a unit's return submitted
    Submit(RoundUnitArgs),
    /// 锁定：全部审核通过后锁定，该期间的数据不能再修改 / lock the period
    Lock(RoundLockArgs),
    /// 解锁（须说明原因） / unlock the period, with a reason
    Unlock(RoundUnlockArgs),
    /// 列出填报轮次 / list the rounds
    List(FormatArgs),
    /// 本轮的操作记录 / the round's history
    History(RoundQuarterArgs),
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// 审核通过 / approve a unit's return
    Approve(RoundUnitArgs),
    /// 退回（须说明原因） / return it to the unit, with a reason
    Return(ReviewReturnArgs),
    /// 更正一条完成情况（保留原报数） / correct a reported value, keeping what was reported
    Correct(ReviewCorrectArgs),
}

#[derive(Debug, Args)]
pub struct RoundQuarterArgs {
    /// 季度（2024Q3）或月份（2024-08） / the round's quarter or month
    #[arg(long, value_name = "QUARTER")]
    pub quarter: String,
    #[command(flatten)]
    pub output: FormatArgs,
}

#[derive(Debug, Args)]
pub struct RoundOpenArgs {
    /// 季度（2024Q3）或月份（2024-08） / the round's quarter or month
    #[arg(long, value_name = "QUARTER")]
    pub quarter: String,
    /// 报送截止日期 / returns are due by this day
    #[arg(long, value_name = "DATE")]
    pub due: String,
    /// 填报单位（可重复；默认全部区县、功能区、部门和党派） / a reporting unit (repeatable)
    #[arg(long, value_name = "ID")]
    pub unit: Vec<String>,
}

#[derive(Debug, Args)]
pub struct RoundSendArgs {
    #[arg(long, value_name = "QUARTER")]
    pub quarter: String,
    /// 输出文件夹（须已存在） / the folder to write the tables into
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct RoundStatusArgs {
    #[arg(long, value_name = "QUARTER")]
    pub quarter: String,
    /// 输出格式：table 或 json / output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct RoundRemindArgs {
    #[arg(long, value_name = "QUARTER")]
    pub quarter: String,
    /// 另存催报名单为 .xlsx / also write the list to this .xlsx
    #[arg(long, value_name = "FILE.xlsx")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RoundUnitArgs {
    #[arg(long, value_name = "ID")]
    pub unit: String,
    #[arg(long, value_name = "QUARTER")]
    pub quarter: String,
}

#[derive(Debug, Args)]
pub struct ReviewReturnArgs {
    #[arg(long, value_name = "ID")]
    pub unit: String,
    #[arg(long, value_name = "QUARTER")]
    pub quarter: String,
    /// 退回原因 / why it goes back
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub reason: String,
}

#[derive(Debug, Args)]
pub struct ReviewCorrectArgs {
    /// 完成情况编号 / the entry's id
    #[arg(long, value_name = "ID")]
    pub entry: String,
    /// 更正后的数值 / the corrected value
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub value: String,
    /// 更正原因 / why
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub reason: String,
}

#[derive(Debug, Args)]
pub struct RoundLockArgs {
    #[arg(long, value_name = "QUARTER")]
    pub quarter: String,
    /// 尚有单位未审核通过时仍锁定（须说明原因） / lock although not every unit is approved
    #[arg(long)]
    pub force: bool,
    /// 原因 / the reason
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub reason: String,
}

#[derive(Debug, Args)]
pub struct RoundUnlockArgs {
    #[arg(long, value_name = "QUARTER")]
    pub quarter: String,
    /// 解锁原因 / why
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub reason: String,
}
