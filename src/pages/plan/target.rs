//! `#/plan?at=<record id>`: the plan page opened at one section, box or indicator —
//! the link an item page and the table of contents give — scrolls to it and focuses it
//! once drawn.

use leptos::prelude::*;
use planboard_model::{Route, View};
use wasm_bindgen::JsCast;

use crate::state::{href, use_route};

/// The plan page opened at the element with id `id` (a record id, or one of the page's
/// own parts such as `plan-indicators`).
pub fn plan_at_href(id: &str) -> String {
    href(&Route {
        view: View::Plan,
        at: Some(id.to_owned()),
        ..Route::default()
    })
}

/// Brings the route's `at` into view whenever it names another element (on arrival,
/// and when a link changes it while the page is shown).
pub(super) fn follow_route_target() {
    let route = use_route();
    let target = Memo::new(move |_| route.with(|route| route.at.clone()));
    Effect::new(move |_| {
        if let Some(id) = target.get() {
            // Two frames: the shell scrolls a newly opened page to the top, or a page
            // stepped back to where it was left, on the next frame; this comes after.
            request_animation_frame(move || {
                request_animation_frame(move || {
                    // A page scrolled by then was stepped back to: the place the reader
                    // left it wins over the link's target.
                    if window().scroll_y().unwrap_or(0.0) < 1.0 {
                        bring_into_view(&id);
                    }
                });
            });
        }
    });
}

fn bring_into_view(id: &str) {
    // The page may be gone by now (the reader moved on): then there is nothing to do.
    let Some(element) = document().get_element_by_id(id) else {
        return;
    };
    element.scroll_into_view();
    // The elements carry tabindex="-1": focus shows the outline (the highlight) and
    // puts a keyboard or screen-reader user where the link said.
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}
