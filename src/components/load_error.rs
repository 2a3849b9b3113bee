//! What a data file that cannot be used is named as, and what the model found wrong with
//! it: shared by the page shown instead of the app and by the plan views' own message.

use leptos::prelude::*;
use planboard_model::{LoadError, DATA_DIR};

/// The file as the publisher finds it in the site's folder (`data/plan.json`).
#[component]
pub fn LoadErrorFile(error: LoadError) -> impl IntoView {
    view! { <code class="load-error-file">{format!("{DATA_DIR}{}", error.file)}</code> }
}

/// The model's finding, worded in Chinese and marked so for readers of either interface.
#[component]
pub fn LoadErrorProblem(error: LoadError) -> impl IntoView {
    view! { <p class="load-error-problem" lang="zh-CN">{error.problem}</p> }
}
