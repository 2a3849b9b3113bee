//! The page a leader or a department link opens when the data has no task for it:
//! the name the link asked for, what it is known as, and a plain sentence saying why
//! the page is empty — never a blank page.

use leptos::prelude::*;

/// `class` is the page's own class (`leader-page`, `department-page`) so it keeps its
/// layout; `back` is the link to the list the reader came from. `name` is the
/// documents' own and is marked Chinese; `subtitle` and `message` may be plain text or
/// a view that marks the names in it.
#[component]
pub fn EmptyEntityPage(
    class: &'static str,
    back: AnyView,
    name: String,
    subtitle: impl IntoView + 'static,
    message: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <div class=format!("view {class}")>
            {back}
            <div class="page-head">
                <h1 lang="zh-CN">{name}</h1>
                <p class="page-lede">{subtitle}</p>
            </div>
            <p class="empty" data-testid="result-count">{message}</p>
        </div>
    }
}
