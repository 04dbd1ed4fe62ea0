//! A unit's return: the 累计 arithmetic (a first quarter, a unit with nothing before,
//! decimals, a 累计 below the ledger, both columns disagreeing), a corrected return
//! replacing the first in one transaction, and the identical file again changing nothing.

mod returns_support;

use returns_support::*;
use taizhang_core::import::returns::{self, ReturnOptions, ReturnPreview, ReturnReport};
use taizhang_core::Quarter;

fn q(s: &str) -> Quarter {
    Quarter::parse(s).expect("test quarter")
}

fn options(unit: &str, quarter: &str) -> ReturnOptions {
    ReturnOptions {
        unit: Some(unit.into()),
        period: Some(taizhang_core::round::RoundPeriod::quarter(q(quarter))),
        mapping: None,
    }
}

fn preview(w: &World, path: &std::path::Path, unit: &str, quarter: &str) -> ReturnPreview {
    returns::preview(&w.ledger, path, &options(unit, quarter)).expect("preview")
}

fn commit(
    w: &mut World,
    path: &std::path::Path,
    unit: &str,
    quarter: &str,
) -> taizhang_core::Result<ReturnReport> {
    returns::commit(
        &mut w.ledger,
        &actor(),
        path,
        &options(unit, quarter),
        &mut |_, _| {},
    )
}

fn messages(p: &ReturnPreview) -> Vec<String> {
    p.problems.iter().map(|x| x.message.clone()).collect()
}

/// (what, quarter, unit, indicator, entries before [(date, value)], 累计, 本期, want: value or problem)
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Vec<(&'static str, f64)>,
    X,
    X,
    Result<Option<f64>, &'static str>,
);

#[test]
fn the_year_to_date_arithmetic() {
    let ll_before = vec![
        ("2024-02-01", 10.0),
        ("2024-05-01", 18.0),
        ("2023-11-01", 100.0),
    ];
    let cases: Vec<Case> = vec![
        (
            "a first quarter: nothing before",
            "2024Q1",
            "兰陵县",
            "结对企业数",
            vec![],
            n(5.0),
            X::Blank,
            Ok(Some(5.0)),
        ),
        (
            "累计 minus this year's 28 (last year's 100 aside)",
            "2024Q3",
            "兰陵县",
            "结对企业数",
            ll_before.clone(),
            n(43.0),
            X::Blank,
            Ok(Some(15.0)),
        ),
        (
            "a unit with nothing before",
            "2024Q3",
            "沂南县",
            "结对企业数",
            vec![],
            n(7.0),
            X::Blank,
            Ok(Some(7.0)),
        ),
        (
            "decimals",
            "2024Q3",
            "兰陵县",
            "帮扶资金",
            vec![("2024-03-10", 12.35)],
            n(20.5),
            X::Blank,
            Ok(Some(8.15)),
        ),
        (
            "both agreeing",
            "2024Q3",
            "兰陵县",
            "结对企业数",
            ll_before.clone(),
            n(43.0),
            n(15.0),
            Ok(Some(15.0)),
        ),
        (
            "本期 only",
            "2024Q3",
            "兰陵县",
            "结对企业数",
            ll_before.clone(),
            X::Blank,
            n(15.0),
            Ok(Some(15.0)),
        ),
        (
            "累计 equal to what is held: nothing new",
            "2024Q3",
            "兰陵县",
            "结对企业数",
            ll_before.clone(),
            n(28.0),
            X::Blank,
            Ok(Some(0.0)),
        ),
        (
            "a sub-unit's entries count for the county",
            "2024Q3",
            "兰陵县",
            "结对企业数",
            vec![],
            n(9.0),
            X::Blank,
            Ok(Some(6.0)),
        ),
        (
            "累计 below the ledger",
            "2024Q3",
            "兰陵县",
            "结对企业数",
            ll_before.clone(),
            n(20.0),
            X::Blank,
            Err("第8行「1-9月累计完成」20 小于已录入的28"),
        ),
        (
            "both disagreeing",
            "2024Q3",
            "兰陵县",
            "结对企业数",
            ll_before.clone(),
            n(43.0),
            n(14.0),
            Err("第8行「其中：第三季度」14 与「1-9月累计完成」43 减去已录入的28（= 15）不符"),
        ),
        (
            "too many decimals",
            "2024Q3",
            "兰陵县",
            "结对企业数",
            vec![],
            n(30.5),
            X::Blank,
            Err("第8行「1-9月累计完成」最多允许 0 位小数：30.5"),
        ),
    ];
    for (what, quarter, unit, indicator, before, ytd, period, want) in cases {
        let mut w = world();
        let code = if indicator == "帮扶资金" {
            "AMT"
        } else {
            "CNT"
        };
        for (date, v) in &before {
            w.record(code, if unit == "兰陵县" { "LL" } else { "YN" }, date, *v);
        }
        if what.starts_with("a sub-unit") {
            w.record("CNT", "LLKF", "2024-04-02", 3.0);
        }
        let path = w.file("return.xlsx");
        let title = format!("{unit}五大行动2024年第三季度进展情况统计表")
            .replace("第三季度", &quarter_zh(quarter));
        CountyTable::new(vec![line("(一)", indicator, vec![ytd, period])])
            .title(&title, &format!("填报单位：{unit}委统战部（盖章）"))
            .figures(&[
                &ytd_heading(quarter),
                &format!("其中：{}", quarter_zh(quarter)),
            ])
            .write(&path);
        let p = preview(&w, &path, unit, quarter);
        match want {
            Ok(value) => {
                assert_eq!(messages(&p), Vec::<String>::new(), "{what}: no problem");
                assert_eq!(p.lines.len(), 1, "{what}: one line");
                assert_eq!(p.lines[0].value, value, "{what}: the period's value");
            }
            Err(message) => {
                assert_eq!(
                    messages(&p),
                    vec![message.to_string()],
                    "{what}: the problem"
                );
                let refused = commit(&mut w, &path, unit, quarter);
                assert!(refused.is_err(), "{what}: commit refused, got {refused:?}");
                assert_eq!(w.count("unit_return"), 0, "{what}: no return written");
            }
        }
    }
}

