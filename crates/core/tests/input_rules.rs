//! Input that means what it says (issue 12): control characters and over-long texts are
//! refused in every text field of every write, values above an indicator's plausibility
//! ceiling or below its last decimal place are refused, and an overlapping target is
//! refused unless it replaces the other. Each refusal names its field and writes nothing.

mod fixture;

use fixture::{actor, d, period, with_tree, Fixture};
use taizhang_core::export::NewLagNote;
use taizhang_core::ledger::IndicatorChange;
use taizhang_core::register::activity::{FieldDef, FieldKind, NewRegisterRow, NewRegisterType};
use taizhang_core::register::enterprise::NewEnterprise;
use taizhang_core::register::pairing::{
    EnterpriseRef, NewPairing, PairingChange, PairingStatus, VillageRef,
};
use taizhang_core::register::project::NewProject;
use taizhang_core::register::village::NewVillage;
use taizhang_core::{
    EntryChange, LedgerError, NewAction, NewEntry, NewIndicator, NewTarget, NewUnit, Pacing,
    ProgressQuery, Quarter, UnitKind, Writer,
};

/// Rows in every table of the file, read through a second connection.
fn all_counts(f: &Fixture) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(&f.path).expect("second connection");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|t| {
            let n = conn
                .query_row(&format!("SELECT COUNT(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap();
            (t, n)
        })
        .collect()
}

