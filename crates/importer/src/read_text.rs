//! A source file as lines for the parsers, with where each line came from. With the
//! `formats` feature any supported file is read (Word, Excel, web pages, GBK/UTF-16
//! text, through `planboard-formats`); without it only UTF-8 text, and a caller that
//! read the file elsewhere (the browser's worker) hands its result over as a
//! [`ReadText`].

use crate::error::ImportError;
use serde::{Deserialize, Serialize};

/// The label of plain text, the one format every build reads.
pub const TEXT_FORMAT_LABEL: &str = "文本";

/// A file read into the importer's lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadText {
    /// One line per paragraph; each table row as `| cell | cell | … |`.
    pub text: String,
    /// `places[i]`: where line `i + 1` came from (`表格 1 第 4 行`). Empty for plain
    /// text, whose line numbers are its places.
    pub places: Vec<String>,
    /// What the file was, in words (`Word 文档(.docx)`, `文本`).
    pub format_label: String,
    /// For text and web pages, the encoding used (`UTF-8`, `GB18030` …).
    pub encoding: Option<String>,
    /// What the reader left out, each with its place: site navigation, scripts,
    /// other sheets, images …
    pub not_read: Vec<NotRead>,
}

/// A part of a file that was not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotRead {
    pub place: String,
    pub what: String,
}

impl ReadText {
    /// Text already decoded (a stored local source, a test).
    pub fn plain(text: impl Into<String>) -> Self {
        ReadText {
            text: text.into(),
            places: Vec::new(),
            format_label: TEXT_FORMAT_LABEL.to_string(),
            encoding: None,
            not_read: Vec::new(),
        }
    }

    /// UTF-8 text only: what a build without the `formats` feature reads.
    pub fn from_utf8(bytes: &[u8], file: &str) -> Result<Self, ImportError> {
        let text = crate::pipeline::decode(bytes, file)?;
        let encoding = if bytes.starts_with(b"\xEF\xBB\xBF") {
            "UTF-8 (BOM)"
        } else {
            "UTF-8"
        };
        Ok(ReadText {
            encoding: Some(encoding.to_string()),
            ..ReadText::plain(text)
        })
    }

    /// Any supported file, its format judged from the content.
    #[cfg(feature = "formats")]
    pub fn read(bytes: &[u8], file: &str) -> Result<Self, ImportError> {
        planboard_formats::read(bytes, file)
            .map(ReadText::from)
            .map_err(|error| {
                // A text file's place is a line number: `FILE:LINE:` like every text error.
                let line = error.place.as_deref().and_then(text_line);
                ImportError {
                    place: if line.is_some() { None } else { error.place },
                    ..ImportError::new(&error.file, line.unwrap_or(0), error.message)
                }
            })
    }

    /// Where 1-based `line` came from, for files that are not plain text.
    pub fn place_of(&self, line: u32) -> Option<&str> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        self.places.get(index).map(String::as_str)
    }
}

/// `第 12 行` → 12.
#[cfg(feature = "formats")]
fn text_line(place: &str) -> Option<u32> {
    place.strip_prefix("第 ")?.strip_suffix(" 行")?.parse().ok()
}

#[cfg(feature = "formats")]
impl From<planboard_formats::Extracted> for ReadText {
    fn from(extracted: planboard_formats::Extracted) -> Self {
        // Plain text's places are its line numbers, which messages give already.
        let places = match extracted.format {
            planboard_formats::Format::Text => Vec::new(),
            _ => extracted.places,
        };
        let format_label = match extracted.format {
            planboard_formats::Format::Text => TEXT_FORMAT_LABEL,
            other => other.label_zh(),
        };
        ReadText {
            text: extracted.text,
            places,
            format_label: format_label.to_string(),
            encoding: extracted.encoding,
            not_read: extracted
                .skipped
                .into_iter()
                .map(|skipped| NotRead {
                    place: skipped.place,
                    what: skipped.what,
                })
                .collect(),
        }
    }
}
