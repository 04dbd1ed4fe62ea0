//! `round send`: one workbook per unit, and its layout contract — headings, the unit's
//! indicators, 此前累计 from the ledger, derived rows read-only with the registers'
//! figure, behind-pace rows highlighted, input cells unlocked and validated, the rest
//! protected, the hidden `_taizhang` sheet and its checksum; then a table filled by a
//! script keeps that layout.

use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, SheetVisible, Xlsx};
use sha2::{Digest, Sha256};
use taizhang_core::register::enterprise::NewEnterprise;
use taizhang_core::register::pairing::{EnterpriseRef, NewPairing, PairingStatus, VillageRef};
use taizhang_core::register::village::NewVillage;
use taizhang_core::round::send::{send_round, HEADINGS};
use taizhang_core::{Actor, NewIndicator, Pacing};

use super::fixture::{actor, d, pairings_counted, with_tree, Fixture};
use super::{open_q3, q3};

/// 甲区 has LIN (target 120; 5 in 2023, 10 + 18 before Q3, 4 in Q3), AMT (target 100.5;
/// 12.5 before Q3) and PAIR, counted from pairings (one signed before Q3, one in it).
fn ledger_with_figures() -> Fixture {
    let mut f = with_tree();
    f.ledger.set_today(Some(d("2024-10-02")));
    f.target("LIN", "A", "2024-01-01", "2024-12-31", 120.0);
    f.target("AMT", "A", "2024-01-01", "2024-12-31", 100.5);
    for (on, v) in [
        ("2023-12-20", 5.0),
        ("2024-02-10", 10.0),
        ("2024-05-05", 18.0),
        ("2024-07-03", 4.0),
    ] {
        f.entry("LIN", "A", on, v);
    }
    f.entry("AMT", "A", "2024-03-01", 12.5);
    f.ledger
        .write(&actor(), |w| {
            w.add_indicator(NewIndicator {
                action: "prosperity".into(),
                code: "PAIR".into(),
                name: "结对村企".into(),
                name_en: String::new(),
                measure: "对".into(),
                headline: false,
                decimals: 0,
                pacing: Pacing::Linear,
            })?;
            w.set_derivation("PAIR", Some(pairings_counted()))?;
            for (i, on) in ["2024-03-01", "2024-08-01"].iter().enumerate() {
                w.add_pairing(NewPairing {
                    enterprise: EnterpriseRef::New(NewEnterprise {
                        name: format!("示范企业{i}"),
                        county: Some("甲区".into()),
                        ..NewEnterprise::default()
                    }),
                    village: VillageRef::New(NewVillage {
                        name: format!("示范村{i}"),
                        township: "示范镇".into(),
                        county: "甲区".into(),
                    }),
                    signed_on: d(on),
                    unit: None,
                    status: PairingStatus::Active,
                    note: String::new(),
                })?;
            }
            Ok(())
        })
        .unwrap();
    open_q3(&mut f);
    f
}

fn text(range: &calamine::Range<Data>, r: u32, c: u32) -> String {
    match range.get_value((r, c)) {
        Some(Data::Empty) | None => String::new(),
        Some(v) => v.to_string(),
    }
}

fn sent(f: &mut Fixture) -> PathBuf {
    let out = f.dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let report = send_round(&mut f.ledger, &Actor::named("office"), q3(), &out).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "乙县_2024年第三季度_统计表.xlsx",
            "乙县开发区_2024年第三季度_统计表.xlsx",
            "市直部门_2024年第三季度_统计表.xlsx",
            "甲区_2024年第三季度_统计表.xlsx",
        ],
        "one file per unit, nothing else left in the folder"
    );
    assert_eq!(report.files.len(), 4);
    out.join("甲区_2024年第三季度_统计表.xlsx")
}

