//! A reviewer's correction: the entry takes the corrected value, the correction keeps
//! what was reported, why, who and when, and the round's history shows it.

use taizhang_core::{Actor, EntryFilter};

use super::fixture::{d, with_tree};
use super::{open_q3, q3};

#[test]
fn a_correction_keeps_the_reported_value_beside_the_corrected_one() {
    let mut f = with_tree();
    f.ledger.set_today(Some(d("2024-10-05")));
    f.entry("LIN", "A", "2024-08-03", 12.0);
    open_q3(&mut f);
    let id = f.ledger.entries(&EntryFilter::default()).unwrap()[0]
        .id
        .clone();
    let reviewer = Actor::named("reviewer:王某某");
    // (value, reason, expected error code)
    let refused = [
        (10.0, "", "invalid"),
        (12.0, "无变化", "invalid"),
        (-1.0, "负数", "negative_value"),
        (10.5, "小数", "too_many_decimals"),
    ];
    for (value, reason, code) in refused {
        let got = f
            .ledger
            .write(&reviewer, |w| w.correct_entry(&id, value, reason));
        assert!(
            matches!(&got, Err(e) if e.code() == code),
            "{value} {reason:?}: {got:?}"
        );
    }
    let done = f
        .ledger
        .write(&reviewer, |w| {
            w.correct_entry(&id, 10.0, "其中2家为重复统计")
        })
        .unwrap();
    assert_eq!(
        (
            done.entry.value,
            done.correction.reported,
            done.correction.corrected,
            done.correction.by.as_str()
        ),
        (10.0, 12.0, 10.0, "reviewer:王某某"),
        "as reported 12 / as corrected 10"
    );
    f.ledger
        .write(&reviewer, |w| w.correct_entry(&id, 11.0, "复核后补回1家"))
        .unwrap();
    let all = f.ledger.corrections(std::slice::from_ref(&id)).unwrap();
    let steps: Vec<(f64, f64, &str)> = all[&id]
        .iter()
        .map(|c| (c.reported, c.corrected, c.reason.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            (12.0, 10.0, "其中2家为重复统计"),
            (10.0, 11.0, "复核后补回1家")
        ],
        "both corrections, oldest first"
    );
    assert_eq!(
        f.ledger.entry(&id).unwrap().value,
        11.0,
        "figures use the corrected value"
    );
    let history: Vec<String> = f
        .ledger
        .round_events(q3())
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == "correct")
        .map(|e| format!("{}|{}", e.unit.unwrap_or_default(), e.reason))
        .collect();
    assert_eq!(
        history,
        [
            "甲区|LIN 12 → 10：其中2家为重复统计",
            "甲区|LIN 10 → 11：复核后补回1家"
        ],
        "the round's history"
    );
}
