//! A ledger keeps derived indicators' register rows across its views (a 季度汇总 asks for
//! them a dozen times); what it shows must still follow every change to the file, whether
//! made through it or through another connection (the window reads on its own connection
//! while the writer writes).

use crate::common::*;

/// The city's count of enterprises paired as of mid-year, as `ledger` computes it.
fn enterprises(ledger: &Ledger) -> f64 {
    enterprises_as_of(ledger, "2024-06-30")
}

fn enterprises_as_of(ledger: &Ledger, as_of: &str) -> f64 {
    let q = ProgressQuery {
        as_of: d(as_of),
        unit: None,
        include_subunits: true,
        action: None,
        indicator: Some("ENT".into()),
    };
    ledger.progress(&q).unwrap()[0].completed
}

#[test]
fn a_readers_derived_figures_follow_the_writers_commits() {
    let mut f = fixture();
    pair(
        &mut f,
        new_ent("甲公司", None),
        new_vil("一村", "ls"),
        "2024-02-01",
    )
    .unwrap();
    let path = f._dir.path().join("registers.db");
    let reader = Ledger::open_read_only(&path).unwrap();
    assert_eq!(enterprises(&reader), 1.0);
    assert_eq!(enterprises(&reader), 1.0, "asked again, from what it kept");

    pair(
        &mut f,
        new_ent("乙公司", None),
        new_vil("二村", "yn"),
        "2024-03-01",
    )
    .unwrap();
    assert_eq!(
        enterprises(&reader),
        2.0,
        "another connection's commit is seen"
    );
    assert_eq!(
        enterprises(&f.ledger),
        2.0,
        "and the writer's own view follows its write"
    );

    // A window that ends before the second pairing, from the same kept rows.
    assert_eq!(enterprises_as_of(&reader, "2024-02-15"), 1.0);
}

#[test]
fn a_write_that_fails_leaves_the_figures_as_they_were() {
    let mut f = fixture();
    pair(
        &mut f,
        new_ent("甲公司", None),
        new_vil("一村", "ls"),
        "2024-02-01",
    )
    .unwrap();
    assert_eq!(enterprises(&f.ledger), 1.0);
    // The same pair again is refused, and rolled back.
    let again = pair(
        &mut f,
        new_ent("甲公司", None),
        new_vil("一村", "ls"),
        "2024-04-01",
    );
    assert!(again.is_err(), "a duplicate pairing is refused");
    assert_eq!(enterprises(&f.ledger), 1.0);
    pair(
        &mut f,
        new_ent("丙公司", None),
        new_vil("三村", "ls"),
        "2024-04-01",
    )
    .unwrap();
    assert_eq!(enterprises(&f.ledger), 2.0);
}
