//! Files to read (an import, a package, evidence) that cannot be read or may not be: each
//! travels inside [`LedgerError::File`](super::LedgerError) with its own code.

/// Why a file to read was refused before anything of it was used.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// A file to import could not be opened or parsed.
    #[error("无法读取文件「{file}」：{reason}")]
    Unreadable {
        /// The file's name.
        file: String,
        /// Why it could not be read.
        reason: String,
    },

    /// A file to import whose extension is not .xlsx, .xls, .ods or .csv.
    #[error("不支持导入文件「{file}」：请使用 .xlsx、.xls、.ods 或 .csv 文件")]
    Unsupported {
        /// The file's name.
        file: String,
    },

    /// A path to import that is a folder, a pipe, a device or another non-regular file.
    #[error("「{file}」不是普通文件（是{what}），不能导入")]
    NotAFile {
        /// The path given.
        file: String,
        /// What it is instead, in Chinese.
        what: &'static str,
    },

    /// A file to import over the size limits (200 MB, or a zip declaring too much).
    #[error("「{file}」过大（{detail}），超出导入上限；请拆分成几个文件再导入")]
    TooLarge {
        /// The file's name.
        file: String,
        /// Which limit it is over, with the figures.
        detail: String,
    },

    /// A file to import with more rows than the import's budget.
    #[error("「{file}」超过 {limit} 行，超出导入上限；请拆分成几个文件再导入")]
    TooManyRows {
        /// The file's name.
        file: String,
        /// The most rows an import reads.
        limit: usize,
    },

    /// A file to import whose structure looks broken or crafted (a zip bomb, parts that lie).
    #[error("「{file}」看起来已损坏或被人为构造（{reason}），为安全起见没有读取；请用 Excel 或 WPS 打开后另存为新文件再导入")]
    Malformed {
        /// The file's name.
        file: String,
        /// What was found wrong.
        reason: String,
    },
}

impl FileError {
    /// The stable identifier the UI and scripts switch on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unreadable { .. } => "unreadable_file",
            Self::Unsupported { .. } => "unsupported_file",
            Self::NotAFile { .. } => "not_a_file",
            Self::TooLarge { .. } => "file_too_large",
            Self::TooManyRows { .. } => "too_many_rows",
            Self::Malformed { .. } => "file_malformed",
        }
    }
}
