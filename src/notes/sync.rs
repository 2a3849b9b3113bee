//! The storage side of [`NotesState`]: reading at start, backing up what cannot be
//! read, merging other tabs' writes, and the debounced save with its retries. The
//! rules are listed at the top of `state.rs`.

use std::time::Duration;

use leptos::prelude::*;
use planboard_notes::{
    merge, parse_stored, Conflict, FormatError, NoteBook, StorageProblem, StoredState,
};

use super::state::{
    now_ms, NotesState, SaveStatus, UnsavedBackup, FIRST_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS,
    SAVE_DEBOUNCE,
};
use super::storage::{
    list_backups, read_notes_raw, write_backup, write_book, SaveError, BACKUP_PREFIX, NOTES_KEY,
};

impl NotesState {
    pub(super) fn load(&self) {
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
                        self.storage_problem.set(Some(StorageProblem::DamagedNotes {
                            count: loaded.damaged.len(),
                        }));
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
                self.keep_backup(raw.as_deref().unwrap_or_default(), Some(error.clone()));
                self.storage_problem
                    .set(Some(StorageProblem::UnreadableAtStart(error)));
                // Replace the backed-up value with a readable (empty) book at once, so
                // the next save does not find it, and back it up, again.
                self.schedule_save(Duration::ZERO);
            }
        }
    }

    /// Copies a raw stored value to a backup key; when that fails, keeps it in memory
    /// and pauses saving so the value is not overwritten before the reader has it.
    fn keep_backup(&self, raw: &str, problem: Option<FormatError>) {
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
                    problem,
                }));
                self.status.set(SaveStatus::Held);
            }
        }
    }

    pub(super) fn add_conflicts(&self, conflicts: Vec<Conflict>) {
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
                    self.storage_problem
                        .set(Some(StorageProblem::ReplacedByUnreadable(error.clone())));
                }
                self.keep_backup(raw.as_deref().unwrap_or_default(), Some(error));
                self.base.set_value(NoteBook::new());
                self.unsaved_backup.with_untracked(Option::is_none)
            }
        }
    }

    pub(super) fn on_storage_event(&self, event: &web_sys::StorageEvent) {
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

    pub(super) fn schedule_save(&self, delay: Duration) {
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
    pub(super) fn flush(&self) {
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
