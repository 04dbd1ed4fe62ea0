//! A month round (a month where the office chooses): opened, sent (此前累计 from January 1st
//! to the month's start, the hidden sheet carrying 2024-08, the file named by the month),
//! the board's lateness and 催报 against the month's due date, submitted and approved, and
//! locked: a write dated in the month refused with 「2024年8月已锁定…该月…」, the day
//! before it accepted; and the month's sent table filled and read back as a return (累计
//! minus what the ledger held from January 1st to the month's start).

use calamine::{Data, Reader, Xlsx};
use taizhang_core::import::returns::{self, ReturnOptions};
use taizhang_core::round::send::send_round;
use taizhang_core::round::{NewRound, RoundPeriod, UnitState};
use taizhang_core::{Actor, NewEntry};

use super::fixture::{actor, d, with_tree};

fn august() -> RoundPeriod {
    RoundPeriod::parse("2024年8月").expect("a month")
}

fn cell(range: &calamine::Range<Data>, r: u32, c: u32) -> String {
    match range.get_value((r, c)) {
        Some(Data::Empty) | None => String::new(),
        Some(v) => v.to_string(),
    }
}

#[test]
fn a_month_round_is_opened_sent_chased_approved_and_locked() {
    let mut f = with_tree();
    f.ledger.set_today(Some(d("2024-09-13")));
    f.target("LIN", "A", "2024-01-01", "2024-12-31", 120.0);
    // 10 before July, 5 in July (before the month), 3 in August (the month itself).
    for (on, v) in [
        ("2024-02-10", 10.0),
        ("2024-07-20", 5.0),
        ("2024-08-05", 3.0),
    ] {
        f.entry("LIN", "A", on, v);
    }
    let round = f
        .ledger
        .write(&actor(), |w| {
            w.open_round(NewRound {
                period: august(),
                due_on: d("2024-09-10"),
                units: vec!["甲区".into(), "乙县".into()],
            })
        })
        .expect("open the month's round");
    assert_eq!(
        (round.key.as_str(), round.label.as_str(), round.units),
        ("2024-08", "2024年8月", 2)
    );

    // Sent: one table per unit named by the month; 此前累计 = January 1st to July 31st.
    let out = f.dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    send_round(&mut f.ledger, &Actor::named("office"), august(), &out).expect("send");
    let path = out.join("甲区_2024年8月_统计表.xlsx");
    assert!(path.is_file(), "the month's file name: {}", path.display());
    let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let table = book.worksheet_range("统计表").unwrap();
    let lin = (0..40)
        .find(|r| cell(&table, *r, 1) == "LIN")
        .expect("the LIN row");
    assert_eq!(
        (cell(&table, lin, 4), cell(&table, lin, 5)),
        ("120".to_string(), "15".to_string()),
        "年度目标 and 此前累计 (10 + 5, not the month's 3)"
    );
    let title = (0..3)
        .map(|r| cell(&table, r, 0))
        .collect::<Vec<_>>()
        .join("");
    assert!(
        title.contains("2024年8月"),
        "the title names the month: {title}"
    );
    let meta = book.worksheet_range("_taizhang").unwrap();
    let quarter_row = (0..6).find(|r| cell(&meta, *r, 0) == "quarter").unwrap();
    assert_eq!(
        cell(&meta, quarter_row, 1),
        "2024-08",
        "the hidden sheet's period"
    );

    // The board and 催报 count from the month's due date.
    let board = f.ledger.round_board(august()).unwrap();
    let late: Vec<(&str, i64)> = board
        .iter()
        .map(|r| (r.unit.as_str(), r.late_days))
        .collect();
    assert_eq!(late, [("甲区", 3), ("乙县", 3)], "3 days past 9月10日");
    let texts = f.ledger.reminders(august()).unwrap();
    assert!(
        texts[0]
            .text
            .starts_with("请甲区于9月10日前报送2024年8月统计表"),
        "{}",
        texts[0].text
    );

    // Submitted and approved by both: the month locks without force.
    f.ledger
        .write(&actor(), |w| {
            for u in ["甲区", "乙县"] {
                w.submit_return(u, august())?;
                w.approve(u, august())?;
            }
            Ok(())
        })
        .expect("submit and approve");
    let board = f.ledger.round_board(august()).unwrap();
    assert!(board
        .iter()
        .all(|r| r.state == UnitState::Approved && r.late_days == 0));
    f.ledger
        .write(&actor(), |w| w.lock_round(august(), false, ""))
        .expect("lock the month");

    let entry = |on: &str| NewEntry {
        indicator: "LIN".into(),
        unit: "A".into(),
        occurred_on: d(on),
        value: 1.0,
        note: String::new(),
    };
    let refused = f
        .ledger
        .write(&actor(), |w| w.record_entry(entry("2024-08-31")));
    match &refused {
        Err(e) => {
            assert_eq!(e.code(), "period_locked", "{e}");
            let m = e.to_string();
            assert!(
                m.starts_with("2024年8月已锁定") && m.contains("该月"),
                "the month's lock message: {m}"
            );
        }
        Ok(_) => panic!("an entry in the locked month was written"),
    }
    f.ledger
        .write(&actor(), |w| w.record_entry(entry("2024-07-31")))
        .expect("the day before the month stays open");
    f.ledger
        .write(&actor(), |w| w.record_entry(entry("2024-09-01")))
        .expect("the day after the month stays open");
}

