//! Search matches marked inside a text.

use leptos::either::Either;
use leptos::prelude::*;
use planboard_model::highlight;

/// `text` with every match of the search `query` wrapped in `<mark>`; the model folds
/// full-width/half-width and case, so `ＡＩ` in the text is found by `ai`.
#[component]
pub fn Highlighted(
    #[prop(into)] text: String,
    /// Reactive, so a list row keeps its elements while the user types and only the
    /// marked runs change.
    #[prop(into)]
    query: Signal<String>,
) -> impl IntoView {
    move || query.with(|query| marked_runs(&text, query))
}

/// `text` with every match of `query` wrapped in `<mark>`, for the query as it is now;
/// for a view that already re-renders when the query changes (one reactive closure for
/// many texts costs less than one per text).
pub fn marked_runs(text: &str, query: &str) -> impl IntoView {
    highlight(text, query)
        .into_iter()
        .map(|(segment, matched)| {
            if matched {
                Either::Left(view! { <mark>{segment.to_string()}</mark> })
            } else {
                Either::Right(segment.to_string())
            }
        })
        .collect_view()
}