/// A write with `text` typed into one field; `pairing` is the fixture's pairing id.
type TextWrite = fn(&mut Writer<'_>, String, &str) -> Result<(), LedgerError>;

/// Runs each write with `text`, which must fail with `code` naming its field, and leave
/// every table of the file as it was.
fn refused_all(f: &mut Fixture, pairing: &str, text: &str, code: &str) {
    for (case, field, write) in text_writes() {
        let before = all_counts(f);
        let err = f
            .ledger
            .write(&actor(), |w| write(w, text.to_string(), pairing))
            .err()
            .unwrap_or_else(|| panic!("{case}: expected {code}, but the write succeeded"));
        assert_eq!(err.code(), code, "{case}: got {} ({err})", err.code());
        assert_eq!(err.field(), Some(field), "{case}: field of {err}");
        assert_eq!(all_counts(f), before, "{case}: nothing written");
    }
}

/// A ledger with a village, a pairing (signed 2024-02-01) and a register type with a text
/// field, so that every text field has a record to write beside.
fn with_registers() -> (Fixture, String) {
    let mut f = with_tree();
    let pairing = f
        .ledger
        .write(&actor(), |w| {
            w.add_register_type(NewRegisterType {
                code: "visit".into(),
                action: "prosperity".into(),
                name: "走访".into(),
                name_en: String::new(),
                fields: vec![FieldDef {
                    key: "summary".into(),
                    label: "走访情况".into(),
                    label_en: String::new(),
                    kind: FieldKind::Text,
                    options: vec![],
                    required: false,
                }],
                statuses: vec![],
            })?;
            w.add_pairing(NewPairing {
                enterprise: EnterpriseRef::New(NewEnterprise {
                    name: "临沂示范食品有限公司".into(),
                    county: Some("A".into()),
                    ..Default::default()
                }),
                village: VillageRef::New(village("东村", "东镇")),
                signed_on: d("2024-02-01"),
                unit: None,
                status: PairingStatus::Active,
                note: String::new(),
            })
        })
        .expect("registers");
    (f, pairing.id)
}

fn note_entry(note: String) -> NewEntry {
    NewEntry {
        note,
        ..entry(1.0, "LIN")
    }
}

fn village(name: &str, township: &str) -> NewVillage {
    NewVillage {
        name: name.into(),
        township: township.into(),
        county: "B".into(),
    }
}

fn enterprise(name: &str, contact: &str) -> NewEnterprise {
    NewEnterprise {
        name: name.into(),
        contact: contact.into(),
        ..Default::default()
    }
}

fn new_pairing(note: String) -> NewPairing {
    NewPairing {
        enterprise: EnterpriseRef::New(enterprise("另一家企业", "")),
        village: VillageRef::New(village("西村", "西镇")),
        signed_on: d("2024-03-01"),
        unit: None,
        status: PairingStatus::Active,
        note,
    }
}

fn project(pairing: &str, name: String) -> NewProject {
    NewProject {
        pairing: pairing.into(),
        name,
        kind: Default::default(),
        agreed_on: d("2024-03-01"),
        investment: None,
        status: Default::default(),
        beneficiaries: None,
    }
}

fn activity(title: String, summary: Option<String>) -> NewRegisterRow {
    NewRegisterRow {
        register: "visit".into(),
        occurred_on: d("2024-03-01"),
        unit: "A".into(),
        title,
        status: None,
        data: summary
            .map(|s| [("summary".to_string(), serde_json::Value::String(s))].into())
            .unwrap_or_default(),
    }
}

fn lag(reason: String, measures: String) -> NewLagNote {
    NewLagNote {
        indicator: "LIN".into(),
        unit: None,
        quarter: Quarter::parse("2024Q2").expect("a quarter"),
        reason,
        measures,
    }
}

fn new_action(name: String, description: String) -> NewAction {
    NewAction {
        code: "x".into(),
        name,
        name_en: String::new(),
        description,
    }
}

/// Every text field of every write: (case, field named in the error, the write).
fn text_writes() -> Vec<(&'static str, &'static str, TextWrite)> {
    vec![
        ("entry note", "note", |w, s, _| {
            w.record_entry(note_entry(s)).map(|_| ())
        }),
        ("changed entry note", "note", |w, s, _| {
            let e = w.record_entry(note_entry(String::new()))?;
            let change = EntryChange {
                note: Some(s),
                ..Default::default()
            };
            w.update_entry(&e.id, change).map(|_| ())
        }),
        ("action name", "name", |w, s, _| {
            w.add_action(new_action(s, String::new())).map(|_| ())
        }),
        ("action description", "description", |w, s, _| {
            w.add_action(new_action("新行动".into(), s)).map(|_| ())
        }),
        ("indicator name", "name", |w, s, _| {
            w.add_indicator(NewIndicator {
                action: "prosperity".into(),
                code: "NEW".into(),
                name: s,
                name_en: String::new(),
                measure: "个".into(),
                headline: false,
                decimals: 0,
                pacing: Pacing::Linear,
            })
            .map(|_| ())
        }),
        ("indicator English name", "name_en", |w, s, _| {
            let change = IndicatorChange {
                name_en: Some(s),
                ..Default::default()
            };
            w.change_indicator("LIN", change).map(|_| ())
        }),
        ("unit name", "name", |w, s, _| {
            w.add_unit(NewUnit {
                code: "NEW".into(),
                name: s,
                name_en: String::new(),
                kind: UnitKind::County,
                parent: Some("CITY".into()),
            })
            .map(|_| ())
        }),
        ("enterprise name", "enterprise", |w, s, _| {
            w.add_enterprise(enterprise(&s, "")).map(|_| ())
        }),
        ("enterprise contact", "contact", |w, s, _| {
            w.add_enterprise(enterprise("某公司", &s)).map(|_| ())
        }),
        ("village name", "village", |w, s, _| {
            w.add_village(village(&s, "西镇")).map(|_| ())
        }),
        ("township", "township", |w, s, _| {
            w.add_village(village("西村", &s)).map(|_| ())
        }),
        ("pairing note", "note", |w, s, _| {
            w.add_pairing(new_pairing(s)).map(|_| ())
        }),
        ("changed pairing note", "note", |w, s, p| {
            let old = w.conn().query_row(
                "SELECT enterprise_id, village_id FROM pairing WHERE id = ?1",
                [p],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
            )?;
            let change = PairingChange {
                enterprise: EnterpriseRef::Existing { id: old.0 },
                village: VillageRef::Existing { id: old.1 },
                signed_on: d("2024-02-01"),
                unit: None,
                status: PairingStatus::Active,
                note: s,
            };
            w.update_pairing(p, change).map(|_| ())
        }),
        ("project name", "name", |w, s, p| {
            w.add_project(project(p, s)).map(|_| ())
        }),
        ("activity title", "title", |w, s, _| {
            w.add_register_row(activity(s, None)).map(|_| ())
        }),
        ("activity text field", "summary", |w, s, _| {
            w.add_register_row(activity("走访".into(), Some(s)))
                .map(|_| ())
        }),
        ("lag reason", "reason", |w, s, _| {
            w.set_lag_note(lag(s, String::new())).map(|_| ())
        }),
        ("lag measures", "measures", |w, s, _| {
            w.set_lag_note(lag("原因".into(), s)).map(|_| ())
        }),
    ]
}

#[test]
fn control_characters_are_refused_in_every_text_field() {
    let (mut f, pairing) = with_registers();
    for text in ["红色\u{1b}[31m警告", "空\0字符", "响铃\u{7}", "c1\u{9b}2J"] {
        refused_all(&mut f, &pairing, text, "control_character");
    }
    let e = f
        .ledger
        .write(&actor(), |w| {
            w.record_entry(note_entry("ab\u{1b}[2J".into()))
        })
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "「备注」含有不可见的控制字符（第3个字符），请删除后再保存",
        "the message names the field and where"
    );
}

