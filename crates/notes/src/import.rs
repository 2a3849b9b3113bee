//! Importing a JSON export: validate everything, show what would change, apply only on
//! the reader's confirmation. Nothing here touches the book it is given.

use std::cmp::Ordering;

use crate::book::NoteBook;
use crate::format::{read_envelope, Strictness, CURRENT_VERSION};
use crate::merge::{compare_versions, is_conflict, Conflict};
use crate::messages::{FormatError, Rejected};

/// Largest import file, in bytes (localStorage itself holds about this much).
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// Most notes in one import file.
pub const MAX_IMPORT_NOTES: usize = 20_000;
/// How far ahead of this device's clock an imported edit time may be (other devices'
/// clocks drift); anything later is refused, since it would win every future merge.
pub const MAX_CLOCK_SKEW_MS: i64 = 24 * 60 * 60 * 1000;

/// What importing a file would do, for the reader to confirm. Every note of the file is
/// in exactly one of `added`, `updated`, `unchanged`, `kept_local`, `conflicts` or
/// `rejected`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    /// Item ids with no note here yet: the imported note is added.
    pub added: Vec<String>,
    /// The imported note is newer and replaces the one here.
    pub updated: Vec<String>,
    /// The same content is already here.
    pub unchanged: Vec<String>,
    /// The note here is newer than the imported one and stays.
    pub kept_local: Vec<String>,
    /// Both differ and were edited within the concurrency window: the newer stays, both
    /// are shown.
    pub conflicts: Vec<Conflict>,
    /// Notes of the file that fail validation, with the reason; they are not imported.
    pub rejected: Vec<Rejected>,
    /// The file's format version when older than the current one (it was migrated).
    pub migrated_from: Option<u64>,
    /// The book after the import, to store when the reader confirms.
    pub merged: NoteBook,
    changed: bool,
}

impl ImportPreview {
    /// True when applying the import changes the book (something added, or an imported
    /// version newer than the one here).
    pub fn changes_anything(&self) -> bool {
        self.changed
    }
}

/// Validates an export file's text and works out, against `current`, what importing it
/// would change. `now_ms` is this device's clock. A file that is too large, not JSON,
/// not a notes export, of an unknown version or with too many notes is refused as a
/// whole; single invalid notes are listed in `rejected` and the rest can be imported.
pub fn preview_import(
    current: &NoteBook,
    raw: &str,
    now_ms: i64,
) -> Result<ImportPreview, FormatError> {
    if raw.len() > MAX_IMPORT_BYTES {
        return Err(FormatError::TooLarge {
            bytes: raw.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    // Excel and Notepad like to add a byte-order mark; it is not part of the JSON.
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let envelope = read_envelope(raw, Strictness::Import { now_ms })?;
    let mut preview = ImportPreview {
        added: Vec::new(),
        updated: Vec::new(),
        unchanged: Vec::new(),
        kept_local: Vec::new(),
        conflicts: Vec::new(),
        rejected: envelope.rejected,
        migrated_from: (envelope.version < CURRENT_VERSION).then_some(envelope.version),
        merged: current.clone(),
        changed: false,
    };
    for theirs in envelope.book.iter() {
        let id = theirs.item_id.clone();
        let Some(ours) = current.get(&id) else {
            preview.merged.insert(theirs.clone());
            preview.added.push(id);
            continue;
        };
        let theirs_wins = compare_versions(theirs, ours) == Ordering::Greater;
        if ours.same_content(theirs) {
            preview.unchanged.push(id);
        } else if is_conflict(ours, theirs, None) {
            let (kept, other) = if theirs_wins {
                (theirs, ours)
            } else {
                (ours, theirs)
            };
            preview.conflicts.push(Conflict {
                item_id: id,
                kept: kept.clone(),
                other: other.clone(),
            });
            if theirs_wins {
                preview.merged.insert(theirs.clone());
            }
        } else if theirs_wins {
            preview.merged.insert(theirs.clone());
            preview.updated.push(id);
        } else {
            preview.kept_local.push(id);
        }
    }
    preview.changed = preview.merged != *current;
    Ok(preview)
}
