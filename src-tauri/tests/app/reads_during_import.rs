//! The window's pages keep answering while an import of 100,000 rows is being written: reads
//! go to their own read-only connection (WAL), not behind the writer.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::desk::{invoke, Desk};

#[test]
fn pages_answer_while_a_100000_row_import_runs() {
    const ROWS: usize = 100_000;
    let desk = Desk::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("完成情况.csv");
    let mut text = String::from("\u{feff}指标,责任单位,日期,数值,备注\r\n");
    for i in 0..ROWS {
        let day = 1 + i % 28;
        text.push_str(&format!(
            "建言献策骨干队伍,兰山区,2024-05-{day:02},1,第{i}行\r\n"
        ));
    }
    std::fs::write(&path, text).expect("write CSV");
    let before = desk.entry_count();

    let (answered, slowest, report) = std::thread::scope(|s| {
        let window = desk.window();
        let import = s.spawn(move || {
            invoke(
                &window,
                "import_commit",
                json!({"kind": {"kind": "entries"}, "path": path.display().to_string(),
                       "mapping": null, "onProgress": "__CHANNEL__:7"}),
            )
        });
        // Read as the pages do, for as long as the import runs.
        let (mut answered, mut slowest) = (0u32, Duration::ZERO);
        while !import.is_finished() {
            let t = Instant::now();
            for (cmd, args) in [
                ("progress", json!({"query": {"as_of": "2024-06-30"}})),
                ("list_entries", json!({"filter": {"limit": 50}})),
            ] {
                let got = desk.call(cmd, args);
                assert!(got.is_ok(), "{cmd} during the import: {got:?}");
            }
            if !import.is_finished() {
                answered += 1;
                slowest = slowest.max(t.elapsed());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        (answered, slowest, import.join().expect("import thread"))
    });
    let report = report.unwrap_or_else(|e| panic!("import_commit failed: {e}"));
    assert_eq!(report["written"].as_u64(), Some(ROWS as u64), "{report}");
    assert_eq!(
        desk.entry_count(),
        before + ROWS as u64,
        "every row written"
    );
    assert!(
        answered >= 3,
        "the pages answered {answered} times while the import ran (slowest {slowest:?}): they \
         must not wait for it"
    );
    println!("reads answered during the import: {answered}, slowest {slowest:?}");
}
