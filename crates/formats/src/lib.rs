//! The files offices really have — Word, Excel (and WPS), saved web pages, GBK or UTF-16
//! text — read into the importer's line form, with where each line came from.
//!
//! The importer reads lines: one line per paragraph, each table row as
//! `| cell | cell | … |`. Every reader here produces exactly that, plus `places[i]`, the
//! location of line `i + 1` in words a person can find again (`表格 1 第 4 行`), and a list
//! of what it did not read (navigation, scripts, empty sheets …), so nothing is dropped
//! silently. The format is judged from the content, never from the file name alone.
//!
//! No reader panics on any input: every failure is a [`FormatError`] naming the file,
//! the place when there is one, and what to do.

mod detect;
mod docx;
mod grid;
mod html;
mod ole;
mod sheet;
mod text;
mod xml;
mod zipped;

use serde::{Deserialize, Serialize};
use std::fmt;

/// Files larger than this are refused before anything is read: the largest real
/// breakdown tables are a few hundred KB.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// The most bytes inflated from one zip (docx/xlsx) altogether, counted while inflating,
/// never trusted from the zip's own headers: the guard against zip bombs.
pub const MAX_INFLATED_BYTES: u64 = 64 * 1024 * 1024;

/// What a file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    Text,
    Docx,
    Xlsx,
    Xls,
    Html,
    Pdf,
}

impl Format {
    pub fn label_zh(&self) -> &'static str {
        match self {
            Format::Text => "文本",
            Format::Docx => "Word 文档(.docx)",
            Format::Xlsx => "Excel 工作簿(.xlsx)",
            Format::Xls => "Excel 97-2003 工作簿(.xls)",
            Format::Html => "网页(.html)",
            Format::Pdf => "PDF",
        }
    }

    pub fn label_en(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Docx => "Word document (.docx)",
            Format::Xlsx => "Excel workbook (.xlsx)",
            Format::Xls => "Excel 97-2003 workbook (.xls)",
            Format::Html => "web page (.html)",
            Format::Pdf => "PDF",
        }
    }
}

/// A file read into the importer's lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extracted {
    /// One line per paragraph; each table row as `| cell | cell | … |`.
    pub text: String,
    /// `places[i]`: where line `i + 1` of `text` came from (`第 3 段`, `表格 1 第 4 行`,
    /// `工作表“2024年任务”第 5 行`, `第 12 行`, `第 2 页第 7 行`).
    pub places: Vec<String>,
    pub format: Format,
    /// For text and web pages: the encoding used (`UTF-8`, `UTF-8 (BOM)`, `GB18030`,
    /// `UTF-16LE` …).
    pub encoding: Option<String>,
    /// What was not read, and where.
    pub skipped: Vec<Skipped>,
}

/// A part of the file that was not read, accounted for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub place: String,
    pub what: String,
}

/// A file that cannot be read, and why. Shown as `file: place: message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormatError {
    pub file: String,
    pub place: Option<String>,
    pub message: String,
}

impl FormatError {
    pub(crate) fn new(file: &str, message: impl Into<String>) -> Self {
        FormatError {
            file: file.to_string(),
            place: None,
            message: message.into(),
        }
    }

    pub(crate) fn at(file: &str, place: impl Into<String>, message: impl Into<String>) -> Self {
        FormatError {
            file: file.to_string(),
            place: Some(place.into()),
            message: message.into(),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Some(place) => write!(f, "{}: {}: {}", self.file, place, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for FormatError {}

/// Reads any supported file. The format comes from the content; the name only words
/// messages and catches a `.docx` that is really a workbook.
pub fn read(bytes: &[u8], file_name: &str) -> Result<Extracted, FormatError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FormatError::new(
            file_name,
            format!(
                "文件有 {},超过导入上限 {};请只保留任务表格或分成几个文件后再导入",
                human_size(bytes.len() as u64),
                human_size(MAX_FILE_BYTES as u64)
            ),
        ));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(FormatError::new(file_name, "文件为空(没有任何文字)"));
    }
    detect::read_detected(bytes, file_name)
}

/// Lines read elsewhere (pdf.js in the browser gives `(place, text)` per line) in the
/// same form as [`read`]'s. A line break inside a text would shift every later line, so
/// it becomes a space.
pub fn from_lines(format: Format, lines: Vec<(String, String)>) -> Extracted {
    let mut out = Lines::default();
    for (place, text) in lines {
        out.push(place, &text);
    }
    out.finish(format, None, Vec::new())
}

/// The growing line form of a document: each pushed line keeps its place.
#[derive(Debug, Default)]
pub(crate) struct Lines {
    text: String,
    places: Vec<String>,
}

impl Lines {
    /// One line; embedded line breaks become spaces so lines and places stay aligned.
    pub(crate) fn push(&mut self, place: impl Into<String>, line: &str) {
        if !self.places.is_empty() {
            self.text.push('\n');
        }
        let mut previous_break = false;
        for c in line.trim_end_matches(['\r', '\n']).chars() {
            if matches!(c, '\r' | '\n' | '\u{2028}' | '\u{2029}') {
                if !previous_break {
                    self.text.push(' ');
                }
                previous_break = true;
            } else {
                self.text.push(c);
                previous_break = false;
            }
        }
        self.places.push(place.into());
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub(crate) fn finish(
        self,
        format: Format,
        encoding: Option<String>,
        skipped: Vec<Skipped>,
    ) -> Extracted {
        Extracted {
            text: self.text,
            places: self.places,
            format,
            encoding,
            skipped,
        }
    }
}

pub(crate) fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else if bytes >= 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} 字节")
    }
}
