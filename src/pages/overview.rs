//! 总览: what the data holds, status across the progress reports, the lagging tasks
//! with their remarks, and tasks per leader and per district.

use leptos::prelude::*;
use planboard_model::{
    lagging, per_district, per_leader, per_progress_document, Dataset, Filter, Plan,
    SourceDocument, Status, View,
};

use crate::components::chart::StackedBarChart;
use crate::components::data_gate::with_plan;
use crate::components::status_chart::{
    status_composition_rows, status_row, status_series, tasks_href,
};
use crate::components::task_row::{document_short_label, EntryRow};
use crate::i18n::{counted, lang, tr};
use crate::state::{href_view, use_data, use_plan, FileLoad};

/// The overview (`#/`).
#[component]
pub fn OverviewPage() -> impl IntoView {
    let data = use_data();
    let dataset = &data.dataset;
    let index = &data.index;
    // Each commitment once, by its latest record (as the 任务 list counts).
    let everything: Vec<usize> = (0..index.entries().len())
        .filter(|&position| !index.entries()[position].superseded)
        .collect();

    let progress_charts = per_progress_document(dataset, index)
        .into_iter()
        .map(|(document, counts)| {
            let filter = Filter {
                doc: vec![document.id.clone()],
                ..Filter::default()
            };
            let (date, total) = (&document.date, counts.total());
            // `{name}` is where the chart puts the document's name, marked Chinese.
            let caption = lang().pick(
                format!("{{name}}（{date}）：{total} 项任务的状态"),
                format!("{{name}} ({date}): status of {}", tasks_count(total)),
            );
            view! {
                <StackedBarChart key=format!("status-{}", document.id) caption=caption
                    caption_name=document_short_label(&document)
                    series=status_series() rows=status_composition_rows(&counts, Some(&filter))
                    axis_label=tasks_axis() label_header=tr("状态", "Status").to_string()
                    composition=true />
            }
        })
        .collect_view();

    let leader_rows = per_leader(index, &everything)
        .into_iter()
        .map(|bar| {
            let filter = Filter {
                leader: vec![bar.label.clone()],
                ..Filter::default()
            };
            status_row(bar.label, &bar.counts, Some(&filter))
        })
        .collect::<Vec<_>>();
    let district_rows = per_district(index, &everything)
        .into_iter()
        .map(|bar| {
            let filter = Filter {
                district: vec![bar.label.clone()],
                ..Filter::default()
            };
            status_row(bar.label, &bar.counts, Some(&filter))
        })
        .collect::<Vec<_>>();

    let lagging_entries = lagging(index);
    let lagging_count = lagging_entries.len();
    let lagging_list = lagging_entries
        .into_iter()
        .map(|entry| view! { <EntryRow entry=entry query="" /> })
        .collect_view();
    let lagging_href = tasks_href(Filter {
        status: vec![Status::Lagging],
        ..Filter::default()
    });

    view! {
        <div class="view overview-page">
            <div class="page-head">
                <h1>{tr("总览", "Overview")}</h1>
                // The plan's counts are part of the sentence: it waits for plan.json.
                <div class="page-lede">
                    {
                        let dataset = data.dataset.clone();
                        with_plan(move |plan| view! { <p>{holdings_sentence(&dataset, &plan)}</p> })
                    }
                </div>
            </div>
            <DocumentTable />
            <section class="overview-status" aria-labelledby="overview-status">
                <h2 id="overview-status">
                    {tr("进展报告中的任务状态", "Task status in the progress reports")}
                </h2>
                <StatusDefinitions />
                <div class="chart-grid">{progress_charts}</div>
            </section>
            <section class="overview-lagging" aria-labelledby="overview-lagging">
                <h2 id="overview-lagging">
                    {lang()
                        .pick(
                            format!("需跟进的任务（{lagging_count} 项）"),
                            format!("Tasks to follow up ({lagging_count})"),
                        )}
                </h2>
                <p class="section-note">
                    <span data-testid="overview-lagging-basis">
                        {tr(
                            "依据每项工作最新的一份进展报告：年中报告中带督查“滞后”说明的，年终报告中写明“未完成”的；同一事项在多份报告中只列最新一次。最新文件在前。",
                            "By each commitment's latest progress report: lagging in a mid-year report's supervisors' remarks, or stated as not completed in a year-end report; a commitment several reports list appears once, by its latest. Newest report first. ",
                        )}
                    </span>
                    <a href=lagging_href>{tr("在任务列表中查看", "See them in the task list")}</a>
                </p>
                {if lagging_count == 0 {
                    view! {
                        <p class="empty">
                            {tr(
                                "当前数据中没有标为滞后的任务。",
                                "No task in the data is marked as lagging.",
                            )}
                        </p>
                    }
                        .into_any()
                } else {
                    view! { <ol class="entry-list">{lagging_list}</ol> }.into_any()
                }}
            </section>
            <section class="overview-load" aria-labelledby="overview-load">
                <h2 id="overview-load">{tr("任务分布", "Who and where")}</h2>
                <div class="chart-grid">
                    <StackedBarChart key="leaders".to_string()
                        caption=tr("各领导牵头的任务数（按每项最新一份报告的状态，同一事项计一次）", "Tasks led by each leader, by the status of each commitment's latest report (counted once)")
                            .to_string()
                        series=status_series() rows=leader_rows axis_label=tasks_axis()
                        label_header=tr("领导", "Leader").to_string() document_labels=true />
                    <StackedBarChart key="districts".to_string()
                        caption=tr(
                                "各区县涉及的任务数（按每项最新一份报告的状态；面向全部区县的任务计入每个区县）",
                                "Tasks per district, by the status of each commitment's latest report (a task for every district counts in each)",
                            )
                            .to_string()
                        series=status_series() rows=district_rows axis_label=tasks_axis()
                        label_header=tr("区县", "District").to_string() document_labels=true />
                </div>
                <p class="section-note">
                    <a href=href_view(View::Leaders)>{tr("全部领导", "All leaders")}</a>
                    " · "
                    <a href=href_view(View::Departments)>{tr("全部责任单位", "All responsible units")}</a>
                </p>
            </section>
        </div>
    }
}

