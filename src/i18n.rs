//! The interface language, chosen by `?lang=` in the URL, else by the reader's stored
//! choice, else Chinese. The documents themselves are never translated.
//!
//! The choice lives in the query string rather than in the `#/…` route so that every
//! link the app draws (all of them relative `#/…` hashes) keeps it without knowing it.
//! A switch redraws the whole shell once (see `App`), so text sites call [`tr`] and
//! [`lang`] plainly instead of each holding a reactive closure.
//!
//! ```ignore
//! view! { <h1>{tr("任务", "Tasks")}</h1> <p>{lang().pick(format!("共 {n} 项"), format!("{n} items"))}</p> }
//! ```

use std::cell::Cell;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use planboard_model::Lang;

/// localStorage key of the reader's last explicit choice.
const STORAGE_KEY: &str = "planboard.lang";
/// The query parameter that carries the language in shared links.
const URL_PARAM: &str = "lang";

thread_local! {
    /// The language of the current draw. wasm has one thread, and the whole tree is
    /// redrawn when it changes, so a plain cell is enough.
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::Zh) };
}

/// The interface language of the current draw.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// The Chinese or English of a fixed interface text, written side by side where used.
pub fn tr(zh: &'static str, en: &'static str) -> &'static str {
    lang().pick(zh, en)
}

/// Reads the starting language, applies it to the page, and provides the signal the
/// shell redraws on. Call once, first thing in `App`.
pub fn provide_language() -> RwSignal<Lang> {
    let from_url = url_language();
    let stored = LocalStorage::raw()
        .get_item(STORAGE_KEY)
        .ok()
        .flatten()
        .and_then(|value| Lang::from_param(&value));
    let start = from_url.or(stored).unwrap_or_default();
    apply(start);
    // A stored English choice shows in the address bar too, so a copied link opens in
    // the language the reader was looking at.
    if from_url.is_none() && start != Lang::default() {
        write_url_language(start);
    }
    let language = RwSignal::new(start);
    provide_context(language);
    language
}

/// Switches the interface: remembered locally and written into the URL; Chinese, the
/// default, leaves the URL without the parameter.
pub fn switch_language(to: Lang) {
    // Private browsing or a full quota may refuse: the switch still happens, only the
    // memory of it is lost, and the URL still carries it.
    // Stored bare (`en`), not as JSON, so the value reads as what it is.
    let _ = LocalStorage::raw().set_item(STORAGE_KEY, to.param());
    write_url_language(to);
    apply(to);
    if let Some(language) = use_context::<RwSignal<Lang>>() {
        language.set(to);
    }
}

/// `n` with its English noun, singular for one: `counted(1, "thread", "threads")` →
/// `1 thread`. Chinese counts need no plural and are written inline with their measure
/// word.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `Some("zh-CN")` when `text` holds Chinese characters or punctuation, for the `lang`
/// attribute of text whose language is not known beforehand (a reader's note, a table
/// value that may be a bare number): marked Chinese only when it is.
pub fn text_lang(text: &str) -> Option<&'static str> {
    let chinese = |c: char| matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff01}'..='\u{ff5e}');
    text.chars().any(chinese).then_some("zh-CN")
}

fn apply(to: Lang) {
    CURRENT.with(|current| current.set(to));
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", to.html_tag());
    }
}

fn url_language() -> Option<Lang> {
    let search = window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    Lang::from_param(&params.get(URL_PARAM)?)
}

/// Rewrites the query string in place (no reload, no new history entry), keeping the
/// history state the route keeps its entry numbers in.
fn write_url_language(to: Lang) {
    let Ok(href) = window().location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    let params = url.search_params();
    match to {
        Lang::Zh => params.delete(URL_PARAM),
        Lang::En => params.set(URL_PARAM, to.param()),
    }
    let Ok(history) = window().history() else {
        return;
    };
    let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
    let _ = history.replace_state_with_url(&state, "", Some(&url.href()));
}
