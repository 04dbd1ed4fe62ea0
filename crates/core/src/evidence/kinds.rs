//! The kinds of file evidence may be, told by the extension AND by the bytes: PDF
//! (`%PDF-`), PNG (its 8-byte signature), JPEG (`FF D8 FF`), and Word / Excel documents
//! (.docx / .xlsx: a zip archive holding `word/…` or `xl/…` parts). A program renamed
//! `.pdf` is refused, and so is a .docx that is really a workbook.

use super::EvidenceError;
use std::io::Cursor;

use crate::error::Result;

/// One kind of evidence file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvidenceKind {
    /// The extension files are stored under (lowercase, no dot).
    pub ext: &'static str,
    /// The media type the kind is opened and listed as.
    pub media_type: &'static str,
    /// How the refusal names it: 「文件内容不是PDF」.
    pub label: &'static str,
}

const PDF: EvidenceKind = EvidenceKind {
    ext: "pdf",
    media_type: "application/pdf",
    label: "PDF",
};
const PNG: EvidenceKind = EvidenceKind {
    ext: "png",
    media_type: "image/png",
    label: "PNG图片",
};
const JPG: EvidenceKind = EvidenceKind {
    ext: "jpg",
    media_type: "image/jpeg",
    label: "JPG图片",
};
const DOCX: EvidenceKind = EvidenceKind {
    ext: "docx",
    media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: "Word文档(.docx)",
};
const XLSX: EvidenceKind = EvidenceKind {
    ext: "xlsx",
    media_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label: "Excel工作簿(.xlsx)",
};

/// The kinds a unit's return may have come in as (its 报表原件 is kept as it came; these
/// are never accepted as a person's attachment).
const RETURN_KINDS: [EvidenceKind; 5] = [
    XLSX,
    EvidenceKind {
        ext: "xlsm",
        media_type: "application/vnd.ms-excel.sheet.macroEnabled.12",
        label: "Excel工作簿(.xlsm)",
    },
    EvidenceKind {
        ext: "xls",
        media_type: "application/vnd.ms-excel",
        label: "Excel 97-2003工作簿(.xls)",
    },
    EvidenceKind {
        ext: "ods",
        media_type: "application/vnd.oasis.opendocument.spreadsheet",
        label: "OpenDocument表格(.ods)",
    },
    EvidenceKind {
        ext: "csv",
        media_type: "text/csv",
        label: "CSV文件",
    },
];

/// The kind a returned table's file name gives (`.txt` is kept as `.csv`); a table of
/// any other extension is kept as CSV text, which is what the importer read it as.
pub fn kind_of_return_file(name: &str) -> EvidenceKind {
    let ext = std::path::Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    RETURN_KINDS
        .into_iter()
        .find(|k| k.ext == ext)
        .unwrap_or(RETURN_KINDS[4])
}

/// Every extension accepted (`jpeg` is stored as `jpg`).
pub const ACCEPTED_EXTENSIONS: &[&str] = &["pdf", "jpg", "jpeg", "png", "docx", "xlsx"];

/// The kind a file name's extension claims; `evidence_type` when none fits.
pub fn kind_of_name(file: &str, name: &str) -> Result<EvidenceKind> {
    let ext = std::path::Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => Ok(PDF),
        "png" => Ok(PNG),
        "jpg" | "jpeg" => Ok(JPG),
        "docx" => Ok(DOCX),
        "xlsx" => Ok(XLSX),
        _ => Err(EvidenceError::Type {
            file: file.to_string(),
            ext: if ext.is_empty() {
                "（无扩展名）".into()
            } else {
                format!(".{ext}")
            },
        }
        .into()),
    }
}

/// The kind a file's media type names, for files already stored.
pub fn kind_of_media_type(media_type: &str) -> Option<EvidenceKind> {
    [PDF, PNG, JPG, DOCX]
        .into_iter()
        .chain(RETURN_KINDS)
        .find(|k| k.media_type == media_type)
}

/// Refuses `bytes` that are not what `kind` says (`evidence_content`).
pub fn check_content(file: &str, ext: &str, kind: EvidenceKind, bytes: &[u8]) -> Result<()> {
    let fits = match kind.ext {
        "pdf" => bytes.starts_with(b"%PDF-"),
        "png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "jpg" => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
        "docx" => office_parts(bytes, "word/"),
        "xlsx" => office_parts(bytes, "xl/"),
        _ => false,
    };
    if fits {
        return Ok(());
    }
    Err(EvidenceError::Content {
        file: file.to_string(),
        kind: kind.label,
        ext: format!(".{ext}"),
    }
    .into())
}

/// Whether `bytes` are a zip archive with a `[Content_Types].xml` and a part under
/// `folder`: read from the central directory only, nothing is unpacked.
fn office_parts(bytes: &[u8], folder: &str) -> bool {
    if !bytes.starts_with(b"PK\x03\x04") {
        return false;
    }
    let Ok(zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    // A name that cannot be read is not one of the parts looked for.
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    names.iter().any(|n| n == "[Content_Types].xml") && names.iter().any(|n| n.starts_with(folder))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_and_bytes_must_agree() {
        let pdf = kind_of_name("a.PDF", "a.PDF").unwrap();
        assert_eq!(pdf.ext, "pdf");
        assert!(check_content("a", "pdf", pdf, b"%PDF-1.7\n").is_ok());
        let e = check_content("a", "pdf", pdf, b"MZ\x90\x00").unwrap_err();
        assert_eq!(e.code(), "evidence_content");
        assert_eq!(e.to_string(), "文件内容不是PDF（扩展名为.pdf）");
        assert_eq!(kind_of_name("x", "photo.jpeg").unwrap().ext, "jpg");
        let e = kind_of_name("x", "setup.exe").unwrap_err();
        assert_eq!(
            e.to_string(),
            "不支持的文件类型 .exe：佐证材料只能是 PDF、JPG、PNG、Word(.docx)、Excel(.xlsx)"
        );
        // A zip that is not an Office document is neither a .docx nor a .xlsx.
        assert!(!office_parts(b"PK\x03\x04rest", "word/"));
    }
}
