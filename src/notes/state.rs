//! The notes as reactive state: the book in memory (the source of truth while the page
//! is open), the debounced save with retry, and the merge with other tabs' writes.
//!
//! Never-lost rules this file implements:
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
use planboard_notes::{merge, parse_stored, Conflict, Note, NoteBook, StoredState};

use super::storage::{
    self, list_backups, read_notes_raw, write_backup, write_book, Backup, SaveError, BACKUP_PREFIX,
    NOTES_KEY,
};

/// How long typing must pause before the book is written.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(500);
/// First wait before retrying a failed save; doubles up to [`MAX_RETRY_DELAY_MS`].
const FIRST_RETRY_DELAY_MS: u64 = 2_000;
const MAX_RETRY_DELAY_MS: u64 = 30_000;

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
    /// The visible words.
    pub fn label_zh(&self) -> String {
        match self {
            SaveStatus::Saved => "已保存".to_owned(),
            SaveStatus::Pending => "保存中…".to_owned(),
            SaveStatus::Failed(error) => format!("保存失败（{}）将自动重试", error.reason_zh()),
            SaveStatus::Held => "暂停保存：请先下载无法读取的旧数据".to_owned(),
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
    pub problem: String,
}

/// The notes state, provided once as context by [`provide_notes`].
#[derive(Clone, Copy)]
pub struct NotesState {
    book: RwSignal<NoteBook>,
    status: RwSignal<SaveStatus>,
    /// Conflicts met while merging other tabs' writes, until the reader dismisses them.
    tab_conflicts: RwSignal<Vec<Conflict>>,
    backups: RwSignal<Vec<Backup>>,
    /// What went wrong with the stored value, said once to the reader.
    storage_problem: RwSignal<Option<String>>,
    unsaved_backup: RwSignal<Option<UnsavedBackup>>,
    /// The last raw value backed up, so finding it again before it is overwritten does
    /// not back it up twice.
    backed_up: StoredValue<Option<String>>,
    /// The book as storage last held it (read or written): the merge base.
    base: StoredValue<NoteBook>,
    timer: StoredValue<Option<TimeoutHandle>>,
    retry_delay_ms: StoredValue<u64>,
    device: StoredValue<String>,
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
    pub fn storage_problem(&self) -> Option<String> {
        self.storage_problem.get()
    }

    /// An unreadable value that only lives in memory (reactive).
    pub fn unsaved_backup(&self) -> Option<UnsavedBackup> {
        self.unsaved_backup.get()
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

    fn load(&self) {
        self.backups.set(list_backups());
        let raw = match read_notes_raw() {
            Ok(raw) => raw,
            Err(error) => {
                self.status.set(SaveStatus::Failed(error));
                return;
            }
        };
        match parse_stored(raw.as_deref()) {
            StoredState::Empty => {}
            StoredState::Loaded(loaded) => {
                let needs_rewrite = loaded.needs_rewrite();
                if loaded.needs_backup() {
                    if !loaded.damaged.is_empty() {
                        self.storage_problem.set(Some(format!(
                            "本机保存的笔记中有 {} 条已损坏，无法读取；其余笔记照常可用。",
                            loaded.damaged.len()
                        )));
                    }
                    self.keep_backup(raw.as_deref().unwrap_or_default(), None);
                }
                self.base.set_value(loaded.book.clone());
                self.book.set(loaded.book);
                if needs_rewrite {
                    // Rewrite in the current version (held if the backup failed).
                    self.schedule_save(Duration::ZERO);
                }
            }
            StoredState::Unreadable(error) => {
                self.storage_problem.set(Some(format!(
                    "本机存储中的笔记数据无法读取（{error}），已从空白笔记开始。"
                )));
                self.keep_backup(raw.as_deref().unwrap_or_default(), Some(error.to_string()));
                // Replace the backed-up value with a readable (empty) book at once, so
                // the next save does not find it, and back it up, again.
                self.schedule_save(Duration::ZERO);
            }
        }
    }

    /// Copies a raw stored value to a backup key; when that fails, keeps it in memory
    /// and pauses saving so the value is not overwritten before the reader has it.
    fn keep_backup(&self, raw: &str, problem: Option<String>) {
        if self
            .backed_up
            .with_value(|known| known.as_deref() == Some(raw))
        {
            return;
        }
        match write_backup(raw, now_ms()) {
            Ok(_) => {
                self.backed_up.set_value(Some(raw.to_owned()));
                self.backups.set(list_backups());
            }
            Err(_) => {
                self.unsaved_backup.set(Some(UnsavedBackup {
                    raw: raw.to_owned(),
                    problem: problem.unwrap_or_else(|| "旧版本或部分损坏的笔记数据".to_owned()),
                }));
                self.status.set(SaveStatus::Held);
            }
        }
    }

    fn add_conflicts(&self, conflicts: Vec<Conflict>) {
        if conflicts.is_empty() {
            return;
        }
        self.tab_conflicts.update(|known| {
            for conflict in conflicts {
                known.retain(|old| old.item_id != conflict.item_id);
                known.push(conflict);
            }
        });
    }

    /// Merges the book storage holds now into memory (another tab may have written),
    /// and makes it the merge base. Returns false when the stored value was unreadable
    /// and could not be backed up, so it must not be overwritten yet.
    fn merge_stored(&self, raw: Option<String>) -> bool {
        match parse_stored(raw.as_deref()) {
            // Emptied elsewhere (site data cleared in another tab): storage now holds
            // none of this tab's notes, so the next write restores them.
            StoredState::Empty => {
                self.base.set_value(NoteBook::new());
                true
            }
            StoredState::Loaded(stored) => {
                if stored.needs_backup() {
                    self.keep_backup(raw.as_deref().unwrap_or_default(), None);
                }
                let base = self.base.get_value();
                let outcome = self
                    .book
                    .with_untracked(|book| merge(book, &stored.book, Some(&base)));
                self.base.set_value(stored.book);
                self.book.maybe_update(|book| {
                    let changed = *book != outcome.book;
                    *book = outcome.book;
                    changed
                });
                self.add_conflicts(outcome.conflicts);
                true
            }
            StoredState::Unreadable(error) => {
                let raw_text = raw.as_deref().unwrap_or_default();
                if self
                    .backed_up
                    .with_value(|known| known.as_deref() != Some(raw_text))
                {
                    self.storage_problem.set(Some(format!(
                        "本机存储中的笔记数据被改为无法读取的内容（{error}）；本页的笔记仍完整，已重新保存。"
                    )));
                }
                self.keep_backup(raw.as_deref().unwrap_or_default(), Some(error.to_string()));
                self.base.set_value(NoteBook::new());
                self.unsaved_backup.with_untracked(Option::is_none)
            }
        }
    }

    fn on_storage_event(&self, event: &web_sys::StorageEvent) {
        match event.key() {
            Some(key) if key.starts_with(BACKUP_PREFIX) => self.backups.set(list_backups()),
            // `None` = another tab called `clear()`.
            Some(key) if key != NOTES_KEY => {}
            _ => {
                if self.merge_stored(event.new_value()) {
                    let differs = self
                        .book
                        .with_untracked(|book| *book != self.base.get_value());
                    if differs {
                        // This tab holds edits the other tab's value lacks.
                        self.schedule_save(SAVE_DEBOUNCE);
                    }
                }
                self.backups.set(list_backups());
            }
        }
    }

    fn schedule_save(&self, delay: Duration) {
        if let Some(timer) = self.timer.get_value() {
            timer.clear();
        }
        if self.unsaved_backup.with_untracked(Option::is_some) {
            self.status.set(SaveStatus::Held);
            return;
        }
        if !matches!(self.status.get_untracked(), SaveStatus::Failed(_)) {
            self.status.set(SaveStatus::Pending);
        }
        let state = *self;
        let timer = set_timeout_with_handle(move || state.save_now(), delay).ok();
        if timer.is_none() {
            // No timers (should not happen in a page): save at once instead.
            self.save_now();
        }
        self.timer.set_value(timer);
    }

    /// Saves at once if a save is waiting.
    fn flush(&self) {
        if let Some(timer) = self.timer.get_value() {
            timer.clear();
            self.timer.set_value(None);
            self.save_now();
        }
    }

    fn save_now(&self) {
        self.timer.set_value(None);
        if self.unsaved_backup.with_untracked(Option::is_some) {
            self.status.set(SaveStatus::Held);
            return;
        }
        let merged = match read_notes_raw() {
            Ok(raw) => self.merge_stored(raw),
            Err(error) => return self.save_failed(error),
        };
        if !merged {
            self.status.set(SaveStatus::Held);
            return;
        }
        let book = self.book.get_untracked();
        match write_book(&book) {
            Ok(()) => {
                self.base.set_value(book);
                self.retry_delay_ms.set_value(FIRST_RETRY_DELAY_MS);
                self.status.set(SaveStatus::Saved);
            }
            Err(error) => self.save_failed(error),
        }
    }

    fn save_failed(&self, error: SaveError) {
        self.status.set(SaveStatus::Failed(error));
        let delay = self.retry_delay_ms.get_value();
        self.retry_delay_ms
            .set_value((delay * 2).min(MAX_RETRY_DELAY_MS));
        let state = *self;
        let timer =
            set_timeout_with_handle(move || state.save_now(), Duration::from_millis(delay)).ok();
        self.timer.set_value(timer);
    }
}
