//! Progress: which target applies, what counts as completed in a scope, status by pace,
//! and the roll-ups built on them (per action, ranking of units, trend).

mod fixture;

use fixture::{actor, d, with_tree, Fixture};
use taizhang_core::progress::TargetSource;
use taizhang_core::{
    Granularity, NewUnit, ProgressQuery, ProgressRow, RankingQuery, Settings, Status, TrendQuery,
    UnitKind,
};

fn query(as_of: &str, unit: Option<&str>, indicator: &str) -> ProgressQuery {
    ProgressQuery {
        as_of: d(as_of),
        unit: unit.map(Into::into),
        include_subunits: true,
        action: None,
        indicator: Some(indicator.into()),
    }
}

fn row(f: &Fixture, q: &ProgressQuery) -> ProgressRow {
    let mut rows = f
        .ledger
        .progress(q)
        .unwrap_or_else(|e| panic!("progress {q:?}: {e}"));
    assert_eq!(
        rows.len(),
        1,
        "one row for one indicator, got {}",
        rows.len()
    );
    rows.remove(0)
}

#[test]
fn the_shortest_current_target_applies_and_bounds_what_counts() {
    let mut f = with_tree();
    f.target("LIN", "CITY", "2022-01-01", "2024-12-31", 300.0);
    // A year's target inside the campaign's is refused today unless it replaces it
    // (target_overlap); a ledger written before that rule may hold both, and the engine
    // still measures against the shortest current one.
    rusqlite::Connection::open(&f.path)
        .expect("a second connection")
        .execute(
            "INSERT INTO target (id, indicator_id, unit_id, period_start, period_end, value, is_sample,
                                 created_at, created_by, updated_at, updated_by)
             SELECT 'nested-2024', indicator_id, unit_id, '2024-01-01', '2024-12-31', 100, 0, 't', 't', 't', 't'
             FROM target WHERE period_start = '2022-01-01'",
            [],
        )
        .expect("a nested target written before the overlap rule");
    f.entry("LIN", "A", "2023-05-01", 50.0);
    f.entry("LIN", "A", "2024-02-01", 20.0);
    f.entry("LIN", "B1", "2024-06-30", 10.0);
    f.entry("LIN", "A", "2024-07-01", 5.0);
    // (as of, target, period start, completed, source)
    let cases = [
        (
            "2024-06-30",
            Some(100.0),
            Some("2024-01-01"),
            30.0,
            TargetSource::Own,
        ), // the year beats the campaign
        (
            "2023-06-30",
            Some(300.0),
            Some("2022-01-01"),
            50.0,
            TargetSource::Own,
        ), // 2024 has not started
        (
            "2025-03-01",
            Some(100.0),
            Some("2024-01-01"),
            35.0,
            TargetSource::Own,
        ), // both ended: the later start
        ("2021-06-30", None, None, 0.0, TargetSource::None), // nothing started yet
    ];
    for (as_of, target, start, completed, source) in cases {
        let r = row(&f, &query(as_of, None, "LIN"));
        let got = (
            r.target,
            r.period.map(|p| p.start),
            r.completed,
            r.target_source,
        );
        let want = (target, start.map(d), completed, source);
        assert_eq!(
            got, want,
            "as of {as_of}: (target, period start, completed, source)"
        );
    }
    let none = row(&f, &query("2021-06-30", None, "LIN"));
    assert_eq!(
        none.status,
        Status::NoTarget,
        "no target yet: got {:?}",
        none.status
    );
}

