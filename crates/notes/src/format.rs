//! The notes' JSON envelope — one format for browser storage and for export files:
//!
//! ```json
//! { "format": "planboard-notes", "version": 2,
//!   "notes": { "<item id>": { "text": "…", "tags": ["…"], "watched": false,
//!                             "follow_up": "2024-07-01", "mark": "doubtful",
//!                             "updated_at_ms": 1719800000000, "device": "tab-…" } } }
//! ```
//!
//! Version 1 (the first release) kept only text: `"notes": { "<item id>": "text" }` and
//! one `"saved_at_ms"` for the whole book. It is migrated on read. Unknown fields are
//! ignored, so a later version may add some without breaking this reader.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::book::NoteBook;
use crate::date::is_valid_date;
use crate::note::{
    is_tag_separator, normalize_tags, Mark, Note, MAX_DEVICE_CHARS, MAX_ITEM_ID_CHARS, MAX_TAGS,
    MAX_TAG_CHARS, MAX_TEXT_CHARS,
};

/// The `format` value that says "these are planboard notes".
pub const FORMAT_NAME: &str = "planboard-notes";
/// The version this code writes.
pub const CURRENT_VERSION: u64 = 2;
/// The oldest version this code still reads (and migrates).
pub const OLDEST_VERSION: u64 = 1;
/// Device name given to notes migrated from version 1, which recorded none.
pub const MIGRATED_DEVICE: &str = "v1";

/// Why a text is not a notes envelope this code can read. The messages are worded for
/// the reader, in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// An import file above [`crate::MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize, limit: usize },
    /// Not JSON at all (serde_json's position and message in `detail`).
    NotJson { detail: String },
    /// JSON, but not a planboard notes envelope (another app's value, another file).
    Foreign,
    /// A planboard notes envelope of a version this code cannot read.
    UnsupportedVersion { version: String },
    /// The envelope's own fields have the wrong shape.
    BadShape { detail: String },
    /// An import file with more notes than [`crate::MAX_IMPORT_NOTES`].
    TooManyNotes { count: usize, limit: usize },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::TooLarge { bytes, limit } => write!(
                f,
                "文件过大（{:.1} MB），笔记文件最大 {} MB",
                *bytes as f64 / 1_048_576.0,
                limit / 1_048_576
            ),
            FormatError::NotJson { detail } => write!(f, "不是有效的 JSON（{detail}）"),
            FormatError::Foreign => write!(f, "不是 planboard 的笔记数据"),
            FormatError::UnsupportedVersion { version } => write!(
                f,
                "笔记数据版本为 {version}，本程序只能读取版本 {OLDEST_VERSION}–{CURRENT_VERSION}"
            ),
            FormatError::BadShape { detail } => write!(f, "笔记数据结构不符：{detail}"),
            FormatError::TooManyNotes { count, limit } => {
                write!(f, "文件含 {count} 条笔记，超过上限 {limit} 条")
            }
        }
    }
}

impl std::error::Error for FormatError {}

/// One note that could not be taken, and why (in Chinese).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub item_id: String,
    pub reason: String,
}

/// How hard to look at each note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strictness {
    /// What this app stored itself: only shape errors reject a note; tags are
    /// re-normalised rather than refused, so nothing the reader wrote is thrown away.
    Stored,
    /// A file from outside: every limit applies, and a timestamp more than a day in the
    /// future is refused (it would win every later merge).
    Import { now_ms: i64 },
}

/// A read envelope.
#[derive(Debug, Clone)]
pub(crate) struct Envelope {
    pub book: NoteBook,
    pub version: u64,
    pub rejected: Vec<Rejected>,
}

/// The wire form of one version-2 note (the item id is its key).
#[derive(Debug, Serialize, Deserialize)]
struct RecordV2 {
    #[serde(default)]
    text: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    watched: bool,
    #[serde(default)]
    follow_up: Option<String>,
    #[serde(default)]
    mark: Option<Mark>,
    #[serde(default)]
    updated_at_ms: i64,
    #[serde(default)]
    device: String,
}