/// The value axis of the task charts.
fn tasks_axis() -> String {
    tr("任务数（项）", "Tasks").to_string()
}

/// "1 task", "7 tasks".
fn tasks_count(n: usize) -> String {
    counted(n, "task", "tasks")
}

/// One sentence on the size of the data: documents, tasks, projects, people, units.
fn holdings_sentence(dataset: &Dataset, plan: &Plan) -> String {
    let catalog = &dataset.catalog;
    let (documents, tasks, projects) = (
        catalog.documents.len(),
        dataset.tasks.len(),
        dataset.projects.len(),
    );
    let (sections, boxes, indicators) =
        (plan.sections.len(), plan.boxes.len(), plan.indicators.len());
    let (leaders, units, districts) = (
        catalog.leaders.len(),
        catalog.units.len(),
        catalog.districts.len(),
    );
    lang().pick(
        format!(
            "收录 {documents} 份公开文件：{tasks} 项任务、{projects} 项民生实事、规划正文 {sections} 段、专栏 {boxes} 个、主要指标 {indicators} 项；涉及 {leaders} 位领导、{units} 个责任单位、{districts} 个区县（镇街）。"
        ),
        format!(
            "{} published documents: {}, {}, {}, {} and {} of the plan; they name {}, {} and {} (towns and subdistricts included).",
            documents,
            tasks_count(tasks),
            counted(projects, "livelihood project", "livelihood projects"),
            counted(sections, "plan section", "plan sections"),
            counted(boxes, "feature box", "feature boxes"),
            counted(indicators, "main indicator", "main indicators"),
            counted(leaders, "leader", "leaders"),
            counted(units, "responsible unit", "responsible units"),
            counted(districts, "district", "districts"),
        ),
    )
}

