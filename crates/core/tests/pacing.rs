//! 序时进度 on both curves. An as-of date means the end of that day: on a period's first day
//! one day has elapsed, on its last day all of it.

mod fixture;

use fixture::{d, period};
use taizhang_core::pacing::step_dates;
use taizhang_core::{Milestone, Pacing, Quarter};

fn close(got: f64, want: f64) -> bool {
    (got - want).abs() < 1e-12
}

#[test]
fn linear_share_over_a_leap_year() {
    let year = period("2024-01-01", "2024-12-31"); // 366 days
    let cases = [
        ("2023-12-31", 0.0),         // before the period
        ("2024-01-01", 1.0 / 366.0), // its first day has elapsed
        ("2024-02-28", 59.0 / 366.0),
        ("2024-02-29", 60.0 / 366.0),  // leap day counts
        ("2024-03-31", 91.0 / 366.0),  // first quarter end
        ("2024-06-30", 182.0 / 366.0), // half year: 182 of 366 days, not 0.5
        ("2024-07-01", 183.0 / 366.0),
        ("2024-12-30", 365.0 / 366.0),
        ("2024-12-31", 1.0), // the last day: the full target
        ("2025-03-01", 1.0), // after the end pace stays at the target
    ];
    for (as_of, want) in cases {
        let got = Pacing::Linear.expected_share(&year, d(as_of));
        assert!(
            close(got, want),
            "linear 2024 as of {as_of}: got {got}, want {want}"
        );
    }
}

#[test]
fn linear_share_over_a_common_year_and_a_campaign() {
    let cases = [
        (
            period("2023-01-01", "2023-12-31"),
            "2023-06-30",
            181.0 / 365.0,
        ),
        (
            period("2023-01-01", "2023-12-31"),
            "2023-03-01",
            60.0 / 365.0,
        ),
        // 2022-01-01 … 2024-12-31 is 1096 days (2024 is leap); 2024-06-30 is day 912.
        (
            period("2022-01-01", "2024-12-31"),
            "2024-06-30",
            912.0 / 1096.0,
        ),
        (
            period("2022-01-01", "2024-12-31"),
            "2022-01-01",
            1.0 / 1096.0,
        ),
        // A one-day period is due in full on its day.
        (period("2024-05-01", "2024-05-01"), "2024-05-01", 1.0),
        (period("2024-05-01", "2024-05-01"), "2024-04-30", 0.0),
    ];
    for (p, as_of, want) in cases {
        let got = Pacing::Linear.expected_share(&p, d(as_of));
        assert!(
            close(got, want),
            "linear {}…{} as of {as_of}: got {got}, want {want}",
            p.start,
            p.end
        );
    }
}

#[test]
fn quarterly_steps_jump_at_quarter_ends() {
    let year = period("2024-01-01", "2024-12-31");
    let cases = [
        ("2023-12-31", 0.0),
        ("2024-01-01", 0.0), // the first step is at the end of Q1
        ("2024-03-30", 0.0),
        ("2024-03-31", 0.25), // Q1 ends: a quarter is due
        ("2024-04-01", 0.25),
        ("2024-06-29", 0.25),
        ("2024-06-30", 0.5),
        ("2024-09-30", 0.75),
        ("2024-12-30", 0.75),
        ("2024-12-31", 1.0),
        ("2026-01-01", 1.0),
    ];
    for (as_of, want) in cases {
        let got = Pacing::Quarterly.expected_share(&year, d(as_of));
        assert!(
            close(got, want),
            "quarterly 2024 as of {as_of}: got {got}, want {want}"
        );
    }
    // A campaign of twelve quarters: ten have ended by 2024-06-30.
    let campaign = period("2022-01-01", "2024-12-31");
    let got = Pacing::Quarterly.expected_share(&campaign, d("2024-06-30"));
    assert!(
        close(got, 10.0 / 12.0),
        "campaign as of 2024-06-30: got {got}, want 10/12"
    );
}

#[test]
fn quarterly_steps_of_a_period_that_does_not_follow_quarters() {
    // Mid-February to mid-August: steps at the ends of Q1 and Q2 and at the period's end.
    let p = period("2024-02-15", "2024-08-15");
    let steps: Vec<String> = step_dates(&p).iter().map(|s| s.to_string()).collect();
    assert_eq!(
        steps,
        ["2024-03-31", "2024-06-30", "2024-08-15"],
        "step dates: got {steps:?}"
    );
    let cases = [
        ("2024-03-31", 1.0 / 3.0),
        ("2024-07-31", 2.0 / 3.0),
        ("2024-08-15", 1.0),
    ];
    for (as_of, want) in cases {
        let got = Pacing::Quarterly.expected_share(&p, d(as_of));
        assert!(
            close(got, want),
            "quarterly {}…{} as of {as_of}: got {got}, want {want}",
            p.start,
            p.end
        );
    }
}