/// 甲区's sent August table filled as the clerk would: LIN by 累计 only (20 → 20 − 15 held
/// from January to July = 5), AMT by 本期 only, QTR with both disagreeing.
#[test]
fn a_month_return_is_read_back_with_the_year_to_date_arithmetic() {
    let mut f = with_tree();
    f.ledger.set_today(Some(d("2024-09-13")));
    for (ind, on, v) in [
        ("LIN", "2024-02-10", 10.0),
        ("LIN", "2024-07-20", 5.0),
        ("QTR", "2024-03-03", 2.0),
    ] {
        f.entry(ind, "A", on, v);
    }
    f.ledger
        .write(&actor(), |w| {
            w.open_round(NewRound {
                period: august(),
                due_on: d("2024-09-10"),
                units: vec!["甲区".into()],
            })
        })
        .unwrap();
    let out = f.dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    send_round(&mut f.ledger, &Actor::named("office"), august(), &out).unwrap();
    let sent = out.join("甲区_2024年8月_统计表.xlsx");
    // (code, 本期, 累计) the clerk types into the sent layout.
    let typed = [
        ("LIN", None, Some(20.0)),
        ("AMT", Some(1.5), None),
        ("QTR", Some(1.0), Some(4.0)),
    ];
    let filled = f.dir.path().join("甲区_2024年8月_统计表（已填）.xlsx");
    refill(&sent, &filled, &typed);

    let options = ReturnOptions::default();
    let p = returns::preview(&f.ledger, &filled, &options).expect("preview");
    assert_eq!(p.period, Some(august()), "the month from the hidden sheet");
    let said: Vec<&str> = p.problems.iter().map(|x| x.message.as_str()).collect();
    assert!(
        said.len() == 1 && said[0].ends_with("「本期」1 与「累计」4 减去已录入的2（= 2）不符"),
        "QTR: 本期 disagrees with 累计 − held: {said:?}"
    );
    let lin = p.lines.iter().find(|l| l.indicator_code == "LIN").unwrap();
    assert_eq!(
        (lin.held_before, lin.value),
        (15.0, Some(5.0)),
        "LIN: held January–July, 20 − 15 written"
    );

    // The clerk corrects QTR's 本期: the return is written into August and marks 甲区 已报.
    let typed = [
        ("LIN", None, Some(20.0)),
        ("AMT", Some(1.5), None),
        ("QTR", Some(2.0), Some(4.0)),
    ];
    refill(&sent, &filled, &typed);
    let r = returns::commit(&mut f.ledger, &actor(), &filled, &options, &mut |_, _| {})
        .expect("a month's return");
    assert_eq!((r.written, r.period), (3, august()), "written, period");
    for (code, want) in [("LIN", 5.0), ("AMT", 1.5), ("QTR", 2.0)] {
        let got = total(&f, code, "2024-08-01", "2024-08-31");
        assert_eq!(got, want, "{code} in August");
    }
    assert_eq!(
        total(&f, "LIN", "2024-07-01", "2024-07-31"),
        5.0,
        "July untouched"
    );
    let held = returns::held_return(&f.ledger, &unit_a(&f), "2024-08").unwrap();
    assert!(held.is_some(), "the return is kept under 2024-08");
    let board = f.ledger.round_board(august()).unwrap();
    assert_eq!(board[0].state, UnitState::Submitted, "甲区 已报");
}

fn unit_a(f: &super::fixture::Fixture) -> String {
    f.ledger.unit("A").expect("甲区").id
}

/// The sent table with 本期 and 累计 typed in by code, written back as WPS saves it, the
/// hidden sheet kept.
fn refill(
    sent: &std::path::Path,
    to: &std::path::Path,
    typed: &[(&str, Option<f64>, Option<f64>)],
) {
    let mut book: Xlsx<_> = calamine::open_workbook(sent).unwrap();
    let table = book.worksheet_range("统计表").unwrap();
    let meta = book.worksheet_range("_taizhang").unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("统计表").unwrap();
    for (r, row) in table.rows().enumerate() {
        let code = row.get(1).map(|c| c.to_string()).unwrap_or_default();
        let typed_row = typed.iter().find(|(k, ..)| *k == code);
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if typed_row.is_some() && (c == 6 || c == 7) {
                continue; // what the clerk types replaces the sent cells (累计's formula)
            }
            match cell {
                Data::Float(v) => ws.write_number(r, c, *v).map(|_| ()),
                Data::Int(v) => ws.write_number(r, c, *v as f64).map(|_| ()),
                Data::Empty => Ok(()),
                other => ws.write_string(r, c, other.to_string()).map(|_| ()),
            }
            .unwrap();
        }
        if let Some((_, period, ytd)) = typed_row {
            for (col, v) in [(6u16, period), (7, ytd)] {
                if let Some(v) = v {
                    ws.write_number(r as u32, col, *v).unwrap();
                }
            }
        }
    }
    let hidden = wb.add_worksheet().set_name("_taizhang").unwrap();
    for (r, row) in meta.rows().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            hidden
                .write_string(r as u32, c as u16, cell.to_string())
                .unwrap();
        }
    }
    hidden.set_hidden(true);
    wb.save(to).unwrap();
}

/// 甲区's own entries of an indicator within [from, to].
fn total(f: &super::fixture::Fixture, indicator: &str, from: &str, to: &str) -> f64 {
    let filter = taizhang_core::EntryFilter {
        indicator: Some(indicator.into()),
        unit: Some("A".into()),
        from: Some(d(from)),
        to: Some(d(to)),
        ..taizhang_core::EntryFilter::default()
    };
    let rows = f.ledger.entries(&filter).expect("entries");
    (rows.iter().map(|e| e.value).sum::<f64>() * 100.0).round() / 100.0
}