#[derive(Serialize)]
struct EnvelopeOut {
    format: &'static str,
    version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at_ms: Option<i64>,
    notes: Map<String, Value>,
}

fn record_of(note: &Note) -> Value {
    let record = RecordV2 {
        text: note.text.clone(),
        tags: note.tags.clone(),
        watched: note.watched,
        follow_up: note.follow_up.clone(),
        mark: note.mark,
        updated_at_ms: note.updated_at_ms,
        device: note.device.clone(),
    };
    // A struct of strings, bools and integers always converts.
    serde_json::to_value(record).unwrap_or(Value::Null)
}

fn build_envelope<'a>(
    notes: impl Iterator<Item = &'a Note>,
    exported_at_ms: Option<i64>,
) -> EnvelopeOut {
    EnvelopeOut {
        format: FORMAT_NAME,
        version: CURRENT_VERSION,
        exported_at_ms,
        notes: notes
            .map(|note| (note.item_id.clone(), record_of(note)))
            .collect(),
    }
}

/// The stored envelope as a value for any serde serializer (gloo-storage's `set`
/// writes it as exactly the text of [`to_stored_json`]).
pub fn stored_envelope(book: &NoteBook) -> impl Serialize {
    build_envelope(book.iter(), None)
}

/// The text stored in the browser: the current version, compact, blank notes included
/// (they carry "cleared" to other tabs).
pub fn to_stored_json(book: &NoteBook) -> String {
    // Serialising maps of strings cannot fail; an empty string would read as "empty".
    serde_json::to_string(&stored_envelope(book)).unwrap_or_default()
}

/// An export file: the current version, indented for people, blank notes left out.
pub fn to_export_json(book: &NoteBook, exported_at_ms: i64) -> String {
    serde_json::to_string_pretty(&build_envelope(book.written(), Some(exported_at_ms)))
        .unwrap_or_default()
}

/// Reads an envelope of any supported version into a book. Never panics: serde_json
/// limits nesting depth, and every field is checked before use.
pub(crate) fn read_envelope(raw: &str, strictness: Strictness) -> Result<Envelope, FormatError> {
    let value: Value = serde_json::from_str(raw).map_err(|error| FormatError::NotJson {
        detail: format!("第 {} 行第 {} 列：{}", error.line(), error.column(), error),
    })?;
    let Value::Object(mut object) = value else {
        return Err(FormatError::Foreign);
    };
    if object.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(FormatError::Foreign);
    }
    let version = match object.get("version") {
        Some(Value::Number(number)) => match number.as_u64() {
            Some(v) if (OLDEST_VERSION..=CURRENT_VERSION).contains(&v) => v,
            _ => {
                return Err(FormatError::UnsupportedVersion {
                    version: number.to_string(),
                })
            }
        },
        Some(_) => return Err(bad_shape("version 应为数字")),
        None => return Err(bad_shape("缺少 version")),
    };
    let notes = match object.remove("notes") {
        Some(Value::Object(notes)) => notes,
        Some(_) => return Err(bad_shape("notes 应为对象（条目编号 → 笔记）")),
        None => return Err(bad_shape("缺少 notes")),
    };
    if let Strictness::Import { .. } = strictness {
        if notes.len() > crate::MAX_IMPORT_NOTES {
            return Err(FormatError::TooManyNotes {
                count: notes.len(),
                limit: crate::MAX_IMPORT_NOTES,
            });
        }
    }
    let mut envelope = Envelope {
        book: NoteBook::new(),
        version,
        rejected: Vec::new(),
    };
    let saved_at_ms = match object.get("saved_at_ms") {
        None | Some(Value::Null) => Ok(0),
        Some(value) => value.as_i64().ok_or(()),
    };
    for (item_id, value) in notes {
        let note = match version {
            1 => saved_at_ms
                .map_err(|()| "saved_at_ms 应为整数".to_owned())
                .and_then(|saved| note_from_v1(&item_id, value, saved)),
            _ => note_from_v2(&item_id, value),
        }
        .and_then(|note| check_note(note, strictness));
        match note {
            Ok(note) if version == 1 && note.is_blank() => {}
            Ok(note) => {
                envelope.book.insert(note);
            }
            Err(reason) => envelope.rejected.push(Rejected { item_id, reason }),
        }
    }
    Ok(envelope)
}

