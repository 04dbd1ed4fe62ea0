//! 审核 and 简报: a unit's return beside its previous period and its pace, with the
//! entries of the period and what a reviewer corrected; the brief's counts and figures.

use taizhang_core::progress::ProgressQuery;
use taizhang_core::round::UnitState;
use taizhang_core::{Actor, EntryFilter};

use super::fixture::{d, with_tree, Fixture};
use super::{open_q3, q3};

/// 甲区: LIN target 120 for 2024; 18 in Q2, 4 + 6 in Q3; AMT 12.5 in Q1 (nothing since).
fn reviewed() -> Fixture {
    let mut f = with_tree();
    f.ledger.set_today(Some(d("2024-10-12")));
    f.target("LIN", "A", "2024-01-01", "2024-12-31", 120.0);
    f.entry("LIN", "A", "2024-05-05", 18.0);
    f.entry("LIN", "A", "2024-07-03", 4.0);
    f.entry("LIN", "A", "2024-08-10", 6.0);
    f.entry("AMT", "A", "2024-03-01", 12.5);
    open_q3(&mut f);
    f
}

#[test]
fn a_units_review_sets_its_period_beside_the_previous_one_and_its_pace() {
    let mut f = reviewed();
    let six = f
        .ledger
        .entries(&EntryFilter {
            from: Some(d("2024-08-10")),
            to: Some(d("2024-08-10")),
            ..EntryFilter::default()
        })
        .unwrap()[0]
        .id
        .clone();
    f.ledger
        .write(&Actor::named("reviewer:王某某"), |w| {
            w.correct_entry(&six, 5.0, "其中1家重复统计")
        })
        .unwrap();

    let review = f.ledger.unit_review("甲区", q3()).unwrap();
    assert_eq!(
        (
            review.label.as_str(),
            review.previous_label.as_str(),
            review.state
        ),
        ("2024年第三季度", "2024年第二季度", UnitState::NotStarted)
    );
    let lin = review.lines.iter().find(|l| l.code == "LIN").unwrap();
    assert_eq!(
        (
            lin.this_period,
            lin.previous,
            lin.year_to_date,
            lin.year_target
        ),
        (9.0, 18.0, 27.0, Some(120.0)),
        "本期 4 + 5 (corrected), 上期 18, 累计 27"
    );
    let pace = f
        .ledger
        .progress(&ProgressQuery {
            as_of: d("2024-09-30"),
            unit: Some("A".into()),
            include_subunits: true,
            action: None,
            indicator: Some("LIN".into()),
        })
        .unwrap();
    assert_eq!(
        (lin.expected, lin.completion_rate, lin.status),
        (pace[0].expected, pace[0].completion_rate, pace[0].status),
        "the pace is the progress engine's at the period's end"
    );
    assert!(
        lin.expected.unwrap() > 89.0 && lin.expected.unwrap() < 91.0,
        "linear: 274 of 366 days of 120, got {:?}",
        lin.expected
    );
    let entries: Vec<(String, f64, Option<f64>, usize)> = lin
        .entries
        .iter()
        .map(|e| {
            (
                e.occurred_on.to_string(),
                e.value,
                e.reported,
                e.corrections.len(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            ("2024-07-03".to_string(), 4.0, None, 0),
            ("2024-08-10".to_string(), 5.0, Some(6.0), 1)
        ],
        "报送 6 / 更正 5 on the corrected entry, oldest first"
    );
    let amt = review.lines.iter().find(|l| l.code == "AMT").unwrap();
    assert_eq!(
        (amt.this_period, amt.previous, amt.year_to_date),
        (0.0, 0.0, 12.5)
    );

    let e = f.ledger.unit_review("示范市", q3()).unwrap_err();
    assert_eq!(
        e.code(),
        "not_found",
        "the city is not asked to report: {e}"
    );
}

#[test]
fn the_brief_counts_the_units_states_and_carries_the_figures_at_the_periods_end() {
    let mut f = reviewed();
    let office = Actor::named("office");
    f.ledger
        .write(&office, |w| {
            w.submit_return("甲区", q3())?;
            w.approve("甲区", q3())?;
            w.submit_return("乙县", q3())?;
            w.return_to_unit("乙县", q3(), "数据不全")?;
            w.submit_return("市直部门", q3())
        })
        .unwrap();
    let brief = f.ledger.round_brief(q3()).unwrap();
    let c = &brief.counts;
    assert_eq!(
        (
            c.units,
            c.not_started,
            c.submitted,
            c.returned,
            c.approved,
            c.late
        ),
        (4, 1, 1, 1, 1, 2),
        "乙县开发区 未报 and 乙县 退回 are late on 10-12 (due 10-10)"
    );
    assert_eq!(brief.as_of, d("2024-09-30"));
    assert_eq!(brief.board.len(), 4);
    let prosperity = brief
        .actions
        .iter()
        .find(|a| a.action == "prosperity")
        .expect("the action with indicators");
    assert_eq!(prosperity.with_target, 1, "LIN has 甲区's target");
    assert!(prosperity.lines.is_empty(), "indicator lines left out");
    assert!(
        brief
            .ranking
            .iter()
            .any(|g| g.ranks.iter().any(|r| r.unit == "甲区")),
        "the ranking names 甲区: {:?}",
        brief.ranking
    );
}

#[test]
fn a_return_that_comes_in_marks_its_unit_submitted_once() {
    use taizhang_core::import::returns::{commit, ReturnOptions};
    let mut f = reviewed();
    let csv = f.dir.path().join("甲区.csv");
    std::fs::write(&csv, "指标编码,指标名称,本期\nLIN,结对企业,3\n").unwrap();
    let options = ReturnOptions {
        unit: Some("甲区".into()),
        period: Some(taizhang_core::round::RoundPeriod::parse("2024Q3").unwrap()),
        mapping: None,
    };
    let clerk = Actor::named("clerk:甲区");
    let report = commit(&mut f.ledger, &clerk, &csv, &options, &mut |_, _| {}).unwrap();
    assert_eq!(report.written, 1);
    let row = |f: &Fixture| {
        let b = f.ledger.round_board(q3()).unwrap();
        let r = b.into_iter().find(|r| r.unit == "甲区").unwrap();
        (r.state, r.submitted_by)
    };
    assert_eq!(
        row(&f),
        (UnitState::Submitted, Some("clerk:甲区".to_string())),
        "the import marks 甲区 已报"
    );
    f.ledger
        .write(&clerk, |w| w.return_to_unit("甲区", q3(), "补充说明"))
        .unwrap();
    std::fs::write(&csv, "指标编码,指标名称,本期\nLIN,结对企业,4\n").unwrap();
    commit(&mut f.ledger, &clerk, &csv, &options, &mut |_, _| {}).unwrap();
    assert_eq!(
        row(&f).0,
        UnitState::Submitted,
        "a corrected return submits again"
    );
    let kinds: Vec<String> = f
        .ledger
        .round_events(q3())
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["open", "submit", "return", "submit"]);
}
