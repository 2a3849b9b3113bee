//! The imported documents in `localStorage`: one key holding every stored text in an
//! envelope with a format name and version, and backups of a value that could not be
//! read. Every failure is returned as a value; nothing here can panic.

use planboard_importer::local::LocalSource;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::notes::storage::{unused_backup_key, SaveError};

/// The key the imported documents live under.
pub const IMPORTS_KEY: &str = "planboard.imports";
/// Backups of an unreadable value: this prefix followed by the time (ms).
pub const BACKUP_PREFIX: &str = "planboard.imports.backup.";
/// The envelope's `format`, so a value written by something else is recognised as such.
const FORMAT: &str = "planboard-imports";
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    documents: Vec<LocalSource>,
}

/// What storage held at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// The stored documents (none when the key is absent).
    Documents(Vec<LocalSource>),
    /// The value could not be read: the raw text and why (a technical detail, in no
    /// particular language: shown in `<code>`).
    Unreadable { raw: String, problem: String },
}

/// `localStorage`, if this page may use it.
fn storage() -> Result<web_sys::Storage, SaveError> {
    web_sys::window()
        .ok_or(SaveError::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(SaveError::Unavailable)
}

/// Reads the stored documents; storage that cannot be used counts as empty.
pub fn read() -> Stored {
    let raw = match storage().map(|storage| storage.get_item(IMPORTS_KEY)) {
        Ok(Ok(Some(raw))) => raw,
        _ => return Stored::Documents(Vec::new()),
    };
    match serde_json::from_str::<Envelope>(&raw) {
        Ok(envelope) if envelope.format == FORMAT && envelope.version == VERSION => {
            Stored::Documents(envelope.documents)
        }
        Ok(envelope) if envelope.format == FORMAT => Stored::Unreadable {
            problem: format!("version {} ≠ {VERSION}", envelope.version),
            raw,
        },
        Ok(envelope) => Stored::Unreadable {
            problem: format!("format “{}” ≠ “{FORMAT}”", envelope.format),
            raw,
        },
        Err(error) => Stored::Unreadable {
            problem: error.to_string(),
            raw,
        },
    }
}

/// Writes the whole list. A failed write leaves the previous value as it was (the Web
/// Storage API replaces a value only when the new one fits).
pub fn write(documents: &[LocalSource]) -> Result<(), SaveError> {
    let storage = storage()?;
    let envelope = Envelope {
        format: FORMAT.to_owned(),
        version: VERSION,
        documents: documents.to_vec(),
    };
    let json = serde_json::to_string(&envelope).map_err(|e| SaveError::Other(e.to_string()))?;
    storage
        .set_item(IMPORTS_KEY, &json)
        .map_err(|error| save_error(&error))
}

/// Keeps `raw` under a new backup key; returns that key.
pub fn write_backup(raw: &str, now_ms: i64) -> Result<String, SaveError> {
    let storage = storage()?;
    let key = unused_backup_key(&storage, BACKUP_PREFIX, now_ms);
    storage
        .set_item(&key, raw)
        .map_err(|error| save_error(&error))?;
    Ok(key)
}

/// The browser's exception, by its name (`QuotaExceededError` when storage is full).
fn save_error(error: &JsValue) -> SaveError {
    let field = |name: &str| {
        js_sys::Reflect::get(error, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    };
    match field("name").as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => SaveError::QuotaExceeded,
        "SecurityError" => SaveError::Unavailable,
        name => SaveError::Other(format!("{name}：{}", field("message"))),
    }
}
