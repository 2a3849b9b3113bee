//! The page of one item (`#/item/<id>`): a task, a livelihood project, or a piece of
//! the plan (section, 专栏 box, indicator, results row), with a permanent link.

mod plan;
mod timeline;

use leptos::prelude::*;
use planboard_model::{
    neighbours, Filter, Lang, Project, Role, Route, SourceSpan, Status, Task, View,
};

use crate::components::data_gate::with_plan;
use crate::components::status::StatusBadge;
use crate::components::task_row::{document_short_label, EntryRow, UnitList};
use crate::i18n::{lang, tr};
use crate::notes::{use_notes, NoteEditor};
use crate::pages::threads::ItemThreads;
use crate::state::{href, href_view, use_data, AppData};
use plan::plan_item;
use timeline::{CommitmentTimeline, TaskExtras};

/// Neighbours listed per group; the “全部” link leads to the full filtered list.
const NEIGHBOURS_SHOWN: usize = 5;

/// The item page for `id`; unknown ids get a clear message and a way back. A task or
/// project is drawn at once; any other id may be a plan record, so it waits for the plan.
#[component]
pub fn ItemPage(id: String) -> impl IntoView {
    let data = use_data();
    let found = data.index.position(&id).and_then(|position| {
        let entry = data.index.entries().get(position)?;
        if let Some(task) = entry.task(&data.dataset) {
            return Some(view! { <TaskDetail task=task.clone() position /> }.into_any());
        }
        let project = entry.project(&data.dataset)?;
        Some(view! { <ProjectDetail project=project.clone() position /> }.into_any())
    });
    if let Some(view) = found {
        return view! { {view} <ItemThreads id=id.clone() /> <NoteEditor item_id=id /> }.into_any();
    }
    with_plan(move |plan| match plan_item(&plan, &id) {
        Some(view) => {
            view! { {view} <ItemThreads id=id.clone() /> <NoteEditor item_id=id.clone() /> }
                .into_any()
        }
        None => not_found(id.clone()),
    })
    .into_any()
}

/// No record has this id (checked after the plan too).
fn not_found(id: String) -> AnyView {
    // An orphaned note (its item left the dataset) stays readable and editable here.
    let orphan_note = use_notes()
        .note(&id)
        .is_some()
        .then(|| view! { <NoteEditor item_id=id.clone() /> });
    view! {
        <article class="item-page not-found" data-testid="item-not-found">
            <h1>{tr("找不到该条目", "Item not found")}</h1>
            <p>
                {tr("编号为 ", "There is no item ")} <code>{id}</code>
                {tr(
                    " 的条目不在当前数据中。链接可能抄错了，或者数据更新后该条目已不存在。",
                    " in the current data. The link may have been copied wrongly, or the item left the data in an update.",
                )}
            </p>
            <p>
                <a href=href_view(View::Tasks)>{tr("返回任务列表", "Back to the task list")}</a>
            </p>
            {orphan_note}
        </article>
    }
    .into_any()
}

