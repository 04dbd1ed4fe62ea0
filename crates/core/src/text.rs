//! Free text as people type it, checked the same way on every write path (the window, the
//! CLI and imports all go through the core's writes): trimmed, no control characters
//! (ANSI escapes, NUL, …; a note may keep its line breaks and tabs), and no longer than
//! its kind allows, counted in characters, not bytes.

use crate::error::{field_label, LedgerError, Result};

/// What a text is, which sets its length limit and whether it may span lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// A name or title: one line, at most [`NAME_CHARS`].
    Name,
    /// A note or remark: at most [`NOTE_CHARS`], line breaks and tabs allowed.
    Note,
    /// A long text (a lag note's reason or measures, a description): at most
    /// [`LONG_CHARS`], line breaks and tabs allowed.
    Long,
}

/// The most characters a name may have.
pub const NAME_CHARS: usize = 100;
/// The most characters a note may have.
pub const NOTE_CHARS: usize = 500;
/// The most characters a long text may have.
pub const LONG_CHARS: usize = 5_000;

impl TextKind {
    /// The most characters a text of this kind may have.
    pub const fn limit(self) -> usize {
        match self {
            Self::Name => NAME_CHARS,
            Self::Note => NOTE_CHARS,
            Self::Long => LONG_CHARS,
        }
    }
    const fn keeps_lines(self) -> bool {
        !matches!(self, Self::Name)
    }
}

/// A text that may be empty: trimmed (Windows line ends made `\n`), free of control
/// characters, within its kind's limit. `field` names it in the error.
pub fn optional(field: &'static str, text: &str, kind: TextKind) -> Result<String> {
    labelled(field, field_label(field), text, kind, kind.limit())
}

/// A name that must be given: as [`optional`] with [`TextKind::Name`], not empty, and at
/// most `max` characters (a stricter limit than [`NAME_CHARS`] where the record has one).
pub fn required(field: &'static str, text: &str, max: usize) -> Result<String> {
    let t = labelled(
        field,
        field_label(field),
        text,
        TextKind::Name,
        max.min(NAME_CHARS),
    )?;
    if t.is_empty() {
        return Err(LedgerError::Invalid {
            field,
            problem: "不能为空".into(),
        });
    }
    Ok(t)
}

/// [`optional`] for a field named by its own label (an activity register's fields).
pub fn labelled(
    field: &str,
    label: &str,
    text: &str,
    kind: TextKind,
    max: usize,
) -> Result<String> {
    let t = if kind.keeps_lines() && text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    };
    let t = t.trim();
    if let Some(position) = first_control(t, kind.keeps_lines()) {
        return Err(LedgerError::ControlCharacter {
            field: field.to_string(),
            label: label.to_string(),
            position,
        });
    }
    let length = t.chars().count();
    if length > max {
        return Err(LedgerError::TooLong {
            field: field.to_string(),
            label: label.to_string(),
            max,
            length,
        });
    }
    Ok(t.to_string())
}

/// The 1-based character position of the first control character (C0, DEL, C1), if any;
/// `\n` and `\t` pass when the text may span lines.
pub fn first_control(text: &str, keeps_lines: bool) -> Option<usize> {
    text.chars()
        .position(|c| c.is_control() && !(keeps_lines && matches!(c, '\n' | '\t')))
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_lengths() {
        // (text, kind, expected code or None, kept text)
        let cases: [(&str, TextKind, Option<&str>, &str); 10] = [
            ("  结对共建 ", TextKind::Name, None, "结对共建"),
            (
                "第一行\n第二行\t完",
                TextKind::Note,
                None,
                "第一行\n第二行\t完",
            ),
            ("第一行\r\n第二行", TextKind::Note, None, "第一行\n第二行"),
            ("a\nb", TextKind::Name, Some("control_character"), ""),
            (
                "红\u{1b}[31m色",
                TextKind::Note,
                Some("control_character"),
                "",
            ),
            ("空\0字符", TextKind::Long, Some("control_character"), ""),
            ("删\u{7f}除", TextKind::Note, Some("control_character"), ""),
            (
                "c1\u{85}控制",
                TextKind::Note,
                Some("control_character"),
                "",
            ),
            ("单独\r回车", TextKind::Note, Some("control_character"), ""),
            ("", TextKind::Note, None, ""),
        ];
        for (text, kind, want, kept) in cases {
            let got = optional("note", text, kind);
            assert_eq!(
                got.as_ref().err().map(LedgerError::code),
                want,
                "{text:?} as {kind:?}: {got:?}"
            );
            if want.is_none() {
                assert_eq!(got.unwrap(), kept, "{text:?} kept as");
            }
        }
    }

    #[test]
    fn position_and_message_name_the_field() {
        let e = optional("note", "ab\u{1b}c", TextKind::Note).unwrap_err();
        assert_eq!(
            e.to_string(),
            "「备注」含有不可见的控制字符（第3个字符），请删除后再保存"
        );
        assert_eq!(e.field(), Some("note"));
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        for (kind, limit) in [
            (TextKind::Name, 100),
            (TextKind::Note, 500),
            (TextKind::Long, 5_000),
        ] {
            let at = "很".repeat(limit);
            assert!(optional("note", &at, kind).is_ok(), "{kind:?} at {limit}");
            let over = "很".repeat(limit + 1);
            let e = optional("note", &over, kind).unwrap_err();
            assert_eq!(e.code(), "too_long", "{kind:?} over {limit}");
            assert!(
                e.to_string().contains(&limit.to_string()),
                "{kind:?}: message names the limit: {e}"
            );
        }
        assert_eq!(
            required("name", "  ", 40).unwrap_err().code(),
            "invalid",
            "empty name"
        );
        assert_eq!(
            required("name", &"名".repeat(41), 40).unwrap_err().code(),
            "too_long",
            "a stricter limit"
        );
    }
}
