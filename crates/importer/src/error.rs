//! The one error the importer reports: where in which file, and what is wrong.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Unusable input. Shown as `FILE:LINE: message` so an editor or a person can jump to it
/// (`FILE: message` when the whole file is meant). A source read from a Word, Excel or
/// web file shows where the line came from instead: `任务分解.docx: 表格 1 第 4 行: …`.
// Serialisable: the import worker sends it to the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportError {
    pub file: String,
    /// 1-based; 0 when the problem is the file as a whole (empty, not UTF-8 at a byte
    /// offset that has no line yet …).
    pub line: u32,
    pub message: String,
    /// Where in an office file or web page `line` came from (`表格 1 第 4 行`,
    /// `工作表“2024年”第 5 行`), or where a file reader stopped (`word/document.xml 第 2
    /// 行…`); `None` for plain text, whose line number says it.
    pub place: Option<String>,
    /// Details of the document its text does not state and nobody gave (`辖区`,
    /// `年份`, `时段`): the reader can supply them (`--jurisdiction` …, the browser's
    /// form) and import again. Empty for every other error.
    pub missing: Vec<MissingDetail>,
}

/// A document detail the importer needs and will not guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MissingDetail {
    Jurisdiction,
    Year,
    Period,
}

impl MissingDetail {
    /// The word in messages.
    pub fn label_zh(self) -> &'static str {
        match self {
            MissingDetail::Jurisdiction => "辖区(哪个市县)",
            MissingDetail::Year => "年份",
            MissingDetail::Period => "时段(一季度、上半年、前三季度、全年或某月)",
        }
    }

    /// The command-line option that gives it.
    pub fn option(self) -> &'static str {
        match self {
            MissingDetail::Jurisdiction => "--jurisdiction",
            MissingDetail::Year => "--year",
            MissingDetail::Period => "--period",
        }
    }
}

impl ImportError {
    pub fn new(file: &str, line: u32, message: impl Into<String>) -> Self {
        ImportError {
            file: file.to_string(),
            line,
            message: message.into(),
            place: None,
            missing: Vec::new(),
        }
    }

    /// The error with the place of its line among `places` (`places[i]` is where line
    /// `i + 1` came from). An error of the whole file, or one already placed, is kept.
    pub fn placed(mut self, places: &[String]) -> Self {
        if self.place.is_none() && self.line > 0 {
            self.place = places.get(self.line as usize - 1).cloned();
        }
        self
    }

    /// The error for a document whose text leaves `missing` unsaid.
    pub fn missing_details(file: &str, missing: Vec<MissingDetail>) -> Self {
        let names: Vec<&str> = missing.iter().map(|m| m.label_zh()).collect();
        let options: Vec<&str> = missing.iter().map(|m| m.option()).collect();
        ImportError {
            file: file.to_string(),
            line: 0,
            place: None,
            message: format!(
                "文中没有写明{},不能猜测;请指明后再导入(命令行用 {},或在源文件旁放同名 .meta.json)",
                names.join("、"),
                options.join(" ")
            ),
            missing,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Line numbers start at 1; a problem of the whole file names no line.
        match (&self.place, self.line) {
            (Some(place), _) => write!(f, "{}: {place}: {}", self.file, self.message),
            (None, 0) => write!(f, "{}: {}", self.file, self.message),
            (None, line) => write!(f, "{}:{line}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ImportError {}
