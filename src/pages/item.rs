//! The page of one item (`#/item/<id>`): a task, a livelihood project, or a piece of
//! the plan (section, 专栏 box, indicator, results row), with a permanent link.

use leptos::prelude::*;
use planboard_model::{
    neighbours, Dataset, Filter, Project, Role, Route, SourceSpan, Status, Task, View,
};

use crate::components::status::StatusBadge;
use crate::components::task_row::{document_short_label, EntryRow, UnitList};
use crate::notes::{use_notes, NoteEditor};
use crate::pages::threads::ItemThreads;
use crate::state::{href, href_view, use_data, AppData};

/// Neighbours listed per group; the “全部” link leads to the full filtered list.
const NEIGHBOURS_SHOWN: usize = 5;

/// The item page for `id`; unknown ids get a clear message and a way back.
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
    if let Some(view) = found.or_else(|| plan_item(&data.dataset, &id)) {
        return view! { {view} <ItemThreads id=id.clone() /> <NoteEditor item_id=id /> }.into_any();
    }
    // An orphaned note (its item left the dataset) stays readable and editable here.
    let orphan_note = use_notes()
        .note(&id)
        .is_some()
        .then(|| view! { <NoteEditor item_id=id.clone() /> });
    view! {
        <article class="item-page not-found" data-testid="item-not-found">
            <h1>"找不到该条目"</h1>
            <p>
                "编号为 " <code>{id}</code>
                " 的条目不在当前数据中。链接可能抄错了，或者数据更新后该条目已不存在。"
            </p>
            <p>
                <a href=href_view(View::Tasks)>"返回任务列表"</a>
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
    let number_note = task
        .number_inferred
        .then_some("（原文缺少序号，按前后顺序推定）");
    view! {
        <article class="item-page" data-item-page=task.id.clone()>
            <Breadcrumb />
            <h1>{heading} {number_note}</h1>
            <p class="item-tags">
                <StatusBadge status=task.status />
                <span class="entry-kind">{task.kind.label_zh()}</span>
            </p>
            <p class="item-text">{task.text.clone()}</p>
            <dl class="item-facts">
                {task
                    .leader
                    .clone()
                    .map(|leader| {
                        let leader_page = href_view(View::Leader(leader.clone()));
                        view! {
                            <dt>"分管领导"</dt>
                            <dd>
                                <a href=leader_page>{leader}</a>
                            </dd>
                        }
                    })}
                {(!task.units.is_empty())
                    .then(|| {
                        view! {
                            <dt>"责任单位"</dt>
                            <dd>
                                <UnitList units=task.units.clone() linked=true />
                            </dd>
                        }
                    })}
                <Districts districts=task.districts.clone() />
                <DocumentFacts document=task.document.clone() source=task.source.clone() />
                <Permalink id=task.id.clone() />
            </dl>
            <section class="item-section">
                <h2>"进展"</h2>
                {if task.progress.is_empty() {
                    view! { <p class="muted">{no_progress_text(&task)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="progress-list">
                            {task
                                .progress
                                .iter()
                                .map(|line| view! { <li>{line.clone()}</li> })
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
                            <h2>"滞后说明"</h2>
                            {task
                                .remarks
                                .iter()
                                .map(|remark| view! { <p class="entry-remark">{remark.clone()}</p> })
                                .collect_view()}
                        </section>
                    }
                })}
            <Neighbours position data=data.clone() />
        </article>
    }
}

fn no_progress_text(task: &Task) -> &'static str {
    match task.status {
        Status::NotTracked => "该文件不是进展报告，没有记录进展。",
        _ => "进展报告中此项下没有填写进展。",
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
                    {format!(
                        "标题写明 {declared} 个子项，原文列出 {} 个。",
                        project.subitems.len(),
                    )}
                </p>
            }
        });
    view! {
        <article class="item-page" data-item-page=project.id.clone()>
            <Breadcrumb />
            <h1>{format!("{}{}年民生实事 第{}项", project.jurisdiction, project.year, project.number)}</h1>
            <p class="item-text">{project.title.clone()}</p>
            <dl class="item-facts">
                {(!project.units.is_empty())
                    .then(|| {
                        view! {
                            <dt>"责任单位"</dt>
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
                <h2>"子项"</h2>
                {declared}
                <ul class="progress-list">
                    {project
                        .subitems
                        .iter()
                        .map(|line| view! { <li>{line.clone()}</li> })
                        .collect_view()}
                </ul>
            </section>
            <Neighbours position data=data.clone() />
        </article>
    }
}

#[component]
fn Breadcrumb() -> impl IntoView {
    view! {
        <nav class="breadcrumb" aria-label="位置">
            <a href=href_view(View::Tasks)>"任务"</a>
            " › 条目"
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
                view! { <a class="district" href=href(&route)>{district}</a> }
            })
            .collect_view();
        view! {
            <dt>"涉及区县"</dt>
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
        Some(found) => format!("{}（{}，{}）", found.title, found.issuer, found.date),
        None => document.clone(),
    };
    let file = found.map(|found| found.source_file).unwrap_or_default();
    let lines = if source.first_line == source.last_line {
        format!("第 {} 行", source.first_line)
    } else {
        format!("第 {}–{} 行", source.first_line, source.last_line)
    };
    let path = source.path.join(" › ");
    view! {
        <dt>"文件"</dt>
        <dd>{document_line}</dd>
        <dt>"原文位置"</dt>
        <dd class="source-location">
            {(!path.is_empty()).then(|| view! { <span class="source-path">{path}</span> })}
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
        <dt>"永久链接"</dt>
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
            "同一分管领导",
            found.same_leader,
            entry
                .leader
                .clone()
                .map(|leader| tasks_with(&|filter| filter.leader = vec![leader.clone()])),
        ),
        (
            "同一牵头单位",
            found.same_lead_unit,
            lead_unit.map(|unit| {
                tasks_with(&|filter| {
                    filter.unit = vec![unit.clone()];
                    filter.role = Role::Lead;
                })
            }),
        ),
        (
            "同一区县",
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
                        {all.map(|all| view! { <a class="see-all" href=all>"查看全部"</a> })}
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
            <h2>"相关条目"</h2>
            {sections}
        </section>
    }
    .into_any()
}

/// A plan section, 专栏 box, indicator or results row, if `id` names one.
fn plan_item(dataset: &Dataset, id: &str) -> Option<AnyView> {
    let plan = &dataset.plan;
    if let Some(section) = plan.sections.iter().find(|section| section.id == id) {
        let chapter = section.chapter.clone();
        return Some(plan_page(
            id,
            "规划段落",
            section.title.clone(),
            &section.document,
            &section.source,
            view! {
                {chapter.map(|chapter| view! { <p class="muted">{chapter}</p> })}
                <p class="item-text">{section.text.clone()}</p>
            }
            .into_any(),
        ));
    }
    if let Some(plan_box) = plan.boxes.iter().find(|plan_box| plan_box.id == id) {
        return Some(plan_page(
            id,
            "专栏",
            format!("{} {}", plan_box.number, plan_box.title),
            &plan_box.document,
            &plan_box.source,
            view! {
                <ul class="progress-list">
                    {plan_box
                        .entries
                        .iter()
                        .map(|entry| view! { <li>{entry.clone()}</li> })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        ));
    }
    if let Some(indicator) = plan.indicators.iter().find(|indicator| indicator.id == id) {
        let unit = if indicator.unit.is_empty() {
            String::new()
        } else {
            format!("（{}）", indicator.unit)
        };
        return Some(plan_page(
            id,
            "主要指标",
            format!("{}{}", indicator.name, unit),
            &indicator.document,
            &indicator.source,
            view! {
                <dl class="item-facts">
                    <dt>"类别"</dt>
                    <dd>{indicator.category.clone()}</dd>
                    <dt>"2020年"</dt>
                    <dd>{indicator.baseline.clone()}</dd>
                    <dt>"2025年目标"</dt>
                    <dd>{indicator.target.clone()}</dd>
                    <dt>"年均/累计增长"</dt>
                    <dd>{indicator.growth.clone()}</dd>
                    <dt>"属性"</dt>
                    <dd>{indicator.attribute.clone()}</dd>
                </dl>
            }
            .into_any(),
        ));
    }
    let row = plan.results.iter().find(|row| row.id == id)?;
    Some(plan_page(
        id,
        "“十三五”规划主要指标完成情况",
        row.name.clone(),
        &row.document,
        &row.source,
        view! {
            <dl class="item-facts">
                <dt>"类别"</dt>
                <dd>{row.category.clone()}</dd>
                {row
                    .cells
                    .iter()
                    .map(|(header, value)| view! { <dt>{header.clone()}</dt><dd>{value.clone()}</dd> })
                    .collect_view()}
            </dl>
        }
        .into_any(),
    ))
}

fn plan_page(
    id: &str,
    kind: &'static str,
    title: String,
    document: &str,
    source: &SourceSpan,
    body: AnyView,
) -> AnyView {
    view! {
        <article class="item-page" data-item-page=id.to_string()>
            <nav class="breadcrumb" aria-label="位置">
                <a href=href_view(View::Plan)>"规划"</a>
                " › "
                {kind}
            </nav>
            <h1>{title}</h1>
            {body}
            <dl class="item-facts">
                <DocumentFacts document=document.to_string() source=source.clone() />
                <Permalink id=id.to_string() />
            </dl>
            <p>
                <a href=href_view(View::Plan)>"在规划页中查看全文"</a>
            </p>
        </article>
    }
    .into_any()
}
