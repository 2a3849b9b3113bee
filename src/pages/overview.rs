//! 总览: what the data holds, status across the progress reports, the lagging tasks
//! with their remarks, and tasks per leader and per district.

use leptos::prelude::*;
use planboard_model::{
    lagging, per_district, per_leader, per_progress_document, Dataset, Filter, SourceDocument,
    Status, View,
};

use crate::components::chart::StackedBarChart;
use crate::components::status_chart::{
    status_composition_rows, status_row, status_series, tasks_href,
};
use crate::components::task_row::{document_short_label, EntryRow};
use crate::state::{href_view, use_data};

/// The overview (`#/`).
#[component]
pub fn OverviewPage() -> impl IntoView {
    let data = use_data();
    let dataset = &data.dataset;
    let index = &data.index;
    let everything: Vec<usize> = (0..index.entries().len()).collect();

    let progress_charts = per_progress_document(dataset, index)
        .into_iter()
        .map(|(document, counts)| {
            let filter = Filter {
                doc: vec![document.id.clone()],
                ..Filter::default()
            };
            let caption = format!(
                "{}（{}）：{} 项任务的状态",
                document_short_label(&document),
                document.date,
                counts.total()
            );
            view! {
                <StackedBarChart key=format!("status-{}", document.id) caption=caption
                    series=status_series() rows=status_composition_rows(&counts, Some(&filter))
                    axis_label="任务数（项）".to_string() label_header="状态".to_string()
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
                <h1>"总览"</h1>
                <p class="page-lede">{holdings_sentence(dataset)}</p>
            </div>
            <DocumentTable />
            <section class="overview-status" aria-labelledby="overview-status">
                <h2 id="overview-status">"进展报告中的任务状态"</h2>
                <StatusDefinitions />
                <div class="chart-grid">{progress_charts}</div>
            </section>
            <section class="overview-lagging" aria-labelledby="overview-lagging">
                <h2 id="overview-lagging">{format!("滞后任务（{lagging_count} 项）")}</h2>
                <p class="section-note">
                    "进展报告中带有督查“滞后”说明的任务，最新文件在前。"
                    <a href=lagging_href>"在任务列表中查看"</a>
                </p>
                {if lagging_count == 0 {
                    view! { <p class="empty">"当前数据中没有标为滞后的任务。"</p> }.into_any()
                } else {
                    view! { <ol class="entry-list">{lagging_list}</ol> }.into_any()
                }}
            </section>
            <section class="overview-load" aria-labelledby="overview-load">
                <h2 id="overview-load">"任务分布"</h2>
                <div class="chart-grid">
                    <StackedBarChart key="leaders".to_string()
                        caption="各领导牵头的任务数（按状态）".to_string() series=status_series()
                        rows=leader_rows axis_label="任务数（项）".to_string()
                        label_header="领导".to_string() />
                    <StackedBarChart key="districts".to_string()
                        caption="各区县涉及的任务数（按状态；面向全部区县的任务计入每个区县）".to_string()
                        series=status_series() rows=district_rows axis_label="任务数（项）".to_string()
                        label_header="区县".to_string() />
                </div>
                <p class="section-note">
                    <a href=href_view(View::Leaders)>"全部领导"</a>
                    " · "
                    <a href=href_view(View::Departments)>"全部责任单位"</a>
                </p>
            </section>
        </div>
    }
}

/// One sentence on the size of the data: documents, tasks, projects, people, units.
fn holdings_sentence(dataset: &Dataset) -> String {
    let catalog = &dataset.catalog;
    format!(
        "收录 {} 份公开文件：{} 项任务、{} 项民生实事、规划正文 {} 段、专栏 {} 个、主要指标 {} 项；涉及 {} 位领导、{} 个责任单位、{} 个区县（镇街）。",
        catalog.documents.len(),
        dataset.tasks.len(),
        dataset.projects.len(),
        dataset.plan.sections.len(),
        dataset.plan.boxes.len(),
        dataset.plan.indicators.len(),
        catalog.leaders.len(),
        catalog.units.len(),
        catalog.districts.len(),
    )
}

/// The imported documents with kind, jurisdiction, period, date and what each holds.
#[component]
fn DocumentTable() -> impl IntoView {
    let data = use_data();
    let dataset = &data.dataset;
    let rows = dataset
        .catalog
        .documents
        .iter()
        .map(|document| document_row(dataset, document))
        .collect_view();
    view! {
        <section class="overview-documents" aria-labelledby="overview-documents">
            <h2 id="overview-documents">"收录的文件"</h2>
            <p class="scroll-hint" aria-hidden="true">"表格较宽，可左右滑动 →"</p>
            <div class="table-scroll" role="region" aria-label="收录的文件（可横向滚动）" tabindex="0">
                <table class="data documents-table">
                    <thead>
                        <tr>
                            <th scope="col">"文件"</th>
                            <th scope="col">"类型"</th>
                            <th scope="col">"辖区"</th>
                            <th scope="col">"时期"</th>
                            <th scope="col">"日期"</th>
                            <th scope="col" class="num">"任务"</th>
                            <th scope="col" class="num">"民生实事"</th>
                            <th scope="col" class="num">"规划段落"</th>
                            <th scope="col" class="num">"专栏"</th>
                            <th scope="col" class="num">"指标"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

fn document_row(dataset: &Dataset, document: &SourceDocument) -> impl IntoView {
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
    let plan = &dataset.plan;
    let sections = plan
        .sections
        .iter()
        .filter(|section| section.document == id)
        .count();
    let boxes = plan
        .boxes
        .iter()
        .filter(|plan_box| plan_box.document == id)
        .count();
    let indicators = plan
        .indicators
        .iter()
        .filter(|indicator| indicator.document == id)
        .count();
    let link = if tasks + projects > 0 {
        tasks_href(Filter {
            doc: vec![document.id.clone()],
            ..Filter::default()
        })
    } else {
        href_view(View::Plan)
    };
    let count = |n: usize| {
        if n == 0 {
            "—".to_string()
        } else {
            n.to_string()
        }
    };
    view! {
        <tr>
            <th scope="row">
                <a href=link>{document.title.clone()}</a>
                <span class="document-issuer">{document.issuer.clone()}</span>
            </th>
            <td>{document.kind.label_zh()}</td>
            <td>{document.jurisdiction.clone()}</td>
            <td>{document.period.clone()}</td>
            <td class="nowrap">{document.date.clone()}</td>
            <td class="num">{count(tasks)}</td>
            <td class="num">{count(projects)}</td>
            <td class="num">{count(sections)}</td>
            <td class="num">{count(boxes)}</td>
            <td class="num">{count(indicators)}</td>
        </tr>
    }
}

/// What each status word means, in the importer's own definitions.
#[component]
fn StatusDefinitions() -> impl IntoView {
    let data = use_data();
    let definitions = data
        .dataset
        .catalog
        .statuses
        .iter()
        .map(|definition| {
            let class = format!("status status-{}", definition.status.code());
            view! {
                <div>
                    <dt><span class=class>{definition.label.clone()}</span></dt>
                    <dd>{definition.definition.clone()}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="status-definitions">{definitions}</dl> }
}