fn quarter_zh(quarter: &str) -> String {
    let n = ["一", "二", "三", "四"][(q(quarter).q() - 1) as usize];
    format!("第{n}季度")
}

fn ytd_heading(quarter: &str) -> String {
    format!("1-{}月累计完成", q(quarter).q() * 3)
}

/// 兰陵县's 2024Q3 return with 结对企业数 累计 `cnt` and 帮扶资金 本期 `amt`.
fn lanling(path: &std::path::Path, cnt: X, amt: X) {
    let mut money = line("(二)", "帮扶资金（万元）", vec![X::Blank, amt]);
    money.measure = "万元";
    CountyTable::new(vec![line("(一)", "结对企业数", vec![cnt, X::Blank]), money]).write(path);
}

#[test]
fn a_corrected_return_replaces_the_first() {
    let mut w = world();
    w.record("CNT", "LL", "2024-05-01", 28.0);
    // Typed by hand in the quarter: not part of the return, kept.
    w.record("VIS", "LL", "2024-08-01", 3.0);
    let first = w.file("兰陵县_2024年第三季度_统计表.xlsx");
    lanling(&first, n(43.0), n(5.5));
    let r1 = commit(&mut w, &first, "兰陵县", "2024Q3").expect("the first version");
    assert_eq!(
        (r1.written, r1.replaced),
        (2, 0),
        "first version: written, replaced"
    );
    assert_eq!(
        w.total("CNT", "LL", "2024-07-01", "2024-09-30"),
        15.0,
        "结对企业数 in Q3 after v1"
    );
    assert_eq!(
        w.total("AMT", "LL", "2024-07-01", "2024-09-30"),
        5.5,
        "帮扶资金 in Q3 after v1"
    );

    // A corrected version with a problem: refused, and the first stays whole.
    let broken = w.file("兰陵县_更正_有误.xlsx");
    lanling(&broken, n(45.0), t("约6"));
    let refused = commit(&mut w, &broken, "兰陵县", "2024Q3");
    assert!(
        refused.is_err(),
        "a broken correction is refused, got {refused:?}"
    );
    assert_eq!(
        w.total("CNT", "LL", "2024-07-01", "2024-09-30"),
        15.0,
        "v1 intact after a refused correction"
    );
    assert_eq!(
        (w.count("evidence"), kept_files(&w)),
        (1, 1),
        "only v1's file as returned is kept (row, file): the refused one left nothing"
    );

    let second = w.file("兰陵县_2024年第三季度_统计表（更正）.xlsx");
    lanling(&second, n(45.0), t("—"));
    let p = preview(&w, &second, "兰陵县", "2024Q3");
    let replaces = p
        .replaces
        .as_ref()
        .map(|h| (h.file_name.clone(), h.entries));
    assert_eq!(
        replaces,
        Some(("兰陵县_2024年第三季度_统计表.xlsx".to_string(), 2)),
        "the preview names the version it replaces"
    );
    let r2 = commit(&mut w, &second, "兰陵县", "2024Q3").expect("the corrected version");
    assert_eq!(
        (r2.written, r2.replaced, r2.unchanged),
        (1, 2, false),
        "corrected: written, replaced, unchanged"
    );
    assert_eq!(r2.return_id, r1.return_id, "the same return, a new version");
    assert_eq!(
        w.total("CNT", "LL", "2024-07-01", "2024-09-30"),
        17.0,
        "结对企业数 follows the correction"
    );
    assert_eq!(
        w.total("AMT", "LL", "2024-07-01", "2024-09-30"),
        0.0,
        "帮扶资金's earlier entry is gone"
    );
    assert_eq!(
        w.total("VIS", "LL", "2024-07-01", "2024-09-30"),
        3.0,
        "the hand-typed entry stays"
    );
    assert_eq!(w.count("unit_return"), 1, "one return per unit and quarter");
    assert_eq!(w.count("unit_return_entry"), 1, "the return's entries");
    let held = returns::held_return(&w.ledger, &p.unit_id.clone().expect("unit"), "2024Q3")
        .expect("read")
        .expect("held");
    assert_eq!(
        held.file_name, "兰陵县_2024年第三季度_统计表（更正）.xlsx",
        "the file of the version held"
    );
    assert_eq!(
        held.file_sha256.len(),
        64,
        "a SHA-256 in hex, got {:?}",
        held.file_sha256
    );
    // Both files as returned are kept; the held one opens, byte for byte.
    assert_eq!(
        (w.count("evidence"), kept_files(&w)),
        (2, 2),
        "both originals"
    );
    let path = w
        .ledger
        .evidence_path_for_open(&held.original_id.expect("the original's id"))
        .expect("open the original");
    assert_eq!(
        std::fs::read(path).unwrap(),
        std::fs::read(&second).unwrap()
    );
}

