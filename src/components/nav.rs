//! The site header: product name and the main navigation.

use leptos::prelude::*;
use planboard_model::View;

use crate::state::{href_view, use_route};

/// The top-level sections, in the order the header lists them.
const SECTIONS: [(&str, &str); 11] = [
    ("overview", "总览"),
    ("tasks", "任务"),
    ("plan", "规划"),
    ("projects", "民生实事"),
    ("leaders", "领导"),
    ("departments", "部门"),
    ("notes", "我的笔记"),
    ("threads", "主题脉络"),
    ("pace", "序时进度"),
    ("lag", "滞后分析"),
    ("compare", "年度对比"),
];

/// The nav key (`data-nav`) of the section a view belongs to; an item page belongs to
/// none, since it can be reached from any list.
pub fn section_of(view: &View) -> Option<&'static str> {
    match view {
        View::Overview => Some("overview"),
        View::Tasks => Some("tasks"),
        View::Item(_) => None,
        View::Plan => Some("plan"),
        View::Projects => Some("projects"),
        View::Leaders | View::Leader(_) => Some("leaders"),
        View::Departments | View::Department(_) => Some("departments"),
        View::Notes => Some("notes"),
        View::Threads | View::Thread(_) => Some("threads"),
        View::Pace => Some("pace"),
        View::Lag | View::Bulletin => Some("lag"),
        View::Compare => Some("compare"),
    }
}

fn section_view(key: &str) -> View {
    match key {
        "tasks" => View::Tasks,
        "plan" => View::Plan,
        "projects" => View::Projects,
        "leaders" => View::Leaders,
        "departments" => View::Departments,
        "notes" => View::Notes,
        "threads" => View::Threads,
        "pace" => View::Pace,
        "lag" => View::Lag,
        "compare" => View::Compare,
        _ => View::Overview,
    }
}

/// Header with the product name and one link per section; the current section's link
/// carries `aria-current="page"`.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let route = use_route();
    let current = Memo::new(move |_| route.with(|route| section_of(&route.view)));
    let links = SECTIONS
        .iter()
        .map(|&(key, label)| {
            let is_current = move || (current.get() == Some(key)).then_some("page");
            view! {
                <li>
                    <a href=href_view(section_view(key)) data-nav=key aria-current=is_current>
                        {label}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <a class="brand" href=href_view(View::Overview)>
                    <span class="brand-name">"planboard"</span>
                    <span class="brand-tagline">"湖州 · 平湖 政府工作任务跟踪"</span>
                </a>
                <nav class="site-nav" aria-label="主导航">
                    <ul>{links}</ul>
                </nav>
            </div>
        </header>
    }
}