fn bad_shape(detail: &str) -> FormatError {
    FormatError::BadShape {
        detail: detail.to_owned(),
    }
}

fn note_from_v1(item_id: &str, value: Value, saved_at_ms: i64) -> Result<Note, String> {
    let Value::String(text) = value else {
        return Err("版本 1 的笔记应为文字".to_owned());
    };
    Ok(Note {
        text,
        updated_at_ms: saved_at_ms,
        device: MIGRATED_DEVICE.to_owned(),
        ..Note::empty(item_id)
    })
}

fn note_from_v2(item_id: &str, value: Value) -> Result<Note, String> {
    let record: RecordV2 =
        serde_json::from_value(value).map_err(|error| format!("笔记结构不符：{error}"))?;
    Ok(Note {
        item_id: item_id.to_owned(),
        text: record.text,
        tags: record.tags,
        watched: record.watched,
        follow_up: record.follow_up,
        mark: record.mark,
        updated_at_ms: record.updated_at_ms,
        device: record.device,
    })
}

/// Applies the limits; returns the note (tags normalised when reading storage) or the
/// reason it is refused.
fn check_note(mut note: Note, strictness: Strictness) -> Result<Note, String> {
    let id_chars = note.item_id.chars().count();
    if note.item_id.trim().is_empty() {
        return Err("条目编号为空".to_owned());
    }
    if id_chars > MAX_ITEM_ID_CHARS || note.item_id.chars().any(char::is_control) {
        return Err("条目编号不合格式（过长或含控制字符）".to_owned());
    }
    if let Some(date) = &note.follow_up {
        if !is_valid_date(date) {
            return Err(format!(
                "跟进日期“{}”不是有效日期（应为 YYYY-MM-DD）",
                clip(date)
            ));
        }
    }
    match strictness {
        Strictness::Stored => {
            let tags = note.tags.join(",");
            note.tags = normalize_tags(&tags);
        }
        Strictness::Import { now_ms } => {
            let text_chars = note.text.chars().count();
            if text_chars > MAX_TEXT_CHARS {
                return Err(format!(
                    "笔记过长（{text_chars} 字，上限 {MAX_TEXT_CHARS} 字）"
                ));
            }
            if note.tags.len() > MAX_TAGS {
                return Err(format!(
                    "标签过多（{} 个，上限 {MAX_TAGS} 个）",
                    note.tags.len()
                ));
            }
            for tag in &note.tags {
                if tag.is_empty()
                    || tag.chars().count() > MAX_TAG_CHARS
                    || tag.chars().any(is_tag_separator)
                {
                    return Err(format!(
                        "标签“{}”不合格式（应为 1–{MAX_TAG_CHARS} 字，不含空格和逗号）",
                        clip(tag)
                    ));
                }
            }
            if normalize_tags(&note.tags.join(",")) != note.tags {
                return Err("标签重复".to_owned());
            }
            if note.device.chars().count() > MAX_DEVICE_CHARS
                || note.device.chars().any(char::is_control)
            {
                return Err("设备标识不合格式".to_owned());
            }
            if note.updated_at_ms < 0 {
                return Err("修改时间早于 1970 年".to_owned());
            }
            if note.updated_at_ms > now_ms.saturating_add(crate::MAX_CLOCK_SKEW_MS) {
                return Err("修改时间在未来".to_owned());
            }
        }
    }
    Ok(note)
}

/// A short, safe excerpt of a hostile value for a message.
fn clip(text: &str) -> String {
    let mut clipped: String = text.chars().filter(|c| !c.is_control()).take(20).collect();
    if text.chars().count() > 20 {
        clipped.push('…');
    }
    clipped
}
