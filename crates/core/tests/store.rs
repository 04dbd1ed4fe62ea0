//! The SQLite file: created and migrated from empty, reopened with its data, configured on
//! every connection, and refused when a newer Taizhang wrote it.

mod fixture;

use fixture::{d, empty, with_tree};
use taizhang_core::{store, EntryFilter, Ledger};

#[test]
fn a_new_file_is_migrated_to_the_current_schema_with_the_default_actions() {
    let f = empty();
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(
        version,
        store::schema_version(),
        "user_version {version}, want {}",
        store::schema_version()
    );
    for table in fixture::TABLES {
        let exists: bool = conn
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            exists,
            "table {table} should exist after migrating an empty file"
        );
    }
    let codes: Vec<String> = f
        .ledger
        .actions(false)
        .unwrap()
        .into_iter()
        .map(|a| a.code)
        .collect();
    let want = [
        "advice",
        "innovation",
        "enterprise",
        "investment",
        "prosperity",
    ];
    assert_eq!(codes, want, "default actions: got {codes:?}, want {want:?}");
}

#[test]
fn reopening_keeps_the_data_and_adds_no_second_set_of_defaults() {
    let mut f = with_tree();
    f.target("LIN", "A", "2024-01-01", "2024-12-31", 100.0);
    f.entry("LIN", "A", "2024-03-01", 7.0);
    let before = f.counts();
    let path = f.path.clone();
    drop(f.ledger);
    for round in 1..=2 {
        let ledger = Ledger::open(&path).unwrap();
        let after = fixture::counts(&path);
        assert_eq!(
            after, before,
            "row counts after reopening (round {round}): got {after:?}, want {before:?}"
        );
        let entries = ledger.entries(&EntryFilter::default()).unwrap();
        assert_eq!(
            entries.len(),
            1,
            "one entry after reopening, got {}",
            entries.len()
        );
        assert_eq!(
            (entries[0].occurred_on, entries[0].value),
            (d("2024-03-01"), 7.0),
            "the entry kept its date and value"
        );
        assert_eq!(
            ledger.actions(false).unwrap().len(),
            5,
            "still five actions (round {round})"
        );
    }
}

#[test]
fn every_connection_gets_wal_foreign_keys_normal_sync_and_a_busy_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pragmas.db");
    // Two connections open at once: both must be configured, not only the first.
    let first = store::open(&path).unwrap();
    let second = store::open(&path).unwrap();
    for (name, conn) in [("first", &first), ("second", &second)] {
        let journal: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        let fk: i64 = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        let sync: i64 = conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        let busy: i64 = conn
            .pragma_query_value(None, "busy_timeout", |r| r.get(0))
            .unwrap();
        assert_eq!(journal, "wal", "{name} connection: journal_mode {journal}");
        assert_eq!(fk, 1, "{name} connection: foreign_keys {fk}");
        assert_eq!(
            sync, 1,
            "{name} connection: synchronous {sync}, want 1 (NORMAL)"
        );
        assert!(
            busy >= 1000,
            "{name} connection: busy_timeout {busy} ms, want at least a second"
        );
    }
    // Foreign keys are enforced, not only switched on.
    let orphan = first.execute(
        "INSERT INTO progress_entry (id, indicator_id, unit_id, occurred_on, value, created_at, created_by, updated_at, updated_by)
         VALUES ('x', 'no-such-indicator', 'no-such-unit', '2024-01-01', 1, '', '', '', '')",
        [],
    );
    assert!(
        orphan.is_err(),
        "an entry pointing at no indicator must be refused, got {orphan:?}"
    );
}

#[test]
fn a_database_from_a_newer_taizhang_is_refused_and_its_schema_left_as_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    let newer = store::schema_version() + 1;
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE from_the_future (x TEXT);")
            .unwrap();
        conn.pragma_update(None, "user_version", newer).unwrap();
    }
    for attempt in ["store::open", "Ledger::open"] {
        let err = match attempt {
            "store::open" => store::open(&path).err(),
            _ => Ledger::open(&path).err(),
        };
        let code = err.as_ref().map(|e| e.code());
        assert_eq!(code, Some("database_newer"), "{attempt}: got {err:?}");
        let message = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.contains("升级"),
            "{attempt}: the message should tell the user to upgrade, got {message:?}"
        );
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let tables: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        (version, tables),
        (newer, 1),
        "user_version and table count after refusing: got {version} and {tables}"
    );
}

#[test]
fn a_missing_directory_is_created_and_a_file_that_is_not_a_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b/c/ledger.db");
    let opened = Ledger::open(&nested);
    assert!(
        opened.is_ok(),
        "opening in a missing directory should create it, got {:?}",
        opened.err()
    );
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "这不是数据库，只是一段文字。".repeat(100)).unwrap();
    let code = Ledger::open(&text).err().map(|e| e.code());
    assert_eq!(
        code,
        Some("not_a_ledger"),
        "opening a text file: got {code:?}"
    );
    let still = std::fs::read_to_string(&text).unwrap();
    assert!(
        still.starts_with("这不是数据库"),
        "the text file must not be changed"
    );
}
