//! `user …` (accounts) and `audit …` (the trail) arguments.

use clap::{Args, Subcommand};

use super::FormatArgs;

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// 新建账号（第一个账号须为管理员，无需登录）；密码取自 TAIZHANG_NEW_PASSWORD 或在终端输入两次 / add an account
    Add(UserAddArgs),
    /// 列出账号 / list the accounts
    List(FormatArgs),
    /// 修改账号的姓名、角色、单位 / change an account's name, role or unit
    Edit(UserEditArgs),
    /// 停用账号（不删除：留痕仍指向它） / disable an account
    Disable(UserNameArgs),
    /// 重新启用账号 / enable an account again
    Enable(UserNameArgs),
    /// 修改自己的密码，或（管理员）重置他人的密码；新密码取自 TAIZHANG_NEW_PASSWORD 或终端 / change or reset a password
    Passwd(UserNameArgs),
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// 登录名 / login name
    pub name: String,
    /// 角色：admin 管理员、reviewer 审核员、clerk 填报员、viewer 领导 / role
    #[arg(long)]
    pub role: String,
    /// 所属单位（其下级单位都在权限范围内；不填为全市） / the unit whose subtree is the scope
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// 姓名（默认同登录名） / display name
    #[arg(long, value_name = "NAME")]
    pub display: Option<String>,
}

#[derive(Debug, Args)]
pub struct UserEditArgs {
    pub name: String,
    #[arg(long)]
    pub role: Option<String>,
    /// 所属单位；写 - 表示全市 / the unit, or - for the whole tree
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub display: Option<String>,
}

#[derive(Debug, Args)]
pub struct UserNameArgs {
    pub name: String,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// 校验留痕：哈希链完整，且每张表的现有数据与留痕一致 / verify the audit trail
    Verify,
    /// 列出操作记录（最新在前） / list the trail, newest first
    List(AuditListArgs),
}

#[derive(Debug, Args)]
pub struct AuditListArgs {
    /// 表名，如 progress_entry、pairing / the table
    #[arg(long)]
    pub table: Option<String>,
    /// 某一行的编号 / one row's id
    #[arg(long, value_name = "ID")]
    pub row: Option<String>,
    /// 账号（登录名或姓名） / the account whose changes to list
    #[arg(long, value_name = "LOGIN")]
    pub account: Option<String>,
    /// 单位（含下级） / a unit and its subtree
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// 最多列出几条（0 为全部） / at most this many (0: all)
    #[arg(long, default_value_t = 100)]
    pub limit: u32,
    #[command(flatten)]
    pub output: FormatArgs,
}