#[test]
fn a_scope_without_its_own_target_sums_its_sub_units_targets() {
    let mut f = with_tree();
    f.target("QTR", "A", "2024-01-01", "2024-12-31", 40.0);
    f.target("QTR", "B1", "2024-01-01", "2024-12-31", 10.0);
    f.target("QTR", "D", "2023-01-01", "2023-12-31", 99.0); // another period: not summed with 2024's
    let cases = [
        ("CITY", Some(50.0), TargetSource::SubUnits),
        ("B", Some(10.0), TargetSource::SubUnits),
        ("A", Some(40.0), TargetSource::Own),
    ];
    for (unit, target, source) in cases {
        let r = row(&f, &query("2024-06-30", Some(unit), "QTR"));
        assert_eq!(
            (r.target, r.target_source),
            (target, source),
            "{unit}: (target, source)"
        );
    }
    // The scope's own target wins over the sum.
    f.target("QTR", "CITY", "2024-01-01", "2024-12-31", 80.0);
    let r = row(&f, &query("2024-06-30", None, "QTR"));
    assert_eq!(
        (r.target, r.target_source),
        (Some(80.0), TargetSource::Own),
        "the city's own target"
    );
}

#[test]
fn completed_rolls_up_the_unit_tree() {
    let mut f = with_tree();
    f.target("LIN", "CITY", "2024-01-01", "2024-12-31", 366.0);
    for (unit, on, value) in [
        ("CITY", "2024-01-05", 1.0),
        ("A", "2024-02-01", 10.0),
        ("B", "2024-03-01", 5.0),
        ("B1", "2024-04-01", 7.0),
        ("D", "2024-05-01", 3.0),
        ("A", "2023-12-31", 1000.0),  // before the target's period
        ("B1", "2024-07-01", 1000.0), // after the as-of date
    ] {
        f.entry("LIN", unit, on, value);
    }
    // (scope, with sub-units, completed)
    let cases = [
        ("CITY", true, 26.0),
        ("B", true, 12.0),
        ("B", false, 5.0),
        ("B1", true, 7.0),
        ("D", true, 3.0),
    ];
    for (unit, subtree, want) in cases {
        let q = ProgressQuery {
            include_subunits: subtree,
            ..query("2024-06-30", Some(unit), "LIN")
        };
        let got = row(&f, &q).completed;
        assert_eq!(
            got, want,
            "{unit} (sub-units {subtree}): completed {got}, want {want}"
        );
    }
    let by_unit = f
        .ledger
        .progress_by_unit(&query("2024-06-30", None, "LIN"))
        .unwrap();
    let got: Vec<(String, f64)> = by_unit
        .iter()
        .map(|r| (r.unit.clone(), r.completed))
        .collect();
    let want = [
        ("甲区".to_string(), 10.0),
        ("乙县".to_string(), 12.0),
        ("市直部门".to_string(), 3.0),
    ];
    assert_eq!(got, want, "one row per direct sub-unit: got {got:?}");
}

#[test]
fn status_follows_completion_against_pace() {
    let mut f = with_tree();
    // 366 for 2024: 182 are expected by 2024-06-30, the slightly-behind line is 0.85 × 182 = 154.7.
    f.target("LIN", "A", "2024-01-01", "2024-12-31", 366.0);
    // (added now, completed, status)
    let cases = [
        (154.0, 154.0, Status::Behind),
        (1.0, 155.0, Status::SlightlyBehind),
        (27.0, 182.0, Status::OnPace),
        (183.0, 365.0, Status::OnPace),
        (1.0, 366.0, Status::Done),
    ];
    for (add, completed, status) in cases {
        f.entry("LIN", "A", "2024-03-01", add);
        let r = row(&f, &query("2024-06-30", Some("A"), "LIN"));
        assert_eq!(
            (r.completed, r.status),
            (completed, status),
            "after adding {add}: (completed, status)"
        );
        assert_eq!(
            r.expected,
            Some(182.0),
            "expected by pace: got {:?}",
            r.expected
        );
        assert_eq!(r.gap, Some(completed - 182.0), "gap: got {:?}", r.gap);
        let rate = r.completion_rate.unwrap_or(f64::NAN);
        assert!(
            (rate - completed / 366.0).abs() < 1e-12,
            "rate {rate}, want {}",
            completed / 366.0
        );
    }
    // A stricter threshold turns 155 of 182 from slightly behind into behind.
    let mut g = with_tree();
    g.target("LIN", "A", "2024-01-01", "2024-12-31", 366.0);
    g.entry("LIN", "A", "2024-03-01", 155.0);
    g.ledger
        .write(&actor(), |w| {
            w.set_settings(Settings {
                slightly_behind_threshold: 0.9,
            })
        })
        .unwrap();
    let r = row(&g, &query("2024-06-30", Some("A"), "LIN"));
    assert_eq!(
        r.status,
        Status::Behind,
        "155 of 182 with threshold 0.9: got {:?}",
        r.status
    );
}

