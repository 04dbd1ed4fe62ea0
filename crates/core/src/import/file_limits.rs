//! Hostile files refused cheaply, before they cost memory or time: the path must be a
//! regular file (a directory, FIFO, device or socket is refused without being opened;
//! symlinks are followed first, so a link to /dev/zero is a device), at most 200 MB; a
//! zip-based workbook (.xlsx, .ods) must unpack to at most 1 GB with no large part packed
//! more than 100:1 (a zip bomb), judged from its central directory before calamine opens
//! it; and what is read is counted as it is read, rows (1,100,000 at most) and the memory
//! the cells take, so a file that would exceed either stops there.

use crate::error::FileError;
use std::fs::{File, FileType};
use std::io::{Read, Seek};
use std::path::Path;

use super::cell::Cell;
use crate::error::Result;

/// The largest file an import reads.
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;
/// The most a zip-based workbook may unpack to, all parts together.
pub const MAX_UNPACKED_BYTES: u64 = 1024 * 1024 * 1024;
/// The most a part larger than [`RATIO_CHECKED_ABOVE`] may be packed (unpacked : packed).
pub const MAX_PART_RATIO: u64 = 100;
/// The unpacked size above which a zip part's packing ratio is checked (1 MiB).
pub const RATIO_CHECKED_ABOVE: u64 = 1024 * 1024;
/// The most rows a file may have (all its sheets together).
pub const MAX_ROWS: usize = 1_100_000;
/// The most memory the cells of a file may take once read.
pub const MAX_CELL_BYTES: usize = 1024 * 1024 * 1024;
/// The most parts a workbook's archive may hold (a real one has a few dozen).
const MAX_PARTS: usize = 10_000;

const MB: u64 = 1024 * 1024;

/// Opens `path` for reading once it is known, without opening it, to be a regular file
/// of at most [`MAX_FILE_BYTES`]. The opened handle is checked again, in case the path
/// changed in between.
pub(crate) fn open_regular(path: &Path) -> Result<File> {
    let file = path.display().to_string();
    let unreadable = |e: std::io::Error| FileError::Unreadable {
        file: file.clone(),
        reason: io_reason(&e),
    };
    // metadata (not symlink_metadata): a symlink is judged by what it points to.
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    check_regular(&file, &meta.file_type(), meta.len())?;
    let opened = File::open(path).map_err(unreadable)?;
    let meta = opened.metadata().map_err(unreadable)?;
    check_regular(&file, &meta.file_type(), meta.len())?;
    Ok(opened)
}

fn check_regular(file: &str, kind: &FileType, len: u64) -> Result<()> {
    if !kind.is_file() {
        return Err(FileError::NotAFile {
            file: file.to_string(),
            what: kind_name(kind),
        }
        .into());
    }
    if len > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            file: file.to_string(),
            detail: format!("{} MB，上限 {} MB", len.div_ceil(MB), MAX_FILE_BYTES / MB),
        }
        .into());
    }
    Ok(())
}

pub(crate) fn kind_name(kind: &FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "管道";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "设备";
        }
        if kind.is_socket() {
            return "套接字";
        }
    }
    if kind.is_dir() {
        "文件夹"
    } else {
        "特殊文件"
    }
}

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".into(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".into(),
        _ => e.to_string(),
    }
}

/// All of `reader`, refused past [`MAX_FILE_BYTES`] even when the file said it was
/// smaller (a file that grows, or lies about its size).
pub(crate) fn read_bounded(reader: impl Read, file: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::Unreadable {
            file: file.to_string(),
            reason: io_reason(&e),
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            file: file.to_string(),
            detail: format!("超过 {} MB", MAX_FILE_BYTES / MB),
        }
        .into());
    }
    Ok(bytes)
}

/// Refuses a zip-based workbook that would unpack to too much, by the sizes its central
/// directory declares; no part is unpacked. A part that holds more than it declares
/// cannot get past this: the zip reader (which calamine reads through) fails once a part
/// yields more than its declared size. `Ok(false)`: not a zip archive at all (the reader
/// then says so in its own words).
pub(crate) fn check_zip<R: Read + Seek>(reader: R, file: &str) -> Result<bool> {
    let malformed = |reason: String| FileError::Malformed {
        file: file.to_string(),
        reason,
    };
    let Ok(mut zip) = zip::ZipArchive::new(reader) else {
        return Ok(false);
    };
    if zip.len() > MAX_PARTS {
        return Err(malformed(format!("压缩包内有 {} 个部件", zip.len())).into());
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let part = zip
            .by_index_raw(i)
            .map_err(|e| malformed(format!("压缩结构有误：{e}")))?;
        let (size, packed) = (part.size(), part.compressed_size());
        total = total.saturating_add(size);
        if total > MAX_UNPACKED_BYTES {
            return Err(malformed(format!("解压后超过 {} MB", MAX_UNPACKED_BYTES / MB)).into());
        }
        if size > RATIO_CHECKED_ABOVE && size > packed.saturating_mul(MAX_PART_RATIO) {
            return Err(malformed(format!(
                "部件「{}」压缩比超过 {MAX_PART_RATIO}:1",
                part_name(part.name())
            ))
            .into());
        }
    }
    Ok(true)
}

fn part_name(name: zip::result::ZipResult<std::borrow::Cow<'_, str>>) -> String {
    name.map_or_else(|_| "（名称无法识别）".into(), |n| n.into_owned())
}

/// What a file's cells may still take: rows and memory, counted as they are read across
/// all its sheets.
pub(crate) struct Budget {
    file: String,
    rows: usize,
    bytes: usize,
}

impl Budget {
    pub(crate) fn new(file: &str) -> Self {
        Self {
            file: file.to_string(),
            rows: 0,
            bytes: 0,
        }
    }

    /// The file, as errors name it.
    pub(crate) fn file(&self) -> &str {
        &self.file
    }

    /// `n` more rows (empty ones too: they take memory and line numbers).
    pub(crate) fn rows(&mut self, n: usize) -> Result<()> {
        self.rows = self.rows.saturating_add(n);
        if self.rows > MAX_ROWS {
            return Err(FileError::TooManyRows {
                file: self.file.clone(),
                limit: MAX_ROWS,
            }
            .into());
        }
        self.charge(n.saturating_mul(std::mem::size_of::<Vec<Cell>>()))
    }

    /// `n` more cells holding `text` bytes of text between them.
    pub(crate) fn cells(&mut self, n: usize, text: usize) -> Result<()> {
        self.charge(
            n.saturating_mul(std::mem::size_of::<Cell>())
                .saturating_add(text),
        )
    }

    /// One cell as it will be kept.
    pub(crate) fn cell(&mut self, cell: &Cell) -> Result<()> {
        let text = match cell {
            Cell::Text(s) => s.len(),
            _ => 0,
        };
        self.cells(1, text)
    }

    fn charge(&mut self, bytes: usize) -> Result<()> {
        self.bytes = self.bytes.saturating_add(bytes);
        if self.bytes > MAX_CELL_BYTES {
            return Err(FileError::TooLarge {
                file: self.file.clone(),
                detail: format!("表格内容读入后超过 {} MB", MAX_CELL_BYTES / 1024 / 1024),
            }
            .into());
        }
        Ok(())
    }
}