/// The imported documents with kind, jurisdiction, period, date and what each holds.
#[component]
fn DocumentTable() -> impl IntoView {
    let data = use_data();
    let dataset = &data.dataset;
    // The plan's three columns are filled in when plan.json has loaded; the rest at once.
    let plan = use_plan();
    let rows = dataset
        .catalog
        .documents
        .iter()
        .map(|document| document_row(dataset, plan, document))
        .collect_view();
    view! {
        <section class="overview-documents" aria-labelledby="overview-documents">
            <h2 id="overview-documents">{tr("收录的文件", "The documents")}</h2>
            <p class="scroll-hint" aria-hidden="true">
                {tr("表格较宽，可左右滑动 →", "The table is wide: swipe sideways →")}
            </p>
            <div
                class="table-scroll"
                role="region"
                aria-label=tr("收录的文件（可横向滚动）", "The documents (scrolls sideways)")
                tabindex="0"
            >
                <table class="data documents-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr("文件", "Document")}</th>
                            <th scope="col">{tr("类型", "Kind")}</th>
                            <th scope="col">{tr("辖区", "City")}</th>
                            <th scope="col">{tr("时期", "Period")}</th>
                            <th scope="col">{tr("日期", "Date")}</th>
                            <th scope="col" class="num">{tr("任务", "Tasks")}</th>
                            <th scope="col" class="num">{tr("民生实事", "Projects")}</th>
                            <th scope="col" class="num">{tr("规划段落", "Plan sections")}</th>
                            <th scope="col" class="num">{tr("专栏", "Boxes")}</th>
                            <th scope="col" class="num">{tr("指标", "Indicators")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

fn document_row(
    dataset: &Dataset,
    plan: FileLoad<Plan>,
    document: &SourceDocument,
) -> impl IntoView {
    let id = document.id.as_str();
    let tasks = dataset
        .tasks
        .iter()
        .filter(|task| task.document == id)
        .count();
    let projects = dataset
        .projects
        .iter()
        .filter(|project| project.document == id)
        .count();
    // "…" while plan.json loads; "？" if it cannot be used (the lede says why).
    let plan_count = move |count_of: fn(&Plan, &str) -> usize| {
        let id = document.id.clone();
        move || match plan.get() {
            None => "…".to_owned(),
            Some(Err(_)) => "？".to_owned(),
            Some(Ok(plan)) => dash_for_zero(count_of(&plan, &id)),
        }
    };
    let sections = plan_count(|plan, id| {
        plan.sections
            .iter()
            .filter(|section| section.document == id)
            .count()
    });
    let boxes = plan_count(|plan, id| {
        plan.boxes
            .iter()
            .filter(|plan_box| plan_box.document == id)
            .count()
    });
    let indicators = plan_count(|plan, id| {
        plan.indicators
            .iter()
            .filter(|indicator| indicator.document == id)
            .count()
    });
    let link = if tasks + projects > 0 {
        tasks_href(Filter {
            doc: vec![document.id.clone()],
            ..Filter::default()
        })
    } else {
        href_view(View::Plan)
    };
    let count = dash_for_zero;
    view! {
        <tr>
            <th scope="row">
                <a href=link lang="zh-CN">{document.title.clone()}</a>
                <span class="document-issuer" lang="zh-CN">{document.issuer.clone()}</span>
                {crate::imports::local_badge(document)}
            </th>
            <td>{document.kind.label(lang())}</td>
            <td lang="zh-CN">{document.jurisdiction.clone()}</td>
            <td lang="zh-CN">{document.period.clone()}</td>
            <td class="nowrap">{document.date.clone()}</td>
            <td class="num">{count(tasks)}</td>
            <td class="num">{count(projects)}</td>
            <td class="num">{sections}</td>
            <td class="num">{boxes}</td>
            <td class="num">{indicators}</td>
        </tr>
    }
}

/// A count for the documents table: "—" for none.
fn dash_for_zero(n: usize) -> String {
    if n == 0 {
        "—".to_string()
    } else {
        n.to_string()
    }
}

/// What each status word means, in the importer's own definitions (in English, the
/// same definitions translated here).
#[component]
fn StatusDefinitions() -> impl IntoView {
    let data = use_data();
    let definitions = data
        .dataset
        .catalog
        .statuses
        .iter()
        .map(|definition| {
            let status = definition.status;
            let class = format!("status status-{}", status.code());
            let (label, meaning) = lang().pick(
                (definition.label.clone(), definition.definition.clone()),
                (
                    status.label(lang()).to_string(),
                    status_definition_en(status).to_string(),
                ),
            );
            view! {
                <div>
                    <dt><span class=class>{label}</span></dt>
                    <dd>{meaning}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="status-definitions">{definitions}</dl> }
}

/// The English of the importer's status definitions (`status_definitions` in
/// crates/importer/src/dataset.rs, shipped in documents.json).
fn status_definition_en(status: Status) -> &'static str {
    match status {
        Status::Lagging => {
            "The progress report has a supervisors' remark under the task saying it lags (for example, that it is slower than the half-year target)."
        }
        Status::NotCompleted => {
            "The report states the task was not completed: its status column says so (or answers no), or its completion text opens with those words."
        }
        Status::NoProgress => "The task is listed in a progress report, but nothing is written under it.",
        Status::Reported => "The progress report writes progress under the task, no remark that it lags, and states no outcome (a status column saying the work is on schedule counts here too).",
        Status::Ongoing => {
            "The report states the work continues beyond the year (in its status column or at the start of its completion text): neither completed nor missed."
        }
        Status::MostlyCompleted => {
            "The report states the task was largely completed: the main targets met, a little left to finish."
        }
        Status::Completed => {
            "The report states the task was completed: its status column says so (or answers yes), or its completion text opens with that verdict followed by punctuation (not a narrative that merely begins with the word, such as an amount invested)."
        }
        Status::NotTracked => {
            "The task comes from a five-year plan, a work report or a task breakdown: such documents report no progress, so there is nothing to judge."
        }
    }
}
