//! 民生实事: each livelihood project with its numbered sub-items and units, grouped by
//! the document that lists them.

use leptos::prelude::*;
use planboard_model::{Filter, Lang, Project};

use crate::components::status_chart::tasks_href;
use crate::components::task_row::{document_short_label, find_document, item_href, UnitList};
use crate::i18n::{counted, lang, tr};
use crate::state::use_data;

/// The livelihood projects view (`#/projects`).
#[component]
pub fn ProjectsPage() -> impl IntoView {
    let data = use_data();
    let dataset = &data.dataset;
    // Documents in catalog order, each with its projects in file order.
    let mut groups: Vec<(String, Vec<Project>)> = Vec::new();
    for project in &dataset.projects {
        match groups
            .iter_mut()
            .find(|(document, _)| *document == project.document)
        {
            Some((_, projects)) => projects.push(project.clone()),
            None => groups.push((project.document.clone(), vec![project.clone()])),
        }
    }
    let catalog_position = |id: &str| {
        dataset
            .catalog
            .documents
            .iter()
            .position(|document| document.id == id)
            .unwrap_or(usize::MAX)
    };
    groups.sort_by_key(|(document, _)| catalog_position(document));

    let sections = groups
        .into_iter()
        .map(|(document_id, projects)| {
            let document = find_document(dataset, &document_id);
            let heading = document
                .map(document_short_label)
                .unwrap_or_else(|| document_id.clone());
            let detail = document.map(|document| {
                view! {
                    <span lang="zh-CN">{document.title.clone()}</span>
                    " · "
                    <span lang="zh-CN">{document.issuer.clone()}</span>
                    {format!(" · {}", document.date)}
                }
            });
            let list_href = tasks_href(Filter {
                doc: vec![document_id.clone()],
                kind: vec![planboard_model::EntryKind::Project],
                ..Filter::default()
            });
            let count = projects.len();
            let items = projects.into_iter().map(project_view).collect_view();
            // Named by its heading rather than an aria-label, so the name keeps its
            // language mark.
            let heading_id = format!("projects-{document_id}");
            let labelled_by = heading_id.clone();
            view! {
                <section class="project-group" aria-labelledby=labelled_by>
                    <h2 id=heading_id lang="zh-CN">{heading}</h2>
                    <p class="section-note">
                        {detail} " · " {projects_count(count)} " · "
                        <a href=list_href>{tr("在任务列表中筛选", "Filter the task list")}</a>
                    </p>
                    <div class="project-list">{items}</div>
                </section>
            }
        })
        .collect_view();

    let total = dataset.projects.len();
    view! {
        <div class="view projects-page">
            <div class="page-head">
                <h1>
                    {match lang() {
                        Lang::Zh => "民生实事".into_any(),
                        Lang::En => {
                            view! { "Livelihood projects (" <span lang="zh-CN">"民生实事"</span> ")" }
                                .into_any()
                        }
                    }}
                </h1>
                <p class="page-lede" data-testid="result-count">
                    {lang()
                        .pick(
                            format!("共 {total} 项民生实事项目"),
                            format!(
                                "{}: the yearly pledges of practical improvements to daily life",
                                counted(total, "livelihood project", "livelihood projects"),
                            ),
                        )}
                </p>
            </div>
            {(total == 0)
                .then(|| {
                    view! {
                        <p class="empty">
                            {tr(
                                "当前数据中没有民生实事项目。",
                                "The data hold no livelihood projects.",
                            )}
                        </p>
                    }
                })}
            {sections}
        </div>
    }
}

fn project_view(project: Project) -> impl IntoView {
    let listed = project.subitems.len();
    let mismatch = project
        .declared_subitems
        .filter(|&declared| declared as usize != listed)
        .map(|declared| {
            view! {
                <p class="data-note">
                    {lang()
                        .pick(
                            format!("标题称 {declared} 个子项，原文列出 {listed} 个。"),
                            format!(
                                "The heading speaks of {declared} sub-items; the text lists {listed}.",
                            ),
                        )}
                </p>
            }
        });
    let subitems = project
        .subitems
        .iter()
        .map(|subitem| view! { <li lang="zh-CN">{subitem.clone()}</li> })
        .collect_view();
    let has_units = !project.units.is_empty();
    let districts = (!project.districts.is_empty()).then(|| {
        view! {
            <p class="entry-units">
                <span class="field-label">{tr("涉及区县", "Districts")}</span>
                <span lang="zh-CN">{project.districts.join("、")}</span>
            </p>
        }
    });
    view! {
        <article class="project" data-item-id=project.id.clone() id=project.id.clone()>
            <h3>
                <a href=item_href(&project.id) lang="zh-CN">
                    {format!("{}、{}", chinese_number(project.number), project.title)}
                </a>
            </h3>
            <p class="project-meta">
                {lang()
                    .pick(
                        format!("{}年 · 子项 {listed} 个", project.year),
                        format!(
                            "{} · {}",
                            project.year,
                            counted(listed, "sub-item", "sub-items"),
                        ),
                    )}
            </p>
            {mismatch}
            {(listed > 0).then(|| view! { <ol class="subitems">{subitems}</ol> })}
            <p class="entry-units">
                <span class="field-label">{tr("责任单位", "Responsible units")}</span>
                {if has_units {
                    view! { <UnitList units=project.units.clone() linked=true /> }.into_any()
                } else {
                    tr("原文未列出", "not listed in the document").into_any()
                }}
            </p>
            {districts}
        </article>
    }
}

/// "1 project", "7 projects" in English; "7 项" in Chinese.
fn projects_count(n: usize) -> String {
    lang().pick(format!("{n} 项"), counted(n, "project", "projects"))
}

/// The number as the documents print it: 一, 二 … 十, 十一 … 九十九; larger numbers in
/// digits.
pub fn chinese_number(number: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let ones = match number % 10 {
        0 => "",
        digit => DIGITS[digit as usize],
    };
    match number {
        0..=9 => DIGITS[number as usize].to_string(),
        10..=19 => format!("十{ones}"),
        20..=99 => format!("{}十{ones}", DIGITS[(number / 10) as usize]),
        _ => number.to_string(),
    }
}
