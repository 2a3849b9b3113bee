//! State shared by every view: the loaded data and the current route.
//!
//! Both live in context, provided once by `App`. The route is derived from
//! `location.hash` only, so every state the user sees is a URL that can be copied,
//! bookmarked, and stepped through with back/forward.

use std::collections::HashMap;
use std::sync::Arc;

use js_sys::{Object, Reflect};
use leptos::prelude::*;
use planboard_model::{Dataset, Index, Links, LoadError, Plan, Route, View};
use wasm_bindgen::JsValue;

use crate::data_loader::{load_links, load_plan};

/// The loaded dataset and its index, provided as context once the first load's data
/// files loaded (the published dataset's `plan` and `links` are empty: `use_plan`,
/// `use_links`).
///
/// `Arc` rather than `Rc` because Leptos 0.8 context values and memo closures must be
/// `Send + Sync`; on wasm there is one thread, so this costs nothing.
#[derive(Clone)]
pub struct AppData {
    pub dataset: Arc<Dataset>,
    pub index: Arc<Index>,
    /// Links computed again over the published and the imported documents, when
    /// documents were imported in this browser; `None` for the published data, whose
    /// links.json is fetched when a view needs it.
    pub merged_links: Option<Arc<Links>>,
}

/// The dataset and index. Only call inside the app, below the point where data loaded.
pub fn use_data() -> AppData {
    expect_context::<AppData>()
}

/// A data file fetched the first time a view asks for it, loading or loaded, or what is
/// wrong with it.
pub type FileLoad<T> = LocalResource<Result<Arc<T>, LoadError>>;

/// A data file the first load leaves out, fetched when a view first needs it and kept
/// for the rest of the visit. The task list, search, facets and most views never need
/// the plan or the links, and the two are two thirds of the data's bytes.
pub struct OnDemand<T: 'static> {
    /// The app's owner: the resource lives as long as the app, not as the view that
    /// first asked for it.
    owner: StoredValue<Owner>,
    load: StoredValue<Option<FileLoad<T>>>,
}

impl<T: 'static> Clone for OnDemand<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for OnDemand<T> {}

impl<T: Send + Sync + 'static> OnDemand<T> {
    /// Provides the (not yet started) load as context; call once, in `App`.
    fn provide() {
        provide_context(OnDemand::<T> {
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            load: StoredValue::new(None),
        });
    }

    /// The load, started by the first call with `fetch`.
    fn load<F>(fetch: impl Fn() -> F + 'static) -> FileLoad<T>
    where
        F: std::future::Future<Output = Result<Arc<T>, LoadError>> + 'static,
    {
        let on_demand = expect_context::<OnDemand<T>>();
        if let Some(load) = on_demand.load.get_value() {
            return load;
        }
        let load = on_demand
            .owner
            .with_value(|owner| owner.with(|| LocalResource::new(fetch)));
        on_demand.load.set_value(Some(load));
        load
    }
}

/// Provides the on-demand data files (`use_plan`, `use_links`); call once, in `App`.
pub fn provide_on_demand_files() {
    OnDemand::<Plan>::provide();
    OnDemand::<Links>::provide();
}

/// The plan's load, started by the first call. Only call below the point where the
/// data loaded: the plan is checked against them.
pub fn use_plan() -> FileLoad<Plan> {
    let dataset = use_data().dataset;
    OnDemand::<Plan>::load(move || load_plan(Arc::clone(&dataset)))
}

/// The links' load, started by the first call.
pub fn use_links() -> FileLoad<Links> {
    OnDemand::<Links>::load(load_links)
}

/// The raw hash and the route parsed from it, plus what the shell needs to put the
/// scroll position back when the user steps back or forward.
#[derive(Clone, Copy)]
pub struct RouteState {
    hash: RwSignal<String>,
    route: Memo<Route>,
    book: StoredValue<HistoryBook>,
}

/// Each history entry the app sees gets a number (kept in `history.state`, so it
/// survives traversal) and the scroll position it was left at. The browser's own scroll
/// restoration cannot do this: it restores before the app has drawn the page.
#[derive(Default)]
struct HistoryBook {
    current: u32,
    next: u32,
    positions: HashMap<u32, f64>,
    /// Set by a back/forward step: where the page should scroll once drawn.
    restore: Option<f64>,
    /// The current entry was reached by a back/forward step (until the next navigation).
    traversed: bool,
}

