//! Money in whole units: investment (万元, up to four decimals) is stored as whole 元 and
//! summed as integers, so 0.1 + 0.2 万元 is exactly 0.3; a ledger written before the
//! change is converted by the migration.

use crate::common::*;

fn project(pairing: &str, name: &str, investment: Option<f64>) -> NewProject {
    NewProject {
        pairing: pairing.into(),
        name: name.into(),
        kind: Default::default(),
        agreed_on: d("2024-03-01"),
        investment,
        status: Default::default(),
        beneficiaries: None,
    }
}

#[test]
fn sums_of_investment_are_exact() {
    let mut f = fixture();
    let actor = f.actor.clone();
    let p = pair(
        &mut f,
        new_ent("甲公司", None),
        new_vil("东村", "ls"),
        "2024-01-01",
    )
    .unwrap();
    f.ledger
        .write(&actor, |w| {
            w.add_project(project(&p.id, "一", Some(0.1)))?;
            w.add_project(project(&p.id, "二", Some(0.2)))?;
            w.add_project(project(&p.id, "未填", None))
        })
        .unwrap();
    assert_eq!(0.1_f64 + 0.2, 0.30000000000000004, "what floats would give");
    let pairing = f.ledger.pairing(&p.id).unwrap();
    assert_eq!(pairing.investment, 0.3, "the pairing's sum");
    assert_eq!(
        completed(&f, "INV", None, "2024-06-30"),
        0.3,
        "the derived sum"
    );
    // Four decimals: 0.0001 万元 is 1 元, kept exactly; a fifth is refused.
    let x = f
        .ledger
        .write(&actor, |w| {
            w.add_project(project(&p.id, "一元", Some(0.0001)))
        })
        .unwrap();
    assert_eq!(x.investment, Some(0.0001), "read back");
    let fifth = f.ledger.write(&actor, |w| {
        w.add_project(project(&p.id, "五位", Some(0.00015)))
    });
    assert_eq!(fifth.err().map(|e| e.code()), Some("too_many_decimals"));
    let path = f._dir.path().join("registers.db");
    let conn = rusqlite::Connection::open(path).unwrap();
    let stored: Vec<Option<i64>> = conn
        .prepare("SELECT investment_yuan FROM coop_project ORDER BY investment_yuan")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        stored,
        [None, Some(1), Some(1000), Some(2000)],
        "whole 元 in the file"
    );
    let kind: String = conn
        .query_row(
            "SELECT type FROM pragma_table_info('coop_project') WHERE name = 'investment_yuan'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kind, "INTEGER", "the column's type");
}

/// The migrations before money in whole units, as released.
const BEFORE: [&str; 4] = [
    include_str!("../../../../migrations/0001_core_ledger.sql"),
    include_str!("../../../../migrations/0002_registers.sql"),
    include_str!("../../../../migrations/0003_lag_notes.sql"),
    include_str!("../../../../migrations/0004_register_pages.sql"),
];

#[test]
fn the_migration_converts_existing_amounts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for sql in BEFORE {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 4).unwrap();
        conn.execute_batch(
            "INSERT INTO unit VALUES ('u', 'u', '兰山区', '', 'county', NULL, 0, 0, 't', 't', 't', 't');
             INSERT INTO enterprise VALUES ('e', '甲', '甲', NULL, 'private', 'u', '', 0, 't', 't', 't', 't');
             INSERT INTO village VALUES ('v', '东村', '镇', 'u', 0, 't', 't', 't', 't');
             INSERT INTO pairing VALUES ('p', 'e', 'v', '2024-01-01', 'u', 'active', '', 0, 't', 't', 't', 't');
             INSERT INTO coop_project VALUES
               ('x1', 'p', '一', 'industry', '2024-02-01', 0.1, 'agreed', NULL, 0, 't', 't', 't', 't'),
               ('x2', 'p', '二', 'industry', '2024-02-01', 0.2, 'agreed', NULL, 0, 't', 't', 't', 't'),
               ('x3', 'p', '三', 'industry', '2024-02-01', 1234.5678, 'agreed', 12, 0, 't', 't', 't', 't'),
               ('x4', 'p', '四', 'industry', '2024-02-01', NULL, 'agreed', NULL, 0, 't', 't', 't', 't');",
        )
        .unwrap();
    }
    let ledger = Ledger::open(&path).expect("open and migrate");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let stored: Vec<(String, Option<i64>)> = conn
        .prepare("SELECT id, investment_yuan FROM coop_project ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let want = [
        ("x1", Some(1000)),
        ("x2", Some(2000)),
        ("x3", Some(12_345_678)),
        ("x4", None),
    ];
    let want: Vec<(String, Option<i64>)> = want.iter().map(|(i, v)| (i.to_string(), *v)).collect();
    assert_eq!(stored, want, "converted with ROUND(x * 10000)");
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('coop_project')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        !columns.contains(&"investment".to_string()),
        "the REAL column is gone: {columns:?}"
    );
    let indexes: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'coop_project' AND sql IS NOT NULL ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        indexes,
        [
            "coop_project_by_agreed",
            "coop_project_by_pairing_page",
            "coop_project_page"
        ],
        "the indexes of 0002 and 0004 are kept"
    );
    let broken: i64 = conn
        .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0, "foreign keys hold");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    assert_eq!(
        ledger.pairing("p").unwrap().investment,
        1234.8678,
        "shown in 万元"
    );
    assert_eq!(ledger.project("x3").unwrap().investment, Some(1234.5678));
}
