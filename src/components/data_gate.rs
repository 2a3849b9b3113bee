//! The parts of a view that show plan records wait for `plan.json` here, and the parts
//! that show links and threads for `links.json`; everything else on the page is drawn
//! at once.

use std::sync::Arc;

use leptos::prelude::*;
use planboard_model::{Links, LoadError, Plan};

use crate::components::load_error::{LoadErrorFile, LoadErrorProblem};
use crate::i18n::tr;
use crate::state::{use_data, use_links, use_plan, FileLoad};

/// Draws `part` with the plan once `plan.json` has loaded (at once when it already
/// has): a note while it downloads, and what is wrong with the file if it cannot be used.
pub fn with_plan<V>(part: impl Fn(Arc<Plan>) -> V + Send + Sync + 'static) -> AnyView
where
    V: IntoView + 'static,
{
    loaded_or_note(
        use_plan(),
        PLAN_WORDS,
        Box::new(move |plan| part(plan).into_any()),
    )
}

/// Draws `part` with the links: those merged over the documents imported in this
/// browser when there are some, else `links.json` once it has loaded, as `with_plan`.
pub fn with_links<V>(part: impl Fn(Arc<Links>) -> V + Send + Sync + 'static) -> AnyView
where
    V: IntoView + 'static,
{
    if let Some(merged) = use_data().merged_links {
        return part(merged).into_any();
    }
    loaded_or_note(
        use_links(),
        LINKS_WORDS,
        Box::new(move |links| part(links).into_any()),
    )
}

/// Draws `part` with both the plan and the links, as `with_plan` and `with_links`; the
/// two downloads run side by side rather than one after the other.
pub fn with_plan_and_links<V>(
    part: impl Fn(Arc<Plan>, Arc<Links>) -> V + Send + Sync + 'static,
) -> AnyView
where
    V: IntoView + 'static,
{
    let plan = use_plan();
    let part = Arc::new(part);
    with_links(move |links| {
        let part = Arc::clone(&part);
        loaded_or_note(
            plan,
            PLAN_WORDS,
            Box::new(move |plan| part(plan, Arc::clone(&links)).into_any()),
        )
    })
}

/// What the note and the error say about one on-demand file, in both languages.
struct FileWords {
    kind: &'static str,
    loading: (&'static str, &'static str),
    name: (&'static str, &'static str),
}

const PLAN_WORDS: FileWords = FileWords {
    kind: "plan",
    loading: ("正在载入规划…", "Loading the plan…"),
    name: ("规划文件 ", "The plan file "),
};

const LINKS_WORDS: FileWords = FileWords {
    kind: "links",
    loading: (
        "正在载入文件之间的关联…",
        "Loading the links between documents…",
    ),
    name: ("关联文件 ", "The links file "),
};

/// The body of `with_plan` and `with_links`, one copy for every caller (the wasm carries
/// one, not one per view that waits for a file).
fn loaded_or_note<T: Send + Sync + 'static>(
    load: FileLoad<T>,
    words: FileWords,
    part: Box<dyn Fn(Arc<T>) -> AnyView + Send + Sync>,
) -> AnyView {
    (move || match load.get() {
        None => view! {
            <p
                class=format!("loading {}-loading", words.kind)
                data-testid=format!("{}-loading", words.kind)
                role="status"
            >
                {tr(words.loading.0, words.loading.1)}
            </p>
        }
        .into_any(),
        Some(Err(error)) => file_load_error(&words, error),
        Some(Ok(loaded)) => part(loaded),
    })
    .into_any()
}

/// The file cannot be used: the rest of the app works; this part says which file and
/// what is wrong.
fn file_load_error(words: &FileWords, error: LoadError) -> AnyView {
    view! {
        <div
            class=format!("load-error {}-load-error", words.kind)
            data-testid=format!("{}-load-error", words.kind)
            role="alert"
        >
            <p>
                {tr(words.name.0, words.name.1)}
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
    .into_any()
}
