//! The app shell: header, skip link, data loading, and the router that picks a page
//! from the route.

use leptos::prelude::*;
use planboard_model::{LoadError, View};

use crate::components::load_error::{LoadErrorFile, LoadErrorProblem};
use crate::components::nav::SiteHeader;
use crate::components::update_banner::UpdateBanner;
use crate::data_loader::load_app_data;
use crate::i18n::{provide_language, tr};
use crate::lazy_pages::routed_page;
use crate::state::AppData;
use crate::state::{use_route, use_route_state, RouteState};

/// The whole app. Routing works before the data arrive, so the header and its links are
/// usable while the files download.
#[component]
pub fn App() -> impl IntoView {
    let language = provide_language();
    RouteState::provide();
    crate::state::provide_on_demand_files();
    crate::notes::provide_notes();
    crate::imports::provide_imports();
    let data = LocalResource::new(load_app_data);
    let route = use_route();
    // Only a change of view replaces the page; a filter change is the page's own business.
    let view = Memo::new(move |_| route.with(|route| route.view.clone()));

    // A step back or forward returns to where that page was left; a new page starts at
    // the top; a filter change within a page keeps the reader's place. Applied on the
    // next frame, once the page is drawn.
    let route_state = use_route_state();
    Effect::new(move |previous: Option<View>| {
        let current = view.get();
        language.track();
        document().set_title(&format!("{} · planboard", view_title(&current)));
        let target = match route_state.take_restored_scroll() {
            Some(position) => Some(position),
            None => previous
                .is_some_and(|previous| previous != current)
                .then_some(0.0),
        };
        if let Some(position) = target {
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, position));
        }
        current
    });
    // Back/forward within one view (a filter undone) still restores the position.
    Effect::new(move |_| {
        route.track();
        if let Some(position) = route_state.take_restored_scroll() {
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, position));
        }
    });

    // A language switch redraws the shell once; the data, the route and the notes live
    // above it and are kept.
    move || {
        language.track();
        view! { <Shell data view /> }
    }
}

/// Everything the reader sees, drawn in the current interface language.
#[component]
fn Shell(data: LocalResource<Result<AppData, LoadError>>, view: Memo<View>) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {tr("跳到正文", "Skip to content")}
        </a>
        <SiteHeader />
        <crate::notes::NotesBanner />
        <crate::imports::ImportsBanner />
        <UpdateBanner />
        <main id="main" tabindex="-1">
            {move || match data.get() {
                None => {
                    view! {
                        <p class="loading" data-testid="loading" role="status">
                            {tr("正在载入数据…", "Loading the data…")}
                        </p>
                    }
                        .into_any()
                }
                Some(Err(error)) => view! { <LoadErrorPage error /> }.into_any(),
                // The published data with the documents imported in this browser,
                // redrawn when one is imported or removed.
                Some(Ok(app_data)) => {
                    crate::imports::with_local_documents(
                        app_data,
                        move || {
                            view! {
                                <div class="page" data-testid="app">
                                    <FollowRenamedIds />
                                    {move || routed_page(view.get())}
                                </div>
                            }
                        },
                    )
                        .into_any()
                }
            }}
        </main>
        <footer class="site-footer">
            <p>
                {tr(
                    "数据来自湖州市、平湖市公开发布的政府文件，未作改动；状态依进展报告中的进展与督查意见判定。",
                    "The data come from government documents published by Huzhou and Pinghu, unedited; statuses follow the progress and the supervisors' remarks in the progress reports.",
                )}
            </p>
        </footer>
    }
}

/// Links and notes made before periods were part of document ids
/// (`#/item/huzhou-2024-progress/t13`) keep working: the address is rewritten in place to
/// the current id, and notes kept under a former id move to the current one.
#[component]
fn FollowRenamedIds() -> impl IntoView {
    let data = crate::state::use_data();
    let route = crate::state::use_route();
    let catalog = data.dataset.catalog.clone();
    crate::notes::use_notes().follow_renamed_items(|id| catalog.renamed_record_id(id));
    let catalog = data.dataset.catalog.clone();
    Effect::new(move |_| {
        if let Some(current) = route.with(|route| route.with_current_ids(&catalog)) {
            crate::state::navigate(&current, crate::state::HistoryMode::Replace);
        }
    });
}

/// The skip link's target would be read as a route (`#main`), so it moves focus itself.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
        }
    }
}

fn view_title(view: &View) -> String {
    match view {
        View::Overview => tr("总览", "Overview").to_string(),
        View::Tasks => tr("任务", "Tasks").to_string(),
        View::Item(id) => format!("{} {id}", tr("条目", "Item")),
        View::Plan => tr("规划", "Plan").to_string(),
        View::Projects => tr("民生实事", "Livelihood projects").to_string(),
        View::Leaders => tr("领导", "Leaders").to_string(),
        View::Leader(name) => format!("{name} · {}", tr("领导", "Leader")),
        View::Departments => tr("部门", "Departments").to_string(),
        View::Department(name) => format!("{name} · {}", tr("部门", "Department")),
        View::Notes => tr("我的笔记", "My notes").to_string(),
        View::Threads => tr("主题脉络", "Threads").to_string(),
        View::Thread(id) => format!("{id} · {}", tr("主题", "Thread")),
        View::Pace => tr("序时进度", "Pace").to_string(),
        View::Lag => tr("滞后分析", "Lag analysis").to_string(),
        View::Compare => tr("年度对比", "Year over year").to_string(),
        View::Bulletin => tr("督查通报", "Supervision bulletin").to_string(),
        View::Import => tr("导入文件", "Import a document").to_string(),
    }
}

/// Shown instead of the app when a data file cannot be used: which file, what is wrong,
/// and what the person publishing the data can do.
#[component]
fn LoadErrorPage(error: LoadError) -> impl IntoView {
    view! {
        <div class="load-error" data-testid="load-error" role="alert">
            <h1>{tr("数据无法载入", "The data cannot be loaded")}</h1>
            <p>
                {tr("文件 ", "The file ")}
                <LoadErrorFile error=error.clone() />
                {tr(" 有问题：", " has a problem:")}
            </p>
            <LoadErrorProblem error />
            <p class="muted">
                {tr(
                    "请确认 data 目录中的五个数据文件（documents.json、tasks.json、projects.json、plan.json、links.json）完整且由同一次导入生成，然后刷新页面。",
                    "Check that the five data files in the data folder (documents.json, tasks.json, projects.json, plan.json, links.json) are complete and come from one import run, then reload the page.",
                )}
            </p>
            <p>
                <button type="button" on:click=|_| reload()>
                    {tr("重新载入", "Reload")}
                </button>
            </p>
        </div>
    }
}

fn reload() {
    let _ = window().location().reload();
}
