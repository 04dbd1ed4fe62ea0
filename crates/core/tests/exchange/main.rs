//! Three installations as three ledger files: the city (临沂市) and two counties (兰山区,
//! 沂南县) with ledgers of their own, exchanging signed packages (issue 11).

mod round_board;
mod support;
mod tampered;
mod unit_bound;

use support::*;
use taizhang_core::exchange::ExportTarget;
use tampered::flip_one_byte;

#[test]
fn city_and_two_counties_exchange_packages() {
    let mut w = World::new();
    // The city sets up, then bootstraps each county's ledger.
    let e0 = w.city_entry("LS", "2024-03-10", 5.0);
    let boot_ls = w.export_city("兰山区", "兰山区-初始.tzp");
    let boot_yn = w.export_city("沂南县", "沂南县-初始.tzp");
    let mut ls = w.county("兰山区", &boot_ls);
    let mut yn = w.county("沂南县", &boot_yn);
    assert_eq!(
        ls.completed("LIN", "兰山区"),
        5.0,
        "兰山区 got the city's entry"
    );
    assert_eq!(ls.count("indicator"), 2, "the catalogue came down");
    assert_eq!(
        ls.count("action"),
        w.city.count("action"),
        "the city's actions replace the defaults"
    );
    assert_eq!(
        ls.count("target"),
        1,
        "only 兰山区's target: got {}",
        ls.count("target")
    );
    assert_eq!(yn.count("progress_entry"), 0, "沂南县 gets no 兰山区 rows");

    // The city trusts each county's key after comparing the fingerprint.
    for c in [&mut ls, &mut yn] {
        let fp = c.ledger.exchange_key(&actor()).unwrap().fingerprint;
        w.city
            .ledger
            .exchange_trust(&actor(), &c.name, &fp)
            .unwrap();
    }

    // Counties work; 兰山区 edits the entry the city corrects meanwhile.
    ls.entry("LIN", "2024-04-01", 3.0);
    ls.entry("LIN", "2024-05-02", 4.0);
    ls.pairing("临沂兰山企业甲", "兰山村", "2024-04-03");
    ls.edit_entry(&e0, 7.0);
    let scanned = ls.entry("LIN", "2024-05-20", 0.0);
    ls.attach_png(&scanned);
    yn.entry("LIN", "2024-04-05", 10.0);
    yn.pairing("沂南企业乙", "沂南村", "2024-05-06");
    w.city.correct(&e0, 6.0);

    let up_ls = ls.export_up(&w.dir, "兰山区-1.tzp");
    let up_yn = yn.export_up(&w.dir, "沂南县-1.tzp");
    let report = w.city.import(&up_ls).unwrap();
    assert_eq!(
        report.conflicts.len(),
        1,
        "the entry both changed: {:?}",
        report.conflicts
    );
    let c = &report.conflicts[0];
    assert_eq!(
        (c.table.as_str(), c.row_id.as_str(), c.stands.as_str()),
        ("progress_entry", e0.as_str(), "theirs")
    );
    assert_eq!(
        c.ours.as_ref().unwrap()["value"],
        6.0,
        "the city's correction is kept in the conflict"
    );
    assert!(report.refused.is_empty(), "{:?}", report.refused);
    assert!(
        report.counts.keys().all(|t| t != "entry_rollup"),
        "the roll-up is derived, never carried: {:?}",
        report.counts
    );
    w.city.import(&up_yn).unwrap();
    // The receiver's triggers made its own roll-up from the entries the packages brought.
    for site in [&w.city, &ls, &yn] {
        let check = site.ledger.check_rollup().unwrap();
        assert!(check.ok() && check.rows > 0, "{}: {check:?}", site.name);
    }

    // The city's totals are the sum of the parts, and each part is the county's own figure.
    let (city_ls, city_yn) = (
        w.city.completed("LIN", "兰山区"),
        w.city.completed("LIN", "沂南县"),
    );
    assert_eq!(
        city_ls,
        ls.completed("LIN", "兰山区"),
        "兰山区 at the city and at home"
    );
    assert_eq!(
        city_yn,
        yn.completed("LIN", "沂南县"),
        "沂南县 at the city and at home"
    );
    assert_eq!((city_ls, city_yn), (14.0, 10.0), "兰山区 7+3+4, 沂南县 10");
    assert_eq!(
        w.city.completed("LIN", "临沂市"),
        city_ls + city_yn,
        "the city's total"
    );
    assert_eq!(
        w.city.count("pairing"),
        2,
        "both counties' pairings arrived"
    );
    let files = w.city.evidence_of(&scanned);
    assert_eq!(files.len(), 1, "the evidence row came up");
    assert!(
        files[0].intact,
        "and its file, intact, in the city's 佐证材料: {:?}",
        files[0]
    );

    // Down again: the correction row arrives; the county's own value stands (owner's).
    let down = w.export_city("兰山区", "兰山区-2.tzp");
    let r = ls.import(&down).unwrap();
    assert_eq!(
        ls.count("correction"),
        1,
        "the city's correction record came down"
    );
    assert_eq!(
        ls.completed("LIN", "兰山区"),
        14.0,
        "no echo changed the county's figures: {r:?}"
    );
    // Nothing changed since: the next packages carry nothing.
    let again = ls.export_up(&w.dir, "兰山区-2.tzp");
    let r = w.city.import(&again).unwrap();
    assert_eq!(r.changes, 0, "nothing echoed back up: {:?}", r.counts);

    // Refusals write nothing.
    let before = w.city.trail();
    let replay = w.city.import(&up_ls).unwrap_err();
    assert_eq!(replay.code(), "package_replay", "{replay}");
    yn.entry("LIN", "2024-06-01", 2.0);
    let next_yn = yn.export_up(&w.dir, "沂南县-2.tzp");
    let size = std::fs::metadata(&next_yn).unwrap().len() as usize;
    for at in [
        0,
        30,
        size / 4,
        size / 2,
        size * 3 / 4,
        size - 130,
        size - 1,
    ] {
        let flipped = flip_one_byte(&next_yn, at);
        let bad = w.city.import(&flipped).unwrap_err();
        assert!(
            matches!(bad.code(), "bad_signature" | "package_damaged"),
            "byte {at} of {size}: {bad}"
        );
    }
    assert_eq!(w.city.trail(), before, "refusals wrote nothing");
    w.city.import(&next_yn).unwrap();

    // A package skipped on the way: the next one waits for it; the sender kept a copy.
    yn.entry("LIN", "2024-06-02", 1.0);
    let third = yn.export_up(&w.dir, "沂南县-3.tzp");
    yn.entry("LIN", "2024-06-03", 1.0);
    let fourth = yn.export_up(&w.dir, "沂南县-4.tzp");
    let gap = w.city.import(&fourth).unwrap_err();
    assert_eq!(gap.code(), "package_gap", "{gap}");
    assert!(
        gap.to_string().contains("第3号包"),
        "names the missing one: {gap}"
    );
    let kept = yn
        .path
        .with_file_name("交换")
        .join("taizhang")
        .join("已发送");
    assert!(
        kept.join("市级台账（临沂市）-3.tzp").exists(),
        "a copy of each package sent"
    );
    w.city.import(&third).unwrap();
    w.city.import(&fourth).unwrap();
    assert_eq!(w.city.completed("LIN", "沂南县"), 14.0);

    // A third county that nobody trusted yet.
    w.city.add_county("HD", "河东区");
    let boot_hd = w.export_city("河东区", "河东区-初始.tzp");
    let mut hd = w.county("河东区", &boot_hd);
    hd.entry("LIN", "2024-04-09", 1.0);
    let up_hd = hd.export_up(&w.dir, "河东区-1.tzp");
    let before = w.city.trail();
    let untrusted = w.city.import(&up_hd).unwrap_err();
    assert_eq!(untrusted.code(), "untrusted_key", "{untrusted}");
    assert!(
        untrusted
            .to_string()
            .contains("exchange trust --unit 河东区"),
        "says what to do: {untrusted}"
    );
    assert_eq!(w.city.trail(), before, "an untrusted package wrote nothing");

    // A package meant for another installation.
    let for_yn = w.export_city("沂南县", "沂南县-2.tzp");
    let wrong = ls.import(&for_yn).unwrap_err();
    assert_eq!(wrong.code(), "package_not_for_us", "{wrong}");

    // A period the city locked meanwhile: the county's entry dated in it is listed, not applied.
    w.city.lock("2024Q1");
    ls.entry("LIN", "2024-02-10", 50.0);
    let late = ls.export_up(&w.dir, "兰山区-late.tzp");
    let r = w.city.import(&late).unwrap();
    assert_eq!(r.refused.len(), 1, "{:?}", r.refused);
    assert!(
        r.refused[0].detail.contains("已锁定"),
        "{}",
        r.refused[0].detail
    );
    assert_eq!(
        w.city.completed("LIN", "兰山区"),
        14.0,
        "nothing added to a locked period"
    );

    // The lock goes down: 兰山区's ledger refuses the locked quarter like the city does, and
    // the city's own round events (no unit) are never sent back up nor deleted.
    let events = w.city.count("round_event");
    let down = w.export_city("兰山区", "兰山区-3.tzp");
    ls.import(&down).unwrap();
    let locked = ls.try_entry("LIN", "2024-03-01", 1.0).unwrap_err();
    assert_eq!(locked.code(), "period_locked", "{locked}");
    let up = ls.export_up(&w.dir, "兰山区-4.tzp");
    let r = w.city.import(&up).unwrap();
    assert!(r.refused.is_empty() && r.conflicts.is_empty(), "{r:?}");
    assert_eq!(
        w.city.count("round_event"),
        events,
        "the round's events stay"
    );

    // A package of 兰山区's key touching 沂南县's rows: listed, the rest applied.
    let forged = ls.forge_up(
        &w.dir,
        &w.city.unit_id("沂南县"),
        &w.city.indicator_id("LIN"),
    );
    let r = w.city.import(&forged).unwrap();
    assert_eq!(
        r.refused.len(),
        1,
        "沂南县's row is listed: {:?}",
        r.refused
    );
    assert_eq!(r.refused[0].kind, "outside");
    assert_eq!(w.city.completed("LIN", "沂南县"), 14.0, "沂南县 unchanged");
    assert_eq!(
        w.city.completed("LIN", "兰山区"),
        15.0,
        "兰山区's own row applied"
    );
    assert_eq!(
        w.city.count("exchange_conflict"),
        3,
        "the conflict and the two listed rows are kept"
    );

    // A person takes the city's corrected value back over 兰山区's edit.
    let conflict: String = w
        .city
        .query("SELECT id FROM exchange_conflict WHERE kind = 'conflict'");
    w.city
        .ledger
        .exchange_resolve(&actor(), &conflict, "ours")
        .unwrap();
    assert_eq!(w.city.completed("LIN", "兰山区"), 14.0, "6 instead of 7");
    let listed = w.city.ledger.exchange_conflicts().unwrap();
    assert!(
        listed
            .iter()
            .any(|c| c.id == conflict && c.stands == "ours"),
        "{listed:?}"
    );

    // The trail records the applies with sender and sequence, and still verifies.
    let reason: String = w.city.query(
        "SELECT reason FROM audit WHERE tbl = 'progress_entry' AND reason LIKE '数据交换%' ORDER BY seq LIMIT 1",
    );
    assert!(
        reason.contains("兰山区") && reason.contains("第1号包"),
        "trail reason: {reason}"
    );
    let verdict = w.city.ledger.verify_audit().unwrap();
    assert!(verdict.ok, "the city's trail verifies: {}", verdict.message);
    let verdict = ls.ledger.verify_audit().unwrap();
    assert!(verdict.ok, "兰山区's trail verifies: {}", verdict.message);
    let _ = ExportTarget::ToCity;
}
