//! The quarterly summary's model: every figure equals the progress engine's for the same
//! date and scope; the period, scope and behind-pace list are what the query asks for.

mod export_support;

use export_support::{d, q2, q2_query, sample};
use taizhang_core::export::{quarterly_summary, resolve_period, SummaryQuery};
use taizhang_core::register::pairing::PairingFilter;
use taizhang_core::{ProgressQuery, Quarter, Status};

#[test]
fn the_period_is_the_quarter_up_to_the_as_of_date() {
    let today = d("2024-07-15");
    // (quarter, as of, want quarter and as of, or the error code)
    type Case<'a> = (
        Option<Quarter>,
        Option<&'a str>,
        Result<(Quarter, &'a str), &'a str>,
    );
    let cases: [Case; 7] = [
        (Some(q2()), None, Ok((q2(), "2024-06-30"))),
        (Some(q2()), Some("2024-05-15"), Ok((q2(), "2024-05-15"))),
        (None, Some("2024-05-15"), Ok((q2(), "2024-05-15"))),
        (
            None,
            None,
            Ok((Quarter::new(2024, 3).unwrap(), "2024-07-15")),
        ),
        (
            Some(Quarter::new(2024, 3).unwrap()),
            None,
            Ok((Quarter::new(2024, 3).unwrap(), "2024-07-15")),
        ),
        (Some(q2()), Some("2024-07-01"), Err("invalid")),
        (Some(Quarter::new(2024, 4).unwrap()), None, Err("invalid")),
    ];
    for (quarter, as_of, want) in cases {
        let q = SummaryQuery {
            quarter,
            as_of: as_of.map(d),
            ..Default::default()
        };
        let got = resolve_period(&q, today).map_err(|e| e.code());
        let want = want.map(|(q, a)| (q, d(a)));
        assert_eq!(got, want, "quarter {quarter:?}, as of {as_of:?}");
    }
}

#[test]
fn every_figure_equals_the_progress_engine() {
    let s = sample();
    // (unit, action): the city, a county's subtree, one action
    let cases: [(Option<&str>, Option<&str>); 3] = [
        (None, None),
        (Some("兰山区"), None),
        (None, Some("prosperity")),
    ];
    for (unit, action) in cases {
        let q = SummaryQuery {
            unit: unit.map(Into::into),
            action: action.map(Into::into),
            ..q2_query()
        };
        let summary = quarterly_summary(&s.ledger, &q).expect("summary");
        let want = s
            .ledger
            .progress(&ProgressQuery {
                unit: unit.map(Into::into),
                action: action.map(Into::into),
                ..ProgressQuery::city(d("2024-06-30"))
            })
            .expect("progress");
        let got: Vec<_> = summary
            .actions
            .iter()
            .flat_map(|a| a.lines.iter().map(|l| l.row.clone()))
            .collect();
        assert_eq!(got.len(), want.len(), "{unit:?}/{action:?}: rows");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "{unit:?}/{action:?}: row of {}", w.indicator);
        }
        assert_eq!(
            summary.totals.indicators as usize,
            want.len(),
            "{unit:?}/{action:?}: total"
        );
        let behind: Vec<&str> = want
            .iter()
            .filter(|r| matches!(r.status, Status::Behind | Status::SlightlyBehind))
            .map(|r| r.indicator.as_str())
            .collect();
        let got_behind: Vec<&str> = summary
            .behind
            .iter()
            .map(|b| b.row.indicator.as_str())
            .collect();
        assert_eq!(got_behind, behind, "{unit:?}/{action:?}: behind pace");
        assert_eq!(summary.unit, unit.unwrap_or("临沂市"), "scope unit");
    }
}