#[test]
fn texts_longer_than_their_kind_are_refused() {
    let (mut f, pairing) = with_registers();
    // Names stop at 100 (or their record's stricter limit), notes at 500, long texts at
    // 5,000 characters: one past the longest limit is refused everywhere.
    refused_all(&mut f, &pairing, &"很".repeat(5_001), "too_long");
    // (case, characters, refused)
    let limits = [
        ("pairing note", 500, false),
        ("entry note", 501, true),
        ("lag reason", 5_000, false),
        ("lag measures", 5_001, true),
        ("project name", 100, false),
        ("activity title", 101, true),
        ("activity text field", 500, false),
        ("activity text field", 501, true),
    ];
    for (case, n, refused) in limits {
        let (_, _, write) = text_writes()
            .into_iter()
            .find(|(c, ..)| *c == case)
            .expect("a case");
        let got = f
            .ledger
            .write(&actor(), |w| write(w, "很".repeat(n), &pairing));
        assert_eq!(
            got.as_ref().err().map(LedgerError::code),
            refused.then_some("too_long"),
            "{case} of {n} characters: {got:?}"
        );
    }
    let e = f
        .ledger
        .write(&actor(), |w| {
            w.add_pairing(new_pairing("x".repeat(50 * 1024 * 1024)))
        })
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "「备注」不能超过 500 个字符（现有 52428800 个）",
        "a 50 MB note is refused, naming the field and the limit"
    );
}

#[test]
fn notes_keep_their_line_breaks_and_tabs() {
    let mut f = with_tree();
    let e = f
        .ledger
        .write(&actor(), |w| {
            w.record_entry(note_entry("第一行\r\n第二行\t完".into()))
        })
        .expect("a note over two lines");
    assert_eq!(e.note, "第一行\n第二行\t完", "stored with \\n line ends");
}

fn entry(value: f64, indicator: &str) -> NewEntry {
    NewEntry {
        indicator: indicator.into(),
        unit: "A".into(),
        occurred_on: d("2024-03-01"),
        value,
        note: String::new(),
    }
}

fn target(value: f64, indicator: &str, start: &str, end: &str) -> NewTarget {
    NewTarget {
        indicator: indicator.into(),
        unit: "A".into(),
        period: period(start, end),
        value,
        milestones: Vec::new(),
        replace_overlapping: false,
    }
}

