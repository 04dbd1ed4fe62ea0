//! 佐证材料 over IPC: attach a file by its path to an entry, list it (file checked),
//! a refused file's reason as `{code, message}` with nothing written, open refused once the
//! stored file changed, remove, and a unit's return without a return yet.

use serde_json::{json, Value};

use crate::desk::{assert_error, Desk};

const INDICATOR: &str = "建言献策骨干队伍";

fn entry_id(desk: &Desk) -> String {
    let e = desk.ok(
        "record_entry",
        json!({"entry": {"indicator": INDICATOR, "unit": "兰山区", "occurred_on": "2024-07-02", "value": 2, "note": ""}}),
    );
    e["id"].as_str().unwrap().to_string()
}

fn list(desk: &Desk, target: &Value) -> Vec<Value> {
    desk.ok("list_evidence", json!({ "target": target }))
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn attach_list_refuse_open_and_remove() {
    let desk = Desk::new();
    let target = json!({"kind": "entry", "id": entry_id(&desk)});
    let files = tempfile::tempdir().unwrap();
    let png = files.path().join("现场照片.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();

    let added = desk.ok(
        "attach_evidence",
        json!({"target": target, "path": png.display().to_string(), "note": "活动现场"}),
    );
    assert_eq!(added["media_type"], "image/png", "{added}");
    assert_eq!(added["intact"], true);
    let listed = list(&desk, &target);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["file_name"], "现场照片.png");
    assert_eq!(listed[0]["note"], "活动现场");

    let exe = files.path().join("照片.png");
    std::fs::write(&exe, b"MZ\x90\x00").unwrap();
    let e = desk.err(
        "attach_evidence",
        json!({"target": target, "path": exe.display().to_string(), "note": ""}),
    );
    assert_error(
        "bytes not a PNG",
        &e,
        "evidence_content",
        None,
        "文件内容不是PNG图片（扩展名为.png）",
    );
    assert_eq!(list(&desk, &target).len(), 1, "nothing written");

    // The stored file changed on disk: opening is refused before any viewer starts.
    let id = added["id"].as_str().unwrap();
    let sha = added["sha256"].as_str().unwrap();
    let stored = desk
        .db
        .parent()
        .unwrap()
        .join("佐证材料")
        .join(&sha[..2])
        .join(format!("{sha}.png"));
    std::fs::write(&stored, b"\x89PNG\r\n\x1a\nchanged").unwrap();
    let e = desk.err("open_evidence", json!({ "id": id }));
    assert_error(
        "altered",
        &e,
        "evidence_altered",
        None,
        "佐证材料文件已被改动或损坏",
    );
    assert_eq!(list(&desk, &target)[0]["intact"], false);

    let removed = desk.ok("remove_evidence", json!({ "id": id }));
    assert!(removed["removed_at"].is_string(), "{removed}");
    assert!(list(&desk, &target).is_empty());

    let e = desk.err(
        "return_evidence_target",
        json!({"unit": "兰山区", "quarter": "2024Q3"}),
    );
    assert_error("no return yet", &e, "not_found", None, "单位报表");
}
