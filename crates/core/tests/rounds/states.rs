//! 未报 → 已报 → 退回 → 已报 → 已审: the allowed steps, the refused ones, who and when,
//! the history rows, lateness from the ledger's today, and the 催报 texts.

use taizhang_core::round::{NewRound, RoundPeriod, UnitState};
use taizhang_core::{Actor, LedgerError};

use super::fixture::{d, with_tree};
use super::{open_q3, q3};

#[test]
fn a_round_asks_every_active_county_zone_department_and_party_by_default() {
    let mut f = with_tree();
    open_q3(&mut f);
    let board = f.ledger.round_board(q3()).unwrap();
    let units: Vec<&str> = board.iter().map(|r| r.unit.as_str()).collect();
    assert_eq!(
        units,
        ["甲区", "乙县", "乙县开发区", "市直部门"],
        "the city itself does not report"
    );
    assert!(
        board.iter().all(|r| r.state == UnitState::NotStarted),
        "every unit starts 未报: {board:?}"
    );
    let round = f.ledger.round(q3()).unwrap();
    assert_eq!(
        (round.label.as_str(), round.units, round.key.as_str()),
        ("2024年第三季度", 4, "2024Q3")
    );
}

#[test]
fn a_round_of_named_units_and_a_second_round_of_the_same_period_is_refused() {
    let mut f = with_tree();
    let new = |units: Vec<String>| NewRound {
        period: RoundPeriod::parse("2024-08").unwrap(),
        due_on: d("2024-09-05"),
        units,
    };
    let round = f
        .ledger
        .write(&Actor::named("office"), |w| {
            w.open_round(new(vec!["甲区".into(), "A".into(), "D".into()]))
        })
        .unwrap();
    assert_eq!(
        (round.label.as_str(), round.units),
        ("2024年8月", 2),
        "甲区 named twice counts once"
    );
    let again = f
        .ledger
        .write(&Actor::named("office"), |w| w.open_round(new(Vec::new())));
    assert!(
        matches!(&again, Err(e) if e.code() == "duplicate" && e.to_string().contains("2024年8月")),
        "a second round of 2024-08: {again:?}"
    );
    let early = f.ledger.write(&Actor::named("office"), |w| {
        w.open_round(NewRound {
            period: RoundPeriod::parse("2024Q4").unwrap(),
            due_on: d("2024-09-30"),
            units: Vec::new(),
        })
    });
    assert!(
        matches!(&early, Err(e) if e.code() == "date_out_of_range"),
        "due before the quarter starts: {early:?}"
    );
}

#[test]
fn each_step_is_allowed_or_refused_by_the_state_and_stamped_with_who() {
    let mut f = with_tree();
    open_q3(&mut f);
    let clerk = Actor::named("clerk:甲区");
    let reviewer = Actor::named("reviewer:王某某");
    // (who, step, expected state after, or the error code)
    let steps: [(&Actor, &str, Result<UnitState, &str>); 8] = [
        (&reviewer, "approve", Err("round_state")),
        (&reviewer, "return", Err("round_state")),
        (&clerk, "submit", Ok(UnitState::Submitted)),
        (&clerk, "submit", Ok(UnitState::Submitted)),
        (&reviewer, "return", Ok(UnitState::Returned)),
        (&reviewer, "approve", Err("round_state")),
        (&clerk, "submit", Ok(UnitState::Submitted)),
        (&reviewer, "approve", Ok(UnitState::Approved)),
    ];
    for (i, (who, step, want)) in steps.iter().enumerate() {
        let got = f.ledger.write(who, |w| match *step {
            "submit" => w.submit_return("甲区", q3()),
            "approve" => w.approve("甲区", q3()),
            _ => w.return_to_unit("甲区", q3(), "AMT 本期数与台账不符"),
        });
        match (want, &got) {
            (Ok(state), Ok(row)) => assert_eq!(row.state, *state, "step {i} {step}"),
            (Err(code), Err(e)) => assert_eq!(e.code(), *code, "step {i} {step}: {e}"),
            _ => panic!("step {i} {step}: want {want:?}, got {got:?}"),
        }
    }
    let after_approval = f.ledger.write(&clerk, |w| w.submit_return("甲区", q3()));
    assert!(
        matches!(&after_approval, Err(e) if e.code() == "round_state" && e.to_string().contains("已审")),
        "an approved return is not submitted again: {after_approval:?}"
    );
    let row = &f.ledger.round_board(q3()).unwrap()[0];
    assert_eq!(
        (row.submitted_by.as_deref(), row.reviewed_by.as_deref()),
        (Some("clerk:甲区"), Some("reviewer:王某某")),
        "who submitted and who reviewed"
    );
    assert!(
        row.submitted_at.as_deref().is_some_and(|t| t.len() >= 20),
        "stamped: {row:?}"
    );
    let kinds: Vec<String> = f
        .ledger
        .round_events(q3())
        .unwrap()
        .into_iter()
        .map(|e| format!("{}:{}:{}", e.kind, e.unit.unwrap_or_default(), e.by))
        .collect();
    assert_eq!(
        kinds,
        [
            "open::test",
            "submit:甲区:clerk:甲区",
            "return:甲区:reviewer:王某某",
            "submit:甲区:clerk:甲区",
            "approve:甲区:reviewer:王某某"
        ],
        "the second submit of an already submitted return adds no history row"
    );
}

