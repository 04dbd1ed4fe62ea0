//! The report's paragraphs in 公文 style: title, centred lines, indented body text with a
//! bold lead sentence, 黑体 headings, 楷体 sub-headings, captions, the signature, the footer.

use docx_rs::{
    AlignmentType, BreakType, Footer, LineSpacing, LineSpacingType, PageNum, Paragraph, Run,
    SpecialIndentType,
};

use super::fonts::*;

/// Twentieths of a point: a 三号 character is 16pt = 320, a line is fixed at 28pt.
const CHAR: i32 = 320;
const LINE: i32 = 560;

pub(super) fn spacing() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(LINE)
}

pub(super) fn run(text: &str, face: &str, size: usize) -> Run {
    Run::new().add_text(text).fonts(fonts(face)).size(size)
}

/// The title, broken before its first quotation mark when that falls mid-line.
pub(super) fn title(text: &str) -> Paragraph {
    let mut p = Paragraph::new().align(AlignmentType::Center).line_spacing(
        LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(700),
    );
    let split = text
        .char_indices()
        .find(|(_, c)| *c == '“')
        .map(|(i, _)| i)
        .filter(|i| (8..=60).contains(&text[..*i].chars().count()));
    match split {
        Some(i) => {
            p = p
                .add_run(run(&text[..i], TITLE, SIZE_TITLE).add_break(BreakType::TextWrapping))
                .add_run(run(&text[i..], TITLE, SIZE_TITLE));
        }
        None => p = p.add_run(run(text, TITLE, SIZE_TITLE)),
    }
    p
}

pub(super) fn centered(text: &str, face: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(spacing())
        .add_run(run(text, face, SIZE_BODY))
}

pub(super) fn blank() -> Paragraph {
    Paragraph::new().line_spacing(spacing())
}

pub(super) fn indented() -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .line_spacing(spacing())
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(2 * CHAR)),
            None,
            None,
        )
}

pub(super) fn body(text: &str) -> Paragraph {
    indented().add_run(run(text, BODY, SIZE_BODY))
}

/// A paragraph whose first sentence is set in bold (段首主题句).
pub(super) fn body_with_lead(lead: Option<&str>, text: &str) -> Paragraph {
    let p = indented();
    let p = match lead {
        Some(l) => p.add_run(run(l, BODY, SIZE_BODY).bold()),
        None => p,
    };
    p.add_run(run(text, BODY, SIZE_BODY))
}

pub(super) fn heading(text: &str) -> Paragraph {
    indented()
        .keep_next(true)
        .line_spacing(spacing().before(200))
        .add_run(run(text, HEADING, SIZE_BODY))
}

pub(super) fn subheading(text: &str) -> Paragraph {
    indented()
        .keep_next(true)
        .add_run(run(text, KAITI, SIZE_BODY))
}

pub(super) fn labelled(label: &str, text: &str) -> Paragraph {
    indented()
        .add_run(run(label, BODY, SIZE_BODY).bold())
        .add_run(run(text, BODY, SIZE_BODY))
}

pub(super) fn caption(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .keep_next(true)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(LINE)
                .before(120),
        )
        .add_run(run(text, HEADING, SIZE_CAPTION))
}

pub(super) fn signature(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Right)
        .line_spacing(spacing())
        .indent(None, None, Some(4 * CHAR), None)
        .add_run(run(text, BODY, SIZE_BODY))
}

/// — 1 — centred at the foot of every page, 宋体 四号.
pub(super) fn page_footer() -> Footer {
    let face = fonts("宋体");
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .fonts(face.clone())
            .size(SIZE_CAPTION)
            .add_run(
                Run::new()
                    .add_text("— ")
                    .fonts(face.clone())
                    .size(SIZE_CAPTION),
            )
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" —").fonts(face).size(SIZE_CAPTION)),
    )
}

/// A body paragraph set off from the table above it.
pub(super) fn body_after_table(text: &str) -> Paragraph {
    body(text).line_spacing(spacing().before(160))
}