#[component]
fn TaskDetail(task: Task, position: usize) -> impl IntoView {
    let data = use_data();
    let document = data.index.document(&task.document).cloned();
    let heading = match &document {
        Some(document) => format!("{} {}", document_short_label(document), task.citation()),
        None => format!("{} {}", task.document, task.citation()),
    };
    let number_note = task.number_inferred.then(|| {
        tr(
            "（原文缺少序号，按前后顺序推定）",
            " (the document lost this number; inferred from the order)",
        )
    });
    view! {
        <article class="item-page" data-item-page=task.id.clone()>
            <Breadcrumb />
            <h1>
                <span lang="zh-CN">{heading}</span>
                " "
                {number_note}
            </h1>
            <p class="item-tags">
                <StatusBadge status=task.status />
                <span class="entry-kind">{task.kind.label(lang())}</span>
            </p>
            <p class="item-text" lang="zh-CN">{task.text.clone()}</p>
            <dl class="item-facts">
                {task
                    .leader
                    .clone()
                    .map(|leader| {
                        let leader_page = href_view(View::Leader(leader.clone()));
                        view! {
                            <dt>{tr("分管领导", "Leader in charge")}</dt>
                            <dd>
                                <a href=leader_page lang="zh-CN">{leader}</a>
                            </dd>
                        }
                    })}
                {(!task.units.is_empty())
                    .then(|| {
                        view! {
                            <dt>{tr("责任单位", "Responsible units")}</dt>
                            <dd>
                                <UnitList units=task.units.clone() linked=true />
                            </dd>
                        }
                    })}
                {task
                    .area
                    .clone()
                    .map(|area| {
                        view! {
                            <dt>{tr("工作板块", "Area of work")}</dt>
                            <dd lang="zh-CN" data-testid="item-area">{area}</dd>
                        }
                    })}
                <Districts districts=task.districts.clone() />
                <DocumentFacts document=task.document.clone() source=task.source.clone() />
                <Permalink id=task.id.clone() />
            </dl>
            <section class="item-section">
                <h2>{tr("进展", "Progress")}</h2>
                {if task.progress.is_empty() {
                    view! { <p class="muted">{no_progress_text(&task)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="progress-list">
                            {task
                                .progress
                                .iter()
                                .map(|line| view! { <li lang="zh-CN">{line.clone()}</li> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </section>
            {(!task.remarks.is_empty())
                .then(|| {
                    view! {
                        <section class="item-section item-remarks">
                            <h2>{tr("滞后说明", "Reason for delay")}</h2>
                            {task
                                .remarks
                                .iter()
                                .map(|remark| {
                                    view! { <p class="entry-remark" lang="zh-CN">{remark.clone()}</p> }
                                })
                                .collect_view()}
                        </section>
                    }
                })}
            <TaskExtras task=task.clone() />
            <CommitmentTimeline task_id=task.id.clone() />
            <Neighbours position data=data.clone() />
        </article>
    }
}

fn no_progress_text(task: &Task) -> &'static str {
    match task.status {
        Status::NotTracked => tr(
            "该文件不是进展报告，没有记录进展。",
            "This document is not a progress report: it records no progress.",
        ),
        _ => tr(
            "进展报告中此项下没有填写进展。",
            "The progress report writes no progress under this task.",
        ),
    }
}

#[component]
fn ProjectDetail(project: Project, position: usize) -> impl IntoView {
    let data = use_data();
    let declared = project
        .declared_subitems
        .filter(|declared| *declared as usize != project.subitems.len())
        .map(|declared| {
            view! {
                <p class="muted">
                    {lang()
                        .pick(
                            format!(
                                "标题写明 {declared} 个子项，原文列出 {} 个。",
                                project.subitems.len(),
                            ),
                            format!(
                                "The heading speaks of {declared} sub-items; the text lists {}.",
                                project.subitems.len(),
                            ),
                        )}
                </p>
            }
        });
    view! {
        <article class="item-page" data-item-page=project.id.clone()>
            <Breadcrumb />
            <h1>{project_heading(&project)}</h1>
            <p class="item-text" lang="zh-CN">{project.title.clone()}</p>
            <dl class="item-facts">
                {(!project.units.is_empty())
                    .then(|| {
                        view! {
                            <dt>{tr("责任单位", "Responsible units")}</dt>
                            <dd>
                                <UnitList units=project.units.clone() linked=true />
                            </dd>
                        }
                    })}
                <Districts districts=project.districts.clone() />
                <DocumentFacts document=project.document.clone() source=project.source.clone() />
                <Permalink id=project.id.clone() />
            </dl>
            <section class="item-section">
                <h2>{tr("子项", "Sub-items")}</h2>
                {declared}
                <ul class="progress-list">
                    {project
                        .subitems
                        .iter()
                        .map(|line| view! { <li lang="zh-CN">{line.clone()}</li> })
                        .collect_view()}
                </ul>
            </section>
            <Neighbours position data=data.clone() />
        </article>
    }
}

/// `湖州市2024年民生实事 第3项`; in English the city's name stays Chinese, marked.
fn project_heading(project: &Project) -> AnyView {
    let (year, number) = (project.year, project.number);
    match lang() {
        Lang::Zh => format!("{}{year}年民生实事 第{number}项", project.jurisdiction).into_any(),
        Lang::En => view! {
            <span lang="zh-CN">{project.jurisdiction.clone()}</span>
            {format!(": livelihood project {number} of {year}")}
        }
        .into_any(),
    }
}

#[component]
fn Breadcrumb() -> impl IntoView {
    view! {
        <nav class="breadcrumb" aria-label=tr("位置", "Breadcrumb")>
            <a href=href_view(View::Tasks)>{tr("任务", "Tasks")}</a>
            {tr(" › 条目", " › Item")}
        </nav>
    }
}

/// Districts as links to the task list filtered by each.
#[component]
fn Districts(districts: Vec<String>) -> impl IntoView {
    (!districts.is_empty()).then(|| {
        let links = districts
            .into_iter()
            .map(|district| {
                let mut route = Route::new(View::Tasks);
                route.filter.district = vec![district.clone()];
                view! { <a class="district" href=href(&route) lang="zh-CN">{district}</a> }
            })
            .collect_view();
        view! {
            <dt>{tr("涉及区县", "Districts")}</dt>
            <dd class="district-list">{links}</dd>
        }
    })
}

/// Which document the item comes from and where in it: heading path, lines, file.
#[component]
fn DocumentFacts(document: String, source: SourceSpan) -> impl IntoView {
    let data = use_data();
    let found = data.index.document(&document).cloned();
    let document_line = match &found {
        Some(found) => view! {
            <span lang="zh-CN">{found.title.clone()}</span>
            {tr("（", " (")}
            <span lang="zh-CN">{found.issuer.clone()}</span>
            {format!("{}{}", tr("，", ", "), found.date)}
            {tr("）", ")")}
        }
        .into_any(),
        None => document.clone().into_any(),
    };
    // A document imported in this browser is marked; its items take part in threads
    // (the import worker computed the links over every document).
    let local = found
        .as_ref()
        .and_then(|found| crate::imports::local_badge(found).map(|badge| view! { " " {badge} }));
    let file = found.map(|found| found.source_file).unwrap_or_default();
    let (first, last) = (source.first_line, source.last_line);
    let lines = match (first == last, lang()) {
        (true, Lang::Zh) => format!("第 {first} 行"),
        (false, Lang::Zh) => format!("第 {first}–{last} 行"),
        (true, Lang::En) => format!("line {first}"),
        (false, Lang::En) => format!("lines {first}–{last}"),
    };
    let path = source.path.join(" › ");
    view! {
        <dt>{tr("文件", "Document")}</dt>
        <dd>{document_line} {local}</dd>
        <dt>{tr("原文位置", "Where in the document")}</dt>
        <dd class="source-location">
            {(!path.is_empty())
                .then(|| view! { <span class="source-path" lang="zh-CN">{path}</span> })}
            <span class="source-lines">
                <code>{file}</code>
                " "
                {lines}
            </span>
        </dd>
    }
}

/// The item's address on this site, to copy and cite.
#[component]
fn Permalink(id: String) -> impl IntoView {
    let location = window().location();
    let page = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    let target = href_view(View::Item(id));
    let absolute = format!("{page}{target}");
    view! {
        <dt>{tr("永久链接", "Permanent link")}</dt>
        <dd class="permalink">
            <a href=target>{absolute}</a>
        </dd>
    }
}

/// Entries sharing the leader, the lead unit, or a district.
#[component]
fn Neighbours(position: usize, data: AppData) -> impl IntoView {
    let found = neighbours(&data.index, position, NEIGHBOURS_SHOWN);
    let Some(entry) = data.index.entries().get(position) else {
        return ().into_any();
    };
    let lead_unit = entry
        .units
        .iter()
        .find(|unit| unit.lead)
        .map(|unit| unit.name.clone());
    let tasks_with = |fill: &dyn Fn(&mut Filter)| {
        let mut route = Route::new(View::Tasks);
        fill(&mut route.filter);
        href(&route)
    };
    let groups = [
        (
            tr("同一分管领导", "Same leader in charge"),
            found.same_leader,
            entry
                .leader
                .clone()
                .map(|leader| tasks_with(&|filter| filter.leader = vec![leader.clone()])),
        ),
        (
            tr("同一牵头单位", "Same lead unit"),
            found.same_lead_unit,
            lead_unit.map(|unit| {
                tasks_with(&|filter| {
                    filter.unit = vec![unit.clone()];
                    filter.role = Role::Lead;
                })
            }),
        ),
        (
            tr("同一区县", "Same district"),
            found.same_district,
            entry
                .districts
                .first()
                .cloned()
                .map(|district| tasks_with(&|filter| filter.district = vec![district.clone()])),
        ),
    ];
    let sections = groups
        .into_iter()
        .filter(|(_, entries, _)| !entries.is_empty())
        .map(|(title, entries, all)| {
            view! {
                <section class="neighbour-group">
                    <h3>
                        {title}
                        {all
                            .map(|all| {
                                view! { <a class="see-all" href=all>{tr("查看全部", "See all")}</a> }
                            })}
                    </h3>
                    <ol class="entry-list compact">
                        {entries
                            .into_iter()
                            .map(|entry| view! { <EntryRow entry query="" /> })
                            .collect_view()}
                    </ol>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="item-section neighbours">
            <h2>{tr("相关条目", "Related items")}</h2>
            {sections}
        </section>
    }
    .into_any()
}
