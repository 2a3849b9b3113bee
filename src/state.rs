//! State shared by every view: the loaded data and the current route.
//!
//! Both live in context, provided once by `App`. The route is derived from
//! `location.hash` only, so every state the user sees is a URL that can be copied,
//! bookmarked, and stepped through with back/forward.

use std::sync::Arc;

use leptos::prelude::*;
use planboard_model::{Dataset, Index, Route, View};

/// The loaded dataset and its index, provided as context once every data file loaded.
///
/// `Arc` rather than `Rc` because Leptos 0.8 context values and memo closures must be
/// `Send + Sync`; on wasm there is one thread, so this costs nothing.
#[derive(Clone)]
pub struct AppData {
    pub dataset: Arc<Dataset>,
    pub index: Arc<Index>,
}

/// The dataset and index. Only call inside the app, below the point where data loaded.
pub fn use_data() -> AppData {
    expect_context::<AppData>()
}

/// The raw hash and the route parsed from it.
#[derive(Clone, Copy)]
pub struct RouteState {
    hash: RwSignal<String>,
    route: Memo<Route>,
}

impl RouteState {
    /// Reads the current `location.hash`, follows it on `hashchange` and `popstate`
    /// (history entries made by `pushState` only announce themselves by `popstate`), and
    /// provides the state as context.
    pub fn provide() -> RouteState {
        let hash = RwSignal::new(current_hash());
        let route = Memo::new(move |_| hash.with(|hash| Route::parse(hash)));
        let follow_location = move || {
            let now = current_hash();
            if hash.with_untracked(|known| *known != now) {
                hash.set(now);
            }
        };
        // The app lives as long as the page, so the listeners are never removed.
        let _ = window_event_listener(leptos::ev::hashchange, move |_| follow_location());
        let _ = window_event_listener(leptos::ev::popstate, move |_| follow_location());
        let state = RouteState { hash, route };
        provide_context(state);
        state
    }
}

/// The current route, parsed from `location.hash`.
pub fn use_route() -> Memo<Route> {
    expect_context::<RouteState>().route
}

/// The link target for a route (`#/tasks?leader=…`), for `<a href>`.
pub fn href(route: &Route) -> String {
    route.to_hash()
}

/// The link target for a view without any filter.
pub fn href_view(view: View) -> String {
    href(&Route::new(view))
}

/// How a programmatic navigation enters the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry: back returns to the state before.
    Push,
    /// Overwrite the current entry, e.g. for each keystroke in the search box after
    /// the first, so back does not step through every letter typed.
    Replace,
}

/// Navigates to `route` without reloading, for controls that cannot be plain links
/// (the search box, selects). Links remain the way to navigate everywhere else.
pub fn navigate(route: &Route, mode: HistoryMode) {
    let target = route.to_hash();
    let Some(state) = use_context::<RouteState>() else {
        return;
    };
    let moved = window().history().and_then(|history| match mode {
        HistoryMode::Push => {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target))
        }
        HistoryMode::Replace => {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target))
        }
    });
    if moved.is_err() {
        // History refused (rare: sandboxed frames); a hash assignment still navigates
        // and announces itself by `hashchange`.
        let _ = window().location().set_hash(&target);
        return;
    }
    // pushState/replaceState fire no event, so tell the route ourselves. Read the hash
    // back so the signal holds the browser's own encoding of it.
    state.hash.set(current_hash());
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}