#[test]
fn values_above_the_ceiling_or_below_the_last_place_are_refused() {
    let mut f = with_tree();
    // (case, value, indicator, code): entries and targets alike.
    let cases: [(&str, f64, &str, &str); 5] = [
        ("1e15 on a count", 1e15, "LIN", "implausible_value"),
        (
            "just above the default ceiling",
            1e9 + 1.0,
            "LIN",
            "implausible_value",
        ),
        (
            "1e-300 on a whole-number indicator",
            1e-300,
            "LIN",
            "too_small",
        ),
        ("below a hundredth", 0.004, "AMT", "too_small"),
        ("denormal", 5e-324, "AMT", "too_small"),
    ];
    for (case, value, ind, code) in cases {
        let before = all_counts(&f);
        let e = f
            .ledger
            .write(&actor(), |w| w.record_entry(entry(value, ind)));
        assert_eq!(e.err().map(|e| e.code()), Some(code), "entry: {case}");
        let t = target(value, ind, "2024-01-01", "2024-12-31");
        let e = f.ledger.write(&actor(), |w| w.set_target(t));
        assert_eq!(e.err().map(|e| e.code()), Some(code), "target: {case}");
        assert_eq!(all_counts(&f), before, "{case}: nothing written");
    }
    let e = f
        .ledger
        .write(&actor(), |w| w.record_entry(entry(1e15, "LIN")))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "「数值」1e15 超出该指标的合理上限 1,000,000,000"
    );
    assert_eq!(e.field(), Some("value"));
    for (value, ind) in [(1e9, "LIN"), (0.01, "AMT"), (0.0, "LIN")] {
        f.ledger
            .write(&actor(), |w| w.record_entry(entry(value, ind)))
            .unwrap_or_else(|e| panic!("{value} on {ind} is accepted: {e}"));
    }
}

#[test]
fn an_indicator_sets_its_own_ceiling() {
    let mut f = with_tree();
    assert_eq!(f.ledger.indicator("QTR").unwrap().max_value, 1e9, "default");
    let lower = IndicatorChange {
        max_value: Some(500.0),
        ..Default::default()
    };
    let ind = f
        .ledger
        .write(&actor(), |w| w.change_indicator("QTR", lower))
        .expect("set a ceiling");
    assert_eq!(ind.max_value, 500.0, "returned");
    assert_eq!(
        f.ledger.indicator("QTR").unwrap().max_value,
        500.0,
        "read back"
    );
    assert_eq!(
        f.ledger.indicator("LIN").unwrap().max_value,
        1e9,
        "others keep theirs"
    );
    f.entry("QTR", "A", "2024-03-01", 500.0);
    let e = f
        .ledger
        .write(&actor(), |w| w.record_entry(entry(501.0, "QTR")))
        .unwrap_err();
    assert_eq!(e.to_string(), "「数值」501 超出该指标的合理上限 500");
    let e = f
        .ledger
        .write(&actor(), |w| {
            w.set_target(target(600.0, "QTR", "2024-01-01", "2024-12-31"))
        })
        .unwrap_err();
    assert_eq!(e.code(), "implausible_value", "targets too: {e}");
    // (ceiling, code): below a recorded value, not positive, not a number.
    for (ceiling, code) in [(499.0, "invalid"), (0.0, "invalid"), (f64::NAN, "invalid")] {
        let change = IndicatorChange {
            max_value: Some(ceiling),
            ..Default::default()
        };
        let e = f
            .ledger
            .write(&actor(), |w| w.change_indicator("QTR", change))
            .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            (code, Some("max_value")),
            "ceiling {ceiling}"
        );
    }
    assert_eq!(
        f.ledger.indicator("QTR").unwrap().max_value,
        500.0,
        "unchanged"
    );
}