/// Files kept in 佐证材料 beside the ledger.
fn kept_files(w: &World) -> usize {
    let folder = w.file("佐证材料");
    let Ok(dirs) = std::fs::read_dir(folder) else {
        return 0;
    };
    dirs.flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .filter(|f| !f.file_name().to_string_lossy().starts_with('.'))
        .count()
}

#[test]
fn the_identical_file_again_changes_nothing() {
    let mut w = world();
    let path = w.file("兰陵县三季度.xlsx");
    lanling(&path, n(12.0), n(3.25));
    commit(&mut w, &path, "兰陵县", "2024Q3").expect("first import");
    let stamp = w.ledger.unit_returns("2024Q3").expect("returns")[0]
        .imported_at
        .clone();
    let entries = w.count("progress_entry");
    let p = preview(&w, &path, "兰陵县", "2024Q3");
    assert!(p.unchanged, "the preview says 无变化, notes {:?}", p.notes);
    let again = commit(&mut w, &path, "兰陵县", "2024Q3").expect("again");
    assert_eq!(
        (again.unchanged, again.written, again.replaced),
        (true, 0, 0),
        "again: unchanged, written, replaced"
    );
    assert_eq!(
        w.count("progress_entry"),
        entries,
        "no entry added or replaced"
    );
    let after = w.ledger.unit_returns("2024Q3").expect("returns")[0]
        .imported_at
        .clone();
    assert_eq!(after, stamp, "the return's record is untouched");
    assert_eq!(w.count("evidence"), 1, "the same file is kept once");
}
