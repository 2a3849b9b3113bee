//! The notes as reactive state: the book in memory (the source of truth while the page
//! is open) and what the components ask of it. `sync.rs` holds the storage side.
//!
//! Never-lost rules the two files implement:
//! - every keystroke changes the book in memory first; storage follows ~500 ms later;
//! - a failed save keeps the book in memory, says so, and retries (2 s, doubling to 30 s);
//! - before each write the stored value is read and merged note by note (another tab
//!   may have written since), and a `storage` event from another tab is merged the same
//!   way, with the last value read or written as the merge base;
//! - a stored value that cannot be read, or holds damaged notes, is copied to a backup
//!   key before anything is written over it; if even the backup cannot be written,
//!   saving pauses until the reader has downloaded the value.

use std::time::Duration;

use leptos::prelude::*;
use planboard_model::Lang;
use planboard_notes::{merge, Conflict, FormatError, Note, NoteBook, StorageProblem};

use super::storage::{self, list_backups, Backup, SaveError};

/// How long typing must pause before the book is written.
pub(super) const SAVE_DEBOUNCE: Duration = Duration::from_millis(500);
/// First wait before retrying a failed save; doubles up to [`MAX_RETRY_DELAY_MS`].
pub(super) const FIRST_RETRY_DELAY_MS: u64 = 2_000;
pub(super) const MAX_RETRY_DELAY_MS: u64 = 30_000;

/// Where saving stands, as the editor shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Storage holds everything in memory.
    Saved,
    /// A change waits for the debounce (or a retry is about to run).
    Pending,
    /// The last write failed; a retry is scheduled.
    Failed(SaveError),
    /// Saving waits until an unreadable stored value has been downloaded.
    Held,
}

impl SaveStatus {
    /// The visible words, in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            SaveStatus::Saved => lang.pick("已保存", "Saved").to_owned(),
            SaveStatus::Pending => lang.pick("保存中…", "Saving…").to_owned(),
            SaveStatus::Failed(error) => lang.pick(
                format!("保存失败（{}）将自动重试", error.reason(lang)),
                format!(
                    "Not saved ({}); will retry automatically",
                    error.reason(lang)
                ),
            ),
            SaveStatus::Held => lang
                .pick(
                    "暂停保存：请先下载无法读取的旧数据",
                    "Saving paused: first download the old data that could not be read",
                )
                .to_owned(),
        }
    }

    /// A stable word for `data-state` (tests, styling).
    pub fn code(&self) -> &'static str {
        match self {
            SaveStatus::Saved => "saved",
            SaveStatus::Pending => "pending",
            SaveStatus::Failed(_) => "failed",
            SaveStatus::Held => "held",
        }
    }
}

/// A stored value that could not be read and could not be backed up in storage either
/// (usually: storage full). It lives only in memory until the reader downloads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsavedBackup {
    pub raw: String,
    /// Why it could not be read; `None` when it was read but held damaged notes.
    pub problem: Option<FormatError>,
}

impl UnsavedBackup {
    /// Why the value could not be read, in `lang`.
    pub fn problem(&self, lang: Lang) -> String {
        match &self.problem {
            Some(error) => error.message(lang),
            None => lang
                .pick(
                    "旧版本或部分损坏的笔记数据",
                    "notes from an older version, or partly damaged",
                )
                .to_owned(),
        }
    }
}

/// The notes state, provided once as context by [`provide_notes`].
#[derive(Clone, Copy)]
pub struct NotesState {
    pub(super) book: RwSignal<NoteBook>,
    pub(super) status: RwSignal<SaveStatus>,
    /// Conflicts met while merging other tabs' writes, until the reader dismisses them.
    pub(super) tab_conflicts: RwSignal<Vec<Conflict>>,
    pub(super) backups: RwSignal<Vec<Backup>>,
    /// What went wrong with the stored value, said once to the reader.
    pub(super) storage_problem: RwSignal<Option<StorageProblem>>,
    pub(super) unsaved_backup: RwSignal<Option<UnsavedBackup>>,
    /// The last raw value backed up, so finding it again before it is overwritten does
    /// not back it up twice.
    pub(super) backed_up: StoredValue<Option<String>>,
    /// The book as storage last held it (read or written): the merge base.
    pub(super) base: StoredValue<NoteBook>,
    pub(super) timer: StoredValue<Option<TimeoutHandle>>,
    pub(super) retry_delay_ms: StoredValue<u64>,
    pub(super) device: StoredValue<String>,
}

/// Reads the stored notes, starts listening to other tabs, and provides the state as
/// context. The shell calls it once, before the data load (notes need no dataset).
pub fn provide_notes() -> NotesState {
    let state = NotesState {
        book: RwSignal::new(NoteBook::new()),
        status: RwSignal::new(SaveStatus::Saved),
        tab_conflicts: RwSignal::new(Vec::new()),
        backups: RwSignal::new(Vec::new()),
        storage_problem: RwSignal::new(None),
        unsaved_backup: RwSignal::new(None),
        backed_up: StoredValue::new(None),
        base: StoredValue::new(NoteBook::new()),
        timer: StoredValue::new(None),
        retry_delay_ms: StoredValue::new(FIRST_RETRY_DELAY_MS),
        device: StoredValue::new(new_device_id()),
    };
    state.load();
    // The notes live as long as the page, so the listeners are never removed.
    let _ = window_event_listener(leptos::ev::storage, move |event| {
        state.on_storage_event(&event);
    });
    // Closing or hiding the tab must not drop the last half second of typing.
    let _ = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            state.flush();
        }
    });
    provide_context(state);
    state
}

