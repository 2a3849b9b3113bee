//! The views that are not part of the first load. A cold visit to `#/tasks` fetches only
//! the shell, the model and the 任务 list; every other view's code is split off into a wasm
//! chunk (scripts/post-build.sh runs wasm-split after cargo), one chunk per group of the
//! menu, fetched the first time one of its views is opened. The service worker precaches
//! every chunk, so every view still works offline after one visit.
//!
//! Each view has a `#[wasm_split]` function: calling it fetches its group's chunk (once),
//! then hands back the function, in the chunk, that draws the view. `fallible`, not
//! Leptos's `#[lazy]`, because a failed fetch under `#[lazy]` panics, and a panic aborts the
//! whole app: here it becomes a message naming the view.
//!
//! The page itself is drawn synchronously, in a reactive closure like any other view, and
//! not inside a `<Suspense>`: a Suspense would also wait on every resource the page reads
//! (the plan, the imported documents) and redraw the page when one reloads, disposing the
//! signals its running tasks (the import worker's replies) still write to.

use std::future::Future;

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use planboard_model::View;

use crate::i18n::tr;
use crate::pages::bulletin::BulletinPage;
use crate::pages::compare::ComparePage;
use crate::pages::departments::{DepartmentPage, DepartmentsPage};
use crate::pages::item::ItemPage;
use crate::pages::lag::LagPage;
use crate::pages::leaders::{LeaderPage, LeadersPage};
use crate::pages::overview::OverviewPage;
use crate::pages::pace::PacePage;
use crate::pages::plan::PlanPage;
use crate::pages::projects::ProjectsPage;
use crate::pages::tasks::TasksPage;
use crate::pages::threads::{ThreadPage, ThreadsPage};

/// A group of views whose code is one chunk, named as the reader knows them from the menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Chunk {
    Overview,
    People,
    Supervision,
    Plan,
    Projects,
    Notes,
    Import,
}

impl Chunk {
    fn name(self) -> &'static str {
        match self {
            Chunk::Overview => tr("总览", "Overview"),
            Chunk::People => tr("部门与领导", "Departments and leaders"),
            Chunk::Supervision => tr(
                "滞后分析、督查通报、序时进度与年度对比",
                "Lag analysis, bulletin, pace and year over year",
            ),
            Chunk::Plan => tr("规划、条目与主题脉络", "Plan, items and threads"),
            Chunk::Projects => tr("民生实事", "Livelihood projects"),
            Chunk::Notes => tr("我的笔记", "My notes"),
            Chunk::Import => tr("导入文件", "Import a document"),
        }
    }
}

/// The page of a view: the 任务 list at once (it is in the first load), any other view
/// through its chunk.
pub fn routed_page(view: View) -> AnyView {
    match view {
        View::Tasks => view! { <TasksPage /> }.into_any(),
        View::Overview => on_demand(Chunk::Overview, (), overview_page),
        View::Departments => on_demand(Chunk::People, (), departments_page),
        View::Department(name) => on_demand(Chunk::People, name, department_page),
        View::Leaders => on_demand(Chunk::People, (), leaders_page),
        View::Leader(name) => on_demand(Chunk::People, name, leader_page),
        View::Lag => on_demand(Chunk::Supervision, (), lag_page),
        View::Bulletin => on_demand(Chunk::Supervision, (), bulletin_page),
        View::Pace => on_demand(Chunk::Supervision, (), pace_page),
        View::Compare => on_demand(Chunk::Supervision, (), compare_page),
        View::Plan => on_demand(Chunk::Plan, (), plan_page),
        View::Item(id) => on_demand(Chunk::Plan, id, item_page),
        View::Threads => on_demand(Chunk::Plan, (), threads_page),
        View::Thread(id) => on_demand(Chunk::Plan, id, thread_page),
        View::Projects => on_demand(Chunk::Projects, (), projects_page),
        View::Notes => on_demand(Chunk::Notes, (), notes_page),
        View::Import => on_demand(Chunk::Import, (), import_page),
    }
}

/// A view's chunk could not be fetched or started (offline before the service worker
/// cached it, a server error, a truncated file). The JS loader logs the cause to the
/// console; the reader gets [`ChunkFailed`].
#[derive(Clone, Copy, Debug)]
struct ChunkLoadFailed;

impl From<SplitLoaderError> for ChunkLoadFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkLoadFailed
    }
}

/// What a split point hands back once its chunk runs: the function, in the chunk, that
/// draws the view from the route's arguments (a name, an id, or nothing).
type Draw<Args> = fn(Args) -> AnyView;
type Drawn<Args> = Result<Draw<Args>, ChunkLoadFailed>;

