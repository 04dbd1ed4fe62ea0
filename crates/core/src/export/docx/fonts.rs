//! Official-document (公文) fonts and sizes, and the font table that names a fallback for
//! each: a PC without 方正小标宋简体 or 仿宋_GB2312 shows 宋体 or 仿宋 instead.

use docx_rs::RunFonts;

/// 标题: 方正小标宋简体, falling back to 宋体.
pub const TITLE: &str = "方正小标宋简体";
/// 一级标题: 黑体.
pub const HEADING: &str = "黑体";
/// 二级标题 and the period line: 楷体_GB2312, falling back to 楷体.
pub const KAITI: &str = "楷体_GB2312";
/// 正文: 仿宋_GB2312, falling back to 仿宋.
pub const BODY: &str = "仿宋_GB2312";

/// Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 五号 10.5pt (tables).
pub const SIZE_TITLE: usize = 44;
pub const SIZE_BODY: usize = 32;
pub const SIZE_CAPTION: usize = 28;
pub const SIZE_TABLE: usize = 21;

/// The same face for Chinese and for digits and Latin letters, as 公文 sets them.
pub fn fonts(face: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(face)
        .ascii(face)
        .hi_ansi(face)
        .cs(face)
}

/// (name, fallback, panose, family, pitch) of every face the report uses.
const FACES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "Times New Roman",
        "",
        "02020603050405020304",
        "roman",
        "variable",
    ),
    (TITLE, "宋体", "02000000000000000000", "script", "variable"),
    ("宋体", "SimSun", "02010600030101010101", "auto", "variable"),
    (HEADING, "SimHei", "02010609060101010101", "modern", "fixed"),
    (KAITI, "楷体", "02010609030101010101", "modern", "fixed"),
    ("楷体", "KaiTi", "02010609060101010101", "modern", "fixed"),
    (BODY, "仿宋", "02010609030101010101", "modern", "fixed"),
    (
        "仿宋",
        "FangSong",
        "02010609060101010101",
        "modern",
        "fixed",
    ),
];

/// word/fontTable.xml with each face's fallback (w:altName) and GB2312 charset.
pub fn font_table_xml() -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    for (name, alt, panose, family, pitch) in FACES {
        let charset = if name.is_ascii() { "00" } else { "86" };
        xml.push_str(&format!(r#"<w:font w:name="{name}">"#));
        if !alt.is_empty() {
            xml.push_str(&format!(r#"<w:altName w:val="{alt}"/>"#));
        }
        xml.push_str(&format!(
            r#"<w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>"#
        ));
    }
    xml.push_str("</w:fonts>");
    xml.into_bytes()
}
