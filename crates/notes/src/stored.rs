//! Reading what the browser stored under the notes key, whatever it turns out to be.

use crate::book::NoteBook;
use crate::format::{read_envelope, Strictness, CURRENT_VERSION};
use crate::messages::{FormatError, Rejected};

/// What the stored value turned out to be. The app starts in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredState {
    /// Nothing stored yet (no key, or only whitespace): start with an empty book.
    Empty,
    /// Our notes, migrated to the current version if they were older.
    Loaded(LoadedBook),
    /// Something under our key that is not notes we can read: damaged text, another
    /// app's value, a newer version. The app keeps the raw value under a backup key and
    /// offers it for download before it writes anything over it.
    Unreadable(FormatError),
}

/// Notes read from storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedBook {
    pub book: NoteBook,
    /// The version read, when it was older than [`CURRENT_VERSION`] and was migrated.
    pub migrated_from: Option<u64>,
    /// Notes whose stored record was damaged and left out of `book`.
    pub damaged: Vec<Rejected>,
}

impl LoadedBook {
    /// True when the raw value holds something `book` does not (damaged notes): the
    /// app keeps a copy of it before writing over it. A migration alone loses nothing
    /// (every version-1 field has a place in version 2), so it needs no backup.
    pub fn needs_backup(&self) -> bool {
        !self.damaged.is_empty()
    }

    /// True when the stored text should be written again in the current version.
    pub fn needs_rewrite(&self) -> bool {
        self.migrated_from.is_some() || !self.damaged.is_empty()
    }
}

/// Reads the raw stored value (`None` = the key is absent). Never panics, whatever the
/// string holds.
pub fn parse_stored(raw: Option<&str>) -> StoredState {
    let Some(raw) = raw.filter(|text| !text.trim().is_empty()) else {
        return StoredState::Empty;
    };
    match read_envelope(raw, Strictness::Stored) {
        Ok(envelope) => StoredState::Loaded(LoadedBook {
            book: envelope.book,
            migrated_from: (envelope.version < CURRENT_VERSION).then_some(envelope.version),
            damaged: envelope.rejected,
        }),
        Err(error) => StoredState::Unreadable(error),
    }
}
