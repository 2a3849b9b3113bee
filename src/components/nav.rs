//! The site header: product name and the main navigation.

use leptos::prelude::*;
use planboard_model::{Lang, View};

use crate::i18n::{lang, switch_language, tr};
use crate::state::{href_view, use_route};

/// The top-level sections, in the order the header lists them.
/// (key, Chinese, English).
const SECTIONS: [(&str, &str, &str); 12] = [
    ("overview", "总览", "Overview"),
    ("tasks", "任务", "Tasks"),
    ("plan", "规划", "Plan"),
    ("projects", "民生实事", "Projects"),
    ("leaders", "领导", "Leaders"),
    ("departments", "部门", "Departments"),
    ("notes", "我的笔记", "My notes"),
    ("threads", "主题脉络", "Threads"),
    ("pace", "序时进度", "Pace"),
    ("lag", "滞后分析", "Lag"),
    ("compare", "年度对比", "Year on year"),
    ("import", "导入", "Import"),
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
        View::Import => Some("import"),
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
        "import" => View::Import,
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
        .map(|&(key, zh, en)| {
            let is_current = move || (current.get() == Some(key)).then_some("page");
            view! {
                <li>
                    <a href=href_view(section_view(key)) data-nav=key aria-current=is_current>
                        {tr(zh, en)}
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
                    <span class="brand-tagline">
                        {tr("湖州 · 平湖 政府工作任务跟踪", "Huzhou · Pinghu government commitments")}
                    </span>
                </a>
                <LanguageSwitch />
                <nav class="site-nav" aria-label=tr("主导航", "Main navigation")>
                    <ul>{links}</ul>
                </nav>
            </div>
        </header>
    }
}

/// One button that offers the other language, written in that language so a reader who
/// cannot read the current one can still find it.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let other = match lang() {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    view! {
        <button
            type="button"
            class="language-switch"
            data-testid="language-switch"
            lang=other.html_tag()
            title=other.pick("切换到中文界面", "Switch the interface to English")
            on:click=move |_| switch_language(other)
        >
            {other.own_name()}
        </button>
    }
}
