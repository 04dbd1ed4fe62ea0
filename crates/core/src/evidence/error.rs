//! Why a file was refused as 佐证材料, or a stored one cannot be used. Each travels inside
//! [`LedgerError::Evidence`](crate::LedgerError) with its own code.

/// A file refused as 佐证材料 (evidence), or a stored one that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum EvidenceError {
    /// 佐证材料: not a regular file (a folder, a pipe, a device).
    #[error("「{file}」不是普通文件（是{what}），不能作为佐证材料")]
    NotAFile {
        /// The path given.
        file: String,
        /// What it is instead, in Chinese.
        what: &'static str,
    },

    /// A file offered as 佐证材料 over the 20 MB limit.
    #[error("文件超过20MB（{size}），佐证材料每个不超过20MB")]
    TooLarge {
        /// The file's name.
        file: String,
        /// Its size, worded for the person.
        size: String,
    },

    /// The extension is not one of the kinds evidence may be.
    #[error("不支持的文件类型 {ext}：佐证材料只能是 PDF、JPG、PNG、Word(.docx)、Excel(.xlsx)")]
    Type {
        /// The file's name.
        file: String,
        /// The extension refused.
        ext: String,
    },

    /// The bytes are not what the extension says (a program renamed .pdf).
    #[error("文件内容不是{kind}（扩展名为{ext}）")]
    Content {
        /// The file's name.
        file: String,
        /// The kind the extension promises, in words (PDF, PNG …).
        kind: &'static str,
        /// The file's extension.
        ext: String,
    },

    /// The stored file's SHA-256 is not the one the ledger recorded.
    #[error("佐证材料文件已被改动或损坏：「{file}」的内容与登记时不同（应为 SHA-256 {expected}…），请重新添加")]
    Altered {
        /// The evidence's original file name.
        file: String,
        /// The start of the SHA-256 the ledger recorded.
        expected: String,
    },

    /// The stored file is gone from 佐证材料.
    #[error("佐证材料文件不见了：「{file}」应在「{path}」，请从备份中找回或重新添加")]
    Missing {
        /// The evidence's original file name.
        file: String,
        /// Where the stored copy should be.
        path: String,
    },
}

impl EvidenceError {
    /// The stable identifier the UI and scripts switch on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotAFile { .. } => "not_a_file",
            Self::TooLarge { .. } => "evidence_too_large",
            Self::Type { .. } => "evidence_type",
            Self::Content { .. } => "evidence_content",
            Self::Altered { .. } => "evidence_altered",
            Self::Missing { .. } => "evidence_missing",
        }
    }
}
