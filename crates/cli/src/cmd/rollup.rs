//! `rollup check` and `rollup rebuild`: the roll-up of the entries (`entry_rollup`) the
//! progress views read, against the entries themselves.

use crate::args::Cli;
use crate::db::{self, Create};
use crate::failure::{CliResult, Failure};

fn figure(v: Option<(f64, i64)>) -> String {
    match v {
        Some((total, n)) => format!("合计 {total}（{n}条）"),
        None => "无".into(),
    }
}

/// One line and exit 0 when the roll-up equals the entries; the first difference and exit 1.
pub fn check(cli: &Cli) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let found = ledger.check_rollup()?;
    match &found.first {
        None => Ok(format!(
            "汇总表与完成情况一致：{}行（指标×年度×单位）\n",
            found.rows
        )),
        Some(d) => Err(Failure::new(
            "rollup_differs",
            format!(
                "汇总表有{}处与完成情况不一致，第一处：指标 {}、单位 {}、{}年：汇总表{}，完成情况{}。可运行 taizhang rollup rebuild 重建",
                found.differences,
                if d.indicator_code.is_empty() { &d.indicator_id } else { &d.indicator_code },
                if d.unit.is_empty() { &d.unit_id } else { &d.unit },
                d.year,
                figure(d.rollup),
                figure(d.entries)
            ),
        )),
    }
}

/// Makes the roll-up again from the entries.
pub fn rebuild(cli: &Cli) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let rows = ledger.rebuild_rollup(&db::actor())?;
    Ok(format!("已按完成情况重建汇总表：{rows}行\n"))
}
