//! The sample's activity rows: visits, trainings, reports, stations and roadshows.

use std::collections::BTreeMap;

use serde_json::json;

use super::names::random_day;
use crate::error::Result;
use crate::ledger::Writer;
use crate::register::activity::NewRegisterRow;
use crate::sample::campaign;
use crate::sample::spread::{apportion, Rng};
use crate::sample::units;

/// Activity rows: (register, how many, title, data maker, status maker).
pub(super) fn write(w: &mut Writer<'_>) -> Result<u32> {
    let mut rng = Rng::new(0xAC71_0001);
    let mut rows = 0;
    let mut add = |w: &mut Writer<'_>,
                   rng: &mut Rng,
                   register: &str,
                   action: &str,
                   n: usize,
                   title: &dyn Fn(usize) -> String,
                   data: &dyn Fn(usize, &mut Rng) -> BTreeMap<String, serde_json::Value>,
                   status: &dyn Fn(usize) -> Option<String>|
     -> Result<()> {
        let reporters = units::reporters(action);
        for i in 0..n {
            let unit = reporters[rng.below(reporters.len() as u64) as usize];
            let new = NewRegisterRow {
                register: register.into(),
                occurred_on: random_day(rng, campaign().start),
                unit: unit.code.into(),
                title: title(i),
                status: status(i),
                data: data(i, rng),
            };
            w.add_register_row_marked(new, true, Some(format!("row/{register}/{i}")))?;
            rows += 1;
        }
        Ok(())
    };
    let none = |_: usize| None;
    add(
        w,
        &mut rng,
        "visit",
        "enterprise",
        1234 + 201,
        &|i| {
            if i < 1234 {
                format!("走访企业（示例）第{}家", i + 1)
            } else {
                format!("走访商会（示例）第{}家", i - 1233)
            }
        },
        &|i, r| {
            BTreeMap::from([
                (
                    "target_kind".into(),
                    json!(if i < 1234 { "企业" } else { "商会" }),
                ),
                ("visitors".into(), json!(2 + r.below(4))),
            ])
        },
        &none,
    )?;
    // 1400 participants over 42 sessions.
    let sizes = apportion(
        1400,
        &(0..42).map(|i| 1.0 + (i % 5) as f64).collect::<Vec<_>>(),
    );
    add(
        w,
        &mut rng,
        "training",
        "enterprise",
        sizes.len(),
        &|i| format!("民营企业家培训班第{}期（示例）", i + 1),
        &|i, _| {
            BTreeMap::from([
                ("participants".into(), json!(sizes[i])),
                ("hours".into(), json!(8)),
            ])
        },
        &none,
    )?;
    add(
        w,
        &mut rng,
        "report",
        "advice",
        1100,
        &|i| format!("调研报告（示例）第{}篇", i + 1),
        &|i, _| {
            BTreeMap::from([(
                "category".into(),
                json!(if i % 3 == 0 {
                    "调研报告"
                } else {
                    "社情民意信息"
                }),
            )])
        },
        &|i| Some(if i < 630 { "adopted" } else { "submitted" }.to_string()),
    )?;
    add(
        w,
        &mut rng,
        "station",
        "innovation",
        132,
        &|i| format!("新阶层服务站（示例）{}号", i + 1),
        &|_, r| BTreeMap::from([("members".into(), json!(5 + r.below(20)))]),
        &none,
    )?;
    add(
        w,
        &mut rng,
        "roadshow",
        "enterprise",
        24,
        &|i| format!("企业资本路演（示例）第{}场", i + 1),
        &|_, r| {
            BTreeMap::from([
                ("projects".into(), json!(3 + r.below(8))),
                ("attendees".into(), json!(40 + r.below(120))),
            ])
        },
        &none,
    )?;
    Ok(rows)
}
