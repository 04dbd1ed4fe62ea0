//! `init` and `sample`: creating the ledger file, loading and removing the sample data.

use taizhang_core::{sample, store};

use crate::args::{Cli, SampleArgs};
use crate::db::{self, Create};
use crate::failure::CliResult;

pub fn init(cli: &Cli) -> CliResult<String> {
    let path = db::path(cli);
    let existed = path.exists();
    db::open(cli, Create::Init)?;
    let version = store::schema_version();
    Ok(if existed {
        format!("数据库已就绪：{}（结构版本 {version}）\n", path.display())
    } else {
        format!("已新建数据库：{}（结构版本 {version}）\n", path.display())
    })
}

pub fn sample(cli: &Cli, args: &SampleArgs) -> CliResult<String> {
    if args.remove {
        return remove(cli);
    }
    let mut ledger = db::open(cli, Create::Allowed)?;
    let report = sample::load(&mut ledger, &db::actor(), args.force)?;
    if report.already_loaded {
        return Ok("示例数据已经加载，未作改动（如需重新加载，请加 --force）。\n".into());
    }
    Ok(format!(
        "已加载示例数据：新增 {} 个责任单位、{} 个指标，写入 {} 个目标、{} 条完成情况。\n\
         截至 {} 的全市合计与 2024 年 7 月临沂市发布的数字一致；目标和各单位间的分配为示意。\n\
         查看：taizhang progress --as-of {}\n",
        report.units,
        report.indicators,
        report.targets,
        report.entries,
        sample::as_of(),
        sample::as_of(),
    ))
}

fn remove(cli: &Cli) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    if !ledger.has_sample()? {
        return Ok("数据库中没有示例数据，未作改动。\n".into());
    }
    let report = sample::remove(&mut ledger, &db::actor())?;
    Ok(format!(
        "已删除示例数据：{} 个目标、{} 条完成情况；责任单位、指标和您录入的数据均保留。\n",
        report.targets, report.entries
    ))
}
