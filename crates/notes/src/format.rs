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

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::book::NoteBook;
use crate::date::is_valid_date;
use crate::messages::{FormatError, RejectReason, Rejected, ShapeProblem};
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
        line: error.line(),
        column: error.column(),
        detail: error.to_string(),
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
        Some(_) => return Err(bad_shape(ShapeProblem::VersionNotNumber)),
        None => return Err(bad_shape(ShapeProblem::VersionMissing)),
    };
    let notes = match object.remove("notes") {
        Some(Value::Object(notes)) => notes,
        Some(_) => return Err(bad_shape(ShapeProblem::NotesNotObject)),
        None => return Err(bad_shape(ShapeProblem::NotesMissing)),
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
                .map_err(|()| RejectReason::SavedAtNotInteger)
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

fn bad_shape(problem: ShapeProblem) -> FormatError {
    FormatError::BadShape { problem }
}

fn note_from_v1(item_id: &str, value: Value, saved_at_ms: i64) -> Result<Note, RejectReason> {
    let Value::String(text) = value else {
        return Err(RejectReason::V1NotText);
    };
    Ok(Note {
        text,
        updated_at_ms: saved_at_ms,
        device: MIGRATED_DEVICE.to_owned(),
        ..Note::empty(item_id)
    })
}

fn note_from_v2(item_id: &str, value: Value) -> Result<Note, RejectReason> {
    let record: RecordV2 =
        serde_json::from_value(value).map_err(|error| RejectReason::BadRecord {
            detail: error.to_string(),
        })?;
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
fn check_note(mut note: Note, strictness: Strictness) -> Result<Note, RejectReason> {
    let id_chars = note.item_id.chars().count();
    if note.item_id.trim().is_empty() {
        return Err(RejectReason::EmptyItemId);
    }
    if id_chars > MAX_ITEM_ID_CHARS || note.item_id.chars().any(char::is_control) {
        return Err(RejectReason::BadItemId);
    }
    if let Some(date) = &note.follow_up {
        if !is_valid_date(date) {
            return Err(RejectReason::BadDate { value: clip(date) });
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
                return Err(RejectReason::TextTooLong { chars: text_chars });
            }
            if note.tags.len() > MAX_TAGS {
                return Err(RejectReason::TooManyTags {
                    count: note.tags.len(),
                });
            }
            for tag in &note.tags {
                if tag.is_empty()
                    || tag.chars().count() > MAX_TAG_CHARS
                    || tag.chars().any(is_tag_separator)
                {
                    return Err(RejectReason::BadTag { tag: clip(tag) });
                }
            }
            if normalize_tags(&note.tags.join(",")) != note.tags {
                return Err(RejectReason::DuplicateTags);
            }
            if note.device.chars().count() > MAX_DEVICE_CHARS
                || note.device.chars().any(char::is_control)
            {
                return Err(RejectReason::BadDevice);
            }
            if note.updated_at_ms < 0 {
                return Err(RejectReason::BeforeEpoch);
            }
            if note.updated_at_ms > now_ms.saturating_add(crate::MAX_CLOCK_SKEW_MS) {
                return Err(RejectReason::InFuture);
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