fn zip_part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The `<xf>` of cellXfs a cell of sheet1 is formatted with.
fn cell_xf(path: &Path, cell: &str) -> String {
    let sheet = zip_part(path, "xl/worksheets/sheet1.xml");
    let at = sheet
        .find(&format!("<c r=\"{cell}\""))
        .unwrap_or_else(|| panic!("cell {cell} not written"));
    let tag = &sheet[at..at + sheet[at..].find('>').unwrap()];
    let s: usize = tag
        .split(" s=\"")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .map_or(0, |n| n.parse().unwrap());
    let styles = zip_part(path, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    xfs.split("<xf ").nth(s + 1).unwrap().to_string()
}

fn fill_of(path: &Path, xf: &str) -> String {
    let id: usize = xf
        .split("fillId=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let styles = zip_part(path, "xl/styles.xml");
    let fills = &styles[styles.find("<fills").unwrap()..styles.find("</fills>").unwrap()];
    fills
        .split("<fill>")
        .nth(id + 1)
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_sent_table_carries_the_units_indicators_and_what_the_ledger_holds() {
    let mut f = ledger_with_figures();
    let path = sent(&mut f);
    let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let sheets: Vec<(String, SheetVisible)> = book
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible))
        .collect();
    assert_eq!(
        sheets,
        [
            ("统计表".to_string(), SheetVisible::Visible),
            ("_taizhang".to_string(), SheetVisible::Hidden)
        ]
    );
    let t = book.worksheet_range("统计表").unwrap();
    assert_eq!(text(&t, 0, 0), "示范市五大行动2024年第三季度进展情况统计表");
    assert_eq!(text(&t, 1, 0), "填报单位：甲区");
    assert_eq!(text(&t, 1, 8), "单位：见「计量单位」列");
    let headings: Vec<String> = (0..11).map(|c| text(&t, 3, c)).collect();
    assert_eq!(headings, HEADINGS, "the heading row, exactly");
    // (code, name, measure, year target, 此前累计, 本期, 累计)
    let want = [
        ("LIN", "结对企业", "家", "120", "28", "", "28"),
        ("QTR", "对接活动", "场次", "", "0", "", "0"),
        ("AMT", "帮扶资金", "万元", "100.5", "12.5", "", "12.5"),
        ("PAIR", "结对村企", "对", "", "1", "1", "2"),
    ];
    for (i, w) in want.iter().enumerate() {
        let r = 4 + i as u32;
        let got = (
            text(&t, r, 1),
            text(&t, r, 2),
            text(&t, r, 3),
            text(&t, r, 4),
            text(&t, r, 5),
            text(&t, r, 6),
            text(&t, r, 7),
        );
        let want_s = (
            w.0.to_string(),
            w.1.to_string(),
            w.2.to_string(),
            w.3.to_string(),
            w.4.to_string(),
            w.5.to_string(),
            w.6.to_string(),
        );
        assert_eq!(got, want_s, "row {} (Excel row {})", i + 1, r + 1);
        assert_eq!(text(&t, r, 0), (i + 1).to_string(), "序号");
    }
    assert_eq!(
        text(&t, 7, 8),
        "由「结对共建台账」自动统计，无需填写",
        "the derived row says so"
    );
    let formulas = book.worksheet_formula("统计表").unwrap();
    assert_eq!(
        formulas.get_value((4, 7)).map(String::as_str),
        Some("F5+G5"),
        "累计 = 此前累计 + 本期"
    );
    let sign = t
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect::<String>())
        .find(|r| r.contains("填报人"));
    assert!(
        sign.as_deref()
            .is_some_and(|r| r.contains("审核人") && r.contains("联系电话")),
        "the signature line: {sign:?}"
    );

    let meta = book.worksheet_range("_taizhang").unwrap();
    let pairs: Vec<(String, String)> = (0..6)
        .map(|r| (text(&meta, r, 0), text(&meta, r, 1)))
        .collect();
    let round = f.ledger.round(q3()).unwrap();
    let unit_id = f.ledger.unit("A").unwrap().id;
    let digest: String = Sha256::digest(format!("taizhang-return/1|2024Q3|{unit_id}|{}", round.id))
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let want_meta = [
        ("format", "taizhang-return/1"),
        ("quarter", "2024Q3"),
        ("unit_id", unit_id.as_str()),
        ("unit", "甲区"),
        ("round_id", round.id.as_str()),
        ("checksum", digest.as_str()),
    ];
    let want_meta: Vec<(String, String)> = want_meta
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(pairs, want_meta, "the hidden sheet's keys and values");
    let events: Vec<String> = f
        .ledger
        .round_events(q3())
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(events, ["open", "send"], "the send is in the history");
}