/// The notes state provided by [`provide_notes`].
pub fn use_notes() -> NotesState {
    expect_context::<NotesState>()
}

/// Milliseconds since the epoch, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Minutes east of UTC of the browser's zone (China: 480).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// The reader's local date, `YYYY-MM-DD`.
pub fn today() -> String {
    planboard_notes::local_date(now_ms(), utc_offset_minutes())
}

fn new_device_id() -> String {
    // Only needs to tell this tab from others for a while; Math.random is enough.
    let random = (js_sys::Math::random() * 2f64.powi(40)) as u64;
    format!("tab-{random:x}")
}

impl NotesState {
    /// The whole book (reactive).
    pub fn book(&self) -> RwSignal<NoteBook> {
        self.book
    }

    /// The note on `item_id`, if any (reactive).
    pub fn note(&self, item_id: &str) -> Option<Note> {
        self.book.with(|book| book.get(item_id).cloned())
    }

    /// Where saving stands (reactive).
    pub fn status(&self) -> SaveStatus {
        self.status.get()
    }

    /// Conflicts with other tabs' edits of `item_id` (reactive).
    pub fn conflicts_for(&self, item_id: &str) -> Vec<Conflict> {
        self.tab_conflicts.with(|conflicts| {
            conflicts
                .iter()
                .filter(|conflict| conflict.item_id == item_id)
                .cloned()
                .collect()
        })
    }

    /// Backups of unreadable stored values (reactive).
    pub fn backups(&self) -> Vec<Backup> {
        self.backups.get()
    }

    /// What went wrong with the stored value at start or since (reactive).
    pub fn storage_problem(&self) -> Option<StorageProblem> {
        self.storage_problem.get()
    }

    /// An unreadable value that only lives in memory (reactive).
    pub fn unsaved_backup(&self) -> Option<UnsavedBackup> {
        self.unsaved_backup.get()
    }

    /// Moves notes kept under an item's former id (`huzhou-2024-progress/t13`) to its
    /// current one, as `current_id` says, and saves; a note already at the current id
    /// keeps both.
    pub fn follow_renamed_items(&self, current_id: impl Fn(&str) -> Option<String>) {
        let renames: Vec<(String, String)> = self.book.with_untracked(|book| {
            book.item_ids()
                .filter_map(|id| current_id(id).map(|current| (id.to_string(), current)))
                .collect()
        });
        if renames.is_empty() {
            return;
        }
        let mut moved = false;
        self.book.update(|book| {
            for (from, to) in &renames {
                moved |= book.rename_item(from, to);
            }
        });
        if moved {
            self.schedule_save(SAVE_DEBOUNCE);
        }
    }

    /// Applies a reader's edit to the note on `item_id` and schedules a save.
    pub fn edit(&self, item_id: &str, change: impl FnOnce(&mut Note)) {
        let device = self.device.get_value();
        let mut changed = false;
        self.book.maybe_update(|book| {
            changed = book.edit(item_id, now_ms(), &device, change);
            changed
        });
        if changed {
            self.schedule_save(SAVE_DEBOUNCE);
        }
    }

    /// Makes the losing version of a conflict the current note (as a new edit).
    pub fn take_other_version(&self, conflict: &Conflict) {
        let other = conflict.other.clone();
        self.edit(&conflict.item_id, move |note| {
            note.text = other.text;
            note.tags = other.tags;
            note.watched = other.watched;
            note.follow_up = other.follow_up;
            note.mark = other.mark;
        });
        self.dismiss_conflicts(&conflict.item_id);
    }

    /// Forgets the conflicts shown for `item_id`.
    pub fn dismiss_conflicts(&self, item_id: &str) {
        self.tab_conflicts
            .update(|conflicts| conflicts.retain(|conflict| conflict.item_id != item_id));
    }

    /// Applies a confirmed import. `snapshot` is the book the preview was computed
    /// against and `imported` the preview's result: merging with the snapshot as base
    /// keeps any edit made while the preview was open.
    pub fn apply_import(&self, snapshot: &NoteBook, imported: &NoteBook) {
        let outcome = self
            .book
            .with_untracked(|book| merge(book, imported, Some(snapshot)));
        self.book.set(outcome.book);
        self.add_conflicts(outcome.conflicts);
        self.schedule_save(Duration::ZERO);
    }

    /// Tries to save now (the "retry now" button).
    pub fn retry_now(&self) {
        self.schedule_save(Duration::ZERO);
    }

    /// The reader downloaded the in-memory backup: saving may overwrite the value.
    pub fn release_unsaved_backup(&self) {
        self.unsaved_backup.set(None);
        self.schedule_save(Duration::ZERO);
    }

    /// Deletes a backup the reader no longer needs.
    pub fn delete_backup(&self, key: &str) {
        storage::delete_backup(key);
        self.backups.set(list_backups());
    }
}