/// Key under which an entry's number is kept in `history.state`.
const ENTRY_KEY: &str = "planboardEntry";

impl RouteState {
    /// Reads the current `location.hash`, follows it on `hashchange` and `popstate`
    /// (history entries made by `pushState` only announce themselves by `popstate`), and
    /// provides the state as context.
    pub fn provide() -> RouteState {
        let history = window().history().ok();
        if let Some(history) = &history {
            // The app restores positions itself (see `HistoryBook`).
            let _ = Reflect::set(
                history,
                &JsValue::from_str("scrollRestoration"),
                &JsValue::from_str("manual"),
            );
        }
        let mut book = HistoryBook::default();
        let first = history
            .as_ref()
            .and_then(|history| entry_number(&history.state().ok()?));
        book.current = first.unwrap_or(0);
        book.next = book.current + 1;
        if first.is_none() {
            stamp_current_entry(book.current);
        }
        let book = StoredValue::new(book);
        let hash = RwSignal::new(current_hash());
        let route = Memo::new(move |_| hash.with(|hash| Route::parse(hash)));
        let state = RouteState { hash, route, book };
        // One navigation may fire both events; the second finds the hash already known.
        let follow_location = move || {
            let now = current_hash();
            if hash.with_untracked(|known| *known != now) {
                state.arrive();
                hash.set(now);
            }
        };
        // The app lives as long as the page, so the listeners are never removed.
        let _ = window_event_listener(leptos::ev::hashchange, move |_| follow_location());
        let _ = window_event_listener(leptos::ev::popstate, move |_| follow_location());
        provide_context(state);
        state
    }

    /// Books a location change that did not come from `navigate`: a link followed (a
    /// new entry, numbered now) or a step back/forward (a known entry, whose position
    /// is restored).
    fn arrive(self) {
        let arrived = window()
            .history()
            .ok()
            .and_then(|history| entry_number(&history.state().ok()?));
        self.book.update_value(|book| {
            book.positions
                .insert(book.current, window().scroll_y().unwrap_or(0.0));
            match arrived {
                Some(number) => {
                    book.current = number;
                    book.restore = Some(book.positions.get(&number).copied().unwrap_or(0.0));
                    book.traversed = true;
                }
                None => {
                    book.current = book.next;
                    book.next += 1;
                    book.restore = None;
                    book.traversed = false;
                    stamp_current_entry(book.current);
                }
            }
        });
    }

    /// Whether the current entry was reached by back/forward: a page drawn for it must
    /// be whole on its first frame, where the shell puts the scroll position back.
    pub fn traversed(self) -> bool {
        self.book
            .try_with_value(|book| book.traversed)
            .unwrap_or(false)
    }

    /// After a back/forward step, the scroll position that entry was left at; `None`
    /// after any other navigation. Reading it clears it.
    pub fn take_restored_scroll(self) -> Option<f64> {
        self.book
            .try_update_value(|book| book.restore.take())
            .flatten()
    }
}

/// The route state provided by `App`.
pub fn use_route_state() -> RouteState {
    expect_context::<RouteState>()
}

fn entry_number(state: &JsValue) -> Option<u32> {
    if !state.is_object() {
        return None;
    }
    let number = Reflect::get(state, &JsValue::from_str(ENTRY_KEY))
        .ok()?
        .as_f64()?;
    Some(number as u32)
}

fn entry_state(number: u32) -> JsValue {
    let state = Object::new();
    let _ = Reflect::set(
        &state,
        &JsValue::from_str(ENTRY_KEY),
        &JsValue::from_f64(f64::from(number)),
    );
    state.into()
}

fn stamp_current_entry(number: u32) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state(&entry_state(number), "");
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
    let moved = window().history().and_then(|history| {
        let mut result = Ok(());
        state.book.update_value(|book| book.traversed = false);
        state.book.update_value(|book| match mode {
            HistoryMode::Push => {
                book.positions
                    .insert(book.current, window().scroll_y().unwrap_or(0.0));
                book.current = book.next;
                book.next += 1;
                result = history.push_state_with_url(&entry_state(book.current), "", Some(&target));
            }
            HistoryMode::Replace => {
                result =
                    history.replace_state_with_url(&entry_state(book.current), "", Some(&target));
            }
        });
        result
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