#[test]
fn milestones_replace_the_even_steps_of_the_quarterly_curve() {
    let year = period("2024-01-01", "2024-12-31");
    let milestones = [
        Milestone {
            due_on: d("2024-03-31"),
            value: 10.0,
        },
        Milestone {
            due_on: d("2024-06-30"),
            value: 40.0,
        },
        Milestone {
            due_on: d("2024-09-30"),
            value: 70.0,
        },
    ];
    let cases = [
        ("2024-03-30", 0.0),
        ("2024-03-31", 10.0),
        ("2024-05-15", 10.0),
        ("2024-06-30", 40.0),
        ("2024-12-30", 70.0),  // the latest milestone due so far
        ("2024-12-31", 100.0), // the period's end: the whole target
    ];
    for (as_of, want) in cases {
        let got = Pacing::Quarterly.expected_value(&year, 100.0, &milestones, d(as_of));
        assert!(
            close(got, want),
            "milestones as of {as_of}: got {got}, want {want}"
        );
    }
    // The linear curve ignores milestones.
    let got = Pacing::Linear.expected_value(&year, 366.0, &milestones, d("2024-03-31"));
    assert!(
        close(got, 91.0),
        "linear with milestones as of 2024-03-31: got {got}, want 91"
    );
}

#[test]
fn quarters_know_their_days() {
    let cases = [
        ("2024Q1", "2024-01-01", "2024-03-31"),
        ("2024Q2", "2024-04-01", "2024-06-30"),
        ("2024Q3", "2024-07-01", "2024-09-30"),
        ("2024Q4", "2024-10-01", "2024-12-31"),
        ("2023年一季度", "2023-01-01", "2023-03-31"),
    ];
    for (text, start, end) in cases {
        let q = Quarter::parse(text).unwrap_or_else(|| panic!("{text} should parse"));
        assert_eq!(
            (q.start(), q.end()),
            (d(start), d(end)),
            "{text}: got {} … {}",
            q.start(),
            q.end()
        );
    }
    let q4 = Quarter::parse("2024Q4").unwrap();
    assert_eq!(
        q4.next(),
        Quarter::new(2025, 1).unwrap(),
        "the quarter after 2024Q4"
    );
    assert_eq!(
        Quarter::containing(d("2024-02-29")).to_string(),
        "2024Q1",
        "2024-02-29 lies in 2024Q1"
    );
}

#[test]
fn a_quarter_that_does_not_exist_is_refused_at_every_door() {
    // (year, quarter) made directly, as the core's callers do
    for (year, q) in [
        (2024, 5),
        (2024, 0),
        (0, 1),
        (-1, 2),
        (3000, 1),
        (i32::MAX, 4),
    ] {
        let got = Quarter::new(year, q).map_err(|e| e.code());
        assert_eq!(got, Err("bad_quarter"), "Quarter::new({year}, {q})");
    }
    // as typed (CLI, the window's fields)
    for text in [
        "2024Q5",
        "2024Q0",
        "0000Q1",
        "0Q1",
        "99999999999Q1",
        "2024年第五季度",
    ] {
        assert_eq!(Quarter::parse(text), None, "parse({text:?})");
    }
    // as sent over IPC (JSON)
    for json in [
        r#"{"year":2024,"q":5}"#,
        r#"{"year":0,"q":1}"#,
        r#"{"year":2024,"q":0}"#,
    ] {
        let got = serde_json::from_str::<Quarter>(json);
        assert!(got.is_err(), "{json} deserialised to {got:?}");
    }
    let q: Quarter = serde_json::from_str(r#"{"year":2024,"q":2}"#).expect("2024Q2 from JSON");
    assert_eq!(
        (q, serde_json::to_string(&q).unwrap()),
        (
            Quarter::new(2024, 2).unwrap(),
            r#"{"year":2024,"q":2}"#.to_string()
        ),
        "a real quarter goes both ways"
    );
    // The last quarter a year allows still has days.
    let last = Quarter::new(2999, 4).unwrap();
    assert_eq!(
        last.next().start().to_string(),
        "3000-01-01",
        "after 2999Q4"
    );
}