#[test]
fn the_headline_figures_are_the_releases() {
    let s = sample();
    let summary = quarterly_summary(&s.ledger, &q2_query()).expect("summary");
    assert_eq!(
        summary.title, "临沂市统一战线服务现代化强市建设“五大行动”2024年第二季度工作进展情况",
        "title"
    );
    // (indicator, completed)
    let cases = [
        ("结对共建企业", 4221.0),
        ("结对共建行政村", 3702.0),
        ("村企合作项目", 4492.0),
        ("培训企业家", 1400.0),
        ("基层统战组织", 384.0),
        ("新阶层服务站", 132.0),
        ("建议转化为市委、市政府具体工作举措", 320.0),
    ];
    for (name, want) in cases {
        let line = summary
            .actions
            .iter()
            .flat_map(|a| &a.lines)
            .find(|l| l.row.indicator == name)
            .unwrap_or_else(|| panic!("no line for {name}"));
        assert_eq!(line.row.completed, want, "{name}: completed");
    }
}

#[test]
fn the_quarter_added_is_what_the_quarter_changed() {
    let s = sample();
    let summary = quarterly_summary(&s.ledger, &q2_query()).expect("summary");
    let before = s
        .ledger
        .progress(&ProgressQuery::city(d("2024-03-31")))
        .expect("progress at the end of Q1");
    for line in summary.actions.iter().flat_map(|a| &a.lines) {
        let was = before
            .iter()
            .find(|r| r.indicator_id == line.row.indicator_id)
            .expect("same indicator at the end of Q1");
        let want = line.row.completed - was.completed;
        assert!(
            (line.quarter_added - want).abs() < 1e-9,
            "{}: added {} want {} ({} − {})",
            line.row.indicator,
            line.quarter_added,
            want,
            line.row.completed,
            was.completed
        );
    }
}

#[test]
fn register_rows_are_those_of_the_period_and_scope() {
    let s = sample();
    // (unit, expected scope filter)
    for unit in [None, Some("兰山区")] {
        let q = SummaryQuery {
            unit: unit.map(Into::into),
            ..q2_query()
        };
        let summary = quarterly_summary(&s.ledger, &q).expect("summary");
        let p = summary
            .registers
            .pairings
            .as_ref()
            .expect("pairings behind 结对共建企业");
        let want = s
            .ledger
            .pairings(&PairingFilter {
                unit: unit.map(Into::into),
                from: Some(d("2024-04-01")),
                to: Some(d("2024-06-30")),
                ..Default::default()
            })
            .expect("pairings")
            .total;
        assert_eq!(p.total, want, "{unit:?}: pairings in Q2");
        assert_eq!(p.rows.len() as u64, want, "{unit:?}: every pairing listed");
        assert!(
            p.rows
                .iter()
                .all(|r| r.signed_on >= d("2024-04-01") && r.signed_on <= d("2024-06-30")),
            "{unit:?}: pairings signed within Q2"
        );
        assert!(
            p.indicators.contains(&"结对共建企业".to_string()),
            "{unit:?}: feeds {:?}",
            p.indicators
        );
        let codes: Vec<&str> = summary
            .registers
            .activities
            .iter()
            .map(|a| a.register.code.as_str())
            .collect();
        assert!(
            codes.contains(&"training"),
            "{unit:?}: activity registers {codes:?}"
        );
    }
}

#[test]
fn the_trend_ends_at_the_completed_value() {
    let s = sample();
    let summary = quarterly_summary(&s.ledger, &q2_query()).expect("summary");
    for line in summary.actions.iter().flat_map(|a| &a.lines) {
        let last = line
            .trend
            .last()
            .unwrap_or_else(|| panic!("{}: no trend", line.row.indicator));
        assert_eq!(last.label, "2024Q2", "{}: last point", line.row.indicator);
        assert_eq!(
            last.cumulative, line.row.completed,
            "{}: cumulative at the end of the trend",
            line.row.indicator
        );
        let added: f64 = line.trend.iter().map(|p| p.added).sum();
        assert!(
            (added - line.row.completed).abs() < 1e-6,
            "{}: quarters add up to {added}, completed {}",
            line.row.indicator,
            line.row.completed
        );
        assert_eq!(
            last.added, line.quarter_added,
            "{}: the quarter's addition",
            line.row.indicator
        );
    }
}