fn targets_of(f: &Fixture, ind: &str) -> Vec<(String, String, f64)> {
    let mut out: Vec<(String, String, f64)> = f
        .ledger
        .targets(&taizhang_core::ledger::TargetFilter {
            indicator: Some(ind.into()),
            unit: Some("A".into()),
        })
        .unwrap()
        .into_iter()
        .map(|t| {
            (
                t.period.start.to_string(),
                t.period.end.to_string(),
                t.value,
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn an_overlapping_target_is_refused_unless_it_replaces_the_other() {
    let mut f = with_tree();
    f.target("LIN", "A", "2024-01-01", "2024-12-31", 100.0);
    // (case, period, refused): identical periods are updated, adjacent ones are apart.
    let cases = [
        (
            "second half into next year",
            ("2024-07-01", "2025-06-30"),
            true,
        ),
        ("inside", ("2024-04-01", "2024-06-30"), true),
        ("around", ("2023-01-01", "2025-12-31"), true),
        ("last day touches", ("2024-12-31", "2025-12-31"), true),
        ("next year", ("2025-01-01", "2025-12-31"), false),
        ("same period", ("2024-01-01", "2024-12-31"), false),
    ];
    for (case, (start, end), refused) in cases {
        let before = all_counts(&f);
        let got = f
            .ledger
            .write(&actor(), |w| w.set_target(target(120.0, "LIN", start, end)));
        if refused {
            let e = got.err().unwrap_or_else(|| panic!("{case}: refused"));
            assert_eq!(e.code(), "target_overlap", "{case}: {e}");
            assert!(
                e.to_string().contains("2024-01-01 至 2024-12-31"),
                "{case}: names the existing period: {e}"
            );
            assert_eq!(all_counts(&f), before, "{case}: nothing written");
        } else {
            got.unwrap_or_else(|e| panic!("{case}: accepted, got {e}"));
        }
    }
    assert_eq!(
        targets_of(&f, "LIN"),
        [
            ("2024-01-01".into(), "2024-12-31".into(), 120.0),
            ("2025-01-01".into(), "2025-12-31".into(), 120.0)
        ],
        "only the same period was updated"
    );
}

#[test]
fn a_replacing_target_ends_or_removes_the_ones_it_overlaps() {
    let mut f = with_tree();
    f.target("LIN", "A", "2024-01-01", "2024-12-31", 100.0);
    f.target("LIN", "A", "2025-01-01", "2025-03-31", 30.0);
    f.entry("LIN", "A", "2024-03-01", 10.0);
    let new = NewTarget {
        replace_overlapping: true,
        ..target(200.0, "LIN", "2024-07-01", "2025-06-30")
    };
    let set = f
        .ledger
        .write(&actor(), |w| w.set_target_reporting(new))
        .expect("replace");
    let said: Vec<(String, Option<String>)> = set
        .replaced
        .iter()
        .map(|r| {
            (
                r.period.start.to_string(),
                r.ended_on.map(|d| d.to_string()),
            )
        })
        .collect();
    assert_eq!(
        said,
        [
            ("2024-01-01".into(), Some("2024-06-30".into())),
            ("2025-01-01".into(), None)
        ],
        "the result says the 2024 target ends the day before, the 2025 Q1 one is removed"
    );
    assert_eq!(
        targets_of(&f, "LIN"),
        [
            ("2024-01-01".into(), "2024-06-30".into(), 100.0),
            ("2024-07-01".into(), "2025-06-30".into(), 200.0)
        ],
        "the ledger after the replacement"
    );
    // Progress measures against the target whose period holds the as-of date.
    let row = f
        .ledger
        .progress(&ProgressQuery {
            indicator: Some("LIN".into()),
            unit: Some("A".into()),
            include_subunits: false,
            ..ProgressQuery::city(d("2024-07-15"))
        })
        .unwrap()
        .remove(0);
    assert_eq!(row.target, Some(200.0), "measured against the new target");
}
