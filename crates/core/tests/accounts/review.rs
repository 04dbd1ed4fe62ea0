//! 审核 is the reviewer's and the admin's: approving, returning (退回) and correcting a
//! reported figure, for every role, on a return of the account's own county (兰山区) and of
//! another (沂南县). A clerk does not approve its own unit's return; a reviewer corrects
//! within its scope only. A refused step answers `forbidden` and changes nothing.

use std::path::Path;

use taizhang_core::round::{NewRound, RoundPeriod};
use taizhang_core::*;

use super::setup::{d, prepare, signed, Rows};

type Step = fn(&mut Writer<'_>, &Rows, RoundPeriod) -> Result<()>;

/// (step, expected for [admin, reviewer, clerk, viewer] × [own county, other county]).
const STEPS: &[(&str, [[bool; 2]; 4], Step)] = &[
    (
        "approve",
        [[true, true], [true, false], [false, false], [false, false]],
        |w, r, q| w.approve(&r.unit, q).map(drop),
    ),
    (
        "return_to_unit",
        [[true, true], [true, false], [false, false], [false, false]],
        |w, r, q| w.return_to_unit(&r.unit, q, "数字有误").map(drop),
    ),
    (
        "correct_entry",
        [[true, true], [true, false], [false, false], [false, false]],
        |w, r, _| w.correct_entry(&r.entry, 7.0, "重复统计").map(drop),
    ),
];

/// Every row that a review step could touch, as text: states, events, corrections, entry
/// values and the trail's length.
fn snapshot(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    for sql in [
        "SELECT unit_id || ':' || state FROM round_unit ORDER BY unit_id",
        "SELECT kind || ':' || ifnull(unit_id, '') FROM round_event ORDER BY rowid",
        "SELECT entry_id || ':' || corrected FROM correction ORDER BY rowid",
        "SELECT id || ':' || value FROM progress_entry ORDER BY id",
        "SELECT 'audit:' || count(*) FROM audit",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

#[test]
fn review_steps_are_the_reviewers_within_its_scope() {
    let prepared = prepare();
    let q2 = RoundPeriod::parse("2024Q2").unwrap();
    let roles = [Role::Admin, Role::Reviewer, Role::Clerk, Role::Viewer];
    let mut failures = Vec::new();
    for (name, expected, step) in STEPS {
        for (ri, role) in roles.iter().enumerate() {
            for (pi, rows) in [&prepared.inside, &prepared.outside]
                .into_iter()
                .enumerate()
            {
                let dir = tempfile::tempdir().unwrap();
                let (path, mut ledger) = prepared.copy(dir.path());
                let admin = signed(&ledger, prepared.account(Role::Admin));
                ledger
                    .write(&admin, |w| {
                        w.open_round(NewRound {
                            period: q2,
                            due_on: d("2024-07-10"),
                            units: vec!["ls".into(), "yn".into()],
                        })?;
                        w.submit_return("ls", q2)?;
                        w.submit_return("yn", q2).map(drop)
                    })
                    .unwrap();
                let actor = signed(&ledger, prepared.account(*role));
                let before = snapshot(&path);
                let got = ledger.write(&actor, |w| step(w, rows, q2));
                drop(ledger);
                let after = snapshot(&path);
                let place = if pi == 0 { "兰山区" } else { "沂南县" };
                match (&got, expected[ri][pi]) {
                    (Ok(()), true) if before != after => {}
                    (Err(e), false) if e.code() == "forbidden" && before == after => {
                        if *role == Role::Clerk && pi == 0 && !e.to_string().contains("审核员") {
                            failures
                                .push(format!("{name} clerk: message does not say who may: {e}"));
                        }
                    }
                    (got, want) => failures.push(format!(
                        "{name} {role:?} {place}: want {}, got {:?} (changed: {})",
                        if want { "allowed" } else { "forbidden" },
                        got.as_ref().map_err(|e| format!("{} {e}", e.code())),
                        before != after
                    )),
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
