//! In-page jumps that coexist with the hash router.
//!
//! The router owns `location.hash` (`#/plan`), so a classic `href="#some-id"` would
//! navigate away. A jump link instead carries a real, shareable target in `href` (the
//! item's own page, or the page itself) and, on a plain click, scrolls to the element
//! and moves keyboard focus there. Modified clicks (new tab, copy) keep the `href`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A link that scrolls to the element with id `target` on this page.
#[component]
pub fn JumpLink(
    /// The `id` of the element to bring into view; it should have `tabindex="-1"` so it
    /// can take focus.
    target: String,
    /// Where the link leads when opened elsewhere (new tab, copied).
    href: String,
    children: Children,
) -> impl IntoView {
    let on_click = move |event: leptos::ev::MouseEvent| {
        let modified = event.button() != 0
            || event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
            || event.alt_key();
        if modified {
            return;
        }
        let Some(element) = document().get_element_by_id(&target) else {
            return;
        };
        event.prevent_default();
        element.scroll_into_view();
        if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    };
    view! { <a href=href on:click=on_click>{children()}</a> }
}
