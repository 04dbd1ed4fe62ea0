//! The quarterly summary's subcommands: `report` writes it to a file, `lag-note` writes the
//! reason and measures of an indicator behind pace that the report shows.

use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// 季度，如 2024Q2（默认今天所在季度） / the quarter, e.g. 2024Q2
    #[arg(long, value_name = "QUARTER")]
    pub quarter: Option<String>,
    /// 截至日期，须在该季度内（默认季末，季度未结束时为今天） / as of this day
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// 责任单位及其下级（默认全市） / a unit and its subtree (default: the whole city)
    #[arg(long, value_name = "ID")]
    pub unit: Option<String>,
    /// 只汇总一个行动 / one action only
    #[arg(long, value_name = "CODE")]
    pub action: Option<String>,
    /// 输出文件，按扩展名选择格式：.xlsx、.docx 或 .csv / the file, by extension
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// 文件已存在时覆盖 / replace an existing file
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct LagNoteArgs {
    #[arg(long, value_name = "ID")]
    pub indicator: String,
    /// 季度，如 2024Q2 / the quarter
    #[arg(long, value_name = "QUARTER")]
    pub quarter: String,
    /// 责任单位（默认全市） / the unit (default: the whole city)
    #[arg(long, value_name = "ID")]
    pub unit: Option<String>,
    /// 滞后原因 / why it lags
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub reason: String,
    /// 整改措施 / what is being done
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub measures: String,
}
