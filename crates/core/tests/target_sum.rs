//! The 目标 page's card: a unit's own target for one period beside its direct sub-units'
//! targets added up by the rule progress uses, on a real ledger file.

mod fixture;

use fixture::{actor, d, period, with_tree, Fixture};
use taizhang_core::progress::TargetSource;
use taizhang_core::{LedgerError, ProgressQuery, TargetSum, TargetSumQuery};

const YEAR_2024: (&str, &str) = ("2024-01-01", "2024-12-31");

fn sum(f: &Fixture, indicator: &str, unit: Option<&str>) -> TargetSum {
    let q = TargetSumQuery {
        indicator: indicator.into(),
        unit: unit.map(Into::into),
        period: period(YEAR_2024.0, YEAR_2024.1),
    };
    f.ledger
        .target_sum(&q)
        .unwrap_or_else(|e| panic!("target_sum {q:?}: {e}"))
}

fn expect(own: Option<f64>, sub_units: Option<f64>, counted: u32, of: u32) -> TargetSum {
    TargetSum {
        own,
        sub_units,
        counted,
        sub_unit_count: of,
    }
}

#[test]
fn the_city_beside_its_sub_units_for_one_period() {
    let mut f = with_tree();
    // The city's direct sub-units: 甲区 (A), 乙县 (B, with 乙县开发区 B1 under it), 市直部门 (D).
    assert_eq!(
        sum(&f, "QTR", None),
        expect(None, None, 0, 3),
        "no targets at all"
    );

    f.target("QTR", "A", YEAR_2024.0, YEAR_2024.1, 40.0);
    f.target("QTR", "B1", YEAR_2024.0, YEAR_2024.1, 10.0); // 乙县 has none: its zone's counts
    f.target("QTR", "D", "2023-01-01", "2023-12-31", 99.0); // another period: not in 2024's sum
    let city = sum(&f, "QTR", None);
    assert_eq!(
        city,
        expect(None, Some(50.0), 2, 3),
        "A's 40 and B1's 10; D has none in 2024"
    );

    // The sum is the target progress measures the city against when it has none of its own.
    let row = f
        .ledger
        .progress(&ProgressQuery {
            as_of: d("2024-06-30"),
            unit: None,
            include_subunits: true,
            action: None,
            indicator: Some("QTR".into()),
        })
        .expect("progress")
        .remove(0);
    assert_eq!(
        (row.target, row.target_source),
        (city.sub_units, TargetSource::SubUnits),
        "the card and progress agree"
    );

    // 乙县 alone: its zone's target.
    assert_eq!(
        sum(&f, "QTR", Some("乙县")),
        expect(None, Some(10.0), 1, 1),
        "乙县"
    );

    // A sub-unit's own target hides its subtree's, as in progress.
    f.target("QTR", "B", YEAR_2024.0, YEAR_2024.1, 30.0);
    f.target("QTR", "CITY", YEAR_2024.0, YEAR_2024.1, 80.0);
    assert_eq!(
        sum(&f, "QTR", None),
        expect(Some(80.0), Some(70.0), 2, 3),
        "A 40 + B 30"
    );
}

#[test]
fn sums_are_rounded_to_the_indicators_decimals_and_archived_units_left_out() {
    let mut f = with_tree();
    f.target("AMT", "A", YEAR_2024.0, YEAR_2024.1, 0.1);
    f.target("AMT", "B", YEAR_2024.0, YEAR_2024.1, 0.2);
    f.target("AMT", "D", YEAR_2024.0, YEAR_2024.1, 5.0);
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; the card shows 0.3 (two decimals).
    assert_eq!(
        sum(&f, "AMT", None).sub_units,
        Some(5.3),
        "万元, 2 decimals"
    );

    f.ledger
        .write(&actor(), |w| w.set_unit_archived("D", true))
        .expect("archive 市直部门");
    assert_eq!(
        sum(&f, "AMT", None),
        expect(None, Some(0.3), 2, 2),
        "an archived unit is neither counted nor a sub-unit in use"
    );
}

#[test]
fn an_unknown_indicator_or_unit_is_named() {
    let f = with_tree();
    let q = |indicator: &str, unit: Option<&str>| TargetSumQuery {
        indicator: indicator.into(),
        unit: unit.map(Into::into),
        period: period(YEAR_2024.0, YEAR_2024.1),
    };
    let err = f.ledger.target_sum(&q("没有这个指标", None)).unwrap_err();
    assert!(
        err.to_string().contains("没有这个指标"),
        "names the indicator: {err}"
    );
    let err = f.ledger.target_sum(&q("QTR", Some("火星区"))).unwrap_err();
    assert!(
        matches!(&err, LedgerError::UnknownUnit(k) if k == "火星区"),
        "names the unit: {err:?}"
    );
}
