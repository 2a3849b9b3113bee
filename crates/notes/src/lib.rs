//! planboard's private notes, as plain Rust: the note and the notebook, the versioned
//! JSON envelope they are stored and exported in (with migration from version 1), the
//! per-note merge of two notebooks (two browser tabs, or an import), the import
//! preview, the CSV export, and the queries of the 我的笔记 view. The browser side
//! (storage, events, components) lives in the app's `src/notes/`; everything that can
//! be decided without a browser is decided and tested here.

pub mod book;
pub mod date;
pub mod export;
pub mod format;
pub mod import;
pub mod merge;
pub mod messages;
pub mod note;
pub mod query;
pub mod stored;

pub use book::NoteBook;
pub use date::{is_valid_date, local_date, local_date_time};
pub use export::{to_csv, ItemLabel, CSV_HEADER, ORPHAN_REMARK};
pub use format::{
    stored_envelope, to_export_json, to_stored_json, CURRENT_VERSION, FORMAT_NAME, MIGRATED_DEVICE,
    OLDEST_VERSION,
};
pub use import::{
    preview_import, ImportPreview, MAX_CLOCK_SKEW_MS, MAX_IMPORT_BYTES, MAX_IMPORT_NOTES,
};
pub use merge::{
    compare_versions, is_conflict, merge, Conflict, MergeOutcome, CONCURRENT_EDIT_WINDOW_MS,
};
pub use messages::{FormatError, RejectReason, Rejected, ShapeProblem, StorageProblem};
pub use note::{
    normalize_tags, Mark, Note, MAX_DEVICE_CHARS, MAX_ITEM_ID_CHARS, MAX_TAGS, MAX_TAG_CHARS,
    MAX_TEXT_CHARS,
};
pub use query::{due_on_or_before, fold, list_notes, NoteFilter, NotesListing, NotesQuery};
pub use stored::{parse_stored, LoadedBook, StoredState};
