//! The imported documents as reactive state: the stored list (the source of truth for
//! what the views show beside the published data) and what the import page says.
//!
//! Storage is written first and the list changed only when that succeeded, so the
//! reader never sees a document that would be gone after a reload.

use leptos::prelude::*;
use planboard_importer::local::LocalSource;

use super::storage::{self, Stored, IMPORTS_KEY};
use crate::i18n::lang;
use crate::notes::storage::SaveError;

/// A stored value that could not be read at start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageProblem {
    /// What the reader found wrong (technical, shown in `<code>`).
    pub detail: String,
    /// Where the value was copied; `None` when even that failed (storage full).
    pub backup_key: Option<String>,
}

/// What was just done, kept as facts so it is worded in the language shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Done {
    Imported { file_name: String, tasks: usize },
    Removed { file_name: String },
}

/// Provided once by [`provide_imports`].
#[derive(Clone, Copy)]
pub struct ImportsState {
    pub(super) sources: RwSignal<Vec<LocalSource>>,
    /// What went wrong with the stored value at start, said on the import page.
    pub(super) storage_problem: RwSignal<Option<StorageProblem>>,
    /// Set when an unreadable stored value could not even be backed up: writing would
    /// destroy it, so imports are refused until the reader has dealt with it.
    pub(super) writes_held: RwSignal<bool>,
    /// The last thing done (imported, removed), shown on the import page; kept here
    /// because the page is redrawn with the new data right after.
    pub(super) notice: RwSignal<Option<Done>>,
}

/// Reads the stored documents, follows other tabs' changes, and provides the state.
/// The shell calls it once, before the data load.
pub fn provide_imports() -> ImportsState {
    let state = ImportsState {
        sources: RwSignal::new(Vec::new()),
        storage_problem: RwSignal::new(None),
        writes_held: RwSignal::new(false),
        notice: RwSignal::new(None),
    };
    state.load();
    // Another tab imported or removed a document: show the same list here. The app
    // lives as long as the page, so the listener is never removed.
    let _ = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() == Some(IMPORTS_KEY) {
            state.load();
        }
    });
    provide_context(state);
    state
}

/// The state provided by [`provide_imports`].
pub fn use_imports() -> ImportsState {
    expect_context::<ImportsState>()
}

/// Why a change to the stored list was not made, in the interface language.
pub fn refusal(error: &SaveError) -> String {
    match error {
        SaveError::QuotaExceeded => lang().pick(
            "存储空间不足，未导入".to_owned(),
            "Not enough storage space: nothing was imported".to_owned(),
        ),
        other => lang().pick(
            format!("无法写入浏览器存储（{}），未作改动", other.reason(lang())),
            format!(
                "The browser's storage could not be written ({}): nothing was changed",
                other.reason(lang())
            ),
        ),
    }
}

impl ImportsState {
    fn load(self) {
        match storage::read() {
            Stored::Documents(documents) => self.sources.set(documents),
            Stored::Unreadable { raw, problem } => {
                let now = js_sys::Date::now() as i64;
                let backup_key = storage::write_backup(&raw, now).ok();
                self.writes_held.set(backup_key.is_none());
                self.storage_problem.set(Some(StorageProblem {
                    detail: problem,
                    backup_key,
                }));
                self.sources.set(Vec::new());
            }
        }
    }

    /// Stores `source` after the others; the list changes only if storage took it.
    pub fn add(&self, source: LocalSource) -> Result<(), String> {
        if self.writes_held.get_untracked() {
            return Err(held_message());
        }
        let mut documents = self.sources.get_untracked();
        documents.push(source);
        storage::write(&documents).map_err(|error| refusal(&error))?;
        self.sources.set(documents);
        Ok(())
    }

    /// Removes the stored document at `position` (in import order).
    pub fn remove(&self, position: usize) -> Result<(), String> {
        if self.writes_held.get_untracked() {
            return Err(held_message());
        }
        let mut documents = self.sources.get_untracked();
        if position >= documents.len() {
            return Ok(());
        }
        documents.remove(position);
        storage::write(&documents).map_err(|error| refusal(&error))?;
        self.sources.set(documents);
        Ok(())
    }

    /// Says what was just done, on the import page (reactive read: [`Self::notice`]).
    pub fn tell(&self, done: Done) {
        self.notice.set(Some(done));
    }

    pub fn notice(&self) -> Option<Done> {
        self.notice.get()
    }

    pub fn storage_problem(&self) -> Option<StorageProblem> {
        self.storage_problem.get()
    }
}

fn held_message() -> String {
    lang().pick(
        "浏览器中有无法读取的导入数据且未能备份，为免覆盖，暂不能导入或移除".to_owned(),
        "Stored imports could not be read or backed up; to avoid overwriting them, importing and removing are paused".to_owned(),
    )
}