/// Draws a view whose code is in `chunk`: a loading line while the chunk downloads, then
/// the page, or a message naming the view when the chunk cannot be had. The message's
/// retry button calls `load` again: a failed fetch is not remembered by the loader.
fn on_demand<Args, Load, Loading>(chunk: Chunk, args: Args, load: Load) -> AnyView
where
    Args: Clone + Send + Sync + 'static,
    Load: Fn() -> Loading + 'static,
    Loading: Future<Output = Drawn<Args>> + 'static,
{
    let attempt = RwSignal::new(0_u32);
    let drawer = LocalResource::new(move || {
        attempt.track();
        load()
    });
    (move || match drawer.get() {
        None => view! { <ChunkLoading chunk /> }.into_any(),
        Some(Ok(draw)) => draw(args.clone()),
        Some(Err(ChunkLoadFailed)) => view! { <ChunkFailed chunk attempt /> }.into_any(),
    })
    .into_any()
}

#[component]
fn ChunkLoading(chunk: Chunk) -> impl IntoView {
    view! {
        <p class="loading" data-testid="chunk-loading" role="status">
            {tr("正在载入", "Loading ")}
            {chunk.name()}
            {tr("页面…", " …")}
        </p>
    }
}

#[component]
fn ChunkFailed(chunk: Chunk, attempt: RwSignal<u32>) -> impl IntoView {
    view! {
        <div class="load-error" data-testid="chunk-failed" role="alert">
            <h1>{tr("页面无法载入", "This page cannot be loaded")}</h1>
            <p>
                {tr("“", "The program file of “")}
                {chunk.name()}
                {tr(
                    "”页面的程序文件未能下载或启动。离线时，只有联网访问过一次之后才能打开各页面；也可能是服务器出错。",
                    "” could not be downloaded or started. Offline, the pages open only after one visit online; or the server had an error.",
                )}
            </p>
            <p class="muted">
                {tr(
                    "任务列表仍可使用。恢复网络后点“重试”。",
                    "The task list still works. Once the network is back, press “Retry”.",
                )}
            </p>
            <p>
                <button type="button" on:click=move |_| attempt.update(|count| *count += 1)>
                    {tr("重试", "Retry")}
                </button>
            </p>
        </div>
    }
}

// --- the split points: one function per view, one chunk per module name ----------------
// The first argument names the chunk, so the views of one group share one wasm file; the
// drawing functions they return are in that chunk too, reached only through them.

#[wasm_split(overview_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn overview_page() -> Drawn<()> {
    Ok(|()| view! { <OverviewPage /> }.into_any())
}

#[wasm_split(people_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn departments_page() -> Drawn<()> {
    Ok(|()| view! { <DepartmentsPage /> }.into_any())
}

#[wasm_split(people_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn department_page() -> Drawn<String> {
    Ok(|name| view! { <DepartmentPage name /> }.into_any())
}

#[wasm_split(people_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn leaders_page() -> Drawn<()> {
    Ok(|()| view! { <LeadersPage /> }.into_any())
}

#[wasm_split(people_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn leader_page() -> Drawn<String> {
    Ok(|name| view! { <LeaderPage name /> }.into_any())
}

#[wasm_split(supervision_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn lag_page() -> Drawn<()> {
    Ok(|()| view! { <LagPage /> }.into_any())
}

#[wasm_split(supervision_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn bulletin_page() -> Drawn<()> {
    Ok(|()| view! { <BulletinPage /> }.into_any())
}

#[wasm_split(supervision_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn pace_page() -> Drawn<()> {
    Ok(|()| view! { <PacePage /> }.into_any())
}

#[wasm_split(supervision_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn compare_page() -> Drawn<()> {
    Ok(|()| view! { <ComparePage /> }.into_any())
}

#[wasm_split(plan_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn plan_page() -> Drawn<()> {
    Ok(|()| view! { <PlanPage /> }.into_any())
}

#[wasm_split(plan_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn item_page() -> Drawn<String> {
    Ok(|id| view! { <ItemPage id /> }.into_any())
}

#[wasm_split(plan_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn threads_page() -> Drawn<()> {
    Ok(|()| view! { <ThreadsPage /> }.into_any())
}

#[wasm_split(plan_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn thread_page() -> Drawn<String> {
    Ok(|id| view! { <ThreadPage id /> }.into_any())
}

#[wasm_split(projects_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn projects_page() -> Drawn<()> {
    Ok(|()| view! { <ProjectsPage /> }.into_any())
}

#[wasm_split(notes_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn notes_page() -> Drawn<()> {
    Ok(|()| view! { <crate::notes::NotesPage /> }.into_any())
}

#[wasm_split(import_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn import_page() -> Drawn<()> {
    Ok(|()| view! { <crate::imports::ImportPage /> }.into_any())
}