#[test]
fn input_cells_are_unlocked_and_validated_the_rest_protected_and_behind_rows_highlighted() {
    let mut f = ledger_with_figures();
    let path = sent(&mut f);
    let sheet = zip_part(&path, "xl/worksheets/sheet1.xml");
    let protection = sheet
        .split("<sheetProtection")
        .nth(1)
        .map(|s| &s[..s.find("/>").unwrap()]);
    assert!(
        protection.is_some_and(|p| !p.contains("password")),
        "the sheet is protected, without a password: {protection:?}"
    );
    // (cell, unlocked?) — LIN row 5, QTR 6, AMT 7, PAIR (derived) 8
    let cases = [
        ("G5", true),
        ("I5", true),
        ("J5", true),
        ("K5", true),
        ("A5", false),
        ("C5", false),
        ("E5", false),
        ("F5", false),
        ("H5", false),
        ("G8", false),
        ("I8", false),
        ("J8", true),
    ];
    for (cell, unlocked) in cases {
        let xf = cell_xf(&path, cell);
        assert_eq!(xf.contains("locked=\"0\""), unlocked, "{cell}: {xf}");
    }
    // (cell, highlighted?) — LIN and AMT are behind pace at the quarter's end, QTR has no target
    for (cell, behind) in [("J5", true), ("K5", true), ("J6", false), ("K7", true)] {
        let fill = fill_of(&path, &cell_xf(&path, cell));
        assert_eq!(fill.contains("FFE699"), behind, "{cell}: {fill}");
    }
    let validations: Vec<&str> = sheet
        .split("<dataValidation ")
        .skip(1)
        .map(|v| &v[..v.find('>').unwrap()])
        .collect();
    let of = |cell: &str| {
        validations
            .iter()
            .find(|v| v.contains(&format!("sqref=\"{cell}\"")))
            .copied()
            .unwrap_or_else(|| panic!("no validation on {cell}: {validations:?}"))
    };
    assert!(
        of("G5").contains("type=\"whole\"") && of("G5").contains("greaterThanOrEqual"),
        "LIN: whole ≥ 0: {}",
        of("G5")
    );
    assert!(
        of("G7").contains("type=\"decimal\""),
        "AMT (2 decimals): {}",
        of("G7")
    );
    assert!(
        !validations.iter().any(|v| v.contains("sqref=\"G8\"")),
        "the derived row is not an input"
    );
    assert!(sheet.contains("<formula1>0</formula1>"), "the bound is 0");
}

#[test]
fn a_table_filled_by_a_script_keeps_the_layout_a_return_is_read_by() {
    let mut f = ledger_with_figures();
    let path = sent(&mut f);
    let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let table = book.worksheet_range("统计表").unwrap();
    let meta = book.worksheet_range("_taizhang").unwrap();
    // The clerk's 本期 by code, written as WPS or a script would save the same layout.
    let this = [("LIN", 7.0), ("QTR", 2.0), ("AMT", 3.25)];
    let filled = f.dir.path().join("甲区_2024年第三季度_统计表（已填）.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("统计表").unwrap();
    for (r, row) in table.rows().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Data::Float(v) => ws.write_number(r, c, *v).map(|_| ()),
                Data::Int(v) => ws.write_number(r, c, *v as f64).map(|_| ()),
                Data::Empty => Ok(()),
                other => ws.write_string(r, c, other.to_string()).map(|_| ()),
            }
            .unwrap();
        }
        if let Some((_, v)) = this
            .iter()
            .find(|(code, _)| row.get(1).map(|c| c.to_string()) == Some(code.to_string()))
        {
            ws.write_number(r as u32, 6, *v).unwrap();
            ws.write_string(r as u32, 9, "汛期影响").unwrap();
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
    wb.save(&filled).unwrap();

    let mut back: Xlsx<_> = calamine::open_workbook(&filled).unwrap();
    let t = back.worksheet_range("统计表").unwrap();
    let headings: Vec<String> = (0..11).map(|c| text(&t, 3, c)).collect();
    assert_eq!(headings, HEADINGS, "the heading row stays where it was");
    let got: Vec<(String, String, String)> = (4..8)
        .map(|r| (text(&t, r, 1), text(&t, r, 5), text(&t, r, 6)))
        .collect();
    assert_eq!(
        got,
        [
            ("LIN".to_string(), "28".to_string(), "7".to_string()),
            ("QTR".into(), "0".into(), "2".into()),
            ("AMT".into(), "12.5".into(), "3.25".into()),
            ("PAIR".into(), "1".into(), "1".into()),
        ],
        "code, 此前累计 and 本期 by row"
    );
    let m = back.worksheet_range("_taizhang").unwrap();
    let checksum = text(&m, 5, 1);
    let recomputed =
        taizhang_core::round::send::checksum(&text(&m, 1, 1), &text(&m, 2, 1), &text(&m, 4, 1));
    assert_eq!(
        checksum, recomputed,
        "the hidden sheet still identifies round and unit"
    );
}
