//! The workbooks: a county's own quarterly table and the table Taizhang sends.

use std::path::Path;

use taizhang_core::import::returns::{sent_table_checksum, SENT_FORMAT, SENT_SHEET};

use super::{t, write_book, SheetSpec, X};

/// One indicator row of a county's table.
pub struct Line {
    pub action: &'static str,
    pub serial: &'static str,
    pub name: &'static str,
    pub measure: &'static str,
    pub target: X,
    /// Under each figure heading, in order.
    pub figures: Vec<X>,
    pub rate: &'static str,
    pub reason: &'static str,
    pub measures: &'static str,
    pub note: &'static str,
}

/// A line of action 万企兴万村行动 with the given figures.
pub fn line(serial: &'static str, name: &'static str, figures: Vec<X>) -> Line {
    Line {
        action: "万企兴万村行动",
        serial,
        name,
        measure: "家",
        target: X::N(40.0),
        figures,
        rate: "",
        reason: "",
        measures: "",
        note: "",
    }
}

/// A county's table as its clerk lays it out.
pub struct CountyTable {
    pub title: String,
    pub signer: String,
    /// The headings under 完成情况 (one or two rows of heading: none means one row).
    pub figures: Vec<String>,
    pub lines: Vec<Line>,
}

impl CountyTable {
    pub fn new(lines: Vec<Line>) -> Self {
        Self {
            title: "兰陵县五大行动2024年第三季度进展情况统计表".into(),
            signer: "填报单位：兰陵县委统战部（盖章）".into(),
            figures: vec!["1-9月累计完成".into(), "其中：第三季度".into()],
            lines,
        }
    }

    pub fn figures(mut self, headings: &[&str]) -> Self {
        self.figures = headings.iter().map(|h| h.to_string()).collect();
        self
    }

    pub fn title(mut self, title: &str, signer: &str) -> Self {
        self.title = title.into();
        self.signer = signer.into();
        self
    }

    /// The Excel row number (1-based) of line `i`.
    pub fn row_of(&self, i: usize) -> u32 {
        8 + i as u32
    }

    pub fn write(&self, path: &Path) {
        let nf = self.figures.len() as u16;
        let last = 8 + nf; // 序号 行动 指标名称 计量单位 年度目标 figures… 完成率 滞后原因 整改措施 备注
        let mut rows: Vec<Vec<X>> = vec![
            vec![t(&self.title)],
            vec![
                t(&self.signer),
                t(""),
                t(""),
                t(""),
                t(""),
                t(""),
                t("填报日期：2024年10月8日"),
            ],
            vec![t("单位：个、家、万元")],
        ];
        let mut merges = vec![
            (0, 0, 0, last),
            (1, 0, 1, 5),
            (1, 6, 1, last),
            (2, 0, 2, last),
        ];
        let mut top: Vec<X> = ["序号", "行动", "指标名称", "计量单位", "年度目标"]
            .map(t)
            .to_vec();
        top.push(t("完成情况"));
        top.extend((1..nf).map(|_| X::Blank));
        top.extend(["完成率", "滞后原因", "整改措施", "备注"].map(t));
        let mut sub: Vec<X> = vec![X::Blank; 5];
        sub.extend(self.figures.iter().map(|f| t(f)));
        rows.push(top);
        rows.push(sub);
        for c in (0..5).chain(5 + nf..=last) {
            merges.push((3, c, 4, c));
        }
        if nf > 1 {
            merges.push((3, 5, 3, 4 + nf));
        }
        rows.push(vec![t("一、万企兴万村行动")]);
        merges.push((5, 0, 5, last));
        // A blank row some clerks leave under the section.
        rows.push(vec![]);
        let first = rows.len() as u32;
        for l in &self.lines {
            let mut r = vec![
                t(l.serial),
                t(l.action),
                t(l.name),
                t(l.measure),
                l.target.clone(),
            ];
            r.extend(l.figures.iter().cloned());
            r.extend([t(l.rate), t(l.reason), t(l.measures), t(l.note)]);
            rows.push(r);
        }
        // 行动 merged down the rows that share it.
        let mut start = 0;
        for i in 1..=self.lines.len() {
            if i == self.lines.len() || self.lines[i].action != self.lines[start].action {
                if i - start > 1 {
                    merges.push((first + start as u32, 1, first + i as u32 - 1, 1));
                }
                start = i;
            }
        }
        let sign = rows.len() as u32 + 1;
        rows.push(vec![]);
        rows.push(vec![t(
            "填报人：张三　　审核人：李四　　联系电话：0539-5221234",
        )]);
        merges.push((sign, 0, sign, last));
        write_book(
            path,
            &[SheetSpec {
                name: "三季度".into(),
                rows,
                merges,
                hidden: false,
            }],
        );
    }
}

/// One indicator row of a sent table.
pub struct SentLine {
    pub code: &'static str,
    pub name: &'static str,
    pub measure: &'static str,
    pub before: f64,
    pub period: X,
    pub year_to_date: X,
    pub reason: &'static str,
    pub measures: &'static str,
}

/// What the hidden sheet carries; `checksum` None: the right one.
pub struct Sent<'a> {
    pub quarter: &'a str,
    pub unit_id: &'a str,
    pub unit: &'a str,
    pub round_id: &'a str,
    pub checksum: Option<&'a str>,
}

/// The table `round send` writes: a title, the fixed heading, the lines, and the hidden
/// `_taizhang` sheet of key/value rows.
pub fn sent_table(path: &Path, s: &Sent<'_>, lines: &[SentLine]) {
    let heading = [
        "序号",
        "指标编码",
        "指标名称",
        "计量单位",
        "年度目标",
        "此前累计",
        "本期",
        "累计",
        "备注",
        "滞后原因",
        "整改措施",
    ];
    let mut rows = vec![
        vec![t(&format!("{}2024年第三季度统计表", s.unit))],
        heading.map(t).to_vec(),
    ];
    for (i, l) in lines.iter().enumerate() {
        rows.push(vec![
            X::N(i as f64 + 1.0),
            t(l.code),
            t(l.name),
            t(l.measure),
            X::N(40.0),
            X::N(l.before),
            l.period.clone(),
            l.year_to_date.clone(),
            X::Blank,
            t(l.reason),
            t(l.measures),
        ]);
    }
    let sum = sent_table_checksum(SENT_FORMAT, s.quarter, s.unit_id, s.round_id);
    let hidden = [
        ("format", SENT_FORMAT),
        ("quarter", s.quarter),
        ("unit_id", s.unit_id),
        ("unit", s.unit),
        ("round_id", s.round_id),
        ("checksum", s.checksum.unwrap_or(&sum)),
    ];
    let visible = SheetSpec {
        name: format!("{}统计表", s.unit),
        rows,
        merges: vec![(0, 0, 0, 10)],
        hidden: false,
    };
    let keys = SheetSpec {
        name: SENT_SHEET.into(),
        rows: hidden.iter().map(|(k, v)| vec![t(k), t(v)]).collect(),
        merges: vec![],
        hidden: true,
    };
    write_book(path, &[visible, keys]);
}
