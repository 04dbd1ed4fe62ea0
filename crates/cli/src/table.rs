//! Plain-text tables whose columns line up in a terminal even when cells mix Chinese and
//! Latin text: widths are display columns (a Chinese character takes two), not bytes or
//! chars.
//!
//! Only ASCII is used for rules and padding: box-drawing characters are "ambiguous width"
//! and take two columns in the Chinese consoles of government PCs, which would break the
//! alignment there.

use taizhang_core::export::csv_safe;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone)]
pub struct Column {
    /// Heading shown in the table (Chinese).
    pub title: &'static str,
    /// Heading used in CSV output (stable, snake_case English).
    pub key: &'static str,
    pub align: Align,
}

pub const fn left(title: &'static str, key: &'static str) -> Column {
    Column {
        title,
        key,
        align: Align::Left,
    }
}

pub const fn right(title: &'static str, key: &'static str) -> Column {
    Column {
        title,
        key,
        align: Align::Right,
    }
}

/// Rows of text under titled columns.
#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

/// Between two columns.
const GAP: &str = "  ";

/// The number of terminal columns `text` occupies.
pub fn display_width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Self {
        Self {
            columns,
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        debug_assert_eq!(
            row.len(),
            self.columns.len(),
            "a row has one cell per column"
        );
        self.rows.push(
            row.iter()
                .map(|c| crate::failure::visible(&c.replace(['\n', '\t'], " ")))
                .collect(),
        );
    }

    /// The table as lines: headings, a rule of dashes, then the rows. The last column is
    /// not padded when it is left-aligned, so lines carry no trailing spaces.
    pub fn render(&self) -> String {
        let widths: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let cells = self
                    .rows
                    .iter()
                    .map(|r| r.get(i).map_or(0, |s| display_width(s)));
                cells.chain([display_width(c.title)]).max().unwrap_or(0)
            })
            .collect();
        let titles: Vec<&str> = self.columns.iter().map(|c| c.title).collect();
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        let mut out = String::new();
        self.line(&mut out, &widths, &titles);
        self.line(
            &mut out,
            &widths,
            &rule.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        for row in &self.rows {
            self.line(
                &mut out,
                &widths,
                &row.iter().map(String::as_str).collect::<Vec<_>>(),
            );
        }
        out
    }

    fn line(&self, out: &mut String, widths: &[usize], cells: &[&str]) {
        let mut line = String::new();
        for (i, (col, width)) in self.columns.iter().zip(widths).enumerate() {
            let cell = cells.get(i).copied().unwrap_or("");
            let pad = " ".repeat(width.saturating_sub(display_width(cell)));
            if i > 0 {
                line.push_str(GAP);
            }
            match col.align {
                Align::Left => {
                    line.push_str(cell);
                    line.push_str(&pad);
                }
                Align::Right => {
                    line.push_str(&pad);
                    line.push_str(cell);
                }
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }

    /// The table as CSV with the columns' keys as the header row. Right-aligned columns
    /// hold figures and stay numbers; any text that begins like a formula (`=`, `+`, `-`,
    /// `@` …) is written behind an apostrophe, so a spreadsheet cannot run it.
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(self.columns.iter().map(|c| c.key))?;
        for row in &self.rows {
            let safe = row
                .iter()
                .zip(&self.columns)
                .map(|(text, c)| match c.align {
                    Align::Right => csv_safe::number(text),
                    Align::Left => csv_safe::cell(text),
                });
            w.write_record(safe.map(|c| c.into_owned()))?;
        }
        let bytes = w.into_inner().map_err(|e| e.into_error())?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The display column at which each cell of `line` starts, given the cells' texts.
    fn starts(line: &str, cells: &[&str]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut rest = line;
        let mut consumed = 0;
        for cell in cells {
            let at = rest
                .find(cell)
                .unwrap_or_else(|| panic!("{cell:?} not found in {line:?}"));
            out.push(consumed + display_width(&rest[..at]));
            consumed += display_width(&rest[..at + cell.len()]);
            rest = &rest[at + cell.len()..];
        }
        out
    }

    fn sample() -> Table {
        let mut t = Table::new(vec![
            left("行动", "action"),
            left("指标", "indicator"),
            right("完成", "completed"),
            left("状态", "status"),
        ]);
        t.push(vec![
            "共同富裕".into(),
            "结对共建企业".into(),
            "4221".into(),
            "已完成".into(),
        ]);
        t.push(vec![
            "advice".into(),
            "Consultation meetings".into(),
            "25".into(),
            "滞后".into(),
        ]);
        t.push(vec![
            "双招双引".into(),
            "对接500强企业（家）".into(),
            "7".into(),
            "on pace".into(),
        ]);
        t
    }

    #[test]
    fn columns_line_up_by_display_width() {
        let text = sample().render();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5, "headings, rule and three rows; got {text}");
        // (line, cells on it, where each cell must start or, for the right-aligned third
        // column, end)
        let rows: [(&str, [&str; 4]); 4] = [
            (lines[0], ["行动", "指标", "完成", "状态"]),
            (lines[2], ["共同富裕", "结对共建企业", "4221", "已完成"]),
            (lines[3], ["advice", "Consultation meetings", "25", "滞后"]),
            (
                lines[4],
                ["双招双引", "对接500强企业（家）", "7", "on pace"],
            ),
        ];
        let widest_indicator = display_width("Consultation meetings");
        let want_starts = [
            0,
            8 + 2,
            8 + 2 + widest_indicator + 2,
            8 + 2 + widest_indicator + 2 + 4 + 2,
        ];
        for (line, cells) in rows {
            let got = starts(line, &cells);
            for col in [0, 1, 3] {
                assert_eq!(
                    got[col], want_starts[col],
                    "column {col} of {line:?}: starts at {}, want {}",
                    got[col], want_starts[col]
                );
            }
            let end = got[2] + display_width(cells[2]);
            let want_end = want_starts[2] + 4;
            assert_eq!(
                end, want_end,
                "right-aligned column of {line:?} ends at {end}, want {want_end}"
            );
        }
    }

    #[test]
    fn rule_matches_column_widths_and_lines_have_no_trailing_spaces() {
        let text = sample().render();
        let rule = text.lines().nth(1).unwrap();
        let dashes: Vec<usize> = rule.split("  ").map(str::len).collect();
        let want = [
            8,
            display_width("Consultation meetings"),
            4,
            display_width("on pace"),
        ];
        assert_eq!(dashes, want, "rule segments {dashes:?}, want {want:?}");
        for line in text.lines() {
            assert_eq!(line, line.trim_end(), "trailing spaces in {line:?}");
        }
    }

    #[test]
    fn widths_count_display_columns() {
        let cases = [
            ("abc", 3),
            ("临沂市", 6),
            ("（家）", 6),
            ("500强", 5),
            ("", 0),
        ];
        for (text, want) in cases {
            let got = display_width(text);
            assert_eq!(got, want, "width of {text:?}: got {got}, want {want}");
        }
    }

    #[test]
    fn csv_uses_keys_and_quotes_when_needed() {
        let mut t = Table::new(vec![left("指标", "indicator"), right("完成", "completed")]);
        t.push(vec!["走访企业, 商会".into(), "12".into()]);
        let csv = t.to_csv().unwrap();
        assert_eq!(
            csv, "indicator,completed\n\"走访企业, 商会\",12\n",
            "got {csv:?}"
        );
    }

    #[test]
    fn an_empty_table_still_has_headings() {
        let t = Table::new(vec![left("编码", "code"), right("数值", "value")]);
        let text = t.render();
        assert_eq!(text, "编码  数值\n----  ----\n", "got {text:?}");
    }
}
