//! The notes in `localStorage`, through gloo-storage: one key for the book, one key per
//! backup of a value that could not be read. Every failure is returned as a value; the
//! browser is never asked for storage in a way that could panic.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use planboard_model::Lang;
use planboard_notes::{stored_envelope, NoteBook};

/// The key the notes live under. The envelope inside carries the format version, so
/// the key never changes with it.
pub const NOTES_KEY: &str = "planboard.notes";
/// Backups are stored under this prefix followed by the time they were made (ms).
pub const BACKUP_PREFIX: &str = "planboard.notes.backup.";

/// Why writing to storage failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's quota for this site is used up.
    QuotaExceeded,
    /// `localStorage` cannot be used at all (disabled, private mode rules, sandbox).
    Unavailable,
    /// Anything else the browser reported.
    Other(String),
}

impl SaveError {
    /// The words shown in brackets after "保存失败" / "Not saved".
    pub fn reason(&self, lang: Lang) -> String {
        match self {
            SaveError::QuotaExceeded => lang.pick("存储空间已满", "storage is full").to_owned(),
            SaveError::Unavailable => lang
                .pick(
                    "浏览器不允许本页使用存储",
                    "the browser does not let this page use storage",
                )
                .to_owned(),
            // The browser's own name and message, in the browser's language.
            SaveError::Other(message) => message.clone(),
        }
    }
}

/// One backup of a stored value that could not be read as notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub key: String,
    /// When it was made, from the key; 0 when the key carries no time.
    pub saved_at_ms: i64,
    /// The value exactly as it was found.
    pub raw: String,
}

/// `localStorage`, if this page may use it. gloo-storage's `LocalStorage::raw()`
/// panics when it may not, so every access goes through this check first.
fn storage() -> Result<web_sys::Storage, SaveError> {
    let window = web_sys::window().ok_or(SaveError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        _ => Err(SaveError::Unavailable),
    }
}

fn save_error(error: StorageError) -> SaveError {
    match error {
        StorageError::JsError(error)
            if error.name == "QuotaExceededError" || error.name == "NS_ERROR_DOM_QUOTA_REACHED" =>
        {
            SaveError::QuotaExceeded
        }
        StorageError::JsError(error) => {
            SaveError::Other(format!("{}: {}", error.name, error.message))
        }
        other => SaveError::Other(other.to_string()),
    }
}

/// The raw text under [`NOTES_KEY`] (`None` = absent).
pub fn read_notes_raw() -> Result<Option<String>, SaveError> {
    storage()?
        .get_item(NOTES_KEY)
        .map_err(|_| SaveError::Unavailable)
}

/// Writes the whole book in the current format. A failed write leaves the previous
/// value as it was (the Web Storage API replaces a value only when the new one fits).
pub fn write_book(book: &NoteBook) -> Result<(), SaveError> {
    storage()?;
    LocalStorage::set(NOTES_KEY, stored_envelope(book)).map_err(save_error)
}

/// `<prefix><now_ms>`, or `<prefix><now_ms>-2`… when a backup of the same millisecond
/// exists: a backup never overwrites another (notes and imported documents use it).
pub fn unused_backup_key(storage: &web_sys::Storage, prefix: &str, now_ms: i64) -> String {
    let mut key = format!("{prefix}{now_ms}");
    let mut suffix = 1;
    while storage.get_item(&key).ok().flatten().is_some() {
        suffix += 1;
        key = format!("{prefix}{now_ms}-{suffix}");
    }
    key
}

/// Keeps `raw` under a new backup key; returns that key.
pub fn write_backup(raw: &str, now_ms: i64) -> Result<String, SaveError> {
    let key = unused_backup_key(&storage()?, BACKUP_PREFIX, now_ms);
    // Stored through gloo as a JSON string, which holds any text exactly.
    LocalStorage::set(&key, raw).map_err(save_error)?;
    Ok(key)
}

/// Every backup in storage, oldest first.
pub fn list_backups() -> Vec<Backup> {
    let Ok(storage) = storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    let mut backups: Vec<Backup> = (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(BACKUP_PREFIX))
        .filter_map(|key| {
            let stored = storage.get_item(&key).ok().flatten()?;
            // Ours are JSON strings; anything else found under a backup key is offered
            // exactly as found.
            let raw = serde_json::from_str::<String>(&stored).unwrap_or(stored);
            let saved_at_ms = key[BACKUP_PREFIX.len()..]
                .split('-')
                .next()
                .and_then(|time| time.parse().ok())
                .unwrap_or(0);
            Some(Backup {
                key,
                saved_at_ms,
                raw,
            })
        })
        .collect();
    backups.sort_by(|a, b| (a.saved_at_ms, &a.key).cmp(&(b.saved_at_ms, &b.key)));
    backups
}

/// Removes one backup (the reader's choice, after downloading it).
pub fn delete_backup(key: &str) {
    if key.starts_with(BACKUP_PREFIX) && storage().is_ok() {
        LocalStorage::delete(key);
    }
}