#[test]
fn per_action_summaries_count_statuses_and_pick_headlines() {
    let mut f = with_tree();
    f.target("LIN", "CITY", "2024-01-01", "2024-12-31", 366.0);
    f.target("QTR", "CITY", "2024-01-01", "2024-12-31", 100.0);
    f.entry("LIN", "A", "2024-03-01", 182.0); // on pace (182 expected)
    f.entry("QTR", "B", "2024-03-01", 40.0); // behind: 50 due after two quarter ends
    let q = ProgressQuery {
        indicator: None,
        ..query("2024-06-30", None, "")
    };
    let all = f.ledger.action_summaries(&q).unwrap();
    let codes: Vec<&str> = all.iter().map(|s| s.action.as_str()).collect();
    assert_eq!(
        codes,
        [
            "advice",
            "innovation",
            "enterprise",
            "investment",
            "prosperity"
        ],
        "one summary per action"
    );
    let s = all.iter().find(|s| s.action == "prosperity").unwrap();
    let got = (
        s.indicators,
        s.with_target,
        s.done,
        s.on_pace,
        s.slightly_behind,
        s.behind,
    );
    assert_eq!(
        got,
        (3, 2, 0, 1, 0, 1),
        "(indicators, with target, done, on pace, slightly behind, behind)"
    );
    let mean_rate = s.mean_completion_rate.unwrap();
    let want_rate = (182.0 / 366.0 + 0.4) / 2.0;
    assert!(
        (mean_rate - want_rate).abs() < 1e-12,
        "mean completion rate {mean_rate}, want {want_rate}"
    );
    let pace = s.pace_index.unwrap();
    assert!(
        (pace - (1.0 + 0.8) / 2.0).abs() < 1e-12,
        "pace index {pace}, want 0.9"
    );
    assert_eq!(
        s.status,
        Status::SlightlyBehind,
        "pace index 0.9 ≥ 0.85: got {:?}",
        s.status
    );
    let headlines: Vec<&str> = s
        .headlines
        .iter()
        .map(|r| r.indicator_code.as_str())
        .collect();
    assert_eq!(headlines, ["LIN"], "the headline indicator");
    let empty = all.iter().find(|s| s.action == "advice").unwrap();
    assert_eq!(
        (empty.indicators, empty.status),
        (0, Status::NoTarget),
        "an action without indicators"
    );
    // One action, by code or by name; an unknown one is an error, not an empty list.
    for key in ["prosperity", "共同富裕"] {
        let one = f
            .ledger
            .action_summaries(&ProgressQuery {
                action: Some(key.into()),
                ..q.clone()
            })
            .unwrap();
        assert_eq!(one.len(), 1, "summaries for {key}: got {}", one.len());
    }
    let unknown = f.ledger.action_summaries(&ProgressQuery {
        action: Some("nope".into()),
        ..q.clone()
    });
    assert_eq!(
        unknown.err().map(|e| e.code()),
        Some("unknown_action"),
        "an unknown action"
    );
}

