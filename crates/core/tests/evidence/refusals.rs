//! Every file that cannot be evidence is refused with the reason, before anything is
//! written: no row, no trail record, no file in 佐证材料.

use std::path::Path;

use taizhang_core::evidence::AttachedTo;
use taizhang_core::round::{NewRound, RoundPeriod};

use super::fixture::{actor, d, with_tree, Fixture};
use super::{files, rows, stored_files, target};

fn entry_fixture() -> (Fixture, String) {
    let mut f = with_tree();
    f.entry("LIN", "A", "2024-05-10", 3.0);
    let id = rusqlite::Connection::open(&f.path)
        .unwrap()
        .query_row("SELECT id FROM progress_entry", [], |r| r.get(0))
        .unwrap();
    (f, id)
}

/// Attaches `file` to the entry, expecting the refusal `code`; checks nothing was written.
fn refused(f: &mut Fixture, entry: &str, file: &Path, code: &str) -> String {
    let before = rows(&f.path);
    let err = f
        .ledger
        .attach_evidence(&actor(), &target(AttachedTo::Entry, entry), file, "")
        .expect_err("refused");
    assert_eq!(err.code(), code, "{}: {err}", file.display());
    assert_eq!(rows(&f.path), before, "no row, no trail record");
    assert!(stored_files(&f.path).is_empty(), "no file kept");
    err.to_string()
}

#[test]
fn too_big_wrong_type_lying_bytes_and_folders_write_nothing() {
    let (mut f, entry) = entry_fixture();
    let src = tempfile::tempdir().unwrap();

    // 21 MB, sparse: the size is refused from the metadata, nothing read.
    let big = src.path().join("扫描件.pdf");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(21 * 1024 * 1024)
        .unwrap();
    let m = refused(&mut f, &entry, &big, "evidence_too_large");
    assert_eq!(m, "文件超过20MB（21.0MB），佐证材料每个不超过20MB");
    // 20 MB exactly is the limit, not over it: refused only for its (zero) content.
    let edge = src.path().join("边界.pdf");
    std::fs::File::create(&edge)
        .unwrap()
        .set_len(20 * 1024 * 1024)
        .unwrap();
    refused(&mut f, &entry, &edge, "evidence_content");

    let exe = files::write(src.path(), "setup.exe", files::exe_bytes());
    let m = refused(&mut f, &entry, &exe, "evidence_type");
    assert_eq!(
        m,
        "不支持的文件类型 .exe：佐证材料只能是 PDF、JPG、PNG、Word(.docx)、Excel(.xlsx)"
    );
    let none = files::write(src.path(), "README", b"%PDF-1.4");
    refused(&mut f, &entry, &none, "evidence_type");

    // A program renamed .pdf; a PNG named .jpg; a workbook renamed .docx; a plain zip.
    let fake = files::write(src.path(), "通知.pdf", files::exe_bytes());
    assert_eq!(
        refused(&mut f, &entry, &fake, "evidence_content"),
        "文件内容不是PDF（扩展名为.pdf）"
    );
    let png = files::png(src.path(), "x.png");
    let as_jpg = src.path().join("照片.JPG");
    std::fs::copy(&png, &as_jpg).unwrap();
    assert_eq!(
        refused(&mut f, &entry, &as_jpg, "evidence_content"),
        "文件内容不是JPG图片（扩展名为.jpg）"
    );
    let book = files::xlsx(src.path(), "book.xlsx");
    let as_docx = src.path().join("说明.docx");
    std::fs::copy(&book, &as_docx).unwrap();
    refused(&mut f, &entry, &as_docx, "evidence_content");
    let plain = files::zip_with(src.path(), "附件.xlsx", &["a.txt"]);
    refused(&mut f, &entry, &plain, "evidence_content");

    // A folder, even one named like a PDF.
    let dir = src.path().join("材料.pdf");
    std::fs::create_dir(&dir).unwrap();
    let m = refused(&mut f, &entry, &dir, "not_a_file");
    assert!(m.contains("是文件夹"), "{m}");
    // A path that is not there.
    refused(
        &mut f,
        &entry,
        &src.path().join("不存在.pdf"),
        "unreadable_file",
    );
    // A FIFO is refused from its metadata, without blocking on opening it.
    #[cfg(unix)]
    {
        let fifo = src.path().join("pipe.pdf");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.map(|s| s.success()).unwrap_or(false) {
            let m = refused(&mut f, &entry, &fifo, "not_a_file");
            assert!(m.contains("管道"), "{m}");
        }
    }
}

#[test]
fn unknown_targets_and_locked_quarters_write_nothing() {
    let (mut f, entry) = entry_fixture();
    let src = tempfile::tempdir().unwrap();
    let pdf = files::pdf(src.path(), "a.pdf", "x");
    let before = rows(&f.path);
    let err = f
        .ledger
        .attach_evidence(&actor(), &target(AttachedTo::Pairing, &entry), &pdf, "")
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert!(err.to_string().contains("结对关系"), "{err}");
    let err = f
        .ledger
        .return_evidence_target("甲区", "2024Q2")
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert_eq!(rows(&f.path), before);

    // The entry's quarter (2024Q2) locked: attaching to it is refused like any write.
    let q2 = RoundPeriod::parse("2024Q2").unwrap();
    f.ledger
        .write(&actor(), |w| {
            w.open_round(NewRound {
                period: q2,
                due_on: d("2024-07-10"),
                units: Vec::new(),
            })?;
            w.lock_round(q2, true, "测试锁定")
        })
        .unwrap();
    let before = rows(&f.path);
    let err = f
        .ledger
        .attach_evidence(&actor(), &target(AttachedTo::Entry, &entry), &pdf, "")
        .unwrap_err();
    assert_eq!(err.code(), "period_locked");
    assert!(err.to_string().starts_with("2024年第二季度已锁定"), "{err}");
    assert_eq!(rows(&f.path), before);
    assert!(
        stored_files(&f.path).is_empty(),
        "the file was taken away again"
    );
}
