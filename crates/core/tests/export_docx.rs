//! The Word report, unzipped: headings, sentences drafted like the release carrying the
//! headline figures, tables of indicators, the behind-pace list with reasons and measures
//! (or a blank line to fill), the ranking, 公文 fonts and page layout.

mod export_support;

use export_support::{actor, paragraphs, q2, q2_query, sample, unzip};
use taizhang_core::export::{quarterly_summary, write_docx, NewLagNote};

fn report(
    with_note: bool,
) -> (
    taizhang_core::export::Summary,
    std::collections::BTreeMap<String, String>,
) {
    let mut s = sample();
    let before = quarterly_summary(&s.ledger, &q2_query()).expect("summary");
    if with_note {
        let first = before
            .behind
            .first()
            .expect("the sample has an indicator behind pace");
        let note = NewLagNote {
            indicator: first.row.indicator_code.clone(),
            unit: None,
            quarter: q2(),
            reason: "受汛期影响，部分县区活动延期至三季度举办。".into(),
            measures: "7月底前完成延期活动，每半月调度一次进度。".into(),
        };
        s.ledger
            .write(&actor(), |w| w.set_lag_note(note))
            .expect("lag note");
    }
    let summary = quarterly_summary(&s.ledger, &q2_query()).expect("summary");
    let parts = unzip(&write_docx(&summary).expect("docx"));
    (summary, parts)
}

#[test]
fn headings_and_sentences_read_like_the_release() {
    let (_, parts) = report(false);
    let doc = &parts["word/document.xml"];
    let paras = paragraphs(doc);
    let text = paras.join("\n");
    // (what, the text the report must carry)
    let cases = [
        (
            "title",
            "临沂市统一战线服务现代化强市建设“五大行动”2024年第二季度工作进展情况",
        ),
        ("period", "（2024年4月1日至6月30日）"),
        ("as-of date", "现将截至2024年6月30日的工作进展情况报告如下"),
        ("heading 1", "一、深化“建言献策”行动"),
        ("heading 2", "二、深化“创新创造”行动"),
        ("heading 3", "三、深化“壮大民企”行动"),
        ("heading 4", "四、深化“双招双引”行动"),
        ("heading 5", "五、深化“共同富裕”行动"),
        ("heading 6", "六、序时进度滞后指标及原因"),
        ("heading 7", "七、责任单位序时进度排名"),
        (
            "万企兴万村",
            "累计动员4221家企业与3702个行政村结对共建，达成合作项目4492个",
        ),
        ("entrepreneurs trained", "培训企业家1400人次"),
        ("grassroots organisations", "建设基层统战组织384个"),
        ("service stations", "建立新阶层服务站132处"),
        (
            "suggestions adopted",
            "320条建议转化为市委、市政府具体工作举措",
        ),
        ("reports adopted", "630篇被中央统战部、各级政协等采用"),
        ("visits folded", "走访企业1234家、商会201家"),
        ("meetings", "召开党外人士协商会、座谈会25次"),
        ("pace", "从序时进度看"),
    ];
    for (what, needle) in cases {
        assert!(
            text.contains(needle),
            "{what}: «{needle}» not in the report"
        );
    }
    let title = paras.first().expect("a first paragraph");
    assert!(
        title.starts_with("临沂市统一战线"),
        "the title comes first, got {title}"
    );
    assert!(
        !text.contains("4,221"),
        "prose writes numbers without separators"
    );
}

#[test]
fn each_action_has_a_table_of_its_indicators() {
    let (summary, parts) = report(false);
    let doc = &parts["word/document.xml"];
    let tables: Vec<&str> = doc.split("<w:tbl>").skip(1).collect();
    // the actions, one per action, one per ranking group
    assert_eq!(
        tables.len(),
        1 + summary.actions.len() + summary.ranking.len(),
        "tables"
    );
    for (a, t) in summary.actions.iter().zip(&tables[1..]) {
        let cells = paragraphs(t);
        assert_eq!(
            &cells[..6],
            ["指标", "目标", "完成", "完成率", "序时进度", "状态"],
            "{}: header",
            a.action_name
        );
        for l in &a.lines {
            let name = format!("{}（{}）", l.row.indicator, l.row.measure);
            let at = cells
                .iter()
                .position(|c| *c == name)
                .unwrap_or_else(|| panic!("{}: no row for {name}", a.action_name));
            let completed = format!("{}", l.row.completed);
            assert_eq!(cells[at + 2], completed, "{name}: 完成");
            assert_eq!(cells[at + 5], l.row.status.label_zh(), "{name}: 状态");
        }
    }
}

#[test]
fn behind_indicators_show_their_reason_or_a_line_to_fill() {
    let (summary, parts) = report(true);
    let text = paragraphs(&parts["word/document.xml"]).join("\n");
    assert!(
        summary.behind.len() >= 2,
        "the sample has several indicators behind pace"
    );
    let with_note = &summary.behind[0];
    assert!(
        with_note.note.is_some(),
        "the note is attached to {}",
        with_note.row.indicator
    );
    assert!(
        text.contains("滞后原因：受汛期影响，部分县区活动延期至三季度举办。"),
        "the reason is in the report"
    );
    assert!(
        text.contains("整改措施：7月底前完成延期活动，每半月调度一次进度。"),
        "the measures are in the report"
    );
    let blanks = text.matches("滞后原因：（待填写）").count();
    assert_eq!(
        blanks,
        summary.behind.len() - 1,
        "a line to fill for each behind indicator without a note"
    );
    for b in &summary.behind {
        assert!(
            text.contains(&b.row.indicator),
            "{} is listed",
            b.row.indicator
        );
    }
}

#[test]
fn official_document_fonts_and_page() {
    let (_, parts) = report(false);
    let doc = &parts["word/document.xml"];
    let fonts = &parts["word/fontTable.xml"];
    // (what, where, the XML it needs)
    let cases = [
        ("title font", doc, r#"w:eastAsia="方正小标宋简体""#),
        ("heading font", doc, r#"w:eastAsia="黑体""#),
        ("body font", doc, r#"w:eastAsia="仿宋_GB2312""#),
        ("三号 body", doc, r#"<w:sz w:val="32" />"#),
        ("A4", doc, r#"<w:pgSz w:w="11906" w:h="16838" />"#),
        ("top margin 37mm", doc, r#"w:top="2098""#),
        ("bottom margin 35mm", doc, r#"w:bottom="1984""#),
        ("left margin 28mm", doc, r#"w:left="1587""#),
        ("right margin 26mm", doc, r#"w:right="1474""#),
        (
            "body falls back to 仿宋",
            fonts,
            r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>"#,
        ),
        (
            "title falls back to 宋体",
            fonts,
            r#"<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>"#,
        ),
    ];
    for (what, xml, needle) in cases {
        assert!(xml.contains(needle), "{what}: {needle}");
    }
}
