//! 民生实事: each livelihood project with its numbered sub-items and units, grouped by
//! the document that lists them.

use leptos::prelude::*;
use planboard_model::{Filter, Project};

use crate::components::status_chart::tasks_href;
use crate::components::task_row::{document_short_label, find_document, item_href, UnitList};
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
            let detail = document
                .map(|document| {
                    format!(
                        "{} · {} · {}",
                        document.title, document.issuer, document.date
                    )
                })
                .unwrap_or_default();
            let list_href = tasks_href(Filter {
                doc: vec![document_id.clone()],
                kind: vec![planboard_model::EntryKind::Project],
                ..Filter::default()
            });
            let count = projects.len();
            let items = projects.into_iter().map(project_view).collect_view();
            let label = heading.clone();
            view! {
                <section class="project-group" aria-label=label>
                    <h2>{heading}</h2>
                    <p class="section-note">
                        {detail} " · " {format!("{count} 项")} " · "
                        <a href=list_href>"在任务列表中筛选"</a>
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
                <h1>"民生实事"</h1>
                <p class="page-lede" data-testid="result-count">
                    {format!("共 {total} 项民生实事项目")}
                </p>
            </div>
            {(total == 0).then(|| view! { <p class="empty">"当前数据中没有民生实事项目。"</p> })}
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
                    {format!("标题称 {declared} 个子项，原文列出 {listed} 个。")}
                </p>
            }
        });
    let subitems = project
        .subitems
        .iter()
        .map(|subitem| view! { <li>{subitem.clone()}</li> })
        .collect_view();
    let has_units = !project.units.is_empty();
    let districts = (!project.districts.is_empty()).then(|| {
        view! {
            <p class="entry-units">
                <span class="field-label">"涉及区县"</span>
                {project.districts.join("、")}
            </p>
        }
    });
    view! {
        <article class="project" data-item-id=project.id.clone() id=project.id.clone()>
            <h3>
                <a href=item_href(&project.id)>
                    {format!("{}、{}", chinese_number(project.number), project.title)}
                </a>
            </h3>
            <p class="project-meta">
                {format!("{}年 · 子项 {listed} 个", project.year)}
            </p>
            {mismatch}
            {(listed > 0).then(|| view! { <ol class="subitems">{subitems}</ol> })}
            <p class="entry-units">
                <span class="field-label">"责任单位"</span>
                {if has_units {
                    view! { <UnitList units=project.units.clone() linked=true /> }.into_any()
                } else {
                    "原文未列出".into_any()
                }}
            </p>
            {districts}
        </article>
    }
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
