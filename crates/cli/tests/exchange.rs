//! `taizhang exchange …` on real files: the city bootstraps a county's ledger, trusts its
//! key by the fingerprint `exchange key` prints last, and takes its package; refusals exit
//! 1 with a Chinese message and a code, and write nothing.

mod support;

use support::{json, run_raw, Workspace, TODAY};

fn at(db: &std::path::Path, args: &[&str]) -> support::Run {
    let mut full = vec!["--db", db.to_str().unwrap(), "--today", TODAY];
    full.extend_from_slice(args);
    run_raw(&full, &[])
}

#[test]
fn a_county_is_set_up_from_a_bootstrap_and_sends_its_entries_up() {
    let city = Workspace::with_small_ledger();
    let county_dir = tempfile::tempdir().unwrap();
    let county = county_dir.path().join("county.db");
    let boot = city.dir.path().join("甲区-初始.tzp");
    let boot_s = boot.to_str().unwrap();

    let out = city
        .run(&["exchange", "export", "--for", "甲区", "--out", boot_s])
        .ok("bootstrap export");
    assert!(out.stdout.contains("第1号初始包"), "{}", out.stdout);
    let again = city.run(&["exchange", "export", "--for", "甲区", "--out", boot_s]);
    assert_eq!(
        again.code, 1,
        "an existing file is kept without --force: {}",
        again.stderr
    );

    // A package that is not a bootstrap never creates a ledger file.
    let missing = county_dir.path().join("typo.db");
    let up_elsewhere = at(&missing, &["exchange", "import", "/nonexistent.tzp"]);
    assert_eq!(up_elsewhere.code, 1);
    assert!(
        !missing.exists(),
        "no ledger made for a file that is not a package"
    );

    let made = at(&county, &["exchange", "import", boot_s]).ok("bootstrap import");
    assert!(
        made.stdout.contains("本台账已成为单位台账"),
        "{}",
        made.stdout
    );
    let key = at(&county, &["exchange", "key"]).ok("key");
    let fingerprint = key.stdout.trim_end().lines().last().unwrap().to_string();
    assert_eq!(
        fingerprint.replace(' ', "").len(),
        64,
        "the last line is the fingerprint: {fingerprint}"
    );

    at(
        &county,
        &[
            "record",
            "--indicator",
            "CNT",
            "--unit",
            "甲区",
            "--date",
            "2024-06-01",
            "--value",
            "4",
        ],
    )
    .ok("record");
    let up = county_dir.path().join("甲区-1.tzp");
    let up_s = up.to_str().unwrap();
    at(&county, &["exchange", "export", "--to-city", "--out", up_s]).ok("export up");

    let untrusted = city.run(&["exchange", "import", up_s]);
    assert_eq!(untrusted.code, 1);
    assert!(
        untrusted.stderr.contains("[untrusted_key]"),
        "{}",
        untrusted.stderr
    );
    assert!(
        untrusted.stderr.contains("exchange trust --unit 甲区"),
        "{}",
        untrusted.stderr
    );

    let wrong = city.run(&[
        "exchange",
        "trust",
        "--unit",
        "甲区",
        "--fingerprint",
        "12AB",
    ]);
    assert!(
        wrong.stderr.contains("[bad_fingerprint]"),
        "{}",
        wrong.stderr
    );
    city.run(&[
        "exchange",
        "trust",
        "--unit",
        "甲区",
        "--fingerprint",
        &fingerprint,
    ])
    .ok("trust");

    let preview = city
        .run(&["exchange", "import", up_s, "--dry-run", "--format", "json"])
        .ok("dry run");
    assert_eq!(json(&preview.stdout)["dry_run"], true);
    let entries = |ws: &Workspace| {
        json(
            &ws.run(&["entries", "--format", "json"])
                .ok("entries")
                .stdout,
        )
    };
    assert_eq!(
        entries(&city).as_array().map(Vec::len),
        Some(0),
        "a dry run writes nothing"
    );

    city.run(&["exchange", "import", up_s]).ok("import up");
    let rows = entries(&city);
    assert_eq!(
        rows.as_array().map(Vec::len),
        Some(1),
        "the county's entry arrived: {rows}"
    );
    let replay = city.run(&["exchange", "import", up_s]);
    assert!(
        replay.stderr.contains("[package_replay]"),
        "{}",
        replay.stderr
    );

    let status = city
        .run(&["exchange", "status", "--format", "json"])
        .ok("status");
    let s = json(&status.stdout);
    assert_eq!(s["role"], "city");
    assert_eq!(s["peers"][0]["last_received"], 1, "{s}");
    assert_eq!(s["peers"][0]["trusted"], true, "{s}");
}
