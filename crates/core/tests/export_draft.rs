//! What the window shows of a summary: the Word report's own sentences, the suggested file
//! name, and an export that keeps an existing file unless told to replace it.

mod export_support;

use export_support::{d, q2, q2_query, sample, unzip};
use taizhang_core::export::{
    drafted_summary, export_to_file_checked, file_name, quarterly_summary, write_docx,
    ExportFormat, SummaryQuery,
};

#[test]
fn the_drafted_sentences_are_those_of_the_word_report() {
    let s = sample();
    let drafted = drafted_summary(&s.ledger, &q2_query()).expect("drafted summary");
    let docx = unzip(&write_docx(&drafted.summary).expect("docx"));
    let xml = &docx["word/document.xml"];
    let text = &drafted.text;
    let mut sentences: Vec<&str> = text.overview.iter().map(String::as_str).collect();
    for a in &text.actions {
        sentences.push(&a.heading);
        sentences.extend(a.lead.as_deref());
        sentences.extend(a.paragraphs.iter().map(String::as_str));
    }
    sentences.extend(text.behind.iter().map(|b| b.facts.as_str()));
    for sentence in &sentences {
        // The Word file escapes quotes; compare the part before the first one.
        let head: String = sentence.chars().take_while(|c| *c != '“').collect();
        assert!(
            xml.contains(&head),
            "the Word report prints 「{head}」 (from 「{sentence}」)"
        );
    }
    assert_eq!(
        text.period, "2024年4月1日至6月30日",
        "the period as the report writes it"
    );
    let headline = "累计动员4221家企业与3702个行政村结对共建，达成合作项目4492个";
    let has = text
        .actions
        .iter()
        .flat_map(|a| a.lead.iter().chain(a.paragraphs.iter()))
        .any(|p| p.contains(headline));
    assert!(has, "a section says 「{headline}」: {:?}", text.actions);
    assert_eq!(
        text.actions.len(),
        drafted.summary.actions.len(),
        "one section per action"
    );
    assert_eq!(
        text.behind.len(),
        drafted.summary.behind.len(),
        "the facts of every indicator behind pace"
    );
}

#[test]
fn the_window_gets_the_summary_without_its_bulk() {
    let s = sample();
    let full = quarterly_summary(&s.ledger, &q2_query()).expect("summary");
    let drafted = drafted_summary(&s.ledger, &q2_query()).expect("drafted summary");
    let json = serde_json::to_string(&drafted).expect("JSON").len();
    assert!(
        json < 300_000,
        "the page's summary stays small, got {json} characters"
    );
    assert!(
        drafted.summary.by_unit.rows.is_empty(),
        "no units × indicators"
    );
    let rows = drafted
        .summary
        .registers
        .pairings
        .as_ref()
        .map(|p| p.rows.len());
    assert_eq!(rows, Some(0), "no register rows");
    let total = |s: &taizhang_core::export::Summary| s.registers.pairings.as_ref().map(|p| p.total);
    assert_eq!(total(&drafted.summary), total(&full), "their totals stay");
    assert_eq!(drafted.summary.actions, full.actions, "the actions in full");
    assert_eq!(
        drafted.summary.behind, full.behind,
        "the behind list in full"
    );
}

#[test]
fn the_file_name_says_scope_quarter_and_an_early_as_of_date() {
    let s = sample();
    // (query, suggested .xlsx name)
    let cases = [
        (q2_query(), "临沂市五大行动2024年第二季度汇总.xlsx"),
        (
            SummaryQuery {
                as_of: Some(d("2024-05-15")),
                ..Default::default()
            },
            "临沂市五大行动2024年第二季度汇总（截至5月15日）.xlsx",
        ),
        (
            SummaryQuery {
                quarter: Some(q2()),
                action: Some("prosperity".into()),
                ..Default::default()
            },
            "临沂市共同富裕行动2024年第二季度汇总.xlsx",
        ),
    ];
    for (q, want) in cases {
        let drafted = drafted_summary(&s.ledger, &q).expect("drafted summary");
        let got = file_name(&drafted.summary, ExportFormat::Xlsx);
        assert_eq!(got, want, "file name of {q:?}: got {got}, want {want}");
        assert_eq!(
            format!("{}.xlsx", drafted.file_stem),
            want,
            "the drafted summary's stem"
        );
    }
}

#[test]
fn an_existing_file_is_kept_unless_replacing_is_asked_for() {
    let s = sample();
    let path = s.dir.path().join("汇总.csv");
    std::fs::write(&path, "earlier").expect("an earlier file");
    let e = export_to_file_checked(&s.ledger, &q2_query(), &path, false).unwrap_err();
    assert_eq!(e.code(), "file_exists", "without replace: got {e}");
    assert!(e.to_string().contains("已存在"), "message: {e}");
    let kept = std::fs::read_to_string(&path).expect("still there");
    assert_eq!(kept, "earlier", "the earlier file is untouched");

    let done = export_to_file_checked(&s.ledger, &q2_query(), &path, true).expect("replace");
    let now = std::fs::read(&path).expect("the new file");
    assert_eq!(
        now.len() as u64,
        done.bytes,
        "replaced by the export ({} bytes)",
        done.bytes
    );
    let fresh = s.dir.path().join("新.csv");
    export_to_file_checked(&s.ledger, &q2_query(), &fresh, false).expect("a new file");
    assert!(fresh.is_file(), "a new file is written without asking");
}
