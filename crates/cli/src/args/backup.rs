//! `backup [--out FILE]`, `backup list` and `restore FILE`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::FormatArgs;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BackupArgs {
    #[command(subcommand)]
    pub list: Option<BackupCommand>,
    /// 备份到这个文件（默认：台账旁的「备份」文件夹） / write the backup to this file
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// 列出「备份」文件夹中的备份：时间、原因、大小、完成情况和结对数 / list the backups
    List(FormatArgs),
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// 要恢复的备份文件 / the backup file to restore
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}
