//! The app shell: header, skip link, data loading, and the router that picks a page
//! from the route.

use leptos::context::Provider;
use leptos::prelude::*;
use planboard_model::{LoadError, View};

use crate::components::nav::SiteHeader;
use crate::components::update_banner::UpdateBanner;
use crate::data_loader::load_app_data;
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
use crate::state::{use_route, use_route_state, RouteState};

/// The whole app. Routing works before the data arrive, so the header and its links are
/// usable while the files download.
#[component]
pub fn App() -> impl IntoView {
    RouteState::provide();
    crate::notes::provide_notes();
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

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            "跳到正文"
        </a>
        <SiteHeader />
        <crate::notes::NotesBanner />
        <UpdateBanner />
        <main id="main" tabindex="-1">
            {move || match data.get() {
                None => {
                    view! {
                        <p class="loading" data-testid="loading" role="status">
                            "正在载入数据…"
                        </p>
                    }
                        .into_any()
                }
                Some(Err(error)) => view! { <LoadErrorPage error /> }.into_any(),
                Some(Ok(app_data)) => {
                    view! {
                        <Provider value=app_data>
                            <div class="page" data-testid="app">
                                {move || routed_page(view.get())}
                            </div>
                        </Provider>
                    }
                        .into_any()
                }
            }}
        </main>
        <footer class="site-footer">
            <p>
                "数据来自湖州市、平湖市公开发布的政府文件，未作改动；状态依进展报告中的进展与督查意见判定。"
            </p>
        </footer>
    }
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

fn routed_page(view: View) -> AnyView {
    match view {
        View::Tasks => view! { <TasksPage /> }.into_any(),
        View::Item(id) => view! { <ItemPage id /> }.into_any(),
        View::Overview => view! { <OverviewPage /> }.into_any(),
        View::Plan => view! { <PlanPage /> }.into_any(),
        View::Projects => view! { <ProjectsPage /> }.into_any(),
        View::Leaders => view! { <LeadersPage /> }.into_any(),
        View::Leader(name) => view! { <LeaderPage name /> }.into_any(),
        View::Departments => view! { <DepartmentsPage /> }.into_any(),
        View::Department(name) => view! { <DepartmentPage name /> }.into_any(),
        View::Notes => view! { <crate::notes::NotesPage /> }.into_any(),
        View::Threads => view! { <ThreadsPage /> }.into_any(),
        View::Thread(id) => view! { <ThreadPage id /> }.into_any(),
        View::Pace => view! { <PacePage /> }.into_any(),
        View::Lag => view! { <LagPage /> }.into_any(),
        View::Compare => view! { <ComparePage /> }.into_any(),
        View::Bulletin => view! { <BulletinPage /> }.into_any(),
    }
}

fn view_title(view: &View) -> String {
    match view {
        View::Overview => "总览".to_string(),
        View::Tasks => "任务".to_string(),
        View::Item(id) => format!("条目 {id}"),
        View::Plan => "规划".to_string(),
        View::Projects => "民生实事".to_string(),
        View::Leaders => "领导".to_string(),
        View::Leader(name) => format!("{name} · 领导"),
        View::Departments => "部门".to_string(),
        View::Department(name) => format!("{name} · 部门"),
        View::Notes => "我的笔记".to_string(),
        View::Threads => "主题脉络".to_string(),
        View::Thread(id) => format!("{id} · 主题"),
        View::Pace => "序时进度".to_string(),
        View::Lag => "滞后分析".to_string(),
        View::Compare => "年度对比".to_string(),
        View::Bulletin => "督查通报".to_string(),
    }
}

/// Shown instead of the app when a data file cannot be used: which file, what is wrong,
/// and what the person publishing the data can do.
#[component]
fn LoadErrorPage(error: LoadError) -> impl IntoView {
    view! {
        <div class="load-error" data-testid="load-error" role="alert">
            <h1>"数据无法载入"</h1>
            <p>
                "文件 " <code class="load-error-file">{format!("data/{}", error.file)}</code>
                " 有问题："
            </p>
            <p class="load-error-problem">{error.problem.clone()}</p>
            <p class="muted">
                "请确认 data 目录中的五个数据文件（documents.json、tasks.json、projects.json、plan.json、links.json）完整且由同一次导入生成，然后刷新页面。"
            </p>
            <p>
                <button type="button" on:click=|_| reload()>
                    "重新载入"
                </button>
            </p>
        </div>
    }
}

fn reload() {
    let _ = window().location().reload();
}
