//! Helpers shared by the notes browser tests: the DOM contract of the notes UI, and
//! reading and writing the browser's storage.

#![allow(dead_code)]

use std::time::Duration;

use planboard_browser_tests::{built_dist, App};
use serde_json::{json, Value};

/// The storage key the app keeps notes under.
pub const NOTES_KEY: &str = "planboard.notes";
pub const BACKUP_PREFIX: &str = "planboard.notes.backup.";

pub const NOTE_TEXT: &str = "[data-testid=\"note-text\"]";
pub const NOTE_TAGS: &str = "[data-testid=\"note-tags\"]";
pub const NOTE_WATCH: &str = "[data-testid=\"note-watch\"]";
pub const NOTE_MARK: &str = "[data-testid=\"note-mark\"]";
pub const SAVE_STATUS: &str = "[data-testid=\"note-save-status\"]";
pub const NOTES_PAGE: &str = "[data-testid=\"notes-page\"]";

/// The ids of the first `n` tasks of the built data, for item pages.
pub fn task_ids(n: usize) -> Vec<String> {
    let path = built_dist().join("data/tasks.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("read {}: {error}", path.display()));
    let tasks: Value = serde_json::from_str(&text).expect("tasks.json is JSON");
    let ids: Vec<String> = tasks["tasks"]
        .as_array()
        .expect("tasks.json lists tasks")
        .iter()
        .filter_map(|task| task["id"].as_str().map(str::to_owned))
        .take(n)
        .collect();
    assert_eq!(ids.len(), n, "the built data has fewer than {n} tasks");
    ids
}

/// Opens the item page of `id` and waits for its note editor.
pub async fn open_item(app: &App, id: &str) {
    app.open(&format!("index.html#/item/{id}")).await;
    app.wait_for_app().await;
    app.wait_for(NOTE_TEXT).await;
}

/// Opens 我的笔记.
pub async fn open_notes_page(app: &App) {
    app.open("index.html#/notes").await;
    app.wait_for_app().await;
    app.wait_for(NOTES_PAGE).await;
}

/// The raw value under `key` (`None` when absent).
pub async fn stored(app: &App, key: &str) -> Option<String> {
    let value = app
        .eval(
            "return localStorage.getItem(arguments[0]);",
            vec![json!(key)],
        )
        .await;
    value.as_str().map(str::to_owned)
}

/// Writes `value` under `key` as it is.
pub async fn store(app: &App, key: &str, value: &str) {
    app.eval(
        "localStorage.setItem(arguments[0], arguments[1]);",
        vec![json!(key), json!(value)],
    )
    .await;
}

/// Every storage key starting with `prefix`.
pub async fn keys_with_prefix(app: &App, prefix: &str) -> Vec<String> {
    let value = app
        .eval(
            "return Object.keys(localStorage).filter(k => k.startsWith(arguments[0])).sort();",
            vec![json!(prefix)],
        )
        .await;
    serde_json::from_value(value).unwrap_or_default()
}

/// Polls until the stored notes satisfy `condition`; returns them.
pub async fn wait_for_stored(app: &App, what: &str, condition: impl Fn(&str) -> bool) -> String {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let mut last = None;
    while tokio::time::Instant::now() < deadline {
        last = stored(app, NOTES_KEY).await;
        if last.as_deref().is_some_and(&condition) {
            return last.unwrap_or_default();
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.fail(&format!(
        "the stored notes never {what}; last value: {last:?}"
    ))
    .await
}

/// The stored notes parsed as JSON.
pub async fn stored_json(app: &App) -> Value {
    let raw = stored(app, NOTES_KEY).await.unwrap_or_default();
    serde_json::from_str(&raw).unwrap_or(Value::Null)
}

/// A `value` property (what a textarea or input holds now).
pub async fn value_of(app: &App, css: &str) -> String {
    app.wait_for(css).await;
    let value = app
        .eval(
            "return document.querySelector(arguments[0]).value;",
            vec![json!(css)],
        )
        .await;
    value.as_str().unwrap_or_default().to_owned()
}

/// Polls until the `value` of `css` satisfies `condition`.
pub async fn wait_for_value(app: &App, css: &str, condition: impl Fn(&str) -> bool) -> String {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let mut last = String::new();
    while tokio::time::Instant::now() < deadline {
        last = value_of(app, css).await;
        if condition(&last) {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.fail(&format!(
        "the value of `{css}` never changed as expected; last: {last:?}"
    ))
    .await
}

/// Fills the origin's storage until one more character does not fit; returns the
/// filler keys so the test can free the space again.
pub async fn fill_storage(app: &App) -> Vec<String> {
    let value = app
        .eval(
            r#"
            const keys = [];
            let chunk = 'x'.repeat(1 << 20);
            while (chunk.length > 0) {
                const key = 'test.filler.' + keys.length;
                try { localStorage.setItem(key, chunk); keys.push(key); }
                catch (error) { chunk = chunk.slice(0, chunk.length >> 1); }
            }
            // A new key costs its own length too: top up the last value until not even
            // one more character fits.
            const last = keys[keys.length - 1];
            let extra = 'x'.repeat(64);
            while (last && extra.length > 0) {
                try { localStorage.setItem(last, localStorage.getItem(last) + extra); }
                catch (error) { extra = extra.slice(0, extra.length >> 1); }
            }
            return keys;
            "#,
            vec![],
        )
        .await;
    serde_json::from_value(value).unwrap_or_default()
}

/// Removes the keys [`fill_storage`] added.
pub async fn free_storage(app: &App, keys: &[String]) {
    app.eval(
        "for (const key of arguments[0]) localStorage.removeItem(key);",
        vec![json!(keys)],
    )
    .await;
}

/// The text behind a `blob:` URL the page made.
pub async fn blob_text(app: &App, url: &str) -> String {
    let script = "const done = arguments[arguments.length - 1];
                  fetch(arguments[0]).then(r => r.text()).then(done, e => done('ERROR ' + e));";
    match app.client().execute_async(script, vec![json!(url)]).await {
        Ok(value) => value.as_str().unwrap_or_default().to_owned(),
        Err(error) => app.fail(&format!("read {url}: {error}")).await,
    }
}

/// A notes envelope of the current version with the given `notes` object.
pub fn envelope(notes: Value) -> String {
    json!({ "format": "planboard-notes", "version": 2, "notes": notes }).to_string()
}

/// Milliseconds since the epoch now.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_millis() as i64)
        .unwrap_or(0)
}