#[test]
fn a_return_needs_a_reason_and_the_board_shows_it() {
    let mut f = with_tree();
    open_q3(&mut f);
    let actor = Actor::named("x");
    f.ledger
        .write(&actor, |w| w.submit_return("乙县", q3()))
        .unwrap();
    for blank in ["", "   "] {
        let got = f
            .ledger
            .write(&actor, |w| w.return_to_unit("乙县", q3(), blank));
        match got {
            Err(e @ LedgerError::Invalid { .. }) => {
                assert_eq!(e.field(), Some("return_reason"));
                assert_eq!(e.to_string(), "「退回原因」必须填写");
            }
            other => panic!("a blank reason {blank:?}: {other:?}"),
        }
    }
    f.ledger
        .write(&actor, |w| {
            w.return_to_unit("乙县", q3(), " 帮扶资金单位应为万元 ")
        })
        .unwrap();
    let row = f
        .ledger
        .round_board(q3())
        .unwrap()
        .into_iter()
        .find(|r| r.unit == "乙县")
        .unwrap();
    assert_eq!(
        (row.state, row.reason.as_str()),
        (UnitState::Returned, "帮扶资金单位应为万元")
    );
    let unknown = f.ledger.write(&actor, |w| w.submit_return("示范市", q3()));
    assert!(
        matches!(&unknown, Err(e) if e.code() == "not_found" && e.to_string().contains("示范市")),
        "the city is not asked in this round: {unknown:?}"
    );
    let no_round = f.ledger.write(&actor, |w| {
        w.submit_return("乙县", RoundPeriod::parse("2024Q2").unwrap())
    });
    assert!(
        matches!(&no_round, Err(e) if e.code() == "not_found" && e.to_string().contains("2024年第二季度")),
        "no round of Q2: {no_round:?}"
    );
}

#[test]
fn lateness_counts_days_past_due_while_not_submitted_and_reminders_say_so() {
    let mut f = with_tree();
    open_q3(&mut f);
    let actor = Actor::named("x");
    f.ledger
        .write(&actor, |w| w.submit_return("甲区", q3()))
        .unwrap();
    f.ledger
        .write(&actor, |w| w.submit_return("乙县", q3()))
        .unwrap();
    f.ledger
        .write(&actor, |w| w.return_to_unit("乙县", q3(), "缺少佐证"))
        .unwrap();
    // (today, late days of 甲区 submitted, 乙县 returned, 乙县开发区 not started)
    let cases = [
        ("2024-10-10", 0, 0, 0),
        ("2024-10-13", 0, 3, 3),
        ("2024-11-01", 0, 22, 22),
    ];
    for (today, a, b, b1) in cases {
        f.ledger.set_today(Some(d(today)));
        let board = f.ledger.round_board(q3()).unwrap();
        let late: Vec<i64> = board.iter().take(3).map(|r| r.late_days).collect();
        assert_eq!(late, [a, b, b1], "late days on {today}");
    }
    f.ledger.set_today(Some(d("2024-10-08")));
    let texts: Vec<String> = f
        .ledger
        .reminders(q3())
        .unwrap()
        .into_iter()
        .map(|r| r.text)
        .collect();
    assert_eq!(
        texts,
        [
            "请乙县按退回意见（缺少佐证）修改后于10月10日前重新报送2024年第三季度统计表",
            "请乙县开发区于10月10日前报送2024年第三季度统计表",
            "请市直部门于10月10日前报送2024年第三季度统计表",
        ],
        "before the due date; 甲区 has submitted"
    );
    f.ledger.set_today(Some(d("2024-10-13")));
    let reminders = f.ledger.reminders(q3()).unwrap();
    assert_eq!(
        reminders[1].text,
        "请乙县开发区于10月10日前报送2024年第三季度统计表，已逾期3天，请尽快报送",
        "overdue"
    );
    let path = f.dir.path().join("催报.xlsx");
    let written = f.ledger.reminders_to_file(q3(), &path).unwrap();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let range = calamine::Reader::worksheet_range(&mut book, "催报名单").unwrap();
    let cell = |r: u32, c: u32| {
        range
            .get_value((r, c))
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    assert_eq!(written.len(), 3);
    assert_eq!(
        (cell(1, 1), cell(2, 1), cell(3, 3), cell(3, 4)),
        (
            "单位".into(),
            "乙县".into(),
            "3".into(),
            reminders[1].text.clone()
        ),
        "the .xlsx list"
    );
}
