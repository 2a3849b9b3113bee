//! The status badge: the status word on its colour, so colour never carries it alone.

use leptos::prelude::*;
use planboard_model::Status;

use crate::i18n::lang;

/// A task's status as a word on a coloured badge (`class="status status-lagging"`).
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    view! {
        <span class=format!("status status-{}", status.code())>{status.label(lang())}</span>
    }
}