#[test]
fn units_rank_by_pace_then_completion_rate() {
    let mut f = with_tree();
    f.ledger
        .write(&actor(), |w| {
            let e = NewUnit {
                code: "E".into(),
                name: "戊区".into(),
                name_en: String::new(),
                kind: UnitKind::County,
                parent: Some("CITY".into()),
            };
            w.add_unit(e)
        })
        .unwrap();
    // 100 for 2024: 49.7 expected by 2024-06-30.
    for (unit, done) in [("A", 60.0), ("B", 45.0), ("D", 55.0)] {
        f.target("LIN", unit, "2024-01-01", "2024-12-31", 100.0);
        f.entry("LIN", unit, "2024-03-01", done);
    }
    f.entry("LIN", "E", "2024-03-01", 99.0); // no target: not ranked
    let q = RankingQuery {
        as_of: d("2024-06-30"),
        parent: None,
        action: None,
        kind: None,
    };
    let ranks = f.ledger.unit_ranking(&q).unwrap();
    let got: Vec<(u32, &str)> = ranks.iter().map(|r| (r.rank, r.unit.as_str())).collect();
    // A and D are both on pace (index 1): A's higher completion rate puts it first.
    assert_eq!(
        got,
        [(1, "甲区"), (2, "市直部门"), (3, "乙县")],
        "ranking: got {got:?}"
    );
    let b = &ranks[2];
    // The index divides by the expected value as shown, rounded to two decimals (49.73).
    let want = 45.0 / 49.73;
    assert!(
        (b.pace_index - want).abs() < 1e-9,
        "乙县's pace index {}, want {want}",
        b.pace_index
    );
    let counties = f
        .ledger
        .unit_ranking(&RankingQuery {
            kind: Some(UnitKind::County),
            ..q.clone()
        })
        .unwrap();
    let got: Vec<(u32, &str)> = counties.iter().map(|r| (r.rank, r.unit.as_str())).collect();
    assert_eq!(
        got,
        [(1, "甲区"), (2, "乙县")],
        "counties only: got {got:?}"
    );
}

#[test]
fn trend_points_accumulate_to_the_progress_figure() {
    let mut f = with_tree();
    f.target("LIN", "CITY", "2024-01-01", "2024-12-31", 366.0);
    for (unit, on, value) in [
        ("A", "2024-01-15", 10.0),
        ("B", "2024-02-29", 5.0),
        ("B1", "2024-03-31", 7.0),
        ("D", "2024-06-30", 3.0),
        ("A", "2024-07-01", 100.0),
    ] {
        f.entry("LIN", unit, on, value);
    }
    let trend = |g, as_of: &str| {
        f.ledger
            .trend(&TrendQuery {
                indicator: "LIN".into(),
                unit: None,
                as_of: d(as_of),
                granularity: g,
            })
            .unwrap()
    };
    let months = trend(Granularity::Month, "2024-06-30");
    let got: Vec<(&str, f64, f64, Option<f64>)> = months
        .iter()
        .map(|p| (p.label.as_str(), p.added, p.cumulative, p.expected))
        .collect();
    let want = [
        ("2024-01", 10.0, 10.0, Some(31.0)), // expected = days elapsed, as the target is 366
        ("2024-02", 5.0, 15.0, Some(60.0)),
        ("2024-03", 7.0, 22.0, Some(91.0)),
        ("2024-04", 0.0, 22.0, Some(121.0)),
        ("2024-05", 0.0, 22.0, Some(152.0)),
        ("2024-06", 3.0, 25.0, Some(182.0)),
    ];
    assert_eq!(got, want, "monthly trend");
    let progress = row(&f, &query("2024-06-30", None, "LIN")).completed;
    assert_eq!(
        months.last().map(|p| p.cumulative),
        Some(progress),
        "the trend ends at the progress figure"
    );
    let quarters = trend(Granularity::Quarter, "2024-06-30");
    let got: Vec<(&str, f64, f64)> = quarters
        .iter()
        .map(|p| (p.label.as_str(), p.added, p.cumulative))
        .collect();
    assert_eq!(
        got,
        [("2024Q1", 22.0, 22.0), ("2024Q2", 3.0, 25.0)],
        "quarterly trend"
    );
    let mid = trend(Granularity::Month, "2024-05-15");
    let last = mid.last().map(|p| (p.label.clone(), p.end));
    assert_eq!(
        last,
        Some(("2024-05".to_string(), d("2024-05-15"))),
        "the last point ends on the as-of date"
    );
}
