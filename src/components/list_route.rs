//! The route a list view shows, which may run a frame ahead of the URL.
//!
//! Writing the address (`history.pushState`/`replaceState`, a few milliseconds in
//! Chromium) and following a link's fragment navigation cost more than filtering the
//! list at seed size. So the 任务 view's own controls (search box, facet links, sort and
//! role links, chips) change [`ListRoute::shown`] at once and write the URL right after
//! the browser has drawn the result; several changes before that frame share one write.
//! The URL stays the single source of truth: a route that did not come from these
//! controls (a link elsewhere, back/forward) drops whatever was pending.

use leptos::prelude::*;
use planboard_model::Route;

use crate::components::scheduling::after_paint;
use crate::state::{navigate, use_route, HistoryMode};

/// A route shown before the URL holds it, and the URL's route it was made from.
#[derive(Clone, PartialEq)]
struct Pending {
    over: Route,
    next: Route,
    mode: HistoryMode,
}

/// The shown route of a list view and the means to change it; `Copy`, so every link
/// of the view can hold it.
#[derive(Clone, Copy)]
pub struct ListRoute {
    url: Memo<Route>,
    shown: Memo<Route>,
    pending: RwSignal<Option<Pending>>,
    /// Which change the scheduled write is for: a write scheduled by an earlier change
    /// leaves it to the latest one.
    changes: StoredValue<u64>,
    /// The scheduled write runs outside the view's reactive owner; `navigate` finds
    /// the route state through it.
    owner: StoredValue<Option<Owner>>,
}

impl ListRoute {
    /// Follows the URL's route; call once in the view.
    pub fn new() -> ListRoute {
        let url = use_route();
        let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
        let shown = Memo::new(move |_| {
            url.with(|url| {
                pending.with(|pending| match pending {
                    Some(pending) if pending.over == *url => pending.next.clone(),
                    _ => url.clone(),
                })
            })
        });
        // A route from elsewhere (back/forward, a link) drops what was pending, so that
        // returning to the route it was made over does not bring it back.
        Effect::new(move |_| {
            url.with(|url| {
                let stale = pending.with_untracked(|pending| {
                    pending.as_ref().is_some_and(|pending| pending.over != *url)
                });
                if stale {
                    pending.set(None);
                }
            })
        });
        ListRoute {
            url,
            shown,
            pending,
            changes: StoredValue::new(0),
            owner: StoredValue::new(Owner::current()),
        }
    }

    /// The route the view shows: the URL's, or one a control set a moment ago.
    pub fn shown(self) -> Memo<Route> {
        self.shown
    }

    /// The URL's route (what the URL will hold once the pending write is done).
    pub fn url(self) -> Memo<Route> {
        self.url
    }

    /// Shows `next` at once and writes it into the URL after the next frame. A `Push`
    /// pending from this frame stays a push even if a `Replace` follows it.
    /// A route with another filter than the shown one starts again at one page of rows.
    pub fn go(self, mut next: Route, mode: HistoryMode) {
        if self
            .shown
            .with_untracked(|shown| shown.filter != next.filter)
        {
            next.rows = None;
        }
        let over = self.url.get_untracked();
        let mode = match self.pending.get_untracked() {
            Some(earlier) if earlier.over == over && earlier.mode == HistoryMode::Push => {
                HistoryMode::Push
            }
            _ => mode,
        };
        self.pending.set(Some(Pending { over, next, mode }));
        let change = self.changes.get_value() + 1;
        self.changes.set_value(change);
        after_paint(move || {
            if self.changes.try_get_value() == Some(change) {
                self.write_now();
            }
        });
    }

    /// Writes the pending route into the URL now (the search box on blur and Enter).
    /// Safe after the view is gone: every read is a `try_`.
    pub fn write_now(self) {
        let Some(Some(pending)) = self.pending.try_get_untracked() else {
            return;
        };
        let Some(url) = self.url.try_get_untracked() else {
            return;
        };
        if pending.over == url && pending.next != url {
            match self.owner.try_get_value().flatten() {
                Some(owner) => owner.with(|| navigate(&pending.next, pending.mode)),
                None => navigate(&pending.next, pending.mode),
            }
        }
        // The URL holds it now (or moved on without it): the URL rules again.
        self.pending.set(None);
    }
}

impl ListRoute {
    /// For a link's click: a plain click shows `next` (a new history entry) without the
    /// browser's fragment navigation; any other click is left to the browser, which
    /// follows the link's `href` (the same route).
    pub fn follow(self, event: &leptos::ev::MouseEvent, next: impl FnOnce() -> Route) {
        if is_plain_click(event) {
            event.prevent_default();
            self.go(next(), HistoryMode::Push);
        }
    }
}

/// Whether a click on a link is a plain one the view may handle itself; a click with a
/// modifier (new tab, new window, download) or another button is left to the browser.
fn is_plain_click(event: &leptos::ev::MouseEvent) -> bool {
    event.button() == 0
        && !event.default_prevented()
        && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key())
}
