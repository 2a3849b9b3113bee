//! The parts of a view that show plan records wait for `plan.json` here; everything
//! else on the page is drawn at once.

use std::sync::Arc;

use leptos::prelude::*;
use planboard_model::{LoadError, Plan};

use crate::components::load_error::{LoadErrorFile, LoadErrorProblem};
use crate::i18n::tr;
use crate::state::use_plan;

/// Draws `part` with the plan once `plan.json` has loaded (at once when it already
/// has): a note while it downloads, and what is wrong with the file if it cannot be used.
pub fn with_plan<V>(part: impl Fn(Arc<Plan>) -> V + Send + Sync + 'static) -> AnyView
where
    V: IntoView + 'static,
{
    plan_or_note(Box::new(move |plan| part(plan).into_any()))
}

/// The body of `with_plan`, one copy for every caller (the wasm carries one, not one
/// per view that waits for the plan).
fn plan_or_note(part: Box<dyn Fn(Arc<Plan>) -> AnyView + Send + Sync>) -> AnyView {
    let plan = use_plan();
    (move || match plan.get() {
        None => view! {
            <p class="loading plan-loading" data-testid="plan-loading" role="status">
                {tr("正在载入规划…", "Loading the plan…")}
            </p>
        }
        .into_any(),
        Some(Err(error)) => view! { <PlanLoadError error /> }.into_any(),
        Some(Ok(plan)) => part(plan),
    })
    .into_any()
}

/// `plan.json` cannot be used: the rest of the app works; this part says which file and
/// what is wrong.
#[component]
fn PlanLoadError(error: LoadError) -> impl IntoView {
    view! {
        <div class="load-error plan-load-error" data-testid="plan-load-error" role="alert">
            <p>
                {tr("规划文件 ", "The plan file ")}
                <LoadErrorFile error=error.clone() />
                {tr(" 无法载入：", " cannot be loaded: ")}
            </p>
            <LoadErrorProblem error />
            <p class="muted">
                {tr(
                    "任务、搜索和其他视图不受影响。请确认该文件完整且与其他数据文件由同一次导入生成，然后刷新页面。",
                    "Tasks, search and the other views are not affected. Check that the file is complete and comes from the same import run as the other data files, then reload the page.",
                )}
            </p>
        </div>
    }
}
